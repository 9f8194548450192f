#include "handler_isapi_extension.h"
#include "stages.h"

namespace iisid {

namespace {

/// Classic ASP: an ISAPI extension (asp.dll) that always keeps the impersonation.
class AspRules final : public IsapiExtensionRules {
public:
    bool run(Context &c, const Token &user) const override { return runExtension(c, user, true); }

    ContentRead contentRead(const Context &c) const override {
        const EffectiveScenario &e = c.e;
        return requestedFileRead(c, isIis7Plus(e.version) ? Facts{{"F3.51", "F4.06", "F1.64"}}
                                                          : Facts{{"F3.50", "F0.03"}});
    }

    bool runsSessionOnEnd() const override { return true; }

    bool sessionOnEnd(Context &c) const override {
        const EffectiveScenario &e = c.e;
        Resolution &r = c.result();
        if (isIis5(e.version)) {
            c.step(Stage::Code,
                   "IIS 5: Session_OnEnd and Application_OnEnd run outside any request as the "
                   "process identity, " +
                       c.process->name + ".",
                   {{"F3.53", "F3.52"}});
        } else if (e.runOnEndAnonymously) {
            // F3.53: "the Anonymous User, as defined for the application": the configured
            // account, whether or not anonymous authentication is enabled for requests.
            const AnonymousLogon anonymous = anonymousLogon(c);
            if (!anonymous.token) {
                c.step(Stage::Code,
                       "runOnEndAnonymously=true (the default): Session_OnEnd must run as the "
                       "anonymous user configured for the application, " +
                           anonymous.failure +
                           ", but its logon fails: the event is not called at all, and an event "
                           "is logged.",
                       {{"F3.53"}});
                c.warn("IISID-EXPLAIN-ONEND-NOT-CALLED", Severity::Medium,
                       "Session_OnEnd is not called: there is no anonymous user to run it as.",
                       {{"F3.53"}});
                r.identities.process = c.process->name;
                r.processHost = displayName(c.host);
                return false;
            }
            dependOnAnonymousPassword(c, anonymous, "Session_OnEnd is not called");
            c.thread = anonymous.token;
            std::string text = "runOnEndAnonymously=true (the default since IIS 6): Session_OnEnd "
                               "runs outside any request as the anonymous user configured for "
                               "the application, " +
                               c.thread->name;
            if (e.anonymousUserName.empty())
                text += " (userName=\"\": the application pool identity)";
            text += e.anonymousEnabled ? "."
                                       : ", although anonymous authentication is disabled "
                                         "for requests.";
            if (isIis7Plus(e.version) && e.anonymousUserName.empty())
                c.step(Stage::Code, std::move(text), {{"F3.53", "F1.08"}}, Confidence::Partial,
                       "That userName=\"\" makes the event run as the pool identity (rather "
                       "than not at all) is inferred from F1.08 and F3.55.");
            else
                c.step(Stage::Code, std::move(text), {{"F3.53"}});
        } else {
            c.step(Stage::Code,
                   "runOnEndAnonymously=false: Session_OnEnd runs outside any request, without the "
                   "anonymous token, as the process identity " +
                       c.process->name + ".",
                   {{"F3.53"}}, Confidence::Partial,
                   "The reference states the default (anonymous); that false means the process "
                   "identity is inferred.");
        }
        return true;
    }

    std::optional<Facts> childProcessFacts(const Context &c, const Token &process) const override {
        const EffectiveScenario &e = c.e;
        if (isIis5(e.version) && process.kind == TokenKind::LocalSystem)
            return Facts{{"F3.58", "F3.90"}};
        return std::nullopt;
    }
};

} // namespace

const HandlerRules &aspRules() {
    static const AspRules rules;
    return rules;
}

} // namespace iisid
