// `iisid matrix` end to end: the built binary is run with real arguments; its output, standard
// error and exit code are checked.

#include "run_iisid.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

namespace fs = std::filesystem;

const std::string kScenarios = std::string(IISID_SOURCE_DIR) + "/resources/scenarios/";

using iisid::cli_test::iisid;
using iisid::cli_test::Outcome;

std::string firstLine(const std::string &text) {
    return text.substr(0, text.find_first_of("\r\n"));
}

TEST(CliMatrix, TextFromSetAssignments) {
    const Outcome run =
        iisid({"matrix", "--rows", "appPool.identity", "--cols", "aspnet.impersonate", "--set",
               "handler.kind=aspnet", "--set", "appPool.pipeline=classic"});
    EXPECT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(run.err, "");
    EXPECT_EQ(firstLine(run.out),
              "Identity matrix: IIS 10.0, handler aspnet; fixed: appPool.pipeline=classic");
    EXPECT_NE(run.out.find("ApplicationPoolIdentity "), std::string::npos) << run.out;
}

TEST(CliMatrix, BaseFromAScenarioFile) {
    const Outcome run =
        iisid({"matrix", kScenarios + "aspnet-impersonate-classic-pipeline.iisid.json", "--rows",
               "authentication.anonymous.enabled", "--cols", "aspnet.impersonate=false,true",
               "--format", "markdown"});
    EXPECT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(firstLine(run.out).rfind("# Identity matrix: IIS ", 0), 0u) << run.out;
    EXPECT_NE(run.out.find("| **true** |"), std::string::npos) << run.out;
}

TEST(CliMatrix, CellsEqualExplain) {
    const std::vector<std::string> fixed{"--set", "handler.kind=cgi"};
    std::vector<std::string> arguments{
        "matrix",   "--rows", "appPool.identity", "--cols", "handler.createProcessAsUser",
        "--format", "json"};
    arguments.insert(arguments.end(), fixed.begin(), fixed.end());
    const Outcome run = iisid(arguments);
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const nlohmann::json matrix = nlohmann::json::parse(run.out);
    ASSERT_EQ(matrix["rows"]["values"].size(), 4u);
    ASSERT_EQ(matrix["columns"]["values"].size(), 2u);
    for (std::size_t r = 0; r < 4; ++r) {
        for (std::size_t c = 0; c < 2; ++c) {
            std::vector<std::string> explain{"explain", "--format", "json"};
            explain.insert(explain.end(), fixed.begin(), fixed.end());
            explain.insert(
                explain.end(),
                {"--set",
                 "appPool.identity=" + matrix["rows"]["values"][r]["value"].get<std::string>(),
                 "--set",
                 "handler.createProcessAsUser=" +
                     matrix["columns"]["values"][c]["value"].get<std::string>()});
            const Outcome single = iisid(explain);
            ASSERT_EQ(single.exitCode, 0) << single.err;
            const nlohmann::json expected = nlohmann::json::parse(single.out);
            const nlohmann::json &cell = matrix["cells"][r][c];
            SCOPED_TRACE(explain.back());
            EXPECT_EQ(cell["http"], expected["http"]);
            EXPECT_EQ(cell["code"], expected["identities"]["code"]);
            EXPECT_EQ(cell["child"], expected["identities"]["child"]);
            EXPECT_EQ(cell["network"], expected["identities"]["network"]);
            EXPECT_EQ(cell["confidence"], expected["confidence"]);
        }
    }
}

TEST(CliMatrix, CsvAndHtml) {
    const Outcome csv = iisid({"matrix", "--rows", "appPool.identity", "--cols",
                               "aspnet.impersonate", "--format", "csv"});
    EXPECT_EQ(csv.exitCode, 0) << csv.err;
    EXPECT_EQ(firstLine(csv.out), "Pool identity,<identity impersonate>,State,HTTP result,Code "
                                  "runs as,Child process runs as,Network sees,Confidence,Differs "
                                  "from left,Reason");
    EXPECT_NE(csv.out.find("\r\n"), std::string::npos);
    const Outcome html = iisid({"matrix", "--rows", "appPool.identity", "--cols",
                                "authentication.anonymous.userName", "--format", "html"});
    EXPECT_EQ(html.exitCode, 0) << html.err;
    EXPECT_EQ(html.out.rfind("<!DOCTYPE html>", 0), 0u);
}

TEST(CliMatrix, OutputIsWrittenToTheFile) {
    const fs::path path = fs::temp_directory_path() / (std::to_string(::getpid()) + "-matrix.html");
    const Outcome run =
        iisid({"matrix", "--rows", "appPool.identity", "--cols", "aspnet.impersonate", "--format",
               "html", "--output", path.string()});
    EXPECT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(run.out, "");
    std::ifstream in(path, std::ios::binary);
    const std::string written{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    EXPECT_EQ(written.rfind("<!DOCTYPE html>", 0), 0u);
    fs::remove(path);
}

TEST(CliMatrix, UnknownKeyExitsTwo) {
    const Outcome run =
        iisid({"matrix", "--rows", "appPool.idenity", "--cols", "aspnet.impersonate"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err, "--rows:1:1: error: unknown setting \"appPool.idenity\"; settings in that "
                       "group: appPool.name, appPool.identity, appPool.userName, "
                       "appPool.pipeline, appPool.canReplaceProcessToken\n");
}

TEST(CliMatrix, BadValueAndBadBaseExitTwo) {
    const Outcome value =
        iisid({"matrix", "--rows", "aspnet.impersonate=yes", "--cols", "appPool.identity"});
    EXPECT_EQ(value.exitCode, 2);
    EXPECT_EQ(value.err,
              "--rows:1:20: error: \"aspnet.impersonate\" must be true or false, not \"yes\"\n");
    const Outcome base = iisid({"matrix", "--rows", "aspnet.impersonate", "--cols",
                                "request.scheme", "--set", "handler.kind=nonsense"});
    EXPECT_EQ(base.exitCode, 2);
    EXPECT_NE(base.err.find("invalid value \"nonsense\" for \"handler.kind\""), std::string::npos)
        << base.err;
}

TEST(CliMatrix, RowsAndColsAreRequired) {
    const Outcome run = iisid({"matrix", "--rows", "appPool.identity"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("--cols is required"), std::string::npos) << run.err;
}

} // namespace
