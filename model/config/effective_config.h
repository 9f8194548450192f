#pragma once

// The set of configuration files of one server and the effective configuration for any
// configuration path SITE/URL (C1.10, C1.15-C1.37): applicationHost.config, its <location>
// blocks, and the web.config files placed at their URL levels, with locks checked.

#include "model/config/apphost_config.h"
#include "model/config/config_file.h"
#include "model/config/element_merge.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace iisid::config {

/// One file the caller read (never opened by the reader): its name for messages, its path on
/// this machine (for --map placement and configSource) and its bytes.
struct InputFile {
    std::string name;
    std::string localPath;
    std::string bytes;
};

struct ConfigSetOptions {
    std::optional<SchemaVersion> version; // --iis-version
    std::vector<PathMapping> mappings;    // --map
};

/// A section's effective value at one configuration path.
struct EffectiveSection {
    std::string name;
    /// Attributes with their values, written or schema default, and their origins; child
    /// elements; collection entries in effective order.
    EffectiveElement element;
    /// Some level wrote the section (else everything is a schema default).
    bool written = false;
    /// A configSource file was not given: the values of that level are unknown (C1.31).
    bool unknown = false;
    Origin unknownAt;
    /// Q1 / C1.16: a web.config was applied after (so over) an applicationHost.config location
    /// for a deeper path. The file-major order used here is UNCONFIRMED: say so when both set
    /// the same attribute.
    bool fileOrderUnconfirmed = false;
    /// Settings a lower level wrote although they were locked (C1.24): not applied.
    std::vector<LockViolation> violations;
    /// Other configuration errors met on the way (duplicate entries, C1.13, C1.14).
    std::vector<std::string> problems;

    const ConfigValue *attribute(std::string_view attributeName) const {
        return element.attribute(attributeName);
    }
};

/// A web.config and the URL levels it was placed at.
struct PlacedWebConfig {
    std::uint32_t fileIndex = 0;
    std::vector<WebConfigPlacement> placements; // empty: it belongs to no URL (reported)
};

class ConfigSet {
public:
    ConfigSet(const ConfigSet &) = delete;
    ConfigSet &operator=(const ConfigSet &) = delete;
    ~ConfigSet();

    /// Reads every file: one applicationHost.config (at most), web.config files, and files a
    /// configSource names (only those given). Without an applicationHost.config the first
    /// web.config is the root of one site ("Default Web Site", pool "DefaultAppPool") with the
    /// IIS defaults of the version. Errors: unreadable or unrecognised files, two
    /// applicationHost.config files.
    static Result<std::unique_ptr<ConfigSet>> read(std::vector<InputFile> files,
                                                   const ConfigSetOptions &options);

    SchemaVersion version() const { return m_version.version; }
    /// "option", "inferred: …", "default".
    const std::string &versionFrom() const { return m_version.from; }
    const ApplicationHost &host() const { return m_host; }
    /// The applicationHost.config, or nullptr when only web.config files were given.
    const ConfigFile *appHostFile() const;
    const std::vector<PlacedWebConfig> &webConfigs() const { return m_webConfigs; }
    /// The configuration file at a file index (a web.config of webConfigs()), or nullptr for a
    /// file a configSource names.
    const ConfigFile *configFile(std::uint32_t fileIndex) const {
        return m_files[fileIndex].config.get();
    }
    /// The file name, kind and path of a file index (Origin::file).
    const std::string &fileName(std::uint32_t fileIndex) const { return m_files[fileIndex].name; }
    SourceLocation location(Origin origin) const;
    /// The number of files (Origin::file is below it); the built-in IIS defaults count as one.
    std::size_t fileCount() const { return m_files.size(); }
    /// Problems that do not stop the read (sites/pools errors, C1.22, placement failures).
    const std::vector<std::string> &problems() const { return m_problems; }

    /// The effective section (full name, "system.webServer/security/authentication/
    /// windowsAuthentication") at SITE + URL (url "/" = the site root). The reference stays
    /// valid as long as the set: each merged section is kept, once, for the set's lifetime
    /// (returning copies of them was some 5% of a check on 60,000 applications, issue 7 §6).
    const EffectiveSection &effectiveSection(std::string_view site, std::string_view url,
                                             std::string_view sectionName) const;

private:
    struct File {
        std::string name;
        std::string localPath;
        std::unique_ptr<ConfigFile> config; // a configuration file, or
        std::unique_ptr<XmlText> included;  // a file that a configSource names
    };
    struct PathBlock;
    struct Contribution;
    struct SectionKey;
    struct SectionKeyHash;
    struct Memo;
    ConfigSet();
    /// The blocks that apply at SITE + URL, in merge order: applicationHost.config's file level
    /// and locations from the site down, then the web.config files along the URL (C1.15, C1.16).
    void pathBlocks(std::vector<PathBlock> &out, std::string_view site, std::string_view url) const;
    EffectiveSection merge(const std::vector<Contribution> &contributions,
                           std::string_view sectionName) const;
    const XmlText *includedFile(std::uint32_t fromFile, std::string_view configSource,
                                std::uint32_t &index) const;
    /// sectionElements(block.node, sectionName) through the block's first-level index.
    void blockSection(std::vector<pugi::xml_node> &out, std::uint32_t fileIndex,
                      const LocationBlock &block, std::string_view sectionName) const;

    std::vector<File> m_files;
    std::uint32_t m_appHost = 0; // index of the applicationHost.config (or the built-in one)
    VersionChoice m_version;
    ApplicationHost m_host;
    std::vector<PlacedWebConfig> m_webConfigs;
    std::vector<std::string> m_problems;
    /// Per file, per block (ConfigFile::blocks() order): the block element's children other
    /// than <location>, built once in read(). The file level of an applicationHost.config holds
    /// every <location> as a sibling of <system.webServer>: without this each section lookup
    /// walked them all (issue 7 §6).
    std::vector<std::vector<std::vector<pugi::xml_node>>> m_blockChildren;
    std::unique_ptr<Memo> m_memo;
};

} // namespace iisid::config
