// The desktop program's reports: the PDF (real text, vector diagrams, a page per lesson answer,
// no secrets), the Export Report dialog's preview and save, every report kind from the File menu
// (explanation, check, lesson handout), and `iisid-gui --export-report`.

#include "UiTestApp.h"

#include "model/diagram/diagram_svg.h"
#include "model/lesson.h"
#include "model/report/explanation_report.h"
#include "model/report/lesson_handout.h"
#include "model/resolver.h"
#include "ui/check/checkview.h"
#include "ui/lessons/LessonLibrary.h"
#include "ui/report/exportreportdialog.h"
#include "ui/report/reportfiles.h"
#include "ui/report/reportpdf.h"
#include "ui/window/MainWindow.h"
#include "ui/window/QtText.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTimer>

#include <gtest/gtest.h>

#include <functional>

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
    return report::handoutLesson(lesson.value());
}

const QString pubslocator =
    QStringLiteral(IISID_CORPUS_DIR "/applicationhost/NCIOCPL_pubslocator__applicationHost.config");

/// An applicationHost.config with secrets: the pool's user name and password, encrypted.
const char *const secretConfig = R"(<?xml version="1.0" encoding="UTF-8"?>
<configuration>
  <system.applicationHost>
    <applicationPools>
      <add name="AdminPool" managedRuntimeVersion="v4.0">
        <processModel identityType="SpecificUser" userName="[enc:AesProvider:S3cretBlob:enc]"
                      password="[enc:AesProvider:PwBlob:enc]" />
      </add>
    </applicationPools>
    <sites>
      <site name="Shop" id="1">
        <application path="/" applicationPool="AdminPool">
          <virtualDirectory path="/" physicalPath="C:\inetpub\shop" />
        </application>
        <bindings>
          <binding protocol="http" bindingInformation="*:80:" />
        </bindings>
      </site>
    </sites>
  </system.applicationHost>
</configuration>
)";

/// Triggers the window's action and hands the export dialog it opens to `use`, then closes it.
void withExportDialog(QAction *action, const std::function<void(ExportReportDialog &)> &use) {
    bool opened = false;
    QTimer::singleShot(0, [&] {
        auto *dialog = qobject_cast<ExportReportDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        opened = true;
        use(*dialog);
        dialog->reject();
    });
    action->trigger();
    EXPECT_TRUE(opened) << "no Export Report dialog opened";
}

/// Checks the paths in the window's check view and waits for the end.
bool checkIn(MainWindow &window, const QStringList &paths) {
    QSignalSpy finished(window.checkView(), &CheckView::checkFinished);
    window.checkPaths(paths);
    return finished.wait(120000) && finished.first().first().toBool();
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

/// The pages holding the answer to lesson 1 or 2 of a two-lesson handout; fails the test when
/// both answers share a page.
int answerPageCount(const QStringList &pages) {
    int answerPages = 0;
    for (const QString &page : pages) {
        const bool answer1 = page.contains(QStringLiteral("Answer 1:"));
        const bool answer2 = page.contains(QStringLiteral("Answer 2:"));
        EXPECT_FALSE(answer1 && answer2) << "two answers share a page";
        answerPages += answer1 || answer2 ? 1 : 0;
    }
    return answerPages;
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
    EXPECT_EQ(answerPageCount(pages), 2);
    for (const QString &page : pages)
        EXPECT_FALSE(page.contains(QChar(0x2026))) << "a text was cut with …";
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

TEST_F(UiReport, FileMenuExportsTheCheckShown) {
    MainWindow window;
    ASSERT_TRUE(checkIn(window, {pubslocator}));
    ASSERT_TRUE(window.isShowingCheck());
    const QString file = path(QStringLiteral("check.html"));
    QString preview;
    QString note;
    withExportDialog(window.findChild<QAction *>(QStringLiteral("exportReport")),
                     [&](ExportReportDialog &dialog) {
                         preview = dialog.preview()->toPlainText();
                         note = dialog.findChild<QLabel *>()->text();
                         EXPECT_EQ(dialog.document().kind, "Configuration check");
                         EXPECT_TRUE(dialog.save(file));
                     });
    EXPECT_TRUE(preview.contains(QStringLiteral("pubsprod.lmbps.com"))) << toStdString(preview);
    const QString html = QString::fromUtf8(readAll(file));
    ASSERT_TRUE(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
    // The inputs as checked, the sites and applications, the findings.
    EXPECT_TRUE(html.contains(QStringLiteral("NCIOCPL_pubslocator__applicationHost.config")));
    EXPECT_TRUE(html.contains(QStringLiteral("pubsprod.lmbps.com")));
    EXPECT_TRUE(html.contains(QStringLiteral("/GUAMTEST")));
    EXPECT_TRUE(html.contains(QStringLiteral("GUAM")));
    const check::CheckReport &report = window.checkView()->outcome()->run.report;
    ASSERT_FALSE(report.findings.empty());
    for (const check::CheckFinding &finding : report.findings)
        EXPECT_TRUE(html.contains(toQString(finding.finding.rule))) << finding.finding.rule;
}

TEST_F(UiReport, TheCheckReportShowsSecretsOnlyWhenTheViewDoes) {
    const QString config = path(QStringLiteral("applicationHost.config"));
    {
        QFile out(config);
        ASSERT_TRUE(out.open(QIODevice::WriteOnly));
        out.write(secretConfig);
    }
    MainWindow window;
    ASSERT_TRUE(checkIn(window, {config}));
    QAction *action = window.findChild<QAction *>(QStringLiteral("exportReport"));
    QString preview;
    QString note;
    auto look = [&](ExportReportDialog &dialog) {
        preview = dialog.preview()->toPlainText();
        note = dialog.findChild<QLabel *>()->text();
    };
    withExportDialog(action, look);
    EXPECT_TRUE(preview.contains(QStringLiteral("AdminPool")));
    EXPECT_TRUE(preview.contains(QStringLiteral("********")));
    EXPECT_FALSE(preview.contains(QStringLiteral("S3cretBlob")));
    EXPECT_TRUE(note.contains(QStringLiteral("********")));

    window.checkView()->setShowSecrets(true);
    withExportDialog(action, look);
    EXPECT_TRUE(preview.contains(QStringLiteral("S3cretBlob"))) << toStdString(preview);
    EXPECT_TRUE(note.contains(QStringLiteral("Secrets are shown in this report")));
}

TEST_F(UiReport, AHandoutOfTwoLessonsFromTheDesktopHasAPagePerAnswer) {
    MainWindow window;
    ASSERT_GE(window.lessons().size(), 3);
    QAction *action = window.findChild<QAction *>(QStringLiteral("exportHandout"));
    ASSERT_NE(action, nullptr);
    EXPECT_EQ(action->text(), QStringLiteral("Export Lesson &Handout…"));
    const QString file = path(QStringLiteral("handout.pdf"));
    withExportDialog(action, [&](ExportReportDialog &dialog) {
        QListWidget *list = dialog.lessonList();
        ASSERT_NE(list, nullptr);
        ASSERT_EQ(list->count(), window.lessons().size());
        // No lesson is current: every lesson is ticked. Keep the first two.
        for (int row = 0; row < list->count(); ++row) {
            EXPECT_EQ(list->item(row)->checkState(), Qt::Checked);
            list->item(row)->setCheckState(Qt::Unchecked);
        }
        list->item(0)->setCheckState(Qt::Checked);
        list->item(1)->setCheckState(Qt::Checked);
        EXPECT_EQ(dialog.document().kind, "Lesson handout");
        const QString preview = dialog.preview()->toPlainText();
        EXPECT_TRUE(preview.contains(toQString(window.lessons().at(0).title)));
        EXPECT_TRUE(preview.contains(toQString(window.lessons().at(1).title)));
        EXPECT_FALSE(preview.contains(toQString(window.lessons().at(2).title)));
        EXPECT_TRUE(preview.contains(QStringLiteral("from 2 bundled lessons.")))
            << toStdString(preview);
        EXPECT_TRUE(dialog.save(file));
    });
    const QByteArray pdf = readAll(file);
    ASSERT_TRUE(pdf.startsWith("%PDF-"));
    const QStringList pages = pdfPages(file);
    if (pages.isEmpty())
        GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    EXPECT_EQ(answerPageCount(pages), 2);
    EXPECT_FALSE(pages.join(QString()).contains(QStringLiteral("Answer 3:")));
}

TEST_F(UiReport, TheHandoutOffersTheCurrentLessonAndWaitsForOne) {
    MainWindow window;
    ASSERT_TRUE(window.startLesson(QString::fromStdString(window.lessons().at(1).id)));
    withExportDialog(
        window.findChild<QAction *>(QStringLiteral("exportHandout")),
        [&](ExportReportDialog &dialog) {
            QListWidget *list = dialog.lessonList();
            ASSERT_NE(list, nullptr);
            for (int row = 0; row < list->count(); ++row)
                EXPECT_EQ(list->item(row)->checkState() == Qt::Checked, row == 1) << row;
            list->item(1)->setCheckState(Qt::Unchecked);
            auto *save = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
            EXPECT_FALSE(save->isEnabled());
            // All ticks every lesson, None none.
            dialog.findChild<QPushButton *>(QStringLiteral("allLessons"))->click();
            EXPECT_TRUE(save->isEnabled());
            EXPECT_TRUE(
                dialog.preview()->toPlainText().contains(toQString(window.lessons().at(2).title)));
            dialog.findChild<QPushButton *>(QStringLiteral("noLessons"))->click();
            EXPECT_FALSE(save->isEnabled());
            EXPECT_EQ(dialog.preview()->toPlainText(),
                      QStringLiteral("Tick the lessons the handout holds."));
        });
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
