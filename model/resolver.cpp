// The resolver follows one request through IIS. Its units (all internal to model/):
//   resolver.cpp            the pipeline: the order of the stages (Resolver::run)
//   resolver_context.h      Context: the state the stages share (scenario, handler, trace,
//                           current host and process / thread / authenticated tokens)
//   trace_builder.h         TraceBuilder: steps, cite, fail, warn, confidence; Facts, sourcesOf
//   tokens.h, host.h        Token / TokenKind; Host with executableName / displayName
//   network_identity.h      who a server off the box sees for a token (NetworkView)
//   access_check.h          canRead / readersText / accessRule: the pure NTFS read check
//   stages.h, stage_*.cpp   one unit per stage: worker, configuration, authentication,
//                           authorization, code, content, reach (child process + network)
//   handler_rules.h         HandlerRules, one unit per handler kind (handler_*.cpp)

#include "resolver.h"

#include "handler_rules.h"
#include "resolver_context.h"
#include "stages.h"

namespace iisid {

namespace {

class Resolver {
public:
    explicit Resolver(const EffectiveScenario &scenario)
        : c(scenario) {}

    Resolution run() {
        const EffectiveScenario &e = c.e;
        decideWorker(c);
        // Session_OnEnd runs on a timer, outside any request: no configuration read for a URL,
        // no authentication.
        if (e.action == Action::SessionOnEnd && c.handler.runsSessionOnEnd()) {
            runSessionOnEnd(c);
            return finish();
        }
        if (!readConfiguration(c) || !validateIntegratedMode(c))
            return finish();
        // Filters see the request from its first notification, before authentication.
        c.handler.beforeAuthentication(c);
        if (!authenticateAndAuthorize(c))
            return finish();
        const Token user = *c.authenticated;
        if (!c.handler.run(c, user))
            return finish();
        runCode(c);
        if (!readContent(c))
            return finish();
        startChild(c);
        reachNetwork(c);
        Resolution &r = c.result();
        if (!r.http)
            r.http = HttpStatus{200, 0};
        return finish();
    }

private:
    Resolution finish() {
        Resolution &r = c.result();
        r.identities.worker = c.worker.name;
        // scenario-format.md, `process`: a request that fails before its code ran was taken and
        // answered by the worker; `process` stays null only for a handler whose own process
        // (CGI, php-cgi, aspnet_wp, dotnet) never got the request.
        if (r.http && r.http->status >= 400 && !r.identities.process &&
            !c.handler.runsInSeparateProcess(c.e)) {
            r.identities.process = c.worker.name;
            if (r.processHost.empty())
                r.processHost = displayName(c.workerHost);
        }
        r.workerHost = displayName(c.workerHost);
        r.request = {c.e.requestUser, c.e.scheme,           c.e.handler,
                     c.e.contentPath, c.e.iis5ProcessModel, c.handler.runsInSeparateProcess(c.e)};
        if (!c.pendingDependencies.empty() && !r.steps.empty())
            c.attachDependencies(r.steps.back());
        return c.trace.take();
    }

    Context c;
};

} // namespace

Resolution resolve(const EffectiveScenario &scenario) {
    Resolution resolution = Resolver(scenario).run();
    resolution.confidenceOf = confidencePerIdentity(resolution);
    return resolution;
}

std::string anonymousAccount(const EffectiveScenario &scenario) {
    Context c(scenario);
    decideWorker(c);
    const AnonymousLogon logon = anonymousLogon(c);
    return logon.token ? logon.token->name : logon.failure;
}

Resolution resolve(const Scenario &scenario) {
    return resolve(effective(scenario));
}

} // namespace iisid
