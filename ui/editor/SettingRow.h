#pragma once

#include "model/settings.h"

#include <QComboBox>
#include <QWidget>

#include <vector>

class QCheckBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace iisid::ui {

/// A setting's drop-down. Its first item stands for "not written" and reads
/// "(default: Worker process isolation)" in the list; the closed box shows that in the placeholder
/// colour, as the text fields show their defaults, and only the default's own words where the
/// whole would not fit (a narrow editor column), so it is never cut.
class SettingComboBox : public QComboBox {
    Q_OBJECT
public:
    using QComboBox::QComboBox;

    /// The words of the default ("Worker process isolation"), shown alone when the first item's
    /// whole text does not fit.
    void setDefaultWords(const QString &words);
    /// The text the closed box shows now.
    QString shownText() const;
    /// The room the closed box has for its text.
    int textRoom() const;
    /// Wide enough for the longest choice: any value, and any default in its short form, shows
    /// whole.
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_defaultWords;
};

/// The editor's row for one setting of the catalogue: a control chosen by the setting's type
/// (check box, combo box, line edit, comma-separated line edit) and a reset-to-default button.
/// It shows the scenario's value, or the effective default when the value is not written, and
/// is disabled, with the model's reason beneath it and in the tooltip, when the setting has a
/// problem or no effect. A drop-down offers only the choices the scenario allows
/// (Setting::choiceProblem) and ignores the wheel unless it has focus. A setting that
/// acceptsUnknown offers "unknown": a tri-state check box (partly checked) for a boolean, an
/// "unknown" check box beside a list. It knows no IIS rule: everything comes from the Setting's
/// functions.
class SettingRow : public QWidget {
    Q_OBJECT
public:
    SettingRow(const iisid::Setting &setting, QWidget *parent = nullptr);

    const iisid::Setting &setting() const { return m_setting; }
    /// The control that edits the value (tests and the form's label buddy use it).
    QWidget *control() const { return m_control; }
    QToolButton *resetButton() const { return m_reset; }
    /// The "unknown" check box beside a list that acceptsUnknown, else nullptr.
    QCheckBox *unknownBox() const { return m_unknown; }
    /// The label for the form, created with the row and owned by the caller's layout.
    QLabel *label() const { return m_label; }

    /// Shows the scenario's value and the setting's state in it. Emits nothing.
    void refresh(const iisid::Scenario &scenario);
    /// The row's focusable widgets in reading order (control, "unknown" box, reset button).
    std::vector<QWidget *> focusChain() const;
    /// Why the row is disabled, as written beneath it; empty when it is enabled.
    QString noteText() const;
    /// Where the value came from ("applicationHost.config:182"), first in the tooltip from the
    /// next refresh on; empty: nothing said.
    void setOrigin(const QString &origin) { m_origin = origin; }
    const QString &origin() const { return m_origin; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    /// The user chose a value; monostate means "not written" (the default applies).
    void valueEdited(const iisid::SettingValue &value);

private:
    void createControl();
    void offerChoices(const iisid::Scenario &scenario);
    iisid::SettingValue valueFromText(const QString &text) const;
    QString textOf(const iisid::SettingValue &value) const;

    const iisid::Setting &m_setting;
    QWidget *m_control = nullptr;
    QCheckBox *m_check = nullptr;
    SettingComboBox *m_combo = nullptr;
    QLineEdit *m_line = nullptr;
    QCheckBox *m_unknown = nullptr;
    QToolButton *m_reset = nullptr;
    QLabel *m_label = nullptr;
    QLabel *m_note = nullptr;
    QString m_origin;
};

} // namespace iisid::ui
