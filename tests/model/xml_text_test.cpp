// The XML front end of the configuration readers: encodings, positions, hostile DOCTYPEs.

#include "model/config/xml_text.h"

#include <gtest/gtest.h>

namespace {

using iisid::config::XmlText;

std::string utf16(std::string_view ascii, bool bigEndian) {
    std::string out = bigEndian ? std::string("\xFE\xFF", 2) : std::string("\xFF\xFE", 2);
    for (char c : ascii) {
        if (bigEndian) {
            out += '\0';
            out += c;
        } else {
            out += c;
            out += '\0';
        }
    }
    return out;
}

TEST(XmlText, PositionsOfElementsAndAttributesAreLineAndColumn) {
    const auto xml = XmlText::parse("<a>\n  <b  x=\"1\"\n     y='2'/>\n</a>", "f.config");
    ASSERT_TRUE(xml.ok());
    const pugi::xml_node b = xml.value()->root().child("b");
    EXPECT_EQ(xml.value()->location(b).toString(), "f.config:2:3");
    EXPECT_EQ(xml.value()->location(b.attribute("x")).toString(), "f.config:2:7");
    EXPECT_EQ(xml.value()->location(b.attribute("y")).toString(), "f.config:3:6");
}

TEST(XmlText, Utf8ByteOrderMarkIsSkippedAndColumnsCountCharacters) {
    const auto xml = XmlText::parse("\xEF\xBB\xBF<a t=\"\xC3\xA9\xC3\xA9\" u=\"1\"/>", "f");
    ASSERT_TRUE(xml.ok());
    EXPECT_EQ(xml.value()->location(xml.value()->root().attribute("u")).column, 11);
    EXPECT_EQ(std::string(xml.value()->root().attribute("t").value()), "\xC3\xA9\xC3\xA9");
}

TEST(XmlText, Utf16LittleAndBigEndianWithBomReadWithTheSamePositions) {
    for (const bool bigEndian : {false, true}) {
        const auto xml = XmlText::parse(utf16("<a>\r\n <b x=\"v\"/></a>", bigEndian), "f");
        ASSERT_TRUE(xml.ok()) << xml.errors().front().toString();
        const pugi::xml_node b = xml.value()->root().child("b");
        EXPECT_EQ(xml.value()->location(b.attribute("x")).toString(), "f:2:5");
        EXPECT_EQ(std::string(b.attribute("x").value()), "v");
    }
}

TEST(XmlText, Utf16WithoutBomAndBadUtf8AreErrorsWithPositions) {
    const std::string noBom("<\0a\0/\0>\0", 8);
    const auto utf16Error = XmlText::parse(noBom, "f");
    ASSERT_FALSE(utf16Error.ok());
    EXPECT_EQ(utf16Error.errors().front().location.line, 1);
    const auto latin1 = XmlText::parse("<a>\n<b t=\"caf\xE9\"/></a>", "f");
    ASSERT_FALSE(latin1.ok());
    EXPECT_EQ(latin1.errors().front().location.toString(), "f:2:10");
}

TEST(XmlText, NotWellFormedXmlNamesLineAndColumn) {
    const auto xml = XmlText::parse("<a>\n  <b>\n</a>", "f");
    ASSERT_FALSE(xml.ok());
    EXPECT_EQ(xml.errors().front().location.line, 3);
    EXPECT_NE(xml.errors().front().message.find("not well-formed XML"), std::string::npos);
}

TEST(XmlText, BillionLaughsIsNeverExpanded) {
    const std::string laughs = R"(<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<configuration a="&lol3;"/>)";
    const auto xml = XmlText::parse(laughs, "f");
    ASSERT_TRUE(xml.ok());
    EXPECT_EQ(std::string(xml.value()->root().attribute("a").value()), "&lol3;");
}

TEST(XmlText, ExternalEntityIsNeverFetched) {
    const std::string external = R"(<!DOCTYPE c [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>
<configuration a="&x;"/>)";
    const auto xml = XmlText::parse(external, "f");
    ASSERT_TRUE(xml.ok());
    EXPECT_EQ(std::string(xml.value()->root().attribute("a").value()), "&x;");
}

} // namespace
