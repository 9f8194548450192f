#include "metabase_schema.h"

#include <array>

namespace iisid::config {

namespace {

using P = MetabaseProperty;

// MBS L528–534.
constexpr std::array authFlags{
    MetabaseFlag{"AuthAnonymous", authAnonymous}, MetabaseFlag{"AuthBasic", authBasic},
    MetabaseFlag{"AuthNTLM", authNtlm},           MetabaseFlag{"AuthMD5", authMd5},
    MetabaseFlag{"AuthPassport", authPassport},
};

// MBS L509–520.
constexpr std::array accessFlags{
    MetabaseFlag{"AccessRead", accessRead},       MetabaseFlag{"AccessWrite", accessWrite},
    MetabaseFlag{"AccessExecute", accessExecute}, MetabaseFlag{"AccessSource", accessSource},
    MetabaseFlag{"AccessScript", accessScript},   MetabaseFlag{"AccessNoRemoteWrite", 1024},
    MetabaseFlag{"AccessNoRemoteRead", 4096},     MetabaseFlag{"AccessNoRemoteExecute", 8192},
    MetabaseFlag{"AccessNoRemoteScript", 16384},  MetabaseFlag{"AccessNoPhysicalDir", 32768},
};

// MBS L521–526.
constexpr std::array accessSslFlags{
    MetabaseFlag{"AccessSSL", accessSsl},
    MetabaseFlag{"AccessSSL128", accessSsl128},
    MetabaseFlag{"AccessSSLNegotiateCert", accessSslNegotiateCert},
    MetabaseFlag{"AccessSSLRequireCert", accessSslRequireCert},
    MetabaseFlag{"AccessSSLMapCert", accessSslMapCert},
};

constexpr std::span<const MetabaseFlag> none{};

// name, INHERIT, SECURE, schema DefaultValue, SDK internal default, flags. Each row: MBS line.
const std::array<MetabasePropertySchema, 25> table{{
    {P::AppPoolId, "AppPoolId", true, false, std::nullopt, "DefaultAppPool", none}, // L35; MB-PROP
    {P::AppIsolated, "AppIsolated", true, false, "2", std::nullopt, none},          // L31
    {P::AppRoot, "AppRoot", true, false, "", std::nullopt, none},                   // L40
    {P::AppFriendlyName, "AppFriendlyName", true, false, "", std::nullopt, none},   // L30
    {P::AppPoolIdentityType, "AppPoolIdentityType", true, false, "2", std::nullopt, none}, // L36
    {P::WAMUserName, "WAMUserName", true, false, "", std::nullopt, none},                  // L479
    {P::WAMUserPass, "WAMUserPass", true, true, "", std::nullopt, none},                   // L480
    {P::AnonymousUserName, "AnonymousUserName", true, false, "", std::nullopt, none},      // L26
    {P::AnonymousUserPass, "AnonymousUserPass", true, true, "", std::nullopt, none},       // L27
    // L528; internal default "AuthAnonymous | AuthNTLM" (MB-PROP AuthFlags, C3.9).
    {P::AuthFlags, "AuthFlags", true, false, "AuthAnonymous", "AuthAnonymous | AuthNTLM",
     authFlags},
    {P::NTAuthenticationProviders, "NTAuthenticationProviders", true, false, "", std::nullopt,
     none},                                                               // L282
    {P::UNCUserName, "UNCUserName", true, false, "", std::nullopt, none}, // L408
    {P::UNCPassword, "UNCPassword", true, true, "", std::nullopt, none},  // L407
    {P::Path, "Path", true, false, "", std::nullopt, none},               // L288
    {P::CreateProcessAsUser, "CreateProcessAsUser", true, false, "TRUE", std::nullopt, none}, // L98
    // L509; internal default "AccessRead | AccessScript" (MB-PROP AccessFlags, C3.9).
    {P::AccessFlags, "AccessFlags", true, false, "AccessRead", "AccessRead | AccessScript",
     accessFlags},
    {P::ScriptMaps, "ScriptMaps", true, false, "", std::nullopt, none}, // L342
    // L79: NO_ATTRIBUTES, so read at /LM/W3SVC only (C3.7); schema default TRUE (Q17).
    {P::IIs5IsolationModeEnabled, "IIs5IsolationModeEnabled", false, false, "TRUE", std::nullopt,
     none},
    {P::AspRunOnEndAnonymously, "AspRunOnEndAnonymously", true, false, "TRUE", std::nullopt,
     none},                                                                      // L77
    {P::ServerComment, "ServerComment", true, false, "", std::nullopt, none},    // L348
    {P::ServerBindings, "ServerBindings", false, false, "", std::nullopt, none}, // L347
    {P::MajorIIsVersionNumber, "MajorIIsVersionNumber", false, false, std::nullopt, std::nullopt,
     none}, // L270
    {P::MinorIIsVersionNumber, "MinorIIsVersionNumber", false, false, std::nullopt, std::nullopt,
     none}, // L271
    // L521: INHERIT, DefaultValue 0 (no SSL required).
    {P::AccessSSLFlags, "AccessSSLFlags", true, false, "0", std::nullopt, accessSslFlags},
    // L493: NO_ATTRIBUTES (read at /LM/W3SVC only), MULTISZ "allowed,path[,…]" (C3.5 table).
    {P::WebSvcExtRestrictionList, "WebSvcExtRestrictionList", false, false, "", std::nullopt, none},
}};

} // namespace

std::span<const MetabasePropertySchema> metabaseProperties() {
    return table;
}

const MetabasePropertySchema &schemaOf(MetabaseProperty property) {
    return table[static_cast<std::size_t>(property)];
}

const MetabasePropertySchema *findMetabaseProperty(std::string_view name) {
    for (const MetabasePropertySchema &row : table) {
        if (row.name == name)
            return &row;
    }
    return nullptr;
}

} // namespace iisid::config
