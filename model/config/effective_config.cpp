#include "effective_config.h"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <mutex>
#include <unordered_map>

namespace iisid::config {

namespace {

/// The server a lone web.config is checked on (check-format.md): one site, one pool with the
/// stock pool defaults (managedRuntimeVersion="v4.0" in <applicationPoolDefaults>, as IIS 8+
/// installs write it: corpus KranzA L151; the schema default alone is "" from IIS 8.0), the
/// stock IIS 10 delegation of the identity sections (STOCK10 lines 43-105) and the stock
/// unlocking of handlers and modules with the static file handler last (STOCK10 line 818 ff.).
constexpr std::string_view builtInAppHost = R"(<configuration>
<configSections>
 <sectionGroup name="system.applicationHost">
  <section name="applicationPools" allowDefinition="AppHostOnly" overrideModeDefault="Deny" />
  <section name="sites" allowDefinition="AppHostOnly" overrideModeDefault="Deny" />
 </sectionGroup>
 <sectionGroup name="system.webServer">
  <section name="asp" overrideModeDefault="Deny" />
  <section name="cgi" overrideModeDefault="Deny" />
  <section name="fastCgi" allowDefinition="AppHostOnly" overrideModeDefault="Deny" />
  <section name="globalModules" allowDefinition="AppHostOnly" overrideModeDefault="Deny" />
  <section name="handlers" overrideModeDefault="Deny" />
  <section name="isapiFilters" allowDefinition="MachineToApplication" overrideModeDefault="Deny" />
  <section name="modules" allowDefinition="MachineToApplication" overrideModeDefault="Deny" />
  <sectionGroup name="security">
   <section name="access" overrideModeDefault="Deny" />
   <sectionGroup name="authentication">
    <section name="anonymousAuthentication" overrideModeDefault="Deny" />
    <section name="basicAuthentication" overrideModeDefault="Deny" />
    <section name="clientCertificateMappingAuthentication" overrideModeDefault="Deny" />
    <section name="digestAuthentication" overrideModeDefault="Deny" />
    <section name="iisClientCertificateMappingAuthentication" overrideModeDefault="Deny" />
    <section name="windowsAuthentication" overrideModeDefault="Deny" />
   </sectionGroup>
   <section name="authorization" overrideModeDefault="Allow" />
   <section name="isapiCgiRestriction" allowDefinition="AppHostOnly" overrideModeDefault="Deny" />
   <section name="requestFiltering" overrideModeDefault="Allow" />
  </sectionGroup>
  <section name="serverRuntime" overrideModeDefault="Deny" />
  <section name="validation" overrideModeDefault="Allow" />
 </sectionGroup>
</configSections>
<system.applicationHost>
 <applicationPools><add name="DefaultAppPool" /><applicationPoolDefaults managedRuntimeVersion="v4.0" /></applicationPools>
 <sites>
  <site name="Default Web Site" id="1">
   <bindings><binding protocol="http" bindingInformation="*:80:" /></bindings>
   <application path="/" applicationPool="DefaultAppPool">
    <virtualDirectory path="/" physicalPath="%SystemDrive%\inetpub\wwwroot" />
   </application>
  </site>
 </sites>
</system.applicationHost>
<location path="" overrideMode="Allow">
 <system.webServer>
  <handlers accessPolicy="Read, Script">
   <add name="StaticFile" path="*" verb="*" modules="StaticFileModule,DefaultDocumentModule,DirectoryListingModule" resourceType="Either" requireAccess="Read" />
  </handlers>
 </system.webServer>
</location>
</configuration>
)";
constexpr std::string_view builtInName = "<IIS defaults>";
constexpr std::string_view locationElement = "location";

/// "site/url" as a lower-case key without leading or trailing '/'.
std::string pathKey(std::string_view site, std::string_view url) {
    std::string key = toLowerAscii(normaliseConfigPath(site));
    const std::string rest = toLowerAscii(normaliseConfigPath(url));
    if (!rest.empty())
        key += (key.empty() ? "" : "/") + rest;
    return key;
}

bool isAncestorOrSelf(std::string_view ancestor, std::string_view key) {
    return ancestor.empty() || key == ancestor ||
           (key.size() > ancestor.size() && key.starts_with(ancestor) &&
            key[ancestor.size()] == '/');
}

std::size_t depth(std::string_view key) {
    return key.empty() ? 0 : static_cast<std::size_t>(std::count(key.begin(), key.end(), '/')) + 1;
}

std::string modeText(const LocationBlock &block) {
    if (block.modeSource.attribute("overrideMode"))
        return "overrideMode=\"" + std::string(block.modeSource.attribute("overrideMode").value()) +
               "\"";
    return "allowOverride=\"" + std::string(block.modeSource.attribute("allowOverride").value()) +
           "\"";
}

} // namespace

/// A block that applies at a path: its file, level, the depth of its path (an ancestor-or-self
/// of the path asked: the depth names it), whether it reaches the path (C1.28).
struct ConfigSet::PathBlock {
    const LocationBlock *block = nullptr;
    std::uint32_t fileIndex = 0;
    int level = 0;
    std::uint32_t depth = 0;
    bool inherited = true; // false: cut off by inheritInChildApplications="false" (C1.28)
};

/// One element of the section from one block. Every block's path is an ancestor-or-self of the
/// path asked, so two of them are the same path when their depths are equal and one encloses
/// the other when its depth is not greater: the merge compares depths.
struct ConfigSet::Contribution {
    pugi::xml_node element;
    std::uint32_t fileIndex = 0;
    int level = 0;
    std::uint32_t depth = 0;
    const LocationBlock *block = nullptr;
    bool inherited = true;
};

/// What an effective section is computed from: the section and its contributions. Every key is
/// an ancestor-or-self of the path asked, so a key's depth tells all the merge asks of it
/// (equality, ancestry, depth): paths whose contributions are the same elements from the same
/// blocks at the same depths have the same effective section (most applications of a server).
struct ConfigSet::SectionKey {
    struct Part {
        const void *element = nullptr;
        const LocationBlock *block = nullptr;
        std::uint32_t fileIndex = 0;
        int level = 0;
        std::uint32_t depth = 0;
        bool inherited = true;
        bool operator==(const Part &) const = default;
    };
    std::string section;
    std::vector<Part> parts;
    bool operator==(const SectionKey &) const = default;
};

struct ConfigSet::SectionKeyHash {
    std::size_t operator()(const SectionKey &key) const {
        std::size_t seed = std::hash<std::string>{}(key.section);
        const auto combine = [&seed](std::size_t value) {
            seed ^= value + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2);
        };
        for (const SectionKey::Part &part : key.parts) {
            combine(std::hash<const void *>{}(part.element));
            combine(std::hash<const void *>{}(part.block));
            combine(part.fileIndex);
            combine(static_cast<std::size_t>(part.level));
            combine(part.depth);
            combine(part.inherited ? 1 : 0);
        }
        return seed;
    }
};

/// The memo of effectiveSection (issue 7 §6): the blocks of the path asked last (callers ask
/// for many sections of one path in a row; keeping every path's saved 2% of the check for 8 MB
/// on 20,000 sites) and every effective section computed, by what it is computed from. Behind
/// a mutex: effectiveSection is const and may be called from more than one thread.
struct ConfigSet::Memo {
    std::mutex mutex;
    bool hasPath = false;
    std::string site;
    std::string url;
    std::vector<PathBlock> blocks;
    std::unordered_map<SectionKey, EffectiveSection, SectionKeyHash> sections;
    /// blockSection() of the files' own levels (not <location> blocks) by section name: every
    /// path's blocks start with them, so on 60,000 applications each was walked for every path
    /// (issue 7 §6). A few files and sections: little memory.
    struct NameHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view name) const {
            return std::hash<std::string_view>{}(name);
        }
    };
    std::unordered_map<
        const LocationBlock *,
        std::unordered_map<std::string, std::vector<pugi::xml_node>, NameHash, std::equal_to<>>>
        fileLevels;
};

ConfigSet::ConfigSet()
    : m_memo(std::make_unique<Memo>()) {}

ConfigSet::~ConfigSet() = default;

const ConfigFile *ConfigSet::appHostFile() const {
    const File &file = m_files[m_appHost];
    return file.name == builtInName ? nullptr : file.config.get();
}

SourceLocation ConfigSet::location(Origin origin) const {
    if (origin.file >= m_files.size())
        return {};
    return {m_files[origin.file].name, static_cast<int>(origin.line),
            static_cast<int>(origin.column)};
}

Result<std::unique_ptr<ConfigSet>> ConfigSet::read(std::vector<InputFile> files,
                                                   const ConfigSetOptions &options) {
    std::unique_ptr<ConfigSet> set(new ConfigSet());
    std::vector<Diagnostic> errors;
    std::vector<std::pair<std::size_t, Diagnostic>> nonConfiguration; // maybe configSource files
    std::optional<std::uint32_t> appHost;
    for (InputFile &input : files) {
        Result<std::unique_ptr<XmlText>> xml =
            XmlText::parseOwned(std::move(input.bytes), input.name);
        if (!xml) {
            errors.insert(errors.end(), xml.errors().begin(), xml.errors().end());
            continue;
        }
        File file;
        file.name = input.name;
        file.localPath = input.localPath;
        if (std::optional<Diagnostic> problem = notConfiguration(*xml.value())) {
            // Kept: a configSource file has the section as its root (<sites>, <handlers>).
            nonConfiguration.emplace_back(set->m_files.size(), std::move(*problem));
            file.included = std::move(xml.value());
        } else {
            file.config = std::move(readConfigFile(std::move(xml.value())).value());
            if (file.config->kind() == ConfigKind::ApplicationHost) {
                if (appHost)
                    errors.push_back(errorAt({input.name, 1, 1},
                                             "a second applicationHost.config; give the files of "
                                             "one server at a time (the first is " +
                                                 set->m_files[*appHost].name + ")"));
                appHost = static_cast<std::uint32_t>(set->m_files.size());
            }
        }
        set->m_files.push_back(std::move(file));
    }
    if (!appHost) {
        File file;
        file.name = std::string(builtInName);
        file.config = std::move(readConfigFile(builtInAppHost, file.name).value());
        appHost = static_cast<std::uint32_t>(set->m_files.size());
        set->m_files.push_back(std::move(file));
    }
    set->m_appHost = *appHost;
    set->m_blockChildren.resize(set->m_files.size());
    for (std::size_t i = 0; i < set->m_files.size(); ++i) {
        if (const ConfigFile *config = set->m_files[i].config.get()) {
            for (const LocationBlock &block : config->blocks()) {
                std::vector<pugi::xml_node> &children = set->m_blockChildren[i].emplace_back();
                for (pugi::xml_node child = block.node.first_child(); child;
                     child = child.next_sibling()) {
                    // Every named child, as pugi's child(name) would find it.
                    if (*child.name() != '\0' && std::string_view(child.name()) != locationElement)
                        children.push_back(child);
                }
            }
        }
    }
    // A non-configuration file is accepted only when a configSource names it.
    for (const auto &[index, error] : nonConfiguration) {
        bool named = false;
        for (std::uint32_t from = 0; from < set->m_files.size() && !named; ++from) {
            const ConfigFile *config = set->m_files[from].config.get();
            if (config == nullptr)
                continue;
            for (const pugi::xpath_node &node :
                 config->xml().document().select_nodes("//*[@configSource]")) {
                std::uint32_t found = 0;
                if (set->includedFile(from, node.node().attribute("configSource").value(), found) &&
                    found == index)
                    named = true;
            }
        }
        if (!named)
            errors.push_back(error);
    }
    if (!errors.empty())
        return errors;

    const ConfigFile &host = *set->m_files[set->m_appHost].config;
    set->m_version = chooseIisVersion(options.version, set->appHostFile());
    for (const Diagnostic &problem : host.problems())
        set->m_problems.push_back(problem.toString());
    // sites and applicationPools, through configSource when they use it (C1.31).
    const auto section = [&](const char *name, MergeSource &source) {
        source = {&host.xml(), set->m_appHost, 0};
        const std::vector<pugi::xml_node> found =
            sectionElements(host.xml().root(), std::string("system.applicationHost/") + name);
        if (found.empty())
            return pugi::xml_node();
        if (const pugi::xml_attribute configSource = found.front().attribute("configSource")) {
            std::uint32_t index = 0;
            if (const XmlText *included =
                    set->includedFile(set->m_appHost, configSource.value(), index)) {
                source = {included, index, 0};
                return included->root();
            }
            set->m_problems.push_back(host.xml().location(configSource).toString() + ": <" + name +
                                      " configSource=\"" + configSource.value() +
                                      "\">: that file was not given, so the " + name +
                                      " are unknown (C1.31)");
        }
        return found.front();
    };
    MergeSource sitesSource;
    MergeSource poolsSource;
    const pugi::xml_node sites = section("sites", sitesSource);
    const pugi::xml_node pools = section("applicationPools", poolsSource);
    set->m_host =
        readApplicationHost(sites, sitesSource, pools, poolsSource, set->m_version.version);
    set->m_problems.insert(set->m_problems.end(), set->m_host.problems.begin(),
                           set->m_host.problems.end());

    // web.config placement (C1.45); without an applicationHost.config the shallowest folder is
    // the root of the one site.
    std::vector<std::uint32_t> webConfigs;
    for (std::uint32_t i = 0; i < set->m_files.size(); ++i) {
        const File &file = set->m_files[i];
        if (file.config != nullptr && file.config->kind() == ConfigKind::WebConfig)
            webConfigs.push_back(i);
    }
    std::vector<PathMapping> mappings = options.mappings;
    if (set->appHostFile() == nullptr && !webConfigs.empty()) {
        namespace fs = std::filesystem;
        fs::path root =
            fs::path(set->m_files[webConfigs.front()].localPath).lexically_normal().parent_path();
        for (std::uint32_t index : webConfigs) {
            const fs::path folder =
                fs::path(set->m_files[index].localPath).lexically_normal().parent_path();
            if (std::distance(folder.begin(), folder.end()) <
                std::distance(root.begin(), root.end()))
                root = folder;
        }
        mappings = {{"%SystemDrive%\\inetpub\\wwwroot", root.string()}};
    }
    for (std::uint32_t index : webConfigs) {
        PlacedWebConfig placed;
        placed.fileIndex = index;
        placed.placements = placeWebConfig(set->m_host, set->m_files[index].localPath, mappings);
        if (placed.placements.empty())
            set->m_problems.push_back(
                set->m_files[index].name +
                ": no virtual directory's physical path holds this web.config "
                "(give --map WINDOWS_DIR=LOCAL_DIR); it is not applied");
        set->m_webConfigs.push_back(std::move(placed));
    }
    return set;
}

const XmlText *ConfigSet::includedFile(std::uint32_t fromFile, std::string_view configSource,
                                       std::uint32_t &index) const {
    namespace fs = std::filesystem;
    std::string relative(configSource);
    std::replace(relative.begin(), relative.end(), '\\', '/');
    if (relative.empty() || relative.front() == '/' || relative.find("..") != std::string::npos)
        return nullptr; // C1.31: the same folder or a sub-folder only
    const fs::path wanted =
        (fs::path(m_files[fromFile].localPath).parent_path() / relative).lexically_normal();
    for (std::uint32_t i = 0; i < m_files.size(); ++i) {
        if (m_files[i].included == nullptr && m_files[i].config == nullptr)
            continue;
        if (toLowerAscii(fs::path(m_files[i].localPath).lexically_normal().generic_string()) ==
            toLowerAscii(wanted.generic_string())) {
            index = i;
            return m_files[i].included != nullptr ? m_files[i].included.get()
                                                  : &m_files[i].config->xml();
        }
    }
    return nullptr;
}

void ConfigSet::blockSection(std::vector<pugi::xml_node> &out, std::uint32_t fileIndex,
                             const LocationBlock &block, std::string_view sectionName) const {
    const std::size_t slash = sectionName.find('/');
    const std::string_view first = sectionName.substr(0, slash);
    const std::string_view rest =
        slash == std::string_view::npos ? std::string_view() : sectionName.substr(slash + 1);
    const std::vector<LocationBlock> &blocks = m_files[fileIndex].config->blocks();
    const std::less<const LocationBlock *> before;
    if (first == locationElement || first.empty() || before(&block, blocks.data()) ||
        !before(&block, blocks.data() + blocks.size())) {
        const std::vector<pugi::xml_node> found = sectionElements(block.node, sectionName);
        out.insert(out.end(), found.begin(), found.end());
        return;
    }
    // The same elements in the same order as sectionElements(block.node, …): level by level
    // under each first-level match in document order is the concatenation per match.
    for (pugi::xml_node child :
         m_blockChildren[fileIndex][static_cast<std::size_t>(&block - blocks.data())]) {
        if (std::string_view(child.name()) != first)
            continue;
        if (rest.empty()) {
            out.push_back(child);
        } else {
            const std::vector<pugi::xml_node> found = sectionElements(child, rest);
            out.insert(out.end(), found.begin(), found.end());
        }
    }
}

void ConfigSet::pathBlocks(std::vector<PathBlock> &out, std::string_view site,
                           std::string_view url) const {
    const std::string target = pathKey(site, url);
    // Application roots of the site, for inheritInChildApplications="false" (C1.28): listed
    // when a block says so (few do).
    std::optional<std::vector<std::string>> applicationKeys;
    const auto cutOff = [&](const std::string &key) {
        if (!applicationKeys) {
            applicationKeys.emplace();
            if (const Site *found = m_host.site(site)) {
                for (const Application &application : found->applications)
                    applicationKeys->push_back(pathKey(site, application.path.text));
            }
        }
        return std::any_of(
            applicationKeys->begin(), applicationKeys->end(), [&](const std::string &app) {
                return app != key && isAncestorOrSelf(key, app) && isAncestorOrSelf(app, target);
            });
    };
    const auto add = [&](const LocationBlock &block, std::uint32_t fileIndex, int level,
                         std::string key) {
        const bool inherited = block.inheritInChildApplications || !cutOff(key);
        out.push_back(
            {&block, fileIndex, level, static_cast<std::uint32_t>(depth(key)), inherited});
    };

    // applicationHost.config: the file level, then every location from the site down (C1.15).
    const ConfigFile &host = *m_files[m_appHost].config;
    std::vector<std::string> ancestors{""};
    for (std::size_t slash = target.find('/'); !target.empty();
         slash = target.find('/', slash + 1)) {
        ancestors.push_back(target.substr(0, slash));
        if (slash == std::string::npos)
            break;
    }
    for (const std::string &key : ancestors) {
        for (const LocationBlock *block : host.blocksAt(key))
            add(*block, m_appHost, 0, key);
    }

    // web.config files along the URL, shallowest first (C1.7, C1.16 file-major order). C1.30:
    // a pool with enableConfigurationOverride="false" ignores them.
    if (m_webConfigs.empty())
        return;
    if (const std::optional<UrlTarget> landing = m_host.resolveUrl(site, url);
        landing && landing->application != nullptr) {
        if (const ApplicationPool *pool = m_host.pool(landing->application->applicationPool.text);
            pool != nullptr &&
            equalsIgnoreCase(pool->value("enableConfigurationOverride").text, "false"))
            return;
    }
    struct Placed {
        std::uint32_t fileIndex;
        std::string key;
    };
    std::vector<Placed> placed;
    for (const PlacedWebConfig &webConfig : m_webConfigs) {
        for (const WebConfigPlacement &placement : webConfig.placements) {
            const std::string key = pathKey(placement.site->name.text, placement.urlPath);
            if (!isAncestorOrSelf(key, target) ||
                !equalsIgnoreCase(placement.site->name.text, site))
                continue;
            // C1.29: allowSubDirConfig="false" - no web.config below the vdir's own folder.
            if (const std::optional<UrlTarget> folder = m_host.resolveUrl(site, placement.urlPath);
                folder && folder->virtualDirectory != nullptr &&
                equalsIgnoreCase(folder->virtualDirectory->allowSubDirConfig.text, "false") &&
                pathKey(site, normaliseUrlPath(folder->application->path.text) +
                                  normaliseUrlPath(folder->virtualDirectory->path.text)) != key)
                continue;
            placed.push_back({webConfig.fileIndex, key});
        }
    }
    std::stable_sort(placed.begin(), placed.end(),
                     [](const Placed &a, const Placed &b) { return depth(a.key) < depth(b.key); });
    int level = 0;
    for (const Placed &webConfig : placed) {
        ++level;
        const ConfigFile &file = *m_files[webConfig.fileIndex].config;
        std::vector<std::pair<std::string, const LocationBlock *>> blocks;
        for (const LocationBlock &block : file.blocks()) {
            // C1.12: a web.config's location path is relative to its own URL.
            std::string key = webConfig.key;
            const std::string relative = toLowerAscii(block.path);
            if (!relative.empty())
                key += (key.empty() ? "" : "/") + relative;
            if (isAncestorOrSelf(key, target))
                blocks.emplace_back(std::move(key), &block);
        }
        std::stable_sort(blocks.begin(), blocks.end(), [](const auto &a, const auto &b) {
            return depth(a.first) < depth(b.first);
        });
        for (auto &[key, block] : blocks)
            add(*block, webConfig.fileIndex, level, key);
    }
}

const EffectiveSection &ConfigSet::effectiveSection(std::string_view site, std::string_view url,
                                                    std::string_view sectionName) const {
    const std::lock_guard<std::mutex> lock(m_memo->mutex);
    if (!m_memo->hasPath || m_memo->site != site || m_memo->url != url) {
        m_memo->blocks.clear();
        pathBlocks(m_memo->blocks, site, url);
        m_memo->site.assign(site);
        m_memo->url.assign(url);
        m_memo->hasPath = true;
    }
    std::vector<Contribution> contributions;
    SectionKey key{std::string(sectionName), {}};
    std::vector<pugi::xml_node> elements;
    for (const PathBlock &block : m_memo->blocks) {
        elements.clear();
        if (block.block->isLocation) {
            blockSection(elements, block.fileIndex, *block.block, sectionName);
        } else {
            auto &byName = m_memo->fileLevels[block.block];
            auto found = byName.find(sectionName);
            if (found == byName.end()) {
                found =
                    byName.emplace(std::string(sectionName), std::vector<pugi::xml_node>()).first;
                blockSection(found->second, block.fileIndex, *block.block, sectionName);
            }
            elements = found->second;
        }
        for (pugi::xml_node element : elements) {
            contributions.push_back(
                {element, block.fileIndex, block.level, block.depth, block.block, block.inherited});
            key.parts.push_back({element.internal_object(), block.block, block.fileIndex,
                                 block.level, block.depth, block.inherited});
        }
    }
    auto found = m_memo->sections.find(key);
    if (found == m_memo->sections.end())
        found = m_memo->sections.emplace(std::move(key), merge(contributions, sectionName)).first;
    return found->second;
}

EffectiveSection ConfigSet::merge(const std::vector<Contribution> &contributions,
                                  std::string_view sectionName) const {
    EffectiveSection section;
    section.name = std::string(sectionName);
    ElementMerger merger(m_version.version, section.violations, section.problems);
    const ConfigFile &host = *m_files[m_appHost].config;
    const SectionDeclaration *declaration = host.declaration(sectionName);

    for (std::size_t i = 0; i < contributions.size(); ++i) {
        const Contribution &c = contributions[i];
        const XmlText &xml = m_files[c.fileIndex].config->xml();
        const auto [line, column] = xml.position(c.element);
        const Origin where{c.fileIndex, static_cast<std::uint32_t>(line),
                           static_cast<std::uint32_t>(column)};
        // C1.13 / C1.14: one section once per path and file.
        for (std::size_t j = 0; j < i; ++j) {
            if (contributions[j].fileIndex == c.fileIndex && contributions[j].depth == c.depth)
                section.problems.push_back(xml.location(c.element).toString() + ": " +
                                           section.name +
                                           " is set twice for the same path in one file "
                                           "(C1.13, C1.14): IIS rejects the configuration");
        }
        if (!c.inherited)
            continue;
        if (c.level > 0) {
            // C1.20-C1.24: may this level set the section at all? The deepest explicit
            // overrideMode of a higher level for an enclosing path decides, else the default.
            const Contribution *mode = nullptr;
            for (const Contribution &d : contributions) {
                if (d.level < c.level && d.block->overrideMode != OverrideMode::Inherit &&
                    d.depth <= c.depth && (mode == nullptr || d.depth >= mode->depth))
                    mode = &d;
            }
            LockViolation violation{"section " + section.name, where, {}, {}};
            if (mode != nullptr && mode->block->overrideMode == OverrideMode::Deny) {
                violation.lock = modeText(*mode->block);
                const auto [l, col] =
                    m_files[mode->fileIndex].config->xml().position(mode->block->modeSource);
                violation.lockedAt = {mode->fileIndex, static_cast<std::uint32_t>(l),
                                      static_cast<std::uint32_t>(col)};
            } else if (mode == nullptr && declaration != nullptr &&
                       declaration->overrideModeDefault == OverrideMode::Deny) {
                violation.lock = "overrideModeDefault=\"Deny\"";
                const auto [l, col] = host.xml().position(declaration->node);
                violation.lockedAt = {m_appHost, static_cast<std::uint32_t>(l),
                                      static_cast<std::uint32_t>(col)};
            } else if (declaration != nullptr && declaration->allowDefinition == "AppHostOnly") {
                // C1.27: AppHostOnly sections may not appear in a web.config at all.
                violation.lock = "allowDefinition=\"AppHostOnly\"";
                const auto [l, col] = host.xml().position(declaration->node);
                violation.lockedAt = {m_appHost, static_cast<std::uint32_t>(l),
                                      static_cast<std::uint32_t>(col)};
            }
            if (!violation.lock.empty()) {
                section.violations.push_back(std::move(violation));
                continue;
            }
        }
        MergeSource source{&xml, c.fileIndex, c.level};
        pugi::xml_node element = c.element;
        if (const pugi::xml_attribute configSource = element.attribute("configSource")) {
            std::uint32_t index = 0;
            if (const XmlText *included = includedFile(c.fileIndex, configSource.value(), index)) {
                source = {included, index, c.level};
                element = included->root();
            } else {
                // C1.31: never opened, never guessed: that level is unknown.
                section.unknown = true;
                const auto [l, col] = xml.position(configSource);
                section.unknownAt = {c.fileIndex, static_cast<std::uint32_t>(l),
                                     static_cast<std::uint32_t>(col)};
                continue;
            }
        }
        section.written = true;
        if (c.level > 0) {
            for (std::size_t j = 0; j < i; ++j) {
                if (contributions[j].level == 0 && contributions[j].inherited &&
                    contributions[j].depth > c.depth)
                    section.fileOrderUnconfirmed = true;
            }
        }
        merger.apply(section.element, element, sectionName, source);
    }
    if (section.element.name.empty()) {
        // Nobody wrote it: the name of the section's last segment, defaults only.
        const std::size_t slash = sectionName.rfind('/');
        section.element.name = sectionName.substr(slash == std::string_view::npos ? 0 : slash + 1);
    }
    merger.fillDefaults(section.element, sectionName);
    return section;
}

} // namespace iisid::config
