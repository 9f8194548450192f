#include "compare.h"

#include "resolver.h"

#include <utility>

namespace iisid {

namespace {

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
