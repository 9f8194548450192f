#pragma once

#include "model/scenario.h"
#include "model/settings.h"

#include <QScrollArea>

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

class QLabel;

namespace iisid::ui {

class CollapsibleSection;
class SettingRow;

/// The scenario editor, generated from the settings catalogue (iisid::settings()): one row per
/// setting, grouped by Setting::group in folding sections. Every edit updates the scenario and
/// emits scenarioChanged() at once; the editor itself knows no IIS rule.
class ScenarioEditor : public QScrollArea {
    Q_OBJECT
public:
    explicit ScenarioEditor(QWidget *parent = nullptr);

    /// Setting id -> where its value came from, for a person ("applicationHost.config:182").
    using Origins = std::map<std::string, QString, std::less<>>;

    /// Shows a scenario (a file opened, a lesson chosen) and forgets the origins of the one
    /// before. Emits nothing.
    void setScenario(const iisid::Scenario &scenario);
    /// Says in each setting's tooltip where its value came from (a scenario derived by the
    /// checker); a setting the user edits loses its origin.
    void setOrigins(const Origins &origins);
    /// The origin shown for a setting, empty when none.
    QString origin(std::string_view settingId) const;
    const iisid::Scenario &scenario() const { return m_scenario; }

    /// The control of a setting, or nullptr for an unknown id.
    QWidget *control(std::string_view settingId) const;
    /// Every setting's control, in catalogue order.
    std::vector<QWidget *> controls() const;
    /// The folding section of a group, or nullptr.
    CollapsibleSection *section(const QString &group) const;

    /// As wide as the widest row needs beside the scroll bar: the editor never scrolls sideways,
    /// so a narrower column would hide the right end of its rows (the reset buttons).
    QSize minimumSizeHint() const override;

signals:
    void scenarioChanged();

private:
    void apply(const iisid::Setting &setting, const iisid::SettingValue &value);
    void refresh();

    iisid::Scenario m_scenario;
    QLabel *m_title = nullptr;
    std::vector<SettingRow *> m_rows;
    std::vector<std::pair<QString, CollapsibleSection *>> m_sections;
};

} // namespace iisid::ui
