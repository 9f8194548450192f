#pragma once

// A report as plain data: a title, who made it from what and when, and a list of blocks
// (headings, paragraphs, lists, tables, figures, page breaks). The builders (explanation_report.h,
// comparison_report.h, check_report_document.h, lesson_handout.h) decide what a report says; the
// writers (report_html.h, report_markdown.h, and the desktop program's PDF) only decide how it
// looks, so the formats cannot say different things.

#include <string>
#include <variant>
#include <vector>

namespace iisid::report {

/// Who made a report, from what, and when. The time is passed in (formatUtc()), so that a
/// report is a function of its inputs and tests can compare it exactly.
struct ReportMeta {
    std::string toolVersion;         // "0.2.0"
    std::vector<std::string> inputs; // the files as the user named them
    std::string generatedAt;         // "2026-11-30 04:03 UTC"
};

/// A run of text with one style. A Link's text is shown and its href followed.
struct Span {
    enum class Style { Plain, Strong, Emphasis, Code, Link };
    Style style = Style::Plain;
    std::string text;
    std::string href; // Link only
};

/// Text made of spans; the writers escape it for their format.
using Text = std::vector<Span>;

Text plain(std::string text);
Text strong(std::string text);
Text emphasis(std::string text);
Text code(std::string text);
Text link(std::string text, std::string href);
/// `a` followed by `b`.
Text operator+(Text a, const Text &b);

/// How a paragraph or a table row stands out: warnings and failures are marked in every format.
enum class Tone { Normal, Note, Warning };

struct Heading {
    int level = 2; // 1 is the document's title; 2 a section; 3 a subsection
    std::string text;
};

struct Paragraph {
    Text text;
    Tone tone = Tone::Normal;
};

/// A list whose items are one or more lines (a step: its head, its text, its tokens, ...).
struct List {
    bool ordered = false;
    std::vector<std::vector<Text>> items;
};

struct Table {
    std::vector<std::string> header;
    std::vector<std::vector<Text>> rows; // each as wide as the header
};

/// A drawing as SVG text (the request-flow diagram, model/diagram); drawn as vectors in HTML
/// and PDF. Markdown has no inline drawing: it shows the caption and says where the picture is.
struct Figure {
    std::string svg;
    std::string caption;
};

/// What follows starts on a new page when printed (a lesson's answer after its question).
struct PageBreak {
    friend bool operator==(PageBreak, PageBreak) = default;
};

using Block = std::variant<Heading, Paragraph, List, Table, Figure, PageBreak>;

struct Document {
    std::string title;
    std::string kind; // "Explanation", "Comparison", "Configuration check", "Lesson handout"
    ReportMeta meta;
    std::vector<Block> blocks;
};

/// Every text of the document (title, meta, spans, links, headers, captions and the figures'
/// SVG) through check::redact(…, show): no field of any report can be forgotten.
void redactDocument(Document &document, bool show);

/// "Made by iisid 0.2.0 on 2026-11-30 04:03 UTC from a.iisid.json, b.iisid.json." — the line
/// every format prints under the title.
std::string provenance(const ReportMeta &meta);

/// "2026-11-30 04:03 UTC" for seconds since the epoch.
std::string formatUtc(long long secondsSinceEpoch);

} // namespace iisid::report
