#include "checkmodels.h"

#include "model/check/app_scenario.h"
#include "model/check/check_summary.h"
#include "model/check/redact.h"
#include "model/config/apphost_config.h"
#include "model/config/config_value.h"
#include "model/explanation.h"
#include "ui/window/QtText.h"

#include <QApplication>
#include <QFileInfo>
#include <QStyle>

#include <algorithm>
#include <map>

namespace iisid::ui {

using check::CheckApplication;
using check::CheckFinding;
using check::CheckReport;
using check::RequestIdentities;

namespace {

constexpr quintptr siteRowId = 0;

int rank(const std::optional<Severity> &severity) {
    return severity ? static_cast<int>(*severity) : -1;
}

void raise(std::optional<Severity> &worst, Severity severity) {
    if (!worst || static_cast<int>(severity) < static_cast<int>(*worst))
        worst = severity;
}

/// For sorting: the strongest first, rows without findings last.
int sortRank(const std::optional<Severity> &severity) {
    return severity ? static_cast<int>(*severity) : static_cast<int>(check::allSeverities.size());
}

QVariant severityData(const std::optional<Severity> &severity, int role) {
    switch (role) {
    case Qt::DisplayRole:
        return severity ? severityText(*severity) : QString();
    case Qt::DecorationRole:
        return severity ? severityIcon(*severity) : QVariant();
    case Qt::AccessibleTextRole:
        return severity ? severityText(*severity) : QApplication::translate("CheckView", "none");
    case SortRole:
        return sortRank(severity);
    default:
        return {};
    }
}

} // namespace

QString severityText(Severity severity) {
    return toQString(toString(severity));
}

QIcon severityIcon(Severity severity) {
    // Shapes, not only colours: a stop sign, a warning triangle, an information mark.
    QStyle *style = QApplication::style();
    switch (severity) {
    case Severity::Error:
        return style->standardIcon(QStyle::SP_MessageBoxCritical);
    case Severity::High:
    case Severity::Medium:
        return style->standardIcon(QStyle::SP_MessageBoxWarning);
    case Severity::Low:
    case Severity::Info:
        return style->standardIcon(QStyle::SP_MessageBoxInformation);
    }
    return {};
}

CheckIndex::CheckIndex(const CheckReport &report) {
    const std::vector<const CheckApplication *> ordered = check::orderedApplications(report);
    std::map<const CheckApplication *, int> position;
    for (std::size_t i = 0; i < report.applications.size(); ++i)
        position[&report.applications[i]] = static_cast<int>(i);
    std::map<std::string, std::size_t, std::less<>> siteOf;
    for (const CheckApplication *application : ordered) {
        if (sites.empty() || sites.back().id != application->siteId ||
            sites.back().name != application->site) {
            siteOf.emplace(application->site, sites.size());
            sites.push_back(Site{application->site, application->siteId, {}, std::nullopt});
        }
        sites.back().applications.push_back(position[application]);
    }
    std::map<std::string, std::vector<int>, std::less<>> byPool; // pool names: any case
    for (std::size_t a = 0; a < report.applications.size(); ++a)
        byPool[config::toLowerAscii(report.applications[a].pool)].push_back(static_cast<int>(a));
    applicationWorst.assign(report.applications.size(), std::nullopt);
    findingApplication.assign(report.findings.size(), -1);
    for (std::size_t f = 0; f < report.findings.size(); ++f) {
        const CheckFinding &finding = report.findings[f];
        const auto site = siteOf.find(finding.site);
        if (finding.site.empty() || site == siteOf.end()) {
            // A pool rule that the report ties to no single site concerns every application of
            // the pool: each shows it as its worst; Explain takes the first.
            if (finding.pool.empty())
                continue;
            const auto served = byPool.find(config::toLowerAscii(finding.pool));
            if (served == byPool.end())
                continue;
            findingApplication[f] = served->second.front();
            for (int a : served->second)
                raise(applicationWorst[static_cast<std::size_t>(a)], finding.finding.severity);
            continue;
        }
        // The application whose path is the longest whole-segment prefix of the finding's path
        // (a <location> below an application belongs to it).
        int best = -1;
        std::size_t bestLength = 0;
        const std::string path = finding.path.empty() ? std::string("/") : finding.path;
        for (int a : sites[site->second].applications) {
            const std::string &candidate = report.applications[static_cast<std::size_t>(a)].path;
            if (config::isPathPrefix(candidate, path) &&
                (best < 0 || candidate.size() > bestLength)) {
                best = a;
                bestLength = candidate.size();
            }
        }
        findingApplication[f] = best;
        if (best >= 0)
            raise(applicationWorst[static_cast<std::size_t>(best)], finding.finding.severity);
        raise(sites[site->second].worst, finding.finding.severity);
    }
    for (Site &site : sites) {
        for (int a : site.applications) {
            if (const auto &worst = applicationWorst[static_cast<std::size_t>(a)])
                raise(site.worst, *worst);
        }
    }
}

QString findingText(const CheckFinding &checkFinding, bool show) {
    const Finding &finding = checkFinding.finding;
    QStringList lines;
    QString head;
    if (!finding.location.file.empty()) {
        SourceLocation location = finding.location;
        location.file = check::redact(location.file, show);
        head = toQString(location.toString()) + QStringLiteral(": ");
    }
    lines << head + severityText(finding.severity) + QLatin1Char(' ') +
                 toQString(check::redact(finding.rule, show)) + QLatin1Char(' ') +
                 toQString(check::redact(finding.message, show));
    lines << QApplication::translate("CheckView", "status: %1")
                 .arg(toQString(toString(finding.status)));
    if (!checkFinding.site.empty())
        lines << QApplication::translate("CheckView", "site: %1, path: %2")
                     .arg(toQString(check::redact(checkFinding.site, show)),
                          toQString(check::redact(checkFinding.path, show)));
    if (!finding.fix.empty())
        lines << QApplication::translate("CheckView", "fix: %1")
                     .arg(toQString(check::redact(finding.fix, show)));
    if (!checkFinding.cis.empty())
        lines << QApplication::translate("CheckView", "CIS: %1")
                     .arg(toQString(check::redact(checkFinding.cis, show)));
    if (!checkFinding.source.empty())
        lines << QApplication::translate("CheckView", "source: %1")
                     .arg(toQString(check::redact(checkFinding.source, show)));
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

// --- CheckReportModel --------------------------------------------------------------------------

void CheckReportModel::setReport(const CheckReport *report, const CheckIndex *index) {
    beginResetModel();
    m_report = report;
    m_index = report ? index : nullptr;
    endResetModel();
}

void CheckReportModel::setShowSecrets(bool show) {
    beginResetModel();
    m_show = show;
    endResetModel();
}

QString CheckReportModel::text(const std::string &value) const {
    return toQString(check::redact(value, m_show));
}

// --- ServerTreeModel ---------------------------------------------------------------------------

namespace {

QString requestText(const std::optional<RequestIdentities> &request, bool show) {
    if (!request)
        return QStringLiteral("-");
    QString out =
        request->code ? toQString(check::redact(*request->code, show)) : QStringLiteral("-");
    if (!request->http.empty() && request->http != "200")
        out += QStringLiteral(" (HTTP %1)").arg(toQString(check::redact(request->http, show)));
    if (request->confidence != Confidence::Confirmed)
        out += QLatin1Char(' ') + toQString(confidenceMark(request->confidence));
    return out;
}

/// The code's account per handler kind, kinds with the same answer together:
/// "NT AUTHORITY\IUSR (asp, static); IIS APPPOOL\App [partial] (aspnet)".
QString codeCell(const CheckApplication &application, bool anonymous, bool show) {
    std::vector<std::pair<QString, QStringList>> groups;
    for (const check::CheckHandler &handler : application.handlers) {
        const QString text =
            requestText(anonymous ? handler.anonymous : handler.authenticated, show);
        auto found = std::find_if(groups.begin(), groups.end(),
                                  [&](const auto &group) { return group.first == text; });
        if (found == groups.end())
            groups.push_back({text, {}}), found = groups.end() - 1;
        found->second << toQString(check::redact(handler.kind, show));
    }
    QStringList parts;
    for (const auto &[text, kinds] : groups)
        parts << QStringLiteral("%1 (%2)").arg(text, kinds.join(QStringLiteral(", ")));
    return parts.join(QStringLiteral("; "));
}

QString codeTip(const CheckApplication &application, bool anonymous, bool show) {
    QStringList lines;
    for (const check::CheckHandler &handler : application.handlers) {
        const auto &request = anonymous ? handler.anonymous : handler.authenticated;
        QString line =
            QStringLiteral("%1 (%2): %3")
                .arg(toQString(check::redact(handler.kind, show)),
                     toQString(check::redact(handler.path, show)), requestText(request, show));
        if (request && !request->dependsOn.empty()) {
            QStringList depends;
            for (const std::string &item : request->dependsOn)
                depends << toQString(check::redact(item, show));
            line += QLatin1Char('\n') + QApplication::translate("CheckView", "  depends on: %1")
                                            .arg(depends.join(QStringLiteral("; ")));
        }
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

QString authenticationCell(const check::CheckAuthentication &auth) {
    QStringList methods;
    if (auth.anonymous)
        methods << QStringLiteral("anonymous");
    if (auth.basic)
        methods << QStringLiteral("basic");
    if (auth.digest)
        methods << QStringLiteral("digest");
    if (auth.windows)
        methods << QStringLiteral("windows");
    if (auth.clientCertificate)
        methods << QStringLiteral("client certificate");
    return methods.isEmpty() ? QStringLiteral("none") : methods.join(QStringLiteral(", "));
}

} // namespace

QModelIndex ServerTreeModel::index(int row, int column, const QModelIndex &parent) const {
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, siteRowId);
    // An application's internal id is its site's row + 1.
    return createIndex(row, column, static_cast<quintptr>(parent.row()) + 1);
}

QModelIndex ServerTreeModel::parent(const QModelIndex &child) const {
    if (!child.isValid() || child.internalId() == siteRowId)
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, siteRowId);
}

int ServerTreeModel::rowCount(const QModelIndex &parent) const {
    if (!m_index || parent.column() > 0)
        return 0;
    if (!parent.isValid())
        return static_cast<int>(m_index->sites.size());
    if (parent.internalId() != siteRowId)
        return 0;
    return static_cast<int>(
        m_index->sites[static_cast<std::size_t>(parent.row())].applications.size());
}

int ServerTreeModel::columnCount(const QModelIndex &) const {
    return ColumnCount;
}

QVariant ServerTreeModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || !m_index)
        return {};
    if (index.internalId() == siteRowId)
        return siteData(m_index->sites[static_cast<std::size_t>(index.row())], index.column(),
                        role);
    const CheckIndex::Site &site = m_index->sites[index.internalId() - 1];
    return applicationData(site.applications[static_cast<std::size_t>(index.row())], index.column(),
                           role);
}

QVariant ServerTreeModel::siteData(const CheckIndex::Site &site, int column, int role) const {
    if (role == SeverityRole)
        return rank(site.worst);
    if (role == ApplicationRole)
        return -1;
    if (column == SeverityColumn)
        return severityData(site.worst, role);
    if (column != NameColumn)
        return {};
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == Qt::AccessibleTextRole)
        return tr("Site %1: %2").arg(site.id).arg(text(site.name));
    if (role == SortRole)
        return site.id;
    return {};
}

QVariant ServerTreeModel::applicationData(int application, int column, int role) const {
    const CheckApplication &app = m_report->applications[static_cast<std::size_t>(application)];
    if (role == SeverityRole)
        return rank(m_index->applicationWorst[static_cast<std::size_t>(application)]);
    if (role == ApplicationRole)
        return application;
    if (column == SeverityColumn)
        return severityData(m_index->applicationWorst[static_cast<std::size_t>(application)], role);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::AccessibleTextRole &&
        role != SortRole)
        return {};
    const bool tip = role == Qt::ToolTipRole;
    switch (column) {
    case NameColumn:
        return tip ? tr("%1\nPhysical path: %2").arg(text(app.path), text(app.physicalPath))
                   : text(app.path);
    case PoolColumn:
        return app.pool.empty() ? tr("(none)") : text(app.pool);
    case WorkerColumn:
        return app.worker ? text(*app.worker) : QStringLiteral("?");
    case AnonymousColumn:
        return app.authentication.anonymousIdentity ? text(*app.authentication.anonymousIdentity)
                                                    : QStringLiteral("-");
    case AuthenticationColumn: {
        QString cell = authenticationCell(app.authentication);
        if (app.aspnetImpersonate)
            cell += tr("; ASP.NET impersonation");
        return cell;
    }
    case CodeAnonymousColumn:
        return tip ? codeTip(app, true, m_show) : codeCell(app, true, m_show);
    case CodeAuthenticatedColumn:
        return tip ? codeTip(app, false, m_show) : codeCell(app, false, m_show);
    default:
        return {};
    }
}

QVariant ServerTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    switch (section) {
    case NameColumn:
        return tr("Site / application");
    case SeverityColumn:
        return tr("Worst finding");
    case PoolColumn:
        return tr("Pool");
    case WorkerColumn:
        return tr("Pool identity");
    case AnonymousColumn:
        return tr("Anonymous account");
    case AuthenticationColumn:
        return tr("Authentication");
    case CodeAnonymousColumn:
        return role == Qt::ToolTipRole
                   ? tr("The account that runs the code of each handler kind for an anonymous "
                        "request")
                   : tr("Code runs as (anonymous)");
    case CodeAuthenticatedColumn:
        return role == Qt::ToolTipRole
                   ? tr("The account that runs the code of each handler kind for an "
                        "authenticated request (DOMAIN\\user)")
                   : tr("Code runs as (authenticated)");
    default:
        return {};
    }
}

// --- FindingsModel -----------------------------------------------------------------------------

QModelIndex FindingsModel::index(int row, int column, const QModelIndex &parent) const {
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column);
}

QModelIndex FindingsModel::parent(const QModelIndex &) const {
    return {};
}

int FindingsModel::rowCount(const QModelIndex &parent) const {
    return m_report && !parent.isValid() ? static_cast<int>(m_report->findings.size()) : 0;
}

int FindingsModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || !m_report)
        return {};
    const std::size_t row = static_cast<std::size_t>(index.row());
    const CheckFinding &checkFinding = m_report->findings[row];
    const Finding &finding = checkFinding.finding;
    if (role == SeverityRole)
        return static_cast<int>(finding.severity);
    if (role == FindingRole)
        return index.row();
    if (role == ApplicationRole)
        return m_index->findingApplication[row];
    if (index.column() == SeverityColumn) {
        if (role == SortRole)
            return static_cast<int>(finding.severity) * 1000000 + index.row();
        return severityData(finding.severity, role);
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::AccessibleTextRole &&
        role != SortRole)
        return {};
    switch (index.column()) {
    case RuleColumn:
        return text(finding.rule);
    case MessageColumn:
        return text(finding.message);
    case PlaceColumn:
        if (checkFinding.site.empty())
            return role == Qt::ToolTipRole ? tr("Not tied to one site") : QString();
        return text(
            check::appName(checkFinding.site, checkFinding.path.empty() ? "/" : checkFinding.path));
    case LocationColumn: {
        if (finding.location.file.empty())
            return QString();
        if (role == Qt::ToolTipRole)
            return text(finding.location.toString());
        if (role == SortRole)
            return QStringLiteral("%1:%2")
                .arg(text(finding.location.file))
                .arg(finding.location.line, 9, 10, QLatin1Char('0'));
        QString name = QFileInfo(text(finding.location.file)).fileName();
        return finding.location.line > 0
                   ? QStringLiteral("%1:%2").arg(name).arg(finding.location.line)
                   : name;
    }
    default:
        return {};
    }
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case RuleColumn:
        return tr("Rule");
    case MessageColumn:
        return tr("Message");
    case PlaceColumn:
        return tr("Site/path");
    case LocationColumn:
        return tr("File:line");
    default:
        return {};
    }
}

} // namespace iisid::ui
