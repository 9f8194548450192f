#pragma once

#include "model/report/report_document.h"

#include <QDialog>

class QComboBox;
class QTextBrowser;

namespace iisid::ui {

/// File > Export Report…: the report as it will read (a preview), the format to write it in
/// (HTML, Markdown, PDF), and Save, which asks where and writes it.
class ExportReportDialog : public QDialog {
    Q_OBJECT
public:
    /// `baseName` is the file name offered, without suffix ("double-hop").
    ExportReportDialog(report::Document document, QString baseName, QWidget *parent = nullptr);

    /// The preview, for tests and screen readers.
    QTextBrowser *preview() const { return m_preview; }

    /// Writes the report to `path` in the format its suffix names; shows the error, if any.
    bool save(const QString &path);

private:
    void chooseFileAndSave();

    report::Document m_document;
    QString m_baseName;
    QComboBox *m_format = nullptr;
    QTextBrowser *m_preview = nullptr;
};

} // namespace iisid::ui
