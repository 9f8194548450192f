#pragma once

#include <QEvent>
#include <QLabel>

namespace iisid::ui {

/// The playback bar's "Step 3 of 8": always as wide as the widest text it shows for the picture,
/// so that stepping on ("Step 9 of 12", "Step 10 of 12") does not lay the whole window out again.
/// A widget of fixed size tells no layout that its text changed.
class StepLabel : public QLabel {
public:
    explicit StepLabel(QWidget *parent = nullptr)
        : QLabel(parent) {}

    /// Shows `text`, in a label as wide as `widest` (the same words for the last step).
    void setStep(const QString &text, const QString &widest) {
        m_widest = widest;
        setText(text);
        fit();
    }

protected:
    void changeEvent(QEvent *event) override {
        QLabel::changeEvent(event);
        if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
            fit();
    }

private:
    void fit() {
        const QMargins frame = contentsMargins();
        const QSize size(fontMetrics().horizontalAdvance(m_widest) + 2 * margin() + frame.left() +
                             frame.right() + 2, // a rounded pixel each side
                         fontMetrics().height() + 2 * margin() + frame.top() + frame.bottom());
        if (minimumSize() != size || maximumSize() != size)
            setFixedSize(size);
    }

    QString m_widest;
};

} // namespace iisid::ui
