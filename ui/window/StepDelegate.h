#pragma once

#include <QCache>
#include <QHash>
#include <QPixmap>
#include <QString>
#include <QStyledItemDelegate>

#include <memory>

class QAbstractItemView;
class QTextDocument;

namespace iisid::ui {

/// Draws one explanation step from the rich text in its StepDelegate::htmlRole, wrapped to the
/// view's width, in the palette's colours (highlighted text on the current step); a click on a
/// source link opens it in the browser. Cheaper than a widget per step, so a change redraws
/// within a frame.
class StepDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    static constexpr int htmlRole = Qt::UserRole + 2;
    /// The same step for the highlighted row (badges drawn in inverted colours there).
    static constexpr int selectedHtmlRole = Qt::UserRole + 3;

    explicit StepDelegate(QAbstractItemView *view);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;

private:
    /// The step's text laid out at this width. Laying rich text out is what a redraw costs, and
    /// the view asks for the same step's size and picture several times per change, so the
    /// laid-out documents are kept (keyed by text, width, font and link colour).
    QTextDocument &laidOut(const QStyleOptionViewItem &option, const QModelIndex &index,
                           int width) const;
    int textWidth(const QStyleOptionViewItem &option) const;

    /// The key of a step's laid-out text: its text, width, font and link colour.
    static QString layoutKey(const QStyleOptionViewItem &option, const QModelIndex &index,
                             int width);

    QAbstractItemView *m_view = nullptr;
    mutable QHash<QString, std::shared_ptr<QTextDocument>> m_documents;
    /// The steps' text as painted (keyed by layoutKey, text colour, size and pixel ratio):
    /// drawing rich text is most of a redraw, and a change repaints mostly unchanged steps.
    mutable QCache<QString, QPixmap> m_pictures;
};

} // namespace iisid::ui
