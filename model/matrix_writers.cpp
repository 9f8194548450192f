// The identity matrix's writers: text, Markdown, HTML, CSV and JSON (matrix.h).

#include "matrix.h"

#include "explanation.h"
#include "markup.h"
#include "result_fields.h"
#include "settings.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <functional>

namespace iisid {

namespace {

/// The reasons of the cells that are not resolved, numbered in reading order, each once.
class Notes {
public:
    explicit Notes(const Matrix &matrix) {
        for (const std::vector<MatrixCell> &line : matrix.cells) {
            for (const MatrixCell &cell : line) {
                if (cell.state != CellState::Resolved && number(cell) == 0)
                    m_texts.push_back(cell.reason);
            }
        }
    }
    /// 1-based; 0 for a resolved cell.
    std::size_t number(const MatrixCell &cell) const {
        if (cell.state == CellState::Resolved)
            return 0;
        const auto found = std::find(m_texts.begin(), m_texts.end(), cell.reason);
        return found == m_texts.end() ? 0 : static_cast<std::size_t>(found - m_texts.begin()) + 1;
    }
    const std::vector<std::string> &texts() const { return m_texts; }

private:
    std::vector<std::string> m_texts;
};

/// The cell as the text and Markdown tables show it: mark, summary, note number.
std::string cellText(const MatrixCell &cell, const Notes &notes) {
    std::string out = cell.differsFromLeft ? std::string(differsMark) + " " : std::string();
    out += cellSummary(cell);
    if (const std::size_t note = notes.number(cell))
        out += " [" + std::to_string(note) + "]";
    return out;
}

std::string corner(const Matrix &matrix) {
    return matrix.rows.label + " \\ " + matrix.columns.label;
}

std::string axesLine(const Matrix &matrix,
                     const std::function<std::string(const MatrixSide &)> &side) {
    return "Rows: " + side(matrix.rows) + ". Columns: " + side(matrix.columns) + ".";
}

std::string cellsLegend() {
    return "Each cell: " + std::string(httpField.label) + " · " +
           std::string(fieldInfo(IdentityField::Code).label) + ".";
}

/// Said under the table when a cell carries a confidence mark (cellSummary()), else "".
std::string confidenceLegend(const Matrix &matrix) {
    for (const std::vector<MatrixCell> &line : matrix.cells) {
        for (const MatrixCell &cell : line) {
            if (cell.state == CellState::Resolved && cell.confidence != Confidence::Confirmed)
                return confidenceMark(Confidence::Partial) + ", " +
                       confidenceMark(Confidence::Unconfirmed) + ", " +
                       confidenceMark(Confidence::Conflict) +
                       ": the reference is not sure of a rule the cell rests on; iisid explain "
                       "with the cell's two settings shows which.";
        }
    }
    return {};
}

/// Characters as a terminal counts them: UTF-8 continuation bytes take no column.
std::size_t columns(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

std::string padded(const std::string &text, std::size_t width) {
    return text + std::string(width - std::min(width, columns(text)), ' ');
}

/// Markdown table text: a pipe would end the cell, and a backslash before punctuation would
/// escape it ("CONTOSO\*"); other backslashes, as in "NT AUTHORITY\IUSR", stay as written.
std::string markdownEscaped(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '|')
            out += "\\|";
        else if (c == '<')
            out += "&lt;";
        else if (c == '\\' && i + 1 < text.size() &&
                 std::ispunct(static_cast<unsigned char>(text[i + 1])))
            out += "\\\\";
        else
            out += c;
    }
    return out;
}

/// Markup-escaped, and line breaks as &#10; so that a title attribute keeps them.
std::string htmlEscaped(std::string_view text) {
    std::string out;
    for (const char c : escapeMarkup(text)) {
        if (c == '\n')
            out += "&#10;";
        else
            out += c;
    }
    return out;
}

/// RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled.
std::string csvField(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos)
        return std::string(text);
    std::string out = "\"";
    for (char c : text)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string_view stateName(CellState state) {
    switch (state) {
    case CellState::Resolved:
        return "resolved";
    case CellState::Invalid:
        return "invalid";
    case CellState::Inactive:
        return "inactive";
    }
    return "invalid";
}

const char *const htmlStyle = R"(body{font-family:system-ui,sans-serif;margin:24px;color:#1a1a1a}
h1{font-size:1.3em;margin-bottom:.3em}
p{margin:.3em 0}
table{border-collapse:collapse;margin:12px 0}
th,td{border:1px solid #9a9a9a;padding:6px 10px;text-align:left;vertical-align:top}
thead th{background:#e8ecf2}
tbody th{background:#f2f4f7;font-weight:600}
th.corner{font-weight:normal;font-style:italic}
td .http{font-family:ui-monospace,monospace;font-weight:600}
td .code{display:block}
td.differs{background:#fff4d6;border-left:4px solid #a85a00}
.mark{color:#a85a00;font-weight:700;margin-right:4px}
td.na{background:#f0f0f0;color:#555;font-style:italic}
.confidence{color:#a00000;font-weight:600}
.legend td{border:none;padding:2px 8px}
)";

} // namespace

std::string matrixText(const Matrix &matrix) {
    const Notes notes(matrix);
    std::vector<std::vector<std::string>> grid;
    std::vector<std::string> &head = grid.emplace_back(1, corner(matrix));
    for (const MatrixHeading &heading : matrix.columns.headings)
        head.push_back(heading.label);
    for (std::size_t r = 0; r < matrix.cells.size(); ++r) {
        std::vector<std::string> &line = grid.emplace_back(1, matrix.rows.headings[r].label);
        for (const MatrixCell &cell : matrix.cells[r])
            line.push_back(cellText(cell, notes));
    }
    std::vector<std::size_t> widths(grid.front().size(), 0);
    for (const std::vector<std::string> &line : grid) {
        for (std::size_t c = 0; c < line.size(); ++c)
            widths[c] = std::max(widths[c], columns(line[c]));
    }
    std::string out = "Identity matrix: " + matrix.title + "\n";
    out += axesLine(matrix,
                    [](const MatrixSide &side) { return side.label + " (" + side.key + ")"; }) +
           "\n\n";
    for (std::size_t r = 0; r < grid.size(); ++r) {
        std::string text;
        for (std::size_t c = 0; c < grid[r].size(); ++c)
            text += (c == 0 ? "" : " | ") + padded(grid[r][c], widths[c]);
        text.erase(text.find_last_not_of(' ') + 1);
        out += text + "\n";
        if (r == 0) {
            for (std::size_t c = 0; c < widths.size(); ++c)
                out += (c == 0 ? "" : "-+-") + std::string(widths[c], '-');
            out += "\n";
        }
    }
    out += "\n" + cellsLegend() + " " + std::string(differsLegend) + ".\n";
    if (const std::string confidence = confidenceLegend(matrix); !confidence.empty())
        out += confidence + "\n";
    for (std::size_t i = 0; i < notes.texts().size(); ++i)
        out += "[" + std::to_string(i + 1) + "] " + notes.texts()[i] + "\n";
    return out;
}

std::string matrixMarkdown(const Matrix &matrix) {
    const Notes notes(matrix);
    std::string out = "# Identity matrix: " + markdownEscaped(matrix.title) + "\n\n";
    out += axesLine(matrix,
                    [](const MatrixSide &side) {
                        return "**" + markdownEscaped(side.label) + "** (`" + side.key + "`)";
                    }) +
           "\n\n";
    out += "| " + markdownEscaped(corner(matrix)) + " |";
    for (const MatrixHeading &heading : matrix.columns.headings)
        out += " " + markdownEscaped(heading.label) + " |";
    out += "\n|---|";
    for (std::size_t c = 0; c < matrix.columns.headings.size(); ++c)
        out += "---|";
    out += "\n";
    for (std::size_t r = 0; r < matrix.cells.size(); ++r) {
        out += "| **" + markdownEscaped(matrix.rows.headings[r].label) + "** |";
        for (const MatrixCell &cell : matrix.cells[r])
            out += " " + markdownEscaped(cellText(cell, notes)) + " |";
        out += "\n";
    }
    out += "\n" + cellsLegend() + " " + std::string(differsLegend) + ".\n";
    if (const std::string confidence = confidenceLegend(matrix); !confidence.empty())
        out += "\n" + markdownEscaped(confidence) + "\n";
    if (!notes.texts().empty())
        out += "\n";
    for (std::size_t i = 0; i < notes.texts().size(); ++i)
        out += std::to_string(i + 1) + ". " + markdownEscaped(notes.texts()[i]) + "\n";
    return out;
}

std::string matrixHtml(const Matrix &matrix) {
    const Notes notes(matrix);
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<title>Identity matrix: " + htmlEscaped(matrix.title) + "</title>\n";
    out += "<style>\n" + std::string(htmlStyle) + "</style>\n</head>\n<body>\n";
    out += "<h1>Identity matrix: " + htmlEscaped(matrix.title) + "</h1>\n";
    out += "<p>" +
           axesLine(matrix,
                    [](const MatrixSide &side) {
                        return "<strong>" + htmlEscaped(side.label) + "</strong> (<code>" +
                               htmlEscaped(side.key) + "</code>)";
                    }) +
           "</p>\n";
    out += "<table>\n<thead>\n<tr><th scope=\"col\" class=\"corner\">" +
           htmlEscaped(corner(matrix)) + "</th>";
    for (const MatrixHeading &heading : matrix.columns.headings)
        out += "<th scope=\"col\">" + htmlEscaped(heading.label) + "</th>";
    out += "</tr>\n</thead>\n<tbody>\n";
    for (std::size_t r = 0; r < matrix.cells.size(); ++r) {
        out += "<tr><th scope=\"row\">" + htmlEscaped(matrix.rows.headings[r].label) + "</th>";
        for (const MatrixCell &cell : matrix.cells[r]) {
            std::string classes = cell.state == CellState::Resolved ? "" : "na";
            if (cell.differsFromLeft)
                classes += classes.empty() ? "differs" : " differs";
            out += "<td" + (classes.empty() ? std::string() : " class=\"" + classes + "\"") +
                   " title=\"" + htmlEscaped(cellDetail(cell)) + "\">";
            if (cell.differsFromLeft)
                out += "<span class=\"mark\" title=\"differs from the cell to its left\">" +
                       std::string(differsMark) + "</span>";
            if (cell.state == CellState::Resolved) {
                out +=
                    "<span class=\"http\">" +
                    htmlEscaped(cell.http ? cell.http->toString() : std::string(httpField.none)) +
                    "</span><span class=\"code\">" +
                    htmlEscaped(
                        cell.code.value_or(std::string(fieldInfo(IdentityField::Code).none))) +
                    "</span>";
                if (cell.confidence != Confidence::Confirmed)
                    out += "<span class=\"confidence\">" +
                           htmlEscaped(confidenceMark(cell.confidence)) + "</span>";
            } else {
                out += htmlEscaped(cellSummary(cell)) + " <sup>" +
                       std::to_string(notes.number(cell)) + "</sup>";
            }
            out += "</td>";
        }
        out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
    out += "<table class=\"legend\"><tr><td><span class=\"mark\">" + std::string(differsMark) +
           "</span></td><td>" + htmlEscaped(differsLegend.substr(differsMark.size() + 1)) +
           "; such cells are also shaded and edged.</td></tr>\n";
    out += "<tr><td></td><td>" + htmlEscaped(cellsLegend()) +
           " Hover a cell for the child process and network identity.</td></tr>\n";
    if (const std::string confidence = confidenceLegend(matrix); !confidence.empty())
        out += "<tr><td></td><td>" + htmlEscaped(confidence) + "</td></tr>\n";
    out += "</table>\n";
    if (!notes.texts().empty()) {
        out += "<ol class=\"notes\">\n";
        for (const std::string &text : notes.texts())
            out += "<li>" + htmlEscaped(text) + "</li>\n";
        out += "</ol>\n";
    }
    out += "</body>\n</html>\n";
    return out;
}

std::string matrixCsv(const Matrix &matrix) {
    const auto line = [](const std::vector<std::string> &fields) {
        std::string out;
        for (const std::string &field : fields)
            out += (out.empty() ? "" : ",") + csvField(field);
        return out + "\r\n";
    };
    const auto label = [](IdentityField field) { return std::string(fieldInfo(field).label); };
    std::string out =
        line({matrix.rows.label, matrix.columns.label, "State", std::string(httpField.label),
              label(IdentityField::Code), label(IdentityField::Child),
              label(IdentityField::Network), "Confidence", "Differs from left", "Reason"});
    for (std::size_t r = 0; r < matrix.cells.size(); ++r) {
        for (std::size_t c = 0; c < matrix.cells[r].size(); ++c) {
            const MatrixCell &cell = matrix.cells[r][c];
            const bool resolved = cell.state == CellState::Resolved;
            out += line({matrix.rows.headings[r].label, matrix.columns.headings[c].label,
                         std::string(stateName(cell.state)),
                         cell.http ? cell.http->toString() : std::string(), cell.code.value_or(""),
                         cell.child.value_or(""), cell.network.value_or(""),
                         resolved ? std::string(toString(cell.confidence)) : std::string(),
                         cell.differsFromLeft ? "true" : "false", cell.reason});
        }
    }
    return out;
}

std::string matrixJson(const Matrix &matrix) {
    using Json = nlohmann::ordered_json;
    const auto optional = [](const std::optional<std::string> &value) {
        return value ? Json(*value) : Json(nullptr);
    };
    const auto side = [](const MatrixSide &s) {
        Json values = Json::array();
        for (const MatrixHeading &heading : s.headings)
            values.push_back(Json{{"value", heading.value}, {"label", heading.label}});
        return Json{{"key", s.key}, {"label", s.label}, {"values", values}};
    };
    Json cells = Json::array();
    for (const std::vector<MatrixCell> &line : matrix.cells) {
        Json row = Json::array();
        for (const MatrixCell &cell : line) {
            Json item;
            item["state"] = stateName(cell.state);
            item["http"] =
                cell.http ? Json{{"status", cell.http->status}, {"subStatus", cell.http->subStatus}}
                          : Json(nullptr);
            item["code"] = optional(cell.code);
            item["child"] = optional(cell.child);
            item["network"] = optional(cell.network);
            item["confidence"] =
                cell.state == CellState::Resolved ? Json(toString(cell.confidence)) : Json(nullptr);
            item["differsFromLeft"] = cell.differsFromLeft;
            item["reason"] = cell.reason.empty() ? Json(nullptr) : Json(cell.reason);
            row.push_back(std::move(item));
        }
        cells.push_back(std::move(row));
    }
    Json root{{"format", "iisid-matrix/1"},
              {"title", matrix.title},
              {"rows", side(matrix.rows)},
              {"columns", side(matrix.columns)},
              {"cells", cells}};
    return root.dump(2) + "\n";
}

} // namespace iisid
