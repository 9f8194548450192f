#pragma once

// Internal to the resolver (not part of the model's API): the state the pipeline's stages and the
// handler rules share while one request is resolved.

#include "host.h"
#include "network_identity.h"
#include "settings.h"
#include "tokens.h"
#include "trace_builder.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iisid {

class HandlerRules;

/// One resolution in progress: the scenario, the rules of its handler, the trace being written,
/// and the tokens the request's process and thread hold at this point.
struct Context {
    explicit Context(const EffectiveScenario &scenario);

    const EffectiveScenario &e;
    const HandlerRules &handler;
    TraceBuilder trace;

    Token worker;                       // the process that receives the request
    Host workerHost = Host::None;       // its executable
    Host host = Host::None;             // the process the request is in now
    std::optional<Token> process;       // that process's token
    std::optional<Token> thread;        // the impersonation token, if any
    std::optional<Token> authenticated; // the token authentication produced
    std::optional<Token> filterProcess; // the process an ISAPI filter ran in
    Host filterHost = Host::None;

    Resolution &result() { return trace.result(); }

    /// A step at the current host with the current tokens (TraceBuilder::step).
    Step &step(Stage stage, std::string text, Facts facts,
               Confidence confidence = Confidence::Confirmed, std::string uncertainty = {});
    /// Ends the request with an HTTP error at a new step (TraceBuilder::fail).
    void fail(Stage stage, int status, int subStatus, std::string text, Facts facts,
              Confidence confidence = Confidence::Confirmed, std::string uncertainty = {});
    void warn(std::string rule, Severity severity, std::string text, Facts facts,
              Confidence status = Confidence::Confirmed) {
        trace.warn(std::move(rule), severity, std::move(text), facts, status);
    }

    /// The scenario does not know `setting` (Setting::acceptsUnknown) and the request goes on
    /// as if it allowed it. `subject` says what is not known ("whether the stored password of
    /// X is right"), `otherwise` the other outcome ("if it is wrong: 401.1"). The next step
    /// written says both (Step::dependsOn); the resolution lists each subject once
    /// (Resolution::dependsOn).
    void dependOn(std::string_view setting, const std::string &subject,
                  const std::string &otherwise);
    /// Dependencies not yet said by a step; finish() gives them to the last step.
    std::vector<std::string> pendingDependencies;
    /// Gives the pending dependencies to `s`.
    void attachDependencies(Step &s);

    std::string qualify(std::string_view name) const;
    /// "IIS 6.0 (worker process isolation)".
    std::string versionName() const;
    bool contentOnShare() const { return e.contentPath.rfind("\\\\", 0) == 0; }

    /// The access check (access_check.h) against the scenario's content ACL.
    /// A refusal that rests on entries matched by name only (perhaps groups the model does not
    /// know) is said in a finding, once.
    /// When the scenario does not know the ACL ("unknown"), the check is not made: the read is
    /// taken as granted and the step depends on it (dependOn), naming `ifRefused`, the outcome
    /// if the ACL refuses ("401.3").
    bool canRead(const Token &token, bool offBox, std::string_view ifRefused);
    std::string readersText() const;
    /// The scenario's content ACL list, or nullptr when it gives none (everyone reads) or does
    /// not know it.
    const std::vector<std::string> *readers() const;
    /// What a server off the box sees for `token` (network_identity.h).
    NetworkView networkIdentity(const Token &token) const;
};

/// ASP.NET in the integrated pipeline of IIS 7+.
bool integratedAspNet(const EffectiveScenario &e);

} // namespace iisid
