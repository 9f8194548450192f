#include "apphost_config.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <unordered_map>

namespace iisid::config {

namespace {

constexpr std::string_view sitePath = "system.applicationHost/sites/site";
constexpr std::string_view applicationPath = "system.applicationHost/sites/site/application";
constexpr std::string_view vdirPath =
    "system.applicationHost/sites/site/application/virtualDirectory";
constexpr std::string_view poolPath = "system.applicationHost/applicationPools/add";

/// The value of attribute along a chain of elements (the entry first, then its defaults
/// elements, nearest first), else the schema default (C1.46). Null nodes are skipped.
class Layering {
public:
    Layering(SchemaVersion version, const MergeSource &source)
        : m_version(version)
        , m_source(source) {}

    ConfigValue value(std::initializer_list<pugi::xml_node> chain, const char *attribute,
                      std::string_view elementPath) const {
        return value(chain, attribute, schemaAttribute(m_version, elementPath, attribute));
    }

    /// The same with the schema row looked up once by the caller (the loops over 100,000s of
    /// elements).
    ConfigValue value(std::initializer_list<pugi::xml_node> chain, const char *attribute,
                      const SchemaAttribute *schema) const {
        const bool secret = (schema != nullptr && (schema->flags & AttributeFlag::Encrypted)) ||
                            std::strcmp(attribute, "password") == 0;
        for (pugi::xml_node node : chain) {
            if (const pugi::xml_attribute written = node.attribute(attribute)) {
                ConfigValue value;
                value.text = written.value();
                value.source = ValueSource::Written;
                value.secret = secret;
                value.encrypted = isEncryptedValue(value.text);
                value.origin = origin(m_source.xml->position(written));
                return value;
            }
        }
        ConfigValue value;
        if (schema != nullptr && schema->defaultValue) {
            value.text = *schema->defaultValue;
            value.source = ValueSource::SchemaDefault;
            value.secret = secret;
            value.encrypted = isEncryptedValue(value.text);
            value.origin = origin(m_source.xml->position(*chain.begin()));
        }
        return value;
    }

    Origin origin(std::pair<int, int> position) const {
        return {m_source.fileIndex, static_cast<std::uint32_t>(position.first),
                static_cast<std::uint32_t>(position.second)};
    }

private:
    SchemaVersion m_version;
    MergeSource m_source;
};

std::string joinUrl(std::string_view base, std::string_view rest) {
    std::string out = normaliseUrlPath(base);
    const std::string tail = normaliseUrlPath(rest);
    if (tail == "/")
        return out;
    return out == "/" ? tail : out + tail;
}

std::string normaliseWindowsPath(std::string_view path) {
    std::string out = toLowerAscii(expandWellKnownVariables(path));
    std::replace(out.begin(), out.end(), '/', '\\');
    while (out.size() > 1 && out.back() == '\\')
        out.pop_back();
    return out;
}

} // namespace

std::string normaliseUrlPath(std::string_view path) {
    std::string out(path);
    std::replace(out.begin(), out.end(), '\\', '/');
    if (out.empty() || out.front() != '/')
        out.insert(out.begin(), '/');
    while (out.size() > 1 && out.back() == '/')
        out.pop_back();
    return out;
}

bool isPathPrefix(std::string_view prefix, std::string_view path) {
    if (prefix == "/" || prefix.empty())
        return true;
    if (path.size() < prefix.size() || !equalsIgnoreCase(path.substr(0, prefix.size()), prefix))
        return false;
    return path.size() == prefix.size() || path[prefix.size()] == '/';
}

const VirtualDirectory *Application::rootDirectory() const {
    for (const VirtualDirectory &directory : virtualDirectories) {
        if (normaliseUrlPath(directory.path.text) == "/")
            return &directory;
    }
    return nullptr;
}

ConfigValue Application::physicalPath() const {
    const VirtualDirectory *root = rootDirectory();
    return root != nullptr ? root->physicalPath : ConfigValue{};
}

const Application *Site::rootApplication() const {
    for (const Application &application : applications) {
        if (normaliseUrlPath(application.path.text) == "/")
            return &application;
    }
    return nullptr;
}

ConfigValue Site::physicalPath() const {
    const Application *root = rootApplication();
    return root != nullptr ? root->physicalPath() : ConfigValue{};
}

ConfigValue ApplicationPool::processModel(std::string_view attribute) const {
    const EffectiveElement *model = settings.child("processModel");
    return model != nullptr ? model->value(attribute) : ConfigValue{};
}

const Site *ApplicationHost::site(std::string_view name) const {
    if (const auto found = siteIndex.find(toLowerAscii(name)); found != siteIndex.end())
        return &sites[found->second];
    for (const Site &candidate : sites) {
        if (equalsIgnoreCase(candidate.name.text, name))
            return &candidate;
    }
    return nullptr;
}

const ApplicationPool *ApplicationHost::pool(std::string_view name) const {
    if (const auto found = poolIndex.find(toLowerAscii(name)); found != poolIndex.end())
        return &pools[found->second];
    for (const ApplicationPool &candidate : pools) {
        if (equalsIgnoreCase(candidate.name.text, name))
            return &candidate;
    }
    return nullptr;
}

std::optional<UrlTarget> ApplicationHost::resolveUrl(std::string_view siteName,
                                                     std::string_view url) const {
    const Site *found = site(siteName);
    if (found == nullptr)
        return std::nullopt;
    const std::string target = normaliseUrlPath(url);
    UrlTarget out;
    out.site = found;
    std::size_t best = 0;
    for (const Application &application : found->applications) {
        const std::string path = normaliseUrlPath(application.path.text);
        if (isPathPrefix(path, target) && (out.application == nullptr || path.size() > best)) {
            out.application = &application;
            best = path.size();
        }
    }
    if (out.application == nullptr)
        return out;
    const std::string appPath = normaliseUrlPath(out.application->path.text);
    std::string bestDirectory;
    for (const VirtualDirectory &directory : out.application->virtualDirectories) {
        const std::string full = joinUrl(appPath, directory.path.text);
        if (isPathPrefix(full, target) &&
            (out.virtualDirectory == nullptr || full.size() > bestDirectory.size())) {
            out.virtualDirectory = &directory;
            bestDirectory = full;
        }
    }
    if (out.virtualDirectory != nullptr) {
        out.physicalPath = std::string(out.virtualDirectory->physicalPath.text);
        std::string rest =
            target.substr(std::min(target.size(), bestDirectory == "/" ? 0 : bestDirectory.size()));
        std::replace(rest.begin(), rest.end(), '/', '\\');
        if (!rest.empty() && rest != "\\") {
            while (!out.physicalPath.empty() && out.physicalPath.back() == '\\')
                out.physicalPath.pop_back();
            out.physicalPath += rest;
        }
    }
    return out;
}

ApplicationHost readApplicationHost(pugi::xml_node sites, const MergeSource &sitesSource,
                                    pugi::xml_node pools, const MergeSource &poolsSource,
                                    SchemaVersion version) {
    ApplicationHost host;
    const Layering layer(version, sitesSource);
    const auto row = [&](std::string_view path, std::string_view name) {
        return schemaAttribute(version, path, name);
    };
    const SchemaAttribute *appPathRow = row(applicationPath, "path");
    const SchemaAttribute *appPoolRow = row(applicationPath, "applicationPool");
    const SchemaAttribute *vdirRows[] = {
        row(vdirPath, "path"),        row(vdirPath, "physicalPath"),
        row(vdirPath, "userName"),    row(vdirPath, "password"),
        row(vdirPath, "logonMethod"), row(vdirPath, "allowSubDirConfig")};
    const auto countChildren = [](pugi::xml_node node, const char *name) {
        std::size_t count = 0;
        for (pugi::xml_node child = node.child(name); child; child = child.next_sibling(name))
            ++count;
        return count;
    };
    host.sites.reserve(countChildren(sites, "site"));
    host.siteIndex.reserve(host.sites.capacity());
    const pugi::xml_node siteDefaults = sites.child("siteDefaults");
    const pugi::xml_node sitesAppDefaults = sites.child("applicationDefaults");
    const pugi::xml_node sitesVdirDefaults = sites.child("virtualDirectoryDefaults");
    for (pugi::xml_node siteNode = sites.child("site"); siteNode;
         siteNode = siteNode.next_sibling("site")) {
        Site site;
        site.origin = layer.origin(sitesSource.xml->position(siteNode));
        site.name = layer.value({siteNode}, "name", sitePath);
        site.id = layer.value({siteNode, siteDefaults}, "id", sitePath);
        site.serverAutoStart = layer.value({siteNode, siteDefaults}, "serverAutoStart", sitePath);
        for (pugi::xml_node binding = siteNode.child("bindings").child("binding"); binding;
             binding = binding.next_sibling("binding"))
            site.bindings.push_back({binding.attribute("protocol").value(),
                                     binding.attribute("bindingInformation").value(),
                                     layer.origin(sitesSource.xml->position(binding))});
        site.applications.reserve(countChildren(siteNode, "application"));
        const pugi::xml_node siteAppDefaults = siteNode.child("applicationDefaults");
        const pugi::xml_node siteVdirDefaults = siteNode.child("virtualDirectoryDefaults");
        for (pugi::xml_node appNode = siteNode.child("application"); appNode;
             appNode = appNode.next_sibling("application")) {
            Application application;
            application.origin = layer.origin(sitesSource.xml->position(appNode));
            application.path = layer.value({appNode}, "path", appPathRow);
            application.virtualDirectories.reserve(countChildren(appNode, "virtualDirectory"));
            application.applicationPool = layer.value({appNode, siteAppDefaults, sitesAppDefaults},
                                                      "applicationPool", appPoolRow);
            const pugi::xml_node appVdirDefaults = appNode.child("virtualDirectoryDefaults");
            for (pugi::xml_node vdirNode = appNode.child("virtualDirectory"); vdirNode;
                 vdirNode = vdirNode.next_sibling("virtualDirectory")) {
                const auto value = [&](const char *attribute, const SchemaAttribute *schema) {
                    return layer.value(
                        {vdirNode, appVdirDefaults, siteVdirDefaults, sitesVdirDefaults}, attribute,
                        schema);
                };
                VirtualDirectory directory;
                directory.origin = layer.origin(sitesSource.xml->position(vdirNode));
                directory.path = layer.value({vdirNode}, "path", vdirRows[0]);
                directory.physicalPath = value("physicalPath", vdirRows[1]);
                directory.userName = value("userName", vdirRows[2]);
                directory.password = value("password", vdirRows[3]);
                directory.logonMethod = value("logonMethod", vdirRows[4]);
                directory.allowSubDirConfig = value("allowSubDirConfig", vdirRows[5]);
                application.virtualDirectories.push_back(directory);
            }
            site.applications.push_back(std::move(application));
        }
        const std::string key = toLowerAscii(site.name.text);
        if (!host.siteIndex.emplace(key, host.sites.size()).second)
            host.problems.push_back(sitesSource.xml->location(siteNode).toString() +
                                    ": a second site named '" + std::string(site.name.text) +
                                    "' (C1.36: IIS rejects duplicate keys)");
        host.sites.push_back(std::move(site));
    }

    std::vector<LockViolation> ignoredViolations; // one level: no lock can bind
    ElementMerger merger(version, ignoredViolations, host.problems);
    const pugi::xml_node poolDefaults = pools.child("applicationPoolDefaults");
    for (pugi::xml_node poolNode = pools.child("add"); poolNode;
         poolNode = poolNode.next_sibling("add")) {
        ApplicationPool pool;
        if (poolDefaults) // C1.49: wherever it stands, even after the pools
            merger.apply(pool.settings, poolDefaults, poolPath, poolsSource);
        merger.apply(pool.settings, poolNode, poolPath, poolsSource);
        merger.fillDefaults(pool.settings, poolPath);
        pool.name = pool.settings.value("name");
        pool.origin = pool.settings.origin;
        host.poolIndex.emplace(toLowerAscii(pool.name.text), host.pools.size());
        host.pools.push_back(std::move(pool));
    }
    return host;
}

VersionChoice chooseIisVersion(std::optional<SchemaVersion> option, const ConfigFile *appHost) {
    if (option)
        return {*option, "option"};
    if (appHost == nullptr)
        return {SchemaVersion::V10_0, "default"};
    bool cng = false;
    bool aes = false;
    const pugi::xml_node root = appHost->xml().root();
    for (pugi::xml_node provider :
         root.child("configProtectedData").child("providers").children("add")) {
        const std::string name = toLowerAscii(provider.attribute("name").value());
        cng = cng || name.find("cngprovider") != std::string::npos;
        aes = aes || name.find("aesprovider") != std::string::npos;
    }
    if (cng)
        return {SchemaVersion::V10_0, "inferred: a CNG provider in <configProtectedData> (IIS 10)"};
    const pugi::xml_node pools = root.child("system.applicationHost").child("applicationPools");
    // C1.9: IIS Express uses AES providers in every version, so they prove nothing there.
    bool express = false;
    for (pugi::xml_node pool : pools.children("add")) {
        const std::string_view name = pool.attribute("name").value();
        express = express || name == "Clr4IntegratedAppPool" || name == "IISExpressAppPool";
    }
    for (pugi::xml_node module :
         root.child("system.webServer").child("globalModules").children("add"))
        express =
            express || std::string_view(module.attribute("image").value()).find("%IIS_BIN%") !=
                           std::string_view::npos;
    if (aes && express)
        return {SchemaVersion::V10_0, "default (an IIS Express file: its AES providers do not tell "
                                      "the version)"};
    if (aes) {
        bool profileEnvironment = static_cast<bool>(pools.child("applicationPoolDefaults")
                                                        .child("processModel")
                                                        .attribute("setProfileEnvironment"));
        for (pugi::xml_node pool : pools.children("add"))
            profileEnvironment =
                profileEnvironment || pool.child("processModel").attribute("setProfileEnvironment");
        if (profileEnvironment)
            return {SchemaVersion::V8_5, "inferred: only AES providers in <configProtectedData> "
                                         "(before IIS 10) and setProfileEnvironment (8.0+)"};
        return {SchemaVersion::V7_5,
                "inferred: only AES providers in <configProtectedData> (before "
                "IIS 10), no setProfileEnvironment (7.x; 7.0 cannot be told "
                "from 7.5)"};
    }
    return {SchemaVersion::V10_0, "default"};
}

std::optional<std::string> mappedWindowsPath(std::string_view localPath,
                                             const PathMapping &mapping) {
    namespace fs = std::filesystem;
    const fs::path local = fs::path(mapping.localDirectory).lexically_normal();
    const fs::path relative =
        fs::path(std::string(localPath)).lexically_normal().lexically_relative(local);
    if (relative.empty() || *relative.begin() == "..")
        return std::nullopt;
    std::string windows = normaliseWindowsPath(mapping.windowsDirectory);
    if (relative != ".") {
        windows += '\\';
        windows += toLowerAscii(relative.generic_string());
        std::replace(windows.begin(), windows.end(), '/', '\\');
    }
    return windows;
}

std::vector<WebConfigPlacement> placeWebConfig(const ApplicationHost &host,
                                               std::string_view localPath,
                                               const std::vector<PathMapping> &mappings) {
    namespace fs = std::filesystem;
    const std::string folder =
        fs::path(std::string(localPath)).lexically_normal().parent_path().string();
    std::vector<WebConfigPlacement> out;
    for (const PathMapping &mapping : mappings) {
        const std::optional<std::string> mapped = mappedWindowsPath(folder, mapping);
        if (!mapped)
            continue;
        const std::string &windows = *mapped;
        for (const Site &site : host.sites) {
            for (const Application &application : site.applications) {
                for (const VirtualDirectory &directory : application.virtualDirectories) {
                    const std::string physical = normaliseWindowsPath(directory.physicalPath.text);
                    if (physical.empty())
                        continue;
                    const bool same = windows == physical;
                    if (!same &&
                        !(windows.starts_with(physical) && windows[physical.size()] == '\\'))
                        continue;
                    std::string rest = same ? "" : windows.substr(physical.size());
                    std::replace(rest.begin(), rest.end(), '\\', '/');
                    WebConfigPlacement placement;
                    placement.site = &site;
                    placement.urlPath =
                        joinUrl(joinUrl(application.path.text, directory.path.text), rest);
                    const bool known =
                        std::any_of(out.begin(), out.end(), [&](const WebConfigPlacement &p) {
                            return p.site == placement.site && p.urlPath == placement.urlPath;
                        });
                    if (!known)
                        out.push_back(std::move(placement));
                }
            }
        }
    }
    return out;
}

} // namespace iisid::config
