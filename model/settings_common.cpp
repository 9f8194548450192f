// What the settings groups share: the rules several groups ask (version, process model, the
// answered scheme), the reasons a setting does not apply, the name checks and the builders.

#include "settings_catalogue.h"

#include <algorithm>
#include <utility>

namespace iisid::catalogue {

bool iis5ProcessModel(const Scenario &s) {
    const IisVersion v = version(s);
    return isIis5(v) || (isIis6(v) && field::iis6Mode.value(s) == Iis6Mode::Iis5Isolation);
}

std::optional<Scheme> answeredScheme(const Scenario &s) {
    if (!field::requestUser.written(s))
        return std::nullopt;
    return field::scheme.value(s);
}

Reason never(const Scenario &) {
    return std::nullopt;
}

Reason anyValue(const SettingValue &) {
    return std::nullopt;
}

Reason notBefore7(const Scenario &s, std::string_view what) {
    if (isIis7Plus(version(s)))
        return std::nullopt;
    return std::string(what) + " exists on IIS 7.0 and later, not on IIS " +
           std::string(toString(version(s)));
}

Reason needsPool(const Scenario &s) {
    if (!iis5ProcessModel(s))
        return std::nullopt;
    return std::string("IIS ") + std::string(toString(version(s))) +
           (isIis6(version(s)) ? " in IIS 5.0 isolation mode" : "") +
           " has no application pools (applications run in inetinfo.exe or dllhost.exe; set "
           "application.protection instead)";
}

Reason unlessHandler(const Scenario &s, HandlerKind wanted) {
    if (handler(s) == wanted)
        return std::nullopt;
    // In the words the editor shows beside the reason ("the CGI handler", not "cgi").
    return "only used by the " + std::string(word(wanted)) + " handler; the handler is " +
           std::string(word(handler(s)));
}

namespace {

// Characters Windows does not allow in user, group or computer names (Microsoft, "User Name
// Formats" / sAMAccountName): " / [ ] : ; | = , + * ? < >. A backslash only separates the
// domain from the user.
constexpr std::string_view forbidden = "\"/[]:;|=,+*?<>";

Reason forbiddenCharacter(std::string_view name, std::string_view what) {
    const std::size_t at = name.find_first_of(forbidden);
    if (at == std::string_view::npos)
        return std::nullopt;
    return std::string(what) + " \"" + std::string(name) + "\" contains '" + name[at] +
           "', which Windows does not allow in names";
}

} // namespace

namespace {

Reason accountProblem(const std::string &name) {
    if (name.empty())
        return std::string("the account name is empty");
    const std::size_t slash = name.find('\\');
    if (slash != std::string::npos) {
        if (name.find('\\', slash + 1) != std::string::npos)
            return "the account name \"" + name + "\" has more than one '\\'; write DOMAIN\\user";
        if (slash == 0)
            return "the domain before the '\\' in \"" + name + "\" is empty";
        if (slash + 1 == name.size())
            return "the user name after the '\\' in \"" + name + "\" is empty";
    }
    return forbiddenCharacter(name, "the account name");
}

} // namespace

Reason accountNameProblem(const SettingValue &value) {
    if (const std::string *name = std::get_if<std::string>(&value))
        return accountProblem(*name);
    if (const auto *names = std::get_if<std::vector<std::string>>(&value)) {
        for (const std::string &name : *names) {
            if (Reason r = accountProblem(name))
                return r;
        }
    }
    return std::nullopt;
}

Reason plainNameProblem(const SettingValue &value, std::string_view what) {
    const std::string *name = std::get_if<std::string>(&value);
    if (!name)
        return std::nullopt;
    if (name->empty())
        return std::string(what) + " is empty";
    if (name->find('\\') != std::string::npos)
        return std::string(what) + " \"" + *name + "\" contains '\\', which is not allowed there";
    return forbiddenCharacter(*name, what);
}

Setting fromTexts(Texts texts, SettingType type) {
    Setting setting;
    setting.id = std::move(texts.id);
    setting.group = std::move(texts.group);
    setting.label = std::move(texts.label);
    setting.help = std::move(texts.help);
    setting.facts = std::move(texts.facts);
    setting.type = type;
    return setting;
}

namespace {

/// get, set and defaultValue of a setting whose generic value holds T as it is.
template <typename T> void readAndWrite(Setting &setting, const Field<T> &field) {
    setting.get = [&field](const Scenario &s) -> SettingValue {
        const std::optional<T> &value = field.written(s);
        return value ? SettingValue(*value) : SettingValue();
    };
    setting.set = [&field](Scenario &s, const SettingValue &value) {
        std::optional<T> &target = field.access(s);
        if (const T *typed = std::get_if<T>(&value))
            target = *typed;
        else
            target.reset();
    };
    if (field.fallback)
        setting.defaultValue = [&field](const Scenario &s) -> SettingValue {
            return field.fallback(s);
        };
    else
        setting.defaultValue = [](const Scenario &) -> SettingValue { return {}; };
}

/// A known value as it is, or Unknown.
template <typename T> SettingValue genericValue(const Known<T> &value) {
    if (const T *known = value.ifKnown())
        return *known;
    return unknown;
}

/// get, set and defaultValue of a setting whose field may also hold "unknown".
template <typename T> void readAndWrite(Setting &setting, const Field<Known<T>> &field) {
    setting.acceptsUnknown = true;
    setting.get = [&field](const Scenario &s) -> SettingValue {
        const std::optional<Known<T>> &value = field.written(s);
        return value ? genericValue(*value) : SettingValue();
    };
    setting.set = [&field](Scenario &s, const SettingValue &value) {
        std::optional<Known<T>> &target = field.access(s);
        if (const T *typed = std::get_if<T>(&value))
            target = Known<T>(*typed);
        else if (std::holds_alternative<Unknown>(value))
            target = Known<T>(unknown);
        else
            target.reset();
    };
    if (field.fallback)
        setting.defaultValue = [&field](const Scenario &s) -> SettingValue {
            return genericValue(field.fallback(s));
        };
    else
        setting.defaultValue = [](const Scenario &) -> SettingValue { return {}; };
}

} // namespace

Setting boolSetting(Texts texts, const Field<Known<bool>> &field) {
    Setting setting = fromTexts(std::move(texts), SettingType::Bool);
    readAndWrite(setting, field);
    setting.samples = {true, false};
    return setting;
}

Setting listSetting(Texts texts, const Field<Known<std::vector<std::string>>> &field) {
    Setting setting = fromTexts(std::move(texts), SettingType::TextList);
    readAndWrite(setting, field);
    setting.samples = {SettingValue()};
    return setting;
}

Setting boolSetting(Texts texts, const Field<bool> &field) {
    Setting setting = fromTexts(std::move(texts), SettingType::Bool);
    readAndWrite(setting, field);
    setting.samples = {true, false};
    return setting;
}

Setting textSetting(Texts texts, const Field<std::string> &field, bool nullable) {
    Setting setting = fromTexts(std::move(texts), SettingType::Text);
    setting.nullable = nullable;
    readAndWrite(setting, field);
    setting.samples = {SettingValue()};
    return setting;
}

Setting listSetting(Texts texts, const Field<std::vector<std::string>> &field) {
    Setting setting = fromTexts(std::move(texts), SettingType::TextList);
    readAndWrite(setting, field);
    setting.samples = {SettingValue()};
    return setting;
}

} // namespace iisid::catalogue
