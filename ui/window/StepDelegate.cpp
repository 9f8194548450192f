#include "StepDelegate.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QDesktopServices>
#include <QMouseEvent>
#include <QPainter>
#include <QTextDocument>
#include <QUrl>

namespace iisid::ui {

namespace {

constexpr int margin = 6;

} // namespace

StepDelegate::StepDelegate(QAbstractItemView *view)
    : QStyledItemDelegate(view)
    , m_view(view) {}

int StepDelegate::textWidth(const QStyleOptionViewItem &option) const {
    const int width = m_view ? m_view->viewport()->width() : option.rect.width();
    return std::max(50, width - 2 * margin);
}

QTextDocument &StepDelegate::laidOut(const QStyleOptionViewItem &option, const QModelIndex &index,
                                     int width) const {
    // Links take their colour when the text is read: on the highlighted step they follow the
    // highlighted text, elsewhere the palette's link colour.
    const bool selected = option.state & QStyle::State_Selected;
    const QColor link = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Link);
    const QString html = index.data(selected ? selectedHtmlRole : htmlRole).toString();
    const QString key = QString::number(width) + QLatin1Char('|') + link.name() + QLatin1Char('|') +
                        option.font.key() + QLatin1Char('|') + html;
    if (const auto found = m_documents.constFind(key); found != m_documents.constEnd())
        return **found;
    if (m_documents.size() > 256) // a few screens of steps; older layouts are not worth keeping
        m_documents.clear();
    auto document = std::make_shared<QTextDocument>();
    document->setDocumentMargin(0);
    document->setDefaultFont(option.font);
    document->setDefaultStyleSheet(QStringLiteral("a { color: %1; }").arg(link.name()));
    document->setHtml(html);
    document->setTextWidth(width);
    return *m_documents.insert(key, std::move(document)).value();
}

void StepDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                         const QModelIndex &index) const {
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    QStyle *style = background.widget ? background.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, background.widget);

    QTextDocument &document = laidOut(option, index, option.rect.width() - 2 * margin);
    const bool selected = option.state & QStyle::State_Selected;
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = option.palette;
    const QPalette::ColorRole text = selected ? QPalette::HighlightedText : QPalette::Text;
    context.palette.setColor(QPalette::Text, option.palette.color(text));
    if (selected) {
        context.palette.setColor(QPalette::Link, option.palette.color(QPalette::HighlightedText));
        context.palette.setColor(QPalette::LinkVisited,
                                 option.palette.color(QPalette::HighlightedText));
    }
    painter->save();
    painter->translate(option.rect.topLeft() + QPoint(margin, margin));
    painter->setClipRect(QRect(QPoint(0, 0), option.rect.size()));
    document.documentLayout()->draw(painter, context);
    painter->restore();
}

QSize StepDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const {
    const int width = textWidth(option);
    const QTextDocument &document = laidOut(option, index, width);
    return QSize(width + 2 * margin, static_cast<int>(document.size().height()) + 2 * margin);
}

bool StepDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
                               const QStyleOptionViewItem &option, const QModelIndex &index) {
    if (event->type() == QEvent::MouseButtonRelease) {
        auto *mouse = static_cast<QMouseEvent *>(event);
        QTextDocument &document = laidOut(option, index, option.rect.width() - 2 * margin);
        const QPointF inside =
            mouse->position() - QPointF(option.rect.topLeft()) - QPointF(margin, margin);
        const QString anchor = document.documentLayout()->anchorAt(inside);
        if (!anchor.isEmpty()) {
            QDesktopServices::openUrl(QUrl(anchor));
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

} // namespace iisid::ui
