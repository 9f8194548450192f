#pragma once

#include "model/check/check_report.h"
#include "model/finding.h"

#include <QAbstractItemModel>
#include <QIcon>

#include <optional>
#include <vector>

namespace iisid::ui {

/// Roles of the check's item models beside Qt's.
enum CheckRole {
    /// int: the worst severity of the row's findings as the enum's value (0 = error), -1 for
    /// none. The filter and the sort use it.
    SeverityRole = Qt::UserRole + 1,
    /// What a column sorts by (severity by strength, not by its word).
    SortRole,
    /// int: the row's index in CheckReport::applications (-1 for a site row).
    ApplicationRole,
    /// int: the row's index in CheckReport::findings.
    FindingRole,
};

/// The severity's word as the report spells it ("high") and an icon whose shape differs per
/// severity, so severity is never shown by colour alone.
QString severityText(iisid::Severity severity);
QIcon severityIcon(iisid::Severity severity);

/// What the views need to group a report: the sites with their applications (by site id, then
/// path), which application each finding concerns and the worst severity per row. Computed once
/// per report from the report's own fields (a finding's site and path).
struct CheckIndex {
    struct Site {
        std::string name;
        long long id = 0;
        std::vector<int> applications; // indices in CheckReport::applications
        std::optional<iisid::Severity> worst;
    };
    std::vector<Site> sites;
    std::vector<int> findingApplication; // per finding: the application, or -1
    std::vector<std::optional<iisid::Severity>> applicationWorst;

    explicit CheckIndex(const iisid::check::CheckReport &report);
};

/// What both item models of a check share: the report they show, its grouping, and whether
/// secrets are shown (every text passes through the model's redact()).
class CheckReportModel : public QAbstractItemModel {
    Q_OBJECT
public:
    using QAbstractItemModel::QAbstractItemModel;

    /// Shows a report (nullptr: nothing). Both must outlive the model or the next call.
    void setReport(const iisid::check::CheckReport *report, const CheckIndex *index);
    void setShowSecrets(bool show);

protected:
    QString text(const std::string &value) const;

    const iisid::check::CheckReport *m_report = nullptr;
    const CheckIndex *m_index = nullptr;
    bool m_show = false;
};

/// The server at a glance: sites, each with its applications; per application its pool, the
/// pool's identity, the anonymous account, the authentication methods, the account that runs
/// the code of each handler kind, and the worst finding's severity (icon and word). Every word
/// comes from the report; secrets are redacted unless shown.
class ServerTreeModel : public CheckReportModel {
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        SeverityColumn,
        PoolColumn,
        WorkerColumn,
        AnonymousColumn,
        AuthenticationColumn,
        CodeAnonymousColumn,
        CodeAuthenticatedColumn,
        ColumnCount
    };

    using CheckReportModel::CheckReportModel;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant siteData(const CheckIndex::Site &site, int column, int role) const;
    QVariant applicationData(int application, int column, int role) const;
};

/// The findings: severity (icon and word), rule, message, site/path, file:line.
class FindingsModel : public CheckReportModel {
    Q_OBJECT
public:
    enum Column {
        SeverityColumn,
        RuleColumn,
        MessageColumn,
        PlaceColumn,
        LocationColumn,
        ColumnCount
    };

    using CheckReportModel::CheckReportModel;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
};

/// A finding as plain text for the clipboard, redacted unless shown.
QString findingText(const iisid::check::CheckFinding &finding, bool showSecrets);

} // namespace iisid::ui
