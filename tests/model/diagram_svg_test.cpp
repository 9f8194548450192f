// The Qt-free SVG of the diagram: well-formed, self-contained, and holding every station, the
// caption and the result.

#include "model/diagram/diagram_layout.h"
#include "model/diagram/diagram_svg.h"

#include "diagram_test_support.h"

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <string>
#include <vector>

namespace iisid::diagram {
namespace {

/// Every <text> of the document, in order.
std::vector<std::string> textsOf(const pugi::xml_document &document) {
    std::vector<std::string> texts;
    for (const pugi::xpath_node &node : document.select_nodes("//*[local-name()='text']"))
        texts.push_back(node.node().child_value());
    return texts;
}

/// Everything the texts say, one line after another with spaces.
std::string allText(const pugi::xml_document &document) {
    std::string out;
    for (const std::string &text : textsOf(document))
        out += text + ' ';
    return out;
}

/// `block` appears as consecutive <text> lines.
bool holdsLines(const std::vector<std::string> &texts, const TextBlock &block) {
    if (block.lines.empty())
        return true;
    for (std::size_t i = 0; i + block.lines.size() <= texts.size(); ++i) {
        if (std::equal(block.lines.begin(), block.lines.end(), texts.begin() + i))
            return true;
    }
    return false;
}

void expectSelfContained(const std::string &svg) {
    EXPECT_EQ(svg.find("href"), std::string::npos);
    EXPECT_EQ(svg.find("@import"), std::string::npos);
    EXPECT_EQ(svg.find("\u2026"), std::string::npos);
    // The only URL is the SVG namespace; url(...) only points inside the document.
    std::size_t at = 0;
    while ((at = svg.find("http", at)) != std::string::npos) {
        EXPECT_EQ(svg.compare(at, 26, "http://www.w3.org/2000/svg"), 0) << svg.substr(at, 40);
        ++at;
    }
    at = 0;
    while ((at = svg.find("url(", at)) != std::string::npos) {
        EXPECT_EQ(svg.compare(at, 5, "url(#"), 0) << svg.substr(at, 40);
        ++at;
    }
}

class BundledSvg : public testing::TestWithParam<std::string> {};

TEST_P(BundledSvg, IsWellFormedSelfContainedAndHoldsEveryStationAndTheResult) {
    const Resolution resolution = test::resolveBundled(GetParam());
    const std::string svg = toSvg(resolution);
    pugi::xml_document document;
    const pugi::xml_parse_result parsed = document.load_string(svg.c_str());
    ASSERT_TRUE(parsed) << parsed.description() << " at " << parsed.offset;
    EXPECT_STREQ(document.document_element().name(), "svg");
    expectSelfContained(svg);

    const DiagramLayout layout = diagram::layout(resolution);
    const DiagramFrame last =
        frame(layout, resolution, static_cast<int>(resolution.steps.size()) - 1);
    const std::vector<std::string> texts = textsOf(document);
    for (const StationLayout &station : layout.stations)
        EXPECT_TRUE(holdsLines(texts, station.titleText)) << station.title;
    for (const LaneLayout &lane : layout.lanes)
        EXPECT_TRUE(holdsLines(texts, lane.titleText)) << lane.title;
    EXPECT_TRUE(holdsLines(texts, last.captionText)) << last.caption;
    EXPECT_TRUE(holdsLines(texts, last.headingText)) << last.heading;
    if (!layout.result.empty()) {
        EXPECT_NE(allText(document).find(layout.result), std::string::npos) << layout.result;
    }
    if (resolution.identities.code) {
        bool found = false;
        for (const StationFrame &station : last.stations)
            found = found || station.token == *resolution.identities.code;
        EXPECT_TRUE(found) << *resolution.identities.code;
    }
}

INSTANTIATE_TEST_SUITE_P(Resources, BundledSvg, testing::ValuesIn(test::bundledScenarioFiles()),
                         [](const testing::TestParamInfo<std::string> &row) {
                             return test::testNameOf(row.param);
                         });

TEST(DiagramSvg, AGivenStepShowsThatStepsCaption) {
    const Resolution resolution = test::resolveWith({});
    SvgOptions options;
    options.step = 0;
    const std::string svg = toSvg(resolution, options);
    pugi::xml_document document;
    ASSERT_TRUE(document.load_string(svg.c_str()));
    const std::string text = allText(document);
    EXPECT_NE(text.find("Step 1 of"), std::string::npos);
    EXPECT_NE(text.find("HTTP.sys hands the request to"), std::string::npos);
    EXPECT_EQ(text.find("HTTP 200"), std::string::npos); // the result shows at the last step
}

TEST(DiagramSvg, TheTitleIsEscapedAndHeadsThePicture) {
    const Resolution resolution = test::resolveWith({});
    SvgOptions options;
    options.title = "Static file <IIS 10> & IUSR";
    const std::string svg = toSvg(resolution, options);
    pugi::xml_document document;
    ASSERT_TRUE(document.load_string(svg.c_str()));
    EXPECT_STREQ(document.document_element().child("title").child_value(),
                 "Static file <IIS 10> & IUSR");
    EXPECT_EQ(textsOf(document).front(), "Static file <IIS 10> & IUSR");
}

TEST(DiagramSvg, NamesTheSharedFontWithFallbacks) {
    const std::string svg = toSvg(test::resolveWith({}));
    EXPECT_NE(svg.find("font-family:'DejaVu Sans', Verdana, sans-serif"), std::string::npos);
    EXPECT_NE(svg.find("font-kerning:none"), std::string::npos);
}

TEST(DiagramSvg, AnEmptyResolutionStillGivesAWellFormedPicture) {
    const std::string svg = toSvg(Resolution{});
    pugi::xml_document document;
    EXPECT_TRUE(document.load_string(svg.c_str()));
}

} // namespace
} // namespace iisid::diagram
