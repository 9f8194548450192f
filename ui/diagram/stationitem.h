#pragma once

#include "dashedstroke.h"
#include "diagramlayout.h"

#include <QGraphicsObject>

class QPalette;

namespace iisid::ui {

class TokenBadgeItem;

/// A station of the request's path: its name, a detail line, the token it holds (a child
/// badge), its state (pending, passed, current, failed, not reached) and, where the rule behind
/// it is not confirmed, a mark saying so. Draws the texts the model's layout placed.
class StationItem : public QGraphicsObject {
    Q_OBJECT
public:
    enum { Type = UserType + 1 };

    explicit StationItem(const StationLayout &station, QGraphicsItem *parent = nullptr);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    void setFrame(const StationFrame &frame);
    /// Compare: what the pinned scenario A shows here when it differs ("≠ A" on the top edge,
    /// A's value in the tooltip); empty when the station ends the same in A, or nothing is
    /// pinned.
    void setDifferenceFromA(const QString &inA);
    /// The type of the "≠ A" mark (the layout's variant: larger in presenter mode).
    void setCompareMarkStyle(const diagram::TextStyle &style);
    QString differenceFromA() const { return m_inA; }
    StationState state() const { return m_state; }
    StationKind kind() const { return m_station.kind; }
    QString title() const;
    TokenBadgeItem *badge() const { return m_badge; }
    /// The opacity the station has in its state; the animator fades towards it.
    static double opacityFor(StationState state) { return diagram::stationOpacity(state); }

private:
    /// Paints the station as it is now (paint() keeps the picture).
    void draw(QPainter *painter, const QPalette &palette);
    StationLayout m_station;
    StationState m_state = StationState::Pending;
    QString m_inA;
    diagram::TextStyle m_markStyle = diagram::metrics::compareMarkStyle;
    TokenBadgeItem *m_badge = nullptr;
    DashedStroke m_dashedBorder; // not reached
};

} // namespace iisid::ui
