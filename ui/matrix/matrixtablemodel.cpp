#include "matrixtablemodel.h"

#include "ui/window/QtText.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace iisid::ui {

MatrixTableModel::MatrixTableModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void MatrixTableModel::setMatrix(Matrix matrix) {
    beginResetModel();
    m_matrix = std::move(matrix);
    endResetModel();
}

void MatrixTableModel::clear() {
    setMatrix(Matrix{});
}

const MatrixCell &MatrixTableModel::cell(const QModelIndex &index) const {
    return m_matrix.cell(static_cast<std::size_t>(index.row()),
                         static_cast<std::size_t>(index.column()));
}

int MatrixTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_matrix.rows.headings.size());
}

int MatrixTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_matrix.columns.headings.size());
}

QVariant MatrixTableModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const MatrixCell &c = cell(index);
    const bool resolved = c.state == CellState::Resolved;
    switch (role) {
    case Qt::DisplayRole: {
        // The mark is a symbol as well as a colour, so the difference does not rest on colour.
        const QString summary = toQString(cellSummary(c));
        return c.differsFromLeft ? toQString(differsMark) + QLatin1Char(' ') + summary : summary;
    }
    case Qt::ToolTipRole:
        return toQString(cellDetail(c));
    case Qt::AccessibleTextRole:
    case Qt::AccessibleDescriptionRole: {
        QString text = toQString(cellSummary(c));
        if (c.differsFromLeft)
            text += tr(", differs from the cell to its left");
        return text + QStringLiteral(". ") + toQString(cellDetail(c));
    }
    case Qt::FontRole:
        if (c.differsFromLeft || !resolved) {
            QFont font;
            font.setBold(c.differsFromLeft);
            font.setItalic(!resolved);
            return font;
        }
        return {};
    case Qt::BackgroundRole:
        if (c.differsFromLeft)
            return QBrush(QColor(0xff, 0xf0, 0xc8));
        if (!resolved)
            return QBrush(QColor(0xee, 0xee, 0xee));
        return {};
    case Qt::ForegroundRole:
        if (c.differsFromLeft || !resolved)
            return QBrush(QColor(resolved ? 0x1a1a1a : 0x555555));
        return {};
    case DiffersFromLeftRole:
        return c.differsFromLeft;
    case ResolvedRole:
        return resolved;
    default:
        return {};
    }
}

QVariant MatrixTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    const MatrixSide &side = orientation == Qt::Horizontal ? m_matrix.columns : m_matrix.rows;
    if (section < 0 || section >= static_cast<int>(side.headings.size()))
        return {};
    const MatrixHeading &heading = side.headings[static_cast<std::size_t>(section)];
    switch (role) {
    case Qt::DisplayRole:
        return toQString(heading.label);
    case Qt::ToolTipRole:
        return toQString(side.label + ": " + heading.label + "  (" + side.key + "=" +
                         heading.value + ")");
    default:
        return {};
    }
}

} // namespace iisid::ui
