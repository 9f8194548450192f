#include "model/report/report_from_files.h"

#include "report_test_support.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace iisid::report {
namespace {

namespace fs = std::filesystem;

ReportInputFile resource(const std::string &relative) {
    const fs::path path = fs::path(IISID_SOURCE_DIR) / relative;
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return {relative, path.string(), text.str()};
}

const ReportInputFile scenarioA = resource("resources/scenarios/double-hop-ntlm.iisid.json");
const ReportInputFile scenarioB =
    resource("resources/scenarios/double-hop-kerberos-delegation.iisid.json");
const ReportInputFile lesson = resource("resources/lessons/03-cgi-502-perl.json");

std::size_t figures(const Document &document) {
    std::size_t count = 0;
    for (const Block &block : document.blocks)
        count += std::holds_alternative<Figure>(block) ? 1 : 0;
    return count;
}

struct KindRow {
    const char *name;
    std::vector<ReportInputFile> files;
    std::string kind;
    std::size_t figures;
};

class ReportFromFiles : public ::testing::TestWithParam<KindRow> {};

TEST_P(ReportFromFiles, KindFollowsFromTheInputs) {
    Result<Document> document = reportFromFiles(GetParam().files, test::fixedMeta());
    ASSERT_TRUE(document) << document.errors().front().toString();
    EXPECT_EQ(document.value().kind, GetParam().kind);
    EXPECT_EQ(figures(document.value()), GetParam().figures);
}

const ReportInputFile configuration{
    "applicationHost.config", "/tmp/applicationHost.config",
    "<configuration><system.applicationHost><sites><site name=\"S\" id=\"1\"><application "
    "path=\"/\"><virtualDirectory path=\"/\" physicalPath=\"C:\\x\" /></application></site>"
    "</sites></system.applicationHost></configuration>"};

INSTANTIATE_TEST_SUITE_P(
    Kinds, ReportFromFiles,
    ::testing::Values(KindRow{"OneScenarioIsAnExplanation", {scenarioA}, "Explanation", 1},
                      KindRow{
                          "TwoScenariosAreAComparison", {scenarioA, scenarioB}, "Comparison", 2},
                      KindRow{"LessonsAreAHandout", {lesson, lesson}, "Lesson handout", 2},
                      KindRow{"ConfigurationIsACheck", {configuration}, "Configuration check", 0}),
    [](const ::testing::TestParamInfo<KindRow> &row) { return std::string(row.param.name); });

TEST(ReportFromFilesErrors, MixedKindsAndThreeScenariosAreRefused) {
    Result<Document> mixed = reportFromFiles({scenarioA, lesson}, test::fixedMeta());
    ASSERT_FALSE(mixed);
    EXPECT_EQ(
        mixed.errors().front().toString(),
        "resources/lessons/03-cgi-502-perl.json: error: lessons and scenarios cannot be reported "
        "together: name lessons for a handout, or one or two scenarios");
    Result<Document> three = reportFromFiles({scenarioA, scenarioB, scenarioA}, test::fixedMeta());
    ASSERT_FALSE(three);
    EXPECT_EQ(three.errors().front().message, "a report compares at most two scenarios");
    Result<Document> withConfiguration =
        reportFromFiles({scenarioA, configuration}, test::fixedMeta());
    ASSERT_FALSE(withConfiguration);
    EXPECT_EQ(withConfiguration.errors().front().location.file, "applicationHost.config");
    EXPECT_FALSE(reportFromFiles({}, test::fixedMeta()));
}

TEST(ReportFromFilesErrors, ABadScenarioNamesLineAndColumn) {
    Result<Document> bad =
        reportFromFiles({{"bad.iisid.json", "", "{\n  \"format\": }"}}, test::fixedMeta());
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.errors().front().location.file, "bad.iisid.json");
    EXPECT_EQ(bad.errors().front().location.line, 2);
}

} // namespace
} // namespace iisid::report
