#pragma once

#include <QGraphicsObject>

namespace iisid::ui {

/// The caption under the diagram: the step ("Step 3 of 9 · Authentication · in w3wp.exe") and,
/// in one sentence, what changed hands there.
class CaptionItem : public QGraphicsObject {
    Q_OBJECT
public:
    enum { Type = UserType + 5 };

    explicit CaptionItem(const QRectF &rect, QGraphicsItem *parent = nullptr);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    void setText(const QString &heading, const QString &caption, bool failed);
    QString heading() const { return m_heading; }
    QString caption() const { return m_caption; }

private:
    QSizeF m_size;
    QString m_heading;
    QString m_caption;
    bool m_failed = false;
};

} // namespace iisid::ui
