#pragma once

// The merge of configuration elements down the hierarchy (C1.32-C1.37) with the element and
// attribute locks of C1.25: one XML element at a time is applied onto an EffectiveElement.

#include "model/config/config_value.h"
#include "model/config/schema_defaults.h"
#include "model/config/xml_text.h"

#include <string>
#include <vector>

namespace iisid::config {

/// A setting that a lower level wrote although a higher level locked it (C1.24, C1.25): IIS
/// answers 500.19 (0x80070021) for the path; the checker reports IISID-CONFIG-SECTION-LOCKED.
/// The setting is not applied.
struct LockViolation {
    std::string what; // "section system.webServer/...", "attribute 'userName' of ...", ...
    Origin where;     // the element or attribute that breaks the lock
    std::string lock; // overrideModeDefault="Deny", overrideMode="Deny", lockAttributes, ...
    Origin lockedAt;  // where the lock is declared (unknown for a built-in default)
};

/// Where one element comes from, for the merge.
struct MergeSource {
    const XmlText *xml = nullptr;
    std::uint32_t fileIndex = 0;
    /// The file level: 0 = applicationHost.config, then web.config files down the URL. A lock
    /// binds only levels greater than the one that set it ("from the level where they are set
    /// downwards", C1.25).
    int level = 0;
};

class ElementMerger {
public:
    ElementMerger(SchemaVersion version, std::vector<LockViolation> &violations,
                  std::vector<std::string> &problems)
        : m_version(version)
        , m_violations(violations)
        , m_problems(problems) {}

    /// Applies element (whose schema path is elementPath) onto target: attributes override,
    /// child elements merge, collections follow <add>/<remove>/<clear> and mergeAppend.
    void apply(EffectiveElement &target, pugi::xml_node element, std::string_view elementPath,
               const MergeSource &source);

    /// Adds the schema defaults (for the version) of every attribute nobody wrote, here and
    /// below; a schema child element nobody wrote is added with its defaults.
    void fillDefaults(EffectiveElement &target, std::string_view elementPath) const;

    /// Turns a written attribute into a ConfigValue (secret/encrypted from the schema flags
    /// and the name).
    ConfigValue written(pugi::xml_attribute attribute, std::string_view elementPath,
                        const MergeSource &source) const;

private:
    void applyAttributes(EffectiveElement &target, pugi::xml_node element,
                         std::string_view elementPath, const MergeSource &source);
    bool elementLocked(const EffectiveElement &target, std::string_view childName,
                       pugi::xml_node child, std::string_view elementPath,
                       const MergeSource &source);
    void applyCollectionDirective(EffectiveElement &target, pugi::xml_node directive,
                                  const SchemaCollection &collection, std::string_view elementPath,
                                  const MergeSource &source, std::size_t &insertAt);
    std::string entryKey(const EffectiveElement &entry, const SchemaCollection &collection) const;
    std::string entryKey(pugi::xml_node directive, const SchemaCollection &collection) const;
    Origin origin(pugi::xml_node node, const MergeSource &source) const;
    Origin origin(pugi::xml_attribute attribute, const MergeSource &source) const;

    SchemaVersion m_version;
    std::vector<LockViolation> &m_violations;
    std::vector<std::string> &m_problems;
};

} // namespace iisid::config
