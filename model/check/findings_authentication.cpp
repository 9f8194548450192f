#include "findings.h"
#include "findings_common.h"
#include "model/config/metabase_schema.h"
#include "model/config/section_names.h"

#include "catalogue.h"

#include <algorithm>

// The authentication rules of config-semantics.md §5 (#10-#15, #35), evaluated at every
// application root. Which schemes are on comes from the resolver's rows; the written values
// (blank vs absent userName, the places to point at) from the application's scenario and, on
// IIS 7+, from the effective sections.

namespace iisid::check {

namespace {

using config::equalsIgnoreCase;

/// Where the first of these settings of the application's scenario was written; the
/// application itself when all are defaults (a finding always has a place).
SourceLocation settingLocation(const AppScenario &app,
                               std::initializer_list<std::string_view> settingIds) {
    for (std::string_view id : settingIds) {
        const auto found = app.base.locations.find(id);
        if (found != app.base.locations.end() && !found->second.file.empty())
            return found->second;
    }
    return app.location;
}

/// The first written place among the attributes of an effective section, else the fallback.
SourceLocation attributeLocation(const config::ConfigSet &set,
                                 const config::EffectiveSection &section,
                                 std::initializer_list<std::string_view> attributes,
                                 const SourceLocation &fallback) {
    for (std::string_view name : attributes) {
        const config::ConfigValue *value = section.attribute(name);
        if (value != nullptr && value->written())
            return set.location(value->origin);
    }
    if (section.written && section.element.origin.known())
        return set.location(section.element.origin);
    return fallback;
}

CheckFinding placed(CheckFinding finding, const AppScenario &app) {
    finding.site = app.site;
    finding.path = app.path;
    return finding;
}

/// "DOMAIN\\user" -> "DOMAIN", "user@domain" -> "domain", "user" -> "".
std::string_view domainPart(std::string_view account) {
    if (const auto slash = account.find('\\'); slash != std::string_view::npos)
        return account.substr(0, slash);
    if (const auto at = account.find('@'); at != std::string_view::npos)
        return account.substr(at + 1);
    return {};
}

/// A domain part that names another machine or a domain: not ".", "localhost", the machine
/// itself, nor a built-in authority.
bool isOffMachineDomain(std::string_view domain, const Scenario &scenario) {
    if (domain.empty() || domain == "." || equalsIgnoreCase(domain, "localhost") ||
        equalsIgnoreCase(domain, "NT AUTHORITY") || equalsIgnoreCase(domain, "BUILTIN") ||
        equalsIgnoreCase(domain, "IIS APPPOOL") || equalsIgnoreCase(domain, "NT SERVICE"))
        return false;
    return !(scenario.server.machine && equalsIgnoreCase(domain, *scenario.server.machine));
}

/// The built-in anonymous account: IUSR on IIS 7+, IUSR_<machine> on IIS 6 and earlier.
bool isBuiltInAnonymous(std::string_view userName, bool iis6) {
    const std::string_view domain = domainPart(userName);
    const std::string_view account = accountPart(userName);
    if (iis6) {
        return account.size() >= 5 && equalsIgnoreCase(account.substr(0, 5), "IUSR_");
    }
    return equalsIgnoreCase(account, "IUSR") &&
           (domain.empty() || equalsIgnoreCase(domain, "NT AUTHORITY"));
}

bool servesContent(const CheckApplication &row) {
    return !row.handlers.empty();
}

// #10: anonymous requests run as IUSR (or a named account) rather than the pool identity.
void anonNotPoolIdentity(const CheckContext &context, const AppScenario &app,
                         const CheckApplication &row, FindingList &out) {
    if (context.iis7 == nullptr || !row.authentication.anonymous)
        return;
    const Scenario::Authentication::Anonymous &anonymous =
        app.base.scenario.authentication.anonymous;
    // Absent means IUSR (C2.2); only userName="" is the pool identity.
    const std::string userName = anonymous.userName.value_or("IUSR");
    if (userName.empty())
        return;
    out.push_back(placed(
        catalogueFinding(
            *findRule("IISID-ANON-NOT-POOL-IDENTITY"),
            "Anonymous requests to " + appName(app) + " run as " + userName +
                " instead of the identity of pool " + app.pool +
                "; an account shared with other sites can read their content (set userName=\"\").",
            settingLocation(
                app, {"authentication.anonymous.userName", "authentication.anonymous.enabled"})),
        app));
}

// #11: anonymous requests run as a named account with a stored password.
void anonNamedAccount(const CheckContext &context, const AppScenario &app,
                      const CheckApplication &row, FindingList &out) {
    if (!row.authentication.anonymous)
        return;
    const Scenario &scenario = app.base.scenario;
    const std::optional<std::string> &userName = scenario.authentication.anonymous.userName;
    if (!userName || userName->empty() ||
        isBuiltInAnonymous(*userName, context.metabase != nullptr))
        return;
    const bool offMachine = isOffMachineDomain(domainPart(*userName), scenario);
    CheckFinding finding = catalogueFinding(
        *findRule("IISID-ANON-NAMED-ACCOUNT"),
        "Every anonymous request to " + appName(app) + " runs as the named account " + *userName +
            (offMachine ? ", a domain account whose token can reach other servers" : "") +
            "; its password is stored in the configuration.",
        settingLocation(app, {"authentication.anonymous.userName"}));
    if (offMachine)
        finding.finding.severity = Severity::High;
    out.push_back(placed(std::move(finding), app));
}

// #12: no authentication scheme at all: every request gets 401.2.
void authNoneEnabled(const CheckContext &context, const AppScenario &app,
                     const CheckApplication &row, FindingList &out) {
    const CheckAuthentication &auth = row.authentication;
    if (auth.anonymous || auth.basic || auth.digest || auth.windows || auth.clientCertificate ||
        !servesContent(row))
        return;
    SourceLocation where = settingLocation(app, {"authentication.anonymous.enabled"});
    if (context.iis7 != nullptr)
        where = attributeLocation(
            *context.iis7,
            context.iis7->effectiveSection(app.site, app.path, config::section::anonymous),
            {"enabled"}, where);
    out.push_back(placed(
        catalogueFinding(*findRule("IISID-AUTH-NONE-ENABLED"),
                         "No authentication method is enabled for " + appName(app) +
                             " (anonymous, basic, digest, Windows and certificate mapping are "
                             "all off): every request is rejected with 401.2. Partly confirmed: "
                             "a web.config not given may turn a method on.",
                         where),
        app));
}

/// The site's bindings include https.
bool hasHttpsBinding(const config::ConfigSet &set, std::string_view siteName) {
    const config::Site *site = set.host().site(siteName);
    return site != nullptr &&
           std::any_of(site->bindings.begin(), site->bindings.end(), [](const config::Binding &b) {
               return equalsIgnoreCase(b.protocol, "https");
           });
}

// #13, IIS 6: AuthBasic in the effective AuthFlags and AccessSSL not in the effective
// AccessSSLFlags (both INHERIT, C3.7; flag values MBS L521-534).
void basicWithoutSslMetabase(const config::MetabaseServer &server, const AppScenario &app,
                             const CheckApplication &row, FindingList &out) {
    const config::MetabaseApplication *application = metabaseApplication(server, app);
    if (application == nullptr || !row.authentication.basic)
        return;
    const config::MetabaseSettings &settings = application->settings;
    if (settings.accessSslFlagBits.value_or(0) & config::accessSsl)
        return;
    const std::string why =
        settings.accessSslFlags.isSet()
            ? "AccessSSLFlags (\"" + settings.accessSslFlags.text + "\") has no AccessSSL"
            : "no AccessSSLFlags requires SSL";
    out.push_back(placed(
        catalogueFinding(
            *findRule("IISID-BASIC-WITHOUT-SSL"),
            "Basic authentication is enabled for " + appName(app) + " (AuthFlags) but " + why +
                ": Windows passwords can cross the network base64-encoded.",
            settings.authFlags.location.line > 0 ? settings.authFlags.location : app.location),
        app));
}

// #13: Basic authentication without SSL required.
void basicWithoutSsl(const CheckContext &context, const AppScenario &app,
                     const CheckApplication &row, FindingList &out) {
    if (context.metabase != nullptr) {
        basicWithoutSslMetabase(*context.metabase, app, row, out);
        return;
    }
    if (context.iis7 == nullptr || !row.authentication.basic)
        return;
    const config::EffectiveSection &access =
        context.iis7->effectiveSection(app.site, app.path, "system.webServer/security/access");
    const config::ConfigValue sslFlags = access.element.value("sslFlags");
    const std::vector<std::string_view> flags = config::splitCommaList(sslFlags.text);
    const bool sslRequired = std::any_of(flags.begin(), flags.end(), [](std::string_view flag) {
        return equalsIgnoreCase(flag, "Ssl");
    });
    const bool https = hasHttpsBinding(*context.iis7, app.site);
    if (sslRequired && https)
        return;
    const std::string why = !https ? "site " + app.site + " has no https binding"
                                   : "SSL is not required (sslFlags has no Ssl)";
    out.push_back(placed(
        catalogueFinding(*findRule("IISID-BASIC-WITHOUT-SSL"),
                         "Basic authentication is enabled for " + appName(app) + " but " + why +
                             ": Windows passwords can cross the network base64-encoded.",
                         settingLocation(app, {"authentication.basic.enabled"})),
        app));
}

// #14: kernel-mode Kerberos with a domain pool account.
void kerberosCustomIdentity(const CheckContext &context, const AppScenario &app,
                            const CheckApplication &row, FindingList &out) {
    if (context.iis7 == nullptr || !row.authentication.windows || !app.windowsNegotiate)
        return;
    const Scenario &scenario = app.base.scenario;
    if (scenario.appPool.identity != PoolIdentity::SpecificUser || !scenario.appPool.userName ||
        !isOffMachineDomain(domainPart(*scenario.appPool.userName), scenario))
        return;
    const config::EffectiveSection &windows =
        context.iis7->effectiveSection(app.site, app.path, config::section::windows);
    const config::ConfigValue kernelMode = windows.element.value("useKernelMode");
    const config::ConfigValue poolCredentials = windows.element.value("useAppPoolCredentials");
    if (!equalsIgnoreCase(kernelMode.text, "true") ||
        equalsIgnoreCase(poolCredentials.text, "true"))
        return;
    out.push_back(placed(
        catalogueFinding(
            *findRule("IISID-KERBEROS-CUSTOM-IDENTITY"),
            "Windows authentication (Negotiate, kernel mode) for " + appName(app) +
                " runs in pool " + app.pool + " as " + *scenario.appPool.userName +
                " (a domain account unless " + std::string(domainPart(*scenario.appPool.userName)) +
                " is this machine) without useAppPoolCredentials: verify the site's "
                "SPN; if it is on that account, Kerberos fails (401 or NTLM "
                "fallback).",
            attributeLocation(*context.iis7, windows,
                              {"useAppPoolCredentials", "useKernelMode", "enabled"}, app.location)),
        app));
}

// #15: Forms authentication combined with an IIS Windows-credential scheme in Integrated mode.
void formsWithWindowsAuth(const CheckContext &context, const AppScenario &app,
                          const CheckApplication &row, FindingList &out) {
    if (context.iis7 == nullptr || app.base.scenario.appPool.pipeline != Pipeline::Integrated ||
        app.base.scenario.aspnet.authenticationMode != AspNetAuthMode::Forms)
        return;
    const CheckAuthentication &auth = row.authentication;
    std::string schemes;
    for (const auto &[on, name] :
         {std::pair{auth.windows, "Windows"}, std::pair{auth.basic, "Basic"},
          std::pair{auth.digest, "Digest"}}) {
        if (on)
            schemes += (schemes.empty() ? "" : ", ") + std::string(name);
    }
    if (schemes.empty())
        return;
    out.push_back(placed(
        catalogueFinding(*findRule("IISID-FORMS-WITH-WINDOWS-AUTH"),
                         appName(app) + " uses ASP.NET Forms authentication together with IIS " +
                             schemes + " authentication in Integrated pool " + app.pool +
                             ": this combination is not supported.",
                         settingLocation(app, {"aspnet.authenticationMode"})),
        app));
}

// #35: authenticated requests use the worker process identity.
void runtimeWorkerUser(const CheckContext &context, const AppScenario &app, FindingList &out) {
    if (context.iis7 == nullptr)
        return;
    const config::EffectiveSection &runtime =
        context.iis7->effectiveSection(app.site, app.path, "system.webServer/serverRuntime");
    const config::ConfigValue override = runtime.element.value("authenticatedUserOverride");
    if (!equalsIgnoreCase(override.text, "UseWorkerProcessUser"))
        return;
    out.push_back(placed(
        catalogueFinding(
            *findRule("IISID-RUNTIME-WORKER-USER"),
            "serverRuntime authenticatedUserOverride=UseWorkerProcessUser for " + appName(app) +
                ": static files, ASP and other impersonating "
                "modules use the identity of pool " +
                app.pool + " instead of the authenticated user.",
            attributeLocation(*context.iis7, runtime, {"authenticatedUserOverride"}, app.location)),
        app));
}

} // namespace

void authenticationFindings(const CheckContext &context, FindingList &out) {
    for (std::size_t i = 0; i < context.applications.size() && i < context.rows.size(); ++i) {
        const AppScenario &app = context.applications[i];
        const CheckApplication &row = context.rows[i];
        anonNotPoolIdentity(context, app, row, out);
        anonNamedAccount(context, app, row, out);
        authNoneEnabled(context, app, row, out);
        basicWithoutSsl(context, app, row, out);
        kerberosCustomIdentity(context, app, row, out);
        formsWithWindowsAuth(context, app, row, out);
        runtimeWorkerUser(context, app, out);
    }
}

} // namespace iisid::check
