#include "WrappedLabel.h"

#include <QEvent>

namespace iisid::ui {

namespace {

/// Widths remembered at most: a form asks a handful per layout.
constexpr qsizetype rememberedWidths = 16;
/// Texts remembered at most: a row's reason has a few.
constexpr qsizetype rememberedTexts = 8;

} // namespace

WrappedLabel::WrappedLabel(const QString &text, QWidget *parent)
    : QLabel(text, parent) {
    setWordWrap(true);
}

int WrappedLabel::heightForWidth(int width) const {
    // Margins set through setMargin()/setIndent() send no change event: they are compared here.
    const QMargins margins = contentsMargins() + QMargins(margin() + indent(), margin(), 0, 0);
    if (margins != m_margins || m_heights.size() >= rememberedTexts) {
        m_margins = margins;
        m_heights.clear();
    }
    // By text as well: an editor row's reason comes and goes with the setting it depends on.
    QHash<int, int> &heights = m_heights[text()];
    if (heights.size() >= rememberedWidths)
        heights.clear();
    if (const auto found = heights.constFind(width); found != heights.constEnd())
        return *found;
    const int height = QLabel::heightForWidth(width);
    heights.insert(width, height);
    return height;
}

void WrappedLabel::changeEvent(QEvent *event) {
    // A font, style or layout direction may change the heights; being enabled or disabled, the
    // window's activation or a palette do not (a row is enabled and disabled at every edit).
    switch (event->type()) {
    case QEvent::FontChange:
    case QEvent::ApplicationFontChange:
    case QEvent::StyleChange:
    case QEvent::LayoutDirectionChange:
        m_heights.clear();
        break;
    default:
        break;
    }
    QLabel::changeEvent(event);
}

} // namespace iisid::ui
