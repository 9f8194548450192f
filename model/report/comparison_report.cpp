#include "comparison_report.h"

#include "report_sections.h"

#include "model/result_fields.h"
#include "model/settings.h"

#include <algorithm>

namespace iisid::report {

namespace {

std::string titleOr(const ComparedSide &side, std::string_view otherwise) {
    return side.scenario.title.empty() ? std::string(otherwise) : side.scenario.title;
}

std::string sideName(const ComparedSide &side, std::string_view letter) {
    return std::string(letter) + (side.scenario.title.empty() ? "" : ": " + side.scenario.title);
}

bool changed(const Comparison &comparison, std::string_view field) {
    return std::any_of(comparison.identities.begin(), comparison.identities.end(),
                       [field](const IdentityChange &change) { return change.field == field; });
}

Table sideBySide(const ComparedSide &a, const ComparedSide &b, const Comparison &comparison) {
    Table table{{"Result", "A", "B", "Changed"}, {}};
    for (const std::string &field : resultFields()) {
        const std::optional<IdentityField> identity = identityField(field);
        const std::string_view none =
            identity ? fieldInfo(*identity).none : std::string_view(httpField.none);
        table.rows.push_back({plain(fieldLabel(field)),
                              valueText(fieldValue(a.resolution, field), none),
                              valueText(fieldValue(b.resolution, field), none),
                              changed(comparison, field) ? strong("changed") : plain("")});
    }
    return table;
}

void appendSide(std::vector<Block> &blocks, const ComparedSide &side, std::string_view letter) {
    blocks.push_back(Heading{2, sideName(side, letter)});
    if (!side.diagramSvg.empty())
        blocks.push_back(Figure{side.diagramSvg, "Request flow of " + std::string(letter)});
    blocks.push_back(stepsList(side.resolution));
}

} // namespace

Document comparisonReport(const ComparedSide &a, const ComparedSide &b,
                          const Comparison &comparison, const ReportMeta &meta) {
    Document document;
    document.title = titleOr(a, "A") + " / " + titleOr(b, "B");
    document.kind = "Comparison";
    document.meta = meta;
    std::vector<Block> &blocks = document.blocks;

    blocks.push_back(Paragraph{plain(comparison.summary), Tone::Note});
    blocks.push_back(Heading{2, "Results side by side"});
    blocks.push_back(Paragraph{strong("A") + plain(": " + titleOr(a, "the first scenario") + "; ") +
                                   strong("B") + plain(": " + titleOr(b, "the second scenario")),
                               Tone::Normal});
    blocks.push_back(sideBySide(a, b, comparison));

    blocks.push_back(Heading{2, "What changed and why"});
    if (comparison.identities.empty()) {
        blocks.push_back(Paragraph{plain("Nothing in the result changed."), Tone::Normal});
    } else {
        List list{false, {}};
        for (const IdentityChange &change : comparison.identities) {
            list.items.push_back({strong(fieldLabel(change.field) + ": ") +
                                      valueText(change.before, "(none)") + plain(" → ") +
                                      valueText(change.after, "(none)"),
                                  plain(change.why)});
        }
        blocks.push_back(std::move(list));
    }

    blocks.push_back(Heading{2, "Inputs that differ"});
    if (comparison.inputs.empty()) {
        blocks.push_back(
            Paragraph{plain("None: A and B have the same settings in effect."), Tone::Normal});
    } else {
        Table table{{"Setting", "Key", "A", "B"}, {}};
        for (const InputChange &input : comparison.inputs)
            table.rows.push_back({plain(input.label), code(input.settingId),
                                  code(displayValue(input.before)),
                                  code(displayValue(input.after))});
        blocks.push_back(std::move(table));
    }
    appendSide(blocks, a, "A");
    appendSide(blocks, b, "B");

    redactDocument(document, false);
    return document;
}

} // namespace iisid::report
