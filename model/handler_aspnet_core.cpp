#include "handler_rules.h"
#include "stages.h"

namespace iisid {

namespace {

/// ASP.NET Core: the ASP.NET Core Module hosts the app in w3wp.exe or in dotnet.exe; it never
/// impersonates.
class AspNetCoreRules final : public HandlerRules {
public:
    bool runsInSeparateProcess(const EffectiveScenario &e) const override {
        return e.hostingModel == HostingModel::OutOfProcess;
    }

    bool usesSystemWeb() const override { return false; }

    bool iisChecksFileAccess(const EffectiveScenario &) const override { return false; }

    bool run(Context &c, const Token &user) const override {
        const EffectiveScenario &e = c.e;
        Resolution &r = c.result();
        c.thread.reset();
        if (e.hostingModel == HostingModel::InProcess) {
            c.step(Stage::Handler,
                   "ASP.NET Core in-process hosting: the app runs inside w3wp.exe, as the pool "
                   "identity " +
                       c.process->name +
                       ". ASP.NET Core does not impersonate, and "
                       "<system.web> settings such as <identity> are not used.",
                   {{"F3.80", "F3.83", "F3.84"}});
        } else {
            c.host = Host::Dotnet;
            c.step(Stage::Handler,
                   "ASP.NET Core out-of-process hosting: the ASP.NET Core Module starts dotnet.exe "
                   "(Kestrel) from w3wp.exe and proxies the request over loopback; the process "
                   "runs as the pool identity " +
                       c.process->name +
                       ". ASP.NET Core does not "
                       "impersonate.",
                   {{"F3.81", "F3.83"}}, Confidence::Partial,
                   "That the started process gets the pool identity is inferred from its being "
                   "started by the worker.");
            if (isRequestUser(user.kind))
                c.step(Stage::Handler,
                       e.forwardWindowsAuthToken
                           ? "forwardWindowsAuthToken=true: " + user.name +
                                 "'s Windows token travels to the app in the "
                                 "MS-ASPNETCORE-WINAUTHTOKEN header (the app must close it)."
                           : std::string("forwardWindowsAuthToken=false: the app gets no Windows "
                                         "token for the user."),
                       {{"F3.82"}});
        }
        r.processHost = displayName(c.host);
        return true;
    }

    ContentRead contentRead(const Context &c) const override {
        Token reader = *c.process;
        std::string text = "The ASP.NET Core app reads its files as " + reader.name + ".";
        return {std::move(reader), std::move(text), {{"F3.80", "F4.06"}}};
    }

    bool offersImpersonation() const override { return true; }

    void runImpersonated(Context &c, const Token &user) const override {
        const EffectiveScenario &e = c.e;
        if (e.hostingModel == HostingModel::OutOfProcess && !e.forwardWindowsAuthToken) {
            c.warn("IISID-EXPLAIN-NO-FORWARDED-TOKEN", Severity::Low,
                   "forwardWindowsAuthToken=false: the out-of-process app has no Windows token to "
                   "impersonate.",
                   {{"F3.82"}});
            c.step(Stage::Code,
                   "WindowsIdentity.RunImpersonated needs the user's token, which "
                   "forwardWindowsAuthToken=false keeps from the app: the code stays " +
                       c.process->name + ".",
                   {{"F3.82", "F3.83"}});
            return;
        }
        c.thread = user;
        c.step(Stage::Code,
               "The action runs inside WindowsIdentity.RunImpersonated(...) with the user's "
               "Windows identity: for that block the thread runs as " +
                   user.name + ".",
               {{"F3.83"}});
    }
};

} // namespace

const HandlerRules &aspNetCoreRules() {
    static const AspNetCoreRules rules;
    return rules;
}

} // namespace iisid
