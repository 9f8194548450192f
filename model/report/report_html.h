#pragma once

#include "model/report/report_document.h"

#include <string>
#include <vector>

namespace iisid::report {

/// The report as one self-contained HTML file: the style sheet inline, figures as inline SVG,
/// nothing fetched from anywhere (links to sources stay links). Well-formed XML as well as HTML
/// (every element closed, every attribute quoted), so any XML parser reads it. Prints on A4 and
/// Letter alike (the page size is the printer's), a PageBreak starting a new page.
std::string toHtml(const Document &document);

/// The document's head as an HTML fragment: kind, title (h1) and provenance().
std::string headerHtml(const Document &document);

/// Blocks as an HTML fragment, in the markup toHtml() uses (the desktop program renders the PDF
/// text from it, chunk by chunk between figures).
std::string blocksHtml(const std::vector<Block> &blocks);

/// `text` with &, <, > and " escaped.
std::string escapeHtml(std::string_view text);

} // namespace iisid::report
