#include "SettingRow.h"

#include "WrappedLabel.h"
#include "ui/window/QtText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QStandardItemModel>
#include <QStyleOptionComboBox>
#include <QStylePainter>
#include <QToolButton>

#include <algorithm>

namespace iisid::ui {

namespace {

bool isWritten(const SettingValue &value) {
    return !std::holds_alternative<std::monostate>(value);
}

} // namespace

void SettingComboBox::setDefaultWords(const QString &words) {
    if (words == m_defaultWords)
        return;
    m_defaultWords = words;
    update();
}

int SettingComboBox::textRoom() const {
    QStyleOptionComboBox option;
    initStyleOption(&option);
    return style()
        ->subControlRect(QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxEditField, this)
        .width();
}

QSize SettingComboBox::minimumSizeHint() const {
    QSize size = QComboBox::minimumSizeHint();
    int widest = 0;
    for (int index = 1; index < count(); ++index)
        widest = std::max(widest, fontMetrics().horizontalAdvance(itemText(index)));
    QStyleOptionComboBox option;
    initStyleOption(&option);
    const QSize needed =
        style()->sizeFromContents(QStyle::CT_ComboBox, &option, QSize(widest, size.height()), this);
    size.setWidth(std::max(size.width(), needed.width()));
    return size;
}

QString SettingComboBox::shownText() const {
    const QString whole = currentText();
    if (currentIndex() != 0 || m_defaultWords.isEmpty() ||
        fontMetrics().horizontalAdvance(whole) <= textRoom())
        return whole;
    return m_defaultWords;
}

void SettingComboBox::paintEvent(QPaintEvent *) {
    QStylePainter painter(this);
    QStyleOptionComboBox option;
    initStyleOption(&option);
    painter.drawComplexControl(QStyle::CC_ComboBox, option);
    if (currentIndex() == 0) {
        // The default, not a value written: in the colour of the text fields' placeholders.
        option.currentText = shownText();
        const QColor quiet = option.palette.color(QPalette::PlaceholderText);
        option.palette.setColor(QPalette::ButtonText, quiet);
        option.palette.setColor(QPalette::Text, quiet);
    }
    painter.drawControl(QStyle::CE_ComboBoxLabel, option);
}

SettingRow::SettingRow(const Setting &setting, QWidget *parent)
    : QWidget(parent)
    , m_setting(setting)
    , m_reset(new QToolButton(this)) {
    const QString label = toQString(setting.label.empty() ? setting.id : setting.label);
    m_label = new WrappedLabel(label + QLatin1Char(':'));
    createControl();
    m_control->setObjectName(toQString(setting.id));
    m_control->setProperty("settingId", toQString(setting.id));
    m_control->setAccessibleName(label);
    m_control->setAccessibleDescription(
        m_check && setting.acceptsUnknown
            ? toQString(setting.help) + QLatin1Char(' ') +
                  tr("Partly checked means unknown: the configuration does not show it, and the "
                     "result says what depends on it.")
            : toQString(setting.help));
    m_control->setWhatsThis(toQString(setting.help));
    m_label->setBuddy(m_control);

    // The theme's undo icon where there is one; a plain arrow otherwise.
    m_reset->setIcon(QIcon::fromTheme(QStringLiteral("edit-undo")));
    m_reset->setText(QStringLiteral("↺"));
    m_reset->setToolButtonStyle(m_reset->icon().isNull() ? Qt::ToolButtonTextOnly
                                                         : Qt::ToolButtonIconOnly);
    m_reset->setAutoRaise(true);
    m_reset->setAccessibleName(tr("Reset %1 to its default").arg(label));
    m_reset->setObjectName(QStringLiteral("reset:") + toQString(setting.id));
    connect(m_reset, &QToolButton::clicked, this, [this] { emit valueEdited(SettingValue()); });

    // Why a disabled row is disabled, in small text beneath it.
    m_note = new WrappedLabel(QString(), this);
    m_note->setObjectName(QStringLiteral("note:") + toQString(setting.id));
    m_note->setForegroundRole(QPalette::PlaceholderText);
    QFont small = m_note->font();
    if (small.pointSizeF() > 0)
        small.setPointSizeF(small.pointSizeF() * 0.9);
    m_note->setFont(small);
    m_note->hide();

    auto *controls = new QHBoxLayout;
    controls->setContentsMargins(0, 0, 0, 0);
    controls->addWidget(m_control, 1);
    if (m_unknown)
        controls->addWidget(m_unknown);
    controls->addWidget(m_reset);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(1);
    layout->addLayout(controls);
    layout->addWidget(m_note);
    // No focus proxy: a row with one would be a "compound widget" to Qt, whose setTabOrder then
    // ties the rows' widgets into a ring the Tab key cannot leave. The editor orders them.
}

std::vector<QWidget *> SettingRow::focusChain() const {
    std::vector<QWidget *> chain{m_control};
    if (m_unknown)
        chain.push_back(m_unknown);
    chain.push_back(m_reset);
    return chain;
}

QString SettingRow::noteText() const {
    return m_note->isHidden() ? QString() : m_note->text();
}

void SettingRow::offerChoices(const Scenario &scenario) {
    // Only the values the rest of the scenario (chiefly the IIS version) has; a written value
    // that no longer fits stays shown, with its problem, until it is changed or reset.
    auto *items = qobject_cast<QStandardItemModel *>(m_combo->model());
    auto *list = qobject_cast<QListView *>(m_combo->view());
    for (int index = 1; index < m_combo->count(); ++index) {
        const std::string choice = toStdString(m_combo->itemData(index).toString());
        const bool offered =
            !m_setting.choiceProblem(scenario, choice) || index == m_combo->currentIndex();
        if (items)
            items->item(index)->setEnabled(offered);
        // Hiding a row, even one already hidden, lays the whole list out again.
        if (list && list->isRowHidden(index) == offered)
            list->setRowHidden(index, !offered);
    }
}

bool SettingRow::eventFilter(QObject *watched, QEvent *event) {
    // The wheel scrolls the editor; it changes a value only in the control being edited, so
    // scrolling past a drop-down cannot change the scenario.
    if (watched == m_control && event->type() == QEvent::Wheel && !m_control->hasFocus()) {
        event->ignore();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void SettingRow::createControl() {
    switch (m_setting.type) {
    case SettingType::Bool:
        m_check = new QCheckBox(this);
        m_control = m_check;
        if (m_setting.acceptsUnknown) {
            // Clicks go unchecked, partly checked ("unknown"), checked.
            m_check->setTristate(true);
            connect(m_check, &QCheckBox::clicked, this, [this] {
                const Qt::CheckState state = m_check->checkState();
                emit valueEdited(state == Qt::PartiallyChecked
                                     ? SettingValue(unknown)
                                     : SettingValue(state == Qt::Checked));
            });
        } else {
            connect(m_check, &QCheckBox::clicked, this,
                    [this](bool checked) { emit valueEdited(SettingValue(checked)); });
        }
        break;
    case SettingType::Choice:
        m_combo = new SettingComboBox(this);
        m_control = m_combo;
        // Item 0 stands for "not written"; its text is filled in by refresh() because the
        // default depends on the rest of the scenario.
        m_combo->addItem(QString(), QVariant());
        // The words IIS Manager uses; the spelling (what files say) is the item's data.
        for (const std::string &choice : m_setting.choices)
            m_combo->addItem(toQString(choiceLabel(m_setting, choice)), toQString(choice));
        m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        m_combo->setMinimumContentsLength(12);
        m_combo->setFocusPolicy(Qt::StrongFocus);
        m_combo->installEventFilter(this);
        connect(m_combo, &QComboBox::activated, this, [this](int index) {
            const QVariant choice = m_combo->itemData(index);
            emit valueEdited(choice.isValid() ? SettingValue(toStdString(choice.toString()))
                                              : SettingValue());
        });
        break;
    case SettingType::Text:
    case SettingType::TextList:
        m_line = new QLineEdit(this);
        m_line->setClearButtonEnabled(true);
        m_control = m_line;
        connect(m_line, &QLineEdit::textEdited, this,
                [this](const QString &text) { emit valueEdited(valueFromText(text)); });
        if (m_setting.type == SettingType::TextList && m_setting.acceptsUnknown) {
            m_unknown = new QCheckBox(toQString(unknownSpelling), this);
            const QString label =
                toQString(m_setting.label.empty() ? m_setting.id : m_setting.label);
            m_unknown->setObjectName(QStringLiteral("unknown:") + toQString(m_setting.id));
            m_unknown->setAccessibleName(tr("%1: unknown").arg(label));
            m_unknown->setAccessibleDescription(
                tr("The configuration does not show this; the result says what depends on it."));
            m_unknown->setToolTip(m_unknown->accessibleDescription());
            connect(m_unknown, &QCheckBox::clicked, this, [this](bool on) {
                emit valueEdited(on ? SettingValue(unknown) : valueFromText(m_line->text()));
            });
        }
        break;
    }
}

SettingValue SettingRow::valueFromText(const QString &text) const {
    if (m_setting.type == SettingType::TextList) {
        std::vector<std::string> items;
        for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString item = part.trimmed();
            if (!item.isEmpty())
                items.push_back(toStdString(item));
        }
        // An empty field is "not written": the setting's default applies.
        return items.empty() ? SettingValue() : SettingValue(std::move(items));
    }
    // For a nullable text an empty field means none; otherwise an empty string is a value of
    // its own (the catalogue's help says what it means, e.g. the pool identity).
    if (text.isEmpty() && m_setting.nullable)
        return SettingValue();
    return SettingValue(toStdString(text));
}

QString SettingRow::textOf(const SettingValue &value) const {
    if (const std::string *text = std::get_if<std::string>(&value))
        return toQString(*text);
    if (const auto *list = std::get_if<std::vector<std::string>>(&value)) {
        QStringList parts;
        for (const std::string &item : *list)
            parts << toQString(item);
        return parts.join(QStringLiteral(", "));
    }
    return QString();
}

void SettingRow::refresh(const Scenario &scenario) {
    const SettingValue written = m_setting.get(scenario);
    const QString defaultText =
        toQString(displayValue(m_setting, m_setting.defaultValue(scenario)));
    const bool writtenValue = isWritten(written);

    if (m_check) {
        const SettingValue shown = writtenValue ? written : m_setting.defaultValue(scenario);
        const bool *on = std::get_if<bool>(&shown);
        const bool notKnown = std::holds_alternative<Unknown>(shown);
        const Qt::CheckState state = notKnown      ? Qt::PartiallyChecked
                                     : (on && *on) ? Qt::Checked
                                                   : Qt::Unchecked;
        // Setting the same state repaints the box all the same.
        if (m_check->checkState() != state) {
            const QSignalBlocker blocker(m_check);
            m_check->setCheckState(state);
        }
        m_check->setText(notKnown       ? toQString(unknownSpelling)
                         : writtenValue ? QString()
                                        : tr("(default)"));
    } else if (m_combo) {
        const QSignalBlocker blocker(m_combo);
        m_combo->setItemText(0, tr("(default: %1)").arg(defaultText));
        m_combo->setDefaultWords(defaultText);
        const std::string *choice = std::get_if<std::string>(&written);
        const int index = choice ? m_combo->findData(toQString(*choice)) : 0;
        m_combo->setCurrentIndex(index < 0 ? 0 : index);
        offerChoices(scenario);
    } else if (m_line) {
        // Leave the text alone while it already means the written value, so typing (and the
        // cursor) is not disturbed by the refresh that follows each keystroke.
        if (valueFromText(m_line->text()) != written) {
            const QSignalBlocker blocker(m_line);
            m_line->setText(textOf(written));
        }
        const std::string *text = std::get_if<std::string>(&written);
        const bool notKnown = std::holds_alternative<Unknown>(written);
        m_line->setReadOnly(notKnown);
        m_line->setPlaceholderText(notKnown                ? tr("(unknown)")
                                   : text && text->empty() ? tr("(empty)")
                                                           : tr("(default: %1)").arg(defaultText));
        if (m_unknown) {
            const QSignalBlocker unknownBlocker(m_unknown);
            m_unknown->setChecked(notKnown);
        }
    }

    const std::optional<std::string> problem = m_setting.problem(scenario);
    const std::optional<std::string> inactive =
        problem ? std::nullopt : m_setting.inactiveReason(scenario);
    // A value that cannot be a name ("CONTOSO\\" while typing) leaves the control enabled so it
    // can be corrected; a value that does not fit the rest of the scenario does not.
    const std::optional<std::string> badValue =
        writtenValue ? m_setting.valueProblem(written) : std::nullopt;
    QString help = toQString(m_setting.help);
    if (!m_setting.defaultNote.empty())
        help += QStringLiteral("\n\n") + tr("Default: %1").arg(toQString(m_setting.defaultNote));
    QString tip = help;
    if (problem && writtenValue)
        tip = tr("Problem: %1").arg(toQString(*problem)) + QStringLiteral("\n\n") + help;
    else if (problem)
        tip = tr("Does not apply: %1").arg(toQString(*problem)) + QStringLiteral("\n\n") + help;
    else if (badValue)
        tip = tr("Problem: %1").arg(toQString(*badValue)) + QStringLiteral("\n\n") + help;
    else if (inactive)
        tip = tr("No effect: %1").arg(toQString(*inactive)) + QStringLiteral("\n\n") + help;
    // The reason is written under a disabled row too: the keyboard cannot reach a tooltip.
    // (QLabel::setText skips an unchanged text; clear() would lay the row out again.)
    if (problem && writtenValue)
        m_note->setText(tr("Problem: %1").arg(toQString(*problem)));
    else if (problem)
        m_note->setText(tr("Does not apply: %1").arg(toQString(*problem)));
    else if (inactive)
        m_note->setText(tr("No effect: %1").arg(toQString(*inactive)));
    else
        m_note->setText(QString());
    m_note->setVisible(!m_note->text().isEmpty());

    if (!m_origin.isEmpty())
        tip = tr("From: %1").arg(m_origin) + QStringLiteral("\n\n") + tip;
    m_control->setEnabled(!problem && !inactive);
    if (m_unknown) {
        m_unknown->setEnabled(!problem && !inactive);
        m_unknown->setToolTip(tip);
    }
    m_label->setEnabled(!problem && !inactive);
    m_control->setToolTip(tip);
    m_label->setToolTip(tip);

    // Resetting stays possible on a disabled setting so that a written value that no longer
    // fits (e.g. after changing the IIS version) can be removed.
    m_reset->setEnabled(writtenValue);
    m_reset->setToolTip(writtenValue ? tr("Reset to the default (%1)").arg(defaultText)
                                     : tr("The default is in use (%1)").arg(defaultText));
}

} // namespace iisid::ui
