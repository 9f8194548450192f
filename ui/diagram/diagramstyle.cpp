#include "diagramstyle.h"

#include "model/diagram/diagram_layout.h"
#include "ui/window/QtText.h"

#include <QPainter>
#include <QPalette>

#include <cmath>
#include <map>
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

void drawText(QPainter *painter, const diagram::TextBlock &block, const QColor &colour,
              QPointF offset) {
    if (block.lines.empty())
        return;
    painter->setFont(font(block.style));
    painter->setPen(colour);
    double baseline = block.rect.y + diagram::ascent(block.style);
    for (const std::string &line : block.lines) {
        painter->drawText(QPointF(block.rect.x, baseline) + offset, toQString(line));
        baseline += diagram::lineHeight(block.style);
    }
}

} // namespace iisid::ui::diagramstyle
