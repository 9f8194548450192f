#pragma once

// Identities as Windows prints them (product.md), with the scenario defaults WEB01 / CONTOSO and
// the pool name DefaultAppPool: the expected values the model's test tables are written in, and
// the one comparison of a whole result card that both tables use.

#include "model/resolution.h"
#include "model/result_fields.h"

#include <gtest/gtest.h>

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

inline std::string httpText(const std::optional<HttpStatus> &status) {
    return status ? status->toString() : std::string("null");
}

/// Checks a resolution's whole result card, naming the field that differs.
inline void expectResult(const Resolution &r, const std::optional<HttpStatus> &http,
                         const Identities &identities, Confidence confidence) {
    EXPECT_EQ(httpText(r.http), httpText(http)) << "http";
    for (const IdentityFieldInfo &field : identityFields)
        EXPECT_EQ(r.identities.*field.value, identities.*field.value) << field.key;
    EXPECT_EQ(toString(r.confidence), toString(confidence)) << "confidence";
}

} // namespace iisid::test
