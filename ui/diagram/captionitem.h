#pragma once

#include "diagramlayout.h"

#include <QGraphicsObject>

class QPalette;

namespace iisid::ui {

/// The caption under the diagram: the step ("Step 3 of 9 · Authentication · in w3wp.exe") and,
/// in one sentence wrapped to the box, what changed hands there.
class CaptionItem : public QGraphicsObject {
    Q_OBJECT
public:
    enum { Type = UserType + 5 };

    explicit CaptionItem(const QRectF &rect, QGraphicsItem *parent = nullptr);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    /// The frame's heading and caption, as the layout wrapped them.
    void setFrame(const DiagramFrame &frame);
    QString heading() const { return m_heading; }
    QString caption() const { return m_caption; }

private:
    /// Paints the caption as it is now (paint() keeps the picture).
    void draw(QPainter *painter, const QPalette &palette);
    QSizeF m_size;
    QString m_heading;
    QString m_caption;
    TextBlock m_headingText;
    TextBlock m_captionText;
    bool m_failed = false;
};

} // namespace iisid::ui
