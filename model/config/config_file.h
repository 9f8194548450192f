#pragma once

// One IIS 7+ configuration file (applicationHost.config or web.config), recognised by content,
// with its <location> blocks indexed by path and its <configSections> declarations.

#include "model/config/xml_text.h"
#include "model/diagnostic.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace iisid::config {

enum class ConfigKind {
    ApplicationHost, // root <configuration> with <system.applicationHost>
    WebConfig,       // any other <configuration>
};
std::string_view toString(ConfigKind kind); // "applicationHost", "webConfig"

enum class OverrideMode { Inherit, Allow, Deny };

/// The file level (the root element, path "") or one <location> element.
struct LocationBlock {
    pugi::xml_node node;
    /// As written, with '\' turned into '/' and leading/trailing '/' dropped; "" for the file
    /// level and for path="", path="." and a missing path (C1.11).
    std::string path;
    /// overrideMode, or the legacy allowOverride mapped onto it (C1.21, C1.22).
    OverrideMode overrideMode = OverrideMode::Inherit;
    pugi::xml_node modeSource;              // the <location> whose attribute set the mode, if any
    bool inheritInChildApplications = true; // C1.28
    bool isLocation = false;
};

/// A <section> of <configSections> (C1.20, C1.27).
struct SectionDeclaration {
    std::string name; // full name, "system.webServer/handlers"
    OverrideMode overrideModeDefault = OverrideMode::Allow; // missing = Allow (C1.20)
    std::string allowDefinition;                            // "" = Everywhere
    bool allowLocation = true;
    pugi::xml_node node;
};

class ConfigFile {
public:
    ConfigKind kind() const { return m_kind; }
    const XmlText &xml() const { return *m_xml; }
    const std::string &fileName() const { return m_xml->fileName(); }

    /// Block 0 is the file level; the others are the <location> elements in document order.
    const std::vector<LocationBlock> &blocks() const { return m_blocks; }
    /// The blocks whose path equals path (compared case-insensitively, C1.17).
    std::vector<const LocationBlock *> blocksAt(std::string_view path) const;
    const SectionDeclaration *declaration(std::string_view sectionName) const;
    /// Problems that do not stop the read (a location with both allowOverride and overrideMode).
    const std::vector<Diagnostic> &problems() const { return m_problems; }

private:
    friend Result<std::unique_ptr<ConfigFile>> readConfigFile(std::unique_ptr<XmlText>);
    ConfigKind m_kind = ConfigKind::WebConfig;
    std::unique_ptr<XmlText> m_xml;
    std::vector<LocationBlock> m_blocks;
    std::unordered_map<std::string, std::vector<std::size_t>> m_blocksByPath; // lower-case key
    std::unordered_map<std::string, SectionDeclaration> m_declarations;
    std::vector<Diagnostic> m_problems;
};

/// Reads one file: applicationHost.config or web.config by content (check-format.md "Kinds").
/// Anything else is an error that names what the file looks like.
Result<std::unique_ptr<ConfigFile>> readConfigFile(std::string_view bytes, std::string fileName);
/// Why a parsed document is not an IIS 7+ configuration file (what it looks like), or nullopt.
std::optional<Diagnostic> notConfiguration(const XmlText &xml);
/// The same for a parsed document.
Result<std::unique_ptr<ConfigFile>> readConfigFile(std::unique_ptr<XmlText> xml);

/// '\' -> '/', no leading or trailing '/', "." -> "" (C1.11, C1.17).
std::string normaliseConfigPath(std::string_view path);

/// The elements of a section under a container (a block's node), by the section's full name:
/// "system.webServer/security/authentication/anonymousAuthentication" is found below
/// <system.webServer><security><authentication>. Names are case-sensitive (C1.38).
std::vector<pugi::xml_node> sectionElements(pugi::xml_node container, std::string_view sectionName);

} // namespace iisid::config
