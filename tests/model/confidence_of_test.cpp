// Each identity's own confidence (Resolution::confidenceOf, scenario-format.md `confidenceOf`):
// the weakest rule among the steps up to the one that decides that identity. One doubtful rule
// lowers the identities that rest on it and the overall confidence, not the others. Every row is
// a small scenario written as --set assignments; the expected marks follow from which step of
// the trace the reference doubts (the fact ids name the doubted rule).

#include "model/resolver.h"
#include "model/result_fields.h"
#include "model/scenario_io.h"

#include "accounts.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

namespace {

using iisid::Confidence;
using iisid::PerIdentity;

using namespace iisid::test;

constexpr Confidence C = Confidence::Confirmed;
constexpr Confidence P = Confidence::Partial;
constexpr Confidence U = Confidence::Unconfirmed;
constexpr Confidence X = Confidence::Conflict;

struct ConfidenceCase {
    std::string name;
    std::vector<std::string> set;    // --set assignments onto an empty scenario
    std::optional<std::string> code; // the identity the code runs as, so the row is what it says
    // worker, process, thread, code, content, child, network (IdentityField order)
    PerIdentity<Confidence> confidenceOf;
    Confidence overall;
};

std::ostream &operator<<(std::ostream &out, const ConfidenceCase &row) {
    return out << row.name;
}

const std::vector<ConfidenceCase> &cases() {
    static const std::vector<ConfidenceCase> rows = {
        // F1.43/F2.46: what the remote server sees of an NTLM token is unconfirmed, but that the
        // ISAPI extension runs as the user is confirmed (F3.10): only the network is doubted.
        {"Iis6IsapiExtensionNtlmUserDoubtsOnlyTheNetwork",
         {"server.iisVersion=6.0", "handler.kind=isapiExtension",
          "authentication.anonymous.enabled=false", "authentication.windows.enabled=true",
          "request.user=CONTOSO\\alice", "request.scheme=ntlm"},
         kAlice,
         {C, C, C, C, C, C, U},
         U},
        {"AnonymousStaticFileIis10IsConfirmedThroughout", {}, kIusr, {C, C, C, C, C, C, C}, C},
        // F3.22: Microsoft's pages disagree on createProcessAsUser for IIS 7+; it decides the
        // CGI process and everything after it, not the worker that received the request.
        {"Iis75CgiCreateProcessAsUserConflict",
         {"server.iisVersion=7.5", "handler.kind=cgi"},
         kIusr,
         {C, X, X, X, X, X, X},
         X},
        // F2.45: an IIS 6 anonymous request; only the hop of the anonymous account is partial.
        {"Iis6AnonymousStaticFileNetworkPartial",
         {"server.iisVersion=6.0"},
         kIusr6,
         {C, C, C, C, C, C, P},
         P},
        // 401.2 (F1.74, inferred: partial): the request fails at authentication; what it never
        // reached rests on that step, the worker that answered does not.
        {"FailedAt401_2UnreachedIdentitiesTakeTheFailingStep",
         {"authentication.anonymous.enabled=false"},
         std::nullopt,
         {C, C, P, P, P, P, P}, // the worker answered (process), decided at the worker step
         P},
        // 502.2 (F3.24, partial): perl.exe ran (F3.20, confirmed) and failed reading the script;
        // the code, its process and its empty thread were decided before the failing read.
        {"PerlCgi502CodeDecidedBeforeTheFailingRead",
         {"server.iisVersion=6.0", "authentication.anonymous.userName=perlanon",
          "content.readableBy=WEB01\\perlanon,Administrators", "handler.kind=cgi",
          "handler.createProcessAsUser=false"},
         kNetworkService,
         {C, C, C, C, P, P, P},
         P},
        // F3.81: that dotnet.exe gets the pool identity is inferred (partial); the worker that
        // started it stays confirmed.
        {"AspNetCoreOutOfProcessDoubtsAllButTheWorker",
         {"authentication.anonymous.enabled=false", "authentication.windows.enabled=true",
          "request.user=CONTOSO\\alice", "handler.kind=aspnetCore",
          "handler.hostingModel=outOfProcess"},
         kPool,
         {C, P, P, P, P, P, P},
         P},
    };
    return rows;
}

class ConfidenceOf : public testing::TestWithParam<ConfidenceCase> {};

TEST_P(ConfidenceOf, IsTheWeakestRuleUpToTheDecidingStep) {
    const ConfidenceCase &row = GetParam();
    iisid::LoadedScenario loaded;
    for (std::size_t i = 0; i < row.set.size(); ++i) {
        std::optional<iisid::Diagnostic> problem =
            iisid::applyAssignment(loaded, row.set[i], "--set #" + std::to_string(i + 1));
        ASSERT_FALSE(problem) << row.set[i] << ": " << problem->message;
    }
    ASSERT_TRUE(iisid::checkScenario(loaded).empty());
    const iisid::Resolution r = iisid::resolve(loaded.scenario);
    EXPECT_EQ(r.identities.code, row.code);
    for (const iisid::IdentityFieldInfo &field : iisid::identityFields)
        EXPECT_EQ(toString(r.confidenceOf[iisid::index(field.field)]),
                  toString(row.confidenceOf[iisid::index(field.field)]))
            << field.key;
    EXPECT_EQ(toString(r.confidence), toString(row.overall)) << "overall";
}

INSTANTIATE_TEST_SUITE_P(Rules, ConfidenceOf, testing::ValuesIn(cases()),
                         [](const testing::TestParamInfo<ConfidenceCase> &param) {
                             return param.param.name;
                         });

// The overall confidence is the summary: never stronger than any identity's own.
TEST(ConfidenceOfSummary, OverallIsTheWeakestOfAllSteps) {
    for (const ConfidenceCase &row : cases()) {
        iisid::LoadedScenario loaded;
        for (const std::string &assignment : row.set)
            ASSERT_FALSE(iisid::applyAssignment(loaded, assignment, "--set"));
        const iisid::Resolution r = iisid::resolve(loaded.scenario);
        for (Confidence own : r.confidenceOf)
            EXPECT_LE(own, r.confidence) << row.name;
    }
}

TEST(ConfidenceOfSummary, EmptyTraceIsConfirmed) {
    const iisid::Resolution empty;
    for (Confidence own : iisid::confidencePerIdentity(empty))
        EXPECT_EQ(own, Confidence::Confirmed);
}

} // namespace
