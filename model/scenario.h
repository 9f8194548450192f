#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace iisid {

// The enumerations below are the scenario's vocabulary. Their spellings in files, on the command
// line and in the editor live in one place: the settings catalogue (settings.h).

enum class IisVersion { V5_0, V5_1, V6_0, V7_0, V7_5, V8_0, V8_5, V10_0 };
enum class Iis6Mode { WorkerProcess, Iis5Isolation };
enum class Protection { Low, Medium, High };
enum class PoolIdentity {
    LocalSystem,
    LocalService,
    NetworkService,
    ApplicationPoolIdentity,
    SpecificUser
};
enum class Pipeline { Integrated, Classic };
enum class LogonMethod { Interactive, Batch, Network, ClearText };
enum class Scheme { Ntlm, Kerberos, Basic, Digest, ClientCertificate, Forms };
enum class SendsCredentials { OnChallenge, Always };
enum class HandlerKind {
    Static,
    IsapiFilter,
    IsapiExtension,
    Asp,
    AspNet,
    Cgi,
    FastCgi,
    AspNetCore
};
enum class FastCgiProtocol { NamedPipe, Tcp };
enum class HostingModel { InProcess, OutOfProcess };
enum class AspNetAuthMode { Windows, Forms, None };
enum class Action {
    None,
    CreateProcess,
    CreateProcessAsUser,
    RevertToSelf,
    ApplicationStart,
    SessionOnEnd,
    BeginRequestModule,
    RunImpersonated
};

/// "unknown": the scenario says it does not know a value that configuration files never tell
/// (whether a stored password is right, who the NTFS permissions let read). Spelt "unknown" in
/// files, on the command line and in the editor (settings.h, Setting::acceptsUnknown).
struct Unknown {
    friend bool operator==(Unknown, Unknown) = default;
};
inline constexpr Unknown unknown{};

/// A value, or Unknown. Converts implicitly from T, so code that writes a known value reads as
/// before; code that reads one must say what it does when the value is not known.
template <typename T> class Known {
public:
    Known(T value)
        : m_value(std::move(value)) {}
    Known(Unknown) {}

    bool isKnown() const { return m_value.has_value(); }
    bool isUnknown() const { return !m_value.has_value(); }
    /// The value, or nullptr when it is not known.
    const T *ifKnown() const { return m_value ? &*m_value : nullptr; }
    /// Known, and equal to `value`.
    bool is(const T &value) const { return m_value && *m_value == value; }

    friend bool operator==(const Known &, const Known &) = default;

private:
    std::optional<T> m_value;
};

/// One request to one IIS configuration, as written by the user. Every field is optional: an
/// absent field takes the IIS default for the chosen version (see settings.h). Plain data.
struct Scenario {
    std::string title;
    std::string notes;

    struct Server {
        std::optional<IisVersion> iisVersion;
        std::optional<Iis6Mode> iis6Mode;
        std::optional<std::string> machine;
        std::optional<std::string> domain;
        std::optional<bool> kerberosDelegation;
    } server;

    struct Application {
        std::optional<Protection> protection;
    } application;

    struct AppPool {
        std::optional<std::string> name;
        std::optional<PoolIdentity> identity;
        std::optional<std::string> userName;
        std::optional<Pipeline> pipeline;
        std::optional<bool> canReplaceProcessToken;
    } appPool;

    struct Authentication {
        struct Anonymous {
            std::optional<bool> enabled;
            std::optional<std::string> userName; // "" = the application pool identity (7+)
            std::optional<Known<bool>> passwordValid;
            std::optional<LogonMethod> logonMethod;
        } anonymous;
        struct Basic {
            std::optional<bool> enabled;
            std::optional<LogonMethod> logonMethod;
        } basic;
        struct Digest {
            std::optional<bool> enabled;
        } digest;
        struct Windows {
            std::optional<bool> enabled;
            std::optional<bool> useKernelMode;
            std::optional<bool> useAppPoolCredentials;
        } windows;
        struct ClientCertificate {
            std::optional<bool> enabled;
            std::optional<bool> required;
        } clientCertificate;
    } authentication;

    struct Request {
        std::optional<std::string> user; // absent or null: no credentials to give
        std::optional<Scheme> scheme;
        std::optional<Known<bool>> credentialsValid;
        std::optional<SendsCredentials> sendsCredentials;
    } request;

    struct Content {
        std::optional<std::string> path;
        std::optional<std::string> connectAs;
        std::optional<Known<bool>> connectAsPasswordValid;
        // absent: everyone can read
        std::optional<Known<std::vector<std::string>>> readableBy;
    } content;

    struct Handler {
        std::optional<HandlerKind> kind;
        std::optional<bool> createProcessAsUser;
        std::optional<bool> fastcgiImpersonate;
        std::optional<FastCgiProtocol> fastcgiProtocol;
        std::optional<HostingModel> hostingModel;
        std::optional<bool> forwardWindowsAuthToken;
    } handler;

    struct AspNet {
        std::optional<bool> impersonate;
        std::optional<std::string> userName;
        std::optional<bool> validateIntegratedModeConfiguration;
        std::optional<AspNetAuthMode> authenticationMode;
        /// machine.config <processModel userName>: the account of aspnet_wp.exe under the IIS 5
        /// process model ("machine", "System" or an account).
        std::optional<std::string> processModelUserName;
    } aspnet;

    struct Asp {
        std::optional<bool> runOnEndAnonymously;
    } asp;

    std::optional<Action> action;
};

/// Version helpers used by the rules ("IIS7+" in the reference means 7.0 through 10.0).
inline bool isIis5(IisVersion v) {
    return v == IisVersion::V5_0 || v == IisVersion::V5_1;
}
inline bool isIis6(IisVersion v) {
    return v == IisVersion::V6_0;
}
inline bool isIis7Plus(IisVersion v) {
    return v >= IisVersion::V7_0;
}
inline bool isIis75Plus(IisVersion v) {
    return v >= IisVersion::V7_5;
}

} // namespace iisid
