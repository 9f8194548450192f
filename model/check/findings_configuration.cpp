// The configuration rules of the catalogue (config-semantics.md §5 #16, #39, #40): locked
// sections, <location> tags that apply nowhere, and the assumptions the check had to make.

#include "apphost_apps.h"
#include "catalogue.h"
#include "findings.h"

#include <set>
#include <span>
#include <tuple>

namespace iisid::check {

namespace {

using config::ConfigValue;
using config::equalsIgnoreCase;

CheckFinding &add(FindingList &out, std::string_view id, std::string message,
                  SourceLocation location) {
    out.push_back(catalogueFinding(*findRule(id), std::move(message), std::move(location)));
    return out.back();
}

/// Remembers origins already reported.
class Seen {
public:
    bool first(config::Origin origin) {
        return m_seen.insert({origin.file, origin.line, origin.column}).second;
    }

private:
    std::set<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>> m_seen;
};

// #16 and #40's configSource: the effective identity sections at every configuration path.
void sectionFindings(const config::ConfigSet &set, std::span<const ConfigPath> paths,
                     FindingList &out) {
    Seen violations;
    Seen unknown;
    for (const ConfigPath &path : paths) {
        for (std::string_view name : identitySections()) {
            const config::EffectiveSection &section =
                set.effectiveSection(path.site, path.url, name);
            for (const config::LockViolation &violation : section.violations) {
                if (!violations.first(violation.where))
                    continue;
                CheckFinding &finding =
                    add(out, "IISID-CONFIG-SECTION-LOCKED",
                        violation.what + " is set for " + path.site + path.url +
                            " although it is locked (" + violation.lock +
                            "): requests under that path fail with 500.19 (0x80070021) and the "
                            "setting never applies.",
                        set.location(violation.where));
                finding.site = path.site;
                finding.path = path.url;
            }
            if (section.unknown && unknown.first(section.unknownAt)) {
                CheckFinding &finding =
                    add(out, "IISID-INPUT-SCOPE",
                        "The configSource file of " + std::string(name) +
                            " was not given: its values for " + path.site + path.url +
                            " are unknown and the schema defaults were assumed.",
                        set.location(section.unknownAt));
                finding.site = path.site;
                finding.path = path.url;
            }
        }
    }
}

// #39: <location path> in applicationHost.config that names no site (or no URL in it).
void orphanLocations(const config::ConfigSet &set, FindingList &out) {
    const config::ConfigFile *appHost = set.appHostFile();
    if (!appHost || set.host().sites.empty())
        return;
    for (const config::LocationBlock &block : appHost->blocks()) {
        if (!block.isLocation || block.path.empty())
            continue;
        const ConfigPath path = splitLocationPath(block.path);
        std::string why;
        if (!set.host().site(path.site))
            why = "no site named '" + path.site + "' is defined in <sites>";
        else if (!set.host().resolveUrl(path.site, path.url))
            why =
                "site '" + path.site + "' has no application or virtual directory for " + path.url;
        else
            continue;
        const pugi::xml_attribute attribute = block.node.attribute("path");
        add(out, "IISID-LOCATION-ORPHAN",
            "<location path=\"" + std::string(attribute.value()) + "\">: " + why +
                ", so its settings apply nowhere. UNCONFIRMED: how IIS treats such a location "
                "is not verified on a live server.",
            attribute ? appHost->xml().location(attribute) : appHost->xml().location(block.node));
    }
}

// #40: an encrypted value means the account behind it cannot be verified offline.
std::optional<std::pair<SourceLocation, std::size_t>>
encryptedValues(const config::ConfigSet &set, std::span<const ConfigPath> paths) {
    std::optional<SourceLocation> first;
    std::size_t count = 0;
    auto note = [&](const ConfigValue &value) {
        if (!value.written() || !value.encrypted || config::isEmptyEncryptedValue(value.text))
            return;
        if (!first)
            first = set.location(value.origin);
        ++count;
    };
    for (const config::ApplicationPool &pool : set.host().pools)
        note(pool.processModel("password"));
    for (const config::Site &site : set.host().sites) {
        for (const config::Application &application : site.applications) {
            for (const config::VirtualDirectory &directory : application.virtualDirectories)
                note(directory.password);
        }
    }
    for (const ConfigPath &path : paths) {
        note(set.effectiveSection(path.site, path.url,
                                  "system.webServer/security/authentication/"
                                  "anonymousAuthentication")
                 .element.value("password"));
    }
    if (!first)
        return std::nullopt;
    return std::pair{*first, count};
}

// #40: php.ini files and the PHP FastCGI applications (C4.2).
void phpScope(const CheckContext &context, FindingList &out) {
    const config::ConfigSet &set = *context.iis7;
    std::set<const config::PhpIni *> tied;
    std::set<std::string> reported;
    for (const AppScenario &app : context.applications) {
        if (std::none_of(app.handlers.begin(), app.handlers.end(),
                         [](const MappedHandler &h) { return h.kind == HandlerKind::FastCgi; }))
            continue;
        const std::string scriptProcessor = fastCgiScriptProcessor(set, app);
        const std::optional<PhpFastCgi> php =
            phpFastCgi(set, app.site, app.path, scriptProcessor, context.phpInis);
        if (!php)
            continue;
        if (php->ini)
            tied.insert(php->ini);
        if (!reported.insert(config::toLowerAscii(scriptProcessor)).second)
            continue;
        const SourceLocation where = php->application.line > 0 ? php->application : inputStart(set);
        if (php->loneIni) {
            add(out, "IISID-INPUT-SCOPE",
                "php.ini " + php->ini->fileName + " is taken as the one " + php->launch.fullPath +
                    " reads because it is the only php.ini given; no folder the FastCGI "
                    "application names (PHPRC, -c, the php-cgi.exe folder) was seen to hold it.",
                where);
        } else if (!php->ini && php->choice.kind == config::PhpIniChoiceKind::NotGiven) {
            add(out, "IISID-INPUT-SCOPE",
                "No php.ini was given for " + php->launch.fullPath +
                    ": PHP's defaults are assumed (fastcgi.impersonate=0).",
                where);
        }
    }
    for (const config::PhpIni *ini : context.phpInis) {
        if (tied.count(ini))
            continue;
        add(out, "IISID-INPUT-SCOPE",
            "php.ini " + ini->fileName +
                " is not tied to any FastCGI application (no PHPRC, -c or php-cgi.exe folder "
                "names it): its values were not used.",
            {ini->fileName, 1, 1});
    }
}

void inputScope(const CheckContext &context, FindingList &out) {
    if (context.versionFrom == "default") {
        SourceLocation where;
        if (context.iis7)
            where = inputStart(*context.iis7);
        else if (context.metabase && !context.metabase->sites.empty())
            where = {context.metabase->sites.front().location.file, 1, 1};
        else if (!context.phpInis.empty()) // a php.ini alone: no server configuration
            where = {context.phpInis.front()->fileName, 1, 1};
        add(out, "IISID-INPUT-SCOPE",
            "The IIS version is neither given (--iis-version) nor shown by the files: the "
            "defaults of IIS " +
                std::string(toString(context.version)) + " were assumed.",
            where);
    }
    if (!context.iis7)
        return;
    const config::ConfigSet &set = *context.iis7;
    if (const std::optional<SourceLocation> clue = iisExpressClue(set))
        add(out, "IISID-INPUT-SCOPE",
            "This is an IIS Express file: IIS Express runs as the user who starts it, shown as " +
                std::string(iisExpressUser) +
                ", not as the pools' processModel identities (UNCONFIRMED, Q20); Windows "
                "authentication is assumed to be NTLM from the same machine.",
            *clue);
    if (const config::ConfigFile *appHost = set.appHostFile()) {
        for (const pugi::xml_node redirection :
             config::sectionElements(appHost->xml().root(), "configurationRedirection")) {
            if (!equalsIgnoreCase(redirection.attribute("enabled").value(), "true"))
                continue;
            add(out, "IISID-INPUT-SCOPE",
                "configurationRedirection is enabled: the live applicationHost.config is read "
                "from " +
                    std::string(redirection.attribute("path").value()) +
                    ", which may differ from the file given.",
                appHost->xml().location(redirection));
        }
    }
    if (const auto encrypted = encryptedValues(set, context.paths))
        add(out, "IISID-INPUT-SCOPE",
            std::to_string(encrypted->second) +
                " encrypted password(s) (the first here): the accounts they belong to cannot be "
                "verified offline.",
            encrypted->first);
    phpScope(context, out);
}

} // namespace

void configurationFindings(const CheckContext &context, FindingList &out) {
    if (context.iis7) {
        sectionFindings(*context.iis7, context.paths, out);
        orphanLocations(*context.iis7, out);
    }
    inputScope(context, out);
}

} // namespace iisid::check
