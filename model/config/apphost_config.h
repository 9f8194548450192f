#pragma once

// What applicationHost.config says about sites, applications, virtual directories and
// application pools (config-semantics.md §1.7, §1.8), with the defaults elements applied.

#include "model/config/config_file.h"
#include "model/config/config_value.h"
#include "model/config/element_merge.h"
#include "model/config/schema_defaults.h"

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace iisid::config {

struct Binding {
    std::string_view protocol;
    std::string_view bindingInformation;
    Origin origin;
};

/// Values are effective: the element's own attribute, else the nearest virtualDirectoryDefaults
/// (application, site, <sites>), else the schema (C1.46, C1.47).
struct VirtualDirectory {
    ConfigValue path;
    ConfigValue physicalPath; // as written; expandWellKnownVariables() for the expanded form
    ConfigValue userName;     // Connect-as account ("Absent" = pass-through, C2.5)
    ConfigValue password;     // secret
    ConfigValue logonMethod;
    ConfigValue allowSubDirConfig;
    Origin origin;
};

struct Application {
    ConfigValue path;
    /// The application's own attribute, else site then <sites> applicationDefaults; the schema
    /// has no default, so Absent means "no pool" (C1.48).
    ConfigValue applicationPool;
    std::vector<VirtualDirectory> virtualDirectories;
    Origin origin;

    /// The virtual directory with path "/", or nullptr.
    const VirtualDirectory *rootDirectory() const;
    /// The physical path of the root virtual directory (Absent if there is none).
    ConfigValue physicalPath() const;
};

struct Site {
    ConfigValue name;
    ConfigValue id;
    ConfigValue serverAutoStart;
    std::vector<Binding> bindings;
    std::vector<Application> applications;
    Origin origin;

    /// The application with path "/", or nullptr.
    const Application *rootApplication() const;
    /// The physical path of the root application's root virtual directory (Absent if none).
    ConfigValue physicalPath() const;
};

/// One <add> of applicationPools over <applicationPoolDefaults> over the schema (C1.49), as an
/// EffectiveElement: attributes of the pool and its children (processModel, …).
struct ApplicationPool {
    ConfigValue name;
    EffectiveElement settings;
    Origin origin;

    /// A pool attribute ("managedPipelineMode", "managedRuntimeVersion", "enable32BitAppOnWin64",
    /// "enableConfigurationOverride", "passAnonymousToken", …).
    ConfigValue value(std::string_view attribute) const { return settings.value(attribute); }
    /// A processModel attribute ("identityType", "userName", "password", "loadUserProfile",
    /// "setProfileEnvironment", "logonType", "manualGroupMembership").
    ConfigValue processModel(std::string_view attribute) const;
};

/// Where a URL lands (C1.44): the application with the longest segment prefix, and its virtual
/// directory with the longest prefix.
struct UrlTarget {
    const Site *site = nullptr;
    const Application *application = nullptr;
    const VirtualDirectory *virtualDirectory = nullptr;
    /// The vdir's physical path (as written) + the rest of the URL with '\'.
    std::string physicalPath;
};

struct ApplicationHost {
    std::vector<Site> sites;
    std::vector<ApplicationPool> pools;
    /// Configuration errors that do not stop the read (duplicate keys, a site without id…).
    std::vector<std::string> problems;
    /// Lower-case name -> index (the first of that name), filled by readApplicationHost.
    std::unordered_map<std::string, std::size_t> siteIndex;
    std::unordered_map<std::string, std::size_t> poolIndex;

    const Site *site(std::string_view name) const;            // case-insensitive (C1.17)
    const ApplicationPool *pool(std::string_view name) const; // case-insensitive (Q5)
    std::optional<UrlTarget> resolveUrl(std::string_view siteName, std::string_view url) const;
};

/// Reads the sites and applicationPools sections (either may be a null node).
ApplicationHost readApplicationHost(pugi::xml_node sites, const MergeSource &sitesSource,
                                    pugi::xml_node pools, const MergeSource &poolsSource,
                                    SchemaVersion version);

/// How the IIS version was decided: "option", "inferred: …", "default".
struct VersionChoice {
    SchemaVersion version = SchemaVersion::V10_0;
    std::string from;
};
/// The caller's version if given, else one inferred from an applicationHost.config (C1.51), else
/// 10.0. The inference is a heuristic and says which clue it used.
VersionChoice chooseIisVersion(std::optional<SchemaVersion> option, const ConfigFile *appHost);

/// --map WINDOWS_DIR=LOCAL_DIR.
struct PathMapping {
    std::string windowsDirectory;
    std::string localDirectory;
};
/// The Windows path of a local file or folder through one mapping ("copied/php/php.ini" with
/// C:\PHP=copied/php → "c:\php\php.ini"; well-known variables expanded, lower case, '\'), or
/// nullopt when the mapping's local folder does not hold it.
std::optional<std::string> mappedWindowsPath(std::string_view localPath,
                                             const PathMapping &mapping);
/// A URL level a web.config belongs to.
struct WebConfigPlacement {
    const Site *site = nullptr;
    std::string urlPath; // "/", "/app", "/app/sub"
};
/// The URL levels whose physical folder is the folder of the local web.config (C1.45: several
/// URLs may share one folder), through the mappings and the virtual directories' physical paths
/// (well-known variables expanded, compared case-insensitively). Empty: it belongs to none.
std::vector<WebConfigPlacement> placeWebConfig(const ApplicationHost &host,
                                               std::string_view localPath,
                                               const std::vector<PathMapping> &mappings);

/// "/a/b/" -> "/a/b", "" -> "/", '\' -> '/'.
std::string normaliseUrlPath(std::string_view path);
/// True when prefix is path or a whole-segment prefix of it (C1.17), case-insensitively.
bool isPathPrefix(std::string_view prefix, std::string_view path);

} // namespace iisid::config
