#pragma once

#include "model/diagnostic.h"
#include "model/lesson.h"
#include "model/report/report_document.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace iisid::ui {

/// The report's provenance for the desktop program: its version, the inputs as named, and the
/// time now in UTC (or SOURCE_DATE_EPOCH's, as the command line does).
report::ReportMeta reportMeta(const QStringList &inputs);

struct CheckOutcome;

/// The check shown in the check view as the model's check report (report::checkDocument): the
/// checked paths are its inputs, the folder mappings the check used its assumptions (the desktop
/// program gives no --iis-version: the version is the one detected). Secrets are redacted unless
/// `showSecrets`.
report::Document checkReport(const CheckOutcome &outcome, const QStringList &paths,
                             bool showSecrets);

/// A trainer's handout of these lessons (report::lessonHandout), each resolved with its diagram;
/// its input is "N bundled lessons".
report::Document handoutReport(const std::vector<Lesson> &lessons);

/// True for a file name the reports are written as: .html (.htm), .md (.markdown), .pdf.
bool isReportFileName(const QString &path);

/// Writes the report in the format its suffix names (isReportFileName()): HTML and Markdown as
/// the model writes them, atomically (Markdown with each figure beside it as NAME-figureN.svg,
/// linked); PDF by writeReportPdf(). False with `error` set on failure.
bool writeReportFile(const report::Document &document, const QString &path, QString *error);

/// Reads the files and makes the report they call for (report::reportFromFiles).
Result<report::Document> reportFromPaths(const QStringList &paths);

} // namespace iisid::ui
