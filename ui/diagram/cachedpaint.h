#pragma once

#include <QByteArray>
#include <QColor>
#include <QRectF>
#include <QString>

#include <functional>
#include <string_view>

class QPainter;

namespace iisid::ui {

/// The name of a picture kept by paintCached: everything the picture depends on, as bytes.
/// Paints build one for every item at every frame, so numbers go in as they are (lengths and
/// units to 1/256), never formatted as text.
class PictureKey {
public:
    explicit PictureKey(std::string_view kind) { text(kind); }

    PictureKey &number(double value) { return whole(qRound64(value * 256)); }
    PictureKey &whole(qint64 value) {
        m_bytes.append(reinterpret_cast<const char *>(&value), sizeof value);
        return *this;
    }
    PictureKey &text(std::string_view value) {
        whole(static_cast<qint64>(value.size()));
        m_bytes.append(value.data(), static_cast<qsizetype>(value.size()));
        return *this;
    }
    PictureKey &text(const QString &value) {
        whole(value.size());
        m_bytes.append(reinterpret_cast<const char *>(value.constData()),
                       value.size() * static_cast<qsizetype>(sizeof(QChar)));
        return *this;
    }
    const QByteArray &bytes() const { return m_bytes; }

private:
    QByteArray m_bytes;
};

/// Paints what `draw` paints inside `bounds` (item coordinates) through a picture kept in
/// QPixmapCache under `key`, made at the painter's scale and at the same fraction of a device
/// pixel, so the blit shows exactly what direct painting would. A setting change builds the
/// scene's items anew; a lane or a station that looks as it did then costs a blit instead of an
/// antialiased fill and a dashed border. `key` must name everything `draw` depends on.
/// Painters that are not the view's (`onScreen` false: exports, printing) and rotated or sheared
/// painters get `draw` directly. An item that lies on the plain background alone may give its
/// colour as `underneath`: its picture is then opaque, and the blit a copy instead of a blend.
void paintCached(QPainter *painter, const QRectF &bounds, PictureKey key, bool onScreen,
                 const std::function<void(QPainter *)> &draw, const QColor &underneath = {});

/// True when `look` was asked about before (and forgotten since it was): pictures are made on a
/// look's second paint, so a look painted once (a window being resized) costs what direct
/// painting costs.
bool seenBefore(const QByteArray &look);

/// Forgets every picture kept and every look seen (the benchmark's "never seen" case).
void forgetPictures();

} // namespace iisid::ui
