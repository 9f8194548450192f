#include "config_value.h"

#include <algorithm>
#include <array>

namespace iisid::config {

namespace {
constexpr std::string_view encPrefix = "[enc:";
constexpr std::string_view encSuffix = ":enc]";

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
} // namespace

bool isEncryptedValue(std::string_view text) {
    return text.size() >= encPrefix.size() + encSuffix.size() && text.starts_with(encPrefix) &&
           text.ends_with(encSuffix);
}

std::string_view encryptionProvider(std::string_view text) {
    if (!isEncryptedValue(text))
        return {};
    const std::string_view inner =
        text.substr(encPrefix.size(), text.size() - encPrefix.size() - encSuffix.size());
    return inner.substr(0, inner.find(':'));
}

bool isEmptyEncryptedValue(std::string_view text) {
    if (!isEncryptedValue(text))
        return false;
    const std::string_view inner =
        text.substr(encPrefix.size(), text.size() - encPrefix.size() - encSuffix.size());
    const std::size_t colon = inner.find(':');
    return colon == std::string_view::npos || colon + 1 == inner.size();
}

std::vector<std::string_view> splitCommaList(std::string_view text) {
    std::vector<std::string_view> out;
    while (!text.empty()) {
        const std::size_t comma = text.find(',');
        std::string_view item = text.substr(0, comma);
        while (!item.empty() && item.front() == ' ')
            item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ')
            item.remove_suffix(1);
        if (!item.empty())
            out.push_back(item);
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    }
    return out;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [](char x, char y) { return lower(x) == lower(y); });
}

std::string toLowerAscii(std::string_view text) {
    std::string out(text);
    for (char &c : out)
        c = lower(c);
    return out;
}

std::string expandWellKnownVariables(std::string_view text) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 3> known{{
        {"%systemdrive%", "C:"},
        {"%windir%", "C:\\Windows"},
        {"%systemroot%", "C:\\Windows"},
    }};
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        bool replaced = false;
        if (text[i] == '%') {
            for (const auto &[variable, value] : known) {
                if (equalsIgnoreCase(text.substr(i, variable.size()), variable)) {
                    out += value;
                    i += variable.size();
                    replaced = true;
                    break;
                }
            }
        }
        if (!replaced)
            out += text[i++];
    }
    return out;
}

const ConfigValue *EffectiveElement::attribute(std::string_view attributeName) const {
    for (const auto &[attributeKey, value] : attributes) {
        if (attributeKey == attributeName)
            return &value;
    }
    return nullptr;
}

ConfigValue EffectiveElement::value(std::string_view attributeName) const {
    const ConfigValue *found = attribute(attributeName);
    return found != nullptr ? *found : ConfigValue{};
}

const EffectiveElement *EffectiveElement::child(std::string_view childName) const {
    for (const EffectiveElement &element : children) {
        if (element.name == childName)
            return &element;
    }
    return nullptr;
}

} // namespace iisid::config
