#pragma once

#include "resolution.h"
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
    std::string field; // one of resultFields(): "http", "worker", "process", ...
    std::optional<std::string> before, after;
    std::string why;                 // one sentence, naming the input(s) responsible
    std::vector<std::string> causes; // setting ids that, applied alone onto A, cause the change
};

struct Comparison {
    std::vector<InputChange> inputs;
    std::vector<IdentityChange> identities;
    std::string summary;
};

/// The result fields in result-card order: "http", "worker", "process", "thread", "code",
/// "content", "child", "network".
const std::vector<std::string> &resultFields();

/// A person's label for a field: "HTTP result", "Code runs as", ...; the id itself if unknown.
std::string fieldLabel(std::string_view field);

/// The value of one result field as text ("500.24", "NT AUTHORITY\\IUSR"), nullopt where the
/// resolution has none (the request failed before, no impersonation, code outside a request)
/// or the field is unknown.
std::optional<std::string> fieldValue(const Resolution &resolution, std::string_view field);

/// The index of the trace step that decides a field, for "why" sentences and lesson reveals:
/// for the HTTP result of a failed request, and any field the trace never reached, the failing
/// step; for "process" the first step in the code's host holding that token; for "code" and
/// "thread" the step that put the final token on the thread or took it off (else the last
/// handler step); otherwise the last step of the field's stage. nullopt when the trace has none.
std::optional<std::size_t> decidingStep(const Resolution &resolution, std::string_view field);

/// Resolves both scenarios and says what changed and why. Causes are found by the resolver
/// itself: each changed input of B is applied alone onto A, A is resolved again, and every
/// field that then changes the same way counts that input among its causes. Both scenarios
/// must have passed validate(); never fails.
Comparison compare(const Scenario &a, const Scenario &b);

} // namespace iisid
