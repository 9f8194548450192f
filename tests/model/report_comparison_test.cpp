#include "model/report/comparison_report.h"
#include "model/report/report_html.h"
#include "model/report/report_markdown.h"
#include "model/resolver.h"

#include "report_test_support.h"

#include <gtest/gtest.h>

namespace iisid::report {
namespace {

ComparedSide side(Scenario scenario, std::string svg = test::stubSvg) {
    Resolution resolution = resolve(scenario);
    return {std::move(scenario), std::move(resolution), std::move(svg)};
}

Scenario staticFile() {
    Scenario s;
    s.title = "Static file";
    s.server.iisVersion = IisVersion::V10_0;
    return s;
}

Scenario cgi() {
    Scenario s = staticFile();
    s.title = "CGI";
    s.handler.kind = HandlerKind::Cgi;
    return s;
}

TEST(ComparisonReport, MarkdownHasBothColumnsAndTheModelsSentence) {
    const ComparedSide a = side(staticFile());
    const ComparedSide b = side(cgi());
    const Comparison comparison = compare(a.scenario, b.scenario);
    ASSERT_FALSE(comparison.identities.empty());
    const std::string markdown =
        toMarkdown(comparisonReport(a, b, comparison, test::fixedMeta({"a.json", "b.json"})));
    EXPECT_EQ(markdown.rfind("# Static file / CGI\n", 0), 0u) << markdown;
    EXPECT_NE(markdown.find("| Result | A | B | Changed |\n"), std::string::npos);
    EXPECT_NE(markdown.find("| Setting | Key | A | B |\n| --- | --- | --- | --- |\n"
                            "| Handler | `handler.kind` | `static` | `cgi` |\n"),
              std::string::npos)
        << markdown;
    const std::string html =
        toHtml(comparisonReport(a, b, comparison, test::fixedMeta({"a.json", "b.json"})));
    for (const IdentityChange &change : comparison.identities)
        EXPECT_NE(html.find("<p>" + escapeHtml(change.why) + "</p>"), std::string::npos)
            << change.field;
    EXPECT_NE(markdown.find("## A: Static file\n"), std::string::npos);
    EXPECT_NE(markdown.find("## B: CGI\n"), std::string::npos);
}

TEST(ComparisonReport, HtmlHoldsBothDiagramsAndFetchesNothing) {
    const ComparedSide a = side(staticFile());
    const ComparedSide b = side(cgi());
    const std::string html = toHtml(
        comparisonReport(a, b, compare(a.scenario, b.scenario), test::fixedMeta({"a", "b"})));
    pugi::xml_document parsed;
    ASSERT_TRUE(test::parseHtml(html, parsed));
    EXPECT_TRUE(test::externalResources(parsed).empty());
    EXPECT_EQ(test::occurrences(html, "<svg "), 2u);
}

TEST(ComparisonReport, SecretsAreRedacted) {
    Scenario a = staticFile();
    a.title = "Before: pwd=hunter2";
    const ComparedSide sideA = side(a);
    const ComparedSide sideB = side(cgi());
    const Document document = comparisonReport(sideA, sideB, compare(a, sideB.scenario),
                                               test::fixedMeta({"password=hunter2.json"}));
    EXPECT_EQ(toHtml(document).find("hunter2"), std::string::npos);
    EXPECT_EQ(toMarkdown(document).find("hunter2"), std::string::npos);
}

TEST(ComparisonReport, SameScenarioSaysNothingChanged) {
    const ComparedSide a = side(staticFile(), "");
    const std::string markdown =
        toMarkdown(comparisonReport(a, a, compare(a.scenario, a.scenario), test::fixedMeta()));
    EXPECT_NE(markdown.find("Nothing in the result changed."), std::string::npos);
    EXPECT_NE(markdown.find("None: A and B have the same settings in effect."), std::string::npos);
}

} // namespace
} // namespace iisid::report
