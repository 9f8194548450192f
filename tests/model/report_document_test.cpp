#include "model/report/report_document.h"

#include <gtest/gtest.h>

namespace iisid::report {
namespace {

TEST(ReportDocument, ProvenanceNamesVersionTimeAndInputs) {
    EXPECT_EQ(provenance({"0.2.0", {"a.iisid.json", "b.iisid.json"}, "2026-11-30 04:03 UTC"}),
              "Made by iisid 0.2.0 on 2026-11-30 04:03 UTC from a.iisid.json, b.iisid.json.");
    EXPECT_EQ(provenance({"0.2.0", {}, ""}), "Made by iisid 0.2.0.");
}

TEST(ReportDocument, FormatUtcIsMinutesInUtc) {
    EXPECT_EQ(formatUtc(0), "1970-01-01 00:00 UTC");
    EXPECT_EQ(formatUtc(1796000000), "2026-11-30 00:53 UTC");
}

TEST(ReportDocument, TextsJoinInOrder) {
    const Text text = plain("a") + code("b") + link("c", "https://example.org/");
    ASSERT_EQ(text.size(), 3u);
    EXPECT_EQ(text[1].style, Span::Style::Code);
    EXPECT_EQ(text[2].href, "https://example.org/");
}

TEST(ReportDocument, RedactionReachesEveryField) {
    const std::string secret = "password=hunter2";
    Document document;
    document.title = secret;
    document.meta = {"1", {"pwd=hunter2.config"}, "now"};
    document.blocks = {Heading{2, secret},
                       Paragraph{plain(secret) + link(secret, "https://x/?" + secret), Tone::Note},
                       List{false, {{plain(secret), code(secret)}}},
                       Table{{secret}, {{plain(secret)}}},
                       Figure{"<svg><text>" + secret + "</text></svg>", secret}};
    Document shown = document;
    redactDocument(document, false);
    redactDocument(shown, true);
    const auto holds = [](const Document &d, const std::string &needle) {
        std::string all = d.title + d.meta.inputs[0];
        for (const Block &block : d.blocks) {
            if (const auto *heading = std::get_if<Heading>(&block))
                all += heading->text;
            if (const auto *paragraph = std::get_if<Paragraph>(&block)) {
                for (const Span &span : paragraph->text)
                    all += span.text + span.href;
            }
            if (const auto *list = std::get_if<List>(&block)) {
                for (const Text &line : list->items[0])
                    all += line[0].text;
            }
            if (const auto *table = std::get_if<Table>(&block))
                all += table->header[0] + table->rows[0][0][0].text;
            if (const auto *figure = std::get_if<Figure>(&block))
                all += figure->svg + figure->caption;
        }
        return all.find(needle) != std::string::npos;
    };
    EXPECT_FALSE(holds(document, "hunter2"));
    EXPECT_TRUE(holds(document, "********"));
    EXPECT_TRUE(holds(shown, "hunter2"));
}

} // namespace
} // namespace iisid::report
