// The desktop program's reports: the PDF (real text, vector diagrams, a page per lesson answer,
// no secrets), the Export Report dialog's preview and save, and `iisid-gui --export-report`.

#include "UiTestApp.h"

#include "model/diagram/diagram_svg.h"
#include "model/lesson.h"
#include "model/report/explanation_report.h"
#include "model/report/lesson_handout.h"
#include "model/resolver.h"
#include "ui/report/exportreportdialog.h"
#include "ui/report/reportfiles.h"
#include "ui/report/reportpdf.h"
#include "ui/window/MainWindow.h"
#include "ui/window/QtText.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTimer>

#include <gtest/gtest.h>

namespace iisid::ui {
namespace {

report::ReportMeta meta() {
    return {"9.9.9", {"test"}, "2026-11-30 04:03 UTC"};
}

report::HandoutLesson bundled(const QString &name) {
    QFile file(QStringLiteral(IISID_SOURCE_DIR "/resources/lessons/") + name);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << toStdString(name);
    const QByteArray bytes = file.readAll();
    Result<Lesson> lesson = readLesson(bytes.toStdString(), toStdString(name));
    EXPECT_TRUE(lesson);
    Resolution resolution = resolve(lesson.value().scenario);
    std::string svg = diagram::toSvg(resolution);
    return {lesson.value(), std::move(resolution), std::move(svg)};
}

report::Document explanationWithSecret() {
    Scenario scenario;
    scenario.title = "Report with a secret";
    scenario.notes = "Connection string: Server=db;Password=hunter2;";
    scenario.handler.kind = HandlerKind::Cgi;
    const Resolution resolution = resolve(scenario);
    return report::explanationReport(scenario, resolution, diagram::toSvg(resolution), meta());
}

QByteArray readAll(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// The PDF's pages as text (pdftotext, poppler-utils), or empty when pdftotext is missing.
QStringList pdfPages(const QString &path) {
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (tool.isEmpty())
        return {};
    QProcess process;
    process.start(tool, {QStringLiteral("-layout"), path, QStringLiteral("-")});
    process.waitForFinished(30000);
    QStringList pages = QString::fromUtf8(process.readAllStandardOutput()).split(QLatin1Char('\f'));
    if (!pages.isEmpty() && pages.last().trimmed().isEmpty())
        pages.removeLast();
    return pages;
}

/// Pages counted from the PDF's own page objects (no tool needed).
int pdfPageCount(const QByteArray &pdf) {
    return static_cast<int>(pdf.count("/Type /Page\n") + pdf.count("/Type /Page\r") +
                            pdf.count("/Type /Page ") + pdf.count("/Type /Page>") +
                            pdf.count("/Type/Page\n") + pdf.count("/Type/Page/"));
}

class UiReport : public ::testing::Test {
protected:
    void SetUp() override {
        test::application();
        ASSERT_TRUE(m_dir.isValid());
    }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

TEST_F(UiReport, LessonHandoutPdfHasAPagePerAnswer) {
    const report::Document handout =
        report::lessonHandout({bundled(QStringLiteral("01-wrong-iusr-password.json")),
                               bundled(QStringLiteral("03-cgi-502-perl.json"))},
                              meta());
    const QString file = path(QStringLiteral("handout.pdf"));
    QString error;
    ASSERT_TRUE(writeReportPdf(handout, file, &error)) << toStdString(error);
    const QByteArray pdf = readAll(file);
    ASSERT_TRUE(pdf.startsWith("%PDF-"));
    EXPECT_EQ(pdf.count("/Subtype /Image"), 0) << "the diagrams are vectors, not pictures";
    const QStringList pages = pdfPages(file);
    if (pages.isEmpty())
        GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    ASSERT_GE(pages.size(), 3);
    EXPECT_TRUE(pages.first().contains(QStringLiteral("Made by iisid 9.9.9")));
    int answerPages = 0;
    for (const QString &page : pages) {
        const bool answer1 = page.contains(QStringLiteral("Answer 1:"));
        const bool answer2 = page.contains(QStringLiteral("Answer 2:"));
        EXPECT_FALSE(answer1 && answer2) << "two answers share a page";
        answerPages += answer1 || answer2 ? 1 : 0;
        EXPECT_FALSE(page.contains(QChar(0x2026))) << "a text was cut with …";
    }
    EXPECT_EQ(answerPages, 2);
    // The questions come first, before any answer's page.
    EXPECT_FALSE(pages.first().contains(QStringLiteral("Answer 1:")));
}

TEST_F(UiReport, ExplanationPdfHasRealTextAndNoSecret) {
    const QString file = path(QStringLiteral("explanation.pdf"));
    QString error;
    ASSERT_TRUE(writeReportFile(explanationWithSecret(), file, &error)) << toStdString(error);
    const QByteArray pdf = readAll(file);
    EXPECT_GE(pdfPageCount(pdf), 1);
    const QStringList pages = pdfPages(file);
    if (pages.isEmpty())
        GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    const QString text = pages.join(QLatin1Char('\n'));
    EXPECT_TRUE(text.contains(QStringLiteral("Report with a secret")));
    EXPECT_TRUE(text.contains(QStringLiteral("Steps")));
    EXPECT_TRUE(text.contains(QStringLiteral("php-cgi")) || text.contains(QStringLiteral("CGI")));
    EXPECT_TRUE(text.contains(QStringLiteral("Password=********")));
    EXPECT_FALSE(text.contains(QStringLiteral("hunter2")));
}

TEST_F(UiReport, HtmlAndMarkdownFilesAreTheModelsText) {
    const report::Document document = explanationWithSecret();
    QString error;
    ASSERT_TRUE(writeReportFile(document, path(QStringLiteral("r.html")), &error));
    ASSERT_TRUE(writeReportFile(document, path(QStringLiteral("r.md")), &error));
    EXPECT_TRUE(readAll(path(QStringLiteral("r.html"))).startsWith("<!DOCTYPE html>"));
    EXPECT_TRUE(readAll(path(QStringLiteral("r.md"))).startsWith("# Report with a secret"));
    // Markdown links the diagram, written beside it.
    EXPECT_TRUE(readAll(path(QStringLiteral("r.md"))).contains("](r-figure1.svg)"));
    EXPECT_TRUE(readAll(path(QStringLiteral("r-figure1.svg"))).contains("<svg"));
    EXPECT_FALSE(writeReportFile(document, path(QStringLiteral("r.txt")), &error));
    EXPECT_EQ(error, QStringLiteral("a report is written as .html, .md or .pdf"));
}

TEST_F(UiReport, DialogPreviewsTheReportAndSaves) {
    ExportReportDialog dialog(explanationWithSecret(), QStringLiteral("secret"));
    const QString preview = dialog.preview()->toPlainText();
    EXPECT_TRUE(preview.contains(QStringLiteral("Report with a secret")));
    EXPECT_TRUE(preview.contains(QStringLiteral("Made by iisid 9.9.9")));
    EXPECT_FALSE(preview.contains(QStringLiteral("hunter2")));
    EXPECT_FALSE(preview.contains(QStringLiteral("<svg")));
    EXPECT_TRUE(dialog.save(path(QStringLiteral("saved.pdf"))));
    EXPECT_TRUE(readAll(path(QStringLiteral("saved.pdf"))).startsWith("%PDF-"));
}

TEST_F(UiReport, FileMenuExportsTheScenarioShown) {
    MainWindow window;
    ASSERT_TRUE(window
                    .loadFile(QStringLiteral(IISID_SOURCE_DIR
                                             "/resources/scenarios/double-hop-ntlm.iisid.json"))
                    .empty());
    auto *action = window.findChild<QAction *>(QStringLiteral("exportReport"));
    ASSERT_NE(action, nullptr);
    EXPECT_EQ(action->text(), QStringLiteral("Export &Report…"));
    QString preview;
    QTimer::singleShot(0, [&preview] {
        auto *dialog = qobject_cast<ExportReportDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        preview = dialog->preview()->toPlainText();
        dialog->reject();
    });
    action->trigger();
    EXPECT_TRUE(preview.contains(QStringLiteral("Double hop with NTLM"))) << toStdString(preview);
    EXPECT_TRUE(preview.contains(QStringLiteral("Explanation")));
}

TEST_F(UiReport, ExportReportOnTheCommandLine) {
    const QString out = path(QStringLiteral("lessons.pdf"));
    QProcess process;
    process.start(
        QStringLiteral(IISID_GUI_PATH),
        {QStringLiteral("--export-report"), out,
         QStringLiteral(IISID_SOURCE_DIR "/resources/lessons/01-wrong-iusr-password.json"),
         QStringLiteral(IISID_SOURCE_DIR "/resources/lessons/03-cgi-502-perl.json")});
    ASSERT_TRUE(process.waitForFinished(60000));
    EXPECT_EQ(process.exitCode(), 0) << process.readAllStandardError().toStdString();
    EXPECT_TRUE(readAll(out).startsWith("%PDF-"));

    QProcess bad;
    bad.start(QStringLiteral(IISID_GUI_PATH),
              {QStringLiteral("--export-report"), path(QStringLiteral("x.html")),
               QStringLiteral(IISID_SOURCE_DIR "/resources/lessons/01-wrong-iusr-password.json"),
               QStringLiteral(IISID_SOURCE_DIR "/resources/scenarios/double-hop-ntlm.iisid.json")});
    ASSERT_TRUE(bad.waitForFinished(60000));
    EXPECT_EQ(bad.exitCode(), 2);
    EXPECT_TRUE(bad.readAllStandardError().contains("cannot be reported together"));
    EXPECT_FALSE(QFile::exists(path(QStringLiteral("x.html"))));
}

} // namespace
} // namespace iisid::ui
