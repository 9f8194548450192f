#pragma once

#include "diagramlayout.h"

#include "model/resolution.h"

#include <QGraphicsScene>

#include <optional>
#include <vector>

namespace iisid::ui {

class ArrowItem;
class CaptionItem;
class LaneItem;
class RequestMarkerItem;
class StationItem;
class TokenBadgeItem;

/// The scene of the request-flow diagram. It owns the items built from a DiagramLayout and
/// shows a DiagramFrame exactly (applyFrame); it holds no timing. The animator moves items
/// between two frames, always ending on what applyFrame would show.
class DiagramScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit DiagramScene(QObject *parent = nullptr);

    /// Lays out anew (diagram::layout) and shows the last step.
    void setResolution(const Resolution &resolution);
    /// The variant of the layout the next setResolution lays out (presenter mode: larger type).
    void setLayoutOptions(const diagram::LayoutOptions &options) { m_options = options; }
    const diagram::LayoutOptions &layoutOptions() const { return m_options; }

    int stepCount() const { return static_cast<int>(m_resolution.steps.size()); }
    const DiagramLayout &diagramLayout() const { return m_layout; }
    const Resolution &resolution() const { return m_resolution; }

    DiagramFrame frameAt(int step) const;
    /// Compare: marks the stations that end otherwise in A (nullopt: nothing pinned).
    void setComparedWith(const std::optional<Resolution> &a);
    /// Puts every item in the state of `frame`, with no animation.
    void applyFrame(const DiagramFrame &frame);

    /// The station drawn at `scenePos` (its box or its badge), or -1.
    int stationAt(const QPointF &scenePos) const;
    /// Where the request marker sits at a station: the end of the arrow into it.
    QPointF dockPoint(int station) const;
    /// The way the marker travels from one station to a later one, along the arrows.
    std::vector<QPointF> path(int fromStation, int toStation) const;

    StationItem *station(int index) const { return m_stations.at(index); }
    LaneItem *lane(int index) const { return m_lanes.at(index); }
    RequestMarkerItem *marker() const { return m_marker; }
    CaptionItem *caption() const { return m_caption; }
    /// A spare badge the animator flies between stations when a token changes hands; hidden in
    /// every still picture.
    TokenBadgeItem *flyer() const { return m_flyer; }

protected:
    void drawBackground(QPainter *painter, const QRectF &rect) override;

private:
    DiagramLayout m_layout;
    diagram::LayoutOptions m_options;
    Resolution m_resolution;
    std::vector<LaneItem *> m_lanes;
    std::vector<StationItem *> m_stations;
    std::vector<ArrowItem *> m_arrows;
    RequestMarkerItem *m_marker = nullptr;
    CaptionItem *m_caption = nullptr;
    TokenBadgeItem *m_flyer = nullptr;
};

} // namespace iisid::ui
