#pragma once

#include <QApplication>
#include <QStandardPaths>

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

} // namespace iisid::ui::test
