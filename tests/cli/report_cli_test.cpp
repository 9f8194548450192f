// The reports of the command line end to end: `iisid explain --format html|markdown` and
// `iisid check --format html|markdown` (with --output), run as a user runs them.

#include "run_iisid.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using iisid::cli_test::iisid;
using iisid::cli_test::Outcome;

const std::string kScenario =
    std::string(IISID_SOURCE_DIR) + "/resources/scenarios/double-hop-ntlm.iisid.json";
const std::string kKranz =
    std::string(IISID_CORPUS_DIR) +
    "/applicationhost/KranzA_windows-powershell-scripts__IIS-applicationHost."
    "config";

bool contains(const std::string &text, const std::string &needle) {
    return text.find(needle) != std::string::npos;
}

/// Reports made with SOURCE_DATE_EPOCH say that time, so they are reproducible.
class CliReport : public ::testing::Test {
protected:
    void SetUp() override { ::setenv("SOURCE_DATE_EPOCH", "1796000000", 1); }
    void TearDown() override { ::unsetenv("SOURCE_DATE_EPOCH"); }
};

TEST_F(CliReport, ExplainWritesOneSelfContainedHtmlFile) {
    const Outcome run = iisid({"explain", kScenario, "--format", "html"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(run.out.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_TRUE(contains(run.out, "<h1>Double hop with NTLM: the share sees ANONYMOUS LOGON</h1>"));
    EXPECT_TRUE(contains(run.out, "Made by iisid " IISID_VERSION " on 2026-11-30 00:53 UTC from " +
                                      kScenario + "."));
    EXPECT_FALSE(contains(run.out, "<script"));
    EXPECT_FALSE(contains(run.out, "<link"));
    EXPECT_FALSE(contains(run.out, " src="));
    EXPECT_TRUE(contains(run.out, "</html>\n"));
}

TEST_F(CliReport, ExplainMarkdownNamesTheSetAssignmentsAsInputs) {
    const Outcome run = iisid({"explain", "--set", "handler.kind=cgi", "--format", "markdown"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(run.out.rfind("# Explanation\n\n*Explanation* · Made by iisid " IISID_VERSION
                            " on 2026-11-30 00:53 UTC from --set handler.kind=cgi.\n",
                            0),
              0u)
        << run.out;
    EXPECT_TRUE(contains(run.out, "| Handler | Handler | `handler.kind` | `cgi` | scenario |"));
    EXPECT_TRUE(contains(run.out, "| Result | Value | Executable | Confidence |"));
}

TEST_F(CliReport, ExplainRejectsAnUnknownFormat) {
    const Outcome run = iisid({"explain", kScenario, "--format", "pdf"});
    EXPECT_EQ(run.exitCode, 2);
}

TEST_F(CliReport, CheckWritesHtmlAtomicallyToOutput) {
    const fs::path dir =
        fs::temp_directory_path() / ("iisid-report-cli-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path out = dir / "check.html";
    const Outcome run = iisid({"check", kKranz, "--format", "html", "--output", out.string()});
    EXPECT_EQ(run.exitCode, 0) << run.err;
    EXPECT_TRUE(run.out.empty());
    std::ifstream in(out, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    EXPECT_TRUE(contains(text.str(), "<h1>IIS configuration check</h1>"));
    EXPECT_TRUE(contains(text.str(), "<h3>Site 1: Default Web Site</h3>"));
    EXPECT_TRUE(contains(text.str(), "IISID-POOL-PROFILE-NOT-LOADED"));
    fs::remove_all(dir);
}

TEST_F(CliReport, CheckMarkdownKeepsTheExitCodeOfFailOn) {
    const Outcome run = iisid({"check", kKranz, "--format", "markdown", "--fail-on", "info"});
    EXPECT_EQ(run.exitCode, 1) << run.err;
    EXPECT_TRUE(contains(run.out, "## Findings\n\n### Info (1)\n\n| Where | Rule | Finding | Fix | "
                                  "CIS | Status |\n"))
        << run.out;
}

} // namespace

namespace {

std::string readAll(const fs::path &path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// Markdown has no inline drawing: with --output the diagram is written beside the report as an
// SVG file and linked, so the Qt-free command line's Markdown report still has its diagram.
TEST_F(CliReport, ExplainMarkdownToAFileWritesTheDiagramBesideIt) {
    const fs::path folder =
        fs::temp_directory_path() / ("iisid-report-" + std::to_string(::getpid()));
    fs::remove_all(folder);
    fs::create_directories(folder);
    const fs::path report = folder / "hop.md";
    const Outcome run =
        iisid({"explain", kScenario, "--format", "markdown", "--output", report.string()});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_TRUE(run.out.empty());
    const std::string markdown = readAll(report);
    EXPECT_TRUE(contains(markdown, "](hop-figure1.svg)")) << markdown;
    const std::string svg = readAll(folder / "hop-figure1.svg");
    EXPECT_EQ(svg.rfind("<?xml", 0), 0u) << svg.substr(0, 80);
    EXPECT_TRUE(contains(svg, "<svg"));
    EXPECT_TRUE(contains(svg, "ANONYMOUS LOGON"));
    fs::remove_all(folder);
}

TEST_F(CliReport, ExplainOutputNeverWritesOverTheScenarioItReads) {
    const std::string before = readAll(kScenario);
    const Outcome run = iisid({"explain", kScenario, "--format", "json", "--output", kScenario});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_EQ(readAll(kScenario), before);
}

} // namespace
