#include "settings.h"

#include <array>
#include <utility>

namespace iisid {

namespace {

// ---------------------------------------------------------------------------------------------
// Spellings of the enumerations, in enumerator order.

constexpr std::array<std::string_view, 8> versionNames{"5.0", "5.1", "6.0", "7.0",
                                                       "7.5", "8.0", "8.5", "10.0"};
constexpr std::array<std::string_view, 2> iis6ModeNames{"workerProcess", "iis5Isolation"};
constexpr std::array<std::string_view, 3> protectionNames{"low", "medium", "high"};
constexpr std::array<std::string_view, 5> poolIdentityNames{
    "LocalSystem", "LocalService", "NetworkService", "ApplicationPoolIdentity", "SpecificUser"};
constexpr std::array<std::string_view, 2> pipelineNames{"integrated", "classic"};
constexpr std::array<std::string_view, 4> logonMethodNames{"interactive", "batch", "network",
                                                           "clearText"};
constexpr std::array<std::string_view, 6> schemeNames{"ntlm",   "kerberos",          "basic",
                                                      "digest", "clientCertificate", "forms"};
constexpr std::array<std::string_view, 2> sendsCredentialsNames{"onChallenge", "always"};
constexpr std::array<std::string_view, 8> handlerNames{
    "static", "isapiFilter", "isapiExtension", "asp", "aspnet", "cgi", "fastcgi", "aspnetCore"};
constexpr std::array<std::string_view, 2> protocolNames{"namedPipe", "tcp"};
constexpr std::array<std::string_view, 2> hostingNames{"inProcess", "outOfProcess"};
constexpr std::array<std::string_view, 3> authModeNames{"windows", "forms", "none"};
constexpr std::array<std::string_view, 8> actionNames{
    "none",         "createProcess",      "createProcessAsUser", "revertToSelf", "applicationStart",
    "sessionOnEnd", "beginRequestModule", "runImpersonated"};

const auto &namesOf(IisVersion) {
    return versionNames;
}
const auto &namesOf(Iis6Mode) {
    return iis6ModeNames;
}
const auto &namesOf(Protection) {
    return protectionNames;
}
const auto &namesOf(PoolIdentity) {
    return poolIdentityNames;
}
const auto &namesOf(Pipeline) {
    return pipelineNames;
}
const auto &namesOf(LogonMethod) {
    return logonMethodNames;
}
const auto &namesOf(Scheme) {
    return schemeNames;
}
const auto &namesOf(SendsCredentials) {
    return sendsCredentialsNames;
}
const auto &namesOf(HandlerKind) {
    return handlerNames;
}
const auto &namesOf(FastCgiProtocol) {
    return protocolNames;
}
const auto &namesOf(HostingModel) {
    return hostingNames;
}
const auto &namesOf(AspNetAuthMode) {
    return authModeNames;
}
const auto &namesOf(Action) {
    return actionNames;
}

template <typename E> std::string_view nameOf(E value) {
    return namesOf(E{})[static_cast<std::size_t>(value)];
}

template <typename E> std::optional<E> parseEnum(std::string_view text) {
    const auto &names = namesOf(E{});
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == text)
            return static_cast<E>(i);
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Defaults and applicability. These small functions are the single home of each default: the
// catalogue's defaultValue and effective() both call them.

IisVersion version(const Scenario &s) {
    return s.server.iisVersion.value_or(IisVersion::V10_0);
}

Iis6Mode iis6Mode(const Scenario &s) {
    // F2.10: worker process isolation is the default on a clean IIS 6.0 install.
    return s.server.iis6Mode.value_or(Iis6Mode::WorkerProcess);
}

bool iis5ProcessModel(const Scenario &s) {
    const IisVersion v = version(s);
    return isIis5(v) || (isIis6(v) && iis6Mode(s) == Iis6Mode::Iis5Isolation);
}

std::string machine(const Scenario &s) {
    return s.server.machine.value_or("WEB01");
}

PoolIdentity defaultPoolIdentity(IisVersion v) {
    // F2.11 (IIS 6: NetworkService), F2.20 (NetworkService on 7.0, ApplicationPoolIdentity 7.5+).
    return isIis75Plus(v) ? PoolIdentity::ApplicationPoolIdentity : PoolIdentity::NetworkService;
}

PoolIdentity poolIdentity(const Scenario &s) {
    return s.appPool.identity.value_or(defaultPoolIdentity(version(s)));
}

bool defaultCanReplaceProcessToken(PoolIdentity identity) {
    // F2.15: LocalSystem, LocalService and NetworkService hold "Replace a process level token";
    // a custom account must be granted it. F3.23: ApplicationPoolIdentity holds it by default
    // (KB 981949).
    return identity != PoolIdentity::SpecificUser;
}

std::string defaultAnonymousUser(const Scenario &s) {
    // F1.01 (IUSR_<machine> on 5.x/6.0), F1.06/F1.07 (built-in IUSR on 7+).
    return isIis7Plus(version(s)) ? std::string("IUSR") : "IUSR_" + machine(s);
}

bool defaultWindowsEnabled(const Scenario &s) {
    // F1.40: not installed and disabled by default on IIS 7+. IIS 5.x and 6.0 created sites with
    // Anonymous and Integrated Windows authentication both selected.
    return !isIis7Plus(version(s));
}

HandlerKind handler(const Scenario &s) {
    return s.handler.kind.value_or(HandlerKind::Static);
}

AspNetAuthMode aspnetAuthMode(const Scenario &s) {
    return s.aspnet.authenticationMode.value_or(AspNetAuthMode::Windows);
}

Scheme defaultScheme(const Scenario &s) {
    // The browser answers with a scheme the server offers; a forms application gets a form.
    if (handler(s) == HandlerKind::AspNet && aspnetAuthMode(s) == AspNetAuthMode::Forms)
        return Scheme::Forms;
    if (s.authentication.windows.enabled.value_or(defaultWindowsEnabled(s)))
        return Scheme::Ntlm;
    if (s.authentication.basic.enabled.value_or(false))
        return Scheme::Basic;
    if (s.authentication.digest.enabled.value_or(false))
        return Scheme::Digest;
    if (s.authentication.clientCertificate.enabled.value_or(false))
        return Scheme::ClientCertificate;
    return Scheme::Ntlm;
}

/// The scheme the user answers with, or nullopt when the user has no credentials.
std::optional<Scheme> answeredScheme(const Scenario &s) {
    if (!s.request.user)
        return std::nullopt;
    return s.request.scheme.value_or(defaultScheme(s));
}

std::string defaultContentPath(const Scenario &s) {
    return isIis7Plus(version(s)) ? "C:\\inetpub\\wwwroot" : "C:\\Inetpub\\wwwroot";
}

bool anonymousHasPassword(const Scenario &s) {
    const std::string user = s.authentication.anonymous.userName.value_or(defaultAnonymousUser(s));
    if (user.empty())
        return false; // the application pool identity: no logon at all
    return !(isIis7Plus(version(s)) && (user == "IUSR" || user == "NT AUTHORITY\\IUSR"));
}

using Reason = std::optional<std::string>;

Reason notBefore7(const Scenario &s, std::string_view what) {
    if (isIis7Plus(version(s)))
        return std::nullopt;
    return std::string(what) + " exists on IIS 7.0 and later, not on IIS " +
           std::string(nameOf(version(s)));
}

Reason needsPool(const Scenario &s) {
    if (!iis5ProcessModel(s))
        return std::nullopt;
    return std::string("IIS ") + std::string(nameOf(version(s))) +
           (isIis6(version(s)) ? " in IIS 5.0 isolation mode" : "") +
           " has no application pools (applications run in inetinfo.exe or dllhost.exe; set "
           "application.protection instead)";
}

Reason unlessHandler(const Scenario &s, HandlerKind wanted, std::string_view name) {
    if (handler(s) == wanted)
        return std::nullopt;
    return "only used by the " + std::string(name) + " handler; the handler is " +
           std::string(nameOf(handler(s)));
}

// ---------------------------------------------------------------------------------------------
// Builders. Each takes an accessor returning the scenario's field, so get and set stay in step.

template <typename T, typename Access> T &field(const Scenario &s, Access access) {
    return access(const_cast<Scenario &>(s));
}

template <typename Access>
Setting boolSetting(std::string id, std::string group, std::string label, std::string help,
                    std::string facts, Access access, std::function<bool(const Scenario &)> def) {
    Setting setting;
    setting.id = std::move(id);
    setting.group = std::move(group);
    setting.label = std::move(label);
    setting.help = std::move(help);
    setting.facts = std::move(facts);
    setting.type = SettingType::Bool;
    setting.get = [access](const Scenario &s) -> SettingValue {
        const std::optional<bool> &value = field<std::optional<bool>>(s, access);
        return value ? SettingValue(*value) : SettingValue();
    };
    setting.set = [access](Scenario &s, const SettingValue &value) {
        std::optional<bool> &target = access(s);
        if (const bool *b = std::get_if<bool>(&value))
            target = *b;
        else
            target.reset();
    };
    setting.defaultValue = [def](const Scenario &s) -> SettingValue { return def(s); };
    setting.samples = {true, false};
    return setting;
}

template <typename E, typename Access>
Setting choiceSetting(std::string id, std::string group, std::string label, std::string help,
                      std::string facts, Access access, std::function<E(const Scenario &)> def) {
    Setting setting;
    setting.id = std::move(id);
    setting.group = std::move(group);
    setting.label = std::move(label);
    setting.help = std::move(help);
    setting.facts = std::move(facts);
    setting.type = SettingType::Choice;
    for (std::string_view name : namesOf(E{})) {
        setting.choices.emplace_back(name);
        setting.samples.emplace_back(std::string(name));
    }
    setting.get = [access](const Scenario &s) -> SettingValue {
        const std::optional<E> &value = field<std::optional<E>>(s, access);
        return value ? SettingValue(std::string(nameOf(*value))) : SettingValue();
    };
    setting.set = [access](Scenario &s, const SettingValue &value) {
        std::optional<E> &target = access(s);
        if (const std::string *text = std::get_if<std::string>(&value))
            target = parseEnum<E>(*text);
        else
            target.reset();
    };
    setting.defaultValue = [def](const Scenario &s) -> SettingValue {
        return std::string(nameOf(def(s)));
    };
    return setting;
}

template <typename Access>
Setting textSetting(std::string id, std::string group, std::string label, std::string help,
                    std::string facts, Access access,
                    std::function<SettingValue(const Scenario &)> def, bool nullable) {
    Setting setting;
    setting.id = std::move(id);
    setting.group = std::move(group);
    setting.label = std::move(label);
    setting.help = std::move(help);
    setting.facts = std::move(facts);
    setting.type = SettingType::Text;
    setting.nullable = nullable;
    setting.get = [access](const Scenario &s) -> SettingValue {
        const std::optional<std::string> &value = field<std::optional<std::string>>(s, access);
        return value ? SettingValue(*value) : SettingValue();
    };
    setting.set = [access](Scenario &s, const SettingValue &value) {
        std::optional<std::string> &target = access(s);
        if (const std::string *text = std::get_if<std::string>(&value))
            target = *text;
        else
            target.reset();
    };
    setting.defaultValue = std::move(def);
    setting.samples = {SettingValue()};
    return setting;
}

Reason never(const Scenario &) {
    return std::nullopt;
}

std::vector<Setting> buildCatalogue() {
    std::vector<Setting> list;
    list.reserve(64); // add() hands out references that must stay valid
    auto add = [&list](Setting setting) -> Setting & {
        if (!setting.problem)
            setting.problem = never;
        if (!setting.inactiveReason)
            setting.inactiveReason = never;
        list.push_back(std::move(setting));
        return list.back();
    };

    // --- Server -------------------------------------------------------------------------------
    add(choiceSetting<IisVersion>(
        "server.iisVersion", "Server", "IIS version",
        "The IIS release: 5.0 (Windows 2000), 5.1 (XP), 6.0 (Server 2003), 7.0 (Server 2008), "
        "7.5 (2008 R2), 8.0 (2012), 8.5 (2012 R2), 10.0 (2016 and later). Defaults differ by "
        "version.",
        "F2.01 F2.10 F2.20", [](Scenario & s) -> auto & { return s.server.iisVersion; }, version));

    Setting &mode = add(choiceSetting<Iis6Mode>(
        "server.iis6Mode", "Server", "IIS 6.0 isolation mode",
        "Worker process isolation (the default on a clean install: application pools and "
        "w3wp.exe) or IIS 5.0 isolation (inetinfo.exe and dllhost.exe, the default after an "
        "upgrade from IIS 5).",
        "F2.10", [](Scenario & s) -> auto & { return s.server.iis6Mode; }, iis6Mode));
    mode.problem = [](const Scenario &s) -> Reason {
        if (isIis6(version(s)))
            return std::nullopt;
        return "the isolation mode is an IIS 6.0 setting; the version is " +
               std::string(nameOf(version(s)));
    };
    mode.inactiveReason = mode.problem;

    add(textSetting(
        "server.machine", "Server", "Machine name",
        "The server's computer name: local accounts are shown as MACHINE\\user and the machine "
        "account as DOMAIN\\MACHINE$.",
        "F2.41", [](Scenario & s) -> auto & { return s.server.machine; },
        [](const Scenario &s) -> SettingValue { return machine(s); }, false));
    add(textSetting(
        "server.domain", "Server", "Domain",
        "The Active Directory domain the server belongs to; off the box the machine account is "
        "DOMAIN\\MACHINE$.",
        "F2.41", [](Scenario & s) -> auto & { return s.server.domain; },
        [](const Scenario &s) -> SettingValue { return s.server.domain.value_or("CONTOSO"); },
        false));
    // --- Application (IIS 5 process model) -------------------------------------------------------
    Setting &protection = add(choiceSetting<Protection>(
        "application.protection", "Application pool", "Application protection",
        "IIS 5.x and IIS 6.0 in IIS 5.0 isolation mode: Low runs the application inside "
        "inetinfo.exe (LocalSystem); Medium (pooled, the default) and High (isolated) run it in "
        "dllhost.exe as IWAM_<machine>.",
        "F2.01 F2.12", [](Scenario & s) -> auto & { return s.application.protection; },
        [](const Scenario &) { return Protection::Medium; }));
    protection.problem = [](const Scenario &s) -> Reason {
        if (iis5ProcessModel(s))
            return std::nullopt;
        return std::string("application protection applies to IIS 5.x and IIS 6.0 in IIS 5.0 "
                           "isolation mode; here every application runs in its application "
                           "pool's w3wp.exe");
    };
    protection.inactiveReason = protection.problem;

    // --- Application pool -----------------------------------------------------------------------
    Setting &poolName = add(textSetting(
        "appPool.name", "Application pool", "Pool name",
        "The application pool's name; with ApplicationPoolIdentity the account is IIS "
        "APPPOOL\\<name>.",
        "F2.22", [](Scenario & s) -> auto & { return s.appPool.name; },
        [](const Scenario &) -> SettingValue { return std::string("DefaultAppPool"); }, false));
    poolName.problem = needsPool;
    poolName.inactiveReason = needsPool;

    Setting &identity = add(choiceSetting<PoolIdentity>(
        "appPool.identity", "Application pool", "Pool identity",
        "The account w3wp.exe runs as. Default NetworkService on IIS 6.0 and 7.0, "
        "ApplicationPoolIdentity (IIS APPPOOL\\<pool>) from IIS 7.5.",
        "F2.11 F2.20 F2.22", [](Scenario & s) -> auto & { return s.appPool.identity; },
        poolIdentity));
    identity.problem = [](const Scenario &s) -> Reason {
        if (Reason r = needsPool(s))
            return r;
        if (poolIdentity(s) == PoolIdentity::ApplicationPoolIdentity && !isIis7Plus(version(s)))
            return std::string("ApplicationPoolIdentity exists from IIS 7.0 (Windows Server 2008 "
                               "SP2) on; IIS 6.0 offers LocalSystem, LocalService, "
                               "NetworkService and SpecificUser");
        if (poolIdentity(s) == PoolIdentity::SpecificUser && !s.appPool.userName)
            return std::string("SpecificUser needs appPool.userName (e.g. \"CONTOSO\\\\svcweb\")");
        return std::nullopt;
    };
    identity.inactiveReason = needsPool;

    Setting &poolUser = add(textSetting(
        "appPool.userName", "Application pool", "Pool account",
        "The account of a SpecificUser pool, as DOMAIN\\user (a name without a domain is a local "
        "account of the server).",
        "F2.11 F2.20", [](Scenario & s) -> auto & { return s.appPool.userName; },
        [](const Scenario &) -> SettingValue { return {}; }, false));
    poolUser.problem = needsPool;
    poolUser.inactiveReason = [](const Scenario &s) -> Reason {
        if (Reason r = needsPool(s))
            return r;
        if (poolIdentity(s) != PoolIdentity::SpecificUser)
            return std::string("only used when the pool identity is SpecificUser");
        return std::nullopt;
    };
    poolUser.samples = {std::string("CONTOSO\\svcweb")};

    Setting &pipeline = add(choiceSetting<Pipeline>(
        "appPool.pipeline", "Application pool", "Managed pipeline mode",
        "Integrated (the default) runs ASP.NET modules in the IIS pipeline; Classic runs "
        "ASP.NET through aspnet_isapi.dll as on IIS 6.",
        "F3.70 F3.73", [](Scenario & s) -> auto & { return s.appPool.pipeline; },
        [](const Scenario &) { return Pipeline::Integrated; }));
    pipeline.problem = [](const Scenario &s) { return notBefore7(s, "the managed pipeline mode"); };
    pipeline.inactiveReason = pipeline.problem;

    // --- Handler (first: later settings depend on it) ---------------------------------------
    Setting &kind = add(choiceSetting<HandlerKind>(
        "handler.kind", "Handler", "Handler",
        "What serves the request: a static file, an ISAPI filter's code, an ISAPI extension, "
        "Classic ASP, ASP.NET (1.x-4.x), a CGI program, FastCGI (e.g. PHP), or ASP.NET Core.",
        "F3.01 F3.10 F3.20 F3.30 F3.40 F3.50 F3.60 F3.80",
        [](Scenario & s) -> auto & { return s.handler.kind; }, handler));
    kind.problem = [](const Scenario &s) -> Reason {
        const IisVersion v = version(s);
        if (handler(s) == HandlerKind::FastCgi && v == IisVersion::V5_0)
            return std::string("FastCGI needs IIS 5.1 or 6.0 with the FastCGI extension, or IIS "
                               "7.0 and later; not IIS 5.0");
        if (handler(s) == HandlerKind::AspNetCore && !isIis75Plus(v))
            return std::string("the ASP.NET Core Module needs IIS 7.5 or later");
        return std::nullopt;
    };

    // --- Request ------------------------------------------------------------------------------
    Setting &user = add(textSetting(
        "request.user", "Request", "Person at the browser",
        "The Windows account the person can give when challenged, as DOMAIN\\user; none (null) "
        "when they have no credentials. For forms or a cookie login, the name they log in with.",
        "F0.02 F1.70", [](Scenario & s) -> auto & { return s.request.user; },
        [](const Scenario &) -> SettingValue { return {}; }, true));
    user.samples = {SettingValue(), std::string("CONTOSO\\alice")};
    auto noUser = [](const Scenario &s) -> Reason {
        if (!s.request.user)
            return std::string("the person at the browser has no credentials to give");
        return std::nullopt;
    };
    Setting &scheme = add(choiceSetting<Scheme>(
        "request.scheme", "Request", "How the user authenticates",
        "The scheme the browser answers with: ntlm or kerberos (Windows), basic, digest, a "
        "client certificate, or forms (a login form: IIS itself sees an anonymous request).",
        "F1.20 F1.43 F1.60", [](Scenario & s) -> auto & { return s.request.scheme; },
        defaultScheme));
    scheme.inactiveReason = noUser;
    Setting &credentialsValid = add(boolSetting(
        "request.credentialsValid", "Request", "Credentials valid",
        "Whether the password (or certificate) the user gives is right; wrong credentials give "
        "401.1.",
        "F1.80", [](Scenario & s) -> auto & { return s.request.credentialsValid; },
        [](const Scenario &) { return true; }));
    credentialsValid.inactiveReason = noUser;
    Setting &sends = add(choiceSetting<SendsCredentials>(
        "request.sendsCredentials", "Request", "When credentials are sent",
        "onChallenge: like a browser, ask anonymously first and answer a 401 challenge; always: "
        "send credentials with the first request (scripts, pre-authenticated clients).",
        "F1.70 F1.42", [](Scenario & s) -> auto & { return s.request.sendsCredentials; },
        [](const Scenario &) { return SendsCredentials::OnChallenge; }));
    sends.inactiveReason = noUser;

    add(boolSetting(
            "server.kerberosDelegation", "Server", "Kerberos delegation allowed",
            "Whether the account that receives Kerberos tickets (the pool account, or the machine "
            "account for built-in identities) is trusted for delegation in Active Directory. "
            "Without "
            "it a Kerberos-impersonated user cannot make a second hop.",
            "F1.43", [](Scenario & s) -> auto & { return s.server.kerberosDelegation; },
            [](const Scenario &) { return false; }))
        .inactiveReason = [](const Scenario &s) -> Reason {
        if (answeredScheme(s) != Scheme::Kerberos)
            return std::string("only matters when the user authenticates with Kerberos");
        return std::nullopt;
    };

    // --- Authentication -------------------------------------------------------------------------
    add(boolSetting(
        "authentication.anonymous.enabled", "Authentication", "Anonymous enabled",
        "Anonymous authentication: IIS logs on a configured account for requests "
        "without credentials. Enabled by default.",
        "F1.01 F1.07 F1.70",
        [](Scenario & s) -> auto & { return s.authentication.anonymous.enabled; },
        [](const Scenario &) { return true; }));

    Setting &anonUser = add(textSetting(
        "authentication.anonymous.userName", "Authentication", "Anonymous user",
        "The anonymous account: IUSR_<machine> on IIS 5.x/6.0, the built-in IUSR (NT "
        "AUTHORITY\\IUSR) on IIS 7+. An empty string (IIS 7+) means the application pool "
        "identity; removing the attribute is not the same as blanking it.",
        "F1.01 F1.06 F1.08",
        [](Scenario & s) -> auto & { return s.authentication.anonymous.userName; },
        [](const Scenario &s) -> SettingValue { return defaultAnonymousUser(s); }, false));
    anonUser.problem = [](const Scenario &s) -> Reason {
        if (s.authentication.anonymous.userName && s.authentication.anonymous.userName->empty())
            return notBefore7(s, "an empty anonymous user name (the application pool identity)");
        return std::nullopt;
    };
    anonUser.inactiveReason = [](const Scenario &s) -> Reason {
        if (!s.authentication.anonymous.enabled.value_or(true))
            return std::string("anonymous authentication is disabled");
        return std::nullopt;
    };
    anonUser.samples = {SettingValue(), std::string(""), std::string("CONTOSO\\webanon")};

    Setting &anonPassword = add(boolSetting(
        "authentication.anonymous.passwordValid", "Authentication", "Anonymous password valid",
        "Whether the password IIS stores for the anonymous account matches the account (and the "
        "account can log on). A wrong one gives 401.1. The built-in IUSR and the pool identity "
        "have no password.",
        "F1.02 F1.11",
        [](Scenario & s) -> auto & { return s.authentication.anonymous.passwordValid; },
        [](const Scenario &) { return true; }));
    anonPassword.inactiveReason = [](const Scenario &s) -> Reason {
        if (!s.authentication.anonymous.enabled.value_or(true))
            return std::string("anonymous authentication is disabled");
        if (!anonymousHasPassword(s))
            return std::string("this anonymous identity has no password");
        return std::nullopt;
    };

    Setting &anonLogon = add(choiceSetting<LogonMethod>(
        "authentication.anonymous.logonMethod", "Authentication", "Anonymous logon method",
        "How IIS logs the anonymous account on. ClearText (the default) keeps credentials so the "
        "token can reach one other server; Network does not.",
        "F1.07 F2.46",
        [](Scenario & s) -> auto & { return s.authentication.anonymous.logonMethod; },
        [](const Scenario &) { return LogonMethod::ClearText; }));
    anonLogon.inactiveReason = anonPassword.inactiveReason;

    add(boolSetting(
        "authentication.basic.enabled", "Authentication", "Basic enabled",
        "Basic authentication: the browser sends user name and password (base64); IIS "
        "logs that Windows account on. Disabled by default.",
        "F1.20 F1.21", [](Scenario & s) -> auto & { return s.authentication.basic.enabled; },
        [](const Scenario &) { return false; }));
    Setting &basicLogon = add(choiceSetting<LogonMethod>(
        "authentication.basic.logonMethod", "Authentication", "Basic logon method",
        "ClearText (the default) keeps the credentials, so the impersonated user can reach one "
        "other server.",
        "F1.21", [](Scenario & s) -> auto & { return s.authentication.basic.logonMethod; },
        [](const Scenario &) { return LogonMethod::ClearText; }));
    basicLogon.inactiveReason = [](const Scenario &s) -> Reason {
        if (!s.authentication.basic.enabled.value_or(false))
            return std::string("Basic authentication is disabled");
        if (answeredScheme(s) != Scheme::Basic)
            return std::string("only matters when the user answers with Basic");
        return std::nullopt;
    };

    add(boolSetting(
        "authentication.digest.enabled", "Authentication", "Digest enabled",
        "Digest authentication, validated by a domain controller (IIS 6 Advanced "
        "Digest). Disabled by default.",
        "F1.30 F1.32", [](Scenario & s) -> auto & { return s.authentication.digest.enabled; },
        [](const Scenario &) { return false; }));

    add(boolSetting(
        "authentication.windows.enabled", "Authentication", "Windows enabled",
        "Integrated Windows authentication (Negotiate/Kerberos and NTLM). Disabled by default on "
        "IIS 7+; IIS 5.x and 6.0 sites had it selected beside Anonymous.",
        "F1.40", [](Scenario & s) -> auto & { return s.authentication.windows.enabled; },
        defaultWindowsEnabled));
    auto windowsInactive = [](const Scenario &s) -> Reason {
        if (Reason r = notBefore7(s, "kernel-mode Windows authentication"))
            return r;
        if (!s.authentication.windows.enabled.value_or(defaultWindowsEnabled(s)))
            return std::string("Windows authentication is disabled");
        return std::nullopt;
    };
    Setting &kernel = add(boolSetting(
        "authentication.windows.useKernelMode", "Authentication", "Kernel-mode authentication",
        "HTTP.sys performs Windows authentication (default true). It decrypts Kerberos tickets "
        "with the machine account's key.",
        "F1.40 F1.41 F1.42",
        [](Scenario & s) -> auto & { return s.authentication.windows.useKernelMode; },
        [](const Scenario &) { return true; }));
    kernel.problem = [](const Scenario &s) { return notBefore7(s, "kernel-mode authentication"); };
    kernel.inactiveReason = [windowsInactive](const Scenario &s) -> Reason {
        if (Reason r = windowsInactive(s))
            return r;
        const std::optional<Scheme> answered = answeredScheme(s);
        if (answered != Scheme::Ntlm && answered != Scheme::Kerberos)
            return std::string("only matters when the user answers with NTLM or Kerberos");
        return std::nullopt;
    };
    Setting &appPoolCreds = add(boolSetting(
        "authentication.windows.useAppPoolCredentials", "Authentication",
        "Use the pool's credentials for Kerberos",
        "With kernel mode, decrypt Kerberos tickets with the pool account's key instead of the "
        "machine account's (needed when the SPN is registered on a custom pool account).",
        "F1.41",
        [](Scenario & s) -> auto & { return s.authentication.windows.useAppPoolCredentials; },
        [](const Scenario &) { return false; }));
    appPoolCreds.problem = [](const Scenario &s) { return notBefore7(s, "useAppPoolCredentials"); };
    appPoolCreds.inactiveReason = [windowsInactive](const Scenario &s) -> Reason {
        if (Reason r = windowsInactive(s))
            return r;
        if (answeredScheme(s) != Scheme::Kerberos || poolIdentity(s) != PoolIdentity::SpecificUser)
            return std::string("only matters for Kerberos when the pool runs as a custom account");
        return std::nullopt;
    };

    add(boolSetting(
        "authentication.clientCertificate.enabled", "Authentication",
        "Client certificate mapping enabled",
        "Map client certificates to Windows accounts (Active Directory or IIS one-to-"
        "one/many-to-one mappings). Disabled by default.",
        "F1.50 F1.51",
        [](Scenario & s) -> auto & { return s.authentication.clientCertificate.enabled; },
        [](const Scenario &) { return false; }));
    add(boolSetting(
        "authentication.clientCertificate.required", "Authentication",
        "Client certificate required",
        "SSL settings require a client certificate; a request without one gets 403.7.", "F1.54",
        [](Scenario & s) -> auto & { return s.authentication.clientCertificate.required; },
        [](const Scenario &) { return false; }));

    // --- Content ------------------------------------------------------------------------------
    Setting &path = add(textSetting(
        "content.path", "Content", "Physical path",
        "Where the site's files are: a local folder, or a UNC share (\\\\server\\share\\...).",
        "F2.51 F2.53", [](Scenario & s) -> auto & { return s.content.path; },
        [](const Scenario &s) -> SettingValue { return defaultContentPath(s); }, false));
    path.samples = {SettingValue(), std::string("\\\\FS1\\web\\site1")};
    Setting &connectAs = add(textSetting(
        "content.connectAs", "Content", "Connect as",
        "The account configured on the virtual directory (\"Connect as\", IIS 6 UNCUserName) "
        "that reads the content (and on IIS 7+ the configuration files); none means pass-"
        "through.",
        "F2.51 F2.53 F2.54", [](Scenario & s) -> auto & { return s.content.connectAs; },
        [](const Scenario &) -> SettingValue { return {}; }, true));
    connectAs.samples = {SettingValue(), std::string("CONTOSO\\uncuser")};
    Setting &connectAsPassword = add(boolSetting(
        "content.connectAsPasswordValid", "Content", "Connect-as password valid",
        "Whether the stored Connect-as password is right.", "F1.82 F2.52",
        [](Scenario & s) -> auto & { return s.content.connectAsPasswordValid; },
        [](const Scenario &) { return true; }));
    connectAsPassword.inactiveReason = [](const Scenario &s) -> Reason {
        if (!s.content.connectAs)
            return std::string("no Connect-as account is configured");
        return std::nullopt;
    };

    Setting readable;
    readable.id = "content.readableBy";
    readable.group = "Content";
    readable.label = "Who can read the content";
    readable.help = "The accounts and groups the NTFS (or share) permissions let read the "
                    "content; absent means everyone. Use Everyone, IIS_IUSRS, Authenticated "
                    "Users or account names. Denials give 401.3 (request identity) or 500.19 "
                    "(the worker reading configuration).";
    readable.facts = "F3.40 F4.01 F4.02 F4.06";
    readable.type = SettingType::TextList;
    readable.get = [](const Scenario &s) -> SettingValue {
        return s.content.readableBy ? SettingValue(*s.content.readableBy) : SettingValue();
    };
    readable.set = [](Scenario &s, const SettingValue &value) {
        if (const auto *items = std::get_if<std::vector<std::string>>(&value))
            s.content.readableBy = *items;
        else
            s.content.readableBy.reset();
    };
    readable.defaultValue = [](const Scenario &) -> SettingValue { return {}; };
    readable.samples = {SettingValue(), std::vector<std::string>{"CONTOSO\\alice"}};
    add(std::move(readable));

    // --- Handler ------------------------------------------------------------------------------
    Setting &cpau = add(boolSetting(
        "handler.createProcessAsUser", "Handler", "CGI createProcessAsUser",
        "true (default): the CGI process is created with the authenticated user's token; false: "
        "it runs as the process identity. Microsoft's IIS 7+ pages contradict each other on "
        "this.",
        "F3.20 F3.21 F3.22", [](Scenario & s) -> auto & { return s.handler.createProcessAsUser; },
        [](const Scenario &) { return true; }));
    cpau.inactiveReason = [](const Scenario &s) {
        return unlessHandler(s, HandlerKind::Cgi, "cgi");
    };

    Setting &impersonatePhp = add(boolSetting(
        "handler.fastcgiImpersonate", "Handler", "PHP fastcgi.impersonate",
        "php.ini fastcgi.impersonate (default 0): when 1, php-cgi impersonates the client IIS "
        "authenticated on each request's named pipe.",
        "F3.31 F3.33", [](Scenario & s) -> auto & { return s.handler.fastcgiImpersonate; },
        [](const Scenario &) { return false; }));
    impersonatePhp.inactiveReason = [](const Scenario &s) {
        return unlessHandler(s, HandlerKind::FastCgi, "fastcgi");
    };
    Setting &protocol = add(choiceSetting<FastCgiProtocol>(
        "handler.fastcgiProtocol", "Handler", "FastCGI protocol",
        "How IIS talks to the FastCGI process: named pipe (default) or TCP. PHP cannot "
        "impersonate over TCP.",
        "F3.32", [](Scenario & s) -> auto & { return s.handler.fastcgiProtocol; },
        [](const Scenario &) { return FastCgiProtocol::NamedPipe; }));
    protocol.inactiveReason = impersonatePhp.inactiveReason;

    Setting &hosting = add(choiceSetting<HostingModel>(
        "handler.hostingModel", "Handler", "ASP.NET Core hosting model",
        "inProcess (the default since ASP.NET Core 3.0) runs the app inside w3wp.exe; "
        "outOfProcess starts dotnet.exe behind a loopback proxy.",
        "F3.80 F3.81", [](Scenario & s) -> auto & { return s.handler.hostingModel; },
        [](const Scenario &) { return HostingModel::InProcess; }));
    hosting.inactiveReason = [](const Scenario &s) {
        return unlessHandler(s, HandlerKind::AspNetCore, "aspnetCore");
    };
    Setting &forward = add(boolSetting(
        "handler.forwardWindowsAuthToken", "Handler", "Forward the Windows token",
        "ASP.NET Core Module forwardWindowsAuthToken (default true): the user's Windows token is "
        "passed to the out-of-process app.",
        "F3.82", [](Scenario & s) -> auto & { return s.handler.forwardWindowsAuthToken; },
        [](const Scenario &) { return true; }));
    forward.inactiveReason = [](const Scenario &s) -> Reason {
        if (Reason r = unlessHandler(s, HandlerKind::AspNetCore, "aspnetCore"))
            return r;
        if (s.handler.hostingModel.value_or(HostingModel::InProcess) != HostingModel::OutOfProcess)
            return std::string("only used with the outOfProcess hosting model");
        return std::nullopt;
    };

    // --- ASP.NET ------------------------------------------------------------------------------
    auto notAspNet = [](const Scenario &s) -> Reason {
        if (handler(s) == HandlerKind::AspNetCore)
            return std::string("ASP.NET Core does not use <system.web> settings such as "
                               "<identity>");
        return unlessHandler(s, HandlerKind::AspNet, "aspnet");
    };
    Setting &impersonate = add(boolSetting(
        "aspnet.impersonate", "ASP.NET", "<identity impersonate>",
        "false (default): code runs as the process identity. true: ASP.NET impersonates the "
        "token IIS passes (the user, or the anonymous account).",
        "F3.60 F3.61 F3.75", [](Scenario & s) -> auto & { return s.aspnet.impersonate; },
        [](const Scenario &) { return false; }));
    impersonate.inactiveReason = notAspNet;
    Setting &aspnetUser = add(textSetting(
        "aspnet.userName", "ASP.NET", "<identity userName>",
        "With impersonate=\"true\": every request runs as this fixed account (\"application "
        "impersonation\").",
        "F3.62", [](Scenario & s) -> auto & { return s.aspnet.userName; },
        [](const Scenario &) -> SettingValue { return {}; }, true));
    aspnetUser.inactiveReason = [notAspNet](const Scenario &s) -> Reason {
        if (Reason r = notAspNet(s))
            return r;
        if (!s.aspnet.impersonate.value_or(false))
            return std::string("only used with impersonate=\"true\"");
        return std::nullopt;
    };
    aspnetUser.samples = {SettingValue(), std::string("CONTOSO\\svcapp")};
    Setting &validation = add(boolSetting(
        "aspnet.validateIntegratedModeConfiguration", "ASP.NET",
        "<validation validateIntegratedModeConfiguration>",
        "true (default): integrated mode refuses <identity impersonate=\"true\"/> with 500.24. "
        "false: the request runs, impersonated only from PostAuthenticateRequest on.",
        "F3.70 F3.71",
        [](Scenario & s) -> auto & { return s.aspnet.validateIntegratedModeConfiguration; },
        [](const Scenario &) { return true; }));
    validation.problem = [](const Scenario &s) {
        return notBefore7(s, "<validation validateIntegratedModeConfiguration>");
    };
    validation.inactiveReason = [notAspNet](const Scenario &s) -> Reason {
        if (Reason r = notBefore7(s, "integrated mode validation"))
            return r;
        if (Reason r = notAspNet(s))
            return r;
        if (s.appPool.pipeline.value_or(Pipeline::Integrated) != Pipeline::Integrated)
            return std::string("only checked in the integrated pipeline");
        return std::nullopt;
    };
    Setting &authMode = add(choiceSetting<AspNetAuthMode>(
        "aspnet.authenticationMode", "ASP.NET", "<authentication mode>",
        "ASP.NET's own authentication: windows (default; takes the IIS user), forms (a login "
        "form: IIS still sees the anonymous account) or none.",
        "F1.60 F1.62 F1.63", [](Scenario & s) -> auto & { return s.aspnet.authenticationMode; },
        aspnetAuthMode));
    authMode.inactiveReason = notAspNet;

    // --- ASP ----------------------------------------------------------------------------------
    Setting &onEnd = add(boolSetting(
        "asp.runOnEndAnonymously", "ASP", "<asp runOnEndAnonymously>",
        "IIS 6+: Session_OnEnd and Application_OnEnd run as the anonymous user (default true).",
        "F3.53", [](Scenario & s) -> auto & { return s.asp.runOnEndAnonymously; },
        [](const Scenario &) { return true; }));
    onEnd.problem = [](const Scenario &s) -> Reason {
        if (!isIis5(version(s)))
            return std::nullopt;
        return std::string("IIS 5.x has no runOnEndAnonymously; Session_OnEnd runs as the "
                           "process identity there");
    };
    onEnd.inactiveReason = [](const Scenario &s) -> Reason {
        if (Reason r = unlessHandler(s, HandlerKind::Asp, "asp"))
            return r;
        if (isIis5(version(s)))
            return std::string("IIS 5.x has no runOnEndAnonymously");
        if (s.action.value_or(Action::None) != Action::SessionOnEnd)
            return std::string("only used when the code in question is Session_OnEnd");
        return std::nullopt;
    };

    // --- What the code does -------------------------------------------------------------------
    add(choiceSetting<Action>(
        "action", "What the code does", "What the code does",
        "What the code does after the handler runs (start a process, call RevertToSelf, run "
        "impersonated), or which code to ask about instead of the page: Application_Start, "
        "Session_OnEnd, an ASP.NET module in BeginRequest.",
        "F3.13 F3.58 F3.64 F3.71 F3.90", [](Scenario & s) -> auto & { return s.action; },
        [](const Scenario &) { return Action::None; }));

    Setting &replaceToken = add(boolSetting(
        "appPool.canReplaceProcessToken", "Application pool",
        "Pool holds \"Replace a process level token\"",
        "Whether the pool identity holds \"Replace a process level token\" and \"Adjust memory "
        "quotas\", which starting a CGI process as the user (and CreateProcessAsUser) needs. "
        "Built-in service accounts hold them; a custom account must be granted them; for "
        "ApplicationPoolIdentity this is unconfirmed.",
        "F2.15 F3.23 F3.91",
        [](Scenario & s) -> auto & { return s.appPool.canReplaceProcessToken; },
        [](const Scenario &s) { return defaultCanReplaceProcessToken(poolIdentity(s)); }));
    replaceToken.problem = needsPool;
    replaceToken.inactiveReason = [](const Scenario &s) -> Reason {
        if (Reason r = needsPool(s))
            return r;
        if ((handler(s) == HandlerKind::Cgi && s.handler.createProcessAsUser.value_or(true)) ||
            s.action.value_or(Action::None) == Action::CreateProcessAsUser)
            return std::nullopt;
        return std::string("only matters for CGI or a CreateProcessAsUser call");
    };

    return list;
}

} // namespace

const std::vector<Setting> &settings() {
    static const std::vector<Setting> catalogue = buildCatalogue();
    return catalogue;
}

const Setting *findSetting(std::string_view id) {
    for (const Setting &setting : settings()) {
        if (setting.id == id)
            return &setting;
    }
    return nullptr;
}

SettingValue effectiveValue(const Setting &setting, const Scenario &scenario) {
    SettingValue value = setting.get(scenario);
    if (std::holds_alternative<std::monostate>(value))
        return setting.defaultValue(scenario);
    return value;
}

std::string displayValue(const SettingValue &value) {
    if (const bool *b = std::get_if<bool>(&value))
        return *b ? "true" : "false";
    if (const std::string *text = std::get_if<std::string>(&value))
        return text->empty() ? std::string("\"\"") : *text;
    if (const auto *list = std::get_if<std::vector<std::string>>(&value)) {
        std::string out;
        for (const std::string &item : *list)
            out += (out.empty() ? "" : ", ") + item;
        return "[" + out + "]";
    }
    return "(none)";
}

std::string_view toString(IisVersion v) {
    return nameOf(v);
}
std::string_view toString(Iis6Mode v) {
    return nameOf(v);
}
std::string_view toString(Protection v) {
    return nameOf(v);
}
std::string_view toString(PoolIdentity v) {
    return nameOf(v);
}
std::string_view toString(Pipeline v) {
    return nameOf(v);
}
std::string_view toString(LogonMethod v) {
    return nameOf(v);
}
std::string_view toString(Scheme v) {
    return nameOf(v);
}
std::string_view toString(SendsCredentials v) {
    return nameOf(v);
}
std::string_view toString(HandlerKind v) {
    return nameOf(v);
}
std::string_view toString(FastCgiProtocol v) {
    return nameOf(v);
}
std::string_view toString(HostingModel v) {
    return nameOf(v);
}
std::string_view toString(AspNetAuthMode v) {
    return nameOf(v);
}
std::string_view toString(Action v) {
    return nameOf(v);
}

EffectiveScenario effective(const Scenario &s) {
    EffectiveScenario e;
    e.version = version(s);
    e.iis6Mode = iis6Mode(s);
    e.iis5ProcessModel = iis5ProcessModel(s);
    e.machine = machine(s);
    e.domain = s.server.domain.value_or("CONTOSO");
    e.kerberosDelegation = s.server.kerberosDelegation.value_or(false);
    e.protection = s.application.protection.value_or(Protection::Medium);
    e.poolName = s.appPool.name.value_or("DefaultAppPool");
    e.poolIdentity = poolIdentity(s);
    e.poolUserName = s.appPool.userName.value_or("");
    e.pipeline = s.appPool.pipeline.value_or(Pipeline::Integrated);
    e.canReplaceProcessTokenExplicit = s.appPool.canReplaceProcessToken.has_value();
    e.canReplaceProcessToken =
        s.appPool.canReplaceProcessToken.value_or(defaultCanReplaceProcessToken(e.poolIdentity));

    const auto &auth = s.authentication;
    e.anonymousEnabled = auth.anonymous.enabled.value_or(true);
    e.anonymousUserName = auth.anonymous.userName.value_or(defaultAnonymousUser(s));
    e.anonymousPasswordValid = auth.anonymous.passwordValid.value_or(true);
    e.anonymousLogonMethod = auth.anonymous.logonMethod.value_or(LogonMethod::ClearText);
    e.basicEnabled = auth.basic.enabled.value_or(false);
    e.basicLogonMethod = auth.basic.logonMethod.value_or(LogonMethod::ClearText);
    e.digestEnabled = auth.digest.enabled.value_or(false);
    e.windowsEnabled = auth.windows.enabled.value_or(defaultWindowsEnabled(s));
    e.useKernelMode = isIis7Plus(e.version) && auth.windows.useKernelMode.value_or(true);
    e.useAppPoolCredentials = auth.windows.useAppPoolCredentials.value_or(false);
    e.clientCertificateEnabled = auth.clientCertificate.enabled.value_or(false);
    e.clientCertificateRequired = auth.clientCertificate.required.value_or(false);

    e.requestUser = s.request.user;
    e.scheme = s.request.scheme.value_or(defaultScheme(s));
    e.credentialsValid = s.request.credentialsValid.value_or(true);
    e.sendsCredentials = s.request.sendsCredentials.value_or(SendsCredentials::OnChallenge);

    e.contentPath = s.content.path.value_or(defaultContentPath(s));
    e.connectAs = s.content.connectAs;
    e.connectAsPasswordValid = s.content.connectAsPasswordValid.value_or(true);
    e.readableBy = s.content.readableBy;

    e.handler = handler(s);
    e.createProcessAsUser = s.handler.createProcessAsUser.value_or(true);
    e.fastcgiImpersonate = s.handler.fastcgiImpersonate.value_or(false);
    e.fastcgiProtocol = s.handler.fastcgiProtocol.value_or(FastCgiProtocol::NamedPipe);
    e.hostingModel = s.handler.hostingModel.value_or(HostingModel::InProcess);
    e.forwardWindowsAuthToken = s.handler.forwardWindowsAuthToken.value_or(true);

    e.aspnetImpersonate = s.aspnet.impersonate.value_or(false);
    e.aspnetUserName = s.aspnet.userName;
    if (e.aspnetUserName && e.aspnetUserName->empty())
        e.aspnetUserName.reset();
    e.validateIntegratedModeConfiguration =
        s.aspnet.validateIntegratedModeConfiguration.value_or(true);
    e.aspnetAuthenticationMode = aspnetAuthMode(s);

    e.runOnEndAnonymously = s.asp.runOnEndAnonymously.value_or(true);
    e.action = s.action.value_or(Action::None);
    return e;
}

std::vector<std::pair<std::string, std::string>> validate(const Scenario &scenario) {
    std::vector<std::pair<std::string, std::string>> problems;
    for (const Setting &setting : settings()) {
        if (std::holds_alternative<std::monostate>(setting.get(scenario)))
            continue;
        if (std::optional<std::string> problem = setting.problem(scenario))
            problems.emplace_back(setting.id, *problem);
    }
    return problems;
}

} // namespace iisid
