#include "apphost_apps.h"
#include "findings.h"
#include "model/config/section_names.h"

#include "catalogue.h"

#include <algorithm>
#include <map>

// The ASP.NET and ASP.NET Core rules of config-semantics.md §5 (#17-#22, #33, #34), evaluated
// at every application root of an IIS 7+ configuration. Whether a request fails with 500.24 is
// the resolver's answer (the rows); the written values come from the effective sections.

namespace iisid::check {

namespace {

using config::ConfigSet;
using config::ConfigValue;
using config::EffectiveSection;
using config::equalsIgnoreCase;

bool isTrue(const ConfigValue &value) {
    return equalsIgnoreCase(value.text, "true");
}

CheckFinding placed(CheckFinding finding, const AppScenario &app) {
    finding.site = app.site;
    finding.path = app.path;
    return finding;
}

/// The place of the first written attribute, else the section's element, else the application.
SourceLocation writtenAt(const ConfigSet &set, const EffectiveSection &section,
                         std::initializer_list<std::string_view> attributes,
                         const AppScenario &app) {
    for (std::string_view name : attributes) {
        const ConfigValue *value = section.attribute(name);
        if (value != nullptr && value->written())
            return set.location(value->origin);
    }
    if (section.written && section.element.origin.known())
        return set.location(section.element.origin);
    return app.location;
}

/// The application's settings the ASP.NET rules read, once per application.
struct AspNetView {
    // The set's own sections (ConfigSet::effectiveSection keeps them), not copies.
    const EffectiveSection &identity;
    const EffectiveSection &authentication;
    const EffectiveSection &validation;
    const config::ApplicationPool *pool = nullptr;

    bool integrated() const {
        return pool != nullptr &&
               !equalsIgnoreCase(pool->value("managedPipelineMode").text, "Classic");
    }
    /// managedRuntimeVersion="" (No Managed Code) written for the pool or its defaults. A schema
    /// default alone is not enough: a web.config given without its applicationHost.config gets
    /// a stand-in pool whose runtime nobody chose.
    bool noManagedCode() const {
        if (pool == nullptr)
            return false;
        const ConfigValue runtime = pool->value("managedRuntimeVersion");
        return runtime.written() && runtime.text.empty();
    }
    bool impersonate() const { return isTrue(identity.element.value("impersonate")); }
    bool validationOn() const {
        return isTrue(validation.element.value("validateIntegratedModeConfiguration"));
    }
    std::string_view identityUser() const { return identity.element.value("userName").text; }
    bool forms() const {
        return equalsIgnoreCase(authentication.element.value("mode").text, "Forms");
    }
    /// The section is protected (configProtectionProvider / EncryptedData, C2.10).
    bool identityProtected() const {
        return identity.element.value("configProtectionProvider").written() ||
               identity.element.child("EncryptedData") != nullptr;
    }
};

AspNetView viewOf(const ConfigSet &set, const AppScenario &app) {
    return {set.effectiveSection(app.site, app.path, config::section::identity),
            set.effectiveSection(app.site, app.path, config::section::authentication),
            set.effectiveSection(app.site, app.path, "system.webServer/validation"),
            set.host().pool(app.pool)};
}

bool hasKind(const CheckApplication &row, std::string_view kind) {
    return std::any_of(row.handlers.begin(), row.handlers.end(),
                       [&](const CheckHandler &h) { return h.kind == kind; });
}

/// The resolver answers 500.24 for the application's ASP.NET requests.
bool resolvedTo50024(const CheckApplication &row) {
    return std::any_of(row.handlers.begin(), row.handlers.end(), [](const CheckHandler &h) {
        return h.kind == "aspnet" && ((h.anonymous && h.anonymous->http == "500.24") ||
                                      (h.authenticated && h.authenticated->http == "500.24"));
    });
}

/// "IIS APPPOOL\\x" (also written "IISAPPPOOL\\x") or "NT SERVICE\\x": an account without a
/// password.
bool isVirtualAccount(std::string_view account) {
    const auto slash = account.find('\\');
    if (slash == std::string_view::npos)
        return false;
    std::string domain;
    for (char c : account.substr(0, slash)) {
        if (c != ' ')
            domain += c;
    }
    return equalsIgnoreCase(domain, "IISAPPPOOL") || equalsIgnoreCase(domain, "NTSERVICE");
}

// #17
void aspNet50024(const ConfigSet &set, const AppScenario &app, const CheckApplication &row,
                 const AspNetView &view, FindingList &out) {
    if (!resolvedTo50024(row))
        return;
    const bool withUser = !view.identityUser().empty();
    CheckFinding finding = catalogueFinding(
        *findRule("IISID-ASPNET-500-24"),
        "Every request to " + appName(app) + " fails with 500.24: <identity impersonate=\"true\"" +
            (withUser ? " userName=…" : "") + "> in Integrated pool " + app.pool +
            " with validateIntegratedModeConfiguration on." +
            (withUser ? " Unconfirmed: whether application impersonation (with userName) also "
                        "raises 500.24 is not established (F3.70)."
                      : ""),
        writtenAt(set, view.identity, {"impersonate"}, app));
    // §5: CONFIRMED without userName, UNCONFIRMED with it (the catalogue holds the weaker).
    finding.finding.status = withUser ? Confidence::Unconfirmed : Confidence::Confirmed;
    out.push_back(placed(std::move(finding), app));
}

// #18
void impersonationEarlyStages(const ConfigSet &set, const AppScenario &app,
                              const CheckApplication &row, const AspNetView &view,
                              FindingList &out) {
    if (!view.integrated() || !view.impersonate() || view.validationOn() || !hasKind(row, "aspnet"))
        return;
    out.push_back(
        placed(catalogueFinding(
                   *findRule("IISID-ASPNET-IMPERSONATION-EARLY-STAGES"),
                   appName(app) + " impersonates in Integrated pool " + app.pool +
                       " with validateIntegratedModeConfiguration=false: BeginRequest and "
                       "AuthenticateRequest modules and Application_Start still run as the "
                       "pool identity.",
                   writtenAt(set, view.validation, {"validateIntegratedModeConfiguration"}, app)),
               app));
}

// #19
void appImpersonation(const ConfigSet &set, const AppScenario &app, const AspNetView &view,
                      FindingList &out) {
    const std::string_view user = view.identityUser();
    if (!view.impersonate() || user.empty())
        return;
    const ConfigValue password = view.identity.element.value("password");
    const bool noPassword = password.text.empty() || config::isEmptyEncryptedValue(password.text);
    const bool registry = password.text.rfind("registry:", 0) == 0;
    const bool virtualAccount = isVirtualAccount(user);
    std::string message = "Every request to " + appName(app) + " runs as the fixed account " +
                          std::string(user) + " (<identity impersonate=\"true\" userName>)";
    if (virtualAccount)
        message += ", a virtual account that has no password to log on with";
    else if (noPassword && !registry)
        message += ", with no password given";
    message += ".";
    const bool fails = virtualAccount || (noPassword && !registry);
    if (fails)
        message += " The logon failure this predicts is unconfirmed.";
    else
        message += " Its password is stored in the configuration (partly confirmed).";
    CheckFinding finding =
        catalogueFinding(*findRule("IISID-ASPNET-APP-IMPERSONATION"), std::move(message),
                         writtenAt(set, view.identity, {"userName"}, app));
    // §5: PARTIAL as a whole; the logon failure (the raise to error) is the UNCONFIRMED part.
    finding.finding.status = fails ? Confidence::Unconfirmed : Confidence::Partial;
    if (fails)
        finding.finding.severity = Severity::Error;
    out.push_back(placed(std::move(finding), app));
}

// #20
void encryptedIdentity(const ConfigSet &set, const AppScenario &app, const AspNetView &view,
                       FindingList &out) {
    if (!view.identityProtected())
        return;
    const bool refused = view.integrated() && view.validationOn();
    CheckFinding finding = catalogueFinding(
        *findRule("IISID-ASPNET-ENCRYPTED-IDENTITY"),
        "system.web/identity is encrypted for " + appName(app) +
            (refused ? ": in Integrated pool " + app.pool +
                           " IIS refuses it with 500.19 (configuration section encryption is not "
                           "supported)."
                     : ": its impersonation setting cannot be read offline."),
        writtenAt(set, view.identity, {"configProtectionProvider"}, app));
    finding.finding.severity = refused ? Severity::Error : Severity::Info;
    out.push_back(placed(std::move(finding), app));
}

// #21
void formsImpersonate(const ConfigSet &set, const AppScenario &app, const AspNetView &view,
                      FindingList &out) {
    if (!view.impersonate() || !view.identityUser().empty() || !view.forms())
        return;
    out.push_back(placed(
        catalogueFinding(*findRule("IISID-ASPNET-FORMS-IMPERSONATE"),
                         appName(app) + " impersonates with Forms authentication: the thread runs "
                                        "as the anonymous account, never as the signed-in forms "
                                        "user.",
                         writtenAt(set, view.identity, {"impersonate"}, app)),
        app));
}

// #22: system.web/identity or authentication where ASP.NET does not run.
void settingsWithoutEffect(const ConfigSet &set, const AppScenario &app,
                           const CheckApplication &row, const AspNetView &view, FindingList &out) {
    const bool core = hasKind(row, "aspnetcore");
    if (!core && !view.noManagedCode())
        return;
    const std::string why = core ? "served by the ASP.NET Core Module"
                                 : "in pool " + app.pool + " with no managed code";
    for (const EffectiveSection *section : {&view.identity, &view.authentication}) {
        if (!section->written)
            continue;
        out.push_back(placed(
            catalogueFinding(*findRule("IISID-SETTINGS-WITHOUT-EFFECT"),
                             section->name + " is set for " + appName(app) + ", which is " + why +
                                 ": it does not change the identity. Partly confirmed.",
                             writtenAt(set, *section, {}, app)),
            app));
    }
}

// #22: web.config files of an application whose pool has enableConfigurationOverride="false"
// set identity sections: IIS ignores them (C1.30, IIS-POOLADD "all settings in Web.config files
// will be ignored for this application pool"), and so does the effective configuration.
void ignoredWebConfigs(const ConfigSet &set, FindingList &out) {
    for (const config::PlacedWebConfig &placed : set.webConfigs()) {
        const config::ConfigFile *file = set.configFile(placed.fileIndex);
        if (file == nullptr)
            continue;
        std::string sections;
        pugi::xml_node first;
        for (std::string_view name : identitySections()) {
            for (const config::LocationBlock &block : file->blocks()) {
                const std::vector<pugi::xml_node> elements =
                    config::sectionElements(block.node, name);
                if (elements.empty())
                    continue;
                if (!first ||
                    file->xml().location(elements.front()).line < file->xml().location(first).line)
                    first = elements.front();
                sections += (sections.empty() ? "" : ", ") + std::string(name);
                break;
            }
        }
        if (!first)
            continue;
        std::vector<std::string> reported; // one finding per pool and web.config
        for (const config::WebConfigPlacement &placement : placed.placements) {
            const std::optional<config::UrlTarget> target =
                set.host().resolveUrl(placement.site->name.text, placement.urlPath);
            if (!target || target->application == nullptr)
                continue;
            const config::ApplicationPool *pool =
                set.host().pool(target->application->applicationPool.text);
            if (pool == nullptr)
                continue;
            const ConfigValue override = pool->value("enableConfigurationOverride");
            if (!equalsIgnoreCase(override.text, "false") ||
                std::find(reported.begin(), reported.end(), pool->name.text) != reported.end())
                continue;
            reported.emplace_back(pool->name.text);
            CheckFinding finding = catalogueFinding(
                *findRule("IISID-SETTINGS-WITHOUT-EFFECT"),
                file->fileName() + " sets " + sections + " for " +
                    std::string(placement.site->name.text) + placement.urlPath + ", but pool " +
                    std::string(pool->name.text) +
                    " has enableConfigurationOverride=\"false\": IIS ignores every web.config of "
                    "its applications, so these settings do not change the identity. Partly "
                    "confirmed.",
                file->xml().location(first));
            finding.site = std::string(placement.site->name.text);
            finding.path = placement.urlPath;
            out.push_back(std::move(finding));
        }
    }
}

/// The authentication sections and the native module that implements each (C2.4).
struct AuthenticationModule {
    std::string_view section;
    std::string_view module;
};
constexpr AuthenticationModule authenticationModules[] = {
    {"system.webServer/security/authentication/anonymousAuthentication",
     "AnonymousAuthenticationModule"},
    {"system.webServer/security/authentication/basicAuthentication", "BasicAuthenticationModule"},
    {"system.webServer/security/authentication/digestAuthentication", "DigestAuthenticationModule"},
    {"system.webServer/security/authentication/windowsAuthentication",
     "WindowsAuthenticationModule"},
    {"system.webServer/security/authentication/clientCertificateMappingAuthentication",
     "CertificateMappingAuthenticationModule"},
    {"system.webServer/security/authentication/iisClientCertificateMappingAuthentication",
     "IISCertificateMappingAuthenticationModule"},
};

// #22: an authentication section enabled="true" whose module the application does not load.
// Only where a given file writes the modules list (without it, which modules load is unknown).
void authenticationWithoutModule(const ConfigSet &set, const AppScenario &app, FindingList &out) {
    if (set.appHostFile() == nullptr)
        return;
    const EffectiveSection &modules =
        set.effectiveSection(app.site, app.path, "system.webServer/modules");
    if (!modules.written)
        return;
    for (const AuthenticationModule &entry : authenticationModules) {
        const EffectiveSection &section = set.effectiveSection(app.site, app.path, entry.section);
        const ConfigValue enabled = section.element.value("enabled");
        if (!enabled.written() || !isTrue(enabled))
            continue;
        const bool loaded =
            std::any_of(modules.element.entries.begin(), modules.element.entries.end(),
                        [&](const config::EffectiveElement &add) {
                            return equalsIgnoreCase(add.value("name").text, entry.module);
                        });
        if (loaded)
            continue;
        CheckFinding finding = catalogueFinding(
            *findRule("IISID-SETTINGS-WITHOUT-EFFECT"),
            section.name + " is enabled for " + appName(app) + " but " + std::string(entry.module) +
                " is not in its modules list: the setting has no effect (unconfirmed, Q11).",
            set.location(enabled.origin));
        finding.finding.status = Confidence::Unconfirmed;
        out.push_back(placed(std::move(finding), app));
    }
}

/// The application runs ASP.NET Core in process.
bool inProcessCore(const AppScenario &app, const CheckApplication &row) {
    return hasKind(row, "aspnetcore") &&
           app.base.scenario.handler.hostingModel == HostingModel::InProcess;
}

// #33: per pool, every in-process ASP.NET Core application after the first.
void inProcessSharedPool(const CheckContext &context, FindingList &out) {
    std::map<std::string, std::vector<std::size_t>> byPool;
    for (std::size_t i = 0; i < context.applications.size() && i < context.rows.size(); ++i) {
        if (inProcessCore(context.applications[i], context.rows[i]))
            byPool[config::toLowerAscii(context.applications[i].pool)].push_back(i);
    }
    for (const auto &[pool, indexes] : byPool) {
        if (indexes.size() < 2)
            continue;
        const AppScenario &first = context.applications[indexes.front()];
        for (std::size_t k = 1; k < indexes.size(); ++k) {
            const AppScenario &app = context.applications[indexes[k]];
            const auto where = app.base.locations.find("handler.hostingModel");
            out.push_back(placed(
                catalogueFinding(*findRule("IISID-ANCM-INPROCESS-SHARED-POOL"),
                                 appName(app) + " and " + appName(first) +
                                     " both host ASP.NET Core in process in pool " + app.pool +
                                     ": only one in-process application per pool can start.",
                                 where != app.base.locations.end() && !where->second.file.empty()
                                     ? where->second
                                     : app.location),
                app));
        }
    }
}

// #34
void hostingModelImplicit(const ConfigSet &set, const AppScenario &app, FindingList &out) {
    const EffectiveSection &core =
        set.effectiveSection(app.site, app.path, config::section::aspNetCore);
    if (!core.written)
        return;
    const ConfigValue hosting = core.element.value("hostingModel");
    if (hosting.written() && !hosting.text.empty())
        return;
    const bool forwards = isTrue(core.element.value("forwardWindowsAuthToken"));
    out.push_back(
        placed(catalogueFinding(*findRule("IISID-ANCM-HOSTINGMODEL-IMPLICIT"),
                                "aspNetCore for " + appName(app) +
                                    " has no hostingModel: ANCM V2 runs it out of process (a child "
                                    "dotnet process with the identity of pool " +
                                    app.pool + ")" +
                                    (forwards ? ", and forwardWindowsAuthToken=true forwards the "
                                                "Windows user's token to it."
                                              : "."),
                                writtenAt(set, core, {}, app)),
               app));
}

} // namespace

void aspNetFindings(const CheckContext &context, FindingList &out) {
    if (context.iis7 == nullptr)
        return;
    const ConfigSet &set = *context.iis7;
    for (std::size_t i = 0; i < context.applications.size() && i < context.rows.size(); ++i) {
        const AppScenario &app = context.applications[i];
        const CheckApplication &row = context.rows[i];
        const AspNetView view = viewOf(set, app);
        aspNet50024(set, app, row, view, out);
        impersonationEarlyStages(set, app, row, view, out);
        appImpersonation(set, app, view, out);
        encryptedIdentity(set, app, view, out);
        formsImpersonate(set, app, view, out);
        settingsWithoutEffect(set, app, row, view, out);
        authenticationWithoutModule(set, app, out);
        hostingModelImplicit(set, app, out);
    }
    inProcessSharedPool(context, out);
    ignoredWebConfigs(set, out);
}

} // namespace iisid::check
