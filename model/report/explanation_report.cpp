#include "explanation_report.h"

#include "report_sections.h"

namespace iisid::report {

Document explanationReport(const Scenario &scenario, const Resolution &resolution,
                           const std::string &diagramSvg, const ReportMeta &meta) {
    Document document;
    document.title = scenario.title.empty() ? std::string("Explanation") : scenario.title;
    document.kind = "Explanation";
    document.meta = meta;
    std::vector<Block> &blocks = document.blocks;

    blocks.push_back(Heading{2, "Scenario"});
    if (!scenario.notes.empty())
        blocks.push_back(Paragraph{plain(scenario.notes), Tone::Note});
    blocks.push_back(Paragraph{
        plain("Every setting that has an effect on this request; the others are left out."),
        Tone::Normal});
    blocks.push_back(settingsTable(scenario));
    if (!diagramSvg.empty()) {
        blocks.push_back(Heading{2, "Request flow"});
        blocks.push_back(Figure{diagramSvg, "The request's path, with the tokens at each stage"});
    }
    blocks.push_back(Heading{2, "Steps"});
    blocks.push_back(stepsList(resolution));
    blocks.push_back(Heading{2, "Result"});
    blocks.push_back(resultTable(resolution));
    blocks.push_back(overallConfidence(resolution));
    appendWarningsAndUnknowns(blocks, resolution);

    redactDocument(document, false);
    return document;
}

} // namespace iisid::report
