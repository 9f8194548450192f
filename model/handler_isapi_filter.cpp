#include "handler_static.h"
#include "stages.h"

namespace iisid {

namespace {

/// An ISAPI filter: its own code runs before authentication, in the worker, without
/// impersonation; the request itself is then served by the static file handler.
class IsapiFilterRules final : public StaticFileRules {
public:
    // F3.01/F3.02: where filters live; F3.03: IIS does not impersonate before calling them.
    void beforeAuthentication(Context &c) const override {
        const EffectiveScenario &e = c.e;
        Resolution &r = c.result();
        if (e.iis5ProcessModel) {
            c.step(Stage::Filter,
                   "The ISAPI filter is loaded once into inetinfo.exe and its notifications run "
                   "there as LocalSystem, whatever the application's protection. IIS does not "
                   "impersonate before calling a filter: the thread has no impersonation token, so "
                   "the filter runs as " +
                       c.worker.name +
                       " (to act as the user it must fetch the "
                       "token with GetUserToken).",
                   {{"F3.01", "F3.03", "F2.02"}}, Confidence::Partial,
                   "No Microsoft page says in so many words that filters never impersonate; the "
                   "seed post and the GetUserToken callback imply it.");
        } else {
            c.step(Stage::Filter,
                   "The ISAPI filter is loaded into each w3wp.exe and runs with the pool's process "
                   "identity. IIS does not impersonate before calling a filter: the thread has no "
                   "impersonation token, so the filter runs as " +
                       c.process->name + " (GetUserToken would give it the user's token).",
                   {{"F3.02", "F3.03"}}, Confidence::Partial,
                   "No Microsoft page says in so many words that filters never impersonate; the "
                   "seed post and the GetUserToken callback imply it.");
        }
        c.filterProcess = c.process;
        c.filterHost = c.host;
        r.processHost = displayName(c.host);
        r.identities.process = c.process->name;
        r.identities.code = c.process->name;
        // What the filter's own code does: a child process or a network call leaves as the
        // process identity, since the thread holds no impersonation token.
        childOf(c, *c.process, std::nullopt, "the filter");
        networkOf(c, *c.process, "the filter");
    }

    bool codeIsTheFilter() const override { return true; }
};

} // namespace

const HandlerRules &isapiFilterRules() {
    static const IsapiFilterRules rules;
    return rules;
}

} // namespace iisid
