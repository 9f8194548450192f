#pragma once

// The configuration sections that decide identity (config-semantics.md §2), named once for the
// readers' callers: the checker's application scenarios and its findings rules.

#include <string_view>

namespace iisid::config::section {

inline constexpr std::string_view anonymous =
    "system.webServer/security/authentication/anonymousAuthentication";
inline constexpr std::string_view basic =
    "system.webServer/security/authentication/basicAuthentication";
inline constexpr std::string_view digest =
    "system.webServer/security/authentication/digestAuthentication";
inline constexpr std::string_view windows =
    "system.webServer/security/authentication/windowsAuthentication";
inline constexpr std::string_view certificate =
    "system.webServer/security/authentication/clientCertificateMappingAuthentication";
inline constexpr std::string_view iisCertificate =
    "system.webServer/security/authentication/iisClientCertificateMappingAuthentication";
inline constexpr std::string_view identity = "system.web/identity";
inline constexpr std::string_view authentication = "system.web/authentication";
inline constexpr std::string_view aspNetCore = "system.webServer/aspNetCore";

} // namespace iisid::config::section
