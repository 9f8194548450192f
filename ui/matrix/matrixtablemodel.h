#pragma once

#include "model/matrix.h"

#include <QAbstractTableModel>

namespace iisid::ui {

/// The model's identity matrix (model/matrix.h) as a Qt table: one item per cell, the row and
/// column values as headers. It adapts the Matrix and decides nothing: the texts, the mark and
/// the hover come from the model's cellSummary(), differsFromLeft and cellDetail().
class MatrixTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        DiffersFromLeftRole = Qt::UserRole + 1, // bool: MatrixCell::differsFromLeft
        ResolvedRole,                           // bool: the resolver answered the cell
    };

    explicit MatrixTableModel(QObject *parent = nullptr);

    void setMatrix(iisid::Matrix matrix);
    /// Empties the table (no matrix could be built).
    void clear();
    const iisid::Matrix &matrix() const { return m_matrix; }
    /// The cell behind a valid index of this model.
    const iisid::MatrixCell &cell(const QModelIndex &index) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    iisid::Matrix m_matrix;
};

} // namespace iisid::ui
