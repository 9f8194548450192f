// The shared text metric: DejaVu Sans advances, and wrapping that never drops a character.

#include "model/diagram/text_metrics.h"

#include <gtest/gtest.h>

namespace iisid::diagram {
namespace {

TEST(TextMetrics, WidthIsTheSumOfDejaVuAdvances) {
    // DejaVu Sans Book: "M" 1767/2048 em, "i" 569/2048; Bold "M" 2038/2048.
    EXPECT_NEAR(textWidth("M", {2048, false}), 1767, 1e-9);
    EXPECT_NEAR(textWidth("Mi", {2048, false}), 1767 + 569, 1e-9);
    EXPECT_NEAR(textWidth("M", {2048, true}), 2038, 1e-9);
    EXPECT_NEAR(textWidth("M", {16, false}), 1767 * 16 / 2048.0, 1e-9);
}

TEST(TextMetrics, NonAsciiIsDecodedAndUnknownCountsAsOneEm) {
    EXPECT_NEAR(textWidth("\u00b7", {2048, false}), 651, 1e-9); // middle dot
    EXPECT_NEAR(textWidth("\u4e2d", {20, false}), 20, 1e-9);    // not in the table: one em
    EXPECT_NEAR(textWidth("\xff", {20, false}), 20, 1e-9);      // malformed: one character
}

TEST(TextMetrics, LineHeightFollowsTheFontsAscentAndDescent) {
    EXPECT_NEAR(lineHeight({2048, false}), 1901 + 483, 1e-9);
    EXPECT_NEAR(ascent({2048, true}), 1901, 1e-9);
}

struct WrapCase {
    const char *name;
    const char *text;
    double width; // in widths of "M" at 16 px
    std::vector<std::string> lines;
};

void PrintTo(const WrapCase &c, std::ostream *os) {
    *os << c.name;
}

class WrapTest : public testing::TestWithParam<WrapCase> {};

TEST_P(WrapTest, BreaksWhereTheRowSays) {
    const WrapCase &row = GetParam();
    const TextStyle style{16, false};
    const double width = row.width * textWidth("M", style);
    const std::vector<std::string> lines = wrapText(row.text, style, width);
    EXPECT_EQ(lines, row.lines);
    for (const std::string &line : lines)
        EXPECT_LE(textWidth(line, style), width) << line;
}

INSTANTIATE_TEST_SUITE_P(
    Rows, WrapTest,
    testing::Values(WrapCase{"FitsOnOneLine", "the code", 20, {"the code"}},
                    WrapCase{"BreaksAtSpaces",
                             "the remote server sees NT AUTHORITY",
                             12,
                             {"the remote server", "sees NT AUTHORITY"}},
                    WrapCase{"CollapsesRunsOfSpaces", "a   b", 20, {"a b"}},
                    WrapCase{"EmptyGivesNoLines", "", 20, {}},
                    WrapCase{"LongWordBreaksAfterABackslash",
                             "IIS APPPOOL\\DefaultAppPool",
                             9,
                             {"IIS", "APPPOOL\\", "DefaultAppPool"}},
                    WrapCase{
                        "WordWithoutABreakIsSplitBetweenCharacters", "MMMMMM", 4, {"MMMM", "MM"}},
                    WrapCase{"TheLastPieceOfALongWordTakesTheNextWord",
                             "C:\\inetpub\\wwwroot\\x.asp ok",
                             8,
                             {"C:\\inetpub\\", "wwwroot\\", "x.asp ok"}}),
    [](const testing::TestParamInfo<WrapCase> &row) { return std::string(row.param.name); });

TEST(TextMetrics, WrappingNeverDropsACharacter) {
    const std::string text = "The request fails with HTTP 401.1. Anonymous authentication: the "
                             "stored password of WEB01\\IUSR_WEB01 is wrong, so LogonUser fails.";
    for (double width : {40.0, 90.0, 200.0, 400.0}) {
        std::string joined;
        for (const std::string &line : wrapText(text, {19, false}, width))
            joined += (joined.empty() ? "" : " ") + line;
        std::string spaced = joined;
        std::erase(spaced, ' ');
        std::string original = text;
        std::erase(original, ' ');
        EXPECT_EQ(spaced, original) << width;
    }
}

} // namespace
} // namespace iisid::diagram
