// The UTF-8 check every reader runs first (text_encoding.h). The messages and positions are
// asserted through the JSON reader in json_document_test.cpp; here, the check itself.

#include "model/text_encoding.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace {

using namespace std::string_view_literals;

TEST(TextEncoding, WellFormedUtf8PassesIncludingNulAndFourByteCharacters) {
    EXPECT_TRUE(iisid::isUtf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF"));
    EXPECT_TRUE(iisid::isUtf8("a\0b"sv));
    EXPECT_FALSE(iisid::checkUtf8("\xEF\xBB\xBF{}", "f"));
    EXPECT_FALSE(iisid::checkUtf8("", "f"));
}

TEST(TextEncoding, IllFormedSequencesFail) {
    for (std::string_view bad :
         {"\x80"sv, "\xC0\x80"sv, "\xC1\xBF"sv, "\xE0\x9F\xBF"sv, "\xED\xA0\x80"sv,
          "\xED\xBF\xBF"sv, "\xF0\x8F\xBF\xBF"sv, "\xF4\x90\x80\x80"sv, "\xF5\x80\x80\x80"sv,
          "\xFF"sv, "\xE2\x82"sv, "\xC3"sv, "\xC3\x28"sv}) {
        EXPECT_FALSE(iisid::isUtf8(bad)) << testing::PrintToString(std::string(bad));
        EXPECT_TRUE(iisid::checkUtf8(bad, "f")) << testing::PrintToString(std::string(bad));
    }
}

// Issue 10 §4: a PNG renamed .iisid.json was reported as Windows-1252 text.
TEST(TextEncoding, ABinaryFileIsNotTakenForText) {
    const auto png = iisid::checkUtf8("\x89PNG\r\n\x1A\n\0\0\0\rIHDR"sv, "f");
    ASSERT_TRUE(png);
    EXPECT_EQ(png->message, "this is not a text file: byte 9 is 0x00, as in an image or an "
                            "archive; the file must be UTF-8 text");
    const auto nul = iisid::checkUtf8("{}\0\0\0"sv, "f");
    ASSERT_TRUE(nul);
    EXPECT_NE(nul->message.find("not a text file"), std::string::npos);
}

TEST(TextEncoding, ThePositionCountsCharactersOnTheLineOfTheBadByte) {
    const auto problem = iisid::checkUtf8("ab\n\xC3\xA9\xE2\x82\xAC\xE9", "f");
    ASSERT_TRUE(problem);
    EXPECT_EQ(problem->location, (iisid::SourceLocation{"f", 2, 3}));
}

TEST(TextEncoding, CharacterLengths) {
    EXPECT_EQ(iisid::utf8CharLength("a", 0), 1u);
    EXPECT_EQ(iisid::utf8CharLength("\xC3\xA9", 0), 2u);
    EXPECT_EQ(iisid::utf8CharLength("\xE2\x82\xAC", 0), 3u);
    EXPECT_EQ(iisid::utf8CharLength("\xF0\x9F\x98\x80", 0), 4u);
    EXPECT_EQ(iisid::utf8CharLength("\xC3\xA9", 1), 0u);
    EXPECT_EQ(iisid::utf8CharLength("a", 1), 0u);
}

} // namespace
