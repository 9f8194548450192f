#include "result_fields.h"

#include <algorithm>
#include <array>

namespace iisid {

// Identities holds one member per IdentityField, in the same order, and the table names each in
// its own row: a member added to one without the other does not compile.
static_assert(sizeof(Identities) == identityFieldCount * sizeof(std::optional<std::string>),
              "every member of Identities needs its row in identityFields");
static_assert(
    [] {
        for (std::size_t i = 0; i < identityFields.size(); ++i) {
            if (index(identityFields[i].field) != i)
                return false;
        }
        return true;
    }(),
    "identityFields is indexed by IdentityField");

namespace {

/// Where the process that runs the code got its token: the first step in that host with it.
std::optional<std::size_t> processStep(const Resolution &resolution) {
    const std::vector<Step> &steps = resolution.steps;
    const std::optional<std::string> &process = resolution.identities.process;
    if (!process)
        return std::nullopt;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (steps[i].process == process &&
            (resolution.processHost.empty() || steps[i].host == resolution.processHost))
            return i;
    }
    return std::nullopt;
}

/// Where the code's identity was decided: the step that put the final token on the thread, or
/// took the last one off (RevertToSelf, impersonate="false" after IIS impersonated); when the
/// thread never held a token, the last handler step, which says how the code's process runs.
std::optional<std::size_t> threadStep(const Resolution &resolution) {
    const std::vector<Step> &steps = resolution.steps;
    const std::optional<std::string> &thread = resolution.identities.thread;
    std::optional<std::size_t> lastHandler;
    for (std::size_t i = steps.size(); i-- > 0;) {
        if (i > 0 && steps[i].thread == thread && steps[i - 1].thread != thread)
            return i;
        if (!lastHandler && steps[i].stage == Stage::Handler)
            lastHandler = i;
    }
    return lastHandler;
}

std::optional<std::size_t> failingStep(const Resolution &resolution) {
    const std::vector<Step> &steps = resolution.steps;
    auto failing = std::find_if(steps.begin(), steps.end(), [](const Step &s) { return s.fails; });
    if (failing == steps.end())
        return std::nullopt;
    return static_cast<std::size_t>(failing - steps.begin());
}

std::optional<std::size_t> lastStepOf(const Resolution &resolution, Stage stage) {
    const std::vector<Step> &steps = resolution.steps;
    for (std::size_t i = steps.size(); i-- > 0;) {
        if (steps[i].stage == stage)
            return i;
    }
    return std::nullopt;
}

} // namespace

std::optional<IdentityField> identityField(std::string_view key) {
    for (const IdentityFieldInfo &row : identityFields) {
        if (row.key == key)
            return row.field;
    }
    return std::nullopt;
}

const std::vector<std::string> &resultFields() {
    static const std::vector<std::string> fields = [] {
        std::vector<std::string> out{std::string(httpField.key)};
        for (const IdentityFieldInfo &row : identityFields)
            out.emplace_back(row.key);
        return out;
    }();
    return fields;
}

std::string fieldLabel(std::string_view field) {
    if (field == httpField.key)
        return std::string(httpField.label);
    if (std::optional<IdentityField> identity = identityField(field))
        return std::string(fieldInfo(*identity).label);
    return std::string(field);
}

std::optional<std::string> fieldValue(const Resolution &resolution, std::string_view field) {
    if (field == httpField.key)
        return resolution.http ? std::optional<std::string>(resolution.http->toString())
                               : std::nullopt;
    if (std::optional<IdentityField> identity = identityField(field))
        return resolution.identities.*fieldInfo(*identity).value;
    return std::nullopt;
}

std::optional<std::size_t> decidingStep(const Resolution &resolution, IdentityField field) {
    const std::optional<std::size_t> failed = failingStep(resolution);
    if (field == IdentityField::Process) {
        if (std::optional<std::size_t> step = processStep(resolution))
            return step;
    }
    if ((field == IdentityField::Code || field == IdentityField::Thread) && !failed) {
        if (std::optional<std::size_t> step = threadStep(resolution))
            return step;
    }
    if (std::optional<Stage> stage = fieldInfo(field).stage) {
        if (std::optional<std::size_t> step = lastStepOf(resolution, *stage))
            return step;
    }
    // A field the trace never reached is empty because of the step where the request failed.
    if (failed)
        return failed;
    // A field whose own stage has no step: the handler step then says what happened.
    return lastStepOf(resolution, Stage::Handler);
}

std::optional<std::size_t> decidingStep(const Resolution &resolution, std::string_view field) {
    if (std::optional<IdentityField> identity = identityField(field))
        return decidingStep(resolution, *identity);
    if (field != httpField.key)
        return std::nullopt;
    // The status of a failed request comes from the step where it failed, a successful one's
    // from its last step.
    if (std::optional<std::size_t> failed = failingStep(resolution))
        return failed;
    if (!resolution.steps.empty())
        return resolution.steps.size() - 1;
    return std::nullopt;
}

PerIdentity<Confidence> confidencePerIdentity(const Resolution &resolution) {
    const std::vector<Step> &steps = resolution.steps;
    // The weakest confidence up to each step, computed once (the resolver calls this for every
    // resolution, so it stays one pass plus one decidingStep per field).
    // A trace has a dozen steps or so: no allocation for the usual case.
    std::array<Confidence, 48> onStack{};
    std::vector<Confidence> onHeap;
    Confidence *weakestUpTo = onStack.data();
    if (steps.size() > onStack.size()) {
        onHeap.resize(steps.size());
        weakestUpTo = onHeap.data();
    }
    Confidence running = Confidence::Confirmed;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        running = std::max(running, steps[i].confidence);
        weakestUpTo[i] = running;
    }
    PerIdentity<Confidence> out{};
    std::optional<std::optional<std::size_t>> codeStep; // thread and code share their step
    for (const IdentityFieldInfo &row : identityFields) {
        // An identity the request never reached is decided by the failing step; a thread that
        // holds no token by the step that ran the code, reached or not.
        std::optional<std::size_t> last;
        if (row.field == IdentityField::Code || row.field == IdentityField::Thread) {
            if (!codeStep)
                codeStep = decidingStep(resolution, row.field);
            last = *codeStep;
        } else {
            last = decidingStep(resolution, row.field);
        }
        out[index(row.field)] = steps.empty() ? Confidence::Confirmed
                                : last        ? weakestUpTo[*last]
                                              : weakestUpTo[steps.size() - 1];
    }
    return out;
}

} // namespace iisid
