#pragma once

// Internal to the model: every scenario field with its IIS default, written once. The catalogue
// entries (settings_<group>.cpp) and effective() (settings.cpp) both read these, so the default
// the catalogue documents is the value the resolver gets. Defined here, inline, so effective()
// (called once per resolution) compiles down to the plain field reads it replaced.

#include "accounts.h"
#include "scenario.h"

#include <optional>
#include <string>
#include <vector>

namespace iisid::catalogue {

/// One scenario field and its IIS default.
template <typename T> struct Field {
    using Access = std::optional<T> &(*)(Scenario &);
    using Fallback = T (*)(const Scenario &);

    constexpr Field(Access accessField, Fallback fallbackValue = nullptr)
        : access(accessField)
        , fallback(fallbackValue) {}

    Access access;
    /// The value IIS uses when the scenario does not say; nullptr when there is none ("no
    /// user", "everyone can read").
    Fallback fallback;

    const std::optional<T> &written(const Scenario &s) const {
        return access(const_cast<Scenario &>(s));
    }
    /// The written value, else the default. Only for fields that have a default.
    T value(const Scenario &s) const {
        const std::optional<T> &w = written(s);
        return w ? *w : fallback(s);
    }
};

namespace field {

// --- Server -------------------------------------------------------------------------------------
// product.md: a scenario that names no version is about the current release.
inline constexpr Field<IisVersion> iisVersion(
    [](Scenario &s) -> auto & { return s.server.iisVersion; },
    [](const Scenario &) { return IisVersion::V10_0; });
// F2.10: worker process isolation is the default on a clean IIS 6.0 install.
inline constexpr Field<Iis6Mode> iis6Mode(
    [](Scenario &s) -> auto & { return s.server.iis6Mode; },
    [](const Scenario &) { return Iis6Mode::WorkerProcess; });
// product.md: the example server and its domain.
inline constexpr Field<std::string> machine(
    [](Scenario &s) -> auto & { return s.server.machine; },
    [](const Scenario &) { return std::string("WEB01"); });
inline constexpr Field<std::string> domain(
    [](Scenario &s) -> auto & { return s.server.domain; },
    [](const Scenario &) { return std::string("CONTOSO"); });
inline constexpr Field<bool> kerberosDelegation(
    [](Scenario &s) -> auto & { return s.server.kerberosDelegation; },
    [](const Scenario &) { return false; });

} // namespace field

inline IisVersion version(const Scenario &s) {
    return field::iisVersion.value(s);
}

namespace field {

// --- Application pool ---------------------------------------------------------------------------
// F2.01: Medium (pooled) is the default application protection.
inline constexpr Field<Protection> protection(
    [](Scenario &s) -> auto & { return s.application.protection; },
    [](const Scenario &) { return Protection::Medium; });
inline constexpr Field<std::string> poolName(
    [](Scenario &s) -> auto & { return s.appPool.name; },
    [](const Scenario &) { return std::string("DefaultAppPool"); });
// F2.11 (IIS 6: NetworkService), F2.20 (NetworkService on 7.0, ApplicationPoolIdentity 7.5+).
inline constexpr Field<PoolIdentity> poolIdentity(
    [](Scenario &s) -> auto & { return s.appPool.identity; },
    [](const Scenario &s) {
        return isIis75Plus(version(s)) ? PoolIdentity::ApplicationPoolIdentity
                                       : PoolIdentity::NetworkService;
    });
inline constexpr Field<std::string> poolUserName([](Scenario &s) -> auto & {
    return s.appPool.userName;
});
// F3.70: integrated is the default managed pipeline mode.
inline constexpr Field<Pipeline> pipeline(
    [](Scenario &s) -> auto & { return s.appPool.pipeline; },
    [](const Scenario &) { return Pipeline::Integrated; });
// F2.15: LocalSystem, LocalService and NetworkService hold "Replace a process level token"; a
// custom account must be granted it. F3.23: ApplicationPoolIdentity holds it by default
// (KB 981949).
inline constexpr Field<bool> canReplaceProcessToken(
    [](Scenario &s) -> auto & { return s.appPool.canReplaceProcessToken; },
    [](const Scenario &s) { return poolIdentity.value(s) != PoolIdentity::SpecificUser; });

// --- Authentication -----------------------------------------------------------------------------
// F1.07: anonymous authentication is enabled by default.
inline constexpr Field<bool> anonymousEnabled(
    [](Scenario &s) -> auto & { return s.authentication.anonymous.enabled; },
    [](const Scenario &) { return true; });
// F1.01 (IUSR_<machine> on 5.x/6.0), F1.06/F1.07 (built-in IUSR on 7+).
inline constexpr Field<std::string> anonymousUserName(
    [](Scenario &s) -> auto & { return s.authentication.anonymous.userName; },
    [](const Scenario &s) {
        return isIis7Plus(version(s)) ? std::string("IUSR") : "IUSR_" + machine.value(s);
    });
// The contract (scenario-format.md): an absent password flag means the password is right.
inline constexpr Field<Known<bool>> anonymousPasswordValid(
    [](Scenario &s) -> auto & { return s.authentication.anonymous.passwordValid; },
    [](const Scenario &) { return Known<bool>(true); });
// F1.07: anonymous logons are ClearText by default.
inline constexpr Field<LogonMethod> anonymousLogonMethod(
    [](Scenario &s) -> auto & { return s.authentication.anonymous.logonMethod; },
    [](const Scenario &) { return LogonMethod::ClearText; });
// F1.21: Basic is disabled by default and logs on ClearText.
inline constexpr Field<bool> basicEnabled(
    [](Scenario &s) -> auto & { return s.authentication.basic.enabled; },
    [](const Scenario &) { return false; });
inline constexpr Field<LogonMethod> basicLogonMethod(
    [](Scenario &s) -> auto & { return s.authentication.basic.logonMethod; },
    [](const Scenario &) { return LogonMethod::ClearText; });
// F1.32: Digest is disabled by default.
inline constexpr Field<bool> digestEnabled(
    [](Scenario &s) -> auto & { return s.authentication.digest.enabled; },
    [](const Scenario &) { return false; });
// F1.40: not installed and disabled by default on IIS 7+. IIS 5.x and 6.0 created sites with
// Anonymous and Integrated Windows authentication both selected.
inline constexpr Field<bool> windowsEnabled(
    [](Scenario &s) -> auto & { return s.authentication.windows.enabled; },
    [](const Scenario &s) { return !isIis7Plus(version(s)); });
// F1.40: kernel mode is on by default from IIS 7.0. Before 7.0 it does not exist: Windows
// authentication there is done in user mode, so the default is false.
inline constexpr Field<bool> useKernelMode(
    [](Scenario &s) -> auto & { return s.authentication.windows.useKernelMode; },
    [](const Scenario &s) { return isIis7Plus(version(s)); });
// F1.41: tickets are decrypted with the machine account's key unless told otherwise.
inline constexpr Field<bool> useAppPoolCredentials(
    [](Scenario &s) -> auto & { return s.authentication.windows.useAppPoolCredentials; },
    [](const Scenario &) { return false; });
// F1.51, F1.54: certificate mapping is off and certificates are not required by default.
inline constexpr Field<bool> clientCertificateEnabled(
    [](Scenario &s) -> auto & { return s.authentication.clientCertificate.enabled; },
    [](const Scenario &) { return false; });
inline constexpr Field<bool> clientCertificateRequired(
    [](Scenario &s) -> auto & { return s.authentication.clientCertificate.required; },
    [](const Scenario &) { return false; });

// --- Handler ------------------------------------------------------------------------------------
inline constexpr Field<HandlerKind> handlerKind(
    [](Scenario &s) -> auto & { return s.handler.kind; },
    [](const Scenario &) { return HandlerKind::Static; });
// F3.20, F3.21: CGI createProcessAsUser defaults to true.
inline constexpr Field<bool> createProcessAsUser(
    [](Scenario &s) -> auto & { return s.handler.createProcessAsUser; },
    [](const Scenario &) { return true; });
// F3.31: php.ini fastcgi.impersonate defaults to 0.
inline constexpr Field<bool> fastcgiImpersonate(
    [](Scenario &s) -> auto & { return s.handler.fastcgiImpersonate; },
    [](const Scenario &) { return false; });
// F3.32: IIS talks to FastCGI processes over named pipes unless told otherwise.
inline constexpr Field<FastCgiProtocol> fastcgiProtocol(
    [](Scenario &s) -> auto & { return s.handler.fastcgiProtocol; },
    [](const Scenario &) { return FastCgiProtocol::NamedPipe; });
// F3.80: inProcess is the default since ASP.NET Core 3.0.
inline constexpr Field<HostingModel> hostingModel(
    [](Scenario &s) -> auto & { return s.handler.hostingModel; },
    [](const Scenario &) { return HostingModel::InProcess; });
// F3.82: forwardWindowsAuthToken defaults to true.
inline constexpr Field<bool> forwardWindowsAuthToken(
    [](Scenario &s) -> auto & { return s.handler.forwardWindowsAuthToken; },
    [](const Scenario &) { return true; });

// --- ASP.NET ------------------------------------------------------------------------------------
// F3.60: <identity impersonate> defaults to false.
inline constexpr Field<bool> aspnetImpersonate(
    [](Scenario &s) -> auto & { return s.aspnet.impersonate; },
    [](const Scenario &) { return false; });
inline constexpr Field<std::string> aspnetUserName([](Scenario &s) -> auto & {
    return s.aspnet.userName;
});
// F3.70: integrated mode validates the configuration by default.
inline constexpr Field<bool> validateIntegratedModeConfiguration(
    [](Scenario &s) -> auto & { return s.aspnet.validateIntegratedModeConfiguration; },
    [](const Scenario &) { return true; });
// F1.60: ASP.NET takes the IIS user (windows) unless told otherwise.
inline constexpr Field<AspNetAuthMode> aspnetAuthenticationMode(
    [](Scenario &s) -> auto & { return s.aspnet.authenticationMode; },
    [](const Scenario &) { return AspNetAuthMode::Windows; });

// F2.03: aspnet_wp.exe runs as <processModel userName="machine"> (the local ASPNET account) unless
// machine.config says otherwise.
inline constexpr Field<std::string> processModelUserName(
    [](Scenario &s) -> auto & { return s.aspnet.processModelUserName; },
    [](const Scenario &) { return std::string(processModel::machine); });

// --- Request ------------------------------------------------------------------------------------
inline constexpr Field<std::string> requestUser([](Scenario &s) -> auto & {
    return s.request.user;
}); // none: no credentials to give
// The browser answers with a scheme the server offers; a forms application gets a form.
inline constexpr Field<Scheme> scheme(
    [](Scenario &s) -> auto & { return s.request.scheme; },
    [](const Scenario &s) {
        if (handlerKind.value(s) == HandlerKind::AspNet &&
            aspnetAuthenticationMode.value(s) == AspNetAuthMode::Forms)
            return Scheme::Forms;
        if (windowsEnabled.value(s))
            return Scheme::Ntlm;
        if (basicEnabled.value(s))
            return Scheme::Basic;
        if (digestEnabled.value(s))
            return Scheme::Digest;
        if (clientCertificateEnabled.value(s))
            return Scheme::ClientCertificate;
        return Scheme::Ntlm;
    });
inline constexpr Field<Known<bool>> credentialsValid(
    [](Scenario &s) -> auto & { return s.request.credentialsValid; },
    [](const Scenario &) { return Known<bool>(true); });
// F1.70: a browser asks anonymously first and answers a 401 challenge.
inline constexpr Field<SendsCredentials> sendsCredentials(
    [](Scenario &s) -> auto & { return s.request.sendsCredentials; },
    [](const Scenario &) { return SendsCredentials::OnChallenge; });

// --- Content ------------------------------------------------------------------------------------
inline constexpr Field<std::string> contentPath(
    [](Scenario &s) -> auto & { return s.content.path; },
    [](const Scenario &s) {
        return std::string(isIis7Plus(version(s)) ? "C:\\inetpub\\wwwroot"
                                                  : "C:\\Inetpub\\wwwroot");
    });
inline constexpr Field<std::string> connectAs([](Scenario &s) -> auto & {
    return s.content.connectAs;
}); // none: pass-through
inline constexpr Field<Known<bool>> connectAsPasswordValid(
    [](Scenario &s) -> auto & { return s.content.connectAsPasswordValid; },
    [](const Scenario &) { return Known<bool>(true); });
inline constexpr Field<Known<std::vector<std::string>>> readableBy([](Scenario &s) -> auto & {
    return s.content.readableBy;
}); // none: everyone can read

// --- ASP ----------------------------------------------------------------------------------------
// F3.53: Session_OnEnd and Application_OnEnd run as the anonymous user by default (IIS 6+).
inline constexpr Field<bool> runOnEndAnonymously(
    [](Scenario &s) -> auto & { return s.asp.runOnEndAnonymously; },
    [](const Scenario &) { return true; });

// --- What the code does -------------------------------------------------------------------------
inline constexpr Field<Action> action(
    [](Scenario &s) -> auto & { return s.action; }, [](const Scenario &) { return Action::None; });

} // namespace field

} // namespace iisid::catalogue
