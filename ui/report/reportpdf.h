#pragma once

#include "model/report/report_document.h"

#include <QString>

class QTextDocument;

namespace iisid::ui {

/// Writes the report as a PDF: every text real, selectable text (laid out by QTextDocument from
/// the model's HTML), every figure drawn as vectors (QSvgRenderer onto the PDF's painter), and a
/// new page at each PageBreak. A4, or Letter where the locale measures in inches. Returns false
/// with `error` set when the file cannot be written.
bool writeReportPdf(const report::Document &document, const QString &path, QString *error);

/// The style the rich-text renderer (QTextDocument: the PDF and the preview) gives the model's
/// HTML, which uses only what that renderer understands.
QString richTextStyleSheet();

/// The report as rich text for a preview: the model's HTML with each figure as an image
/// resource of `target` (QTextDocument does not draw SVG), added to `target` here.
QString previewHtml(const report::Document &document, QTextDocument *target);

} // namespace iisid::ui
