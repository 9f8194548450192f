#pragma once

#include "model/diagnostic.h"
#include "model/scenario.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

// Reads an IIS 6 MetaBase.xml (config-semantics.md §3) into its keys, each property keeping the
// place it was written. What the keys mean (inheritance, sites, applications, pools) is in
// metabase_effective.h.
namespace iisid::config {

/// The namespace of a real MetaBase.xml's <configuration> (C3.2).
inline constexpr std::string_view metabaseNamespace = "urn:microsoft-catalog:XML_Metabase_V64_0";

struct MetabaseValue {
    /// As written, entities decoded, line breaks normalised to LF (MULTISZ values keep them).
    std::string text;
    /// The attribute's name (for a <Custom> property: its Value attribute).
    SourceLocation location;
    /// A SECURE property (C3.6): the text is the encrypted hex blob; outputs redact it.
    bool secret = false;
};

struct MetabaseEntry {
    std::string name;
    MetabaseValue value;
    /// Whether keys below take this value (C3.7): from the schema table for the properties the
    /// reader knows, from a <Custom> element's Attributes, otherwise false.
    bool inherits = false;
};

/// One metabase key: one element inside <MBProperty> (C3.2).
struct MetabaseKey {
    /// The element's local name, the key type: IIsWebServer, IIsWebVirtualDir, …
    std::string type;
    /// The Location attribute as written: /LM/W3SVC/1/ROOT.
    std::string path;
    /// The element's start tag.
    SourceLocation location;
    /// Schema-defined properties (attributes) then <Custom> ones, in document order.
    std::vector<MetabaseEntry> properties;

    /// The property named exactly so, or nullptr.
    const MetabaseEntry *find(std::string_view name) const;
};

struct Metabase {
    std::string fileName;
    /// <configuration> binds metabaseNamespace (a real file does; test copies may not).
    bool namespaced = false;
    /// Document order, which is path order in a file IIS wrote.
    std::vector<MetabaseKey> keys;
    /// Things read past: an element without Location, a repeated Location.
    std::vector<Diagnostic> warnings;

    /// The key at path, compared case-insensitively (C3.4), ignoring a trailing '/'; nullptr if
    /// the file has none. A path given twice resolves to the first.
    const MetabaseKey *findKey(std::string_view path) const;

    /// lower-cased path without a trailing '/' → index in keys.
    std::unordered_map<std::string, std::size_t> index;
};

/// Whether UTF-8 text is an IIS 6 metabase, by content (check-format.md): the root
/// <configuration> binds metabaseNamespace, or holds an <MBProperty> element (C3.2's copies
/// without the namespace). Looks only at the first 64 KiB.
bool looksLikeMetabase(std::string_view utf8Text);

/// Reads a MetaBase.xml. Bytes as on disk (UTF-8 with or without BOM, UTF-16 with BOM). A
/// DOCTYPE is skipped, never processed: no entity is expanded and nothing else is opened. Errors
/// (not well-formed, not a metabase, duplicate attribute) name file:line:column.
Result<Metabase> readMetabase(std::string_view bytes, const std::string &fileName);

/// Lower-cases ASCII and drops one trailing '/': the form keys are compared in (C3.4).
std::string normalisedKeyPath(std::string_view path);

} // namespace iisid::config
