#include "WrappedLabel.h"

namespace iisid::ui {

namespace {

/// Widths remembered at most: a form asks a handful per layout.
constexpr qsizetype rememberedWidths = 16;

} // namespace

WrappedLabel::WrappedLabel(const QString &text, QWidget *parent)
    : QLabel(text, parent) {
    setWordWrap(true);
}

int WrappedLabel::heightForWidth(int width) const {
    // Margins set through setMargin()/setIndent() send no change event: they are compared here.
    const QMargins margins = contentsMargins() + QMargins(margin() + indent(), margin(), 0, 0);
    if (text() != m_text || margins != m_margins || m_heights.size() >= rememberedWidths) {
        m_text = text();
        m_margins = margins;
        m_heights.clear();
    }
    if (const auto found = m_heights.constFind(width); found != m_heights.constEnd())
        return *found;
    const int height = QLabel::heightForWidth(width);
    m_heights.insert(width, height);
    return height;
}

void WrappedLabel::changeEvent(QEvent *event) {
    m_heights.clear(); // a font, style or layout direction: the heights may change
    QLabel::changeEvent(event);
}

} // namespace iisid::ui
