#pragma once

// Checks shared by the tests of the main window on screens of several sizes.

#include <QAction>
#include <QStringList>
#include <QToolBar>
#include <QToolButton>
#include <QWidget>

#include <string>

namespace iisid::ui::test {

/// The playback bar's actions that have no visible button (the overflow menu holds them), and
/// "overflow button shown" when the bar's "››" is shown, joined by commas; empty when every
/// action is in view.
inline std::string hiddenPlaybackActions(const QWidget &window) {
    auto *bar = window.findChild<QToolBar *>(QStringLiteral("playbackToolBar"));
    if (!bar)
        return "no playback bar";
    QStringList hidden;
    for (QAction *action : bar->actions()) {
        QWidget *widget = bar->widgetForAction(action);
        if (action->isVisible() && !action->isSeparator() && (!widget || !widget->isVisible()))
            hidden << action->objectName() + QLatin1Char(' ') + action->text();
    }
    auto *overflow = bar->findChild<QToolButton *>(QStringLiteral("qt_toolbar_ext_button"));
    if (overflow && overflow->isVisible())
        hidden << QStringLiteral("overflow button shown");
    return hidden.join(QStringLiteral(", ")).toStdString();
}

} // namespace iisid::ui::test
