#pragma once

// The command line's side of the reports (model/report): when a report was made, and the
// writer that a --format names.

#include "model/diagnostic.h"
#include "model/report/report_document.h"

#include <span>

#include <string>
#include <string_view>
#include <vector>

namespace iisid::cli {

/// The report's provenance: this program's version, the inputs as named, and the time now in
/// UTC, or the time SOURCE_DATE_EPOCH gives (the reproducible-builds convention: identical
/// inputs then give identical reports).
report::ReportMeta reportMeta(std::vector<std::string> inputs, const std::string &toolVersion);

/// True for the formats a report document is written in: "html", "markdown".
bool isReportFormat(std::string_view format);

/// The document in `format` (isReportFormat()).
std::string writeReport(const report::Document &document, std::string_view format);

/// Writes the document in `format` to `path`, atomically. Markdown has no inline drawing, so
/// its figures are written beside it as `<name>-figureN.svg` (atomically too) and linked, the
/// way the desktop program exports Markdown; HTML holds them inline. Refuses to write over one
/// of `inputs`.
Result<bool> writeReportFile(const report::Document &document, std::string_view format,
                             const std::string &path, std::span<const std::string> inputs);

} // namespace iisid::cli
