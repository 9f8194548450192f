#include "stationitem.h"

#include "diagramstyle.h"
#include "tokenbadgeitem.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QPainter>
#include <QPalette>

namespace iisid::ui {

namespace {
constexpr double padding = 10;
constexpr int titleSize = 19;
constexpr int detailSize = 15;
constexpr int tagSize = 12;

QString confidenceTag(Confidence confidence) {
    switch (confidence) {
    case Confidence::Confirmed:
    case Confidence::Partial:
        return {};
    case Confidence::Unconfirmed:
        return QStringLiteral("UNCONFIRMED");
    case Confidence::Conflict:
        return QStringLiteral("SOURCES CONFLICT");
    }
    return {};
}
} // namespace

StationItem::StationItem(const StationLayout &station, QGraphicsItem *parent)
    : QGraphicsObject(parent)
    , m_kind(station.kind)
    , m_title(station.title)
    , m_detail(station.detail)
    , m_size(station.rect.size())
    , m_confidence(station.confidence) {
    setPos(station.rect.topLeft());
    m_badge = new TokenBadgeItem(station.kind == StationKind::Client ||
                                         station.kind == StationKind::Listener
                                     ? TokenBadgeItem::Role::Other
                                     : TokenBadgeItem::Role::Thread,
                                 this);
    m_badge->setMaximumWidth(m_size.width() - 2 * padding);
    m_badge->setPos(padding, m_size.height() - 30 - 8);
    setToolTip(station.detail.isEmpty() ? station.title
                                        : station.title + QStringLiteral(": ") + station.detail);
}

QRectF StationItem::boundingRect() const {
    return QRectF(QPointF(0, 0), m_size).adjusted(-3, -3, 3, 3);
}

double StationItem::opacityFor(StationState state) {
    switch (state) {
    case StationState::Pending:
        return 0.45;
    case StationState::NotReached:
        return 0.5;
    default:
        return 1.0;
    }
}

void StationItem::setFrame(const StationFrame &frame, const QString &failureStatus) {
    m_state = frame.state;
    m_failureStatus = failureStatus;
    m_badge->setToken(frame.tokenLabel, frame.token, !frame.tokenIsAccount);
    m_badge->setFailed(frame.state == StationState::Failed);
    m_badge->setVisible(!frame.token.isEmpty());
    update();
}

void StationItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) {
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const QColor accent = diagramstyle::accent(palette);
    const QColor failure = diagramstyle::failure(palette);
    painter->setRenderHint(QPainter::Antialiasing);

    QPen pen(diagramstyle::muted(palette), 1.6);
    QColor fill = diagramstyle::mix(base, text, 0.03);
    switch (m_state) {
    case StationState::Current:
        pen = QPen(accent, 3.5);
        fill = diagramstyle::mix(base, accent, 0.12);
        break;
    case StationState::Passed:
        pen = QPen(diagramstyle::mix(text, base, 0.25), 1.8);
        break;
    case StationState::Failed:
        pen = QPen(failure, 3.5);
        fill = diagramstyle::mix(base, failure, 0.14);
        break;
    case StationState::NotReached:
        pen = QPen(diagramstyle::muted(palette), 1.6, Qt::DashLine);
        fill = base;
        break;
    case StationState::Pending:
        break;
    }
    painter->setPen(pen);
    painter->setBrush(fill);
    const QRectF box(QPointF(0, 0), m_size);
    painter->drawRoundedRect(box, 10, 10);

    // Title, then the detail in the remaining width of the same line.
    const QFont titleFont = diagramstyle::font(titleSize, true);
    const QFontMetricsF titleMetrics(titleFont);
    double right = m_size.width() - padding;
    QString tag = confidenceTag(m_confidence);
    if (m_state == StationState::Failed && !m_failureStatus.isEmpty()) {
        painter->setFont(titleFont);
        painter->setPen(failure);
        const double w = titleMetrics.horizontalAdvance(m_failureStatus);
        painter->drawText(QRectF(right - w, 4, w + 1, 30), Qt::AlignVCenter, m_failureStatus);
        right -= w + 8;
    } else if (m_state == StationState::NotReached) {
        tag.clear();
    }
    const double titleWidth = std::min(titleMetrics.horizontalAdvance(m_title), right - padding);
    painter->setFont(titleFont);
    painter->setPen(m_state == StationState::Failed ? failure : text);
    painter->drawText(QRectF(padding, 4, titleWidth + 1, 30), Qt::AlignVCenter,
                      titleMetrics.elidedText(m_title, Qt::ElideRight, titleWidth + 1));
    if (!m_detail.isEmpty()) {
        const QFont detailFont = diagramstyle::font(detailSize);
        const QFontMetricsF detailMetrics(detailFont);
        painter->setFont(detailFont);
        painter->setPen(diagramstyle::muted(palette));
        if (!m_badge->isVisible()) {
            // No token to show (the listener): the detail gets the second line.
            const double room = m_size.width() - 2 * padding;
            painter->drawText(QRectF(padding, m_size.height() - 38, room, 30), Qt::AlignVCenter,
                              detailMetrics.elidedText(m_detail, Qt::ElideRight, room));
        } else {
            // Beside the title; a path may be shortened in the middle, a phrase is only shown
            // whole (the tooltip always has it).
            const double x = padding + titleWidth + 8;
            const double room = right - x;
            const bool isPath = m_kind == StationKind::Content;
            if (isPath ? room > 60 : detailMetrics.horizontalAdvance(m_detail) <= room) {
                painter->drawText(QRectF(x, 5, room, 30), Qt::AlignVCenter,
                                  detailMetrics.elidedText(m_detail, Qt::ElideMiddle, room));
            }
        }
    }

    // Doubt mark: a small amber tag on the top edge, so a rule that is not confirmed is never
    // shown as fact.
    if (!tag.isEmpty()) {
        const QFont tagFont = diagramstyle::font(tagSize, true);
        const QFontMetricsF tagMetrics(tagFont);
        const QColor amber = diagramstyle::doubt(palette);
        const double w = tagMetrics.horizontalAdvance(tag) + 12;
        const QRectF tagRect(m_size.width() - w - 10, -9, w, 18);
        painter->setPen(QPen(amber, 1.4));
        painter->setBrush(diagramstyle::mix(base, amber, 0.15));
        painter->drawRoundedRect(tagRect, 4, 4);
        painter->setFont(tagFont);
        painter->setPen(amber);
        painter->drawText(tagRect, Qt::AlignCenter, tag);
    }
}

} // namespace iisid::ui
