// The content and secret rules of the findings catalogue (config-semantics.md §5 #9, #31, #32):
// passwords stored in clear text, and the account that reads a virtual directory's content
// ("Connect as", C2.5) or its absence on a UNC share.

#include "catalogue.h"
#include "findings.h"
#include "findings_common.h"
#include "model/config/section_names.h"

namespace iisid::check {

namespace {

using config::ConfigValue;
using config::Origin;

/// A configuration path SITE + URL (§5's "P").
struct ConfigPath {
    std::string site;
    std::string url;
};

/// Every path the checker evaluates (§5 "P"): each application root, each <location> of the
/// applicationHost.config, each URL level a web.config was placed at.
std::vector<ConfigPath> configPaths(const CheckContext &context) {
    std::vector<ConfigPath> paths;
    for (const AppScenario &app : context.applications)
        paths.push_back({app.site, app.path});
    if (const config::ConfigFile *appHost = context.iis7->appHostFile()) {
        for (const config::LocationBlock &block : appHost->blocks()) {
            if (!block.isLocation || block.path.empty())
                continue;
            const std::size_t slash = block.path.find('/');
            paths.push_back({block.path.substr(0, slash),
                             slash == std::string::npos
                                 ? std::string("/")
                                 : config::normaliseUrlPath(block.path.substr(slash))});
        }
    }
    for (const config::PlacedWebConfig &placed : context.iis7->webConfigs()) {
        for (const config::WebConfigPlacement &placement : placed.placements)
            paths.push_back({std::string(placement.site->name.text), placement.urlPath});
    }
    return paths;
}

/// A value of an encrypted-type attribute (C1.40, C1.41) written without the [enc:…:enc] form.
bool clearTextSecret(const ConfigValue &value) {
    return value.written() && !value.text.empty() && !config::isEncryptedValue(value.text);
}

/// Collects clear-text passwords once per place they are written (a defaults element or a
/// location reaches many pools, directories and paths).
class ClearTextPasswords {
public:
    ClearTextPasswords(const CheckContext &context, FindingList &out)
        : m_context(context)
        , m_out(out) {}

    /// An encrypted-type attribute (schema encrypted="true"): that IIS uses a clear-text value
    /// as is is UNCONFIRMED (Q12).
    void encryptedType(const ConfigValue &value, const std::string &where) {
        if (clearTextSecret(value))
            add(value.origin, "The password of " + where +
                                  " is stored in clear text instead of encrypted: anyone who "
                                  "can read the file or a backup of it can read it. Partly "
                                  "unconfirmed: whether IIS uses a clear-text value as is is "
                                  "not documented.");
    }

    /// system.web/identity@password: ASP.NET reads it as clear text unless it is a registry:
    /// reference (NET-IDENTITY); a protected section has no readable attribute.
    void aspNetIdentity(const ConfigValue &value, const ConfigPath &path) {
        if (value.written() && !value.text.empty() && !value.text.starts_with("registry:"))
            add(value.origin, "The password of the ASP.NET impersonation account "
                              "(system.web/identity) for '" +
                                  path.site + path.url +
                                  "' is stored in clear text: anyone who can read the file or "
                                  "a backup of it can read it.");
    }

private:
    void add(const Origin &origin, std::string message) {
        if (std::find(m_seen.begin(), m_seen.end(), origin) != m_seen.end())
            return;
        m_seen.push_back(origin);
        m_out.push_back(catalogueFinding(*findRule("IISID-CRED-CLEARTEXT"), std::move(message),
                                         m_context.iis7->location(origin)));
    }

    const CheckContext &m_context;
    FindingList &m_out;
    std::vector<Origin> m_seen;
};

// #9: passwords in clear text: pools, virtual directories (and their defaults), the anonymous
// account, IIS certificate mappings and ASP.NET impersonation, at every path.
void clearTextCredentials(const CheckContext &context, FindingList &out) {
    ClearTextPasswords passwords(context, out);
    for (const config::ApplicationPool &pool : context.iis7->host().pools)
        passwords.encryptedType(pool.processModel("password"),
                                "application pool '" + std::string(pool.name.text) + "'");
    for (const config::Site &site : context.iis7->host().sites) {
        for (const config::Application &application : site.applications) {
            for (const config::VirtualDirectory &directory : application.virtualDirectories)
                passwords.encryptedType(
                    directory.password,
                    "the Connect-as account of virtual directory '" + std::string(site.name.text) +
                        config::normaliseUrlPath(std::string(application.path.text) +
                                                 std::string(directory.path.text)) +
                        "'");
        }
    }
    for (const ConfigPath &path : configPaths(context)) {
        const std::string at = "'" + path.site + path.url + "'";
        passwords.encryptedType(
            context.iis7->effectiveSection(path.site, path.url, config::section::anonymous)
                .element.value("password"),
            "the anonymous account at " + at);
        const config::EffectiveSection &mapping =
            context.iis7->effectiveSection(path.site, path.url, config::section::iisCertificate);
        for (std::string_view list : {"oneToOneMappings", "manyToOneMappings"}) {
            if (const config::EffectiveElement *mappings = mapping.element.child(list)) {
                for (const config::EffectiveElement &entry : mappings->entries)
                    passwords.encryptedType(entry.value("password"),
                                            "a client certificate mapping at " + at);
            }
        }
        passwords.aspNetIdentity(
            context.iis7->effectiveSection(path.site, path.url, config::section::identity)
                .element.value("password"),
            path);
    }
}

/// The resolver's worker account of the application SITE + PATH, if it is one.
std::optional<std::string> workerOf(const CheckContext &context, std::string_view site,
                                    std::string_view path) {
    for (std::size_t i = 0; i < context.applications.size(); ++i) {
        const AppScenario &app = context.applications[i];
        if (config::equalsIgnoreCase(app.site, site) && config::equalsIgnoreCase(app.path, path))
            return context.rows[i].worker;
    }
    return std::nullopt;
}

/// A virtual directory (or, on IIS 6, an application root) with its effective content account.
struct ContentDirectory {
    std::string site;
    std::string application; // the application's path
    std::string url;         // the directory's URL
    std::string physicalPath;
    std::string userName; // empty: pass-through (C2.5)
    SourceLocation physicalPathAt;
    SourceLocation userNameAt;
};

// #31: a Connect-as account reads the content and web.config of the directory for every user.
void connectAs(const ContentDirectory &directory, FindingList &out) {
    if (directory.userName.empty())
        return;
    const bool privileged = isPrivilegedAccountName(directory.userName);
    CheckFinding finding = catalogueFinding(
        *findRule("IISID-VDIR-CONNECT-AS"),
        "Virtual directory '" + directory.site + directory.url +
            "' reads its content and "
            "web.config as '" +
            directory.userName + "' (Connect as) for every user" +
            (privileged ? ", an account whose name looks like an administrator's or SYSTEM's "
                          "(judged by the name only)"
                        : "") +
            "; that account's password is stored in the configuration.",
        directory.userNameAt);
    if (privileged)
        finding.finding.severity = Severity::Medium;
    finding.site = directory.site;
    finding.path = directory.application;
    out.push_back(std::move(finding));
}

// #32: a UNC share reached without a Connect-as account (pass-through, C2.5).
void uncPassThrough(const CheckContext &context, const ContentDirectory &directory,
                    FindingList &out) {
    if (!directory.userName.empty() || !directory.physicalPath.starts_with("\\\\"))
        return;
    const std::optional<std::string> worker =
        workerOf(context, directory.site, directory.application);
    CheckFinding finding = catalogueFinding(
        *findRule("IISID-VDIR-UNC-PASSTHROUGH"),
        "Virtual directory '" + directory.site + directory.url + "' reads the share '" +
            directory.physicalPath +
            "' without a Connect-as account: every user's own token must reach the share (the "
            "anonymous IUSR is anonymous on the network), and the pool identity" +
            (worker ? " (" + *worker + ")" : std::string()) +
            " reads web.config there, as DOMAIN\\MACHINE$ if it is a built-in one — a frequent "
            "500.19 (0x80070005).",
        directory.physicalPathAt);
    finding.site = directory.site;
    finding.path = directory.application;
    out.push_back(std::move(finding));
}

/// Calls `visit` with every virtual directory of an applicationHost.config, with the effective
/// Connect-as account (its own, else virtualDirectoryDefaults, C1.46-C1.47), one at a time (on
/// 20,000 sites the list of them was 17 MB at the check's peak).
template <typename Visit> void forEachIis7Directory(const config::ConfigSet &set, Visit &&visit) {
    for (const config::Site &site : set.host().sites) {
        for (const config::Application &application : site.applications) {
            const std::string applicationPath = config::normaliseUrlPath(application.path.text);
            for (const config::VirtualDirectory &directory : application.virtualDirectories) {
                ContentDirectory content;
                content.site = std::string(site.name.text);
                content.application = applicationPath;
                content.url =
                    config::normaliseUrlPath(applicationPath + std::string(directory.path.text));
                content.physicalPath =
                    config::expandWellKnownVariables(directory.physicalPath.text);
                content.userName = std::string(directory.userName.text);
                content.physicalPathAt = set.location(directory.physicalPath.origin.known()
                                                          ? directory.physicalPath.origin
                                                          : directory.origin);
                content.userNameAt =
                    set.location(directory.userName.origin.known() ? directory.userName.origin
                                                                   : directory.origin);
                visit(content);
            }
        }
    }
}

/// The application roots of a metabase with their UNCUserName (TN-UNC6). Only application
/// roots: the described metabase has no settings for virtual directories that are not
/// applications.
std::vector<ContentDirectory> metabaseDirectories(const CheckContext &context) {
    std::vector<ContentDirectory> out;
    for (const config::MetabaseSite &site : context.metabase->sites) {
        for (const config::MetabaseApplication &application : site.applications) {
            // The application's name as the adapter gave it (metabase_apps.cpp).
            const auto app = std::find_if(
                context.applications.begin(), context.applications.end(),
                [&](const AppScenario &a) { return a.location == application.location; });
            if (app == context.applications.end())
                continue;
            const config::MetabaseSettings &settings = application.settings;
            ContentDirectory content;
            content.site = app->site;
            content.application = app->path;
            content.url = app->path;
            content.physicalPath = settings.physicalPath;
            content.userName = settings.uncUserName.text;
            content.physicalPathAt =
                settings.path.location.line > 0 ? settings.path.location : application.location;
            content.userNameAt = settings.uncUserName.location.line > 0
                                     ? settings.uncUserName.location
                                     : application.location;
            out.push_back(std::move(content));
        }
    }
    return out;
}

} // namespace

void contentFindings(const CheckContext &context, FindingList &out) {
    const auto directoryFindings = [&context, &out](const ContentDirectory &directory) {
        // IIS 6 only uses UNCUserName for a UNC path (TN-UNC6); IIS 7+ logs the Connect-as
        // account on for local paths too (IIS-VDIR).
        if (context.iis7 || directory.physicalPath.starts_with("\\\\"))
            connectAs(directory, out);
        uncPassThrough(context, directory, out);
    };
    if (context.iis7) {
        clearTextCredentials(context, out);
        forEachIis7Directory(*context.iis7, directoryFindings);
    } else if (context.metabase) {
        for (const ContentDirectory &directory : metabaseDirectories(context))
            directoryFindings(directory);
    }
}

} // namespace iisid::check
