#pragma once

#include <QStyledItemDelegate>

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
    void layOut(QTextDocument &document, const QStyleOptionViewItem &option,
                const QModelIndex &index, int width) const;
    int textWidth(const QStyleOptionViewItem &option) const;

    QAbstractItemView *m_view = nullptr;
};

} // namespace iisid::ui
