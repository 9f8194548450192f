#pragma once

#include "model/scenario.h"

#include <QWidget>

#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace iisid::ui {

class MatrixTableModel;

/// The identity matrix window: the current scenario as the base, one setting of the catalogue
/// along the rows and one along the columns, and the model's answer in each cell (hover: child
/// and network identity). Double-click or Enter on a cell asks for its scenario to be opened in
/// the explainer; the matrix can be exported as HTML, Markdown or CSV through the model's
/// writers.
class MatrixWindow : public QWidget {
    Q_OBJECT
public:
    enum class ExportFormat { Html, Markdown, Csv };

    explicit MatrixWindow(QWidget *parent = nullptr);
    ~MatrixWindow() override;

    /// The scenario the matrix varies; the table is rebuilt.
    void setBase(const iisid::Scenario &base);
    /// The settings along the rows and the columns, by id ("appPool.identity"); false, changing
    /// nothing, when either is not in the pickers.
    bool setAxes(const QString &rowKey, const QString &columnKey);
    QString rowKey() const;
    QString columnKey() const;

    const MatrixTableModel &tableModel() const { return *m_model; }
    QTableView *view() const { return m_view; }
    /// Why no matrix is shown (the model's diagnostics), empty when one is.
    QString problem() const;

    /// Writes the matrix in `format` to `path` (atomically); the reason it could not, or nullopt.
    std::optional<QString> exportTo(const QString &path, ExportFormat format) const;

signals:
    /// A cell was activated: open its scenario (the base with the row's and column's value).
    void scenarioRequested(const iisid::Scenario &scenario);

private:
    void rebuild();
    void exportAs(ExportFormat format);

    iisid::Scenario m_base;
    MatrixTableModel *m_model = nullptr;
    QComboBox *m_rows = nullptr;
    QComboBox *m_columns = nullptr;
    QLabel *m_title = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_problem = nullptr;
    std::vector<QPushButton *> m_exportButtons;
};

} // namespace iisid::ui
