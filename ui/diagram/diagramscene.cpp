#include "diagramscene.h"

#include "arrowitem.h"
#include "captionitem.h"
#include "laneitem.h"
#include "requestmarkeritem.h"
#include "stationitem.h"
#include "tokenbadgeitem.h"

#include "ui/window/QtText.h"

#include <QPainter>
#include <QPalette>
#include <QRegion>

#include <algorithm>
#include <cmath>

namespace iisid::ui {

DiagramScene::DiagramScene(QObject *parent)
    : QGraphicsScene(parent) {
    // The picture changes as a whole at each step; an index would only cost time.
    setItemIndexMethod(QGraphicsScene::NoIndex);
}

void DiagramScene::setResolution(const Resolution &resolution) {
    clear();
    m_lanes.clear();
    m_stations.clear();
    m_arrows.clear();
    m_resolution = resolution;
    m_layout = diagram::layout(resolution, m_options);

    for (const LaneLayout &lane : m_layout.lanes) {
        auto *item = new LaneItem(lane);
        addItem(item);
        m_lanes.push_back(item);
    }
    for (const ArrowLayout &arrow : m_layout.arrows) {
        std::vector<QPointF> points;
        for (const diagram::Point &point : arrow.points)
            points.push_back(toQPointF(point));
        auto *item = new ArrowItem(points);
        addItem(item);
        m_arrows.push_back(item);
    }
    for (const StationLayout &station : m_layout.stations) {
        auto *item = new StationItem(station);
        addItem(item);
        m_stations.push_back(item);
    }
    m_caption = new CaptionItem(toQRectF(m_layout.captionRect));
    addItem(m_caption);
    m_marker = new RequestMarkerItem;
    addItem(m_marker);
    m_flyer = new TokenBadgeItem(TokenBadgeItem::Role::Thread);
    m_flyer->setZValue(20);
    m_flyer->setMaximumWidth(diagram::metrics::reachLaneWidth);
    m_flyer->hide();
    addItem(m_flyer);
    const diagram::TextStyles styles = m_options.styles();
    for (StationItem *item : m_stations)
        item->setCompareMarkStyle(styles.compareMark);
    for (QGraphicsItem *item : items()) {
        if (item->type() == TokenBadgeItem::Type)
            static_cast<TokenBadgeItem *>(item)->setTextStyles(styles);
    }
    setSceneRect(toQRectF(m_layout.bounds));
    applyFrame(frameAt(stepCount() - 1));
}

void DiagramScene::setComparedWith(const std::optional<Resolution> &a) {
    for (StationItem *item : m_stations)
        item->setDifferenceFromA({});
    if (!a || m_resolution.steps.empty())
        return;
    for (const diagram::StationDifference &d : diagram::differingStations(m_resolution, *a))
        m_stations.at(d.station)->setDifferenceFromA(toQString(d.inA));
}

DiagramFrame DiagramScene::frameAt(int step) const {
    return diagram::frame(m_layout, m_resolution, step);
}

void DiagramScene::applyFrame(const DiagramFrame &frame) {
    for (std::size_t i = 0; i < m_stations.size(); ++i) {
        StationItem *item = m_stations[i];
        item->setFrame(frame.stations[i]);
        item->setOpacity(StationItem::opacityFor(frame.stations[i].state));
        item->setScale(1.0);
        item->badge()->setOpacity(1.0);
        item->badge()->setScale(1.0);
    }
    for (std::size_t i = 0; i < m_lanes.size(); ++i) {
        m_lanes[i]->setFrame(frame.lanes[i]);
        m_lanes[i]->processBadge()->setOpacity(1.0);
        m_lanes[i]->processBadge()->setScale(1.0);
    }
    for (std::size_t i = 0; i < m_arrows.size(); ++i)
        m_arrows[i]->setState(frame.arrows[i]);
    m_marker->setVisible(frame.station >= 0);
    if (frame.station >= 0)
        m_marker->setPos(dockPoint(frame.station));
    m_marker->setFailed(frame.failed);
    m_marker->setOpacity(1.0);
    m_caption->setFrame(frame);
    m_caption->setOpacity(1.0);
    m_flyer->hide();
}

int DiagramScene::stationAt(const QPointF &scenePos) const {
    for (QGraphicsItem *item : items(scenePos)) {
        // A badge belongs to its station.
        for (QGraphicsItem *at = item; at; at = at->parentItem()) {
            const auto found = std::find(m_stations.begin(), m_stations.end(), at);
            if (found != m_stations.end())
                return static_cast<int>(found - m_stations.begin());
        }
    }
    return -1;
}

QPointF DiagramScene::dockPoint(int station) const {
    return toQPointF(diagram::dockPoint(m_layout, station));
}

std::vector<QPointF> DiagramScene::path(int fromStation, int toStation) const {
    // Walk back along the arrows from the target; if that passes the start, travel that way,
    // otherwise go straight (e.g. from one thing the code reaches to the next).
    std::vector<const ArrowLayout *> legs;
    int at = toStation;
    while (at != fromStation) {
        const ArrowLayout *arrow = m_layout.arrowInto(at);
        if (!arrow || arrow->from >= at)
            break;
        legs.push_back(arrow);
        at = arrow->from;
    }
    std::vector<QPointF> points{dockPoint(fromStation)};
    if (at != fromStation) {
        points.push_back(dockPoint(toStation));
        return points;
    }
    for (auto it = legs.rbegin(); it != legs.rend(); ++it) {
        for (const diagram::Point &point : (*it)->points) {
            const QPointF p = toQPointF(point);
            if (points.back() != p)
                points.push_back(p);
        }
    }
    return points;
}

void DiagramScene::drawBackground(QPainter *painter, const QRectF &rect) {
    const QColor base = palette().color(QPalette::Base);
    const QTransform transform = painter->transform();
    if (transform.type() > QTransform::TxScale) {
        painter->fillRect(rect, base);
        return;
    }
    // In device pixels, whole ones, without antialiasing: Qt's plain fill of memory. The exposed
    // rectangle maps to whole pixels anyway; in scene units, scaled, it took the rasterizer's
    // antialiased path over the whole pane, a fifth of the frame.
    const bool antialiased = painter->testRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->resetTransform();
    QRegion exposed(transform.mapRect(rect).toAlignedRect());
    // On screen a lane is an opaque picture of its whole bounds (LaneItem::paint): the
    // background under it would be painted over at once.
    if (painter->device() && painter->device()->devType() == QInternal::Widget) {
        for (const LaneItem *lane : m_lanes) {
            if (!lane->isVisible())
                continue;
            const QRectF inside = transform.mapRect(lane->sceneBoundingRect());
            exposed -= QRect(QPoint(static_cast<int>(std::ceil(inside.left())),
                                    static_cast<int>(std::ceil(inside.top()))),
                             QPoint(static_cast<int>(std::floor(inside.right())) - 1,
                                    static_cast<int>(std::floor(inside.bottom())) - 1));
        }
    }
    for (const QRect &part : exposed)
        painter->fillRect(part, base);
    painter->setTransform(transform);
    painter->setRenderHint(QPainter::Antialiasing, antialiased);
}

} // namespace iisid::ui
