#pragma once

#include <QApplication>
#include <QStandardPaths>
#include <QTest>

namespace iisid::ui::test {

/// The one QApplication of a UI test program, created on first use (GoogleTest owns main).
/// QSettings and recent files go to Qt's test locations, not the user's.
inline QApplication &application() {
    static int argc = 1;
    static char name[] = "ui_window_tests";
    static char *argv[] = {name, nullptr};
    static QApplication *app = [] {
        QStandardPaths::setTestModeEnabled(true);
        auto *created = new QApplication(argc, argv);
        QApplication::setOrganizationName(QStringLiteral("IISIdentityExplainer"));
        QApplication::setApplicationName(QStringLiteral("iisid-gui-tests"));
        return created;
    }();
    return *app;
}

/// Processes events until `condition` holds or `milliseconds` pass; true when it held. QTest's
/// QTRY_ macros report a timeout to QTest, which GoogleTest does not hear: a wait that timed out
/// only left the test early, passed. Use as ASSERT_TRUE(waitUntil([&] { ... })).
template <typename Condition> bool waitUntil(Condition condition, int milliseconds = 5000) {
    return QTest::qWaitFor(condition, milliseconds);
}

} // namespace iisid::ui::test
