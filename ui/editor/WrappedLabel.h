#pragma once

#include <QHash>
#include <QLabel>
#include <QMargins>

namespace iisid::ui {

/// A word-wrapped label that remembers its height for each width asked. A form lays out again
/// whenever one row changes, and asks every wrapped label of the section its height (not all
/// of it cached by Qt), which QLabel finds by laying its text out anew each time. The heights
/// are kept for a few texts, and forgotten when the margins, font or style change.
class WrappedLabel : public QLabel {
    Q_OBJECT
public:
    explicit WrappedLabel(const QString &text = QString(), QWidget *parent = nullptr);

    int heightForWidth(int width) const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    mutable QMargins m_margins;
    mutable QHash<QString, QHash<int, int>> m_heights; // by text, then by width
};

} // namespace iisid::ui
