#include "tokenbadgeitem.h"

#include "cachedpaint.h"
#include "dashedstroke.h"
#include "diagramstyle.h"

#include "ui/window/QtText.h"

#include <QGraphicsScene>
#include <QPainter>
#include <QPalette>

#include <utility>

namespace iisid::ui {

TokenBadgeItem::TokenBadgeItem(Role role, QGraphicsItem *parent)
    : QGraphicsObject(parent)
    , m_role(role) {}

QRectF TokenBadgeItem::boundingRect() const {
    return QRectF(0, 0, m_layout.width, m_layout.height);
}

void TokenBadgeItem::setToken(const QString &label, const QString &account, bool plain) {
    if (label == m_label && account == m_account && plain == m_plain)
        return;
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
    if (width == m_maximumWidth)
        return;
    m_maximumWidth = width;
    relayout();
}

void TokenBadgeItem::setFailed(bool failed) {
    if (m_failed == failed)
        return;
    m_failed = failed;
    update();
}

void TokenBadgeItem::setChanging(bool changing) {
    if (m_changing == changing)
        return;
    m_changing = changing;
    relayout();
}

void TokenBadgeItem::setTextStyles(const diagram::TextStyles &styles) {
    if (styles == m_styles)
        return;
    m_styles = styles;
    relayout();
}

void TokenBadgeItem::relayout() {
    prepareGeometryChange();
    m_layout =
        diagram::layoutBadge(toStdString(m_label), toStdString(m_account), m_plain, m_maximumWidth,
                             m_changing ? diagram::changingBadgeStyles(m_styles) : m_styles);
    setTransformOriginPoint(0, m_layout.height / 2);
    update();
}

void TokenBadgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *widget) {
    if (m_layout.empty())
        return;
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    // On screen a badge is a picture kept under what it shows (cachedpaint.h). A badge that
    // grows in (its own scale animated) is painted as it is: each of its frames is new.
    PictureKey key("badge");
    key.whole(palette.cacheKey())
        .whole(static_cast<int>(m_role))
        .whole(m_plain)
        .whole(m_failed)
        .whole(m_changing)
        .number(m_layout.width)
        .number(m_layout.height);
    diagramstyle::addTo(key, m_layout.label);
    diagramstyle::addTo(key, m_layout.account);
    paintCached(painter, boundingRect().adjusted(-2, -2, 2, 2), std::move(key),
                widget != nullptr && scale() == 1.0, [&](QPainter *p) { draw(p, palette); });
}

void TokenBadgeItem::draw(QPainter *painter, const QPalette &palette) {
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
    if (m_changing && !m_failed)
        edge = diagramstyle::accent(palette);
    painter->setRenderHint(QPainter::Antialiasing);
    // The token changing hands now has a heavier edge besides its larger type.
    const QRectF r = boundingRect().adjusted(0.8, 0.8, -0.8, -0.8);
    const double radius = std::min(m_layout.height, 30.0) / 2 - 1;
    drawRoundedBox(painter, r, radius, QPen(edge, m_changing ? 3.0 : 1.6), fill);
    diagramstyle::drawText(painter, m_layout.label, diagramstyle::muted(palette));
    diagramstyle::drawText(painter, m_layout.account,
                           m_failed  ? diagramstyle::failure(palette)
                           : m_plain ? diagramstyle::muted(palette)
                                     : text);
}

} // namespace iisid::ui
