#include "model/compare.h"
#include "model/lesson.h"
#include "ui/compare/ComparePanel.h"
#include "ui/lessons/LessonBrowser.h"
#include "ui/lessons/LessonLibrary.h"
#include "ui/lessons/LessonPanel.h"

#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace iisid::ui {
namespace {

class UiTest : public ::testing::Test {
protected:
    // One QApplication for the program, never destroyed: destroying it during static
    // destruction, after QTest's own statics, crashes at exit.
    static void SetUpTestSuite() {
        if (!QApplication::instance()) {
            static int argc = 1;
            static char name[] = "compare_lessons_test";
            static char *argv[] = {name, nullptr};
            new QApplication(argc, argv);
        }
    }
};

Scenario default10() {
    Scenario s;
    s.server.iisVersion = IisVersion::V10_0;
    return s;
}

QLabel *label(const QWidget &parent, const QString &name) {
    auto *found = parent.findChild<QLabel *>(name);
    EXPECT_NE(found, nullptr) << name.toStdString();
    return found;
}

/// The fields whose rows the panel shows as changed, judged by every sign it gives: the
/// "changed" property, the ≠ marker and a visible reason.
std::set<std::string> markedFields(const ComparePanel &panel) {
    std::set<std::string> out;
    for (const std::string &field : resultFields()) {
        const QString id = QString::fromStdString(field);
        QLabel *marker = label(panel, QStringLiteral("compareMarker_") + id);
        QLabel *why = label(panel, QStringLiteral("compareWhy_") + id);
        QLabel *b = label(panel, QStringLiteral("compareB_") + id);
        const bool changed = marker->property("changed").toBool();
        EXPECT_EQ(b->property("changed").toBool(), changed) << field;
        EXPECT_EQ(marker->text(), changed ? QStringLiteral("\u2260") : QString()) << field;
        EXPECT_EQ(why->isVisibleTo(&panel), changed) << field;
        EXPECT_EQ(b->font().bold(), changed) << field;
        if (changed)
            out.insert(field);
    }
    return out;
}

TEST_F(UiTest, ComparePanelMarksExactlyTheChangedRows) {
    ComparePanel panel;
    QSignalSpy pinned(&panel, &ComparePanel::pinnedChanged);
    panel.setCurrent(default10());
    EXPECT_FALSE(panel.hasPinned());
    EXPECT_TRUE(markedFields(panel).empty());

    panel.setPinned(default10());
    EXPECT_TRUE(panel.hasPinned());
    ASSERT_EQ(pinned.count(), 1);
    EXPECT_TRUE(markedFields(panel).empty());

    Scenario b = default10();
    b.handler.kind = HandlerKind::AspNet;
    panel.setCurrent(b);
    EXPECT_EQ(markedFields(panel), (std::set<std::string>{"thread", "code", "content", "network"}));
    EXPECT_EQ(label(panel, "compareA_code")->text(), "NT AUTHORITY\\IUSR");
    EXPECT_EQ(label(panel, "compareB_code")->text(), "IIS APPPOOL\\DefaultAppPool");
    EXPECT_EQ(label(panel, "compareB_thread")->text(), QStringLiteral("\u2014"));
    EXPECT_EQ(label(panel, "compareWhy_code")->text().toStdString(),
              panel.comparison()->identities[1].why);
    EXPECT_TRUE(label(panel, "compareWhy_code")->text().contains("Handler (static"));

    // The changed input is listed and marked; colour is not the only mark.
    QLabel *input = label(panel, "compareInput_handler.kind");
    EXPECT_TRUE(input->property("changed").toBool());
    EXPECT_TRUE(input->isVisibleTo(&panel));
    EXPECT_EQ(label(panel, "compareInputMarker_handler.kind")->text(), QStringLiteral("\u2260"));
    // Its values in the catalogue's words, as the editor shows them.
    QStringList shown;
    for (const QLabel *cellLabel : panel.findChildren<QLabel *>())
        shown << cellLabel->text();
    EXPECT_TRUE(shown.contains(QStringLiteral("Static file"))) << shown.join('|').toStdString();
    EXPECT_TRUE(shown.contains(QStringLiteral("ASP.NET")));
    EXPECT_FALSE(shown.contains(QStringLiteral("aspnet")));

    // The tint comes from the palette and differs from an unchanged row's background.
    QLabel *changed = label(panel, "compareB_code");
    QLabel *unchanged = label(panel, "compareB_http");
    EXPECT_TRUE(changed->autoFillBackground());
    EXPECT_FALSE(unchanged->autoFillBackground());
    EXPECT_NE(changed->palette().color(QPalette::Window), panel.palette().color(QPalette::Base));

    panel.clearPinned();
    EXPECT_FALSE(panel.hasPinned());
    EXPECT_EQ(pinned.count(), 2);
    EXPECT_TRUE(markedFields(panel).empty());
    EXPECT_EQ(panel.findChild<QLabel *>("compareInput_handler.kind"), nullptr);
}

TEST_F(UiTest, ComparePanelEmptyUserNameChangesContentAndCode) {
    ComparePanel panel;
    panel.setPinned(default10());
    Scenario b = default10();
    b.authentication.anonymous.userName = "";
    panel.setCurrent(b);
    const std::set<std::string> marked = markedFields(panel);
    EXPECT_TRUE(marked.count("content"));
    EXPECT_TRUE(marked.count("code"));
    EXPECT_FALSE(marked.count("http"));
    EXPECT_FALSE(marked.count("worker"));
    EXPECT_TRUE(label(panel, "compareWhy_content")->text().contains("Anonymous user"));
}

TEST_F(UiTest, PinButtonPinsTheCurrentScenario) {
    ComparePanel panel;
    panel.setCurrent(default10());
    auto buttons = panel.findChildren<QPushButton *>();
    auto pin = std::find_if(buttons.begin(), buttons.end(), [](QPushButton *b) {
        return b->accessibleName() == "Pin the current scenario as A";
    });
    ASSERT_NE(pin, buttons.end());
    (*pin)->click();
    EXPECT_TRUE(panel.hasPinned());
    EXPECT_EQ(label(panel, "compareA_content")->text(), "NT AUTHORITY\\IUSR");
}

TEST_F(UiTest, LibraryLoadsTheBundledLessons) {
    LessonLibrary library;
    for (const Diagnostic &error : library.errors())
        ADD_FAILURE() << error.toString();
    EXPECT_GE(library.size(), 12);
    EXPECT_EQ(library.at(0).id, "wrong-iusr-password");

    LessonBrowser browser;
    QSignalSpy chosen(&browser, &LessonBrowser::lessonChosen);
    browser.setLessons(library.lessons());
    EXPECT_EQ(browser.count(), library.size());
    auto *list = browser.findChild<QListWidget *>();
    ASSERT_NE(list, nullptr);
    EXPECT_TRUE(list->item(0)->text().startsWith("1. The anonymous account's password changed\n"));
    browser.setCurrentIndex(3);
    QTest::keyClick(list, Qt::Key_Return);
    ASSERT_EQ(chosen.count(), 1);
    EXPECT_EQ(chosen.at(0).at(0).toInt(), 3);
}

TEST_F(UiTest, LibraryFindsALessonByIdAndNamesItsFolder) {
    LessonLibrary library;
    ASSERT_NE(library.find("double-hop"), nullptr);
    EXPECT_EQ(library.find("double-hop")->id, "double-hop");
    EXPECT_EQ(library.find("no-such-lesson"), nullptr);
    EXPECT_TRUE(library.directory().endsWith(QStringLiteral("/lessons")))
        << library.directory().toStdString();
}

TEST_F(UiTest, LibraryOfAMissingFolderSaysSo) {
    const LessonLibrary library(QStringLiteral("/nonexistent/lessons"));
    EXPECT_EQ(library.size(), 0);
    ASSERT_EQ(library.errors().size(), 1u);
    EXPECT_EQ(library.errors().front().toString(), "/nonexistent/lessons: error: no such folder");
}

const Lesson &lessonWithId(const LessonLibrary &library, const std::string &id) {
    auto it = std::find_if(library.lessons().begin(), library.lessons().end(),
                           [&](const Lesson &lesson) { return lesson.id == id; });
    EXPECT_NE(it, library.lessons().end()) << id;
    return *it;
}

TEST_F(UiTest, RevealShowsTheModelsAnswerAfterAWrongPrediction) {
    LessonLibrary library;
    LessonPanel panel;
    QSignalSpy made(&panel, &LessonPanel::choiceMade);
    QSignalSpy revealed(&panel, &LessonPanel::revealRequested);
    panel.setLesson(lessonWithId(library, "http-500-24"));
    EXPECT_FALSE(panel.isRevealed());
    EXPECT_EQ(panel.correctIndex(), 1);
    EXPECT_TRUE(label(panel, "lessonReason")->isHidden());

    panel.choose(0); // "200"
    ASSERT_EQ(made.count(), 1);
    EXPECT_EQ(made.at(0).at(0).toInt(), 0);
    EXPECT_TRUE(panel.findChild<QRadioButton *>("lessonChoice_0")->isChecked());

    panel.reveal();
    EXPECT_TRUE(panel.isRevealed());
    EXPECT_EQ(revealed.count(), 1);
    EXPECT_EQ(panel.verdictText(),
              QStringLiteral("\u2718 Not quite: you chose HTTP 200; the answer is HTTP 500.24."));
    EXPECT_TRUE(panel.reasonText().contains("500.24")) << panel.reasonText().toStdString();
    EXPECT_TRUE(panel.findChild<QRadioButton *>("lessonChoice_1")->text().contains("\u2714"));

    // After the reveal the prediction is locked and a second reveal does nothing.
    panel.choose(1);
    EXPECT_EQ(panel.chosen(), 0);
    panel.reveal();
    EXPECT_EQ(revealed.count(), 1);
}

TEST_F(UiTest, KeyboardChoosesAndReveals) {
    LessonLibrary library;
    LessonPanel panel;
    const Lesson &lesson = lessonWithId(library, "aspnet-upload");
    panel.setLesson(lesson);
    ASSERT_EQ(panel.correctIndex(), 1);
    QTest::keyClick(&panel, Qt::Key_2);
    EXPECT_EQ(panel.chosen(), 1);
    QTest::keyClick(&panel, Qt::Key_9); // no such choice
    EXPECT_EQ(panel.chosen(), 1);
    QTest::keyClick(&panel, Qt::Key_Return);
    EXPECT_TRUE(panel.isRevealed());
    EXPECT_EQ(panel.verdictText(), QStringLiteral("\u2714 Right: IIS APPPOOL\\DefaultAppPool."));
    EXPECT_TRUE(panel.reasonText().startsWith("Why (step "));

    // A new lesson starts unrevealed with nothing chosen.
    panel.setLesson(lessonWithId(library, "double-hop"));
    EXPECT_FALSE(panel.isRevealed());
    EXPECT_EQ(panel.chosen(), -1);
    EXPECT_EQ(panel.findChildren<QRadioButton *>().size(), 4);

    // Tab goes from the last choice to Reveal.
    auto *last = panel.findChild<QRadioButton *>("lessonChoice_3");
    auto *reveal = panel.findChild<QPushButton *>();
    ASSERT_NE(reveal, nullptr);
    EXPECT_EQ(last->nextInFocusChain(), reveal);
}

TEST_F(UiTest, RevealWithoutPredictionStillShowsTheAnswer) {
    LessonLibrary library;
    LessonPanel panel;
    panel.setLesson(lessonWithId(library, "stsadm-wscript-shell"));
    panel.reveal();
    EXPECT_EQ(panel.verdictText(),
              QStringLiteral("No prediction made. The answer: NT AUTHORITY\\NETWORK SERVICE."));
    EXPECT_TRUE(panel.reasonText().contains("CreateProcess"));
}

// Presenter mode enlarges the panels' font: every label, marked or not, follows it.
TEST_F(UiTest, TextScalesWithThePanelFont) {
    ComparePanel compare;
    compare.setPinned(default10());
    Scenario b = default10();
    b.handler.kind = HandlerKind::AspNet;
    compare.setCurrent(b);
    QFont large = compare.font();
    large.setPointSizeF(30);
    compare.setFont(large);
    EXPECT_EQ(label(compare, "compareB_code")->font().pointSizeF(), 30);
    EXPECT_TRUE(label(compare, "compareB_code")->font().bold());
    EXPECT_EQ(label(compare, "compareB_http")->font().pointSizeF(), 30);
    EXPECT_EQ(label(compare, "compareWhy_code")->font().pointSizeF(), 30);

    LessonLibrary library;
    LessonPanel panel;
    panel.setLesson(library.at(0));
    panel.setFont(large);
    EXPECT_EQ(label(panel, "lessonQuestion")->font().pointSizeF(), 30);
    EXPECT_EQ(label(panel, "lessonTitle")->font().pointSizeF(), 39);
    EXPECT_EQ(panel.findChild<QRadioButton *>("lessonChoice_0")->font().pointSizeF(), 30);
}

// A choice as tall as its font's line clipped the underscore of "WEB01\IUSR_WEB01" under
// Xvfb: each choice asks for room below the text, at the panel's font and at a presenter's.
TEST_F(UiTest, LessonChoicesLeaveRoomBelowTheirText) {
    LessonLibrary library;
    LessonPanel panel;
    panel.setLesson(library.at(0));
    for (const double points : {10.0, 30.0}) {
        QFont font = panel.font();
        font.setPointSizeF(points);
        panel.setFont(font);
        auto *choice = panel.findChild<QRadioButton *>("lessonChoice_0");
        ASSERT_NE(choice, nullptr);
        QRadioButton plain(choice->text());
        plain.setFont(choice->font());
        EXPECT_GE(choice->sizeHint().height(),
                  plain.sizeHint().height() + plain.fontMetrics().descent() / 3 + 1)
            << points;
    }
}

} // namespace
} // namespace iisid::ui
