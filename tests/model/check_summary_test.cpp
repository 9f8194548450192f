// Counts, application order and the exit code (model/check/check_summary.*).

#include "check_report_fixture.h"

#include "model/check/check_summary.h"

#include <gtest/gtest.h>

#include <ostream>

namespace {

using iisid::Severity;
using iisid::check::CheckReport;

struct ExitRow {
    const char *name;
    std::optional<Severity> failOn;
    std::vector<Severity> findings;
    int exitCode;
};

// Failures and ctest name the row, not its bytes.
void PrintTo(const ExitRow &row, std::ostream *out) {
    *out << row.name;
}

const ExitRow exitRows[] = {
    {"NoFindings", Severity::High, {}, 0},
    {"ErrorFailsOnHigh", Severity::High, {Severity::Error}, 1},
    {"HighFailsOnHigh", Severity::High, {Severity::Info, Severity::High}, 1},
    {"MediumPassesOnHigh", Severity::High, {Severity::Medium, Severity::Low}, 0},
    {"InfoFailsOnInfo", Severity::Info, {Severity::Info}, 1},
    {"HighPassesOnError", Severity::Error, {Severity::High}, 0},
    {"ErrorFailsOnError", Severity::Error, {Severity::Error}, 1},
    {"LowFailsOnMedium", Severity::Medium, {Severity::Low}, 0},
    {"NeverIgnoresErrors", std::nullopt, {Severity::Error}, 0},
};

class ExitCode : public testing::TestWithParam<ExitRow> {};

TEST_P(ExitCode, IsOneOnlyForAFindingAtOrAboveFailOn) {
    CheckReport report;
    for (Severity severity : GetParam().findings) {
        iisid::check::CheckFinding finding;
        finding.finding.severity = severity;
        report.findings.push_back(finding);
    }
    EXPECT_EQ(iisid::check::exitCodeFor(report, GetParam().failOn), GetParam().exitCode);
}

INSTANTIATE_TEST_SUITE_P(Check, ExitCode, testing::ValuesIn(exitRows),
                         [](const testing::TestParamInfo<ExitRow> &row) {
                             return std::string(row.param.name);
                         });

TEST(CheckSummary, CountsFindingsPerSeverity) {
    const auto counts = iisid::check::countBySeverity(iisid::check::testing::sampleReport());
    EXPECT_EQ(counts, (std::array<int, 5>{1, 2, 1, 1, 2}));
}

TEST(CheckSummary, OrdersApplicationsBySiteIdThenPath) {
    const CheckReport report = iisid::check::testing::sampleReport();
    std::vector<std::string> order;
    for (const auto *application : iisid::check::orderedApplications(report))
        order.push_back(std::to_string(application->siteId) + application->path);
    EXPECT_EQ(order, (std::vector<std::string>{"1/", "1/legacy", "2/"}));
}

} // namespace
