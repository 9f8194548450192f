#pragma once

#include <QHash>
#include <QLabel>
#include <QMargins>

namespace iisid::ui {

/// A word-wrapped label that remembers its height for each width asked. A form lays out again
/// whenever one row changes, and asks every wrapped label of the section its height (not all
/// of it cached by Qt), which QLabel finds by laying its text out anew each time. The heights
/// are forgotten when the text, margins, font or style change.
class WrappedLabel : public QLabel {
    Q_OBJECT
public:
    explicit WrappedLabel(const QString &text = QString(), QWidget *parent = nullptr);

    int heightForWidth(int width) const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    mutable QString m_text;
    mutable QMargins m_margins;
    mutable QHash<int, int> m_heights;
};

} // namespace iisid::ui
