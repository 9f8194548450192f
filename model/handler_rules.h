#pragma once

// Internal to the resolver (not part of the model's API): what each handler kind decides. One
// unit per kind (handler_*.cpp); the stages ask the handler instead of switching on its kind.

#include "resolver_context.h"

#include <optional>
#include <string>
#include <string_view>

namespace iisid {

/// Who reads the requested file or script, and the step's text and facts.
struct ContentRead {
    Token reader;
    std::string text;
    Facts facts;
};

/// The rules of one handler kind. Stateless: one shared instance per kind (handlerRules).
class HandlerRules {
public:
    virtual ~HandlerRules() = default;

    // --- worker
    /// IIS 5 process model: does this handler's code run in the application's process (dllhost
    /// for Medium/High), or in inetinfo itself?
    virtual bool runsInApplicationProcess() const { return false; }
    /// Does the code run in a process of its own that the handler starts or hands the request
    /// to (CGI, php-cgi.exe, aspnet_wp.exe, dotnet.exe)? When the request fails before that
    /// process got it, no process ran the code (scenario-format.md, `process`).
    virtual bool runsInSeparateProcess(const EffectiveScenario &) const { return false; }

    // --- configuration
    /// ASP.NET reads <system.web> (its <identity> is the one that matters here); for other
    /// handlers IIS still validates the application's <identity> (F3.76).
    virtual bool isAspNet() const { return false; }
    /// False where the application's <system.web> is not read at all: an ASP.NET Core app, whose
    /// pool runs no managed code (F3.84; config-semantics.md IISID-SETTINGS-WITHOUT-EFFECT).
    virtual bool usesSystemWeb() const { return true; }

    // --- before authentication
    /// Code that sees the request before authentication (an ISAPI filter's notifications).
    virtual void beforeAuthentication(Context &) const {}

    // --- authorization
    /// Does IIS check the request identity against the file's ACL before the handler runs?
    virtual bool iisChecksFileAccess(const EffectiveScenario &) const { return true; }

    // --- the handler
    /// The handler takes over the authenticated request: decides the process and thread tokens
    /// (Context::host, process, thread). Returns false after failing the request.
    virtual bool run(Context &c, const Token &user) const = 0;

    // --- the code
    /// False for a static file: no code of the application's runs.
    virtual bool runsUserCode() const { return true; }
    /// The code reported is the ISAPI filter's, already traced before authentication.
    virtual bool codeIsTheFilter() const { return false; }
    /// After RevertToSelf, IIS impersonates again on the next request (ISAPI extensions, ASP).
    virtual bool impersonatesAgainNextRequest() const { return false; }
    /// Application_Start and BeginRequest modules exist (ASP.NET).
    virtual bool runsAspNetEvents() const { return false; }
    /// Session_OnEnd / Session_End exist (ASP, ASP.NET).
    virtual bool runsSessionOnEnd() const { return false; }
    /// Session end, outside any request, with Context::host set to the worker. Returns false
    /// when the event is not called at all (its step is written).
    virtual bool sessionOnEnd(Context &) const { return true; }
    /// The code can impersonate the request's Windows user itself (ASP.NET, ASP.NET Core).
    virtual bool offersImpersonation() const { return false; }
    /// The code impersonates `user`, a request user (only when offersImpersonation()).
    virtual void runImpersonated(Context &, const Token &) const {}

    // --- the content
    /// Who reads the requested file or script.
    virtual ContentRead contentRead(const Context &c) const = 0;
    /// The handler's own failure when the reader may not read the content (text: the read step
    /// so far). Returns true after failing the request; false: the generic warning applies.
    virtual bool failsOnUnreadableContent(Context &, const std::string &) const { return false; }

    // --- what the code reaches
    /// The subject of the child-process step: "The code".
    virtual std::string_view codeName() const { return "The code"; }
    /// The handler's own rule for a child process started with CreateProcess (not
    /// CreateProcessAsUser). Returns true when it wrote the step.
    virtual bool startsChildItself(Context &) const { return false; }
    /// Facts to cite for a child started with the process token from `process`, when the handler
    /// has its own (nullopt: the general rule).
    virtual std::optional<Facts> childProcessFacts(const Context &, const Token &) const {
        return std::nullopt;
    }
    /// The subject of the network step: "The code".
    virtual std::string_view networkCaller() const { return "The code"; }
};

/// The rules of `kind`; the instances live for the program's lifetime.
const HandlerRules &handlerRules(HandlerKind kind);

// One per unit (handler_*.cpp).
const HandlerRules &staticFileRules();
const HandlerRules &isapiFilterRules();
const HandlerRules &isapiExtensionRules();
const HandlerRules &aspRules();
const HandlerRules &aspNetRules();
const HandlerRules &cgiRules();
const HandlerRules &fastCgiRules();
const HandlerRules &aspNetCoreRules();

} // namespace iisid
