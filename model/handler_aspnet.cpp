#include "accounts.h"
#include "handler_rules.h"
#include "stages.h"

namespace iisid {

namespace {

/// F2.03: machine.config's <processModel userName> is the account of aspnet_wp.exe: "machine" is
/// the local ASPNET account, "System" is LocalSystem, anything else the account named.
bool processModelIsMachine(const EffectiveScenario &e) {
    return sameAccount(e.processModelUserName, processModel::machine);
}

Token aspnetWpToken(const Context &c) {
    if (processModelIsMachine(c.e))
        return Token{c.qualify("ASPNET"), TokenKind::ServiceAccount};
    std::string name = c.qualify(c.e.processModelUserName);
    const TokenKind kind =
        sameAccount(name, account::system) ? TokenKind::LocalSystem : TokenKind::ServiceAccount;
    return Token{std::move(name), kind};
}

std::string processModelWords(const Context &c) {
    if (processModelIsMachine(c.e))
        return "the local ASPNET account (<processModel userName=\"machine\">, the default)";
    return c.process->name + " (machine.config <processModel userName=\"" +
           c.e.processModelUserName + "\">)";
}

void runAspNet(Context &c, const Token &user) {
    const EffectiveScenario &e = c.e;
    if (e.iis5ProcessModel) {
        c.host = Host::AspnetWp;
        c.process = aspnetWpToken(c);
        c.step(Stage::Handler,
               "aspnet_isapi.dll hands the request to the ASP.NET worker process aspnet_wp.exe, "
               "which runs as " +
                   processModelWords(c) + ", not as " + c.worker.name + ".",
               isIis6(e.version) ? Facts{{"F2.12", "F2.03"}} : Facts{{"F2.03"}});
    } else {
        std::string how = isIis7Plus(e.version) && e.pipeline == Pipeline::Integrated
                              ? "runs inside the integrated pipeline of w3wp.exe"
                              : "runs through aspnet_isapi.dll inside w3wp.exe";
        c.step(Stage::Handler,
               "ASP.NET " + how + ", so its process identity is the pool identity " +
                   c.process->name + ".",
               isIis7Plus(e.version) ? (e.pipeline == Pipeline::Classic ? Facts{{"F3.73", "F2.20"}}
                                                                        : Facts{{"F2.20", "F3.15"}})
                                     : Facts{{"F2.13"}});
    }
    const bool forms = e.aspnetAuthenticationMode == AspNetAuthMode::Forms ||
                       (e.requestUser && e.scheme == Scheme::Forms);
    if (!e.aspnetImpersonate) {
        c.thread.reset();
        c.step(Stage::Handler,
               "<identity impersonate=\"false\"/> (the default): ASP.NET removes the token IIS "
               "passed; the code runs with the process token " +
                   c.process->name + ", whatever the authentication.",
               {{"F3.60", "F1.63"}});
        return;
    }
    if (e.aspnetUserName) {
        c.thread = Token{c.qualify(*e.aspnetUserName), TokenKind::Configured};
        std::string text = "<identity impersonate=\"true\" userName=\"" + *e.aspnetUserName +
                           "\"/> (application impersonation): every request runs as " +
                           c.thread->name + "; the client's token (" + user.name +
                           ") is used only for access checks.";
        if (e.iis5ProcessModel && c.process->kind == TokenKind::LocalSystem) {
            // KB 306158: running aspnet_wp.exe as SYSTEM is the documented way to give it
            // "Act as part of the operating system", which SYSTEM holds.
            c.step(Stage::Handler,
                   text + " aspnet_wp.exe runs as " + c.process->name +
                       ", which holds \"Act as part of the operating system\" and can log that "
                       "account on.",
                   {{"F3.62", "F2.03"}});
            return;
        }
        if (e.iis5ProcessModel) {
            // KB 306158: on Windows 2000, ASP.NET 1.0's aspnet_wp.exe (as ASPNET) can log the
            // account on only with "Act as part of the operating system".
            // ASPNET never holds the privilege by default; a named account may (its rights are
            // not in the configuration).
            const std::string holder = processModelIsMachine(e)
                                           ? std::string("ASPNET does not hold by default")
                                           : c.process->name + " may not hold";
            c.step(Stage::Handler,
                   text + " aspnet_wp.exe (" + c.process->name +
                       ") must log that account on itself: with ASP.NET 1.0 on Windows 2000 "
                       "that needs \"Act as part of the operating system\", which " +
                       holder +
                       " (KB 306158), so the logon, and the request, fail "
                       "there; later versions obtain the token without it.",
                   {{"F3.62", "F2.03"}}, Confidence::Partial,
                   "Depends on the .NET Framework version, which the scenario does not give: "
                   "ASP.NET 1.0 needs \"Act as part of the operating system\" for " +
                       c.process->name + " (KB 306158); the result shown is for later versions.");
            return;
        }
        c.step(Stage::Handler, std::move(text), {{"F3.62", "F3.75"}});
        return;
    }
    if (forms && integratedAspNet(e)) {
        c.thread = c.process;
        c.step(Stage::Handler,
               "<identity impersonate=\"true\"/> with Forms authentication in integrated mode "
               "is unsupported (\"error or incorrect behavior\"): the forms user cannot be "
               "impersonated, and Request.LogonUserIdentity is the process identity " +
                   c.process->name + " rather than the anonymous account.",
               {{"F1.62"}}, Confidence::Partial,
               "Microsoft documents the combination as unsupported; which token the thread "
               "then holds is inferred from LogonUserIdentity.");
        c.warn("IISID-ASPNET-FORMS-IMPERSONATE", Severity::Medium,
               "Forms authentication with <identity impersonate=\"true\"/> is not supported in "
               "the integrated pipeline.",
               {{"F1.62"}});
        return;
    }
    if (isIis6(e.version) && c.contentOnShare() && e.connectAs) {
        // F3.66: on a UNC share ASP.NET impersonates IIS's UNC token, not the client's.
        c.thread = Token{c.qualify(*e.connectAs), TokenKind::Configured};
        c.step(Stage::Handler,
               "<identity impersonate=\"true\"/> with the content on a UNC share and a "
               "configured UNC account: ASP.NET impersonates the token IIS uses for the share, " +
                   c.thread->name + ", not the client's " + user.name + ".",
               {{"F3.66", "F3.61"}});
        return;
    }
    c.thread = user;
    std::string text = "<identity impersonate=\"true\"/>: ASP.NET impersonates the token IIS "
                       "passes, " +
                       user.name + ".";
    if (forms)
        text += " With Forms authentication that is the anonymous account, never the forms "
                "user.";
    c.step(Stage::Handler, std::move(text),
           forms ? Facts{{"F3.61", "F1.60"}} : Facts{{"F3.61", "F3.75"}});
    if (integratedAspNet(e))
        c.step(Stage::Handler,
               "Integrated mode with validation off: the impersonation starts at "
               "PostAuthenticateRequest; the page runs as " +
                   user.name + ".",
               {{"F3.71"}});
}

/// ASP.NET: aspnet_wp.exe (IIS 5 process model) or the worker; impersonation is the
/// application's choice (<identity>).
class AspNetRules final : public HandlerRules {
public:
    bool runsInSeparateProcess(const EffectiveScenario &e) const override {
        return e.iis5ProcessModel;
    }

    bool runsInApplicationProcess() const override { return true; }

    bool isAspNet() const override { return true; }

    bool iisChecksFileAccess(const EffectiveScenario &e) const override {
        // Through aspnet_isapi (IIS 5/6, classic) IIS checks first (F0.03); in ASP.NET
        // itself FileAuthorizationModule checks for Windows authentication (F3.69).
        return !isIis7Plus(e.version) || e.pipeline == Pipeline::Classic ||
               e.aspnetAuthenticationMode == AspNetAuthMode::Windows;
    }

    bool run(Context &c, const Token &user) const override {
        runAspNet(c, user);
        return true;
    }

    ContentRead contentRead(const Context &c) const override {
        const EffectiveScenario &e = c.e;
        Token reader = e.connectAs ? contentAccessToken(c, *c.authenticated) : *c.process;
        std::string text = "ASP.NET compiles the page and loads its configuration as the process "
                           "identity, even when impersonating: " +
                           reader.name + " reads it.";
        return {std::move(reader), std::move(text), {{"F3.63", "F4.03", "F4.06"}}};
    }

    bool runsAspNetEvents() const override { return true; }

    bool runsSessionOnEnd() const override { return true; }

    bool sessionOnEnd(Context &c) const override {
        const EffectiveScenario &e = c.e;
        if (e.iis5ProcessModel) {
            c.host = Host::AspnetWp;
            c.process = aspnetWpToken(c);
        }
        if (e.aspnetImpersonate && e.aspnetUserName)
            c.thread = Token{c.qualify(*e.aspnetUserName), TokenKind::Configured};
        c.step(Stage::Code,
               "Session_End runs on a timer, outside any request: there is no client token, "
               "so it runs as " +
                   (c.thread ? c.thread->name : c.process->name) + ".",
               {{"F3.63", "F3.64"}}, Confidence::Unconfirmed,
               "The reference covers ASP's Session_OnEnd; ASP.NET's Session_End identity is "
               "inferred from the application-initialization rule.");
        return true;
    }

    bool offersImpersonation() const override { return true; }

    void runImpersonated(Context &c, const Token &user) const override {
        c.thread = user;
        c.step(Stage::Code,
               "The code calls WindowsIdentity.Impersonate with the request's Windows "
               "identity: until Undo() the thread runs as " +
                   user.name + ".",
               {{"F3.68"}});
    }
};

} // namespace

const HandlerRules &aspNetRules() {
    static const AspNetRules rules;
    return rules;
}

} // namespace iisid
