#include "cachedpaint.h"

#include <QPaintDevice>
#include <QPainter>
#include <QPixmap>
#include <QPixmapCache>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <utility>

namespace iisid::ui {

namespace {

/// Room for every lane and station of a full-screen diagram at device pixel ratio 2 in both of
/// their looks (the step's own and the others'), so stepping and editing never evict each other.
constexpr int cacheKilobytes = 48 * 1024;
/// Looks remembered as seen once, at most; then they are forgotten together.
constexpr qsizetype rememberedLooks = 4096;

QSet<QByteArray> &seenOnce() {
    static QSet<QByteArray> looks;
    return looks;
}

} // namespace

bool seenBefore(const QByteArray &look) {
    QSet<QByteArray> &seen = seenOnce();
    if (seen.remove(look))
        return true;
    if (seen.size() >= rememberedLooks)
        seen.clear();
    seen.insert(look);
    return false;
}

void forgetPictures() {
    QPixmapCache::clear();
    seenOnce().clear();
}

void paintCached(QPainter *painter, const QRectF &bounds, PictureKey key, bool onScreen,
                 const std::function<void(QPainter *)> &draw, const QColor &underneath) {
    const QTransform world = painter->worldTransform();
    QPaintDevice *device = painter->device();
    if (!onScreen || !device || world.type() > QTransform::TxScale || bounds.isEmpty()) {
        draw(painter);
        return;
    }
    static const bool roomMade = [] {
        QPixmapCache::setCacheLimit(std::max(QPixmapCache::cacheLimit(), cacheKilobytes));
        return true;
    }();
    Q_UNUSED(roomMade);
    const qreal ratio = device->devicePixelRatio();
    // The item's bounds in device pixels, and the whole pixels that hold them.
    const QRectF exact = (world * QTransform::fromScale(ratio, ratio)).mapRect(bounds);
    const QRect pixels(QPoint(static_cast<int>(std::floor(exact.left())),
                              static_cast<int>(std::floor(exact.top()))),
                       QPoint(static_cast<int>(std::ceil(exact.right())) - 1,
                              static_cast<int>(std::ceil(exact.bottom())) - 1));
    // The picture is made at the item's fraction of a pixel, to a quarter: the blit is what direct
    // painting shows, moved by at most an eighth of a pixel.
    const QPointF fraction = exact.topLeft() - QPointF(pixels.topLeft());
    const QPointF snapped(std::round(fraction.x() * 4) / 4, std::round(fraction.y() * 4) / 4);
    const QPointF shift = snapped - fraction;
    key.number(world.m11() * ratio)
        .number(world.m22() * ratio)
        .number(snapped.x())
        .number(snapped.y())
        .whole(underneath.isValid() ? underneath.rgba() : 0);
    const QString fullKey = QString::fromLatin1(key.bytes());
    QPixmap picture;
    if (!QPixmapCache::find(fullKey, &picture)) {
        if (!seenBefore(key.bytes())) {
            // A look seen once (a scale passing by while the window is resized) is painted as
            // it is, on what its picture would have covered.
            if (underneath.isValid()) {
                painter->save();
                painter->resetTransform();
                painter->fillRect(
                    QRectF(QPointF(pixels.topLeft()) / ratio, QSizeF(pixels.size()) / ratio),
                    underneath);
                painter->restore();
            }
            draw(painter);
            return;
        }
        picture = QPixmap(pixels.size() + QSize(1, 1)); // room for the shift
        picture.fill(underneath.isValid() ? underneath : QColor(Qt::transparent));
        QPainter inside(&picture);
        inside.setRenderHints(painter->renderHints());
        inside.setWorldTransform(
            world * QTransform::fromScale(ratio, ratio) *
            QTransform::fromTranslate(shift.x() - pixels.left(), shift.y() - pixels.top()));
        draw(&inside);
        inside.end();
        QPixmapCache::insert(fullKey, picture);
    }
    picture.setDevicePixelRatio(ratio);
    painter->save();
    painter->resetTransform();
    painter->drawPixmap(QPointF(pixels.topLeft()) / ratio, picture);
    painter->restore();
}

} // namespace iisid::ui
