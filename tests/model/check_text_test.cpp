// The `iisid check` text for people (model/check/check_text.*) on the sample report.

#include "check_report_fixture.h"
#include "check_writers_golden.h"

#include "model/check/check_text.h"

#include <gtest/gtest.h>

namespace {

TEST(CheckText, IsExactlyTheExpectedText) {
    EXPECT_EQ(iisid::check::checkText(iisid::check::testing::sampleReport(), false),
              iisid::check::testing::expectedOutput("sample.txt"));
}

TEST(CheckText, EndsWithTheSummaryLine) {
    const std::string text = iisid::check::checkText(iisid::check::testing::sampleReport(), false);
    EXPECT_TRUE(text.ends_with(
        "\n3 applications, 4 pools; findings: 1 error, 2 high, 1 medium, 1 low, 2 info\n"));
}

TEST(CheckText, FindingsAreClickableFileLineColumnLines) {
    const std::string text = iisid::check::checkText(iisid::check::testing::sampleReport(), false);
    EXPECT_NE(text.find("\n  config/applicationHost.config:170:14: high IISID-POOL-LOCALSYSTEM "
                        "Pool 'Legacy' runs as LocalSystem"),
              std::string::npos);
}

TEST(CheckText, EmptyReportSaysSo) {
    iisid::check::CheckReport report;
    EXPECT_EQ(iisid::check::checkText(report, false),
              "\nFindings\n  none\n\n0 applications, 0 pools; findings: 0 error, 0 high, 0 "
              "medium, 0 low, 0 info\n");
}

TEST(CheckText, OneOfEachIsSingular) {
    iisid::check::CheckReport report;
    report.pools.resize(1);
    report.applications.resize(1);
    const std::string text = iisid::check::checkText(report, false);
    EXPECT_TRUE(text.ends_with("\n1 application, 1 pool; findings: 0 error, 0 high, 0 medium, 0 "
                               "low, 0 info\n"))
        << text;
}

} // namespace
