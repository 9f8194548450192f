#pragma once

#include "metabase.h"
#include "metabase_schema.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// What an IIS 6 metabase means for identity (config-semantics.md §3.3–3.6): effective values
// after inheritance, per web site, application and application pool, each with its origin.
namespace iisid::config {

enum class ValueOrigin {
    /// Set on the key itself.
    Set,
    /// Taken from the nearest ancestor key that sets it (C3.7).
    Inherited,
    /// Nothing sets it: MBSchema.xml's DefaultValue.
    SchemaDefault,
    /// Nothing sets it: the SDK's internal default (C3.9; that IIS applies it is UNCONFIRMED, Q8).
    InternalDefault,
};

struct EffectiveValue {
    std::string text;
    ValueOrigin origin = ValueOrigin::SchemaDefault;
    /// The attribute that set it (on this key or the ancestor); no line for a default.
    SourceLocation location;
    /// The Location of the key that set it, as written; empty for a default.
    std::string fromKey;
    bool secret = false;

    bool isSet() const { return origin == ValueOrigin::Set || origin == ValueOrigin::Inherited; }
};

/// The value of property at the key path: the key's own, else the nearest ancestor's if the
/// property inherits (C3.7; ancestors missing from the file are passed over), else the default.
EffectiveValue effectiveValue(const Metabase &metabase, std::string_view keyPath,
                              MetabaseProperty property);

/// Flags written as names joined by '|' or as a decimal number (C3.5); nullopt if a name is not
/// one of the property's flags or the text is neither.
std::optional<std::uint32_t> parseMetabaseFlags(std::string_view text,
                                                std::span<const MetabaseFlag> flags);
/// TRUE/FALSE (any case) or a decimal number (non-zero is true) (C3.5).
std::optional<bool> parseMetabaseBool(std::string_view text);
std::optional<std::uint32_t> parseMetabaseDword(std::string_view text);

/// One line of a MULTISZ value (ScriptMaps, WebSvcExtRestrictionList: one entry per line, C3.5),
/// trimmed, with the place of that line.
struct MultiSzEntry {
    std::string text;
    SourceLocation location;
};
/// The non-blank lines of a MULTISZ value: the first at the attribute, the next ones at their
/// line's first non-blank character.
std::vector<MultiSzEntry> multiSzEntries(const EffectiveValue &value);

/// One WebSvcExtRestrictionList entry "allowed,path[,deletable,groupId,description]" (C3.5
/// table; the field meanings are PARTIAL: read from MB-SAMPLE).
struct WebServiceExtension {
    bool allowed = false;
    std::string path; // "*.dll" (unknown ISAPI), "*.exe" (unknown CGI) or a file
    SourceLocation location;
};
/// The entries of a WebSvcExtRestrictionList value; a line whose first field is not 0 or 1 is
/// skipped.
std::vector<WebServiceExtension> parseRestrictionList(const EffectiveValue &list);

/// One ScriptMaps entry "ext,processor,flags[,verbs]" (C3.5 table: MB-PROP ScriptMaps).
struct ScriptMap {
    std::string raw;
    std::string extension;
    std::string processor;
    std::optional<std::uint32_t> flags;
    std::string verbs;
    /// What the processor is: asp.dll → Asp, aspnet_isapi.dll → AspNet, php-cgi.exe/php.exe →
    /// Cgi, php5isapi.dll and any other .dll → IsapiExtension, any other .exe → Cgi; nullopt if
    /// the processor is neither a .dll nor an .exe.
    std::optional<HandlerKind> kind;
    SourceLocation location;
};

/// The handler kind of a ScriptMaps processor path (see ScriptMap::kind).
std::optional<HandlerKind> classifyScriptProcessor(std::string_view processor);
/// The entries of an effective ScriptMaps value, one per line, each with its own line.
std::vector<ScriptMap> parseScriptMaps(const EffectiveValue &scriptMaps);

/// The identity-relevant effective values at one key.
struct MetabaseSettings {
    std::string key;
    EffectiveValue appPoolId, appIsolated, appRoot, anonymousUserName, anonymousUserPass, authFlags,
        ntAuthenticationProviders, uncUserName, uncPassword, path, createProcessAsUser, accessFlags,
        accessSslFlags, scriptMaps, aspRunOnEndAnonymously;
    /// Typed readings; nullopt where the text cannot be read (see MetabaseServer::warnings).
    std::optional<std::uint32_t> authFlagBits, accessFlagBits, accessSslFlagBits, appIsolatedValue;
    std::optional<bool> createProcessAsUserValue, aspRunOnEndAnonymouslyValue;
    /// The entries of scriptMaps, shared by every key that inherits the same attribute (a real
    /// /LM/W3SVC ScriptMaps has ~20 entries and every application inherits it); never null.
    std::shared_ptr<const std::vector<ScriptMap>> scriptMapList;
    /// Path of the deepest IIsWebVirtualDir at or above the key + the remaining segments
    /// (C3.10); empty if there is none.
    std::string physicalPath;
};

struct MetabaseApplication {
    /// The AppRoot key: /LM/W3SVC/1/ROOT/app, as written.
    std::string key;
    /// The URL path in its site: "/" for ROOT, "/app".
    std::string urlPath;
    /// The key's start tag (for the implicit root of a site without a ROOT key: the site's).
    SourceLocation location;
    /// The site root counted as an application without setting AppRoot (C3.10).
    bool implicit = false;
    MetabaseSettings settings;
};

struct MetabaseSite {
    /// The segment after /LM/W3SVC/ (a number on a real server).
    std::string id;
    std::string key;
    SourceLocation location;
    EffectiveValue serverComment, serverBindings;
    /// At the site key /LM/W3SVC/<id>.
    MetabaseSettings settings;
    /// ROOT first, then the keys whose AppRoot is their own Location, in document order.
    std::vector<MetabaseApplication> applications;
};

struct MetabasePool {
    std::string name;
    std::string key;
    SourceLocation location;
    /// 0 LocalSystem, 1 LocalService, 2 NetworkService, 3 WAMUserName (C3.5, SDK6-POOLTYPE).
    EffectiveValue identityType, wamUserName, wamUserPass;
    std::optional<std::uint32_t> identityTypeValue;
};

/// machine.config's <system.web><processModel> (it "can be set only within the Machine.config
/// file", NET-PROCMODEL https://learn.microsoft.com/previous-versions/dotnet/netframework-2.0/
/// 7w2sway1(v=vs.80)): under the IIS 5 process model aspnet_wp.exe runs as its userName —
/// "machine" (the default) is the local ASPNET account, "System" is SYSTEM (C3.12, NET-PROCID).
struct AspNetProcessModel {
    std::string userName = "machine"; // as written; the default when absent
    /// The userName attribute, else the <processModel> element.
    SourceLocation location;
    bool userNameWritten = false;
};

struct MetabaseServer {
    /// 6.0, or 5.1 where /LM/W3SVC/Info says MajorIIsVersionNumber 5, MinorIIsVersionNumber 1.
    IisVersion iisVersion = IisVersion::V6_0;
    /// The MajorIIsVersionNumber attribute; no line when the file does not say.
    SourceLocation iisVersionFrom;
    /// At /LM/W3SVC only (NO_ATTRIBUTES); absent → schema default TRUE (Q17).
    EffectiveValue iis5IsolationModeEnabled;
    std::optional<bool> iis5IsolationMode;
    /// At /LM/W3SVC: the service-wide values (IUSR_, IWAM_ as installed).
    MetabaseSettings service;
    EffectiveValue serviceWamUserName, serviceWamUserPass;
    /// At /LM/W3SVC only (NO_ATTRIBUTES): the web service extension (ISAPI/CGI) allow-list.
    EffectiveValue webSvcExtRestrictionList;
    std::vector<WebServiceExtension> webServiceExtensions;
    /// From a machine.config given with the metabase (not part of MetaBase.xml); nullopt when
    /// none was given.
    std::optional<AspNetProcessModel> aspNetProcessModel;
    std::vector<MetabaseSite> sites;
    std::vector<MetabasePool> pools;
    /// Values that cannot be read (an unknown flag name, a non-number), with their place.
    std::vector<Diagnostic> warnings;

    /// The pool named so, compared case-insensitively (AppPoolId is CASEINSENSITIVE, MBS L35).
    const MetabasePool *findPool(std::string_view name) const;
};

/// Sites (IIsWebServer keys directly under /LM/W3SVC), their applications and the application
/// pools (IIsApplicationPool keys under /LM/W3SVC/AppPools), with effective values.
MetabaseServer describeMetabase(const Metabase &metabase);

} // namespace iisid::config
