#pragma once

// Internal to the model: the parts the settings catalogue is assembled from. Each editor group's
// settings live in their own file (settings_server.cpp, settings_app_pool.cpp, ...);
// settings.cpp assembles them in dependency order, fills EffectiveScenario from the fields
// (settings_fields.h) and holds the spellings. Nothing outside model/settings*.cpp includes this
// header.

#include "settings.h"
#include "settings_fields.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace iisid::catalogue {

// --- Shared rules (settings_common.cpp) ----------------------------------------------------------

inline HandlerKind handler(const Scenario &s) {
    return field::handlerKind.value(s);
}
inline PoolIdentity poolIdentity(const Scenario &s) {
    return field::poolIdentity.value(s);
}

/// IIS 5.x, or IIS 6.0 in IIS 5.0 isolation mode: no application pools.
bool iis5ProcessModel(const Scenario &s);
/// The scheme the user answers with, or nullopt when the user has no credentials.
std::optional<Scheme> answeredScheme(const Scenario &s);

using Reason = std::optional<std::string>;
Reason never(const Scenario &);
Reason anyValue(const SettingValue &);
Reason notBefore7(const Scenario &s, std::string_view what);
Reason needsPool(const Scenario &s);
Reason unlessHandler(const Scenario &s, HandlerKind wanted);

// Name checks (Setting::valueProblem): why a value is not a Windows name, or nullopt (also for
// no value).
/// DOMAIN\user or user, or a list of them: neither part empty, at most one backslash, no
/// character Windows forbids in account names.
Reason accountNameProblem(const SettingValue &value);
/// A computer or pool name: not empty, no backslash, no forbidden character. what: "the
/// machine name".
Reason plainNameProblem(const SettingValue &value, std::string_view what);

/// The editor's groups, as it shows them (each section takes the first setting's place).
namespace group {
inline constexpr const char *server = "Server";
inline constexpr const char *appPool = "Application pool";
inline constexpr const char *handler = "Handler";
inline constexpr const char *request = "Request";
inline constexpr const char *authentication = "Authentication";
inline constexpr const char *content = "Content";
inline constexpr const char *aspnet = "ASP.NET";
inline constexpr const char *asp = "ASP";
inline constexpr const char *action = "What the code does";
} // namespace group

// --- Builders (settings_common.cpp). Each reads and writes through one Field. -------------------

/// The texts of one entry.
struct Texts {
    std::string id;
    std::string group;
    std::string label;
    std::string help;
    std::string facts;
};

/// A setting with its texts and type only.
Setting fromTexts(Texts texts, SettingType type);
Setting boolSetting(Texts texts, const Field<bool> &field);
/// A boolean that may also be "unknown" (Setting::acceptsUnknown).
Setting boolSetting(Texts texts, const Field<Known<bool>> &field);
/// nullable: null is allowed and means "none" (the field then has no default).
Setting textSetting(Texts texts, const Field<std::string> &field, bool nullable);
Setting listSetting(Texts texts, const Field<std::vector<std::string>> &field);
/// A list that may also be "unknown" (Setting::acceptsUnknown).
Setting listSetting(Texts texts, const Field<Known<std::vector<std::string>>> &field);

/// The spellings of an enumeration, in enumerator order (settings.cpp).
std::span<const std::string_view> spellings(IisVersion);
std::span<const std::string_view> spellings(Iis6Mode);
std::span<const std::string_view> spellings(Protection);
std::span<const std::string_view> spellings(PoolIdentity);
std::span<const std::string_view> spellings(Pipeline);
std::span<const std::string_view> spellings(LogonMethod);
std::span<const std::string_view> spellings(Scheme);
std::span<const std::string_view> spellings(SendsCredentials);
std::span<const std::string_view> spellings(HandlerKind);
std::span<const std::string_view> spellings(FastCgiProtocol);
std::span<const std::string_view> spellings(HostingModel);
std::span<const std::string_view> spellings(AspNetAuthMode);
std::span<const std::string_view> spellings(Action);

/// The words shown for the same values, in enumerator order (settings.cpp): Setting::
/// choiceLabels.
std::span<const std::string_view> words(IisVersion);
std::span<const std::string_view> words(Iis6Mode);
std::span<const std::string_view> words(Protection);
std::span<const std::string_view> words(PoolIdentity);
std::span<const std::string_view> words(Pipeline);
std::span<const std::string_view> words(LogonMethod);
std::span<const std::string_view> words(Scheme);
std::span<const std::string_view> words(SendsCredentials);
std::span<const std::string_view> words(HandlerKind);
std::span<const std::string_view> words(FastCgiProtocol);
std::span<const std::string_view> words(HostingModel);
std::span<const std::string_view> words(AspNetAuthMode);
std::span<const std::string_view> words(Action);

/// The word of one value: word(HandlerKind::Cgi) is "CGI".
template <typename E> std::string_view word(E value) {
    return words(E{})[static_cast<std::size_t>(value)];
}

template <typename E> std::optional<E> parseEnum(std::string_view text) {
    const std::span<const std::string_view> names = spellings(E{});
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == text)
            return static_cast<E>(i);
    }
    return std::nullopt;
}

template <typename E> Setting choiceSetting(Texts texts, const Field<E> &field) {
    Setting setting = fromTexts(std::move(texts), SettingType::Choice);
    for (std::string_view name : spellings(E{})) {
        setting.choices.emplace_back(name);
        setting.samples.emplace_back(std::string(name));
    }
    for (std::string_view word : words(E{}))
        setting.choiceLabels.emplace_back(word);
    setting.get = [&field](const Scenario &s) -> SettingValue {
        const std::optional<E> &value = field.written(s);
        return value ? SettingValue(std::string(toString(*value))) : SettingValue();
    };
    setting.set = [&field](Scenario &s, const SettingValue &value) {
        std::optional<E> &target = field.access(s);
        if (const std::string *text = std::get_if<std::string>(&value))
            target = parseEnum<E>(*text);
        else
            target.reset();
    };
    setting.defaultValue = [&field](const Scenario &s) -> SettingValue {
        return std::string(toString(field.fallback(s)));
    };
    return setting;
}

// --- The groups, in the files named after them. Each returns its settings fully built; the
// assembly in settings.cpp only appends them, so no reference into the catalogue is handed out
// while it grows.

std::vector<Setting> serverSettings();   // version, isolation mode, machine, domain
Setting kerberosDelegationSetting();     // Server, but depends on the request
Setting protectionSetting();             // Application pool (IIS 5 process model)
std::vector<Setting> appPoolSettings();  // name, identity, account, pipeline
Setting canReplaceProcessTokenSetting(); // Application pool; depends on handler and action
Setting handlerKindSetting();            // first of Handler: later settings depend on it
std::vector<Setting> handlerSettings();  // the rest of Handler
std::vector<Setting> requestSettings();
std::vector<Setting> authenticationSettings();
std::vector<Setting> contentSettings();
std::vector<Setting> aspnetSettings();
std::vector<Setting> aspSettings();
Setting actionSetting();

} // namespace iisid::catalogue
