// The IIS 5 / IIS 6 rules of the findings catalogue (config-semantics.md §5 #36-#38): the IIS 5
// isolation model, where in-process applications run inside inetinfo.exe as LocalSystem and
// ASP.NET runs in aspnet_wp.exe as machine.config's <processModel> account.

#include "catalogue.h"
#include "findings.h"
#include "findings_common.h"
#include "model/accounts.h"

namespace iisid::check {

namespace {

/// The file of the metabase, line 1: where a finding about the whole input points.
SourceLocation metabaseFile(const CheckContext &context) {
    const config::MetabaseServer &server = *context.metabase;
    std::string file = server.iisVersionFrom.file;
    for (const config::MetabaseSite &site : server.sites) {
        if (file.empty())
            file = site.location.file;
    }
    for (const config::MetabasePool &pool : server.pools) {
        if (file.empty())
            file = pool.location.file;
    }
    return SourceLocation{std::move(file), 1, 1};
}

// #36: IIS 6 running in IIS 5 isolation mode (/LM/W3SVC IIs5IsolationModeEnabled TRUE, or
// absent: the schema default is TRUE, Q17). Not for IIS 5.x, which has no other mode.
void iis5Isolation(const CheckContext &context, FindingList &out) {
    const config::MetabaseServer &server = *context.metabase;
    if (server.iisVersion != IisVersion::V6_0 || !iis5IsolationModel(server))
        return;
    const bool absent = !server.iis5IsolationModeEnabled.isSet();
    std::string message =
        std::string("IIS 6 runs in IIS 5 isolation mode") +
        (absent ? " (IIs5IsolationModeEnabled is absent from /LM/W3SVC and its schema default "
                  "is TRUE — partly unconfirmed: that IIS then starts in this mode is not "
                  "documented)"
                : " (IIs5IsolationModeEnabled=TRUE)") +
        ": filters and in-process applications run in inetinfo.exe as LocalSystem, and the "
        "application pools and their identities are ignored.";
    const SourceLocation location = server.iis5IsolationModeEnabled.location.line > 0
                                        ? server.iis5IsolationModeEnabled.location
                                        : metabaseFile(context);
    out.push_back(
        catalogueFinding(*findRule("IISID-IIS6-IIS5-ISOLATION"), std::move(message), location));
}

// #37: under the IIS 5 model, an application root with AppIsolated=0 runs in inetinfo.exe.
void inProcessApplications(const CheckContext &context, FindingList &out) {
    const config::MetabaseServer &server = *context.metabase;
    if (!iis5IsolationModel(server))
        return;
    for (const config::MetabaseSite &site : server.sites) {
        for (const config::MetabaseApplication &application : site.applications) {
            if (application.settings.appIsolatedValue != 0u)
                continue;
            const auto app = std::find_if(
                context.applications.begin(), context.applications.end(),
                [&](const AppScenario &a) { return a.location == application.location; });
            if (app == context.applications.end())
                continue;
            const CheckApplication &row =
                context.rows[static_cast<std::size_t>(app - context.applications.begin())];
            const SourceLocation &isolated = application.settings.appIsolated.location;
            CheckFinding finding = catalogueFinding(
                *findRule("IISID-IIS6-INPROCESS-APP"),
                "Application '" + appName(*app) +
                    "' runs in process (AppIsolated=0): its code runs inside inetinfo.exe as " +
                    row.worker.value_or(std::string(account::system)) +
                    " (for example, WScript.Shell.Run starts programs as SYSTEM).",
                isolated.line > 0 ? isolated : application.location);
            finding.site = app->site;
            finding.path = app->path;
            out.push_back(std::move(finding));
        }
    }
}

// #38: under the IIS 5 process model, ASP.NET runs in aspnet_wp.exe as machine.config's
// <processModel userName>; "System" (any case) is SYSTEM, "machine" or absent the local ASPNET
// account (C3.12, NET-PROCID, ProcessModelSection.UserName: "If the UserName property is set to
// System ... the process [runs] as an administrative account").
void processModelSystem(const CheckContext &context, FindingList &out) {
    const config::MetabaseServer &server = *context.metabase;
    if (!iis5IsolationModel(server) || !server.aspNetProcessModel ||
        !sameAccount(server.aspNetProcessModel->userName, processModel::system))
        return;
    out.push_back(catalogueFinding(
        *findRule("IISID-ASPNET-PROCESSMODEL-SYSTEM"),
        "machine.config sets <processModel userName=\"" + server.aspNetProcessModel->userName +
            "\"> and IIS runs the IIS 5 process model: aspnet_wp.exe, and with it all ASP.NET "
            "code of every application, runs as SYSTEM.",
        server.aspNetProcessModel->location));
}

} // namespace

void iis6Findings(const CheckContext &context, FindingList &out) {
    if (!context.metabase)
        return;
    iis5Isolation(context, out);
    inProcessApplications(context, out);
    processModelSystem(context, out);
}

} // namespace iisid::check
