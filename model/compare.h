#pragma once

#include "resolution.h"
#include "result_fields.h"
#include "scenario.h"
#include "settings.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iisid {

/// One setting whose effective value differs between A and B.
struct InputChange {
    std::string settingId;
    std::string label;
    SettingValue before; // effective value in A (effectiveValue from settings.h)
    SettingValue after;  // effective value in B
};

/// One field of the result that differs between A and B.
struct IdentityChange {
    std::string field; // one of resultFields() (result_fields.h): "http", "worker", ...
    std::optional<std::string> before, after;
    std::string why;                 // one sentence, naming the input(s) responsible
    std::vector<std::string> causes; // setting ids that, applied alone onto A, cause the change
};

struct Comparison {
    std::vector<InputChange> inputs;
    std::vector<IdentityChange> identities;
    std::string summary;
};

/// Resolves both scenarios and says what changed and why. Causes are found by the resolver
/// itself: each changed input of B is applied alone onto A, A is resolved again, and every
/// field that then changes the same way counts that input among its causes. Both scenarios
/// must have passed validate(); never fails.
Comparison compare(const Scenario &a, const Scenario &b);

} // namespace iisid
