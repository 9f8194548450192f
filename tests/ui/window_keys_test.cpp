// The main window from the keyboard and the mouse wheel, and a lesson flow that cannot be
// broken (issue 10, sections 2 and 3): Tab and F6 reach every pane, playback keys work outside
// text fields, a lesson opened any way accepts 1-4, and nothing shows the answer before the
// reveal.

#include "UiTestApp.h"

#include "model/resolver.h"
#include "model/result_fields.h"
#include "ui/compare/ComparePanel.h"
#include "ui/diagram/diagramview.h"
#include "ui/editor/ScenarioEditor.h"
#include "ui/lessons/LessonLibrary.h"
#include "ui/lessons/LessonPanel.h"
#include "ui/window/ExplanationPane.h"
#include "ui/window/FocusKeys.h"
#include "ui/window/MainWindow.h"
#include "ui/window/QtText.h"
#include "ui/window/ResultCard.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

#include <gtest/gtest.h>

#include <map>
#include <set>

using iisid::ui::MainWindow;
using iisid::ui::toQString;

namespace {

class WindowKeysTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { iisid::ui::test::application(); }

    void SetUp() override {
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1400, 900);
        m_window->diagram()->setReduceMotion(true);
        m_window->diagram()->pause();
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
    }

    QAction *action(const char *name) const {
        auto *found = m_window->findChild<QAction *>(QString::fromLatin1(name));
        EXPECT_NE(found, nullptr) << name;
        return found;
    }

    /// The action of the Lessons menu that opens the lesson at index.
    QAction *lessonMenuEntry(int index) const {
        for (QMenu *menu : m_window->menuBar()->findChildren<QMenu *>()) {
            for (QAction *entry : menu->actions()) {
                if (entry->data().isValid() && entry->data().toInt() == index &&
                    entry->text().contains(toQString(m_window->lessons().at(index).title)))
                    return entry;
            }
        }
        ADD_FAILURE() << "no menu entry for lesson " << index;
        return nullptr;
    }

    QDockWidget *lessonDock() const {
        return m_window->findChild<QDockWidget *>(QStringLiteral("lessonDock"));
    }

    /// The named pane the focus is in, or "" elsewhere.
    std::string paneOfFocus() const {
        const QWidget *focus = QApplication::focusWidget();
        if (!focus)
            return "";
        const std::vector<std::pair<std::string, QWidget *>> panes{
            {"editor", m_window->editor()},
            {"diagram", m_window->diagram()},
            {"playback", m_window->findChild<QToolBar *>(QStringLiteral("playbackToolBar"))},
            {"explanation", m_window->explanation()},
            {"result", m_window->resultCard()},
            {"lessons", lessonDock()}};
        for (const auto &[name, pane] : panes) {
            if (pane && (pane == focus || pane->isAncestorOf(focus)))
                return name;
        }
        return "";
    }

    std::unique_ptr<MainWindow> m_window;
};

TEST_F(WindowKeysTest, TabReachesEveryPane) {
    lessonDock()->toggleViewAction()->trigger(); // the lesson list too
    ASSERT_TRUE(lessonDock()->isVisible());
    m_window->editor()->control("server.machine")->setFocus();
    std::set<std::string> reached;
    for (int press = 0; press < 200; ++press) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        reached.insert(paneOfFocus());
    }
    for (const char *pane : {"editor", "diagram", "playback", "explanation", "result", "lessons"})
        EXPECT_TRUE(reached.count(pane)) << pane;
}

TEST_F(WindowKeysTest, F6MovesFromPaneToPane) {
    m_window->editor()->control("server.machine")->setFocus();
    std::vector<std::string> visited;
    for (int press = 0; press < 5; ++press) {
        action("nextPane")->trigger();
        visited.push_back(paneOfFocus());
    }
    EXPECT_EQ(visited,
              (std::vector<std::string>{"diagram", "playback", "explanation", "result", "editor"}));
    action("previousPane")->trigger();
    EXPECT_EQ(paneOfFocus(), "result");
}

TEST_F(WindowKeysTest, PlaybackKeysWorkWhereverTheFocusIsNotInATextField) {
    // In the explanation's list, Right steps the diagram (Up and Down stay the list's).
    m_window->diagram()->setCurrentStep(0);
    m_window->explanation()->list()->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right);
    EXPECT_EQ(m_window->diagram()->currentStep(), 1);
    // On the diagram, R starts again.
    m_window->diagram()->setFocus();
    QTest::keyClick(m_window->diagram(), Qt::Key_R);
    EXPECT_EQ(m_window->diagram()->currentStep(), 0);

    // In a text field Space and R are typed, and the diagram stays where it is.
    auto *machine = qobject_cast<QLineEdit *>(m_window->editor()->control("server.machine"));
    ASSERT_NE(machine, nullptr);
    machine->setFocus();
    machine->clear();
    m_window->diagram()->setReduceMotion(false);
    QTest::keyClicks(machine, QStringLiteral("a r"));
    QTest::keyClick(machine, Qt::Key_Left);
    EXPECT_EQ(machine->text(), QStringLiteral("a r"));
    EXPECT_FALSE(m_window->diagram()->isPlaying());
    m_window->diagram()->pause();
}

TEST(FocusKeys, TheFocusedWidgetKeepsOnlyTheKeysItUses) {
    iisid::ui::test::application();
    QLineEdit line;
    QPushButton button;
    QComboBox combo;
    QListWidget list;
    QLabel label;
    struct Row {
        const char *name;
        QWidget *focus;
        int key;
        bool kept;
    };
    for (const Row &row : {Row{"line edit keeps Space", &line, Qt::Key_Space, true},
                           Row{"line edit keeps R", &line, Qt::Key_R, true},
                           Row{"line edit keeps 1", &line, Qt::Key_1, true},
                           Row{"button keeps Space", &button, Qt::Key_Space, true},
                           Row{"button leaves Right", &button, Qt::Key_Right, false},
                           Row{"button leaves R", &button, Qt::Key_R, false},
                           Row{"drop-down keeps Down", &combo, Qt::Key_Down, true},
                           Row{"drop-down leaves 2", &combo, Qt::Key_2, false},
                           Row{"list keeps Up", &list, Qt::Key_Up, true},
                           Row{"list leaves Right", &list, Qt::Key_Right, false},
                           Row{"label leaves Space", &label, Qt::Key_Space, false},
                           Row{"nothing focused", nullptr, Qt::Key_Space, false}}) {
        const QKeyEvent key(QEvent::ShortcutOverride, row.key, Qt::NoModifier);
        EXPECT_EQ(iisid::ui::focusUsesKey(row.focus, key), row.kept) << row.name;
    }
    const QKeyEvent withControl(QEvent::ShortcutOverride, Qt::Key_S, Qt::ControlModifier);
    EXPECT_FALSE(iisid::ui::focusUsesKey(&line, withControl));
}

TEST_F(WindowKeysTest, ALessonFromTheMenuAcceptsOneToFour) {
    QAction *entry = lessonMenuEntry(2);
    ASSERT_NE(entry, nullptr);
    entry->trigger();
    ASSERT_FALSE(m_window->lessonPanel()->isRevealed());
    m_window->diagram()->setFocus();
    QTest::keyClick(m_window->diagram(), Qt::Key_1);
    EXPECT_EQ(m_window->lessonPanel()->chosen(), 0);
    QTest::keyClick(m_window->diagram(), Qt::Key_Return);
    ASSERT_TRUE(m_window->lessonPanel()->isRevealed());
    EXPECT_FALSE(m_window->lessonPanel()->verdictText().contains(QStringLiteral("No prediction")))
        << m_window->lessonPanel()->verdictText().toStdString();
}

TEST_F(WindowKeysTest, ALessonFromTheListAcceptsOneToFourAndStaysHighlighted) {
    auto *list = lessonDock()->findChild<QListWidget *>();
    ASSERT_NE(list, nullptr);
    lessonDock()->toggleViewAction()->trigger();
    emit list->itemActivated(list->item(4));
    EXPECT_EQ(toQString(m_window->lessonPanel()->lesson()->id),
              toQString(m_window->lessons().at(4).id));
    // The list stays in view, beside the lesson, on the lesson shown.
    EXPECT_TRUE(list->isVisible());
    EXPECT_GT(list->width(), 100);
    EXPECT_EQ(list->currentRow(), 4);
    // Opening another from the menu moves the highlight with it.
    lessonMenuEntry(1)->trigger();
    EXPECT_EQ(list->currentRow(), 1);
    QTest::keyClick(m_window->diagram(), Qt::Key_2);
    EXPECT_EQ(m_window->lessonPanel()->chosen(), 1);
}

TEST_F(WindowKeysTest, SteppingBeforeTheRevealStopsBeforeTheDecidingStep) {
    const int index = m_window->lessons().indexOf("cgi-no-create-process-as-user");
    ASSERT_GE(index, 0);
    const iisid::Lesson &lesson = m_window->lessons().at(index);
    const iisid::Resolution resolution = iisid::resolve(lesson.scenario);
    const std::optional<std::size_t> deciding = iisid::decidingStep(resolution, lesson.answerField);
    ASSERT_TRUE(deciding.has_value());
    ASSERT_GT(*deciding, 1u);
    const int limit = static_cast<int>(*deciding) - 1;

    m_window->chooseLesson(index);
    EXPECT_EQ(m_window->diagram()->currentStep(), 0);
    // Step Forward goes as far as the step before the deciding one, then is disabled.
    for (int press = 0; press < 12; ++press)
        action("stepForward")->trigger();
    EXPECT_EQ(m_window->diagram()->currentStep(), limit);
    EXPECT_FALSE(action("stepForward")->isEnabled());
    EXPECT_TRUE(m_window->findChild<QToolBar *>(QStringLiteral("playbackToolBar"))
                    ->findChild<QLabel *>()
                    ->text()
                    .contains(QStringLiteral("reveal")));
    // The diagram's own keys and Play are brought back as well.
    m_window->diagram()->setFocus();
    QTest::keyClick(m_window->diagram(), Qt::Key_End);
    QTest::keyClick(m_window->diagram(), Qt::Key_Right);
    action("play")->trigger();
    QCoreApplication::processEvents();
    EXPECT_EQ(m_window->diagram()->currentStep(), limit);
    EXPECT_TRUE(m_window->diagram()->updatesEnabled());
    EXPECT_TRUE(m_window->resultCard()->isAnswerHidden());
    // The comparison, which lists the identities too, cannot be opened before the reveal.
    EXPECT_FALSE(action("pin")->isEnabled());
    // (The comparison is a tab beside the result card now, no longer a dock under the diagram.)
    EXPECT_FALSE(m_window->comparePanel()->isVisible());
    EXPECT_FALSE(action("showCompare")->isEnabled());

    // After the reveal every step can be shown.
    action("reveal")->trigger();
    EXPECT_EQ(m_window->diagram()->currentStep(), m_window->diagram()->stepCount() - 1);
    EXPECT_TRUE(action("stepForward")->isEnabled());
}

TEST_F(WindowKeysTest, ClosingTheLessonBringsTheEditorBack) {
    ASSERT_TRUE(m_window->editor()->isVisible());
    m_window->chooseLesson(0);
    EXPECT_FALSE(m_window->editor()->isVisible());
    lessonDock()->toggleViewAction()->trigger();
    EXPECT_FALSE(lessonDock()->isVisible());
    EXPECT_TRUE(m_window->editor()->isVisible());
}

TEST_F(WindowKeysTest, AChangedLessonShowsTheUnsavedMark) {
    m_window->chooseLesson(0);
    EXPECT_TRUE(m_window->windowTitle().contains(QStringLiteral("[*]")));
    EXPECT_FALSE(m_window->isWindowModified());
    auto *machine = qobject_cast<QLineEdit *>(m_window->editor()->control("server.machine"));
    ASSERT_NE(machine, nullptr);
    machine->setText(QStringLiteral("CLASSROOM"));
    emit machine->textEdited(machine->text());
    EXPECT_TRUE(m_window->isWindowModified());
}

TEST_F(WindowKeysTest, CopySaysItCopied) {
    auto *copy = m_window->resultCard()->findChild<QPushButton *>();
    ASSERT_NE(copy, nullptr);
    copy->click();
    EXPECT_TRUE(copy->text().contains(QStringLiteral("Copied")));
    // The card may break an account after its backslash on screen; the copied text is plain.
    const QString copied = QGuiApplication::clipboard()->text();
    EXPECT_TRUE(copied.contains(QStringLiteral("NT AUTHORITY\\IUSR"))) << copied.toStdString();
    EXPECT_FALSE(copied.contains(QChar(0x200B)));
    EXPECT_FALSE(action("saveAs")->shortcuts().isEmpty());
}

// Issue 10 §4: file dialogs forgot the last folder. Opening a file remembers its folder, where
// Open and Save As start next time.
TEST_F(WindowKeysTest, OpeningAFileRemembersItsFolder) {
    QTemporaryDir folder;
    ASSERT_TRUE(folder.isValid());
    const QString path = folder.filePath(QStringLiteral("mine.iisid.json"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "iisid-scenario/1", "title": "Mine"})");
    file.close();
    ASSERT_TRUE(m_window->loadFile(path).empty());
    EXPECT_EQ(QSettings().value(QStringLiteral("files/lastFolder")).toString(),
              QFileInfo(path).absolutePath());
}

TEST_F(WindowKeysTest, PinningRaisesTheCompareTabAndCtrlKSwitchesBack) {
    // The comparison is a tab beside the result card (issue 10 §1): the diagram keeps its room.
    const QSize diagram = m_window->diagram()->size();
    EXPECT_FALSE(m_window->comparePanel()->isVisible());
    action("pin")->trigger();
    QCoreApplication::processEvents();
    EXPECT_TRUE(m_window->comparePanel()->isVisible());
    EXPECT_FALSE(m_window->resultCard()->isVisible());
    EXPECT_EQ(m_window->diagram()->size(), diagram);
    EXPECT_EQ(action("showCompare")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_K));
    EXPECT_TRUE(action("showCompare")->isChecked());
    // F6 reaches the comparison's buttons while it is shown.
    m_window->explanation()->list()->setFocus();
    action("nextPane")->trigger();
    EXPECT_TRUE(m_window->comparePanel()->isAncestorOf(QApplication::focusWidget()));
    // Ctrl+K: back to the result, and again to the comparison.
    action("showCompare")->trigger();
    EXPECT_TRUE(m_window->resultCard()->isVisible());
    EXPECT_FALSE(m_window->comparePanel()->isVisible());
    action("showCompare")->trigger();
    EXPECT_TRUE(m_window->comparePanel()->isVisible());
    EXPECT_EQ(m_window->diagram()->size(), diagram);
}

} // namespace
