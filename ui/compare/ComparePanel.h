#pragma once

#include "model/compare.h"
#include "model/scenario.h"

#include <QWidget>

#include <optional>
#include <vector>

class QGridLayout;
class QLabel;
class QPushButton;

namespace iisid::ui {

/// Scenario A (pinned) beside scenario B (current): the inputs that differ and every result
/// field of both, the changed ones marked (a palette-derived background, bold text and a "≠"
/// marker, so colour is never the only sign) with the model's one-sentence reason beneath
/// each. Shows what compare() decided; decides nothing.
///
/// Each result row's widgets are named "compareField_<field>", "compareA_<field>",
/// "compareB_<field>", "compareWhy_<field>" and carry the dynamic property "changed"; the input
/// rows are named "compareInput_<setting id>".
///
/// Where A and B fit side by side the rows are a table (field | A | B); in a narrow pane (the tab
/// beside the result card) each row stacks its field, then A and B beneath it, so nothing is cut
/// and nothing needs a sideways scroll.
class ComparePanel : public QWidget {
    Q_OBJECT
public:
    explicit ComparePanel(QWidget *parent = nullptr);

    void setPinned(const iisid::Scenario &scenario);
    void clearPinned();
    bool hasPinned() const;
    void setCurrent(const iisid::Scenario &scenario);
    void setVisible(bool visible) override;

    /// Scenario A, or nullopt while nothing is pinned.
    const std::optional<iisid::Scenario> &pinned() const { return m_pinned; }

    /// The comparison shown, or nullopt while nothing is pinned.
    const std::optional<iisid::Comparison> &comparison() const { return m_comparison; }

    /// True while the rows stack (field, then A, then B) because the table would not fit.
    bool isStacked() const { return m_stacked; }

signals:
    /// A was pinned (true) or cleared (false), from the panel's buttons or the functions above.
    void pinnedChanged(bool pinned);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    /// One row of either grid: the settings that differ (no reason) or a result field.
    struct Row {
        QLabel *marker = nullptr;
        QLabel *field = nullptr;
        QLabel *a = nullptr;
        QLabel *b = nullptr;
        QLabel *aTag = nullptr; // "A", shown while the rows stack
        QLabel *bTag = nullptr;
        QLabel *why = nullptr; // result fields only
    };

    void createIdentityRows();
    void refresh();
    void fillTable();
    void fillInputs();
    void fillIdentities();
    void applyHighlight();
    void alignColumns();
    /// The width the side-by-side table needs, and placing the rows as a table or stacked.
    int tableWidth() const;
    void arrange();
    void place(QGridLayout *grid, const std::vector<QLabel *> &titles,
               const std::vector<Row> &rows);

    std::optional<iisid::Scenario> m_pinned;
    iisid::Scenario m_current;
    std::optional<iisid::Comparison> m_comparison;
    QLabel *m_summary = nullptr;
    QPushButton *m_pinButton = nullptr;
    QPushButton *m_clearButton = nullptr;
    QLabel *m_inputsHeading = nullptr;
    QWidget *m_inputsBox = nullptr;
    QGridLayout *m_inputsGrid = nullptr;
    QWidget *m_identitiesBox = nullptr;
    QGridLayout *m_identitiesGrid = nullptr;
    std::vector<Row> m_rows;             // in resultFields() order
    std::vector<QLabel *> m_titles;      // the result table's column titles
    std::vector<Row> m_inputRows;        // the changed inputs, in the comparison's order
    std::vector<QLabel *> m_inputTitles; // their column titles
    std::vector<QLabel *> m_inputLabels; // every label of the changed-input rows and titles
    bool m_stacked = false;
    bool m_tableStale = false; // the comparison changed while the panel was hidden
};

} // namespace iisid::ui
