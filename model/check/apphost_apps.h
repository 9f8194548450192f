#pragma once

// The IIS 7+ side of the checker: a read configuration set (config/effective_config.h) as the
// applications, pools and settings the resolver and the report work from.

#include "app_scenario.h"
#include "check_report.h"
#include "model/config/effective_config.h"
#include "model/config/php_ini.h"

#include <optional>
#include <span>
#include <vector>

namespace iisid::check {

struct AppHostApps {
    std::vector<AppScenario> applications; // by site id, then path
    std::vector<CheckPool> pools;          // document order
};

/// Every application of every site with the scenario its effective configuration adds up to
/// (config-semantics.md §2.17): the pool and its identity, the authentication sections, the
/// virtual directory's Connect-as account, <cgi>, <asp>, <validation>, system.web <identity> and
/// <authentication>, <aspNetCore>, and the handler kinds the resolved handler list reaches. A
/// FastCGI handler that starts php-cgi.exe also gets PHP's fastcgi.impersonate (from the php.ini
/// it reads among phpInis, or PHP's default) and the <fastCgi><application>'s protocol.
AppHostApps appHostApps(const config::ConfigSet &set, std::span<const config::PhpIni> phpInis = {});

/// The php-cgi.exe a FastCGI handler starts and the php.ini it reads (config-semantics.md C4.1,
/// C4.2; check-format.md): the <fastCgi><application> whose fullPath (and arguments) the
/// handler's scriptProcessor names, its PHPRC and -c/-d arguments; a lone php.ini applies to
/// every PHP application.
struct PhpFastCgi {
    config::PhpCgiLaunch launch;
    /// The <application> element; empty when no <fastCgi><application> matches (IIS then
    /// refuses the request, and PHP's start-up values are taken from the handler alone).
    SourceLocation application;
    config::PhpIniChoice choice;
    /// The php.ini php-cgi reads, or nullptr: -n, or none of the given files (assumed default).
    const config::PhpIni *ini = nullptr;
    /// Tied only because it is the only php.ini given (no folder named by the launch holds it).
    bool loneIni = false;
    config::EffectiveDirective impersonate; // fastcgi.impersonate at start-up
    bool tcp = false;                       // protocol="Tcp" (impersonation never happens)
    SourceLocation protocol;                // the protocol attribute when written
};

/// The PHP of a FastCGI handler whose scriptProcessor names php-cgi.exe; nullopt for any other
/// FastCGI program.
std::optional<PhpFastCgi> phpFastCgi(const config::ConfigSet &set, std::string_view siteName,
                                     std::string_view url, std::string_view scriptProcessor,
                                     std::span<const config::PhpIni *const> phpInis);

/// A configuration path the checker evaluates (config-semantics.md §5 "P").
struct ConfigPath {
    std::string site; // as the site is defined
    std::string url;  // "/", "/app/sub"
    friend bool operator==(const ConfigPath &, const ConfigPath &) = default;
};

/// Every application root, then every path of an applicationHost.config <location> under a
/// defined site, then every URL level a web.config is placed at with the paths of its own
/// <location> tags (relative to that level, C1.12); each once, in that order.
std::vector<ConfigPath> configurationPaths(const config::ConfigSet &set);

/// The site part and the URL of a <location> path of applicationHost.config: "Site/app" ->
/// {"Site", "/app"}; {"", "/"} for the global level.
ConfigPath splitLocationPath(std::string_view locationPath);

/// The account IIS Express runs as: the interactive user who starts it ("doesn't run as a
/// service", IISX; that the pools' processModel identities are not applied is UNCONFIRMED, Q20).
/// Who that is cannot be read from the file, so the check names a stand-in that reads as what it
/// is - never a real-looking account - yet is a valid Windows name (parentheses and spaces are
/// allowed), so the resolver follows it as a user account.
inline constexpr std::string_view iisExpressUser = "MACHINE\\(interactive user)";

/// Where an applicationHost.config shows it is IIS Express's (C1.9, heuristic): a pool named
/// Clr4IntegratedAppPool or IISExpressAppPool, or a %IIS_USER_HOME% / %IIS_BIN% physical path;
/// nullopt for a server's file.
std::optional<SourceLocation> iisExpressClue(const config::ConfigSet &set);

/// The sections that decide an identity (config-semantics.md §2), by full name.
std::span<const std::string_view> identitySections();

/// Line 1 of the applicationHost.config, else of the first web.config: where a finding about
/// the whole input points.
SourceLocation inputStart(const config::ConfigSet &set);

/// The scriptProcessor of the FastCGI handler an application reaches, or "" when it reaches
/// none.
std::string fastCgiScriptProcessor(const config::ConfigSet &set, const AppScenario &app);

/// The model's name of a configuration schema version, and back (nullopt before IIS 7).
IisVersion modelVersion(config::SchemaVersion version);
std::optional<config::SchemaVersion> configVersion(IisVersion version);

/// The setting values the configuration writes for one application, as the scenario spells
/// them (an IIS spelling such as "ApplicationPoolIdentity" or "Integrated" turned into the
/// scenario's).
std::string scenarioPoolIdentity(std::string_view identityType);

} // namespace iisid::check
