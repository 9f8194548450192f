#include "redact.h"

#include <cctype>

namespace iisid::check {

namespace {

constexpr std::string_view encOpen = "[enc:";
constexpr std::string_view encClose = ":enc]";

bool isWordChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

bool equalsIgnoringCase(std::string_view text, std::size_t at, std::string_view word) {
    if (at + word.size() > text.size())
        return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(text[at + i])) != word[i])
            return false;
    }
    return true;
}

/// If a password key ("password", "pwd") starts at `at` as a whole word and is followed by `=`
/// (white space allowed around it), the index just after the `=`; else npos.
std::size_t passwordValueStart(std::string_view text, std::size_t at) {
    if (at > 0 && isWordChar(text[at - 1]))
        return std::string_view::npos;
    for (std::string_view key : {std::string_view("password"), std::string_view("pwd")}) {
        if (!equalsIgnoringCase(text, at, key))
            continue;
        std::size_t i = at + key.size();
        while (i < text.size() && text[i] == ' ')
            ++i;
        if (i < text.size() && text[i] == '=')
            return i + 1;
    }
    return std::string_view::npos;
}

} // namespace

std::string redact(std::string_view text, bool show) {
    if (show)
        return std::string(text);
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        if (text.compare(i, encOpen.size(), encOpen) == 0) {
            const std::size_t close = text.find(encClose, i + encOpen.size());
            // An opening without a closing still starts a secret: hide the rest.
            out += redactedText;
            i = close == std::string_view::npos ? text.size() : close + encClose.size();
            continue;
        }
        const std::size_t valueStart = passwordValueStart(text, i);
        if (valueStart == std::string_view::npos) {
            // Nothing starts here: copy up to the next character a secret can start at (the
            // '[' of "[enc:", the p of a password key). Character by character this was a tenth
            // of `iisid check --format json` on 60,000 applications (issue 7 §6).
            const std::size_t next = text.find_first_of("[pP", i + 1);
            const std::size_t stop = next == std::string_view::npos ? text.size() : next;
            out.append(text.substr(i, stop - i));
            i = stop;
            continue;
        }
        out.append(text.substr(i, valueStart - i));
        std::size_t j = valueStart;
        while (j < text.size() && text[j] == ' ')
            ++j;
        out.append(text.substr(valueStart, j - valueStart));
        if (j < text.size() && (text[j] == '"' || text[j] == '\'')) {
            // A quoted value (an XML attribute, a quoted connection-string value) ends at the
            // same quote.
            const char quote = text[j];
            const std::size_t end = text.find(quote, j + 1);
            out += quote;
            out += redactedText;
            if (end == std::string_view::npos) {
                i = text.size();
            } else {
                out += quote;
                i = end + 1;
            }
            continue;
        }
        std::size_t end = j;
        while (end < text.size() && text[end] != ';' && text[end] != '"' && text[end] != '\'' &&
               std::isspace(static_cast<unsigned char>(text[end])) == 0)
            ++end;
        if (end > j)
            out += redactedText;
        i = end;
    }
    return out;
}

std::string redact(const SecretText &value, bool show) {
    if (value.secret && !show)
        return std::string(redactedText);
    return redact(value.text, show);
}

} // namespace iisid::check
