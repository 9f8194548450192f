#pragma once

#include <QWidget>

class QToolButton;
class QVBoxLayout;

namespace iisid::ui {

/// A titled group of editor rows that folds away: a header button with an arrow and a content
/// area holding the rows, each label above its control.
class CollapsibleSection : public QWidget {
    Q_OBJECT
public:
    explicit CollapsibleSection(const QString &title, QWidget *parent = nullptr);

    /// Adds a row: the label, then the field beneath it at the section's full width.
    void addRow(QWidget *label, QWidget *field);
    QWidget *header() const;
    bool isExpanded() const;
    void setExpanded(bool expanded);

private:
    QToolButton *m_header = nullptr;
    QWidget *m_content = nullptr;
    QVBoxLayout *m_rows = nullptr;
};

} // namespace iisid::ui
