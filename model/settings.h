#pragma once

#include "scenario.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace iisid {

/// A setting's value in the generic form shared by the scenario file, --set and the editor:
/// nothing (absent or null), a boolean, a string (also an enumeration's spelling), a list, or
/// "unknown" (only for a setting that acceptsUnknown).
using SettingValue =
    std::variant<std::monostate, bool, std::string, std::vector<std::string>, Unknown>;

/// How "unknown" is spelt in files, on the command line and in the editor.
inline constexpr std::string_view unknownSpelling = "unknown";

enum class SettingType {
    Bool,     // true / false
    Choice,   // one of Setting::choices
    Text,     // free text, e.g. an account name
    TextList, // a list of strings
};

/// One setting of a scenario, declared once. The scenario reader, --set, the JSON writer, the
/// benchmark's enumeration and the GUI editor all work from this list; adding a setting means
/// adding one entry here (and the rule that uses it in the resolver).
struct Setting {
    std::string id;    // the scenario key, dotted: "appPool.identity"
    std::string group; // editor group: "Server", "Application pool", ...
    std::string label;
    std::string help;
    std::string facts; // reference fact ids behind the default and meaning, e.g. "F2.20"
    /// For a default that depends on the version or on other settings, how it does, for people:
    /// "forms when aspnet.authenticationMode is forms, else ntlm". Empty for a fixed default.
    std::string defaultNote;
    SettingType type = SettingType::Text;
    std::vector<std::string> choices; // Choice: the allowed spellings, in display order
    /// Choice: the word people read for each choice, as IIS Manager and Microsoft's documents
    /// write it ("ISAPI filter" for isapiFilter), in the order of choices. Only for showing:
    /// files, --set and the JSON contract use the spellings.
    std::vector<std::string> choiceLabels;
    bool nullable = false; // Text: null is allowed and means "none"
    /// "unknown" is allowed: configuration files never tell this input (a password's validity,
    /// an ACL), so a scenario derived from them can say it is not known. The resolver then goes
    /// on as the input allows and says what the result depends on (Resolution::dependsOn).
    bool acceptsUnknown = false;

    /// The value written in the scenario, or monostate when absent.
    std::function<SettingValue(const Scenario &)> get;
    /// Writes value (already checked to be of the setting's type); monostate removes it.
    std::function<void(Scenario &, const SettingValue &)> set;
    /// The value IIS uses when the scenario does not say (depends on the version and other
    /// settings); monostate when there is none ("no user", "everyone can read").
    std::function<SettingValue(const Scenario &)> defaultValue;
    /// Why the written value cannot be used with the rest of the scenario (chiefly the IIS
    /// version), or nullopt. A problem is an input error.
    std::function<std::optional<std::string>(const Scenario &)> problem;
    /// Why a value is not one this setting can hold, whatever the rest of the scenario says (an
    /// empty account name, a character Windows forbids in names), or nullopt. Also an input
    /// error; unlike problem() the editor keeps the control enabled, since a name being typed
    /// passes through such values ("CONTOSO\").
    std::function<std::optional<std::string>(const SettingValue &)> valueProblem;
    /// Why the setting has no effect given the other settings (e.g. the handler is not CGI), or
    /// nullopt when it matters. Not an error: the editor disables the control and says why.
    std::function<std::optional<std::string>(const Scenario &)> inactiveReason;
    /// Choice: why this choice cannot be used with the rest of the scenario (chiefly the IIS
    /// version: no ApplicationPoolIdentity on IIS 6.0), or nullopt. The editor offers only the
    /// choices without a reason; problem() reports a written value that has one.
    std::function<std::optional<std::string>(const Scenario &, std::string_view choice)>
        choiceProblem;
    /// Representative values for enumerating the input space (choices and booleans use all).
    std::vector<SettingValue> samples;
};

/// The catalogue, in editor order. Settings that others depend on come first. Built once, on
/// first use, and never changed afterwards: references into it stay valid.
const std::vector<Setting> &settings();

/// The setting with this id, or nullptr.
const Setting *findSetting(std::string_view id);

/// The value in effect: the written value, or the version's default.
SettingValue effectiveValue(const Setting &setting, const Scenario &scenario);

/// "true", "ntlm", "[\"a\", \"b\"]", "unknown" or "(none)": a value as a person reads it.
std::string displayValue(const SettingValue &value);

/// The word shown for a choice of a Choice setting ("ISAPI filter" for "isapiFilter"); the
/// spelling itself when the setting has no such choice.
std::string_view choiceLabel(const Setting &setting, std::string_view choice);

/// displayValue(), but a Choice setting's value in its choice's word: "NTLM", "Classic".
std::string displayValue(const Setting &setting, const SettingValue &value);

/// Spellings of the enumerations (the same as in files and on the command line).
std::string_view toString(IisVersion);
std::string_view toString(Iis6Mode);
std::string_view toString(Protection);
std::string_view toString(PoolIdentity);
std::string_view toString(Pipeline);
std::string_view toString(LogonMethod);
std::string_view toString(Scheme);
std::string_view toString(SendsCredentials);
std::string_view toString(HandlerKind);
std::string_view toString(FastCgiProtocol);
std::string_view toString(HostingModel);
std::string_view toString(AspNetAuthMode);
std::string_view toString(Action);

/// Every input with the IIS default filled in: what the resolver works from.
struct EffectiveScenario {
    IisVersion version{};
    Iis6Mode iis6Mode{};
    bool iis5ProcessModel = false; // IIS 5.x, or IIS 6.0 in IIS 5.0 isolation mode
    std::string machine;
    std::string domain; // "" = a workgroup server, not joined to a domain (F2.47)
    bool kerberosDelegation = false;
    Protection protection{};
    std::string poolName;
    PoolIdentity poolIdentity{};
    std::string poolUserName;
    Pipeline pipeline{};
    bool canReplaceProcessToken = false;
    bool canReplaceProcessTokenExplicit = false;

    bool anonymousEnabled = false;
    std::string anonymousUserName; // as written: "IUSR", "IUSR_WEB01", "", "CONTOSO\\anon"
    Known<bool> anonymousPasswordValid = true;
    LogonMethod anonymousLogonMethod{};
    bool basicEnabled = false;
    LogonMethod basicLogonMethod{};
    bool digestEnabled = false;
    bool windowsEnabled = false;
    bool useKernelMode = false;
    bool useAppPoolCredentials = false;
    bool clientCertificateEnabled = false;
    bool clientCertificateRequired = false;

    std::optional<std::string> requestUser;
    Scheme scheme{};
    Known<bool> credentialsValid = true;
    SendsCredentials sendsCredentials{};

    std::string contentPath;
    std::optional<std::string> connectAs;
    Known<bool> connectAsPasswordValid = true;
    /// nullopt: the scenario gives no list, everyone can read.
    Known<std::optional<std::vector<std::string>>> readableBy{std::nullopt};

    HandlerKind handler{};
    bool createProcessAsUser = true;
    bool fastcgiImpersonate = false;
    FastCgiProtocol fastcgiProtocol{};
    HostingModel hostingModel{};
    bool forwardWindowsAuthToken = true;

    bool aspnetImpersonate = false;
    std::optional<std::string> aspnetUserName;
    bool validateIntegratedModeConfiguration = true;
    AspNetAuthMode aspnetAuthenticationMode{};
    std::string processModelUserName = "machine";

    bool runOnEndAnonymously = true;
    Action action{};
};

/// Fills the defaults: every value is the written one or the catalogue's default
/// (Setting::defaultValue reads the same field). Assumes the scenario passed validation (see
/// validate()).
EffectiveScenario effective(const Scenario &scenario);

/// Checks every written setting: its value (setting.valueProblem), then against the rest of the
/// scenario (setting.problem).
/// Returns one message per problem, keyed by setting id, in catalogue order.
std::vector<std::pair<std::string, std::string>> validate(const Scenario &scenario);

} // namespace iisid
