#include "report_markdown.h"

#include <string_view>

namespace iisid::report {

namespace {

/// Characters with a meaning in Markdown are escaped, so an account such as CONTOSO\web_user or
/// a path such as *.aspx reads as written. Line breaks become spaces (a cell is one line).
std::string escapeMarkdown(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (std::string_view("\\`*_[]<>|#").find(c) != std::string_view::npos)
            out += '\\';
        out += c == '\n' ? ' ' : c;
    }
    return out;
}

/// A code span that holds any text: its fence is longer than any run of backticks inside. A
/// pipe is escaped as GitHub requires inside tables (it shows as a pipe).
std::string codeSpan(std::string_view text) {
    std::size_t longest = 0;
    std::size_t run = 0;
    for (const char c : text) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    const std::string fence(longest + 1, '`');
    std::string body;
    for (const char c : text) {
        if (c == '|')
            body += "\\|";
        else
            body += c == '\n' ? ' ' : c;
    }
    const bool pad = !body.empty() && (body.front() == '`' || body.back() == '`');
    return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
}

/// Emphasis markers must touch the text they mark: spaces at either end go outside them.
std::string marked(std::string_view marker, std::string_view text) {
    const std::size_t first = text.find_first_not_of(' ');
    if (first == std::string_view::npos)
        return std::string(text);
    const std::size_t last = text.find_last_not_of(' ');
    return std::string(text.substr(0, first)) + std::string(marker) +
           escapeMarkdown(text.substr(first, last - first + 1)) + std::string(marker) +
           std::string(text.substr(last + 1));
}

std::string spansMarkdown(const Text &text) {
    std::string out;
    for (const Span &span : text) {
        if (span.text.empty())
            continue;
        switch (span.style) {
        case Span::Style::Plain:
            out += escapeMarkdown(span.text);
            break;
        case Span::Style::Strong:
            out += marked("**", span.text);
            break;
        case Span::Style::Emphasis:
            out += marked("*", span.text);
            break;
        case Span::Style::Code:
            out += codeSpan(span.text);
            break;
        case Span::Style::Link: {
            // A bare address is an autolink, which holds parentheses and underscores as they are.
            if (span.text == span.href && span.href.find_first_of(" <>") == std::string::npos) {
                out += "<" + span.href + ">";
                break;
            }
            std::string href;
            for (const char c : span.href)
                href += c == ' '   ? std::string("%20")
                        : c == ')' ? std::string("%29")
                                   : std::string(1, c);
            out += "[" + escapeMarkdown(span.text) + "](" + href + ")";
            break;
        }
        }
    }
    return out;
}

struct BlockWriter {
    std::string &out;
    const FigureLink &figureLink;
    int &figures;
    void operator()(const Heading &heading) const {
        out += std::string(static_cast<std::size_t>(heading.level), '#') + " " +
               escapeMarkdown(heading.text) + "\n\n";
    }
    void operator()(const Paragraph &paragraph) const {
        out +=
            (paragraph.tone == Tone::Normal ? "" : "> ") + spansMarkdown(paragraph.text) + "\n\n";
    }
    void operator()(const List &list) const {
        int number = 0;
        for (const std::vector<Text> &item : list.items) {
            const std::string marker = list.ordered ? std::to_string(++number) + ". " : "- ";
            const std::string indent(marker.size(), ' ');
            for (std::size_t i = 0; i < item.size(); ++i)
                out += (i == 0 ? marker : indent) + spansMarkdown(item[i]) +
                       (i + 1 < item.size() ? "<br>\n" : "\n");
        }
        out += "\n";
    }
    void operator()(const Table &table) const {
        std::string head = "|";
        std::string rule = "|";
        for (const std::string &cell : table.header) {
            head += " " + escapeMarkdown(cell) + " |";
            rule += " --- |";
        }
        out += head + "\n" + rule + "\n";
        for (const std::vector<Text> &row : table.rows) {
            std::string line = "|";
            for (const Text &cell : row) {
                const std::string text = spansMarkdown(cell);
                line += " " + (text.empty() ? std::string(" ") : text) + " |";
            }
            out += line + "\n";
        }
        out += "\n";
    }
    void operator()(const Figure &figure) const {
        const std::string address = figureLink ? figureLink(figure, ++figures) : std::string();
        if (!address.empty()) {
            std::string escaped;
            for (const char c : address)
                escaped += c == ' ' ? std::string("%20") : std::string(1, c);
            out += "![" + escapeMarkdown(figure.caption.empty() ? "Figure" : figure.caption) +
                   "](" + escaped + ")\n\n";
            if (!figure.caption.empty())
                out += "*" + escapeMarkdown(figure.caption) + "*\n\n";
            return;
        }
        out += "> **" + escapeMarkdown(figure.caption.empty() ? "Figure" : figure.caption) +
               "**: drawn in the HTML and PDF forms of this report.\n\n";
    }
    void operator()(const PageBreak &) const { out += "---\n\n"; }
};

} // namespace

std::string toMarkdown(const Document &document, const FigureLink &figureLink) {
    std::string out = "# " + escapeMarkdown(document.title) + "\n\n";
    if (!document.kind.empty())
        out += "*" + escapeMarkdown(document.kind) + "* · ";
    out += escapeMarkdown(provenance(document.meta)) + "\n\n";
    int figures = 0;
    for (const Block &block : document.blocks)
        std::visit(BlockWriter{out, figureLink, figures}, block);
    while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n')
        out.pop_back();
    return out;
}

} // namespace iisid::report
