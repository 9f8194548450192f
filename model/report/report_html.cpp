#include "report_html.h"

#include "model/markup.h"

#include <string_view>

namespace iisid::report {

namespace {

// Print first: black on white, a page margin the browser applies to A4 and Letter alike, rows
// and figures never split across pages, headings kept with what follows them.
constexpr std::string_view styleSheet = R"css(
:root { color-scheme: light; }
body { font-family: "Segoe UI", system-ui, "DejaVu Sans", Arial, sans-serif; font-size: 11pt;
       line-height: 1.45; color: #1b1b1b; background: #fff; max-width: 62rem; margin: 2rem auto;
       padding: 0 1.2rem; }
header { border-bottom: 2px solid #2b4a6f; margin-bottom: 1.2em; }
h1 { font-size: 1.7em; margin: 0.1em 0 0.2em; }
h2 { font-size: 1.3em; margin: 1.5em 0 0.5em; border-bottom: 1px solid #ccd; padding-bottom: 0.1em;
     break-after: avoid; page-break-after: avoid; }
h3 { font-size: 1.1em; margin: 1.2em 0 0.4em; break-after: avoid; page-break-after: avoid; }
p { margin: 0.4em 0; }
.kind { text-transform: uppercase; letter-spacing: 0.08em; color: #4a5a70; font-size: 0.8em;
        margin: 0; }
.provenance { color: #4a5a70; font-size: 0.9em; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 0.9em; font-size: 0.92em; }
th, td { border: 1px solid #b8bfc9; padding: 0.3em 0.45em; text-align: left; vertical-align: top;
         overflow-wrap: break-word; }
td code, a { overflow-wrap: anywhere; }
th { background: #e9eef5; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
code { font-family: "Cascadia Mono", Consolas, "DejaVu Sans Mono", monospace; font-size: 0.92em;
       background: #f1f3f6; padding: 0 0.2em; border-radius: 3px; }
li { margin: 0.45em 0; }
li p { margin: 0.1em 0; }
.note { background: #f2f6fb; border-left: 4px solid #5b7fa8; padding: 0.4em 0.7em; }
.warning { background: #fff4e0; border-left: 4px solid #c77c00; padding: 0.4em 0.7em; }
tr.warning td { background: #fff4e0; }
figure { margin: 1em 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
figcaption { color: #4a5a70; font-size: 0.9em; text-align: center; margin-top: 0.3em; }
.page-break { break-before: page; page-break-before: always; height: 0; margin: 3em 0 1em;
              border-top: 2px dashed #b8bfc9; }
a { color: #0b57d0; }
@page { margin: 16mm 14mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
  a { color: #1b1b1b; }
  .page-break { margin: 0; border: 0; }
}
)css";

std::string spansHtml(const Text &text) {
    std::string out;
    for (const Span &span : text) {
        const std::string escaped = escapeHtml(span.text);
        switch (span.style) {
        case Span::Style::Plain:
            out += escaped;
            break;
        case Span::Style::Strong:
            out += "<strong>" + escaped + "</strong>";
            break;
        case Span::Style::Emphasis:
            out += "<em>" + escaped + "</em>";
            break;
        case Span::Style::Code:
            out += "<code>" + escaped + "</code>";
            break;
        case Span::Style::Link:
            out += "<a href=\"" + escapeHtml(span.href) + "\">" + escaped + "</a>";
            break;
        }
    }
    return out;
}

std::string_view toneClass(Tone tone) {
    switch (tone) {
    case Tone::Normal:
        return "";
    case Tone::Note:
        return " class=\"note\"";
    case Tone::Warning:
        return " class=\"warning\"";
    }
    return "";
}

/// The <svg> element of an SVG document: an XML declaration or DOCTYPE before it is not allowed
/// inside HTML.
std::string_view svgElement(std::string_view svg) {
    const std::size_t start = svg.find("<svg");
    return start == std::string_view::npos ? std::string_view{} : svg.substr(start);
}

/// Every id of a figure, and every reference to one, prefixed: two diagrams in one page (a
/// comparison, a handout) define the same ids, and HTML wants each id once.
std::string withOwnIds(std::string_view svg, const std::string &prefix) {
    std::string out(svg);
    for (const std::string_view from : {" id=\"", "url(#", "href=\"#"}) {
        const std::string to = std::string(from) + prefix;
        for (std::size_t at = out.find(from); at != std::string::npos;
             at = out.find(from, at + to.size()))
            out.replace(at, from.size(), to);
    }
    return out;
}

struct BlockWriter {
    std::string &out;
    int &figures;
    void operator()(const Heading &heading) const {
        const std::string tag = "h" + std::to_string(heading.level);
        out += "<" + tag + ">" + escapeHtml(heading.text) + "</" + tag + ">\n";
    }
    void operator()(const Paragraph &paragraph) const {
        out += "<p" + std::string(toneClass(paragraph.tone)) + ">" + spansHtml(paragraph.text) +
               "</p>\n";
    }
    void operator()(const List &list) const {
        const std::string tag = list.ordered ? "ol" : "ul";
        out += "<" + tag + ">\n";
        for (const std::vector<Text> &item : list.items) {
            out += "<li>";
            if (item.size() == 1) {
                out += spansHtml(item.front());
            } else {
                for (const Text &line : item)
                    out += "<p>" + spansHtml(line) + "</p>";
            }
            out += "</li>\n";
        }
        out += "</" + tag + ">\n";
    }
    void operator()(const Table &table) const {
        // The attributes give borders where no CSS applies (the PDF's rich-text renderer).
        out +=
            "<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"4\">\n<thead><tr>";
        for (const std::string &cell : table.header)
            out += "<th>" + escapeHtml(cell) + "</th>";
        out += "</tr></thead>\n<tbody>\n";
        for (const std::vector<Text> &row : table.rows) {
            out += "<tr>";
            for (const Text &cell : row)
                out += "<td>" + spansHtml(cell) + "</td>";
            out += "</tr>\n";
        }
        out += "</tbody>\n</table>\n";
    }
    void operator()(const Figure &figure) const {
        ++figures;
        out += "<figure>\n" +
               withOwnIds(svgElement(figure.svg), "figure" + std::to_string(figures) + "-") + "\n";
        if (!figure.caption.empty())
            out += "<figcaption>" + escapeHtml(figure.caption) + "</figcaption>\n";
        out += "</figure>\n";
    }
    void operator()(const PageBreak &) const { out += "<div class=\"page-break\"></div>\n"; }
};

} // namespace

std::string escapeHtml(std::string_view text) {
    return escapeMarkup(text);
}

std::string headerHtml(const Document &document) {
    std::string out;
    if (!document.kind.empty())
        out += "<p class=\"kind\">" + escapeHtml(document.kind) + "</p>\n";
    out += "<h1>" + escapeHtml(document.title) + "</h1>\n";
    out += "<p class=\"provenance\">" + escapeHtml(provenance(document.meta)) + "</p>\n";
    return out;
}

std::string blocksHtml(const std::vector<Block> &blocks) {
    std::string out;
    int figures = 0;
    for (const Block &block : blocks)
        std::visit(BlockWriter{out, figures}, block);
    return out;
}

std::string toHtml(const Document &document) {
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n";
    out += "<meta name=\"generator\" content=\"iisid " + escapeHtml(document.meta.toolVersion) +
           "\"/>\n";
    out += "<title>" + escapeHtml(document.title) + "</title>\n";
    out += "<style>" + std::string(styleSheet) + "</style>\n</head>\n<body>\n<header>\n";
    out += headerHtml(document);
    out += "</header>\n<main>\n" + blocksHtml(document.blocks) + "</main>\n</body>\n</html>\n";
    return out;
}

} // namespace iisid::report
