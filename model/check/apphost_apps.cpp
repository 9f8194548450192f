#include "apphost_apps.h"

#include "model/accounts.h"
#include "model/config/handler_list.h"
#include "model/config/section_names.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <unordered_set>

namespace iisid::check {

namespace {

using config::ConfigSet;
using config::ConfigValue;
using config::EffectiveSection;
using config::equalsIgnoreCase;

constexpr std::array<std::string_view, 17> identitySectionNames{
    config::section::anonymous,
    config::section::basic,
    config::section::digest,
    config::section::windows,
    config::section::certificate,
    config::section::iisCertificate,
    "system.webServer/cgi",
    "system.webServer/fastCgi",
    "system.webServer/asp",
    "system.webServer/validation",
    "system.webServer/serverRuntime",
    "system.webServer/aspNetCore",
    "system.webServer/handlers",
    "system.webServer/security/isapiCgiRestriction",
    "system.webServer/security/access",
    "system.web/identity",
    "system.web/authentication",
};

bool isTrue(const ConfigValue &value) {
    return equalsIgnoreCase(value.text, "true");
}

/// Records a value the configuration gives (written or the schema's default for the version):
/// written values keep their place, defaults have none.
class Writer {
public:
    Writer(const ConfigSet &set, LoadedScenario &target)
        : m_set(set)
        , m_target(target) {}

    void operator()(std::string_view id, const SettingValue &value, const ConfigValue &from) {
        writeSetting(m_target, id, value,
                     from.written() ? m_set.location(from.origin) : SourceLocation{});
    }
    void boolean(std::string_view id, const ConfigValue &from) {
        if (from.present())
            (*this)(id, isTrue(from), from);
    }

private:
    const ConfigSet &m_set;
    LoadedScenario &m_target;
};

std::string scenarioLogonMethod(std::string_view text) {
    if (equalsIgnoreCase(text, "Interactive"))
        return "interactive";
    if (equalsIgnoreCase(text, "Batch"))
        return "batch";
    if (equalsIgnoreCase(text, "Network"))
        return "network";
    return "clearText";
}

HandlerKind scenarioKind(config::HandlerKind kind) {
    switch (kind) {
    case config::HandlerKind::Static:
        return HandlerKind::Static;
    case config::HandlerKind::Asp:
        return HandlerKind::Asp;
    case config::HandlerKind::AspNet:
        return HandlerKind::AspNet;
    case config::HandlerKind::AspNetCore:
        return HandlerKind::AspNetCore;
    case config::HandlerKind::Cgi:
        return HandlerKind::Cgi;
    case config::HandlerKind::FastCgi:
        return HandlerKind::FastCgi;
    case config::HandlerKind::Isapi:
    case config::HandlerKind::Other:
        return HandlerKind::IsapiExtension;
    }
    return HandlerKind::Static;
}

/// The file name of a Windows path is php-cgi.exe (any case).
bool isPhpCgi(std::string_view fullPath) {
    const std::size_t slash = fullPath.find_last_of("\\/");
    return equalsIgnoreCase(fullPath.substr(slash == std::string_view::npos ? 0 : slash + 1),
                            "php-cgi.exe");
}

/// PHP's start-up values for the FastCGI handler an application reaches (C4.8): whether
/// php-cgi impersonates, and over which protocol IIS talks to it.
void writePhp(AppScenario &app, const ConfigSet &set,
              std::span<const config::PhpIni *const> phpInis) {
    // writeApplication listed the kinds the application reaches: without FastCGI among them
    // there is no scriptProcessor to find (resolving the handlers again for every application
    // was some 4% of a check, issue 7 §6).
    if (std::none_of(app.handlers.begin(), app.handlers.end(),
                     [](const MappedHandler &h) { return h.kind == HandlerKind::FastCgi; }))
        return;
    const std::string scriptProcessor = fastCgiScriptProcessor(set, app);
    if (scriptProcessor.empty())
        return;
    const std::optional<PhpFastCgi> php =
        phpFastCgi(set, app.site, app.path, scriptProcessor, phpInis);
    if (!php)
        return;
    writeSetting(app.base, "handler.fastcgiImpersonate", config::iniBoolean(php->impersonate.value),
                 php->impersonate.location);
    writeSetting(
        app.base, "handler.fastcgiProtocol",
        std::string(toString(php->tcp ? FastCgiProtocol::Tcp : FastCgiProtocol::NamedPipe)),
        php->protocol);
}

void writeApplication(AppScenario &app, const ConfigSet &set, const config::Site &site,
                      const config::Application &application) {
    LoadedScenario &base = app.base;
    Writer write(set, base);
    const std::string siteName(site.name.text);
    const std::string url = config::normaliseUrlPath(application.path.text);
    writeSetting(base, "server.iisVersion", std::string(toString(modelVersion(set.version()))), {});
    writeSetting(base, "server.machine", std::string("MACHINE"), {});
    writeSetting(base, "server.domain", std::string("DOMAIN"), {});

    if (const config::ApplicationPool *pool = set.host().pool(application.applicationPool.text)) {
        write("appPool.name", std::string(pool->name.text), application.applicationPool);
        const ConfigValue identityType = pool->processModel("identityType");
        if (identityType.present())
            write("appPool.identity", scenarioPoolIdentity(identityType.text), identityType);
        const ConfigValue userName = pool->processModel("userName");
        if (scenarioPoolIdentity(identityType.text) == "SpecificUser" && !userName.text.empty())
            write("appPool.userName", std::string(userName.text), userName);
        const ConfigValue pipeline = pool->value("managedPipelineMode");
        if (pipeline.present())
            write(
                "appPool.pipeline",
                std::string(equalsIgnoreCase(pipeline.text, "Classic") ? "classic" : "integrated"),
                pipeline);
    } else if (application.applicationPool.present()) {
        write("appPool.name", std::string(application.applicationPool.text),
              application.applicationPool);
    }

    const EffectiveSection &anonymous =
        set.effectiveSection(siteName, url, config::section::anonymous);
    write.boolean("authentication.anonymous.enabled", anonymous.element.value("enabled"));
    const ConfigValue anonymousUser = anonymous.element.value("userName");
    if (anonymousUser.present())
        write("authentication.anonymous.userName", std::string(anonymousUser.text), anonymousUser);
    const ConfigValue anonymousLogon = anonymous.element.value("logonMethod");
    if (anonymousLogon.present())
        write("authentication.anonymous.logonMethod", scenarioLogonMethod(anonymousLogon.text),
              anonymousLogon);

    const EffectiveSection &basic = set.effectiveSection(siteName, url, config::section::basic);
    write.boolean("authentication.basic.enabled", basic.element.value("enabled"));
    const ConfigValue basicLogon = basic.element.value("logonMethod");
    if (basicLogon.present())
        write("authentication.basic.logonMethod", scenarioLogonMethod(basicLogon.text), basicLogon);
    write.boolean(
        "authentication.digest.enabled",
        set.effectiveSection(siteName, url, config::section::digest).element.value("enabled"));

    const EffectiveSection &windows = set.effectiveSection(siteName, url, config::section::windows);
    write.boolean("authentication.windows.enabled", windows.element.value("enabled"));
    write.boolean("authentication.windows.useKernelMode", windows.element.value("useKernelMode"));
    write.boolean("authentication.windows.useAppPoolCredentials",
                  windows.element.value("useAppPoolCredentials"));
    if (const config::EffectiveElement *providers = windows.element.child("providers")) {
        if (!providers->entries.empty())
            app.windowsNegotiate = std::any_of(
                providers->entries.begin(), providers->entries.end(),
                [](const config::EffectiveElement &add) {
                    return equalsIgnoreCase(add.value("value").text, "Negotiate") ||
                           equalsIgnoreCase(add.value("value").text, "Negotiate:Kerberos");
                });
    }
    const ConfigValue adCertificates =
        set.effectiveSection(siteName, url, config::section::certificate).element.value("enabled");
    const ConfigValue iisCertificates =
        set.effectiveSection(siteName, url, config::section::iisCertificate)
            .element.value("enabled");
    if (isTrue(adCertificates) || isTrue(iisCertificates))
        write("authentication.clientCertificate.enabled", true,
              isTrue(iisCertificates) ? iisCertificates : adCertificates);

    // Content: the root virtual directory of the application and its Connect-as account.
    if (const config::VirtualDirectory *root = application.rootDirectory()) {
        if (root->physicalPath.present())
            write("content.path", config::expandWellKnownVariables(root->physicalPath.text),
                  root->physicalPath);
        if (root->userName.present() && !root->userName.text.empty())
            write("content.connectAs", std::string(root->userName.text), root->userName);
    }

    write.boolean("handler.createProcessAsUser",
                  set.effectiveSection(siteName, url, "system.webServer/cgi")
                      .element.value("createProcessAsUser"));
    write.boolean("asp.runOnEndAnonymously",
                  set.effectiveSection(siteName, url, "system.webServer/asp")
                      .element.value("runOnEndAnonymously"));
    write.boolean("aspnet.validateIntegratedModeConfiguration",
                  set.effectiveSection(siteName, url, "system.webServer/validation")
                      .element.value("validateIntegratedModeConfiguration"));

    const EffectiveSection &identity = set.effectiveSection(siteName, url, "system.web/identity");
    const ConfigValue impersonate = identity.element.value("impersonate");
    if (impersonate.written())
        write.boolean("aspnet.impersonate", impersonate);
    const ConfigValue identityUser = identity.element.value("userName");
    if (isTrue(impersonate) && identityUser.written() && !identityUser.text.empty())
        write("aspnet.userName", std::string(identityUser.text), identityUser);
    const ConfigValue mode =
        set.effectiveSection(siteName, url, "system.web/authentication").element.value("mode");
    if (mode.written()) {
        const std::string scenarioMode = equalsIgnoreCase(mode.text, "Forms")  ? "forms"
                                         : equalsIgnoreCase(mode.text, "None") ? "none"
                                                                               : "windows";
        write("aspnet.authenticationMode", scenarioMode, mode);
    }

    const EffectiveSection &core =
        set.effectiveSection(siteName, url, "system.webServer/aspNetCore");
    if (core.written) {
        // IISID-ANCM-HOSTINGMODEL-IMPLICIT: without hostingModel ANCM V2 runs out of process.
        const ConfigValue hosting = core.element.value("hostingModel");
        const bool inProcess = hosting.written() && equalsIgnoreCase(hosting.text, "inprocess");
        write("handler.hostingModel", std::string(inProcess ? "inProcess" : "outOfProcess"),
              hosting.written() ? hosting : ConfigValue{});
        write.boolean("handler.forwardWindowsAuthToken",
                      core.element.value("forwardWindowsAuthToken"));
    }

    const EffectiveSection &handlers =
        set.effectiveSection(siteName, url, "system.webServer/handlers");
    const config::ApplicationPool *pool = set.host().pool(application.applicationPool.text);
    const config::HandlerResolution resolved = config::resolveHandlers(handlers, pool);
    for (const config::HandlerMapping *mapping : resolved.reachableKinds()) {
        if (mapping->kind == config::HandlerKind::Other)
            continue;
        const HandlerKind kind = scenarioKind(mapping->kind);
        if (std::any_of(app.handlers.begin(), app.handlers.end(),
                        [&](const MappedHandler &h) { return h.kind == kind; }))
            continue;
        app.handlers.push_back({kind, std::string(mapping->path), std::string(mapping->name),
                                set.location(mapping->add->origin)});
    }
}

} // namespace

IisVersion modelVersion(config::SchemaVersion version) {
    switch (version) {
    case config::SchemaVersion::V7_0:
        return IisVersion::V7_0;
    case config::SchemaVersion::V7_5:
        return IisVersion::V7_5;
    case config::SchemaVersion::V8_0:
        return IisVersion::V8_0;
    case config::SchemaVersion::V8_5:
        return IisVersion::V8_5;
    case config::SchemaVersion::V10_0:
        return IisVersion::V10_0;
    }
    return IisVersion::V10_0;
}

std::optional<config::SchemaVersion> configVersion(IisVersion version) {
    switch (version) {
    case IisVersion::V7_0:
        return config::SchemaVersion::V7_0;
    case IisVersion::V7_5:
        return config::SchemaVersion::V7_5;
    case IisVersion::V8_0:
        return config::SchemaVersion::V8_0;
    case IisVersion::V8_5:
        return config::SchemaVersion::V8_5;
    case IisVersion::V10_0:
        return config::SchemaVersion::V10_0;
    default:
        return std::nullopt;
    }
}

std::string scenarioPoolIdentity(std::string_view identityType) {
    for (std::string_view name : {"LocalSystem", "LocalService", "NetworkService",
                                  "ApplicationPoolIdentity", "SpecificUser"}) {
        if (equalsIgnoreCase(identityType, name))
            return std::string(name);
    }
    // The numeric forms of processModel/@identityType (F2.20).
    if (identityType == "0")
        return "LocalSystem";
    if (identityType == "1")
        return "LocalService";
    if (identityType == "2")
        return "NetworkService";
    if (identityType == "3")
        return "SpecificUser";
    return "ApplicationPoolIdentity";
}

std::optional<PhpFastCgi> phpFastCgi(const ConfigSet &set, std::string_view siteName,
                                     std::string_view url, std::string_view scriptProcessor,
                                     std::span<const config::PhpIni *const> phpInis) {
    const std::size_t bar = scriptProcessor.find('|');
    const std::string_view fullPath = scriptProcessor.substr(0, bar);
    const std::string_view arguments =
        bar == std::string_view::npos ? std::string_view{} : scriptProcessor.substr(bar + 1);
    if (!isPhpCgi(fullPath))
        return std::nullopt;
    PhpFastCgi php;
    php.launch.fullPath = std::string(fullPath);
    php.launch.arguments = std::string(arguments);
    const EffectiveSection &fastCgi =
        set.effectiveSection(siteName, url, "system.webServer/fastCgi");
    for (const config::EffectiveElement &entry : fastCgi.element.entries) {
        if (!equalsIgnoreCase(entry.value("fullPath").text, fullPath) ||
            !equalsIgnoreCase(entry.value("arguments").text, arguments))
            continue;
        php.application = set.location(entry.origin);
        const ConfigValue written = entry.value("arguments");
        if (written.written())
            php.launch.argumentsLocation = set.location(written.origin);
        if (const config::EffectiveElement *variables = entry.child("environmentVariables")) {
            for (const config::EffectiveElement &variable : variables->entries)
                php.launch.environment.emplace_back(std::string(variable.value("name").text),
                                                    std::string(variable.value("value").text));
        }
        const ConfigValue protocol = entry.value("protocol");
        php.tcp = equalsIgnoreCase(protocol.text, "Tcp");
        if (protocol.written())
            php.protocol = set.location(protocol.origin);
        break;
    }
    std::vector<std::string> names;
    for (const config::PhpIni *ini : phpInis)
        names.push_back(ini->windowsPath.empty() ? ini->fileName : ini->windowsPath);
    php.choice = config::choosePhpIni(php.launch, names);
    if (php.choice.kind == config::PhpIniChoiceKind::Given) {
        php.ini = phpInis[php.choice.index];
    } else if (php.choice.kind == config::PhpIniChoiceKind::NotGiven && phpInis.size() == 1) {
        php.ini = phpInis.front();
        php.loneIni = true;
    }
    php.impersonate = config::effectiveDirective(php.ini, php.choice.defines, "fastcgi.impersonate",
                                                 php.launch.argumentsLocation);
    return php;
}

ConfigPath splitLocationPath(std::string_view locationPath) {
    const std::size_t slash = locationPath.find('/');
    if (slash == std::string_view::npos)
        return {std::string(locationPath), "/"};
    return {std::string(locationPath.substr(0, slash)),
            config::normaliseUrlPath(locationPath.substr(slash))};
}

std::vector<ConfigPath> configurationPaths(const ConfigSet &set) {
    std::vector<ConfigPath> paths;
    // Seen paths, compared as equalsIgnoreCase does (ASCII case), in a set: a linear search
    // made 60,000 applications cost 1.8 billion comparisons (issue 7 §6).
    std::unordered_set<std::string> seen;
    auto add = [&](ConfigPath path) {
        if (seen.insert(config::toLowerAscii(path.site) + '\0' + config::toLowerAscii(path.url))
                .second)
            paths.push_back(std::move(path));
    };
    for (const config::Site &site : set.host().sites) {
        for (const config::Application &application : site.applications)
            add({std::string(site.name.text), config::normaliseUrlPath(application.path.text)});
    }
    if (const config::ConfigFile *appHost = set.appHostFile()) {
        for (const config::LocationBlock &block : appHost->blocks()) {
            if (!block.isLocation || block.path.empty())
                continue;
            ConfigPath path = splitLocationPath(block.path);
            if (const config::Site *site = set.host().site(path.site)) {
                path.site = std::string(site->name.text);
                add(std::move(path));
            }
        }
    }
    for (const config::PlacedWebConfig &placed : set.webConfigs()) {
        const config::ConfigFile *file = set.configFile(placed.fileIndex);
        for (const config::WebConfigPlacement &placement : placed.placements) {
            if (!placement.site)
                continue;
            const std::string site(placement.site->name.text);
            add({site, placement.urlPath});
            // C1.12: a web.config's <location path> is relative to its own URL; its sections
            // are checked there too (C1.20-C1.25: a lower file's location tag may break a lock).
            if (!file)
                continue;
            for (const config::LocationBlock &block : file->blocks()) {
                if (block.isLocation && !block.path.empty())
                    add({site, config::normaliseUrlPath(
                                   (placement.urlPath == "/" ? "" : placement.urlPath) + "/" +
                                   block.path)});
            }
        }
    }
    return paths;
}

std::span<const std::string_view> identitySections() {
    return identitySectionNames;
}

SourceLocation inputStart(const ConfigSet &set) {
    if (const config::ConfigFile *appHost = set.appHostFile())
        return {appHost->fileName(), 1, 1};
    if (!set.webConfigs().empty())
        return {set.fileName(set.webConfigs().front().fileIndex), 1, 1};
    return {set.fileName(0), 1, 1};
}

std::optional<SourceLocation> iisExpressClue(const ConfigSet &set) {
    if (!set.appHostFile())
        return std::nullopt;
    for (const config::ApplicationPool &pool : set.host().pools) {
        if (equalsIgnoreCase(pool.name.text, "Clr4IntegratedAppPool") ||
            equalsIgnoreCase(pool.name.text, "IISExpressAppPool"))
            return set.location(pool.name.origin);
    }
    for (const config::Site &site : set.host().sites) {
        for (const config::Application &application : site.applications) {
            for (const config::VirtualDirectory &directory : application.virtualDirectories) {
                const std::string path = config::toLowerAscii(directory.physicalPath.text);
                if (path.find("%iis_user_home%") != std::string::npos ||
                    path.find("%iis_bin%") != std::string::npos)
                    return set.location(directory.physicalPath.origin);
            }
        }
    }
    return std::nullopt;
}

std::string fastCgiScriptProcessor(const ConfigSet &set, const AppScenario &app) {
    const EffectiveSection &handlers =
        set.effectiveSection(app.site, app.path, "system.webServer/handlers");
    const config::HandlerResolution resolved =
        config::resolveHandlers(handlers, set.host().pool(app.pool));
    for (const config::HandlerMapping *mapping : resolved.reachableKinds()) {
        if (mapping->kind == config::HandlerKind::FastCgi)
            return std::string(mapping->scriptProcessor);
    }
    return {};
}

AppHostApps appHostApps(const ConfigSet &set, std::span<const config::PhpIni> phpInis) {
    std::vector<const config::PhpIni *> iniPointers;
    for (const config::PhpIni &ini : phpInis)
        iniPointers.push_back(&ini);
    AppHostApps result;
    // C1.9 / Q20: IIS Express runs every site as the interactive user, whatever the pools say.
    const std::optional<SourceLocation> express = iisExpressClue(set);
    for (const config::ApplicationPool &pool : set.host().pools) {
        CheckPool out;
        out.name = std::string(pool.name.text);
        const ConfigValue identityType = pool.processModel("identityType");
        out.identityType = scenarioPoolIdentity(identityType.text);
        const ConfigValue userName = pool.processModel("userName");
        if (out.identityType == "SpecificUser") {
            if (!userName.text.empty()) {
                out.userName = std::string(userName.text);
                out.identity =
                    qualifyAccount(userName.text, "MACHINE", modelVersion(set.version()));
            }
        } else if (out.identityType == "ApplicationPoolIdentity") {
            out.identity = appPoolAccount(out.name);
        } else if (out.identityType == "LocalSystem") {
            out.identity = std::string(account::system);
        } else if (out.identityType == "LocalService") {
            out.identity = std::string(account::localService);
        } else {
            out.identity = std::string(account::networkService);
        }
        const ConfigValue pipeline = pool.value("managedPipelineMode");
        out.pipeline = equalsIgnoreCase(pipeline.text, "Classic") ? "Classic" : "Integrated";
        out.runtime = std::string(pool.value("managedRuntimeVersion").text);
        const ConfigValue profile = pool.processModel("loadUserProfile");
        if (profile.present())
            out.loadUserProfile = isTrue(profile);
        out.location = set.location(pool.origin);
        if (express)
            out.identity = std::string(iisExpressUser);
        result.pools.push_back(std::move(out));
    }
    std::size_t count = 0;
    for (const config::Site &site : set.host().sites)
        count += site.applications.size();
    result.applications.reserve(count); // an AppScenario is some 1 KB: no spare room
    for (const config::Site &site : set.host().sites) {
        long long siteId = 0;
        std::from_chars(site.id.text.data(), site.id.text.data() + site.id.text.size(), siteId);
        for (const config::Application &application : site.applications) {
            AppScenario app;
            app.site = std::string(site.name.text);
            app.siteId = siteId;
            app.path = config::normaliseUrlPath(application.path.text);
            app.physicalPath = std::string(application.physicalPath().text);
            app.pool = std::string(application.applicationPool.text);
            app.location = set.location(application.origin);
            app.base.scenario.title = app.site + (app.path == "/" ? "/" : app.path);
            writeApplication(app, set, site, application);
            if (express) {
                writeSetting(app.base, "appPool.identity", std::string("SpecificUser"), *express);
                writeSetting(app.base, "appPool.userName", std::string(iisExpressUser), *express);
                // Assumed: IIS Express is browsed on the developer's own machine (localhost),
                // where Negotiate falls back to NTLM - no HTTP SPN decides a Kerberos ticket.
                app.windowsNegotiate = false;
            }
            writeUnknowns(app.base);
            writePhp(app, set, iniPointers);
            result.applications.push_back(std::move(app));
        }
    }
    sortApplications(result.applications);
    return result;
}

} // namespace iisid::check
