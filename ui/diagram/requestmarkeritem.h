#pragma once

#include <QGraphicsObject>

namespace iisid::ui {

/// The request travelling through the diagram: a dot that moves from station to station and
/// turns red where the request fails.
class RequestMarkerItem : public QGraphicsObject {
    Q_OBJECT
public:
    enum { Type = UserType + 4 };

    explicit RequestMarkerItem(QGraphicsItem *parent = nullptr);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    void setFailed(bool failed);
    bool failed() const { return m_failed; }

private:
    bool m_failed = false;
};

} // namespace iisid::ui
