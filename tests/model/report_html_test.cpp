#include "model/report/report_html.h"

#include "report_test_support.h"

#include <gtest/gtest.h>

namespace iisid::report {
namespace {

using test::externalResources;
using test::fixedMeta;
using test::parseHtml;

Document sample() {
    Document document;
    document.title = "A <b> & \"c\"";
    document.kind = "Explanation";
    document.meta = fixedMeta();
    document.blocks = {
        Heading{2, "Steps"},
        Paragraph{plain("see ") + link("the source", "https://learn.microsoft.com/x?a=1&b=2"),
                  Tone::Warning},
        List{true, {{strong("one")}, {plain("two"), code("IIS APPPOOL\\Pool")}}},
        Table{{"Result", "Value"}, {{plain("Code runs as"), code("NT AUTHORITY\\IUSR")}}},
        Figure{test::stubSvg, "Request flow"},
        PageBreak{},
        Heading{2, "Answer"}};
    return document;
}

TEST(ReportHtml, IsOneWellFormedFileThatFetchesNothing) {
    const std::string html = toHtml(sample());
    pugi::xml_document parsed;
    const pugi::xml_parse_result result = parseHtml(html, parsed);
    ASSERT_TRUE(result) << result.description() << " at " << result.offset;
    EXPECT_TRUE(externalResources(parsed).empty());
    EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_NE(html.find("<style>"), std::string::npos);
    EXPECT_NE(html.find("@page"), std::string::npos);
}

TEST(ReportHtml, EscapesTextAndKeepsLinksAsLinks) {
    const std::string html = toHtml(sample());
    EXPECT_NE(html.find("<h1>A &lt;b&gt; &amp; &quot;c&quot;</h1>"), std::string::npos);
    EXPECT_NE(html.find("<a href=\"https://learn.microsoft.com/x?a=1&amp;b=2\">the source</a>"),
              std::string::npos);
    EXPECT_NE(html.find("<p class=\"warning\">"), std::string::npos);
    EXPECT_NE(html.find("<code>NT AUTHORITY\\IUSR</code>"), std::string::npos);
}

TEST(ReportHtml, HeaderSaysWhoMadeItFromWhatAndWhen) {
    const std::string html = toHtml(sample());
    EXPECT_NE(html.find("<p class=\"provenance\">Made by iisid 9.9.9 on 2026-11-30 04:03 UTC from "
                        "a.iisid.json.</p>"),
              std::string::npos);
    EXPECT_NE(html.find("<meta name=\"generator\" content=\"iisid 9.9.9\"/>"), std::string::npos);
}

TEST(ReportHtml, FigureIsInlineSvgWithoutItsXmlDeclaration) {
    const std::string html = toHtml(sample());
    EXPECT_EQ(html.find("<?xml"), std::string::npos);
    EXPECT_NE(html.find("<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\""), std::string::npos);
    EXPECT_NE(html.find("<figcaption>Request flow</figcaption>"), std::string::npos);
}

TEST(ReportHtml, EachFigureHasIdsOfItsOwn) {
    const std::string svg = "<svg><defs><marker id=\"arrow\"/></defs><polyline "
                            "marker-end=\"url(#arrow)\"/><use href=\"#arrow\"/></svg>";
    const std::string html = blocksHtml({Figure{svg, ""}, Figure{svg, ""}});
    EXPECT_NE(html.find("<marker id=\"figure1-arrow\"/></defs><polyline "
                        "marker-end=\"url(#figure1-arrow)\"/><use href=\"#figure1-arrow\"/>"),
              std::string::npos)
        << html;
    EXPECT_NE(html.find("<marker id=\"figure2-arrow\"/>"), std::string::npos);
    EXPECT_EQ(html.find("\"arrow\""), std::string::npos);
}

TEST(ReportHtml, PageBreakStartsANewPrintedPage) {
    const std::string html = toHtml(sample());
    EXPECT_NE(html.find("<div class=\"page-break\"></div>\n<h2>Answer</h2>"), std::string::npos);
    EXPECT_NE(html.find("break-before: page"), std::string::npos);
}

TEST(ReportHtml, MultiLineListItemsAreParagraphs) {
    EXPECT_EQ(blocksHtml({List{true, {{strong("one")}, {plain("two"), plain("three")}}}}),
              "<ol>\n<li><strong>one</strong></li>\n<li><p>two</p><p>three</p></li>\n</ol>\n");
}

} // namespace
} // namespace iisid::report
