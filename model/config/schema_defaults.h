#pragma once

// The IIS configuration schema facts the reader needs, per IIS version: attribute defaults and
// flags (encrypted, expanded, case-sensitive), and collection directives and keys. The IIS 10
// rows are generated from the schema file (schema_table.inc); the few differences of earlier
// versions are hand-written in schema_defaults.cpp, each citing its source.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iisid::config {

enum class SchemaVersion { V7_0, V7_5, V8_0, V8_5, V10_0 };

/// "7.0", "7.5", "8.0", "8.5", "10.0".
std::string_view toString(SchemaVersion version);
std::optional<SchemaVersion> parseIisVersion(std::string_view text);

enum AttributeFlag : unsigned {
    None = 0,
    Encrypted = 1,     // encrypted="true": a secret, normally "[enc:provider:payload:enc]"
    Expanded = 2,      // expanded="true": %VARIABLES% are expanded when read
    CaseSensitive = 4, // caseSensitive="true"
};

enum class SchemaFile { S10, SA10, SANCM };

/// One attribute of the schema. elementPath is the section name followed by the element names
/// down to the attribute's element, collection entries named by their add element
/// ("system.applicationHost/applicationPools/add/processModel").
struct SchemaAttribute {
    std::string_view elementPath;
    std::string_view name;
    std::optional<std::string_view> defaultValue; // nullopt: the schema gives none
    unsigned flags = AttributeFlag::None;
    SchemaFile file = SchemaFile::S10;
    int line = 0; // the line of the attribute in that schema file
};

/// A collection: the element that holds it and its directives.
struct SchemaCollection {
    std::string_view elementPath;
    std::string_view addElement;
    std::string_view removeElement; // "" when the collection has none
    std::string_view clearElement;
    std::vector<std::string_view> keys;
    bool mergeAppend = true; // false: a lower level's entries come before inherited ones
    bool keyCaseSensitive = false;
    int line = 0;
};

/// The attribute as the given IIS version's schema declares it; nullptr when that version (or
/// the table, which holds the identity-relevant sections only) has no such attribute.
const SchemaAttribute *schemaAttribute(SchemaVersion version, std::string_view elementPath,
                                       std::string_view name);
/// Every attribute of one element (in schema order) for that version.
std::vector<const SchemaAttribute *> schemaAttributes(SchemaVersion version,
                                                      std::string_view elementPath);
/// The names of the schema's child elements of an element (not collection entries).
const std::vector<std::string_view> &schemaChildElements(std::string_view elementPath);
/// The collection held by the element, or nullptr.
const SchemaCollection *schemaCollection(std::string_view elementPath);
/// The IIS 10 table as generated (for the test that compares it with the schema file).
const std::vector<SchemaAttribute> &iis10SchemaAttributes();
const std::vector<SchemaCollection> &schemaCollections();

} // namespace iisid::config
