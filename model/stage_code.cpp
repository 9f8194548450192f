#include "stages.h"

#include "handler_rules.h"

namespace iisid {

namespace {

void actionIgnored(Context &c, std::string_view what) {
    const EffectiveScenario &e = c.e;
    c.warn("IISID-EXPLAIN-ACTION-IGNORED", Severity::Info,
           "\"" + std::string(toString(e.action)) + "\" " + std::string(what) +
               "; the handler is " + std::string(toString(e.handler)) + ", so it is ignored.",
           {});
}

void runApplicationStart(Context &c) {
    const EffectiveScenario &e = c.e;
    // F3.64: application initialization runs as the process identity, the application
    // impersonation account, or the UNC account.
    const Confidence confidence = isIis7Plus(e.version) ? Confidence::Unconfirmed
                                  : isIis6(e.version)   ? Confidence::Confirmed
                                                        : Confidence::Partial;
    const std::string uncertainty =
        isIis7Plus(e.version)
            ? "Measured on IIS 6 / ASP.NET 2.0; the same rule is expected, not confirmed, "
              "for IIS 7+."
        : isIis6(e.version) ? std::string()
                            : "Documented for ASP.NET 2.0 on IIS 6; assumed for IIS 5.";
    if (e.aspnetImpersonate && e.aspnetUserName) {
        c.thread = Token{c.qualify(*e.aspnetUserName), TokenKind::Configured};
        c.step(Stage::Code,
               "Application_Start runs during application initialization, as the application "
               "impersonation account " +
                   c.thread->name + ".",
               {{"F3.64", "F3.63"}}, confidence, uncertainty);
    } else if (c.contentOnShare() && e.connectAs) {
        c.thread = Token{c.qualify(*e.connectAs), TokenKind::Configured};
        c.step(Stage::Code,
               "Application_Start runs during application initialization; the content is on a "
               "share with a configured account, so it runs as that UNC account " +
                   c.thread->name + ".",
               {{"F3.64", "F4.10", "F3.63"}}, confidence, uncertainty);
    } else {
        c.thread.reset();
        c.step(Stage::Code,
               "Application_Start runs once, during application initialization, as the process "
               "identity " +
                   c.process->name +
                   ", not as the user of the request that started the application, even "
                   "with client impersonation on. Any application on the pool can do the "
                   "same there: keep authorized work out of it.",
               {{"F3.64", "F3.63"}}, confidence, uncertainty);
    }
}

void runImpersonated(Context &c) {
    if (!c.handler.offersImpersonation()) {
        actionIgnored(c, "is an ASP.NET / ASP.NET Core call");
        return;
    }
    const Token &user = *c.authenticated;
    if (!isRequestUser(user.kind)) {
        c.warn("IISID-EXPLAIN-NOTHING-TO-IMPERSONATE", Severity::Info,
               "The request has no Windows user (it is " + user.name +
                   "), so there is nothing to impersonate.",
               {{"F3.83"}});
        c.step(Stage::Code,
               "The code wants to run impersonated, but the request is anonymous: there is no "
               "Windows user identity to impersonate, and the code stays " +
                   (c.thread ? c.thread->name : c.process->name) + ".",
               {{"F3.83"}});
        return;
    }
    c.handler.runImpersonated(c, user);
}

} // namespace

void runCode(Context &c) {
    const EffectiveScenario &e = c.e;
    Resolution &r = c.result();
    switch (e.action) {
    case Action::None:
    case Action::CreateProcess:
    case Action::CreateProcessAsUser:
        break;
    case Action::RevertToSelf:
        if (!c.thread) {
            c.step(Stage::Code,
                   "The code calls RevertToSelf, but the thread holds no impersonation token: "
                   "it keeps running as " +
                       c.process->name + ".",
                   {{"F3.13"}});
        } else {
            const std::string was = c.thread->name;
            c.thread.reset();
            std::string text = "The code calls RevertToSelf (directly or through a COM "
                               "component): the impersonation token " +
                               was + " is discarded and the thread runs as the process identity " +
                               c.process->name + " from here on.";
            if (c.handler.impersonatesAgainNextRequest())
                text += " IIS impersonates again on the next request.";
            c.step(Stage::Code, std::move(text), {{"F3.13", "F0.01"}});
        }
        break;
    case Action::ApplicationStart:
        if (!c.handler.runsAspNetEvents()) {
            actionIgnored(c, "is an ASP.NET event");
            break;
        }
        runApplicationStart(c);
        break;
    case Action::SessionOnEnd:
        actionIgnored(c, "is an ASP or ASP.NET event");
        break;
    case Action::BeginRequestModule:
        if (!c.handler.runsAspNetEvents()) {
            actionIgnored(c, "is an ASP.NET module event");
            break;
        }
        if (integratedAspNet(e)) {
            c.thread.reset();
            c.step(Stage::Code,
                   "A module handling BeginRequest in the integrated pipeline runs before "
                   "authentication completes: ASP.NET impersonates only from "
                   "PostAuthenticateRequest on, so the module runs as the process identity " +
                       c.process->name + ".",
                   {{"F3.71", "F1.72"}});
        } else {
            c.step(Stage::Code,
                   "Outside the integrated pipeline ASP.NET runs its whole pipeline after IIS "
                   "authenticated the request, with the impersonation already in place: a "
                   "BeginRequest module runs like the page, as " +
                       (c.thread ? c.thread->name : c.process->name) + ".",
                   {{"F3.73", "F1.72"}}, Confidence::Partial,
                   "That classic-mode impersonation covers BeginRequest is inferred from "
                   "\"impersonation behaves as in IIS 6\".");
        }
        break;
    case Action::RunImpersonated:
        runImpersonated(c);
        break;
    }
    r.identities.process = nameOf(c.process);
    r.identities.thread = nameOf(c.thread);
    r.identities.code = c.thread ? c.thread->name : c.process->name;
    if (r.processHost.empty())
        r.processHost = displayName(c.host);
    const std::string who =
        c.thread ? c.thread->name + " (impersonated; the process is " + c.process->name + ")"
                 : c.process->name + " (the process token; nothing "
                                     "impersonated)";
    if (c.handler.codeIsTheFilter()) {
        // The request's own handler serves the file; the filter's code was reported above.
        r.identities.process = c.filterProcess->name;
        r.identities.code = c.filterProcess->name;
        r.identities.thread.reset();
        r.processHost = displayName(c.filterHost);
        return;
    }
    if (c.handler.runsUserCode())
        c.step(Stage::Code, "The code runs as " + who + ".", {{"F0.01"}});
    else
        c.step(Stage::Code,
               "No code of yours runs for a static file: IIS serves it as " + who + ".",
               {{"F0.01"}});
}

void runSessionOnEnd(Context &c) {
    Resolution &r = c.result();
    r.http.reset();
    c.host = c.workerHost;
    if (!c.handler.sessionOnEnd(c))
        return;
    r.identities.process = c.process->name;
    r.identities.thread = nameOf(c.thread);
    r.identities.code = c.thread ? c.thread->name : c.process->name;
    r.processHost = displayName(c.host);
    const Token code = c.thread ? *c.thread : *c.process;
    childOf(c, *c.process, c.thread, "Session_OnEnd");
    networkOf(c, code, "Session_OnEnd");
}

} // namespace iisid
