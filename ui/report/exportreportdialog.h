#pragma once

#include "model/lesson.h"
#include "model/report/report_document.h"

#include <QDialog>

#include <vector>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTextBrowser;

namespace iisid::ui {

/// File > Export Report…: the report as it will read (a preview), the format to write it in
/// (HTML, Markdown, PDF), and Save, which asks where and writes it.
class ExportReportDialog : public QDialog {
    Q_OBJECT
public:
    /// `baseName` is the file name offered, without suffix ("double-hop").
    ExportReportDialog(report::Document document, QString baseName, QWidget *parent = nullptr);
    /// A lesson handout: a checkable list of `lessons` (those at `checked` ticked) above the
    /// preview; the handout holds the ticked lessons, and Save waits for at least one.
    ExportReportDialog(std::vector<iisid::Lesson> lessons, const std::vector<int> &checked,
                       QWidget *parent = nullptr);

    /// Says under the preview that secrets are shown in this report (the check view's "Show
    /// secrets" is on) instead of that they are masked.
    void setSecretsShown(bool shown);

    /// The preview, for tests and screen readers.
    QTextBrowser *preview() const { return m_preview; }
    /// The handout's lessons to tick; nullptr for another report.
    QListWidget *lessonList() const { return m_lessonList; }
    const report::Document &document() const { return m_document; }

    /// Writes the report to `path` in the format its suffix names; shows the error, if any.
    bool save(const QString &path);

private:
    void createWidgets();
    void showDocument();
    void makeHandout();
    void chooseFileAndSave();

    report::Document m_document;
    QString m_baseName;
    QComboBox *m_format = nullptr;
    QTextBrowser *m_preview = nullptr;
    QLabel *m_note = nullptr;
    QPushButton *m_save = nullptr;
    std::vector<iisid::Lesson> m_lessons; // the handout's choice; empty for another report
    QListWidget *m_lessonList = nullptr;
};

} // namespace iisid::ui
