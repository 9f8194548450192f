#include "exportreportdialog.h"

#include "reportfiles.h"
#include "reportpdf.h"

#include "ui/window/QtText.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

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
    createWidgets();
    showDocument();
}

ExportReportDialog::ExportReportDialog(std::vector<Lesson> lessons, const std::vector<int> &checked,
                                       QWidget *parent)
    : QDialog(parent)
    , m_baseName(QStringLiteral("handout"))
    , m_lessons(std::move(lessons)) {
    setWindowTitle(tr("Export Lesson Handout"));
    m_lessonList = new QListWidget(this);
    m_lessonList->setAccessibleName(tr("Lessons in the handout"));
    for (std::size_t i = 0; i < m_lessons.size(); ++i) {
        auto *item = new QListWidgetItem(toQString(m_lessons[i].title), m_lessonList);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        const bool on =
            std::find(checked.begin(), checked.end(), static_cast<int>(i)) != checked.end();
        item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    }
    // Room for a few titles; the preview keeps the most.
    m_lessonList->setMaximumHeight(m_lessonList->sizeHintForRow(0) * 6 +
                                   2 * m_lessonList->frameWidth());
    createWidgets();
    makeHandout();
    connect(m_lessonList, &QListWidget::itemChanged, this, &ExportReportDialog::makeHandout);
}

void ExportReportDialog::createWidgets() {
    if (windowTitle().isEmpty())
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

    auto *form = new QFormLayout;
    if (m_lessonList) {
        auto *all = new QPushButton(tr("&All"), this);
        auto *none = new QPushButton(tr("&None"), this);
        all->setObjectName(QStringLiteral("allLessons"));
        none->setObjectName(QStringLiteral("noLessons"));
        auto tickAll = [this](Qt::CheckState state) {
            // One handout for the whole change, not one per lesson.
            const QSignalBlocker blocker(m_lessonList);
            for (int row = 0; row < m_lessonList->count(); ++row)
                m_lessonList->item(row)->setCheckState(state);
            makeHandout();
        };
        connect(all, &QPushButton::clicked, this, [tickAll] { tickAll(Qt::Checked); });
        connect(none, &QPushButton::clicked, this, [tickAll] { tickAll(Qt::Unchecked); });
        auto *buttons = new QVBoxLayout;
        buttons->addWidget(all);
        buttons->addWidget(none);
        buttons->addStretch(1);
        auto *row = new QHBoxLayout;
        row->addWidget(m_lessonList, 1);
        row->addLayout(buttons);
        auto *label = new QLabel(tr("&Lessons:"), this);
        label->setBuddy(m_lessonList);
        form->addRow(label, row);
    }
    form->addRow(tr("&Format:"), m_format);
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    setSecretsShown(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setText(tr("&Save…"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportReportDialog::chooseFileAndSave);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_note);
    layout->addWidget(buttons);
}

void ExportReportDialog::setSecretsShown(bool shown) {
    m_note->setText(
        shown ? tr("<b>Secrets are shown in this report</b>, as the check view shows them: "
                   "keep the file as safe as the configuration.")
              : tr("Passwords and encrypted values are shown as ******** in every format."));
}

void ExportReportDialog::showDocument() {
    m_preview->setHtml(previewHtml(m_document, m_preview->document()));
}

void ExportReportDialog::makeHandout() {
    std::vector<Lesson> chosen;
    for (int row = 0; row < m_lessonList->count(); ++row)
        if (m_lessonList->item(row)->checkState() == Qt::Checked)
            chosen.push_back(m_lessons[static_cast<std::size_t>(row)]);
    m_save->setEnabled(!chosen.empty());
    if (chosen.empty()) {
        m_document = {};
        m_preview->setHtml(tr("<p>Tick the lessons the handout holds.</p>"));
        return;
    }
    m_document = handoutReport(chosen);
    showDocument();
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
