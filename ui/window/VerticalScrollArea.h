#pragma once

#include <QEvent>
#include <QScrollArea>
#include <QScrollBar>

namespace iisid::ui {

/// A scroll area that scrolls down only and is never narrower than its widget's narrowest layout
/// (the widget's minimum width, the scroll bar and the frame), so a splitter or a dock cannot
/// cut the widget's text at the right: what does not fit in height is reached by scrolling.
class VerticalScrollArea : public QScrollArea {
public:
    explicit VerticalScrollArea(QWidget *parent = nullptr)
        : QScrollArea(parent) {
        setWidgetResizable(true);
        setFrameShape(QFrame::NoFrame);
        setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    }

    QSize minimumSizeHint() const override {
        QSize size = QScrollArea::minimumSizeHint();
        if (widget())
            size.setWidth(widget()->minimumSizeHint().width() +
                          verticalScrollBar()->sizeHint().width() + 2 * frameWidth());
        return size;
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        // The widget's texts or type changed: its narrowest layout may have too. Only a new
        // width is news for the window: a new height is this area's to scroll, and telling
        // the window would lay all of it out again at every change of a result.
        if (watched == widget() && event->type() == QEvent::LayoutRequest) {
            const int narrowest = widget()->minimumSizeHint().width();
            if (narrowest != m_narrowest) {
                m_narrowest = narrowest;
                updateGeometry();
            }
        }
        return QScrollArea::eventFilter(watched, event);
    }

private:
    int m_narrowest = -1; // the widget's minimum width when the window last heard of it
};

} // namespace iisid::ui
