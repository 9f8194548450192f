#include "exportreportdialog.h"

#include "reportfiles.h"
#include "reportpdf.h"

#include "ui/window/QtText.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace iisid::ui {

namespace {

/// The formats offered, with the suffix each is written with.
struct FormatChoice {
    const char *label;
    const char *suffix;
    const char *filter;
};

constexpr FormatChoice formatChoices[] = {
    {QT_TRANSLATE_NOOP("ExportReportDialog", "HTML (one self-contained file)"), "html",
     QT_TRANSLATE_NOOP("ExportReportDialog", "HTML files (*.html *.htm)")},
    {QT_TRANSLATE_NOOP("ExportReportDialog", "PDF"), "pdf",
     QT_TRANSLATE_NOOP("ExportReportDialog", "PDF files (*.pdf)")},
    {QT_TRANSLATE_NOOP("ExportReportDialog", "Markdown"), "md",
     QT_TRANSLATE_NOOP("ExportReportDialog", "Markdown files (*.md)")},
};

} // namespace

ExportReportDialog::ExportReportDialog(report::Document document, QString baseName, QWidget *parent)
    : QDialog(parent)
    , m_document(std::move(document))
    , m_baseName(std::move(baseName)) {
    setWindowTitle(tr("Export Report"));
    resize(820, 760);

    m_format = new QComboBox(this);
    for (std::size_t i = 0; i < std::size(formatChoices); ++i)
        m_format->addItem(tr(formatChoices[i].label), static_cast<int>(i));
    m_format->setAccessibleName(tr("Report format"));

    m_preview = new QTextBrowser(this);
    m_preview->setOpenExternalLinks(true);
    m_preview->setAccessibleName(tr("Report preview"));
    m_preview->document()->setDefaultStyleSheet(richTextStyleSheet());
    m_preview->setHtml(previewHtml(m_document, m_preview->document()));

    auto *form = new QFormLayout;
    form->addRow(tr("&Format:"), m_format);
    auto *note = new QLabel(
        tr("Passwords and encrypted values are shown as ******** in every format."), this);
    note->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setText(tr("&Save…"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportReportDialog::chooseFileAndSave);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_preview, 1);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

void ExportReportDialog::chooseFileAndSave() {
    const FormatChoice &choice =
        formatChoices[static_cast<std::size_t>(m_format->currentData().toInt())];
    const QString suggested =
        QDir::home().filePath(m_baseName + QLatin1Char('.') + QLatin1String(choice.suffix));
    QString path =
        QFileDialog::getSaveFileName(this, tr("Export Report"), suggested, tr(choice.filter));
    if (path.isEmpty())
        return;
    if (!isReportFileName(path))
        path += QLatin1Char('.') + QLatin1String(choice.suffix);
    if (save(path))
        accept();
}

bool ExportReportDialog::save(const QString &path) {
    QString error;
    if (writeReportFile(m_document, path, &error))
        return true;
    QMessageBox::warning(this, tr("Export Report"),
                         tr("The report could not be written to %1:\n%2").arg(path, error));
    return false;
}

} // namespace iisid::ui
