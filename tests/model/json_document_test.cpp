#include "model/json_document.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

using iisid::json::parse;
using iisid::json::Value;

TEST(JsonDocument, RemembersPositionsOfKeysAndValues) {
    const auto doc = parse("{\n  \"a\": true,\n  \"b\": [1, \"x\"]\n}", "f.json");
    ASSERT_TRUE(doc.ok());
    ASSERT_EQ(doc->members.size(), 2u);
    EXPECT_EQ(doc->members[1].keyPosition, (iisid::SourceLocation{"f.json", 3, 3}));
    EXPECT_EQ(doc->members[1].value.items[1].position.column, 12);
}

namespace {

std::string error(std::string_view text) {
    const auto doc = parse(text, "f.json");
    return doc.ok() ? std::string("(no error)") : doc.errors().front().toString();
}

// --- encoding: the text must be UTF-8, checked before anything is parsed ---------------------

struct EncodingRow {
    const char *name;
    std::string_view text;
    const char *expected;
};

class JsonEncoding : public testing::TestWithParam<EncodingRow> {};

TEST_P(JsonEncoding, IsRejectedWithItsPlace) {
    EXPECT_EQ(error(GetParam().text), GetParam().expected);
}

using namespace std::string_view_literals;

const EncodingRow encodingRows[] = {
    {"Windows1252", "{\"title\": \"Caf\xE9 site\"}",
     "f.json:1:15: error: invalid UTF-8: byte 0xE9 is not part of a UTF-8 character; the text "
     "must be UTF-8, and this looks like Windows-1252 or Latin-1 (save the file as UTF-8)"},
    {"StrayContinuationByteOnLineTwo", "{\n  \"a\": \"\xC3\xA9\xA9\"}",
     "f.json:2:10: error: invalid UTF-8: byte 0xA9 is not part of a UTF-8 character; the text "
     "must be UTF-8, and this looks like Windows-1252 or Latin-1 (save the file as UTF-8)"},
    {"TruncatedAtTheEnd", "\"\xE2\x82",
     "f.json:1:2: error: invalid UTF-8: byte 0xE2 is not part of a UTF-8 character; the text "
     "must be UTF-8, and this looks like Windows-1252 or Latin-1 (save the file as UTF-8)"},
    {"OverlongTwoBytes", "\"\xC0\xAF\"",
     "f.json:1:2: error: invalid UTF-8: byte 0xC0 starts an overlong encoding"},
    {"OverlongThreeBytes", "\"\xE0\x80\xAF\"",
     "f.json:1:2: error: invalid UTF-8: byte 0xE0 starts an overlong encoding"},
    {"Surrogate", "\"\xED\xA0\x80\"",
     "f.json:1:2: error: invalid UTF-8: byte 0xED starts a UTF-16 surrogate, which UTF-8 does "
     "not allow"},
    {"AboveU10FFFF", "\"\xF4\x90\x80\x80\"",
     "f.json:1:2: error: invalid UTF-8: byte 0xF4 starts a code point above U+10FFFF"},
    {"Utf16LittleEndianWithBom", "\xFF\xFE{\0}\0"sv,
     "f.json:1:1: error: the text is UTF-16 (little-endian, with a byte order mark); this "
     "program reads UTF-8: save the file as UTF-8"},
    {"Utf16BigEndianWithBom", "\xFE\xFF\0{\0}"sv,
     "f.json:1:1: error: the text is UTF-16 (big-endian, with a byte order mark); this program "
     "reads UTF-8: save the file as UTF-8"},
    {"Utf16LittleEndianFromNulBytes", "{\0}\0"sv,
     "f.json:1:1: error: the text is UTF-16 (little-endian); this program reads UTF-8: save the "
     "file as UTF-8"},
    {"Utf16BigEndianFromNulBytes", "\0{\0}"sv,
     "f.json:1:1: error: the text is UTF-16 (big-endian); this program reads UTF-8: save the "
     "file as UTF-8"},
    {"PositionsAfterAUtf8BomCountFromColumnOne", "\xEF\xBB\xBF{\"a\": \xE9}",
     "f.json:1:7: error: invalid UTF-8: byte 0xE9 is not part of a UTF-8 character; the text "
     "must be UTF-8, and this looks like Windows-1252 or Latin-1 (save the file as UTF-8)"},
    {"LoneLowSurrogateEscape", "\"\\uDC00\"",
     "f.json:1:8: error: invalid \\u escape: a low surrogate must follow a high surrogate"},
    {"HighSurrogateEscapeAlone", "\"\\uD800x\"",
     "f.json:1:8: error: invalid \\u escape: a high surrogate must be followed by a low "
     "surrogate"},
};

std::string rowName(const testing::TestParamInfo<EncodingRow> &row) {
    return row.param.name;
}

INSTANTIATE_TEST_SUITE_P(Rows, JsonEncoding, testing::ValuesIn(encodingRows), rowName);

TEST(JsonDocument, AcceptsAUtf8BomAndCountsColumnsAfterIt) {
    EXPECT_EQ(error("\xEF\xBB\xBF{\"a\": tru}"),
              "f.json:1:10: error: invalid literal; expected 'true'");
    const auto doc = parse("\xEF\xBB\xBF{\"caf\xC3\xA9\": \"\xF0\x9F\x98\x80\"}", "f.json");
    ASSERT_TRUE(doc.ok());
    EXPECT_EQ(doc->members[0].key, "caf\xC3\xA9");
    EXPECT_EQ(doc->members[0].value.position, (iisid::SourceLocation{"f.json", 1, 10}));
}

TEST(JsonDocument, EscapedSurrogatePairsBecomeOneCharacter) {
    const auto doc = parse("\"\\uD83D\\uDE00\"", "f.json");
    ASSERT_TRUE(doc.ok());
    EXPECT_EQ(doc->text, "\xF0\x9F\x98\x80");
}

// Issue 10 §4: a message printed '\xEF\xBF\xBD'. Characters that print as nothing or as that
// mark are named instead of quoted.
TEST(JsonDocument, MessagesNameInvisibleAndReplacementCharacters) {
    EXPECT_EQ(error("\xEF\xBF\xBD{}"),
              "f.json:1:1: error: expected a value but found U+FFFD, the replacement character: a "
              "program that read this file in another encoding put it where it could not read a "
              "character; fix or retype that text");
    EXPECT_EQ(error("{\"a\": \xEF\xBB\xBF"
                    "1}"),
              "f.json:1:7: error: expected a value but found a byte order mark (U+FEFF) that is "
              "not at the start of the file");
    EXPECT_EQ(error("\xC2\x85{}"),
              "f.json:1:1: error: expected a value but found an invisible control character");
}

TEST(JsonDocument, MessagesQuoteWholeCharacters) {
    EXPECT_EQ(error("{\"a\": \xC3\xA9}"),
              "f.json:1:7: error: expected a value but found '\xC3\xA9'");
    EXPECT_EQ(error("\"\\\xC3\xA9\""),
              "f.json:1:3: error: invalid escape '\\\xC3\xA9' in a string (a Windows path needs "
              "doubled backslashes: \"C:\\\\web\")");
}

} // namespace
