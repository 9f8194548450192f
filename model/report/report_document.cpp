#include "report_document.h"

#include "model/check/redact.h"

#include <ctime>

namespace iisid::report {

namespace {

Text one(Span::Style style, std::string text, std::string href = {}) {
    return Text{Span{style, std::move(text), std::move(href)}};
}

void redactText(std::string &text, bool show) {
    text = check::redact(text, show);
}

void redactSpans(Text &text, bool show) {
    for (Span &span : text) {
        redactText(span.text, show);
        redactText(span.href, show);
    }
}

struct BlockRedactor {
    bool show;
    void operator()(Heading &heading) const { redactText(heading.text, show); }
    void operator()(Paragraph &paragraph) const { redactSpans(paragraph.text, show); }
    void operator()(List &list) const {
        for (std::vector<Text> &item : list.items) {
            for (Text &line : item)
                redactSpans(line, show);
        }
    }
    void operator()(Table &table) const {
        for (std::string &cell : table.header)
            redactText(cell, show);
        for (std::vector<Text> &row : table.rows) {
            for (Text &cell : row)
                redactSpans(cell, show);
        }
    }
    void operator()(Figure &figure) const {
        redactText(figure.svg, show);
        redactText(figure.caption, show);
    }
    void operator()(PageBreak &) const {}
};

} // namespace

Text plain(std::string text) {
    return one(Span::Style::Plain, std::move(text));
}

Text strong(std::string text) {
    return one(Span::Style::Strong, std::move(text));
}

Text emphasis(std::string text) {
    return one(Span::Style::Emphasis, std::move(text));
}

Text code(std::string text) {
    return one(Span::Style::Code, std::move(text));
}

Text link(std::string text, std::string href) {
    return one(Span::Style::Link, std::move(text), std::move(href));
}

Text operator+(Text a, const Text &b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

void redactDocument(Document &document, bool show) {
    if (show)
        return;
    redactText(document.title, show);
    redactText(document.meta.toolVersion, show);
    redactText(document.meta.generatedAt, show);
    for (std::string &input : document.meta.inputs)
        redactText(input, show);
    for (Block &block : document.blocks)
        std::visit(BlockRedactor{show}, block);
}

std::string provenance(const ReportMeta &meta) {
    std::string out = "Made by iisid " + meta.toolVersion;
    if (!meta.generatedAt.empty())
        out += " on " + meta.generatedAt;
    if (!meta.inputs.empty()) {
        out += " from ";
        for (std::size_t i = 0; i < meta.inputs.size(); ++i)
            out += (i == 0 ? "" : ", ") + meta.inputs[i];
    }
    return out + ".";
}

std::string formatUtc(long long secondsSinceEpoch) {
    const std::time_t time = static_cast<std::time_t>(secondsSinceEpoch);
    std::tm parts{};
    gmtime_r(&time, &parts);
    char buffer[32] = {};
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M UTC", &parts);
    return buffer;
}

} // namespace iisid::report
