#include "config_file.h"

#include "model/config/config_value.h"

#include <cstring>

namespace iisid::config {

namespace {

constexpr std::string_view metabaseNamespace = "urn:microsoft-catalog:XML_Metabase_V64_0";

OverrideMode parseMode(std::string_view text) {
    if (equalsIgnoreCase(text, "Allow"))
        return OverrideMode::Allow;
    if (equalsIgnoreCase(text, "Deny"))
        return OverrideMode::Deny;
    return OverrideMode::Inherit;
}

void collectDeclarations(pugi::xml_node group, const std::string &prefix,
                         std::unordered_map<std::string, SectionDeclaration> &out) {
    for (pugi::xml_node child : group.children()) {
        const std::string_view tag = child.name();
        const std::string name = prefix + child.attribute("name").value();
        if (tag == "sectionGroup") {
            collectDeclarations(child, name + "/", out);
        } else if (tag == "section") {
            SectionDeclaration declaration;
            declaration.name = name;
            declaration.overrideModeDefault =
                parseMode(child.attribute("overrideModeDefault").value());
            if (declaration.overrideModeDefault == OverrideMode::Inherit)
                declaration.overrideModeDefault = OverrideMode::Allow; // C1.20: missing = Allow
            declaration.allowDefinition = child.attribute("allowDefinition").value();
            declaration.allowLocation =
                !equalsIgnoreCase(child.attribute("allowLocation").value(), "false");
            declaration.node = child;
            out.insert_or_assign(name, std::move(declaration));
        }
    }
}

/// What a document that is not IIS 7+ configuration looks like, for the error message.
std::string lookalike(pugi::xml_node root) {
    const std::string_view name = root.name();
    if (name == "configuration" && root.attribute("xmlns").value() == metabaseNamespace)
        return "an IIS 6 MetaBase.xml (namespace " + std::string(metabaseNamespace) +
               "), not applicationHost.config or web.config";
    if (name == "configSchema")
        return "an IIS configuration schema file (<configSchema>)";
    if (name == "MetabaseSchema" || name == "MBSchema")
        return "an IIS 6 metabase schema (MBSchema.xml)";
    if (name == "appcmd")
        return "appcmd output (<appcmd>), not a configuration file";
    if (name == "Project")
        return "an MSBuild project file";
    return "an XML document whose root element is <" + std::string(name) +
           ">; IIS configuration files have <configuration>";
}

} // namespace

std::string_view toString(ConfigKind kind) {
    return kind == ConfigKind::ApplicationHost ? "applicationHost" : "webConfig";
}

std::string normaliseConfigPath(std::string_view path) {
    std::string out(path);
    for (char &c : out) {
        if (c == '\\')
            c = '/';
    }
    while (!out.empty() && out.front() == '/')
        out.erase(out.begin());
    while (!out.empty() && out.back() == '/')
        out.pop_back();
    if (out == ".")
        out.clear();
    return out;
}

std::vector<pugi::xml_node> sectionElements(pugi::xml_node container,
                                            std::string_view sectionName) {
    // The children named each segment, as node.child(name) / next_sibling(name) find them,
    // compared in place: a NUL-terminated copy of each segment, and a new list per level, were
    // a tenth of the section lookups of a check on 60,000 applications (issue 7 §6). A parsed
    // node's name is never empty, so an empty segment names nothing.
    std::vector<pugi::xml_node> level{container};
    std::vector<pugi::xml_node> next;
    while (!sectionName.empty()) {
        const std::size_t slash = sectionName.find('/');
        const std::string_view segment = sectionName.substr(0, slash);
        sectionName =
            slash == std::string_view::npos ? std::string_view() : sectionName.substr(slash + 1);
        next.clear();
        if (!segment.empty()) {
            for (pugi::xml_node node : level) {
                for (pugi::xml_node child = node.first_child(); child;
                     child = child.next_sibling()) {
                    if (segment == child.name())
                        next.push_back(child);
                }
            }
        }
        level.swap(next);
        if (level.empty())
            break;
    }
    return level;
}

std::vector<const LocationBlock *> ConfigFile::blocksAt(std::string_view path) const {
    std::vector<const LocationBlock *> out;
    const auto found = m_blocksByPath.find(toLowerAscii(path));
    if (found != m_blocksByPath.end()) {
        for (std::size_t index : found->second)
            out.push_back(&m_blocks[index]);
    }
    return out;
}

const SectionDeclaration *ConfigFile::declaration(std::string_view sectionName) const {
    const auto found = m_declarations.find(std::string(sectionName));
    return found == m_declarations.end() ? nullptr : &found->second;
}

std::optional<Diagnostic> notConfiguration(const XmlText &xml) {
    const pugi::xml_node root = xml.root();
    if (std::strcmp(root.name(), "configuration") != 0 ||
        root.attribute("xmlns").value() == metabaseNamespace)
        return errorAt(xml.location(root),
                       "not an IIS 7+ configuration file: this looks like " + lookalike(root));
    return std::nullopt;
}

Result<std::unique_ptr<ConfigFile>> readConfigFile(std::string_view bytes, std::string fileName) {
    Result<std::unique_ptr<XmlText>> parsed = XmlText::parse(bytes, std::move(fileName));
    if (!parsed)
        return parsed.errors();
    return readConfigFile(std::move(parsed.value()));
}

Result<std::unique_ptr<ConfigFile>> readConfigFile(std::unique_ptr<XmlText> parsed) {
    std::unique_ptr<ConfigFile> file(new ConfigFile());
    file->m_xml = std::move(parsed);
    const XmlText &xml = *file->m_xml;
    const pugi::xml_node root = xml.root();
    if (std::optional<Diagnostic> problem = notConfiguration(xml))
        return *problem;
    file->m_kind =
        root.child("system.applicationHost") ? ConfigKind::ApplicationHost : ConfigKind::WebConfig;

    for (pugi::xml_node sections = root.child("configSections"); sections;
         sections = sections.next_sibling("configSections"))
        collectDeclarations(sections, "", file->m_declarations);

    file->m_blocks.push_back(LocationBlock{root, "", OverrideMode::Inherit, {}, true, false});
    for (pugi::xml_node location = root.child("location"); location;
         location = location.next_sibling("location")) {
        LocationBlock block;
        block.node = location;
        block.isLocation = true;
        block.path = normaliseConfigPath(location.attribute("path").value());
        const pugi::xml_attribute mode = location.attribute("overrideMode");
        const pugi::xml_attribute legacy = location.attribute("allowOverride");
        if (mode && legacy)
            file->m_problems.push_back({xml.location(legacy),
                                        "a <location> may not have both allowOverride and "
                                        "overrideMode (C1.22); overrideMode is used"});
        if (mode) {
            block.overrideMode = parseMode(mode.value());
            block.modeSource = location;
        } else if (legacy) {
            // C1.22: allowOverride="true|false" = overrideMode="Allow|Deny".
            block.overrideMode = equalsIgnoreCase(legacy.value(), "false") ? OverrideMode::Deny
                                                                           : OverrideMode::Allow;
            block.modeSource = location;
        }
        block.inheritInChildApplications =
            !equalsIgnoreCase(location.attribute("inheritInChildApplications").value(), "false");
        file->m_blocks.push_back(std::move(block));
    }
    for (std::size_t i = 0; i < file->m_blocks.size(); ++i)
        file->m_blocksByPath[toLowerAscii(file->m_blocks[i].path)].push_back(i);
    return file;
}

} // namespace iisid::config
