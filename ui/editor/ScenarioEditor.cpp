#include "ScenarioEditor.h"

#include "CollapsibleSection.h"
#include "SettingRow.h"
#include "ui/window/QtText.h"

#include <QLabel>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace iisid::ui {

ScenarioEditor::ScenarioEditor(QWidget *parent)
    : QScrollArea(parent) {
    setAccessibleName(tr("Scenario editor"));
    setWidgetResizable(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Tab stops at the rows, not at the scrolling area around them (which scrolls to the row
    // that has the focus).
    setFocusPolicy(Qt::NoFocus);

    auto *content = new QWidget(this);
    // A row that shows or hides its note changes the content's height; without this the whole
    // content (every visible row) is repainted then, not only the rows that moved or changed.
    content->setAttribute(Qt::WA_StaticContents);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(2, 4, 0, 4);
    m_title = new QLabel(content);
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::RichText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setAccessibleName(tr("Scenario title and notes"));
    // A long word in a title ("WindowsIdentity.RunImpersonated") may break (see breakable());
    // the title never makes the column wider than its rows need.
    m_title->setMinimumWidth(1);
    layout->addWidget(m_title);

    QWidget *previous = nullptr;
    for (const Setting &setting : settings()) {
        const QString group = toQString(setting.group);
        CollapsibleSection *target = section(group);
        if (!target) {
            target = new CollapsibleSection(group, content);
            layout->addWidget(target);
            m_sections.emplace_back(group, target);
        }
        auto *row = new SettingRow(setting, target);
        target->addRow(row->label(), row);
        connect(row, &SettingRow::valueEdited, this,
                [this, &setting](const SettingValue &value) { apply(setting, value); });
        m_rows.push_back(row);
    }
    // Tab order as read: each section's header, then its rows top to bottom. (The catalogue's
    // order differs where a setting depends on a later group: a row enabled later must not
    // come after the next section.)
    for (const auto &[name, target] : m_sections) {
        std::vector<QWidget *> chain{target->header()};
        for (SettingRow *row : m_rows) {
            if (target->isAncestorOf(row)) {
                const std::vector<QWidget *> rowChain = row->focusChain();
                chain.insert(chain.end(), rowChain.begin(), rowChain.end());
            }
        }
        for (QWidget *widget : chain) {
            if (previous)
                setTabOrder(previous, widget);
            previous = widget;
        }
    }
    layout->addStretch(1);
    setWidget(content);
    refresh();
}

QSize ScenarioEditor::minimumSizeHint() const {
    QSize size = QScrollArea::minimumSizeHint();
    if (widget())
        size.setWidth(widget()->minimumSizeHint().width() +
                      verticalScrollBar()->sizeHint().width() + 2 * frameWidth());
    return size;
}

void ScenarioEditor::setScenario(const Scenario &scenario) {
    m_scenario = scenario;
    for (SettingRow *row : m_rows)
        row->setOrigin(QString());
    refresh();
}

void ScenarioEditor::setOrigins(const Origins &origins) {
    for (SettingRow *row : m_rows) {
        const auto found = origins.find(row->setting().id);
        row->setOrigin(found == origins.end() ? QString() : found->second);
    }
    refresh();
}

QString ScenarioEditor::origin(std::string_view settingId) const {
    for (SettingRow *row : m_rows) {
        if (row->setting().id == settingId)
            return row->origin();
    }
    return {};
}

QWidget *ScenarioEditor::control(std::string_view settingId) const {
    for (SettingRow *row : m_rows) {
        if (row->setting().id == settingId)
            return row->control();
    }
    return nullptr;
}

std::vector<QWidget *> ScenarioEditor::controls() const {
    std::vector<QWidget *> result;
    result.reserve(m_rows.size());
    for (SettingRow *row : m_rows)
        result.push_back(row->control());
    return result;
}

CollapsibleSection *ScenarioEditor::section(const QString &group) const {
    for (const auto &[name, widget] : m_sections) {
        if (name == group)
            return widget;
    }
    return nullptr;
}

void ScenarioEditor::apply(const Setting &setting, const SettingValue &value) {
    if (setting.get(m_scenario) == value)
        return;
    setting.set(m_scenario, value);
    // The value is the user's now, no longer the configuration file's.
    for (SettingRow *row : m_rows) {
        if (&row->setting() == &setting)
            row->setOrigin(QString());
    }
    refresh();
    emit scenarioChanged();
}

namespace {

/// Text for the title label with room to break inside long words: after '.', '=', '/', '\\' and
/// '_', and between a lower-case and an upper-case letter ("Identity|Run"), so a narrow column
/// wraps "validateIntegratedModeConfiguration=false" instead of cutting it.
QString breakable(const QString &text) {
    constexpr QChar breakOpportunity(0x200B);
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (i > 0 && c.isUpper() && text[i - 1].isLower())
            out += breakOpportunity;
        out += c;
        if (QStringView(u"./=\\_").contains(c))
            out += breakOpportunity;
    }
    return out;
}

} // namespace

void ScenarioEditor::refresh() {
    // The title, and the start of the notes; the whole notes in the tooltip.
    constexpr qsizetype shownNotes = 160;
    QString notes = toQString(m_scenario.notes);
    m_title->setToolTip(notes);
    if (notes.size() > shownNotes)
        notes = notes.left(shownNotes).trimmed() + QStringLiteral("…");
    QString heading =
        QStringLiteral("<b>%1</b>").arg(breakable(toQString(m_scenario.title)).toHtmlEscaped());
    if (!notes.isEmpty())
        heading += QStringLiteral("<br>") + breakable(notes).toHtmlEscaped();
    m_title->setText(heading);
    m_title->setVisible(!m_scenario.title.empty() || !m_scenario.notes.empty());
    for (SettingRow *row : m_rows)
        row->refresh(m_scenario);
}

} // namespace iisid::ui
