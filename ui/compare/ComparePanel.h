#pragma once

#include "model/compare.h"
#include "model/scenario.h"

#include <QWidget>

#include <optional>

class QLabel;
class QTableWidget;

namespace iisid::ui {

/// Scenario A (pinned) beside scenario B (current): the inputs that differ and every result
/// field of both, the changed ones marked (colour from the palette plus a "≠" marker) with the
/// model's one-sentence reason under each. Shows what compare() decided; decides nothing.
class ComparePanel : public QWidget {
    Q_OBJECT
public:
    explicit ComparePanel(QWidget *parent = nullptr);

    void setPinned(const iisid::Scenario &scenario);
    void clearPinned();
    bool hasPinned() const;
    void setCurrent(const iisid::Scenario &scenario);

    /// The comparison shown, or nullopt while nothing is pinned.
    const std::optional<iisid::Comparison> &comparison() const { return m_comparison; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void fillInputs();
    void fillIdentities();

    std::optional<iisid::Scenario> m_pinned;
    iisid::Scenario m_current;
    std::optional<iisid::Comparison> m_comparison;
    QLabel *m_summary = nullptr;
    QTableWidget *m_inputs = nullptr;
    QTableWidget *m_identities = nullptr;
};

} // namespace iisid::ui
