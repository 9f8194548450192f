#include "schema_defaults.h"

#include <algorithm>
#include <array>
#include <map>
#include <utility>

namespace iisid::config {

namespace {

constexpr SchemaFile S10 = SchemaFile::S10;
constexpr SchemaFile SA10 = SchemaFile::SA10;

std::optional<std::string_view> defaultOf(const char *value) {
    return value == nullptr ? std::nullopt : std::optional<std::string_view>(value);
}

std::vector<std::string_view> splitKeys(std::string_view keys) {
    std::vector<std::string_view> out;
    while (!keys.empty()) {
        const std::size_t comma = keys.find(',');
        out.push_back(keys.substr(0, comma));
        keys = comma == std::string_view::npos ? std::string_view() : keys.substr(comma + 1);
    }
    return out;
}

std::vector<SchemaAttribute> buildAttributes() {
    std::vector<SchemaAttribute> rows{
#define IISID_SCHEMA_ATTRIBUTE(path, name, value, flags, file, line)                               \
    SchemaAttribute{path, name, defaultOf(value), flags, file, line},
#include "schema_table.inc"
#undef IISID_SCHEMA_ATTRIBUTE
    };
    // ASP.NET Core Module V2 (aspnetcore_schema_v2.xml, "SANCM": lextm/iis_schema @fe51c91;
    // installed with the hosting bundle, so the same for every IIS version that has it).
    const SchemaFile ancm = SchemaFile::SANCM;
    const std::string_view core = "system.webServer/aspNetCore";
    rows.push_back({core, "processPath", std::nullopt, AttributeFlag::Expanded, ancm, 15});
    rows.push_back({core, "arguments", "", AttributeFlag::Expanded, ancm, 16});
    rows.push_back({core, "forwardWindowsAuthToken", "true", AttributeFlag::None, ancm, 25});
    // No default on purpose: absent or empty means out-of-process (config-semantics.md §2.12).
    rows.push_back({core, "hostingModel", std::nullopt, AttributeFlag::None, ancm, 27});
    rows.push_back({"system.webServer/aspNetCore/environmentVariables/environmentVariable", "name",
                    std::nullopt, AttributeFlag::None, ancm, 35});
    rows.push_back({"system.webServer/aspNetCore/environmentVariables/environmentVariable", "value",
                    std::nullopt, AttributeFlag::None, ancm, 36});
    return rows;
}

std::vector<SchemaCollection> buildCollections() {
    std::vector<SchemaCollection> rows{
#define IISID_SCHEMA_COLLECTION(path, add, remove, clear, keys, append, caseSensitive, line)       \
    SchemaCollection{path, add, remove, clear, splitKeys(keys), append, caseSensitive, line},
#include "schema_table.inc"
#undef IISID_SCHEMA_COLLECTION
    };
    // SANCM lines 34 and 28: no key attribute declared; entries are told apart by name.
    rows.push_back({"system.webServer/aspNetCore/environmentVariables",
                    "environmentVariable",
                    "",
                    "clear",
                    {"name"},
                    true,
                    false,
                    34});
    return rows;
}

/// How an earlier IIS version differs from the IIS 10 row. absent: the attribute does not exist
/// in that version. Sources: the per-version schema files S70 / S75 / S80 / S85
/// (lextm/iis_schema, one commit per version) as quoted in config-semantics.md §1.8 and §2.
struct VersionDifference {
    std::string_view elementPath;
    std::string_view name;
    SchemaVersion from;
    SchemaVersion to;
    std::optional<std::string_view> defaultValue;
    bool absent = false;
};

constexpr std::string_view poolAdd = "system.applicationHost/applicationPools/add";
constexpr std::string_view poolDefaults =
    "system.applicationHost/applicationPools/applicationPoolDefaults";
constexpr std::string_view poolAddModel =
    "system.applicationHost/applicationPools/add/processModel";
constexpr std::string_view poolDefaultsModel =
    "system.applicationHost/applicationPools/applicationPoolDefaults/processModel";
constexpr std::string_view anonymous =
    "system.webServer/security/authentication/anonymousAuthentication";

const std::vector<VersionDifference> &versionDifferences() {
    using V = SchemaVersion;
    static const std::vector<VersionDifference> rows{
        // S70:L109: identityType defaultValue="NetworkService" (ApplicationPoolIdentity from 7.5).
        {poolAddModel, "identityType", V::V7_0, V::V7_0, "NetworkService"},
        {poolDefaultsModel, "identityType", V::V7_0, V::V7_0, "NetworkService"},
        // S70:L100, S75:L100: managedRuntimeVersion defaultValue="v2.0" ("" from 8.0, DOC-APDEF).
        {poolAdd, "managedRuntimeVersion", V::V7_0, V::V7_5, "v2.0"},
        {poolDefaults, "managedRuntimeVersion", V::V7_0, V::V7_5, "v2.0"},
        // S70:L117 .. S85: the AES providers before IIS 10's CNG providers (C1.40).
        {poolAddModel, "password", V::V7_0, V::V8_5, "[enc:IISWASOnlyAesProvider::enc]"},
        {poolDefaultsModel, "password", V::V7_0, V::V8_5, "[enc:IISWASOnlyAesProvider::enc]"},
        {anonymous, "password", V::V7_0, V::V8_5, "[enc:AesProvider::enc]"},
        {"system.applicationHost/sites/site/application/virtualDirectory", "password", V::V7_0,
         V::V8_5, "[enc:AesProvider::enc]"},
        // IIS-PM: logonType is IIS 7.5+; setProfileEnvironment is in S75 (IIS-PM says 8.0:
        // CONFLICT, the schema wins); both absent from S70.
        {poolAddModel, "logonType", V::V7_0, V::V7_0, std::nullopt, true},
        {poolDefaultsModel, "logonType", V::V7_0, V::V7_0, std::nullopt, true},
        {poolAddModel, "setProfileEnvironment", V::V7_0, V::V7_0, std::nullopt, true},
        {poolDefaultsModel, "setProfileEnvironment", V::V7_0, V::V7_0, std::nullopt, true},
        // S75:L1254: authenticatedUserOverride is IIS 7.5+ (IIS-RUNTIME).
        {"system.webServer/serverRuntime", "authenticatedUserOverride", V::V7_0, V::V7_0,
         std::nullopt, true},
        // IIS-FCGI: monitorChangesTo is IIS 7.5+.
        {"system.webServer/fastCgi/application", "monitorChangesTo", V::V7_0, V::V7_0, std::nullopt,
         true},
    };
    return rows;
}

using Key = std::pair<std::string_view, std::string_view>;

const std::map<Key, const SchemaAttribute *> &attributeIndex() {
    static const std::map<Key, const SchemaAttribute *> index = [] {
        std::map<Key, const SchemaAttribute *> out;
        for (const SchemaAttribute &row : iis10SchemaAttributes())
            out.emplace(Key{row.elementPath, row.name}, &row);
        return out;
    }();
    return index;
}

/// The rows of earlier versions that differ, materialised once per version.
const SchemaAttribute *versionRow(SchemaVersion version, const SchemaAttribute &iis10,
                                  bool &absent) {
    static const auto rows = [] {
        std::map<std::pair<SchemaVersion, Key>, SchemaAttribute> out;
        for (const VersionDifference &difference : versionDifferences()) {
            const auto found = attributeIndex().find({difference.elementPath, difference.name});
            if (found == attributeIndex().end())
                continue;
            for (int v = static_cast<int>(difference.from); v <= static_cast<int>(difference.to);
                 ++v) {
                SchemaAttribute row = *found->second;
                row.defaultValue = difference.defaultValue;
                row.line = difference.absent ? -1 : 0; // -1: absent; 0: not an S10 line
                out.emplace(
                    std::pair{static_cast<SchemaVersion>(v), Key{row.elementPath, row.name}}, row);
            }
        }
        return out;
    }();
    absent = false;
    const auto found = rows.find({version, Key{iis10.elementPath, iis10.name}});
    if (found == rows.end())
        return &iis10;
    absent = found->second.line == -1;
    return absent ? nullptr : &found->second;
}

} // namespace

std::string_view toString(SchemaVersion version) {
    static constexpr std::array<std::string_view, 5> names{"7.0", "7.5", "8.0", "8.5", "10.0"};
    return names[static_cast<std::size_t>(version)];
}

std::optional<SchemaVersion> parseIisVersion(std::string_view text) {
    for (int v = 0; v <= static_cast<int>(SchemaVersion::V10_0); ++v) {
        if (toString(static_cast<SchemaVersion>(v)) == text)
            return static_cast<SchemaVersion>(v);
    }
    if (text == "8" || text == "8.x")
        return SchemaVersion::V8_5;
    if (text == "10")
        return SchemaVersion::V10_0;
    return std::nullopt;
}

const std::vector<SchemaAttribute> &iis10SchemaAttributes() {
    static const std::vector<SchemaAttribute> rows = buildAttributes();
    return rows;
}

const std::vector<SchemaCollection> &schemaCollections() {
    static const std::vector<SchemaCollection> rows = buildCollections();
    return rows;
}

const SchemaAttribute *schemaAttribute(SchemaVersion version, std::string_view elementPath,
                                       std::string_view name) {
    const auto found = attributeIndex().find({elementPath, name});
    if (found == attributeIndex().end())
        return nullptr;
    bool absent = false;
    return versionRow(version, *found->second, absent);
}

std::vector<const SchemaAttribute *> schemaAttributes(SchemaVersion version,
                                                      std::string_view elementPath) {
    static const auto byElement = [] {
        std::map<std::string_view, std::vector<const SchemaAttribute *>> out;
        for (const SchemaAttribute &row : iis10SchemaAttributes())
            out[row.elementPath].push_back(&row);
        return out;
    }();
    std::vector<const SchemaAttribute *> out;
    const auto found = byElement.find(elementPath);
    if (found == byElement.end())
        return out;
    for (const SchemaAttribute *row : found->second) {
        bool absent = false;
        if (const SchemaAttribute *versioned = versionRow(version, *row, absent))
            out.push_back(versioned);
    }
    return out;
}

const std::vector<std::string_view> &schemaChildElements(std::string_view elementPath) {
    static const auto byElement = [] {
        std::map<std::string_view, std::vector<std::string_view>> out;
        for (const SchemaAttribute &row : iis10SchemaAttributes()) {
            const std::string_view path = row.elementPath;
            const std::size_t slash = path.rfind('/');
            if (slash == std::string_view::npos)
                continue;
            const std::string_view parent = path.substr(0, slash);
            const std::string_view child = path.substr(slash + 1);
            const SchemaCollection *collection = schemaCollection(parent);
            if (collection != nullptr && collection->addElement == child)
                continue;
            // Only parents that are themselves elements of the table (not section-group names).
            if (!attributeIndex().empty() &&
                std::find(out[parent].begin(), out[parent].end(), child) == out[parent].end())
                out[parent].push_back(child);
        }
        return out;
    }();
    static const std::vector<std::string_view> none;
    const auto found = byElement.find(elementPath);
    return found == byElement.end() ? none : found->second;
}

const SchemaCollection *schemaCollection(std::string_view elementPath) {
    static const std::map<std::string_view, const SchemaCollection *> index = [] {
        std::map<std::string_view, const SchemaCollection *> out;
        for (const SchemaCollection &row : schemaCollections())
            out.emplace(row.elementPath, &row);
        return out;
    }();
    const auto found = index.find(elementPath);
    return found == index.end() ? nullptr : found->second;
}

} // namespace iisid::config
