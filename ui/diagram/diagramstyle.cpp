#include "diagramstyle.h"

#include "cachedpaint.h"

#include "model/diagram/diagram_layout.h"
#include "ui/window/QtText.h"

#include <QGlyphRun>
#include <QPaintEngine>
#include <QPainter>
#include <QPalette>
#include <QTextLayout>

#include <cmath>
#include <functional>
#include <map>
#include <unordered_map>
#include <utility>

namespace iisid::ui::diagramstyle {

bool isDark(const QPalette &palette) {
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

QColor failure(const QPalette &palette) {
    return isDark(palette) ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
}

QColor doubt(const QPalette &palette) {
    return isDark(palette) ? QColor(0xff, 0xc1, 0x4d) : QColor(0xb2, 0x5e, 0x00);
}

QColor muted(const QPalette &palette) {
    return mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.4);
}

QColor accent(const QPalette &palette) {
    const QColor highlight = palette.color(QPalette::Highlight);
    // Some palettes have a highlight too close to Base to read as a line; darken or lighten it.
    if (std::abs(highlight.lightnessF() - palette.color(QPalette::Base).lightnessF()) < 0.25)
        return isDark(palette) ? highlight.lighter(160) : highlight.darker(160);
    return highlight;
}

QColor mix(const QColor &a, const QColor &b, double amountOfB) {
    const double k = amountOfB;
    return QColor::fromRgbF(static_cast<float>(a.redF() * (1 - k) + b.redF() * k),
                            static_cast<float>(a.greenF() * (1 - k) + b.greenF() * k),
                            static_cast<float>(a.blueF() * (1 - k) + b.blueF() * k));
}

namespace {
QFont makeFont(const diagram::TextStyle &style) {
    QFont f(QString::fromUtf8(diagram::fontFamily.data(),
                              static_cast<qsizetype>(diagram::fontFamily.size())));
    f.setStyleHint(QFont::SansSerif); // where DejaVu Sans is missing, as the SVG falls back
    f.setPixelSize(static_cast<int>(style.pixelSize));
    f.setBold(style.bold);
    f.setKerning(false);
    f.setHintingPreference(QFont::PreferNoHinting);
    return f;
}
} // namespace

QFont font(const diagram::TextStyle &style) {
    // A handful of styles, painted many times a frame: each QFont is resolved once. Painting
    // happens on the GUI thread only.
    static std::map<std::pair<double, bool>, QFont> cache;
    const auto key = std::make_pair(style.pixelSize, style.bold);
    auto it = cache.find(key);
    if (it == cache.end())
        it = cache.emplace(key, makeFont(style)).first;
    return it->second;
}

namespace {

/// One line of the picture in one style, as a cache key.
struct LineKey {
    std::string text;
    diagram::TextStyle style;
    Qt::LayoutDirection direction;
    bool operator==(const LineKey &) const = default;
};

struct LineKeyHash {
    std::size_t operator()(const LineKey &key) const {
        std::size_t h = std::hash<std::string>()(key.text);
        h = h * 31 + std::hash<double>()(key.style.pixelSize);
        return h * 31 + (key.style.bold ? 2 : 0) + (key.direction == Qt::RightToLeft ? 1 : 0);
    }
};

/// The glyphs of a line, shaped once, placed from its baseline's left end. QPainter::drawText
/// shapes its text anew at every call, and the picture paints the same few hundred lines frame
/// after frame (and anew in every item a relayout makes); the glyphs drawn are the same.
const QList<QGlyphRun> &glyphsOf(const std::string &line, const diagram::TextStyle &style,
                                 Qt::LayoutDirection direction) {
    // Painting happens on the GUI thread only. The lines of the scenarios shown in one session
    // stay well under the bound; past it the cache starts again.
    static std::unordered_map<LineKey, QList<QGlyphRun>, LineKeyHash> cache;
    constexpr std::size_t bound = 4096;
    LineKey key{line, style, direction};
    const auto found = cache.find(key);
    if (found != cache.end())
        return found->second;
    if (cache.size() >= bound)
        cache.clear();
    QTextLayout layout(toQString(line), font(style));
    QTextOption option;
    option.setWrapMode(QTextOption::NoWrap);
    option.setTextDirection(direction);
    option.setAlignment(Qt::AlignLeft | Qt::AlignAbsolute);
    layout.setTextOption(option);
    layout.beginLayout();
    QTextLine textLine = layout.createLine();
    layout.endLayout();
    QList<QGlyphRun> runs = layout.glyphRuns();
    // The layout places the line's top at 0; drawText places the baseline where it is asked.
    const double ascent = textLine.isValid() ? textLine.ascent() : 0;
    for (QGlyphRun &run : runs) {
        QList<QPointF> positions = run.positions();
        for (QPointF &position : positions)
            position.ry() -= ascent;
        run.setPositions(positions);
    }
    return cache.emplace(std::move(key), std::move(runs)).first->second;
}

} // namespace

void drawText(QPainter *painter, const diagram::TextBlock &block, const QColor &colour,
              QPointF offset) {
    if (block.lines.empty())
        return;
    painter->setPen(colour);
    // Pixels take the glyphs shaped once; a vector picture (the SVG export) keeps its text as
    // text, so it gets the lines themselves.
    const bool pixels = painter->paintEngine()->type() == QPaintEngine::Raster;
    if (!pixels)
        painter->setFont(font(block.style));
    double baseline = block.rect.y + diagram::ascent(block.style);
    for (const std::string &line : block.lines) {
        const QPointF at = QPointF(block.rect.x, baseline) + offset;
        if (pixels) {
            for (const QGlyphRun &run : glyphsOf(line, block.style, painter->layoutDirection()))
                painter->drawGlyphRun(at, run);
        } else {
            painter->drawText(at, toQString(line));
        }
        baseline += diagram::lineHeight(block.style);
    }
}

void addTo(PictureKey &key, const diagram::TextBlock &block, QPointF offset) {
    key.number(block.rect.x + offset.x())
        .number(block.rect.y + offset.y())
        .number(block.style.pixelSize)
        .whole(block.style.bold)
        .whole(static_cast<qint64>(block.lines.size()));
    for (const std::string &line : block.lines)
        key.text(line);
}

} // namespace iisid::ui::diagramstyle
