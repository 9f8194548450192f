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
        // The widget's texts or type changed: its narrowest layout may have too.
        if (watched == widget() && event->type() == QEvent::LayoutRequest)
            updateGeometry();
        return QScrollArea::eventFilter(watched, event);
    }
};

} // namespace iisid::ui
