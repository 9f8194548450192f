#include "FocusKeys.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QTextEdit>

namespace iisid::ui {

namespace {

bool isTextInput(const QWidget *focus) {
    if (const auto *line = qobject_cast<const QLineEdit *>(focus))
        return !line->isReadOnly();
    if (const auto *text = qobject_cast<const QTextEdit *>(focus))
        return !text->isReadOnly();
    if (const auto *plain = qobject_cast<const QPlainTextEdit *>(focus))
        return !plain->isReadOnly();
    if (const auto *combo = qobject_cast<const QComboBox *>(focus))
        return combo->isEditable();
    return qobject_cast<const QAbstractSpinBox *>(focus) != nullptr;
}

bool isArrow(int key) {
    return key == Qt::Key_Left || key == Qt::Key_Right || key == Qt::Key_Up || key == Qt::Key_Down;
}

} // namespace

bool focusUsesKey(const QWidget *focus, const QKeyEvent &key) {
    if (!focus)
        return false;
    // Shortcuts with Ctrl or Alt are the window's everywhere.
    if (key.modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return false;
    const int code = key.key();
    if (isTextInput(focus))
        return true;
    if (qobject_cast<const QRadioButton *>(focus))
        return code == Qt::Key_Space || isArrow(code);
    if (qobject_cast<const QAbstractButton *>(focus))
        return code == Qt::Key_Space;
    if (qobject_cast<const QComboBox *>(focus))
        return code == Qt::Key_Space || isArrow(code);
    // A view's viewport can hold the focus as well as the view.
    const QWidget *view = focus;
    if (!qobject_cast<const QAbstractItemView *>(view) && focus->parentWidget())
        view = focus->parentWidget();
    if (qobject_cast<const QAbstractItemView *>(view))
        return code == Qt::Key_Space || code == Qt::Key_Up || code == Qt::Key_Down ||
               code == Qt::Key_Return || code == Qt::Key_Enter;
    return false;
}

} // namespace iisid::ui
