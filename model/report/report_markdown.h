#pragma once

#include "model/report/report_document.h"

#include <functional>
#include <string>

namespace iisid::report {

/// Where a figure's drawing lies beside the Markdown file: its address relative to the file
/// ("report-figure1.svg"), given the figure and its number (1, 2, ...); empty when it is
/// nowhere.
using FigureLink = std::function<std::string(const Figure &figure, int number)>;

/// The report as GitHub-flavoured Markdown (also what code-review tools render): headings,
/// pipe tables, lists; a PageBreak as a rule. Markdown has no inline drawing: a figure is an
/// image linked to where `figureLink` says its SVG lies, or, without one, its caption with a note
/// that the drawing is in the HTML and PDF forms of the report.
std::string toMarkdown(const Document &document, const FigureLink &figureLink = {});

} // namespace iisid::report
