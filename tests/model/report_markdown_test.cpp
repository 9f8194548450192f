#include "model/report/report_markdown.h"

#include "report_test_support.h"

#include <gtest/gtest.h>

namespace iisid::report {
namespace {

Document withBlocks(std::vector<Block> blocks) {
    Document document;
    document.title = "Title";
    document.kind = "Explanation";
    document.meta = test::fixedMeta();
    document.blocks = std::move(blocks);
    return document;
}

TEST(ReportMarkdown, StartsWithTitleAndProvenance) {
    EXPECT_EQ(toMarkdown(withBlocks({})),
              "# Title\n\n*Explanation* · Made by iisid 9.9.9 on 2026-11-30 04:03 UTC from "
              "a.iisid.json.\n");
}

TEST(ReportMarkdown, TableIsAPipeTableWithEscapedCells) {
    const std::string markdown = toMarkdown(withBlocks(
        {Table{{"Result", "Value"},
               {{plain("Code | runs *as*"), code("CONTOSO\\a|b")}, {plain(""), plain("x")}}}}));
    EXPECT_NE(markdown.find("| Result | Value |\n| --- | --- |\n"
                            "| Code \\| runs \\*as\\* | `CONTOSO\\a\\|b` |\n|   | x |\n"),
              std::string::npos)
        << markdown;
}

TEST(ReportMarkdown, AccountsReadAsWritten) {
    const std::string markdown =
        toMarkdown(withBlocks({Paragraph{plain("runs as CONTOSO\\web_user"), Tone::Normal}}));
    EXPECT_NE(markdown.find("runs as CONTOSO\\\\web\\_user\n"), std::string::npos) << markdown;
}

TEST(ReportMarkdown, EmphasisMarkersTouchTheirText) {
    const std::string markdown = toMarkdown(
        withBlocks({Paragraph{plain("a") + strong(" fails here ") + plain("b"), Tone::Normal}}));
    EXPECT_NE(markdown.find("a **fails here** b"), std::string::npos) << markdown;
}

TEST(ReportMarkdown, BareAddressesAreAutolinks) {
    const std::string url = "https://learn.microsoft.com/library/cc786094(v=ws.10)";
    const std::string markdown = toMarkdown(withBlocks({Paragraph{
        link(url, url) + plain(" ") + link("source", "https://x.org/a b"), Tone::Normal}}));
    EXPECT_NE(markdown.find("<" + url + "> [source](https://x.org/a%20b)"), std::string::npos)
        << markdown;
}

TEST(ReportMarkdown, ListItemsKeepTheirLinesAndNumbers) {
    const std::string markdown = toMarkdown(
        withBlocks({List{true, {{strong("worker"), plain("text")}, {plain("second")}}}}));
    EXPECT_NE(markdown.find("1. **worker**<br>\n   text\n2. second\n"), std::string::npos)
        << markdown;
}

TEST(ReportMarkdown, FigureSaysWhereTheDrawingIsAndPageBreakIsARule) {
    const std::string markdown =
        toMarkdown(withBlocks({Figure{test::stubSvg, "Request flow"}, PageBreak{}}));
    EXPECT_EQ(markdown.find("<svg"), std::string::npos);
    EXPECT_NE(
        markdown.find("> **Request flow**: drawn in the HTML and PDF forms of this report.\n\n"
                      "---\n"),
        std::string::npos)
        << markdown;
}

TEST(ReportMarkdown, FigureLinksToItsDrawingBesideTheFile) {
    std::vector<int> numbers;
    const std::string markdown =
        toMarkdown(withBlocks({Figure{test::stubSvg, "Request flow"}, Figure{test::stubSvg, ""}}),
                   [&numbers](const Figure &, int number) {
                       numbers.push_back(number);
                       return "my report-figure" + std::to_string(number) + ".svg";
                   });
    EXPECT_EQ(numbers, (std::vector<int>{1, 2}));
    EXPECT_NE(markdown.find("![Request flow](my%20report-figure1.svg)\n\n*Request flow*\n\n"
                            "![Figure](my%20report-figure2.svg)\n"),
              std::string::npos)
        << markdown;
}

} // namespace
} // namespace iisid::report
