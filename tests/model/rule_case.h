#pragma once

// One named row of a resolver rule table: a small scenario written as --set assignments and the
// whole result the reference says it must give. Shared by resolver_rules_test.cpp and
// resolver_second_round_test.cpp.

#include "model/resolution.h"
#include "model/resolver.h"
#include "model/scenario_io.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace iisid::test {

inline std::optional<HttpStatus> http(int status, int subStatus = 0) {
    return HttpStatus{status, subStatus};
}

struct RuleCase {
    std::string name;
    std::vector<std::string> facts; // the reference facts the row checks
    std::vector<std::string> set;   // --set assignments onto an empty scenario
    std::optional<HttpStatus> http; // nullopt: JSON null (code outside a request)
    Identities expected;            // worker, process, thread, code, content, child, network
    Confidence confidence;
};

inline std::ostream &operator<<(std::ostream &out, const RuleCase &row) {
    return out << row.name;
}

// Shorthands for the assignments used most.
inline const std::string kIis5 = "server.iisVersion=5.0";
inline const std::string kIis6 = "server.iisVersion=6.0";
inline const std::string kIis70 = "server.iisVersion=7.0";
inline const std::string kIis75 = "server.iisVersion=7.5";
inline const std::string kNoAnonymous = "authentication.anonymous.enabled=false";
inline const std::string kWindows = "authentication.windows.enabled=true";
inline const std::string kAlicen = "request.user=CONTOSO\\alice";

/// The row's assignments applied onto an empty scenario (each must be valid), resolved.
inline Resolution resolveAssignments(const std::vector<std::string> &set) {
    LoadedScenario loaded;
    for (std::size_t i = 0; i < set.size(); ++i) {
        const auto problem = applyAssignment(loaded, set[i], "--set #" + std::to_string(i + 1));
        EXPECT_FALSE(problem.has_value()) << set[i] << ": " << problem->toString();
    }
    for (const Diagnostic &d : checkScenario(loaded))
        ADD_FAILURE() << "the row's scenario is invalid: " << d.toString();
    return resolve(loaded.scenario);
}

/// The facts no step of the resolution cites, of those the row names.
inline std::vector<std::string> uncitedFacts(const RuleCase &row, const Resolution &r) {
    std::vector<std::string> missing;
    for (const std::string &fact : row.facts) {
        const bool cited = std::any_of(r.steps.begin(), r.steps.end(), [&](const Step &s) {
            return std::find(s.facts.begin(), s.facts.end(), fact) != s.facts.end();
        });
        if (!cited)
            missing.push_back(fact);
    }
    return missing;
}

} // namespace iisid::test
