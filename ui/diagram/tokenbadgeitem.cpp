#include "tokenbadgeitem.h"

#include "diagramstyle.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QPainter>
#include <QPalette>

namespace iisid::ui {

namespace {
constexpr double height = 30;
constexpr double padding = 9;
constexpr int labelSize = 13;
constexpr int accountSize = 16;
constexpr int smallestAccountSize = 13;
} // namespace

TokenBadgeItem::TokenBadgeItem(Role role, QGraphicsItem *parent)
    : QGraphicsObject(parent)
    , m_role(role) {
    setTransformOriginPoint(0, height / 2);
}

QRectF TokenBadgeItem::boundingRect() const {
    return QRectF(0, 0, m_width, height);
}

void TokenBadgeItem::setToken(const QString &label, const QString &account, bool plain) {
    if (label == m_label && account == m_account && plain == m_plain)
        return;
    prepareGeometryChange();
    m_label = label;
    m_account = account;
    m_plain = plain;
    setToolTip(label.isEmpty() ? account : label + QStringLiteral(": ") + account);
    relayout();
}

void TokenBadgeItem::setRole(Role role) {
    if (m_role == role)
        return;
    m_role = role;
    update();
}

void TokenBadgeItem::setMaximumWidth(double width) {
    prepareGeometryChange();
    m_maximumWidth = width;
    relayout();
}

void TokenBadgeItem::setFailed(bool failed) {
    if (m_failed == failed)
        return;
    m_failed = failed;
    update();
}

void TokenBadgeItem::relayout() {
    const QFontMetricsF labelMetrics(diagramstyle::font(labelSize));
    const double labelWidth =
        m_label.isEmpty() ? 0 : labelMetrics.horizontalAdvance(m_label) + padding * 0.7;
    const double room = std::max(20.0, m_maximumWidth - labelWidth - 2 * padding);
    // A long account name gets slightly smaller type before it is shortened: the name is the
    // point of the badge.
    m_accountSize = accountSize;
    while (m_accountSize > smallestAccountSize &&
           QFontMetricsF(diagramstyle::font(m_accountSize, !m_plain)).horizontalAdvance(m_account) >
               room)
        --m_accountSize;
    const QFontMetricsF accountMetrics(diagramstyle::font(m_accountSize, !m_plain));
    m_shownAccount = accountMetrics.elidedText(m_account, Qt::ElideMiddle, room);
    m_width = m_account.isEmpty() && m_label.isEmpty()
                  ? 0
                  : labelWidth + accountMetrics.horizontalAdvance(m_shownAccount) + 2 * padding;
    update();
}

void TokenBadgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) {
    if (m_width <= 0)
        return;
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    QColor edge;
    QColor fill;
    switch (m_role) {
    case Role::Thread:
        edge = diagramstyle::accent(palette);
        fill = diagramstyle::mix(base, edge, 0.16);
        break;
    case Role::Process:
        edge = diagramstyle::muted(palette);
        fill = diagramstyle::mix(base, text, 0.1);
        break;
    case Role::Other:
        edge = diagramstyle::muted(palette);
        fill = base;
        break;
    }
    if (m_plain) {
        edge = diagramstyle::mix(base, text, 0.3);
        fill = base;
    }
    if (m_failed) {
        edge = diagramstyle::failure(palette);
        fill = diagramstyle::mix(base, edge, 0.14);
    }
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(edge, 1.6));
    painter->setBrush(fill);
    const QRectF r = boundingRect().adjusted(0.8, 0.8, -0.8, -0.8);
    painter->drawRoundedRect(r, height / 2 - 1, height / 2 - 1);

    double x = padding;
    if (!m_label.isEmpty()) {
        painter->setFont(diagramstyle::font(labelSize));
        painter->setPen(diagramstyle::muted(palette));
        const double w = QFontMetricsF(painter->font()).horizontalAdvance(m_label);
        painter->drawText(QRectF(x, 0, w + 1, height), Qt::AlignVCenter | Qt::AlignLeft, m_label);
        x += w + padding * 0.7;
    }
    painter->setFont(diagramstyle::font(m_accountSize, !m_plain));
    painter->setPen(m_failed  ? diagramstyle::failure(palette)
                    : m_plain ? diagramstyle::muted(palette)
                              : text);
    painter->drawText(QRectF(x, 0, m_width - x, height), Qt::AlignVCenter | Qt::AlignLeft,
                      m_shownAccount);
}

} // namespace iisid::ui
