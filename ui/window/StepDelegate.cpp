#include "StepDelegate.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QDesktopServices>
#include <QMouseEvent>
#include <QPainter>
#include <QTextDocument>
#include <QUrl>

#include <memory>

namespace iisid::ui {

namespace {

constexpr int margin = 6;
/// What the painted steps may take, in KiB: a few screens of steps at presenter size.
constexpr qsizetype picturesKiB = 24 * 1024;

} // namespace

StepDelegate::StepDelegate(QAbstractItemView *view)
    : QStyledItemDelegate(view)
    , m_view(view)
    , m_pictures(picturesKiB) {}

int StepDelegate::textWidth(const QStyleOptionViewItem &option) const {
    const int width = m_view ? m_view->viewport()->width() : option.rect.width();
    return std::max(50, width - 2 * margin);
}

QString StepDelegate::layoutKey(const QStyleOptionViewItem &option, const QModelIndex &index,
                                int width) {
    // Links take their colour when the text is read: on the highlighted step they follow the
    // highlighted text, elsewhere the palette's link colour.
    const bool selected = option.state & QStyle::State_Selected;
    const QColor link = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Link);
    const QString html = index.data(selected ? selectedHtmlRole : htmlRole).toString();
    return QString::number(width) + QLatin1Char('|') + link.name() + QLatin1Char('|') +
           option.font.key() + QLatin1Char('|') + html;
}

QTextDocument &StepDelegate::laidOut(const QStyleOptionViewItem &option, const QModelIndex &index,
                                     int width) const {
    const bool selected = option.state & QStyle::State_Selected;
    const QColor link = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Link);
    const QString key = layoutKey(option, index, width);
    if (const auto found = m_documents.constFind(key); found != m_documents.constEnd())
        return **found;
    if (m_documents.size() > 256) // a few screens of steps; older layouts are not worth keeping
        m_documents.clear();
    auto document = std::make_shared<QTextDocument>();
    document->setDocumentMargin(0);
    document->setDefaultFont(option.font);
    document->setDefaultStyleSheet(QStringLiteral("a { color: %1; }").arg(link.name()));
    document->setHtml(index.data(selected ? selectedHtmlRole : htmlRole).toString());
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

    const int width = option.rect.width() - 2 * margin;
    const bool selected = option.state & QStyle::State_Selected;
    const QColor textColour =
        option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    // The text is drawn from the rectangle's corner, inset by the margin, up to the rectangle's
    // size (as the clip was when it was drawn straight onto the view).
    const QSize area = option.rect.size();
    const qreal ratio = painter->device() ? painter->device()->devicePixelRatio() : 1.0;
    const QString key = layoutKey(option, index, width) + QLatin1Char('|') + textColour.name() +
                        QLatin1Char('|') + QString::number(area.width()) + QLatin1Char('x') +
                        QString::number(area.height()) + QLatin1Char('@') + QString::number(ratio);
    const QPoint corner = option.rect.topLeft() + QPoint(margin, margin);
    if (const QPixmap *picture = m_pictures.object(key)) {
        painter->drawPixmap(corner, *picture);
        return;
    }
    QTextDocument &document = laidOut(option, index, width);
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = option.palette;
    context.palette.setColor(QPalette::Text, textColour);
    if (selected) {
        context.palette.setColor(QPalette::Link, textColour);
        context.palette.setColor(QPalette::LinkVisited, textColour);
    }
    auto drawn = std::make_unique<QPixmap>(area * ratio);
    drawn->setDevicePixelRatio(ratio);
    drawn->fill(Qt::transparent);
    QPainter onPicture(drawn.get());
    onPicture.setRenderHints(painter->renderHints());
    document.documentLayout()->draw(&onPicture, context);
    onPicture.end();
    painter->drawPixmap(corner, *drawn);
    const qsizetype kib =
        std::max<qsizetype>(1, static_cast<qsizetype>(drawn->width()) * drawn->height() * 4 / 1024);
    m_pictures.insert(key, drawn.release(), kib);
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
