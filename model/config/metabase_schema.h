#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

// The facts of the IIS 6 metabase schema that the reader needs, written once: which properties
// it reads, whether each inherits, whether it is a secret, its defaults and its flag names.
// Source: the corpus's MBSchema.xml (MBS-SAMPLE, config-semantics.md §3; "MBS Lnnn" = its line
// after stripping CR) and the IIS 6 SDK property pages (MB-PROP) for the internal defaults (C3.9).
namespace iisid::config {

enum class MetabaseProperty {
    AppPoolId,
    AppIsolated,
    AppRoot,
    AppFriendlyName,
    AppPoolIdentityType,
    WAMUserName,
    WAMUserPass,
    AnonymousUserName,
    AnonymousUserPass,
    AuthFlags,
    NTAuthenticationProviders,
    UNCUserName,
    UNCPassword,
    Path,
    CreateProcessAsUser,
    AccessFlags,
    ScriptMaps,
    IIs5IsolationModeEnabled,
    AspRunOnEndAnonymously,
    ServerComment,
    ServerBindings,
    MajorIIsVersionNumber,
    MinorIIsVersionNumber,
    AccessSSLFlags,
    WebSvcExtRestrictionList,
};

/// One flag of a DWORD property written as names joined by " | " (C3.5).
struct MetabaseFlag {
    std::string_view name;
    std::uint32_t value;
};

struct MetabasePropertySchema {
    MetabaseProperty id;
    std::string_view name;
    /// The schema's Attributes contain INHERIT (C3.7): a key without the property takes the
    /// nearest ancestor's value.
    bool inherits;
    /// Attributes contain SECURE (C3.6): stored encrypted, shown redacted.
    bool secret;
    /// The schema's DefaultValue, or nullopt when the schema has none.
    std::optional<std::string_view> schemaDefault;
    /// The SDK's "internal default" where it differs from the schema's (C3.9, Q8: UNCONFIRMED
    /// that IIS applies it).
    std::optional<std::string_view> internalDefault;
    std::span<const MetabaseFlag> flags;
};

/// Every property the reader knows, in enum order.
std::span<const MetabasePropertySchema> metabaseProperties();
const MetabasePropertySchema &schemaOf(MetabaseProperty property);
/// By name, as the metabase spells attribute names (exact case); nullptr if not one of ours.
const MetabasePropertySchema *findMetabaseProperty(std::string_view name);

/// Flags of AuthFlags (MBS L528–534), AccessFlags (MBS L509–520) and AccessSSLFlags (MBS
/// L521–526).
inline constexpr std::uint32_t authAnonymous = 1, authBasic = 2, authNtlm = 4, authMd5 = 16,
                               authPassport = 64;
inline constexpr std::uint32_t accessRead = 1, accessWrite = 2, accessExecute = 4,
                               accessSource = 16, accessScript = 512;
inline constexpr std::uint32_t accessSsl = 8, accessSslNegotiateCert = 32,
                               accessSslRequireCert = 64, accessSslMapCert = 128,
                               accessSsl128 = 256;

} // namespace iisid::config
