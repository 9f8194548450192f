#pragma once

#include "model/report/report_document.h"

#include <string>

namespace iisid::report {

/// The report as GitHub-flavoured Markdown (also what code-review tools render): headings,
/// pipe tables, lists; a PageBreak as a rule. A figure has no inline form in Markdown: its caption
/// is kept with a note that the drawing is in the HTML and PDF forms of the report.
std::string toMarkdown(const Document &document);

} // namespace iisid::report
