#include "handler_rules.h"
#include "stages.h"

namespace iisid {

namespace {

/// CGI: a process per request, started as the user or as the worker (createProcessAsUser).
class CgiRules final : public HandlerRules {
public:
    bool runsInSeparateProcess(const EffectiveScenario &) const override { return true; }

    bool run(Context &c, const Token &user) const override {
        const EffectiveScenario &e = c.e;
        Resolution &r = c.result();
        const bool conflict = isIis7Plus(e.version);
        const std::string uncertain =
            conflict ? "Microsoft's IIS 7+ pages contradict each other on what "
                       "createProcessAsUser=true means (the WMI CgiSection page says the "
                       "opposite); shown with the IIS 6 meaning, which the seed post shares."
                     : std::string();
        const Facts cpauFacts = conflict ? Facts{{"F3.21", "F3.22", "F3.20"}} : Facts{{"F3.20"}};
        const Confidence cpauConfidence = conflict ? Confidence::Conflict : Confidence::Confirmed;
        const Token &cgiUser = user;
        if (e.createProcessAsUser) {
            // F3.23 / F2.15: creating the process as the user needs the worker's privileges.
            if (!e.iis5ProcessModel && !e.canReplaceProcessToken) {
                if (isIis7Plus(e.version)) {
                    c.fail(Stage::Handler, 403, 19,
                           "createProcessAsUser=true: w3wp.exe must start the CGI process with " +
                               cgiUser.name +
                               "'s token, which needs \"Replace a process level "
                               "token\" and \"Adjust memory quotas\"; the pool identity " +
                               c.process->name +
                               " lacks them: 403.19, cannot execute CGI "
                               "applications in this application pool.",
                           {{"F3.23", "F1.81", "F2.15"}}, cpauConfidence, uncertain);
                } else {
                    c.fail(Stage::Handler, 403, 19,
                           "CreateProcessAsUser=true: w3wp.exe must start the CGI process with " +
                               cgiUser.name +
                               "'s token, which needs \"Replace a process level "
                               "token\" and \"Increase quotas\"; the custom pool identity " +
                               c.process->name +
                               " has not been granted them, so the process "
                               "cannot be created: 403.19, cannot execute CGIs in this application "
                               "pool.",
                           {{"F2.15", "F3.23", "F1.81"}}, Confidence::Partial,
                           "The required rights are documented for IIS 6, and IIS 6's 403 table "
                           "lists 403.19 for CGIs that cannot run in the pool; that the missing "
                           "right is what raises it on IIS 6 is inferred.");
                }
                c.process.reset();
                c.thread.reset();
                c.host = Host::None;
                return false;
            }
            c.host = Host::CgiProcess;
            c.process = cgiUser;
            c.thread.reset();
            Step &s = c.step(Stage::Handler,
                             "createProcessAsUser=true (the default): " +
                                 std::string(displayName(c.workerHost)) +
                                 " starts the CGI program with CreateProcessAsUser and the "
                                 "authenticated token, so the CGI process runs as " +
                                 cgiUser.name + ".",
                             cpauFacts, cpauConfidence, uncertain);
            if (!e.iis5ProcessModel && e.poolIdentity == PoolIdentity::ApplicationPoolIdentity &&
                !e.canReplaceProcessTokenExplicit) {
                // F3.23: ApplicationPoolIdentity accounts hold both rights by default
                // (KB 981949).
                s.text += " The pool identity holds \"Replace a process level token\" and "
                          "\"Adjust memory quotas\" by default.";
                cite(s, "F3.23");
            }
        } else {
            c.host = Host::CgiProcess;
            c.process = c.worker;
            c.thread.reset();
            c.step(Stage::Handler,
                   "createProcessAsUser=false: the CGI program is started with the process "
                   "identity of " +
                       std::string(displayName(c.workerHost)) + ", so it runs as " + c.worker.name +
                       (e.iis5ProcessModel ? " (\"system context\")" : "") + ", not as " +
                       user.name + ".",
                   cpauFacts, cpauConfidence, uncertain);
        }
        r.processHost = displayName(Host::CgiProcess);
        return true;
    }

    ContentRead contentRead(const Context &c) const override {
        const EffectiveScenario &e = c.e;
        Token reader = e.connectAs ? contentAccessToken(c, *c.authenticated) : *c.process;
        std::string text = "The CGI process reads its script as " + reader.name + ".";
        return {std::move(reader), std::move(text), {{"F3.24", "F4.06"}}};
    }

    bool failsOnUnreadableContent(Context &c, const std::string &text) const override {
        c.fail(Stage::Content, 502, 2,
               text + " It may not read it (readable by: " + c.readersText() +
                   "): the script host prints an error instead of CGI headers, and IIS "
                   "reports 502.2 (\"the specified CGI application misbehaved by not "
                   "returning a complete set of HTTP headers\").",
               {{"F3.24", "F1.83"}}, Confidence::Partial,
               "That a script failing to read its file as the wrong identity shows up as "
               "502.2 is the seed post's diagnosis, not a documented rule.");
        return true;
    }

    std::string_view codeName() const override { return "The CGI program"; }
};

} // namespace

const HandlerRules &cgiRules() {
    static const CgiRules rules;
    return rules;
}

} // namespace iisid
