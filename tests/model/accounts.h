#pragma once

// Identities as Windows prints them (product.md), with the scenario defaults WEB01 / CONTOSO and
// the pool name DefaultAppPool: the expected values the model's test tables are written in.

#include <optional>
#include <string>

namespace iisid::test {

inline const std::string kSystem = "NT AUTHORITY\\SYSTEM";
inline const std::string kLocalService = "NT AUTHORITY\\LOCAL SERVICE";
inline const std::string kNetworkService = "NT AUTHORITY\\NETWORK SERVICE";
inline const std::string kIusr = "NT AUTHORITY\\IUSR";
inline const std::string kAnonymousLogon = "NT AUTHORITY\\ANONYMOUS LOGON";
inline const std::string kPool = "IIS APPPOOL\\DefaultAppPool";
inline const std::string kMachine = "CONTOSO\\WEB01$";
inline const std::string kIusr6 = "WEB01\\IUSR_WEB01";
inline const std::string kIwam = "WEB01\\IWAM_WEB01";
inline const std::string kAspnet = "WEB01\\ASPNET";
inline const std::string kAlice = "CONTOSO\\alice";
inline const std::string kSvcWeb = "CONTOSO\\svcweb";
inline const std::string kSvcApp = "CONTOSO\\svcapp";
inline constexpr std::nullopt_t kNull = std::nullopt;

} // namespace iisid::test
