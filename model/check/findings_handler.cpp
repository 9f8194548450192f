// The handler rules of the catalogue (config-semantics.md §5 #23-#30): CGI and PHP identities,
// handler permissions, and the ISAPI/CGI restriction list.

#include "apphost_apps.h"
#include "catalogue.h"
#include "findings.h"
#include "findings_common.h"
#include "model/accounts.h"
#include "model/config/handler_list.h"
#include "model/config/metabase_schema.h"
#include "model/settings.h"

#include <algorithm>
#include <set>

namespace iisid::check {

namespace {

using config::ConfigValue;
using config::equalsIgnoreCase;

void add(FindingList &out, std::string_view id, std::string message, SourceLocation location,
         std::string site = {}, std::string path = {}) {
    CheckFinding finding = catalogueFinding(*findRule(id), std::move(message), std::move(location));
    finding.site = std::move(site);
    finding.path = std::move(path);
    out.push_back(std::move(finding));
}

const MappedHandler *handlerOfKind(const AppScenario &app, HandlerKind kind) {
    const auto found = std::find_if(app.handlers.begin(), app.handlers.end(),
                                    [kind](const MappedHandler &h) { return h.kind == kind; });
    return found == app.handlers.end() ? nullptr : &*found;
}

const CheckPool *poolOf(const CheckContext &context, const AppScenario &app) {
    const auto found =
        std::find_if(context.pools.begin(), context.pools.end(),
                     [&](const CheckPool &pool) { return equalsIgnoreCase(pool.name, app.pool); });
    return found == context.pools.end() ? nullptr : &*found;
}

/// The number of sites whose applications a pool serves.
std::size_t sitesServedBy(const CheckContext &context, std::string_view pool) {
    std::set<std::string> sites;
    for (const AppScenario &app : context.applications) {
        if (equalsIgnoreCase(app.pool, pool))
            sites.insert(config::toLowerAscii(app.site));
    }
    return sites.size();
}

/// The place a scenario setting came from, else the fallback.
SourceLocation settingOrigin(const AppScenario &app, std::string_view settingId,
                             const SourceLocation &fallback) {
    const auto found = app.base.locations.find(settingId);
    if (found != app.base.locations.end() && found->second.line > 0)
        return found->second;
    return fallback;
}

std::string workerText(const CheckApplication &row) {
    return row.worker ? *row.worker : std::string("the pool's identity (unknown)");
}

// #23, IIS 6's second clause: no .exe script map, but AccessExecute lets the content's own
// executables run as CGI programs, and CreateProcessAsUser=FALSE starts them as the process
// (TN-CPAU6; AccessFlags "Execute → also ISAPI/CGI", config-semantics.md §3.5).
void metabaseExecutableContent(const CheckContext &context, std::size_t index, FindingList &out) {
    if (!context.metabase)
        return;
    const AppScenario &app = context.applications[index];
    const config::MetabaseApplication *application = metabaseApplication(*context.metabase, app);
    if (!application)
        return;
    const config::MetabaseSettings &settings = application->settings;
    if (settings.createProcessAsUserValue.value_or(true) ||
        !(settings.accessFlagBits.value_or(0) & config::accessExecute))
        return;
    const CheckApplication &row = context.rows[index];
    const bool iis5 = iis5IsolationModel(*context.metabase);
    add(out, "IISID-CGI-RUNS-AS-PROCESS",
        "Executables (.exe) in the content of " + appName(app) +
            " run as CGI programs (AccessFlags \"" + settings.accessFlags.text +
            "\" has AccessExecute) with the process identity " +
            (iis5 ? std::string("(inetinfo.exe: LocalSystem)") : workerText(row)) +
            ", not as the requesting user: CreateProcessAsUser is FALSE. PARTIAL: the IIS "
            "documentation conflicts on what createProcessAsUser=true selects (F3.22).",
        settings.createProcessAsUser.location.line > 0 ? settings.createProcessAsUser.location
                                                       : app.location,
        app.site, app.path);
    if (iis5 || row.worker == std::string(account::system))
        out.back().finding.severity = Severity::High;
}

// #23, #24: a reachable CGI handler and <cgi createProcessAsUser>.
void cgiFindings(const CheckContext &context, FindingList &out) {
    for (std::size_t i = 0; i < context.applications.size(); ++i) {
        const AppScenario &app = context.applications[i];
        const MappedHandler *cgi = handlerOfKind(app, HandlerKind::Cgi);
        if (!cgi) {
            metabaseExecutableContent(context, i, out);
            continue;
        }
        const EffectiveScenario settings = effective(app.base.scenario);
        const SourceLocation where =
            settingOrigin(app, "handler.createProcessAsUser", cgi->location);
        const CheckPool *pool = poolOf(context, app);
        if (!settings.createProcessAsUser) {
            const bool system = context.rows[i].worker == std::string(account::system);
            std::string message = "CGI programs of " + appName(app) + " (mapping '" + cgi->name +
                                  "' for " + cgi->path + ") run as the worker process identity " +
                                  workerText(context.rows[i]) +
                                  ", not as the requesting user: createProcessAsUser is false. "
                                  "PARTIAL: the IIS documentation conflicts on what "
                                  "createProcessAsUser=true selects (F3.22).";
            add(out, "IISID-CGI-RUNS-AS-PROCESS", std::move(message), where, app.site, app.path);
            if (system || settings.iis5ProcessModel)
                out.back().finding.severity = Severity::High;
        } else if (pool && (pool->identityType == "SpecificUser" ||
                            pool->identityType == "ApplicationPoolIdentity")) {
            add(out, "IISID-CGI-PRIVILEGE-REQUIRED",
                "CGI programs of " + appName(app) + " are started as the requesting user: pool '" +
                    pool->name + "' (" + pool->identityType +
                    ") needs \"Replace a process level token\" and \"Adjust memory quotas for a "
                    "process\", else requests fail with 403.19. PARTIAL: whether "
                    "ApplicationPoolIdentity holds them by default is not confirmed (Q22).",
                where, app.site, app.path);
        }
    }
}

// #25, #26, #27: php-cgi started by a FastCGI handler and its fastcgi.impersonate.
void phpFindings(const CheckContext &context, FindingList &out) {
    if (!context.iis7)
        return;
    for (std::size_t i = 0; i < context.applications.size(); ++i) {
        const AppScenario &app = context.applications[i];
        const MappedHandler *fastCgi = handlerOfKind(app, HandlerKind::FastCgi);
        if (!fastCgi)
            continue;
        const std::optional<PhpFastCgi> php =
            phpFastCgi(*context.iis7, app.site, app.path,
                       fastCgiScriptProcessor(*context.iis7, app), context.phpInis);
        if (!php)
            continue;
        const bool impersonates = config::iniBoolean(php->impersonate.value);
        const std::string program = php->launch.fullPath;
        if (!impersonates) {
            std::string from;
            if (php->impersonate.origin == config::DirectiveOrigin::Default)
                from = php->ini ? "php.ini " + php->ini->fileName +
                                      " does not set fastcgi.impersonate (PHP's default 0)"
                                : "no php.ini was given for it: PHP's default 0 is assumed";
            else
                from = "fastcgi.impersonate is " + php->impersonate.value;
            const std::size_t sites = sitesServedBy(context, app.pool);
            add(out, "IISID-PHP-NOT-IMPERSONATING",
                "PHP (" + program + ") of " + appName(app) + " does not impersonate (" + from +
                    "): PHP code, its file and SQL access run as the pool identity " +
                    workerText(context.rows[i]) +
                    (sites >= 2 ? ", and pool '" + app.pool + "' serves " + std::to_string(sites) +
                                      " sites, which are not isolated from each other"
                                : std::string()) +
                    ".",
                php->impersonate.location.line > 0 ? php->impersonate.location : fastCgi->location,
                app.site, app.path);
            if (sites >= 2)
                out.back().finding.severity = Severity::Medium;
            continue;
        }
        if (php->tcp) {
            add(out, "IISID-PHP-IMPERSONATE-OVER-TCP",
                "PHP (" + program + ") of " + appName(app) +
                    " sets fastcgi.impersonate=1 but its FastCGI application uses "
                    "protocol=\"Tcp\": "
                    "php-cgi only impersonates named-pipe clients, so its code runs as " +
                    workerText(context.rows[i]) + ".",
                php->protocol, app.site, app.path);
            continue;
        }
        const EffectiveScenario settings = effective(app.base.scenario);
        if (!settings.anonymousEnabled || settings.anonymousUserName.empty())
            continue;
        const bool iusr = equalsIgnoreCase(settings.anonymousUserName, "IUSR");
        std::set<std::string> sharedBy;
        for (const AppScenario &other : context.applications) {
            const EffectiveScenario o = effective(other.base.scenario);
            if (o.anonymousEnabled &&
                equalsIgnoreCase(o.anonymousUserName, settings.anonymousUserName))
                sharedBy.insert(config::toLowerAscii(other.site));
        }
        if (!iusr && sharedBy.size() < 2)
            continue;
        add(out, "IISID-PHP-IMPERSONATES-ANONYMOUS",
            "PHP (" + program + ") of " + appName(app) +
                " impersonates: anonymous requests run as " + settings.anonymousUserName +
                (iusr
                     ? std::string(", shared by every site that uses IUSR")
                     : ", the anonymous account of " + std::to_string(sharedBy.size()) + " sites") +
                "; folders granted only to the pool identity are not writable by PHP.",
            settingOrigin(app, "authentication.anonymous.userName",
                          php->impersonate.location.line > 0 ? php->impersonate.location
                                                             : fastCgi->location),
            app.site, app.path);
    }
}

bool contains(const std::vector<std::string_view> &items, std::string_view name) {
    return std::any_of(items.begin(), items.end(),
                       [name](std::string_view item) { return equalsIgnoreCase(item, name); });
}

// #28, #29 on every configuration path of an IIS 7+ server.
void handlerSectionFindings(const CheckContext &context, FindingList &out) {
    const config::ConfigSet &set = *context.iis7;
    std::set<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>> seen;
    auto first = [&seen](config::Origin origin) {
        return seen.insert({origin.file, origin.line, origin.column}).second;
    };
    for (const ConfigPath &path : context.paths) {
        const config::EffectiveSection &handlers =
            set.effectiveSection(path.site, path.url, "system.webServer/handlers");
        const ConfigValue policy = handlers.element.value("accessPolicy");
        const std::vector<std::string_view> flags = config::splitCommaList(policy.text);
        if (policy.written() && contains(flags, "Write") &&
            (contains(flags, "Script") || contains(flags, "Execute")) && first(policy.origin))
            add(out, "IISID-HANDLER-WRITE-AND-EXECUTE",
                "Handlers at " + path.site + path.url + " have accessPolicy=\"" +
                    std::string(policy.text) +
                    "\": files written to that location can also be run as scripts or programs.",
                set.location(policy.origin), path.site, path.url);
        for (const config::EffectiveElement &entry : handlers.element.entries) {
            const std::vector<std::string_view> modules =
                config::splitCommaList(entry.value("modules").text);
            const std::string_view handlerPath = entry.value("path").text;
            if (!contains(modules, "IsapiModule") && !contains(modules, "CgiModule"))
                continue;
            if (handlerPath != "*" && !equalsIgnoreCase(handlerPath, "*.dll") &&
                !equalsIgnoreCase(handlerPath, "*.exe"))
                continue;
            const ConfigValue requireAccess = entry.value("requireAccess");
            if (equalsIgnoreCase(requireAccess.text, "Execute") || !first(entry.origin))
                continue;
            add(out, "IISID-HANDLER-EXEC-REQUIREACCESS-LOWERED",
                "Handler '" + std::string(entry.value("name").text) + "' (" +
                    std::string(entry.value("modules").text) + " for " + std::string(handlerPath) +
                    ") at " + path.site + path.url + " requires \"" +
                    std::string(requireAccess.text) +
                    "\" instead of Execute: ISAPI/CGI binaries run wherever that access is "
                    "allowed.",
                set.location(requireAccess.written() ? requireAccess.origin : entry.origin),
                path.site, path.url);
        }
    }
}

// #30 on an IIS 7+ server (AppHostOnly: the same at every path).
void restrictionFindings(const CheckContext &context, FindingList &out) {
    const config::ConfigSet &set = *context.iis7;
    const std::string site =
        set.host().sites.empty() ? std::string() : std::string(set.host().sites.front().name.text);
    const config::EffectiveSection &restriction =
        set.effectiveSection(site, "/", "system.webServer/security/isapiCgiRestriction");
    const bool express = iisExpressClue(set).has_value();
    for (std::string_view attribute : {"notListedIsapisAllowed", "notListedCgisAllowed"}) {
        const ConfigValue value = restriction.element.value(attribute);
        if (!equalsIgnoreCase(value.text, "true"))
            continue;
        const bool isapi = attribute == "notListedIsapisAllowed";
        add(out, "IISID-RESTRICTION-UNLISTED-ALLOWED",
            std::string("isapiCgiRestriction ") + std::string(attribute) + "=\"true\": any " +
                (isapi ? "ISAPI DLL" : "CGI executable") +
                " a handler reaches may run, listed or not" +
                (express ? " (an IIS Express file, where this is the default)." : "."),
            value.written() ? set.location(value.origin) : inputStart(set));
        if (express)
            out.back().finding.severity = Severity::Info;
    }
}

// #28 on an IIS 6 metabase: AccessFlags with AccessWrite and AccessExecute or AccessScript.
void metabaseAccessFindings(const CheckContext &context, FindingList &out) {
    std::set<std::string> seen;
    for (const config::MetabaseSite &site : context.metabase->sites) {
        const std::string siteName =
            site.serverComment.text.empty() ? site.id : site.serverComment.text;
        for (const config::MetabaseApplication &application : site.applications) {
            const config::MetabaseSettings &settings = application.settings;
            if (!settings.accessFlagBits)
                continue;
            const std::uint32_t bits = *settings.accessFlagBits;
            if (!(bits & config::accessWrite) ||
                !(bits & (config::accessExecute | config::accessScript)))
                continue;
            const SourceLocation &where = settings.accessFlags.location;
            if (!seen.insert(where.file + ":" + std::to_string(where.line)).second)
                continue;
            add(out, "IISID-HANDLER-WRITE-AND-EXECUTE",
                "AccessFlags at " + application.key + " (\"" + settings.accessFlags.text +
                    "\") allow writing and running scripts or programs: uploaded files can be "
                    "executed.",
                where.line > 0 ? where : application.location, siteName, application.urlPath);
        }
    }
}

// #30 on an IIS 6 metabase: WebSvcExtRestrictionList allows unknown ISAPI DLLs ("1,*.dll") or
// CGI executables ("1,*.exe") (MB-SAMPLE format; field meanings PARTIAL).
void metabaseRestrictionFindings(const CheckContext &context, FindingList &out) {
    if (context.metabase->iisVersion != IisVersion::V6_0)
        return; // the list is an IIS 6 feature
    for (const config::WebServiceExtension &entry : context.metabase->webServiceExtensions) {
        const bool isapi = entry.path == "*.dll";
        if (!entry.allowed || (!isapi && entry.path != "*.exe"))
            continue;
        add(out, "IISID-RESTRICTION-UNLISTED-ALLOWED",
            std::string("WebSvcExtRestrictionList allows all unknown ") +
                (isapi ? "ISAPI extensions (\"1,*.dll\")" : "CGI extensions (\"1,*.exe\")") +
                ": any " + (isapi ? "ISAPI DLL" : "CGI executable") +
                " a script map or the content reaches may run, listed or not. Partly "
                "confirmed: the list's format is read from a sample metabase.",
            entry.location);
        out.back().finding.status = Confidence::Partial;
    }
}

} // namespace

void handlerFindings(const CheckContext &context, FindingList &out) {
    cgiFindings(context, out);
    phpFindings(context, out);
    if (context.iis7) {
        handlerSectionFindings(context, out);
        restrictionFindings(context, out);
    } else if (context.metabase) {
        metabaseAccessFindings(context, out);
        metabaseRestrictionFindings(context, out);
    }
}

} // namespace iisid::check
