#include "metabase_apps.h"

#include "model/accounts.h"
#include "model/config/metabase_schema.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace iisid::check {

namespace {

using config::EffectiveValue;
using config::MetabaseSettings;

/// The machine name setup wrote into the service's IUSR_<machine> / IWAM_<machine> accounts
/// (F1.01, F2.01); "MACHINE" when the file does not tell.
std::string machineName(const config::MetabaseServer &server) {
    for (const EffectiveValue *value :
         {&server.service.anonymousUserName, &server.serviceWamUserName}) {
        std::string_view name = value->text;
        if (const std::size_t slash = name.rfind('\\'); slash != std::string_view::npos)
            name.remove_prefix(slash + 1);
        for (std::string_view prefix : {"IUSR_", "IWAM_"}) {
            if (name.size() > prefix.size() &&
                std::equal(prefix.begin(), prefix.end(), name.begin(), [](char a, char b) {
                    return std::toupper(static_cast<unsigned char>(a)) ==
                           std::toupper(static_cast<unsigned char>(b));
                }))
                return std::string(name.substr(prefix.size()));
        }
    }
    return "MACHINE";
}

std::string_view poolIdentityName(std::uint32_t type) {
    switch (type) {
    case 0:
        return "LocalSystem";
    case 1:
        return "LocalService";
    case 2:
        return "NetworkService";
    default:
        return "SpecificUser";
    }
}

std::optional<std::string> poolAccount(std::uint32_t type, const std::string &user,
                                       const std::string &machine) {
    switch (type) {
    case 0:
        return std::string(account::system);
    case 1:
        return std::string(account::localService);
    case 2:
        return std::string(account::networkService);
    default:
        if (user.empty())
            return std::nullopt;
        return qualifyAccount(user, machine, IisVersion::V6_0);
    }
}

bool isUnc(std::string_view path) {
    return path.rfind("\\\\", 0) == 0;
}

void writeApplicationSettings(AppScenario &app, const config::MetabaseServer &server,
                              const MetabaseSettings &s, const std::string &machine) {
    LoadedScenario &base = app.base;
    const bool iis5Model =
        server.iisVersion != IisVersion::V6_0 || server.iis5IsolationMode.value_or(true);
    writeSetting(base, "server.iisVersion", std::string(toString(server.iisVersion)),
                 server.iisVersionFrom);
    if (server.iisVersion == IisVersion::V6_0)
        writeSetting(base, "server.iis6Mode",
                     std::string(iis5Model ? "iis5Isolation" : "workerProcess"),
                     server.iis5IsolationModeEnabled.location);
    writeSetting(base, "server.machine", machine, server.service.anonymousUserName.location);
    writeSetting(base, "server.domain", std::string("DOMAIN"), {});

    if (iis5Model) {
        // AppIsolated: 0 in-process (low), 1 isolated (high), 2 pooled (medium) (MB-PROP).
        const std::uint32_t isolated = s.appIsolatedValue.value_or(2);
        writeSetting(base, "application.protection",
                     std::string(isolated == 0   ? "low"
                                 : isolated == 1 ? "high"
                                                 : "medium"),
                     s.appIsolated.location);
        // C3.12: aspnet_wp.exe runs as machine.config's <processModel userName>.
        if (server.aspNetProcessModel)
            writeSetting(base, "aspnet.processModelUserName", server.aspNetProcessModel->userName,
                         server.aspNetProcessModel->location);
    } else {
        std::string pool =
            s.appPoolId.text.empty() ? std::string("DefaultAppPool") : s.appPoolId.text;
        app.pool = pool;
        writeSetting(base, "appPool.name", pool, s.appPoolId.location);
        if (const config::MetabasePool *found = server.findPool(pool)) {
            const std::uint32_t type = found->identityTypeValue.value_or(2);
            writeSetting(base, "appPool.identity", std::string(poolIdentityName(type)),
                         found->identityType.location);
            if (type == 3 && !found->wamUserName.text.empty())
                writeSetting(base, "appPool.userName", found->wamUserName.text,
                             found->wamUserName.location);
        }
    }

    const std::uint32_t auth = s.authFlagBits.value_or(config::authAnonymous);
    writeSetting(base, "authentication.anonymous.enabled", (auth & config::authAnonymous) != 0,
                 s.authFlags.location);
    writeSetting(base, "authentication.basic.enabled", (auth & config::authBasic) != 0,
                 s.authFlags.location);
    writeSetting(base, "authentication.digest.enabled", (auth & config::authMd5) != 0,
                 s.authFlags.location);
    writeSetting(base, "authentication.windows.enabled", (auth & config::authNtlm) != 0,
                 s.authFlags.location);
    if (!s.anonymousUserName.text.empty())
        writeSetting(base, "authentication.anonymous.userName", s.anonymousUserName.text,
                     s.anonymousUserName.location);

    if (!s.physicalPath.empty())
        writeSetting(base, "content.path", s.physicalPath, s.path.location);
    if (isUnc(s.physicalPath) && !s.uncUserName.text.empty())
        writeSetting(base, "content.connectAs", s.uncUserName.text, s.uncUserName.location);
    if (s.createProcessAsUserValue)
        writeSetting(base, "handler.createProcessAsUser", *s.createProcessAsUserValue,
                     s.createProcessAsUser.location);
    if (s.aspRunOnEndAnonymouslyValue && server.iisVersion == IisVersion::V6_0)
        writeSetting(base, "asp.runOnEndAnonymously", *s.aspRunOnEndAnonymouslyValue,
                     s.aspRunOnEndAnonymously.location);
}

/// The handler kinds of an application: static files, then one per ScriptMaps kind, in the
/// order of the first entry that maps it. Script-mapped engines run only where AccessFlags
/// grant Script or Execute: with Read alone they answer 403 (config-semantics.md, AccessFlags),
/// so they are not reachable there.
std::vector<MappedHandler> handlersOf(const MetabaseSettings &s) {
    std::vector<MappedHandler> handlers;
    handlers.push_back({HandlerKind::Static, "*", "StaticFile", {}});
    if (s.accessFlagBits &&
        (*s.accessFlagBits & (config::accessScript | config::accessExecute)) == 0)
        return handlers;
    for (const config::ScriptMap &map : *s.scriptMapList) {
        if (!map.kind)
            continue;
        const bool known = std::any_of(handlers.begin(), handlers.end(),
                                       [&](const MappedHandler &h) { return h.kind == *map.kind; });
        if (!known)
            handlers.push_back({*map.kind, map.extension, map.processor, map.location});
    }
    return handlers;
}

} // namespace

std::optional<config::AspNetProcessModel> machineProcessModel(const config::ConfigFile &file) {
    for (const config::LocationBlock &block : file.blocks()) {
        for (const pugi::xml_node node :
             config::sectionElements(block.node, "system.web/processModel")) {
            config::AspNetProcessModel model;
            model.location = file.xml().location(node);
            if (const pugi::xml_attribute user = node.attribute("userName")) {
                model.userName = user.value();
                model.location = file.xml().location(user);
                model.userNameWritten = true;
            }
            return model;
        }
    }
    return std::nullopt;
}

MetabaseApps metabaseApps(const config::MetabaseServer &server) {
    MetabaseApps result;
    result.machine = machineName(server);
    const bool iis5Model =
        server.iisVersion != IisVersion::V6_0 || server.iis5IsolationMode.value_or(true);
    for (const config::MetabasePool &pool : server.pools) {
        CheckPool out;
        out.name = pool.name;
        const std::uint32_t type = pool.identityTypeValue.value_or(2);
        out.identityType = std::string(poolIdentityName(type));
        out.identity = poolAccount(type, pool.wamUserName.text, result.machine);
        if (type == 3 && !pool.wamUserName.text.empty())
            out.userName = pool.wamUserName.text;
        out.pipeline = "Classic";
        out.location = pool.location;
        result.pools.push_back(std::move(out));
    }
    for (const config::MetabaseSite &site : server.sites) {
        long long siteId = 0;
        std::from_chars(site.id.data(), site.id.data() + site.id.size(), siteId);
        const std::string siteName =
            site.serverComment.text.empty() ? site.id : site.serverComment.text;
        for (const config::MetabaseApplication &application : site.applications) {
            AppScenario app;
            app.site = siteName;
            app.siteId = siteId;
            app.path = application.urlPath;
            app.physicalPath = application.settings.physicalPath;
            app.location = application.location;
            app.base.scenario.title = siteName + application.urlPath;
            writeApplicationSettings(app, server, application.settings, result.machine);
            writeUnknowns(app.base);
            if (iis5Model)
                app.pool.clear();
            app.handlers = handlersOf(application.settings);
            result.applications.push_back(std::move(app));
        }
    }
    sortApplications(result.applications);
    return result;
}

} // namespace iisid::check
