#pragma once

#include "model/finding.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace iisid::ui {

/// Sorts by the models' SortRole and filters by text (every column, case-insensitive) and by a
/// minimum severity (the rows whose SeverityRole is at least as strong). For the server tree a
/// site stays while one of its applications matches, and a matching site keeps all of them.
class CheckFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit CheckFilterProxy(QObject *parent = nullptr);

    /// nullopt: every row, with or without findings.
    void setMinimumSeverity(std::optional<iisid::Severity> severity);
    std::optional<iisid::Severity> minimumSeverity() const { return m_minimum; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    std::optional<iisid::Severity> m_minimum;
};

} // namespace iisid::ui
