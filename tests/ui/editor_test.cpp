#include "UiTestApp.h"

#include "model/scenario_io.h"
#include "model/settings.h"
#include "ui/editor/ScenarioEditor.h"
#include "ui/editor/SettingRow.h"
#include "ui/window/QtText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpontaneKeyEvent>
#include <QTest>
#include <QToolButton>
#include <QWheelEvent>

#include <gtest/gtest.h>

#include <algorithm>

using iisid::Scenario;
using iisid::Setting;
using iisid::settings;
using iisid::ui::ScenarioEditor;
using iisid::ui::toQString;

namespace {

class ScenarioEditorTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { iisid::ui::test::application(); }

    template <typename T> T *control(ScenarioEditor &editor, const char *id) {
        auto *widget = qobject_cast<T *>(editor.control(id));
        EXPECT_NE(widget, nullptr) << id;
        return widget;
    }
};

TEST_F(ScenarioEditorTest, HasExactlyOneControlPerSettingOfTheCatalogue) {
    ScenarioEditor editor;
    const std::vector<QWidget *> controls = editor.controls();
    ASSERT_EQ(controls.size(), settings().size());
    // Counted from the widget tree, not the editor's list: nothing else carries a setting id.
    int tagged = 0;
    for (QWidget *widget : editor.findChildren<QWidget *>()) {
        if (widget->property("settingId").isValid())
            ++tagged;
    }
    EXPECT_EQ(tagged, static_cast<int>(settings().size()));
    for (std::size_t i = 0; i < settings().size(); ++i) {
        const Setting &setting = settings()[i];
        QWidget *control = controls[i];
        EXPECT_EQ(control->property("settingId").toString(), toQString(setting.id));
        EXPECT_FALSE(control->accessibleName().isEmpty()) << setting.id;
        EXPECT_TRUE(control->whatsThis().contains(toQString(setting.help))) << setting.id;
        EXPECT_TRUE(control->toolTip().contains(toQString(setting.help))) << setting.id;
        // A default that depends on other settings says how, beside the help.
        EXPECT_EQ(control->toolTip().contains(QStringLiteral("Default: ")),
                  !setting.defaultNote.empty())
            << setting.id;
        if (!setting.defaultNote.empty()) {
            EXPECT_TRUE(control->toolTip().contains(toQString(setting.defaultNote))) << setting.id;
        }
        switch (setting.type) {
        case iisid::SettingType::Bool:
            EXPECT_NE(qobject_cast<QCheckBox *>(control), nullptr) << setting.id;
            break;
        case iisid::SettingType::Choice:
            ASSERT_NE(qobject_cast<QComboBox *>(control), nullptr) << setting.id;
            // "(default: X)" first, then one item per allowed value, carrying it as data.
            EXPECT_EQ(qobject_cast<QComboBox *>(control)->count(),
                      static_cast<int>(setting.choices.size()) + 1);
            break;
        case iisid::SettingType::Text:
        case iisid::SettingType::TextList:
            EXPECT_NE(qobject_cast<QLineEdit *>(control), nullptr) << setting.id;
            break;
        }
    }
}

TEST_F(ScenarioEditorTest, GroupsFollowTheCatalogue) {
    ScenarioEditor editor;
    for (const Setting &setting : settings())
        EXPECT_NE(editor.section(toQString(setting.group)), nullptr) << setting.group;
    EXPECT_EQ(editor.section(QStringLiteral("No such group")), nullptr);
}

TEST_F(ScenarioEditorTest, DisablesSettingsWithoutEffectAndSaysWhy) {
    ScenarioEditor editor;
    const Scenario scenario = editor.scenario();
    int disabled = 0;
    for (const Setting &setting : settings()) {
        QWidget *control = editor.control(setting.id);
        std::optional<std::string> reason = setting.problem(scenario);
        if (!reason)
            reason = setting.inactiveReason(scenario);
        EXPECT_EQ(control->isEnabled(), !reason.has_value()) << setting.id;
        if (reason) {
            ++disabled;
            EXPECT_TRUE(control->toolTip().contains(toQString(*reason))) << setting.id;
        }
    }
    // The default scenario (static file on IIS 10) leaves e.g. the CGI switch without effect.
    EXPECT_GT(disabled, 0);
    EXPECT_FALSE(editor.control("handler.createProcessAsUser")->isEnabled());
}

TEST_F(ScenarioEditorTest, ADisabledRowSaysWhyInTextTheKeyboardCanRead) {
    ScenarioEditor editor;
    editor.show();
    const Setting *cpau = iisid::findSetting("handler.createProcessAsUser");
    ASSERT_NE(cpau, nullptr);
    const std::optional<std::string> reason = cpau->inactiveReason(editor.scenario());
    ASSERT_TRUE(reason.has_value());
    auto *note = editor.findChild<QLabel *>(QStringLiteral("note:handler.createProcessAsUser"));
    ASSERT_NE(note, nullptr);
    EXPECT_TRUE(note->isVisible());
    EXPECT_EQ(note->text(), QStringLiteral("No effect: ") + toQString(*reason));
    // An enabled row has no note.
    auto *kindNote = editor.findChild<QLabel *>(QStringLiteral("note:handler.kind"));
    ASSERT_NE(kindNote, nullptr);
    EXPECT_FALSE(kindNote->isVisible());
}

TEST_F(ScenarioEditorTest, DropDownsShowTheCataloguesWordsAndWriteTheSpelling) {
    ScenarioEditor editor;
    auto *kind = control<QComboBox>(editor, "handler.kind");
    ASSERT_NE(kind, nullptr);
    const int filter = kind->findData(QStringLiteral("isapiFilter"));
    ASSERT_GT(filter, 0);
    EXPECT_EQ(kind->itemText(filter), QStringLiteral("ISAPI filter"));
    EXPECT_EQ(kind->itemText(kind->findData(QStringLiteral("aspnetCore"))),
              QStringLiteral("ASP.NET Core"));
    EXPECT_EQ(kind->itemText(0), QStringLiteral("(default: Static file)"));
    emit kind->activated(filter);
    EXPECT_EQ(editor.scenario().handler.kind, iisid::HandlerKind::IsapiFilter);
    // No raw spelling reaches any drop-down of the catalogue.
    for (const Setting &setting : settings()) {
        if (setting.type != iisid::SettingType::Choice)
            continue;
        auto *combo = qobject_cast<QComboBox *>(editor.control(setting.id));
        ASSERT_NE(combo, nullptr) << setting.id;
        for (int index = 1; index < combo->count(); ++index)
            EXPECT_EQ(combo->itemText(index),
                      toQString(setting.choiceLabels[static_cast<std::size_t>(index - 1)]))
                << setting.id;
    }
}

// Issue 10 §4: "(default: Worker process isolation)" was cut in the narrow editor column at
// 1280x720. A default's drop-down shows its words whole: with "(default: …)" where that fits,
// else the default's words alone (in the placeholder colour).
TEST_F(ScenarioEditorTest, ADefaultIsReadableInANarrowColumn) {
    Scenario iis6;
    iis6.server.iisVersion = iisid::IisVersion::V6_0;
    // The narrowest the main window's splitter lets the editor be, and a wide column.
    const int narrowest = ScenarioEditor().minimumSizeHint().width();
    for (const int width : {narrowest, 700}) {
        ScenarioEditor editor;
        editor.setScenario(iis6);
        editor.resize(width, 700);
        editor.show();
        QCoreApplication::processEvents();
        for (const Setting &setting : settings()) {
            if (setting.type != iisid::SettingType::Choice)
                continue;
            auto *combo = qobject_cast<iisid::ui::SettingComboBox *>(editor.control(setting.id));
            ASSERT_NE(combo, nullptr) << setting.id;
            EXPECT_LE(combo->fontMetrics().horizontalAdvance(combo->shownText()), combo->textRoom())
                << setting.id << " at " << width << ": " << combo->shownText().toStdString();
        }
        auto *mode = qobject_cast<iisid::ui::SettingComboBox *>(editor.control("server.iis6Mode"));
        ASSERT_NE(mode, nullptr);
        EXPECT_EQ(mode->itemText(0), QStringLiteral("(default: Worker process isolation)"));
        EXPECT_EQ(mode->shownText(), width < 400 ? QStringLiteral("Worker process isolation")
                                                 : QStringLiteral("(default: Worker process "
                                                                  "isolation)"))
            << width;
    }
}

// At 1280x720 the editor column is at its narrowest: every control and its reset button stay
// inside the part of the column that shows (the editor never scrolls sideways).
TEST_F(ScenarioEditorTest, EveryRowFitsANarrowColumn) {
    ScenarioEditor editor;
    // The editor asks for no more than about a fifth of a 1280 px window...
    EXPECT_LE(editor.minimumSizeHint().width(), 280);
    // ...and at that width nothing is cut.
    editor.resize(editor.minimumSizeHint().width(), 700);
    editor.show();
    QCoreApplication::processEvents();
    const int shown = editor.viewport()->width();
    EXPECT_LE(editor.widget()->width(), shown);
    // Whatever the scenario says beneath its rows (a reason naming a setting), too.
    const QDir bundled(QStringLiteral(IISID_SOURCE_DIR "/resources/scenarios"));
    const QStringList files = bundled.entryList({QStringLiteral("*.iisid.json")});
    EXPECT_GE(files.size(), 30);
    for (const QString &name : files) {
        QFile file(bundled.filePath(name));
        ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << name.toStdString();
        const QByteArray text = file.readAll();
        const auto loaded = iisid::readScenario(std::string_view(text.constData(), text.size()),
                                                name.toStdString());
        ASSERT_TRUE(loaded.ok()) << name.toStdString();
        editor.setScenario(loaded->scenario);
        for (const QLabel *label : editor.widget()->findChildren<QLabel *>()) {
            EXPECT_LE(label->minimumSizeHint().width(), shown)
                << name.toStdString() << ": " << label->text().toStdString();
        }
        EXPECT_LE(editor.widget()->minimumSizeHint().width(), shown) << name.toStdString();
    }
    editor.setScenario(Scenario{});
    QCoreApplication::processEvents();
    for (const Setting &setting : settings()) {
        QWidget *control = editor.control(setting.id);
        ASSERT_NE(control, nullptr) << setting.id;
        auto *reset =
            editor.findChild<QToolButton *>(QStringLiteral("reset:") + toQString(setting.id));
        ASSERT_NE(reset, nullptr) << setting.id;
        for (QWidget *widget : {control, static_cast<QWidget *>(reset)}) {
            const QPoint right = widget->mapTo(editor.viewport(), QPoint(widget->width(), 0));
            EXPECT_LE(right.x(), shown) << setting.id << " " << widget->objectName().toStdString();
        }
    }
    EXPECT_GE(editor.minimumSizeHint().width(), editor.widget()->minimumSizeHint().width() +
                                                    editor.verticalScrollBar()->sizeHint().width());
}

TEST_F(ScenarioEditorTest, TheIdentityListOffersOnlyWhatTheVersionHas) {
    ScenarioEditor editor;
    auto *identity = control<QComboBox>(editor, "appPool.identity");
    ASSERT_NE(identity, nullptr);
    const int poolIdentity = identity->findData(QStringLiteral("ApplicationPoolIdentity"));
    ASSERT_GT(poolIdentity, 0);
    auto *list = qobject_cast<QListView *>(identity->view());
    ASSERT_NE(list, nullptr);
    EXPECT_FALSE(list->isRowHidden(poolIdentity));
    Scenario iis6;
    iis6.server.iisVersion = iisid::IisVersion::V6_0;
    editor.setScenario(iis6);
    EXPECT_TRUE(list->isRowHidden(poolIdentity));
    EXPECT_FALSE(list->isRowHidden(identity->findData(QStringLiteral("NetworkService"))));
    // A written value that the version lacks stays shown, with its problem, until changed.
    iis6.appPool.identity = iisid::PoolIdentity::ApplicationPoolIdentity;
    editor.setScenario(iis6);
    EXPECT_EQ(identity->currentIndex(), poolIdentity);
    EXPECT_FALSE(list->isRowHidden(poolIdentity));
}

TEST_F(ScenarioEditorTest, TheWheelScrollsPastADropDownWithoutChangingIt) {
    ScenarioEditor editor;
    editor.resize(360, 300);
    editor.show();
    QApplication::setActiveWindow(&editor);
    auto *pipeline = control<QComboBox>(editor, "appPool.pipeline");
    ASSERT_NE(pipeline, nullptr);
    QCoreApplication::processEvents(); // lay the editor out: it has to scroll
    ASSERT_GT(editor.verticalScrollBar()->maximum(), 0);
    const int before = pipeline->currentIndex();
    const int scrolledBefore = editor.verticalScrollBar()->value();
    auto wheel = [&](QWidget *target) {
        const QPointF at(target->width() / 2.0, target->height() / 2.0);
        QWheelEvent event(at, target->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        // As from the mouse: only such a wheel event goes on to the parents when ignored
        // (sendEvent() would mark it synthesized again).
        QSpontaneKeyEvent::setSpontaneous(&event);
        QApplication::instance()->notify(target, &event);
    };
    for (int notch = 0; notch < 3; ++notch)
        wheel(pipeline);
    EXPECT_EQ(pipeline->currentIndex(), before);
    EXPECT_FALSE(editor.scenario().appPool.pipeline.has_value());
    // The wheel went on to the editor, which scrolled.
    EXPECT_GT(editor.verticalScrollBar()->value(), scrolledBefore);
    // With the focus the drop-down takes the wheel, as one expects of the control being edited.
    pipeline->setFocus();
    ASSERT_TRUE(pipeline->hasFocus());
    wheel(pipeline);
    EXPECT_NE(pipeline->currentIndex(), before);
}

TEST_F(ScenarioEditorTest, TabFollowsTheRowsAsShown) {
    ScenarioEditor editor;
    editor.show();
    QApplication::setActiveWindow(&editor);
    Scenario cgi;
    cgi.handler.kind = iisid::HandlerKind::Cgi;
    editor.setScenario(cgi);
    // From the handler drop-down, Tab reaches the CGI switch (a row of the Handler section)
    // before anything of the sections below it.
    QWidget *kind = editor.control("handler.kind");
    QWidget *cpau = editor.control("handler.createProcessAsUser");
    QWidget *contentPath = editor.control("content.path");
    QWidget *requestUser = editor.control("request.user");
    kind->setFocus();
    std::vector<QWidget *> order;
    for (int press = 0; press < 80 && order.size() < 80; ++press) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        order.push_back(QApplication::focusWidget());
    }
    auto position = [&](QWidget *widget) {
        return std::find(order.begin(), order.end(), widget) - order.begin();
    };
    ASSERT_LT(position(cpau), static_cast<long>(order.size()));
    EXPECT_LT(position(cpau), position(requestUser));
    EXPECT_LT(position(cpau), position(contentPath));
}

TEST_F(ScenarioEditorTest, ChoosingAChoiceUpdatesTheScenarioAndTheDependentControls) {
    ScenarioEditor editor;
    QSignalSpy changed(&editor, &ScenarioEditor::scenarioChanged);
    auto *kind = control<QComboBox>(editor, "handler.kind");
    ASSERT_NE(kind, nullptr);
    const int cgi = kind->findData(QStringLiteral("cgi"));
    ASSERT_GT(cgi, 0);
    emit kind->activated(cgi);
    EXPECT_EQ(changed.count(), 1);
    ASSERT_TRUE(editor.scenario().handler.kind.has_value());
    EXPECT_EQ(*editor.scenario().handler.kind, iisid::HandlerKind::Cgi);
    EXPECT_EQ(kind->currentIndex(), cgi);
    EXPECT_TRUE(editor.control("handler.createProcessAsUser")->isEnabled());
    // Item 0 writes nothing: the default applies again.
    emit kind->activated(0);
    EXPECT_EQ(changed.count(), 2);
    EXPECT_FALSE(editor.scenario().handler.kind.has_value());
}

TEST_F(ScenarioEditorTest, CheckBoxWritesTheValueAndResetRemovesIt) {
    ScenarioEditor editor;
    // The first check box that matters in the default scenario.
    const Setting *found = nullptr;
    for (const Setting &candidate : settings()) {
        if (candidate.type == iisid::SettingType::Bool &&
            editor.control(candidate.id)->isEnabled()) {
            found = &candidate;
            break;
        }
    }
    ASSERT_NE(found, nullptr);
    const Setting &setting = *found;
    auto *box = qobject_cast<QCheckBox *>(editor.control(setting.id));
    ASSERT_NE(box, nullptr);
    const bool byDefault = setting.defaultValue(editor.scenario()) == iisid::SettingValue(true);
    EXPECT_EQ(box->isChecked(), byDefault); // the default, shown while nothing is written
    EXPECT_EQ(box->text(), QStringLiteral("(default)"));
    auto *reset = editor.findChild<QToolButton *>(QStringLiteral("reset:") + toQString(setting.id));
    ASSERT_NE(reset, nullptr);
    EXPECT_FALSE(reset->isEnabled());
    box->click();
    EXPECT_EQ(setting.get(editor.scenario()), iisid::SettingValue(!byDefault));
    EXPECT_TRUE(reset->isEnabled());
    EXPECT_TRUE(box->text().isEmpty());
    reset->click();
    EXPECT_EQ(setting.get(editor.scenario()), iisid::SettingValue());
    EXPECT_EQ(box->isChecked(), byDefault);
    EXPECT_FALSE(reset->isEnabled());
}

TEST_F(ScenarioEditorTest, TextFieldsShowTheDefaultAndWriteWhatIsTyped) {
    ScenarioEditor editor;
    auto *user = control<QLineEdit>(editor, "authentication.anonymous.userName");
    ASSERT_NE(user, nullptr);
    EXPECT_TRUE(user->text().isEmpty());
    EXPECT_TRUE(user->placeholderText().startsWith(QStringLiteral("(default: ")));
    QTest::keyClicks(user, QStringLiteral("CONTOSO\\anon"));
    EXPECT_EQ(editor.scenario().authentication.anonymous.userName,
              std::optional<std::string>("CONTOSO\\anon"));
    EXPECT_EQ(user->text(), QStringLiteral("CONTOSO\\anon"));
}

TEST_F(ScenarioEditorTest, ANameBeingTypedStaysEditableAndSaysWhatIsWrong) {
    ScenarioEditor editor;
    auto *user = control<QLineEdit>(editor, "request.user");
    ASSERT_NE(user, nullptr);
    QTest::keyClicks(user, QStringLiteral("CONTOSO\\"));
    EXPECT_TRUE(user->isEnabled());
    EXPECT_TRUE(user->toolTip().startsWith(
        QStringLiteral("Problem: the user name after the '\\' in \"CONTOSO\\\" is empty")))
        << user->toolTip().toStdString();
    QTest::keyClicks(user, QStringLiteral("alice"));
    EXPECT_EQ(editor.scenario().request.user, std::optional<std::string>("CONTOSO\\alice"));
    EXPECT_FALSE(user->toolTip().startsWith(QStringLiteral("Problem: ")));
}

TEST_F(ScenarioEditorTest, NullableTextLeftEmptyMeansNone) {
    ScenarioEditor editor;
    auto *user = control<QLineEdit>(editor, "request.user");
    ASSERT_NE(user, nullptr);
    ASSERT_TRUE(iisid::findSetting("request.user")->nullable);
    QTest::keyClicks(user, QStringLiteral("x"));
    EXPECT_EQ(editor.scenario().request.user, std::optional<std::string>("x"));
    QTest::keyClick(user, Qt::Key_Backspace);
    EXPECT_FALSE(editor.scenario().request.user.has_value());
}

TEST_F(ScenarioEditorTest, ListFieldTakesCommaSeparatedNames) {
    ScenarioEditor editor;
    auto *readers = control<QLineEdit>(editor, "content.readableBy");
    ASSERT_NE(readers, nullptr);
    QTest::keyClicks(readers, QStringLiteral("CONTOSO\\alice, Everyone,,"));
    const std::vector<std::string> expected{"CONTOSO\\alice", "Everyone"};
    EXPECT_EQ(editor.scenario().content.readableBy,
              iisid::Known<std::vector<std::string>>(expected));
}

// "unknown" comes from the catalogue (Setting::acceptsUnknown), not from setting ids: a
// tri-state check box for a boolean, an "unknown" box beside a list.
TEST_F(ScenarioEditorTest, UnknownIsOfferedWhereTheCatalogueAcceptsIt) {
    ScenarioEditor editor;
    for (const Setting &setting : settings()) {
        if (auto *box = qobject_cast<QCheckBox *>(editor.control(setting.id))) {
            EXPECT_EQ(box->isTristate(), setting.acceptsUnknown) << setting.id;
            EXPECT_EQ(box->accessibleDescription().contains(QStringLiteral("unknown")),
                      setting.acceptsUnknown)
                << setting.id;
        }
        const bool listWithUnknown =
            setting.type == iisid::SettingType::TextList && setting.acceptsUnknown;
        EXPECT_EQ(editor.findChild<QCheckBox *>(QStringLiteral("unknown:") +
                                                toQString(setting.id)) != nullptr,
                  listWithUnknown)
            << setting.id;
    }
}

TEST_F(ScenarioEditorTest, ATriStateBoxWritesUnknown) {
    ScenarioEditor editor;
    // Give the request a user so that credentialsValid matters.
    QTest::keyClicks(control<QLineEdit>(editor, "request.user"), QStringLiteral("CONTOSO\\alice"));
    auto *box = control<QCheckBox>(editor, "request.credentialsValid");
    ASSERT_NE(box, nullptr);
    ASSERT_TRUE(box->isEnabled());
    EXPECT_EQ(box->checkState(), Qt::Checked); // the default: true
    box->click();                              // false
    EXPECT_EQ(editor.scenario().request.credentialsValid, iisid::Known<bool>(false));
    box->click(); // unknown
    EXPECT_EQ(editor.scenario().request.credentialsValid, iisid::Known<bool>(iisid::unknown));
    EXPECT_EQ(box->checkState(), Qt::PartiallyChecked);
    EXPECT_EQ(box->text(), QStringLiteral("unknown"));
    box->click(); // true
    EXPECT_EQ(editor.scenario().request.credentialsValid, iisid::Known<bool>(true));
}

TEST_F(ScenarioEditorTest, AListCanBeSetToUnknownAndBackFromTheKeyboard) {
    ScenarioEditor editor;
    auto *readers = control<QLineEdit>(editor, "content.readableBy");
    auto *unknownBox = editor.findChild<QCheckBox *>(QStringLiteral("unknown:content.readableBy"));
    ASSERT_NE(readers, nullptr);
    ASSERT_NE(unknownBox, nullptr);
    EXPECT_NE(unknownBox->focusPolicy() & Qt::TabFocus, 0);
    EXPECT_FALSE(unknownBox->accessibleName().isEmpty());
    QTest::keyClicks(readers, QStringLiteral("IIS_IUSRS"));
    unknownBox->setFocus();
    QTest::keyClick(unknownBox, Qt::Key_Space);
    EXPECT_EQ(editor.scenario().content.readableBy,
              iisid::Known<std::vector<std::string>>(iisid::unknown));
    EXPECT_TRUE(unknownBox->isChecked());
    EXPECT_TRUE(readers->isReadOnly());
    EXPECT_EQ(readers->placeholderText(), QStringLiteral("(unknown)"));
    QTest::keyClick(unknownBox, Qt::Key_Space);
    EXPECT_FALSE(editor.scenario().content.readableBy.has_value());
    EXPECT_FALSE(readers->isReadOnly());
}

TEST_F(ScenarioEditorTest, SetScenarioShowsItWithoutReportingAChange) {
    ScenarioEditor editor;
    QSignalSpy changed(&editor, &ScenarioEditor::scenarioChanged);
    Scenario scenario;
    scenario.handler.kind = iisid::HandlerKind::FastCgi;
    scenario.request.user = "CONTOSO\\bob";
    editor.setScenario(scenario);
    EXPECT_EQ(changed.count(), 0);
    auto *kind = control<QComboBox>(editor, "handler.kind");
    EXPECT_EQ(kind->currentData().toString(), QStringLiteral("fastcgi"));
    EXPECT_EQ(control<QLineEdit>(editor, "request.user")->text(), QStringLiteral("CONTOSO\\bob"));
}

} // namespace
