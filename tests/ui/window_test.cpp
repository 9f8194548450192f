#include "UiTestApp.h"

#include "model/compare.h"
#include "model/resolver.h"
#include "model/result_fields.h"
#include "model/scenario_io.h"
#include "model/settings.h"
#include "ui/compare/ComparePanel.h"
#include "ui/diagram/diagramview.h"
#include "ui/editor/ScenarioEditor.h"
#include "ui/lessons/LessonLibrary.h"
#include "ui/lessons/LessonPanel.h"
#include "ui/window/ExplanationPane.h"
#include "ui/window/MainWindow.h"
#include "ui/window/QtText.h"
#include "ui/window/ResultCard.h"
#include "ui/window/ScenarioFiles.h"
#include "ui/window/StepDelegate.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMimeData>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <gtest/gtest.h>

#include <set>

using iisid::Scenario;
using iisid::ui::MainWindow;
using iisid::ui::toQString;

namespace {

class MainWindowTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { iisid::ui::test::application(); }

    void SetUp() override {
        ASSERT_TRUE(m_dir.isValid());
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1400, 900);
        m_window->diagram()->setReduceMotion(true);
        m_window->diagram()->pause();
    }

    QAction *action(const char *name) const {
        auto *found = m_window->findChild<QAction *>(QString::fromLatin1(name));
        EXPECT_NE(found, nullptr) << name;
        return found;
    }

    void choose(const char *settingId, const char *value) const {
        auto *combo = qobject_cast<QComboBox *>(m_window->editor()->control(settingId));
        ASSERT_NE(combo, nullptr) << settingId;
        const int index = combo->findData(QString::fromLatin1(value));
        ASSERT_GE(index, 0) << value;
        emit combo->activated(index);
    }

    QString writeFile(const QString &name, const QByteArray &text) const {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(text);
        return path;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
};

TEST_F(MainWindowTest, StartsWithTheDefaultScenarioExplained) {
    const iisid::Resolution expected = iisid::resolve(Scenario{});
    EXPECT_EQ(m_window->diagram()->stepCount(), static_cast<int>(expected.steps.size()));
    EXPECT_EQ(m_window->explanation()->stepCount(), static_cast<int>(expected.steps.size()));
    EXPECT_TRUE(m_window->resultCard()->plainText().contains(toQString(*expected.identities.code)));
    EXPECT_FALSE(m_window->isWindowModified());
}

TEST_F(MainWindowTest, ChangingTheHandlerUpdatesTheResultCardAndTheDiagram) {
    Scenario aspnet;
    aspnet.handler.kind = iisid::HandlerKind::AspNet;
    const iisid::Resolution before = iisid::resolve(Scenario{});
    const iisid::Resolution after = iisid::resolve(aspnet);
    ASSERT_NE(before.steps.size(), after.steps.size());
    ASSERT_NE(before.identities.code, after.identities.code);

    choose("handler.kind", "aspnet");
    EXPECT_EQ(m_window->diagram()->stepCount(), static_cast<int>(after.steps.size()));
    EXPECT_EQ(m_window->explanation()->stepCount(), static_cast<int>(after.steps.size()));
    EXPECT_TRUE(m_window->resultCard()->plainText().contains(QStringLiteral("Code runs as: ") +
                                                             toQString(*after.identities.code)));
    EXPECT_TRUE(m_window->isWindowModified());

    // A CGI program runs in a process of its own: the card names its executable.
    Scenario cgi;
    cgi.handler.kind = iisid::HandlerKind::Cgi;
    choose("handler.kind", "cgi");
    const iisid::Resolution cgiResolution = iisid::resolve(cgi);
    EXPECT_TRUE(m_window->resultCard()->plainText().contains(
        QStringLiteral("(%1)").arg(toQString(cgiResolution.processHost))));
}

TEST_F(MainWindowTest, ChangingTheAnonymousUserChangesWhoRunsTheCode) {
    auto *user =
        qobject_cast<QLineEdit *>(m_window->editor()->control("authentication.anonymous.userName"));
    ASSERT_NE(user, nullptr);
    QTest::keyClicks(user, QStringLiteral("CONTOSO\\webanon"));
    Scenario expected;
    expected.authentication.anonymous.userName = "CONTOSO\\webanon";
    const iisid::Resolution resolution = iisid::resolve(expected);
    ASSERT_EQ(resolution.identities.code, std::optional<std::string>("CONTOSO\\webanon"));
    EXPECT_TRUE(m_window->resultCard()->plainText().contains(
        QStringLiteral("Code runs as: CONTOSO\\webanon")));
}

TEST_F(MainWindowTest, SteppingMovesTheExplanationHighlight) {
    m_window->diagram()->setCurrentStep(0);
    EXPECT_EQ(m_window->explanation()->currentStep(), 0);
    action("stepForward")->trigger();
    EXPECT_EQ(m_window->diagram()->currentStep(), 1);
    EXPECT_EQ(m_window->explanation()->currentStep(), 1);
    EXPECT_EQ(m_window->explanation()->list()->currentRow(), 1);

    // The Right key does the same from the keyboard.
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    m_window->diagram()->setFocus();
    QTest::keyClick(m_window->diagram(), Qt::Key_Right);
    EXPECT_EQ(m_window->explanation()->currentStep(), 2);
    QTest::keyClick(m_window->diagram(), Qt::Key_Left);
    EXPECT_EQ(m_window->explanation()->currentStep(), 1);
    action("stepBack")->trigger();
    EXPECT_EQ(m_window->explanation()->currentStep(), 0);
}

TEST_F(MainWindowTest, ChoosingAStepInTheExplanationMovesTheDiagram) {
    m_window->diagram()->setCurrentStep(0);
    m_window->explanation()->list()->setCurrentRow(3);
    EXPECT_EQ(m_window->diagram()->currentStep(), 3);
}

TEST_F(MainWindowTest, CompareMarksExactlyTheIdentitiesThatChanged) {
    action("pin")->trigger();
    ASSERT_TRUE(m_window->comparePanel()->hasPinned());
    choose("handler.kind", "cgi");

    Scenario cgi;
    cgi.handler.kind = iisid::HandlerKind::Cgi;
    const iisid::Resolution a = iisid::resolve(Scenario{});
    const iisid::Resolution b = iisid::resolve(cgi);
    std::set<std::string> expected;
    for (const std::string &field : iisid::resultFields()) {
        if (iisid::fieldValue(a, field) != iisid::fieldValue(b, field))
            expected.insert(field);
    }
    ASSERT_FALSE(expected.empty());
    const auto &comparison = m_window->comparePanel()->comparison();
    ASSERT_TRUE(comparison.has_value());
    std::set<std::string> marked;
    for (const iisid::IdentityChange &change : comparison->identities)
        marked.insert(change.field);
    EXPECT_EQ(marked, expected);
    ASSERT_EQ(comparison->inputs.size(), 1u);
    EXPECT_EQ(comparison->inputs[0].settingId, "handler.kind");

    action("clearPin")->trigger();
    EXPECT_FALSE(m_window->comparePanel()->hasPinned());
}

TEST_F(MainWindowTest, ALessonHidesTheAnswerUntilTheRevealShowsTheRightOne) {
    ASSERT_GT(m_window->lessons().size(), 0);
    const iisid::Lesson &lesson = m_window->lessons().at(0);
    m_window->chooseLesson(0);
    EXPECT_TRUE(m_window->resultCard()->isAnswerHidden());
    EXPECT_EQ(m_window->editor()->scenario().handler.kind, lesson.scenario.handler.kind);
    EXPECT_FALSE(m_window->lessonPanel()->isRevealed());
    // Predict first: the request waits at the first step.
    EXPECT_EQ(m_window->diagram()->currentStep(), 0);
    EXPECT_FALSE(m_window->diagram()->isPlaying());

    const std::optional<int> correct =
        iisid::correctChoice(lesson, iisid::resolve(lesson.scenario));
    ASSERT_TRUE(correct.has_value());
    m_window->lessonPanel()->choose(*correct);
    action("reveal")->trigger();
    EXPECT_TRUE(m_window->lessonPanel()->isRevealed());
    EXPECT_FALSE(m_window->resultCard()->isAnswerHidden());
    // With reduced motion the reveal shows the final picture at once.
    EXPECT_EQ(m_window->diagram()->currentStep(), m_window->diagram()->stepCount() - 1);
    EXPECT_EQ(m_window->lessonPanel()->correctIndex(), correct);
    const QString answer = toQString(lesson.choices[static_cast<std::size_t>(*correct)]);
    EXPECT_TRUE(m_window->lessonPanel()->verdictText().contains(answer))
        << m_window->lessonPanel()->verdictText().toStdString();
    if (answer != toQString(iisid::noneChoice)) {
        EXPECT_TRUE(m_window->resultCard()->plainText().contains(answer, Qt::CaseInsensitive));
    }
}

TEST_F(MainWindowTest, ABadFileLeavesTheScenarioAsItWas) {
    choose("handler.kind", "fastcgi");
    const std::string before = iisid::writeScenario(m_window->editor()->scenario());
    const QString filePathBefore = m_window->filePath();
    const QString path =
        writeFile(QStringLiteral("bad.iisid.json"), "{\n  \"format\": \"iisid-scenario/1\",\n"
                                                    "  \"handler\": { \"kind\": \"perl\" }\n}\n");
    const std::vector<iisid::Diagnostic> errors = m_window->loadFile(path);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].location.line, 3);
    EXPECT_GT(errors[0].location.column, 0);
    EXPECT_TRUE(
        QString::fromStdString(errors[0].toString()).startsWith(path + QStringLiteral(":3:")));
    EXPECT_EQ(iisid::writeScenario(m_window->editor()->scenario()), before);
    EXPECT_EQ(m_window->filePath(), filePathBefore);
    EXPECT_TRUE(m_window->isWindowModified());

    // Saved by a Windows editor in Windows-1252 (the é of "Café" is the byte 0xE9).
    const QString cafe =
        writeFile(QStringLiteral("cafe.iisid.json"), "{\n  \"format\": \"iisid-scenario/1\",\n"
                                                     "  \"title\": \"Caf\xE9 site\"\n}\n");
    const std::vector<iisid::Diagnostic> encoding = m_window->loadFile(cafe);
    ASSERT_EQ(encoding.size(), 1u);
    EXPECT_EQ(encoding[0].location, (iisid::SourceLocation{cafe.toStdString(), 3, 16}));
    EXPECT_EQ(iisid::writeScenario(m_window->editor()->scenario()), before);

    const QString broken = writeFile(QStringLiteral("broken.iisid.json"), "{ \"format\": ");
    EXPECT_FALSE(m_window->loadFile(broken).empty());
    EXPECT_EQ(iisid::writeScenario(m_window->editor()->scenario()), before);
    EXPECT_FALSE(m_window->loadFile(m_dir.filePath(QStringLiteral("missing.json"))).empty());
    EXPECT_EQ(iisid::writeScenario(m_window->editor()->scenario()), before);
}

TEST_F(MainWindowTest, AGoodFileIsLoadedAndSavedBack) {
    const QString path = writeFile(QStringLiteral("cgi.iisid.json"),
                                   "{ \"format\": \"iisid-scenario/1\", \"server\": "
                                   "{ \"iisVersion\": \"6.0\" }, \"handler\": { \"kind\": \"cgi\", "
                                   "\"createProcessAsUser\": false } }");
    ASSERT_TRUE(m_window->loadFile(path).empty());
    EXPECT_EQ(m_window->filePath(), path);
    EXPECT_FALSE(m_window->isWindowModified());
    EXPECT_EQ(m_window->editor()->scenario().server.iisVersion, iisid::IisVersion::V6_0);

    const QString copy = m_dir.filePath(QStringLiteral("copy.iisid.json"));
    ASSERT_FALSE(iisid::ui::ScenarioFiles::writeScenarioFile(copy, m_window->editor()->scenario()));
    const auto reread = iisid::ui::ScenarioFiles::readScenarioFile(copy);
    ASSERT_TRUE(reread.ok());
    EXPECT_EQ(iisid::writeScenario(reread->scenario),
              iisid::writeScenario(m_window->editor()->scenario()));
}

TEST_F(MainWindowTest, TheEditorCanBeHiddenAndALessonStartsWithoutIt) {
    m_window->show();
    EXPECT_TRUE(m_window->editor()->isVisible());
    action("showEditor")->trigger();
    EXPECT_FALSE(m_window->editor()->isVisible());
    action("showEditor")->trigger();
    EXPECT_TRUE(m_window->editor()->isVisible());

    ASSERT_TRUE(m_window->startLesson(QStringLiteral("cgi-502-perl")));
    EXPECT_FALSE(m_window->editor()->isVisible());
    // Presenter mode and back keeps the choice.
    action("presenter")->trigger();
    action("leavePresenter")->trigger();
    EXPECT_FALSE(m_window->editor()->isVisible());
    action("showEditor")->trigger();
    EXPECT_TRUE(m_window->editor()->isVisible());
}

TEST_F(MainWindowTest, PresenterModeHidesTheEditorAndComesBackOnEscape) {
    m_window->show();
    action("presenter")->trigger();
    EXPECT_TRUE(m_window->isPresenterMode());
    EXPECT_FALSE(m_window->editor()->isVisible());
    EXPECT_FALSE(m_window->menuBar()->isVisible());
    action("leavePresenter")->trigger();
    EXPECT_FALSE(m_window->isPresenterMode());
    EXPECT_TRUE(m_window->editor()->isVisible());
    EXPECT_TRUE(m_window->menuBar()->isVisible());
}

TEST_F(MainWindowTest, PresenterModePredictsAndRevealsFromTheKeyboard) {
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    m_window->chooseLesson(0);
    // Number keys answer however the lesson was opened (issue 10 §2: they used to answer in
    // presenter mode only), and in presenter mode too.
    EXPECT_TRUE(action("answer2")->isEnabled());
    action("presenter")->trigger();
    ASSERT_TRUE(action("answer2")->isEnabled());
    QTest::keyClick(m_window->diagram(), Qt::Key_2);
    EXPECT_EQ(m_window->lessonPanel()->chosen(), 1);
    EXPECT_TRUE(m_window->resultCard()->isAnswerHidden());
    QTest::keyClick(m_window->diagram(), Qt::Key_Return);
    EXPECT_TRUE(m_window->lessonPanel()->isRevealed());
    EXPECT_FALSE(m_window->resultCard()->isAnswerHidden());
    EXPECT_FALSE(action("answer2")->isEnabled());

    // Space plays and pauses, R starts again, Escape leaves.
    m_window->diagram()->setReduceMotion(false);
    m_window->diagram()->pause();
    QTest::keyClick(m_window->diagram(), Qt::Key_Space);
    EXPECT_TRUE(m_window->diagram()->isPlaying());
    QTest::keyClick(m_window->diagram(), Qt::Key_Space);
    EXPECT_FALSE(m_window->diagram()->isPlaying());
    QTest::keyClick(m_window->diagram(), Qt::Key_R);
    EXPECT_EQ(m_window->diagram()->currentStep(), 0);
    m_window->diagram()->pause();
    QTest::keyClick(m_window->diagram(), Qt::Key_Escape);
    EXPECT_FALSE(m_window->isPresenterMode());
}

TEST_F(MainWindowTest, AScenarioFileDroppedOnTheWindowIsOpenedAndRemembered) {
    const QString path = writeFile(QStringLiteral("dropped.iisid.json"),
                                   "{ \"format\": \"iisid-scenario/1\", \"handler\": "
                                   "{ \"kind\": \"fastcgi\" } }");
    auto *mime = new QMimeData;
    mime->setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &enter);
    EXPECT_TRUE(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &drop);
    EXPECT_EQ(m_window->filePath(), path);
    EXPECT_EQ(m_window->editor()->scenario().handler.kind, iisid::HandlerKind::FastCgi);
    EXPECT_TRUE(m_window->windowTitle().startsWith(QStringLiteral("dropped.iisid.json[*]")));
    EXPECT_EQ(QSettings().value(QStringLiteral("recentFiles")).toStringList().value(0), path);
    delete mime;
}

TEST(ExplanationPane, StepHeadingsUseTheStagesWords) {
    iisid::ui::test::application();
    iisid::ui::ExplanationPane pane;
    iisid::Resolution resolution;
    for (iisid::Stage stage :
         {iisid::Stage::ChildProcess, iisid::Stage::Network, iisid::Stage::Filter}) {
        iisid::Step step;
        step.stage = stage;
        step.host = "w3wp.exe";
        step.text = "text";
        resolution.steps.push_back(step);
    }
    pane.setResolution(resolution);
    const QStringList expected{QStringLiteral("Child process"), QStringLiteral("Network"),
                               QStringLiteral("ISAPI filter")};
    for (int row = 0; row < pane.list()->count(); ++row) {
        const QString html =
            pane.list()->item(row)->data(iisid::ui::StepDelegate::htmlRole).toString();
        EXPECT_TRUE(html.contains(expected[row])) << html.toStdString();
        EXPECT_FALSE(html.contains(QStringLiteral("childProcess"))) << html.toStdString();
    }
}

TEST(ResultCard, CopyPutsThePlainTextSummaryOnTheClipboard) {
    iisid::ui::test::application();
    iisid::ui::ResultCard card;
    card.setResolution(iisid::resolve(Scenario{}));
    card.copy();
    EXPECT_EQ(QGuiApplication::clipboard()->text(), card.plainText());
    EXPECT_TRUE(card.plainText().startsWith(QStringLiteral("HTTP result: 200")));
}

// The card's rows come from the model's table of result fields, in its reading order; the
// worker is left to the diagram.
TEST(ResultCard, RowsFollowTheModelsResultFields) {
    iisid::ui::test::application();
    iisid::ui::ResultCard card;
    card.setResolution(iisid::resolve(Scenario{}));
    QStringList expected{QStringLiteral("HTTP result")};
    for (iisid::IdentityField field : iisid::readingOrder) {
        if (field != iisid::IdentityField::Worker)
            expected << toQString(iisid::fieldInfo(field).caption);
    }
    expected << QStringLiteral("Confidence");
    QStringList captions;
    for (const QString &line : card.plainText().split(QLatin1Char('\n')))
        captions << line.section(QStringLiteral(": "), 0, 0);
    EXPECT_EQ(captions, expected) << card.plainText().toStdString();
}

// IIS 6 ISAPI extension, NTLM user: the code's identity is documented, what the network sees is
// not. Each identity shows its own mark, as a word and symbol with an accessible meaning; the
// overall confidence stays the summary.
TEST(ResultCard, EachIdentityShowsItsOwnConfidence) {
    iisid::ui::test::application();
    iisid::LoadedScenario loaded;
    for (const char *assignment :
         {"server.iisVersion=6.0", "handler.kind=isapiExtension",
          "authentication.anonymous.enabled=false", "authentication.windows.enabled=true",
          "request.user=CONTOSO\\alice"})
        ASSERT_FALSE(iisid::applyAssignment(loaded, assignment, "--set"));
    iisid::ui::ResultCard card;
    card.setResolution(iisid::resolve(loaded.scenario));

    auto mark = [&card](const QString &accessibleName) -> QLabel * {
        for (QLabel *label : card.findChildren<QLabel *>()) {
            if (label->accessibleName() == QStringLiteral("Confidence: ") + accessibleName)
                return label;
        }
        return nullptr;
    };
    QLabel *code = mark(QStringLiteral("Identity the code runs as"));
    QLabel *network = mark(QStringLiteral("Identity the network sees"));
    ASSERT_NE(code, nullptr);
    ASSERT_NE(network, nullptr);
    EXPECT_EQ(code->text(), QStringLiteral("✓"));
    EXPECT_EQ(code->accessibleDescription(), QStringLiteral("confirmed by the sources"));
    EXPECT_EQ(network->text(), QStringLiteral("⚠ UNCONFIRMED"));
    EXPECT_EQ(network->accessibleDescription(),
              QStringLiteral("unconfirmed: a rule it rests on is not confirmed by the sources"));

    const QStringList lines = card.plainText().split(QLatin1Char('\n'));
    EXPECT_TRUE(lines.contains(QStringLiteral("Code runs as: CONTOSO\\alice")))
        << card.plainText().toStdString();
    EXPECT_TRUE(lines.contains(
        QStringLiteral("Network sees: NT AUTHORITY\\ANONYMOUS LOGON  [UNCONFIRMED]")))
        << card.plainText().toStdString();
    EXPECT_TRUE(lines.contains(QStringLiteral(
        "Confidence: ⚠ UNCONFIRMED: a rule used here is not confirmed by the sources")))
        << card.plainText().toStdString();
}

// Inputs the scenario does not know: a "Depends on" row lists them, selectable and named for
// screen readers; it is absent when everything is known. The explanation shows each step's.
TEST(ResultCard, DependsOnRowListsTheUnknownInputs) {
    iisid::ui::test::application();
    iisid::LoadedScenario loaded;
    for (const char *assignment :
         {"server.iisVersion=6.0", "authentication.anonymous.userName=CONTOSO\\anon",
          "authentication.anonymous.passwordValid=unknown"})
        ASSERT_FALSE(iisid::applyAssignment(loaded, assignment, "--set"));
    const iisid::Resolution resolution = iisid::resolve(loaded.scenario);
    iisid::ui::ResultCard card;
    card.show();
    card.setResolution(resolution);
    QLabel *row = nullptr;
    for (QLabel *label : card.findChildren<QLabel *>()) {
        if (label->accessibleName() == QStringLiteral("What the result depends on"))
            row = label;
    }
    ASSERT_NE(row, nullptr);
    const QString expected = QStringLiteral(
        "• whether the stored password of CONTOSO\\anon is right; if it is wrong: 401.1 "
        "(authentication.anonymous.passwordValid)");
    EXPECT_EQ(row->text(), expected);
    EXPECT_TRUE(row->isVisible());
    EXPECT_TRUE(row->textInteractionFlags() & Qt::TextSelectableByKeyboard);
    EXPECT_FALSE(row->accessibleDescription().isEmpty());
    const QStringList lines = card.plainText().split(QLatin1Char('\n'));
    const qsizetype at = lines.indexOf(QStringLiteral("Depends on:"));
    ASSERT_GE(at, 0) << card.plainText().toStdString();
    EXPECT_EQ(lines.value(at + 1), expected);

    card.setResolution(iisid::resolve(Scenario{}));
    EXPECT_FALSE(row->isVisible());
    EXPECT_FALSE(card.plainText().contains(QStringLiteral("Depends on")));

    iisid::ui::ExplanationPane pane;
    pane.setResolution(resolution);
    int saying = 0;
    for (int i = 0; i < pane.stepCount(); ++i) {
        if (pane.stepText(i).contains(QStringLiteral(
                "Depends on: whether the stored password of CONTOSO\\anon is right")))
            ++saying;
    }
    EXPECT_EQ(saying, 1);
}

class ExportDiagramProcess : public ::testing::Test {
protected:
    static void SetUpTestSuite() { iisid::ui::test::application(); }

    int run(const QStringList &arguments, QString *errors = nullptr) {
        QProcess process;
        process.start(QStringLiteral(IISID_GUI_PATH), arguments);
        EXPECT_TRUE(process.waitForFinished(60000));
        if (errors)
            *errors = QString::fromLocal8Bit(process.readAllStandardError());
        return process.exitCode();
    }

    QTemporaryDir m_dir;
};

TEST_F(ExportDiagramProcess, WritesPngAndSvgContainingTheCodeIdentity) {
    const QString scenario =
        QStringLiteral(IISID_SOURCE_DIR) +
        QStringLiteral("/resources/scenarios/seed-cgi-create-process-as-user-false.iisid.json");
    const auto loaded = iisid::ui::ScenarioFiles::readScenarioFile(scenario);
    ASSERT_TRUE(loaded.ok());
    const iisid::Resolution resolution = iisid::resolve(loaded->scenario);
    ASSERT_TRUE(resolution.identities.code.has_value());

    const QString png = m_dir.filePath(QStringLiteral("flow.png"));
    const QString svg = m_dir.filePath(QStringLiteral("flow.svg"));
    EXPECT_EQ(run({QStringLiteral("--export-diagram"), png, scenario}), 0);
    EXPECT_EQ(run({QStringLiteral("--export-diagram"), svg, scenario}), 0);
    const QImage image(png);
    ASSERT_FALSE(image.isNull());
    EXPECT_GT(image.width(), 200);
    QFile file(svg);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    EXPECT_TRUE(text.contains(toQString(*resolution.identities.code).toHtmlEscaped()))
        << *resolution.identities.code;
}

TEST_F(ExportDiagramProcess, ABadScenarioExitsWithTwoAndItsPosition) {
    const QString bad = m_dir.filePath(QStringLiteral("bad.iisid.json"));
    QFile file(bad);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("{\n  \"format\": \"iisid-scenario/1\",\n  \"handler\": { \"kind\": 7 }\n}\n");
    file.close();
    QString errors;
    EXPECT_EQ(
        run({QStringLiteral("--export-diagram"), m_dir.filePath(QStringLiteral("x.png")), bad},
            &errors),
        2);
    EXPECT_TRUE(errors.contains(bad + QStringLiteral(":3:"))) << errors.toStdString();
    EXPECT_FALSE(QFile::exists(m_dir.filePath(QStringLiteral("x.png"))));
}

} // namespace
