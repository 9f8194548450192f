#include "model/report/explanation_report.h"
#include "model/report/report_html.h"
#include "model/report/report_markdown.h"
#include "model/resolver.h"

#include "report_test_support.h"

#include <gtest/gtest.h>

namespace iisid::report {
namespace {

using test::fixedMeta;
using test::occurrences;

/// NTLM double hop: an unconfirmed network identity, impersonation, sources on every step.
Scenario doubleHop() {
    Scenario s;
    s.title = "Double hop";
    s.notes = "The share's connection string says Password=hunter2;";
    s.server.iisVersion = IisVersion::V10_0;
    s.handler.kind = HandlerKind::Asp;
    s.authentication.anonymous.enabled = false;
    s.authentication.windows.enabled = true;
    s.request.user = "CONTOSO\\alice";
    s.request.scheme = Scheme::Ntlm;
    return s;
}

TEST(ExplanationReport, HoldsSettingsDiagramStepsResultWarningsAndUnknowns) {
    const Scenario scenario = doubleHop();
    const Resolution resolution = resolve(scenario);
    const Document document = explanationReport(scenario, resolution, test::stubSvg, fixedMeta());
    EXPECT_EQ(document.title, "Double hop");
    EXPECT_EQ(document.kind, "Explanation");
    std::vector<std::string> headings;
    std::size_t figures = 0;
    for (const Block &block : document.blocks) {
        if (const auto *heading = std::get_if<Heading>(&block))
            headings.push_back(heading->text);
        figures += std::holds_alternative<Figure>(block) ? 1 : 0;
    }
    EXPECT_EQ(headings, (std::vector<std::string>{"Scenario", "Request flow", "Steps", "Result",
                                                  "Warnings", "What the result depends on"}));
    EXPECT_EQ(figures, 1u);
}

TEST(ExplanationReport, MarkdownHasTheSettingsAndResultTablesAndEveryStep) {
    const Scenario scenario = doubleHop();
    const Resolution resolution = resolve(scenario);
    const std::string markdown =
        toMarkdown(explanationReport(scenario, resolution, test::stubSvg, fixedMeta()));
    EXPECT_NE(markdown.find("| Group | Setting | Key | Value | From |\n"), std::string::npos);
    EXPECT_NE(markdown.find("| Request | How the user authenticates | `request.scheme` | `ntlm` | "
                            "scenario |\n"),
              std::string::npos);
    EXPECT_NE(markdown.find("| Result | Value | Executable | Confidence |\n"), std::string::npos);
    EXPECT_NE(markdown.find("| Code runs as | `CONTOSO\\alice` |   | \\[confirmed\\] |\n"),
              std::string::npos);
    EXPECT_NE(markdown.find("| Network sees | `NT AUTHORITY\\ANONYMOUS LOGON` |   | "
                            "**\\[UNCONFIRMED\\]** |\n"),
              std::string::npos);
    EXPECT_NE(markdown.find("   Process token: `IIS APPPOOL\\DefaultAppPool` · Thread token: "
                            "`CONTOSO\\alice`<br>\n"),
              std::string::npos);
    EXPECT_NE(markdown.find("<https://"), std::string::npos); // sources stay links
    EXPECT_NE(markdown.find(std::to_string(resolution.steps.size()) + ". **"), std::string::npos);
    // Steps are headed in words, as the diagram heads them (issue 10 §4), not by their JSON key.
    EXPECT_NE(markdown.find("**Child process · in w3wp.exe**"), std::string::npos);
    EXPECT_EQ(markdown.find("childProcess"), std::string::npos);
}

TEST(ExplanationReport, SecretsAreRedactedInEveryFormat) {
    const Scenario scenario = doubleHop();
    const Document document =
        explanationReport(scenario, resolve(scenario), test::stubSvg, fixedMeta());
    const std::string html = toHtml(document);
    const std::string markdown = toMarkdown(document);
    EXPECT_EQ(html.find("hunter2"), std::string::npos);
    EXPECT_EQ(markdown.find("hunter2"), std::string::npos);
    EXPECT_NE(html.find("Password=********;"), std::string::npos);
    EXPECT_NE(markdown.find("Password=\\*\\*\\*\\*\\*\\*\\*\\*;"), std::string::npos);
}

TEST(ExplanationReport, HtmlParsesFetchesNothingAndHoldsTheDiagram) {
    const Scenario scenario = doubleHop();
    const std::string html =
        toHtml(explanationReport(scenario, resolve(scenario), test::stubSvg, fixedMeta()));
    pugi::xml_document parsed;
    ASSERT_TRUE(test::parseHtml(html, parsed));
    EXPECT_TRUE(test::externalResources(parsed).empty());
    EXPECT_EQ(occurrences(html, "<svg "), 1u);
    EXPECT_EQ(html.find("…"), std::string::npos); // nothing is cut short
}

TEST(ExplanationReport, WithoutADiagramThereIsNoFigure) {
    Scenario scenario;
    const std::string html =
        toHtml(explanationReport(scenario, resolve(scenario), "", fixedMeta()));
    EXPECT_EQ(html.find("<figure>"), std::string::npos);
    EXPECT_NE(html.find("<h1>Explanation</h1>"), std::string::npos);
}

TEST(ExplanationReport, WarningsAndUnknownsAreListed) {
    Scenario scenario;
    scenario.server.iisVersion = IisVersion::V10_0;
    scenario.content.readableBy = Known<std::vector<std::string>>(unknown);
    const Resolution resolution = resolve(scenario);
    ASSERT_FALSE(resolution.dependsOn.empty());
    const std::string markdown =
        toMarkdown(explanationReport(scenario, resolution, "", fixedMeta()));
    EXPECT_NE(markdown.find("`content.readableBy`"), std::string::npos) << markdown;
    EXPECT_EQ(markdown.find("Nothing unknown"), std::string::npos);
}

} // namespace
} // namespace iisid::report
