#include "WrappedLabel.h"

#include "ui/diagram/cachedpaint.h"

#include <QEvent>
#include <QPainter>
#include <QPixmap>
#include <QPixmapCache>
#include <QStringList>

#include <atomic>

namespace iisid::ui {

namespace {

/// Widths remembered at most: a form asks a handful per layout.
constexpr qsizetype rememberedWidths = 16;
/// Texts remembered at most: a row's reason has a few, a result a handful.
constexpr qsizetype rememberedTexts = 32;

quint64 nextSerial() {
    static std::atomic<quint64> serial{0};
    return ++serial;
}

} // namespace

WrappedLabel::WrappedLabel(const QString &text, QWidget *parent)
    : QLabel(text, parent)
    , m_serial(nextSerial()) {
    setWordWrap(true);
}

WrappedLabel::Measures &WrappedLabel::measures() const {
    // Asked thousands of times a change: the text is compared, the look only when it changed.
    // Margins set through setMargin() and setIndent() send no change event: they are compared.
    if (m_current && text() == m_currentText && margin() == m_margin && indent() == m_indent)
        return *m_current;
    if (m_measures.size() >= rememberedTexts)
        m_measures.clear();
    // By text: an editor row's reason comes and goes with the setting it depends on, and a
    // result shows again what it showed a change before. By look as well: a result's badge
    // changes its style sheet and font with its text.
    m_margin = margin();
    m_indent = indent();
    if (m_look.isEmpty()) {
        const QMargins m = contentsMargins();
        m_look = QStringList{styleSheet(), font().key(),
                             QStringLiteral("%1,%2,%3,%4")
                                 .arg(m.left())
                                 .arg(m.top())
                                 .arg(m.right())
                                 .arg(m.bottom())}
                     .join(QChar(0x1f));
    }
    m_currentText = text();
    m_current = &m_measures[QStringList{m_currentText, m_look, QString::number(m_margin),
                                        QString::number(m_indent)}
                                .join(QChar(0x1f))];
    return *m_current;
}

int WrappedLabel::heightForWidth(int width) const {
    QHash<int, int> &heights = measures().heights;
    if (heights.size() >= rememberedWidths)
        heights.clear();
    if (const auto found = heights.constFind(width); found != heights.constEnd())
        return *found;
    const int height = QLabel::heightForWidth(width);
    heights.insert(width, height);
    return height;
}

QSize WrappedLabel::sizeHint() const {
    Measures &known = measures();
    if (!known.size.isValid())
        known.size = QLabel::sizeHint();
    return known.size;
}

QSize WrappedLabel::minimumSizeHint() const {
    Measures &known = measures();
    if (!known.minimum.isValid())
        known.minimum = QLabel::minimumSizeHint();
    return known.minimum;
}

void WrappedLabel::changeEvent(QEvent *event) {
    // The key holds the label's own font, style sheet and margins; a new application font,
    // style or layout direction may change every size. Being enabled or disabled, the window's
    // activation or a palette do not (a row is enabled and disabled at every edit).
    switch (event->type()) {
    case QEvent::StyleChange:
        if (styleSheet() == m_styleSheet)
            m_measures.clear(); // not the label's own sheet: the application's style
        m_styleSheet = styleSheet();
        forgetLook();
        break;
    case QEvent::FontChange:
    case QEvent::ContentsRectChange:
        forgetLook();
        break;
    case QEvent::ApplicationFontChange:
    case QEvent::LayoutDirectionChange:
        m_measures.clear();
        forgetLook();
        break;
    default:
        break;
    }
    QLabel::changeEvent(event);
}

QString WrappedLabel::pictureKey() const {
    measures(); // the look, as the sizes know it
    return QStringList{QStringLiteral("iisid-label"), QString::number(m_serial), m_currentText,
                       m_look,
                       QStringLiteral("%1x%2@%3,%4,%5,%6,%7")
                           .arg(width())
                           .arg(height())
                           .arg(devicePixelRatio())
                           .arg(isEnabled())
                           .arg(isActiveWindow())
                           .arg(palette().cacheKey())
                           .arg(static_cast<int>(alignment()))}
        .join(QChar(0x1f));
}

bool WrappedLabel::paintsAsPicture() const {
    // A cursor or a selection is QLabel's to paint.
    return !hasFocus() && !hasSelectedText() && !size().isEmpty();
}

void WrappedLabel::paintEvent(QPaintEvent *event) {
    QPixmap picture;
    const bool asPicture = !m_rendering && paintsAsPicture();
    const QString key = asPicture ? pictureKey() : QString();
    if (!asPicture || !QPixmapCache::find(key, &picture)) {
        QLabel::paintEvent(event);
        // A look painted a second time: its picture is made once this paint is over (a widget
        // cannot render itself while it paints). A look painted once costs no picture.
        if (asPicture && !m_pictureQueued && seenBefore(key.toUtf8())) {
            m_pictureQueued = true;
            QMetaObject::invokeMethod(this, &WrappedLabel::keepPicture, Qt::QueuedConnection);
        }
        return;
    }
    QPainter painter(this);
    painter.drawPixmap(0, 0, picture);
}

void WrappedLabel::keepPicture() {
    m_pictureQueued = false;
    if (!isVisible() || !paintsAsPicture())
        return;
    const QString key = pictureKey();
    QPixmap picture;
    if (QPixmapCache::find(key, &picture))
        return;
    const qreal ratio = devicePixelRatio();
    picture = QPixmap(size() * ratio);
    picture.setDevicePixelRatio(ratio);
    picture.fill(Qt::transparent);
    m_rendering = true;
    render(&picture, QPoint(), QRegion(), QWidget::RenderFlags());
    m_rendering = false;
    QPixmapCache::insert(key, picture);
}

void WrappedLabel::forgetLook() {
    m_look.clear();
    m_current = nullptr;
}

} // namespace iisid::ui
