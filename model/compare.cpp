#include "compare.h"

#include "resolver.h"

#include <algorithm>
#include <utility>

namespace iisid {

namespace {

struct FieldInfo {
    std::string_view id;
    std::string_view label;
};

constexpr FieldInfo fieldTable[] = {
    {"http", "HTTP result"},
    {"worker", "Worker process"},
    {"process", "Process"},
    {"thread", "Thread token"},
    {"code", "Code runs as"},
    {"content", "Content read by"},
    {"child", "Child process runs as"},
    {"network", "Network sees"},
};

/// The stages whose last step decides a field, most telling first.
std::vector<Stage> stagesOf(std::string_view field) {
    if (field == "worker")
        return {Stage::Worker};
    if (field == "thread" || field == "code")
        return {Stage::Code};
    if (field == "content")
        return {Stage::Content};
    if (field == "child")
        return {Stage::ChildProcess};
    if (field == "network")
        return {Stage::Network};
    return {};
}

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

/// The first sentence of a step's text: the decision, without the elaboration that follows.
std::string firstSentence(const std::string &text) {
    std::size_t end = text.find(". ");
    if (end == std::string::npos)
        return text;
    return text.substr(0, end + 1);
}

std::string quoted(const std::optional<std::string> &value) {
    return value ? *value : std::string("nothing");
}

/// "Pool identity (ApplicationPoolIdentity → NetworkService)"
std::string describeInput(const InputChange &input) {
    return input.label + " (" + displayValue(input.before) + " \u2192 " +
           displayValue(input.after) + ")";
}

std::string joinInputs(const std::vector<const InputChange *> &inputs,
                       std::string_view conjunction = "and") {
    std::string out;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        if (i > 0)
            out += i + 1 == inputs.size() ? " " + std::string(conjunction) + " " : ", ";
        out += describeInput(*inputs[i]);
    }
    return out;
}

/// The value B gives a setting, to be written onto A: what B wrote, else what B uses by default
/// (so a version change in B does not leave A with A's own default).
SettingValue valueFromB(const Setting &setting, const Scenario &b) {
    SettingValue written = setting.get(b);
    if (!std::holds_alternative<std::monostate>(written))
        return written;
    return effectiveValue(setting, b);
}

} // namespace

const std::vector<std::string> &resultFields() {
    static const std::vector<std::string> fields = [] {
        std::vector<std::string> out;
        for (const FieldInfo &info : fieldTable)
            out.emplace_back(info.id);
        return out;
    }();
    return fields;
}

std::string fieldLabel(std::string_view field) {
    for (const FieldInfo &info : fieldTable) {
        if (info.id == field)
            return std::string(info.label);
    }
    return std::string(field);
}

std::optional<std::string> fieldValue(const Resolution &resolution, std::string_view field) {
    const Identities &ids = resolution.identities;
    if (field == "http")
        return resolution.http ? std::optional<std::string>(resolution.http->toString())
                               : std::nullopt;
    if (field == "worker")
        return ids.worker;
    if (field == "process")
        return ids.process;
    if (field == "thread")
        return ids.thread;
    if (field == "code")
        return ids.code;
    if (field == "content")
        return ids.content;
    if (field == "child")
        return ids.child;
    if (field == "network")
        return ids.network;
    return std::nullopt;
}

std::optional<std::size_t> decidingStep(const Resolution &resolution, std::string_view field) {
    const std::vector<Step> &steps = resolution.steps;
    auto failing = std::find_if(steps.begin(), steps.end(), [](const Step &s) { return s.fails; });
    std::optional<std::size_t> failed;
    if (failing != steps.end())
        failed = static_cast<std::size_t>(failing - steps.begin());
    // The status of a failed request comes from the step where it failed.
    if (field == "http" && failed)
        return failed;
    if (field == "process") {
        if (std::optional<std::size_t> step = processStep(resolution))
            return step;
    }
    if ((field == "code" || field == "thread") && !failed) {
        if (std::optional<std::size_t> step = threadStep(resolution))
            return step;
    }
    for (Stage stage : stagesOf(field)) {
        for (std::size_t i = steps.size(); i-- > 0;) {
            if (steps[i].stage == stage)
                return i;
        }
    }
    // A field the trace never reached is empty because of the step where the request failed.
    if (failed)
        return failed;
    // What is left: a successful request's status (its last step), or a field whose own stage
    // has no step (the handler step then says what happened).
    if (field == "http" && !steps.empty())
        return steps.size() - 1;
    for (std::size_t i = steps.size(); i-- > 0;) {
        if (steps[i].stage == Stage::Handler)
            return i;
    }
    return std::nullopt;
}

Comparison compare(const Scenario &a, const Scenario &b) {
    Comparison result;
    const Resolution resolutionA = resolve(a);
    const Resolution resolutionB = resolve(b);

    std::vector<const Setting *> changedSettings;
    for (const Setting &setting : settings()) {
        SettingValue before = effectiveValue(setting, a);
        SettingValue after = effectiveValue(setting, b);
        if (before == after)
            continue;
        result.inputs.push_back({setting.id, setting.label, std::move(before), std::move(after)});
        changedSettings.push_back(&setting);
    }

    // What each changed input does on its own: B's value written onto A, resolved again by the
    // resolver. A combination that does not validate (e.g. a setting B needs its own IIS version
    // for) has no lone effect.
    std::vector<std::optional<Resolution>> alone;
    alone.reserve(changedSettings.size());
    for (const Setting *setting : changedSettings) {
        Scenario probe = a;
        setting->set(probe, valueFromB(*setting, b));
        if (validate(probe).empty())
            alone.emplace_back(resolve(probe));
        else
            alone.emplace_back(std::nullopt);
    }

    for (const std::string &field : resultFields()) {
        std::optional<std::string> before = fieldValue(resolutionA, field);
        std::optional<std::string> after = fieldValue(resolutionB, field);
        if (before == after)
            continue;
        IdentityChange change{field, before, after, {}, {}};
        std::vector<const InputChange *> exact;   // alone, give B's value
        std::vector<const InputChange *> partial; // alone, change the field to something else
        for (std::size_t i = 0; i < changedSettings.size(); ++i) {
            if (!alone[i])
                continue;
            std::optional<std::string> value = fieldValue(*alone[i], field);
            if (value == after) {
                exact.push_back(&result.inputs[i]);
                change.causes.push_back(result.inputs[i].settingId);
            } else if (value != before) {
                partial.push_back(&result.inputs[i]);
            }
        }

        std::string why =
            fieldLabel(field) + " changes from " + quoted(before) + " to " + quoted(after);
        if (!exact.empty()) {
            if (exact.size() == 1)
                why += " because of " + joinInputs(exact);
            else if (exact.size() == 2)
                why += " because of either " + joinInputs(exact, "or");
            else
                why += " because of any one of " + joinInputs(exact, "or");
        } else if (!partial.empty()) {
            why += " because of " + joinInputs(partial) + " together with the other changes";
        } else {
            std::vector<const InputChange *> all;
            for (const InputChange &input : result.inputs)
                all.push_back(&input);
            why += all.empty() ? std::string(" although no setting differs")
                               : " only through " + joinInputs(all) + " together";
        }
        if (std::optional<std::size_t> index = decidingStep(resolutionB, field)) {
            std::string cite = firstSentence(resolutionB.steps[*index].text);
            if (!cite.empty() && cite.back() == '.')
                cite.pop_back();
            why += "; in B: \u201c" + cite + "\u201d";
        }
        why += '.';
        change.why = std::move(why);
        result.identities.push_back(std::move(change));
    }

    if (result.inputs.empty()) {
        result.summary = "A and B are the same scenario.";
    } else {
        std::string inputs = std::to_string(result.inputs.size()) +
                             (result.inputs.size() == 1 ? " setting differs" : " settings differ");
        if (result.identities.empty()) {
            result.summary = inputs + "; neither the identities nor the HTTP result change.";
        } else {
            std::string fields;
            for (std::size_t i = 0; i < result.identities.size(); ++i) {
                if (i > 0)
                    fields += ", ";
                fields += fieldLabel(result.identities[i].field);
            }
            result.summary = inputs + "; changed: " + fields + ".";
        }
    }
    return result;
}

} // namespace iisid
