#pragma once

#include <QWidget>

class QToolButton;
class QFormLayout;

namespace iisid::ui {

/// A titled group of editor rows that folds away: a header button with an arrow and a content
/// area holding a form layout.
class CollapsibleSection : public QWidget {
    Q_OBJECT
public:
    explicit CollapsibleSection(const QString &title, QWidget *parent = nullptr);

    QFormLayout *form() const { return m_form; }
    QWidget *header() const;
    bool isExpanded() const;
    void setExpanded(bool expanded);

private:
    QToolButton *m_header = nullptr;
    QWidget *m_content = nullptr;
    QFormLayout *m_form = nullptr;
};

} // namespace iisid::ui
