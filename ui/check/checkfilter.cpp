#include "checkfilter.h"

#include "checkmodels.h"

namespace iisid::ui {

CheckFilterProxy::CheckFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent) {
    setSortRole(SortRole);
    setFilterKeyColumn(-1);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setRecursiveFilteringEnabled(true);
}

void CheckFilterProxy::setMinimumSeverity(std::optional<Severity> severity) {
    if (severity == m_minimum)
        return;
    m_minimum = severity;
    invalidateFilter();
}

bool CheckFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    if (m_minimum) {
        const int worst =
            sourceModel()->index(sourceRow, 0, sourceParent).data(SeverityRole).toInt();
        if (worst < 0 || worst > static_cast<int>(*m_minimum))
            return false;
    }
    // A site whose name matches the text keeps its applications (the severity still applies).
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent) ||
           (sourceParent.isValid() &&
            QSortFilterProxyModel::filterAcceptsRow(sourceParent.row(), sourceParent.parent()));
}

} // namespace iisid::ui
