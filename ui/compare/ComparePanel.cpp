#include "ComparePanel.h"

#include "model/resolver.h"
#include "model/settings.h"
#include "ui/window/QtText.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

namespace iisid::ui {

namespace {

const QString changedMarker = QStringLiteral("\u2260"); // ≠
const QString noValue = QStringLiteral("\u2014");       // —

QString valueText(const std::optional<std::string> &value) {
    return value ? toQString(*value) : noValue;
}

/// A cell of a row: selectable text, so a name can be copied from the comparison.
QLabel *cell(QWidget *parent, const QString &objectName) {
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setMargin(4);
    label->setProperty("changed", false);
    return label;
}

/// Changed cells: a tint of the palette's highlight over its base, bold, so the mark works in
/// light and dark palettes and does not rely on colour alone (the marker column says "≠").
void markCell(QLabel *label, bool changed, bool bold = true) {
    label->setProperty("changed", changed);
    // Only the weight is set, so the size still follows the panel (presenter mode enlarges it).
    QFont font;
    if (changed && bold)
        font.setBold(true);
    label->setFont(font);
    label->setAutoFillBackground(changed);
    if (!changed) {
        label->setPalette(QPalette());
        return;
    }
    const QPalette base = label->parentWidget() ? label->parentWidget()->palette() : QPalette();
    const QColor background = base.color(QPalette::Base);
    const QColor highlight = base.color(QPalette::Highlight);
    const qreal mix = 0.28;
    const QColor tint = QColor::fromRgbF(
        static_cast<float>(background.redF() * (1 - mix) + highlight.redF() * mix),
        static_cast<float>(background.greenF() * (1 - mix) + highlight.greenF() * mix),
        static_cast<float>(background.blueF() * (1 - mix) + highlight.blueF() * mix));
    QPalette palette = label->palette();
    palette.setColor(QPalette::Window, tint);
    palette.setColor(QPalette::WindowText, base.color(QPalette::Text));
    label->setPalette(palette);
}

/// "A" or "B" before a value while the rows stack.
QLabel *tag(QWidget *parent, const QString &text) {
    QLabel *label = cell(parent, QString());
    label->setText(text);
    label->hide();
    return label;
}

QLabel *heading(const QString &text, QWidget *parent) {
    auto *label = new QLabel(text, parent);
    QFont font;
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

ComparePanel::ComparePanel(QWidget *parent)
    : QWidget(parent) {
    setAccessibleName(tr("Compare scenarios"));

    m_pinButton = new QPushButton(tr("Pin current as A"), this);
    m_pinButton->setAccessibleName(tr("Pin the current scenario as A"));
    m_pinButton->setToolTip(tr("Keep the current scenario as A; later changes appear as B."));
    m_clearButton = new QPushButton(tr("Clear A"), this);
    m_clearButton->setAccessibleName(tr("Clear the pinned scenario A"));
    connect(m_pinButton, &QPushButton::clicked, this, [this] { setPinned(m_current); });
    connect(m_clearButton, &QPushButton::clicked, this, &ComparePanel::clearPinned);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("compareSummary"));
    m_summary->setWordWrap(true);
    m_summary->setAccessibleName(tr("Comparison summary"));

    m_inputsHeading = heading(tr("Settings that differ"), this);
    m_inputsBox = new QWidget(this);
    m_inputsGrid = new QGridLayout(m_inputsBox);
    m_inputsGrid->setContentsMargins(0, 0, 0, 0);
    m_inputsGrid->setHorizontalSpacing(0);
    m_inputsGrid->setVerticalSpacing(2);

    m_identitiesBox = new QWidget(this);
    m_identitiesGrid = new QGridLayout(m_identitiesBox);
    m_identitiesGrid->setContentsMargins(0, 0, 0, 0);
    m_identitiesGrid->setHorizontalSpacing(0);
    m_identitiesGrid->setVerticalSpacing(2);
    m_identitiesGrid->setColumnStretch(2, 1);
    m_identitiesGrid->setColumnStretch(3, 1);
    createIdentityRows();

    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(m_summary);
    contentLayout->addWidget(m_inputsHeading);
    contentLayout->addWidget(m_inputsBox);
    contentLayout->addWidget(heading(tr("Result"), content));
    contentLayout->addWidget(m_identitiesBox);
    contentLayout->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_pinButton);
    buttons->addWidget(m_clearButton);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(scroll, 1);

    refresh();
}

void ComparePanel::createIdentityRows() {
    for (const QString &text : {tr("Field"), tr("A (pinned)"), tr("B (current)")}) {
        QLabel *title = heading(text, m_identitiesBox);
        title->setMargin(4);
        m_titles.push_back(title);
    }
    for (const std::string &field : resultFields()) {
        const QString id = toQString(field);
        const QString label = toQString(fieldLabel(field));
        Row row;
        row.marker = cell(m_identitiesBox, QStringLiteral("compareMarker_") + id);
        row.marker->setMinimumWidth(row.marker->fontMetrics().horizontalAdvance(changedMarker) +
                                    12);
        row.marker->setAlignment(Qt::AlignCenter);
        row.field = cell(m_identitiesBox, QStringLiteral("compareField_") + id);
        row.field->setText(label);
        row.a = cell(m_identitiesBox, QStringLiteral("compareA_") + id);
        row.a->setAccessibleName(tr("%1 in A").arg(label));
        row.b = cell(m_identitiesBox, QStringLiteral("compareB_") + id);
        row.b->setAccessibleName(tr("%1 in B").arg(label));
        row.why = cell(m_identitiesBox, QStringLiteral("compareWhy_") + id);
        row.why->setWordWrap(true);
        row.why->setAccessibleName(tr("Why %1 changed").arg(label));
        row.aTag = tag(m_identitiesBox, tr("A"));
        row.bTag = tag(m_identitiesBox, tr("B"));
        m_rows.push_back(row);
    }
    place(m_identitiesGrid, m_titles, m_rows);
}

int ComparePanel::tableWidth() const {
    // Each column as wide as its widest cell, as the grids would set them side by side.
    int marker = 0, name = 0, a = 0, b = 0;
    auto widen = [&](const std::vector<QLabel *> &titles, const std::vector<Row> &rows) {
        if (titles.size() == 3) {
            name = std::max(name, titles[0]->sizeHint().width());
            a = std::max(a, titles[1]->sizeHint().width());
            b = std::max(b, titles[2]->sizeHint().width());
        }
        for (const Row &row : rows) {
            marker = std::max(marker, row.marker->sizeHint().width());
            name = std::max(name, row.field->sizeHint().width());
            a = std::max(a, row.a->sizeHint().width());
            b = std::max(b, row.b->sizeHint().width());
        }
    };
    widen(m_titles, m_rows);
    widen(m_inputTitles, m_inputRows);
    // The panel's and the content's margins, and room for the vertical scroll bar.
    const QMargins outer = layout() ? layout()->contentsMargins() : QMargins();
    const int margins =
        outer.left() + outer.right() + 2 * style()->pixelMetric(QStyle::PM_LayoutLeftMargin);
    return marker + name + a + b + margins + style()->pixelMetric(QStyle::PM_ScrollBarExtent);
}

void ComparePanel::place(QGridLayout *grid, const std::vector<QLabel *> &titles,
                         const std::vector<Row> &rows) {
    // Side by side: marker | field | A | B, the reason beneath. Stacked: the marker and field,
    // then "A" and its value, "B" and its value, the reason.
    for (std::size_t i = 0; i < titles.size(); ++i) {
        grid->removeWidget(titles[i]);
        if (!m_stacked)
            grid->addWidget(titles[i], 0, static_cast<int>(i) + 1);
        titles[i]->setVisible(!m_stacked);
    }
    const int height = m_stacked ? 4 : 2;
    int r = m_stacked ? 0 : 1;
    for (const Row &row : rows) {
        for (QLabel *label : {row.marker, row.field, row.a, row.b, row.aTag, row.bTag, row.why}) {
            if (label)
                grid->removeWidget(label);
        }
        grid->addWidget(row.marker, r, 0);
        if (m_stacked) {
            grid->addWidget(row.field, r, 1, 1, 2);
            grid->addWidget(row.aTag, r + 1, 1);
            grid->addWidget(row.a, r + 1, 2);
            grid->addWidget(row.bTag, r + 2, 1);
            grid->addWidget(row.b, r + 2, 2);
        } else {
            grid->addWidget(row.field, r, 1);
            grid->addWidget(row.a, r, 2);
            grid->addWidget(row.b, r, 3);
        }
        row.aTag->setVisible(m_stacked);
        row.bTag->setVisible(m_stacked);
        if (row.why)
            grid->addWidget(row.why, r + height - 1, 1, 1, m_stacked ? 2 : 3);
        r += row.why ? height : height - 1;
    }
    grid->setColumnStretch(2, 1);
    grid->setColumnStretch(3, m_stacked ? 0 : 1);
}

void ComparePanel::arrange() {
    m_stacked = width() < tableWidth();
    place(m_identitiesGrid, m_titles, m_rows);
    place(m_inputsGrid, m_inputTitles, m_inputRows);
    alignColumns();
}

void ComparePanel::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    if ((event->size().width() < tableWidth()) != m_stacked)
        arrange();
}

void ComparePanel::setPinned(const iisid::Scenario &scenario) {
    m_pinned = scenario;
    refresh();
    emit pinnedChanged(true);
}

void ComparePanel::clearPinned() {
    const bool was = m_pinned.has_value();
    m_pinned.reset();
    refresh();
    if (was)
        emit pinnedChanged(false);
}

bool ComparePanel::hasPinned() const {
    return m_pinned.has_value();
}

void ComparePanel::setCurrent(const iisid::Scenario &scenario) {
    m_current = scenario;
    refresh();
}

void ComparePanel::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyHighlight();
    // Larger type (presenter mode) may no longer fit side by side, smaller may again.
    if (event->type() == QEvent::FontChange && !m_tableStale)
        arrange();
}

void ComparePanel::refresh() {
    if (m_pinned)
        m_comparison = compare(*m_pinned, m_current);
    else
        m_comparison.reset();
    m_clearButton->setEnabled(m_pinned.has_value());
    // Behind the Result tab the table would be built anew at every setting change, unseen: it
    // is built when the tab is shown (setVisible).
    m_tableStale = isHidden() && testAttribute(Qt::WA_WState_ExplicitShowHide);
    if (!m_tableStale)
        fillTable();
}

void ComparePanel::setVisible(bool visible) {
    if (visible && m_tableStale)
        fillTable();
    QWidget::setVisible(visible);
}

void ComparePanel::fillTable() {
    m_tableStale = false;
    if (!m_comparison) {
        m_summary->setText(tr("Nothing is pinned. Pin the current scenario as A, change settings, "
                              "and B (the current scenario) appears beside it with every "
                              "difference marked."));
    } else {
        m_summary->setText(toQString(m_comparison->summary));
    }
    fillInputs();
    fillIdentities();
    applyHighlight();
    arrange();
}

void ComparePanel::alignColumns() {
    // The settings and the result are two grids; the same first columns line A and B up.
    int markerWidth = 0;
    int nameWidth = 0;
    for (QGridLayout *g : {m_inputsGrid, m_identitiesGrid}) {
        for (int i = 0; i < g->count(); ++i) {
            int row = 0, column = 0, rowSpan = 0, columnSpan = 0;
            g->getItemPosition(i, &row, &column, &rowSpan, &columnSpan);
            QWidget *widget = g->itemAt(i)->widget();
            if (!widget || columnSpan != 1)
                continue;
            if (column == 0)
                markerWidth = std::max(markerWidth, widget->sizeHint().width());
            else if (column == 1)
                nameWidth = std::max(nameWidth, widget->sizeHint().width());
        }
    }
    for (QGridLayout *g : {m_inputsGrid, m_identitiesGrid}) {
        g->setColumnMinimumWidth(0, markerWidth);
        g->setColumnMinimumWidth(1, nameWidth);
    }
}

void ComparePanel::fillInputs() {
    for (QLabel *label : m_inputLabels)
        delete label;
    m_inputLabels.clear();
    m_inputRows.clear();
    m_inputTitles.clear();

    const bool any = m_comparison && !m_comparison->inputs.empty();
    m_inputsHeading->setVisible(any);
    m_inputsBox->setVisible(any);
    if (!any)
        return;

    for (const QString &text : {tr("Setting"), tr("A (pinned)"), tr("B (current)")}) {
        QLabel *title = heading(text, m_inputsBox);
        title->setMargin(4);
        m_inputTitles.push_back(title);
        m_inputLabels.push_back(title);
    }
    for (const InputChange &input : m_comparison->inputs) {
        const QString label = toQString(input.label);
        QLabel *marker =
            cell(m_inputsBox, QStringLiteral("compareInputMarker_") + toQString(input.settingId));
        marker->setText(changedMarker);
        marker->setAccessibleName(tr("changed"));
        QLabel *name =
            cell(m_inputsBox, QStringLiteral("compareInput_") + toQString(input.settingId));
        name->setText(label);
        name->setToolTip(toQString(input.settingId));
        // Values in the catalogue's words ("ISAPI filter"), as the editor shows them.
        const Setting *setting = findSetting(input.settingId);
        auto shown = [setting](const SettingValue &value) {
            return toQString(setting ? displayValue(*setting, value) : displayValue(value));
        };
        QLabel *before = cell(m_inputsBox, QString());
        before->setText(shown(input.before));
        before->setAccessibleName(tr("%1 in A").arg(label));
        QLabel *after = cell(m_inputsBox, QString());
        after->setText(shown(input.after));
        after->setAccessibleName(tr("%1 in B").arg(label));
        const Row row{
            marker, name, before, after, tag(m_inputsBox, tr("A")), tag(m_inputsBox, tr("B")),
            nullptr};
        for (QLabel *c : {marker, name, before, after, row.aTag, row.bTag}) {
            c->setProperty("changed", true);
            m_inputLabels.push_back(c);
        }
        m_inputRows.push_back(row);
    }
}

void ComparePanel::fillIdentities() {
    const Resolution current = resolve(m_current);
    std::optional<Resolution> pinned;
    if (m_pinned)
        pinned = resolve(*m_pinned);

    const std::vector<std::string> &fields = resultFields();
    for (std::size_t i = 0; i < fields.size(); ++i) {
        Row &row = m_rows[i];
        const IdentityChange *change = nullptr;
        if (m_comparison) {
            auto it = std::find_if(m_comparison->identities.begin(), m_comparison->identities.end(),
                                   [&](const IdentityChange &c) { return c.field == fields[i]; });
            if (it != m_comparison->identities.end())
                change = &*it;
        }
        row.a->setText(pinned ? valueText(fieldValue(*pinned, fields[i])) : noValue);
        row.b->setText(valueText(fieldValue(current, fields[i])));
        row.marker->setText(change ? changedMarker : QString());
        row.marker->setAccessibleName(change ? tr("changed") : tr("unchanged"));
        row.why->setText(change ? toQString(change->why) : QString());
        row.why->setVisible(change != nullptr);
        for (QLabel *c : {row.marker, row.field, row.a, row.b, row.aTag, row.bTag, row.why})
            c->setProperty("changed", change != nullptr);
    }
}

void ComparePanel::applyHighlight() {
    for (QLabel *label : m_inputLabels) {
        if (label->property("changed").isValid())
            markCell(label, label->property("changed").toBool());
    }
    for (Row &row : m_rows) {
        for (QLabel *c : {row.marker, row.field, row.a, row.b, row.aTag, row.bTag})
            markCell(c, c->property("changed").toBool());
        markCell(row.why, row.why->property("changed").toBool(), false);
    }
}

} // namespace iisid::ui
