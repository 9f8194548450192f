// The NTFS read check (model/access_check.h), row by row. Expectations come from the reference
// (iis-identity-reference.md): F2.14 (IIS_WPG on IIS 6), F2.23 (the pool SID on 7.5+), F2.24
// (IIS_IUSRS in every worker token on 7+), F4.06-F4.08 (who reads content, IUSR outside
// IIS_IUSRS, the default wwwroot ACL), and from Windows: Everyone and Users leave out ANONYMOUS
// LOGON since Windows Server 2003; LocalSystem's token carries Administrators; names compare
// case-insensitively. The server is WEB01 in CONTOSO with the pool DefaultAppPool.

#include "model/access_check.h"

#include "accounts.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace {

using iisid::IisVersion;
using iisid::Token;
using iisid::TokenKind;
using namespace iisid::test;

struct ReadCase {
    std::string name;
    Token token;
    std::optional<std::vector<std::string>> readableBy; // nullopt: no list, everyone reads
    bool offBox = false;
    IisVersion version = IisVersion::V10_0;
    std::string workerAccount = kPool;
    bool expected = false;
};

const Token kAliceNtlm{kAlice, TokenKind::Ntlm};
const Token kIusrToken{kIusr, TokenKind::BuiltinIusr};
const Token kPoolToken{kPool, TokenKind::PoolIdentity};
const Token kNetworkServiceToken{kNetworkService, TokenKind::NetworkService};
const Token kLocalServiceToken{kLocalService, TokenKind::LocalService};
const Token kSystemToken{kSystem, TokenKind::LocalSystem};

std::vector<ReadCase> cases() {
    using V = IisVersion;
    return {
        {"NoListEveryoneReads", kIusrToken, std::nullopt, true, V::V10_0, kPool, true},
        {"EmptyListNobodyReads", kSystemToken, std::vector<std::string>{}, false, V::V10_0, kPool,
         false},
        {"EveryoneCoversAWindowsUser", kAliceNtlm, {{"Everyone"}}, false, V::V10_0, kPool, true},
        {"EveryoneDoesNotCoverAnonymousLogon",
         kIusrToken,
         {{"Everyone"}},
         true,
         V::V10_0,
         kPool,
         false},
        // F4.08: the default wwwroot ACL serves anonymous requests through Users.
        {"UsersCoversIusr", kIusrToken, {{"Users"}}, false, V::V10_0, kPool, true},
        {"BuiltinPrefixIsIgnored", kIusrToken, {{"BUILTIN\\Users"}}, false, V::V10_0, kPool, true},
        {"AuthenticatedUsersCoversAWindowsUser",
         kAliceNtlm,
         {{"NT AUTHORITY\\Authenticated Users"}},
         false,
         V::V10_0,
         kPool,
         true},
        {"UsersDoesNotCoverAnonymousLogon",
         kLocalServiceToken,
         {{"Users"}},
         true,
         V::V10_0,
         kPool,
         false},
        // F2.24: IIS_IUSRS is in every worker token from IIS 7.0.
        {"IisIusrsCoversThePoolIdentityOn7",
         kPoolToken,
         {{"IIS_IUSRS"}},
         false,
         V::V7_5,
         kPool,
         true},
        {"IisIusrsCoversNetworkServiceOn70",
         kNetworkServiceToken,
         {{"IIS_IUSRS"}},
         false,
         V::V7_0,
         kNetworkService,
         true},
        {"IisIusrsCoversASpecificUserWorker",
         Token{kSvcApp, TokenKind::ServiceAccount},
         {{"IIS_IUSRS"}},
         false,
         V::V10_0,
         kSvcApp,
         true},
        {"IisIusrsDoesNotCoverAnotherServiceAccount",
         Token{kAspnet, TokenKind::ServiceAccount},
         {{"IIS_IUSRS"}},
         false,
         V::V10_0,
         kPool,
         false},
        // F4.07: IUSR is not a member of IIS_IUSRS.
        {"IisIusrsDoesNotCoverIusr", kIusrToken, {{"IIS_IUSRS"}}, false, V::V10_0, kPool, false},
        {"IisIusrsDoesNotExistOnIis6",
         kNetworkServiceToken,
         {{"IIS_IUSRS"}},
         false,
         V::V6_0,
         kNetworkService,
         false},
        {"IisIusrsDoesNotTravelOffTheBox",
         kPoolToken,
         {{"IIS_IUSRS"}},
         true,
         V::V10_0,
         kPool,
         false},
        // F2.14: IIS 6 pool identities belong to IIS_WPG.
        {"IisWpgCoversThePoolIdentityOnIis6",
         kNetworkServiceToken,
         {{"IIS_WPG"}},
         false,
         V::V6_0,
         kNetworkService,
         true},
        {"IisWpgDoesNotCoverOnIis7",
         kNetworkServiceToken,
         {{"IIS_WPG"}},
         false,
         V::V10_0,
         kNetworkService,
         false},
        {"AdministratorsCoversLocalSystem",
         kSystemToken,
         {{"Administrators"}},
         false,
         V::V10_0,
         kSystem,
         true},
        {"AdministratorsDoesNotCoverNetworkService",
         kNetworkServiceToken,
         {{"Administrators"}},
         false,
         V::V10_0,
         kNetworkService,
         false},
        {"AdministratorsDoesNotTravelOffTheBox",
         kSystemToken,
         {{"Administrators"}},
         true,
         V::V10_0,
         kSystem,
         false},
        // F2.23: from 7.5 the pool SID is in the worker token whatever the identity type.
        {"PoolAccountCoversAnotherIdentityTypeOn75",
         kNetworkServiceToken,
         {{kPool}},
         false,
         V::V7_5,
         kNetworkService,
         true},
        {"PoolAccountDoesNotCoverAnotherIdentityTypeOn70",
         kNetworkServiceToken,
         {{kPool}},
         false,
         V::V7_0,
         kNetworkService,
         false},
        {"PoolAccountCoversThePoolIdentity", kPoolToken, {{kPool}}, false, V::V7_5, kPool, true},
        {"OffTheBoxThePoolIdentityIsTheMachineAccount",
         kPoolToken,
         {{kMachine}},
         true,
         V::V10_0,
         kPool,
         true},
        {"OffTheBoxThePoolAccountDoesNotMatch",
         kPoolToken,
         {{kPool}},
         true,
         V::V10_0,
         kPool,
         false},
        {"NameMatchIsCaseInsensitive",
         kAliceNtlm,
         {{"contoso\\ALICE"}},
         false,
         V::V10_0,
         kPool,
         true},
        {"BareNameIsALocalAccount",
         Token{kIusr6, TokenKind::AnonymousAccount},
         {{"IUSR_WEB01"}},
         false,
         V::V6_0,
         kNetworkService,
         true},
        {"AnotherUserDoesNotMatch", kAliceNtlm, {{"CONTOSO\\bob"}}, false, V::V10_0, kPool, false},
    };
}

class CanRead : public testing::TestWithParam<ReadCase> {};

TEST_P(CanRead, MatchesTheReference) {
    const ReadCase &row = GetParam();
    iisid::ReadAccess access;
    access.readableBy = row.readableBy ? &*row.readableBy : nullptr;
    access.version = row.version;
    access.machine = "WEB01";
    access.domain = "CONTOSO";
    access.poolName = "DefaultAppPool";
    access.workerAccount = row.workerAccount;
    EXPECT_EQ(iisid::canRead(row.token, row.offBox, access), row.expected);
}

INSTANTIATE_TEST_SUITE_P(Reference, CanRead, testing::ValuesIn(cases()),
                         [](const testing::TestParamInfo<ReadCase> &param) {
                             return param.param.name;
                         });

TEST(ReadersText, ListsTheReadersOrSaysNobody) {
    EXPECT_EQ(iisid::readersText({"Users", "IIS_IUSRS"}), "Users, IIS_IUSRS");
    EXPECT_EQ(iisid::readersText({}), "nobody");
}

TEST(AccessRule, StaticFilesAreCheckedByIis) {
    const iisid::AccessRule rule =
        iisid::accessRule(iisid::HandlerKind::Static, IisVersion::V10_0,
                          iisid::Pipeline::Integrated, TokenKind::BuiltinIusr);
    EXPECT_EQ(rule.confidence, iisid::Confidence::Confirmed);
    EXPECT_EQ(std::vector<std::string_view>(rule.facts.begin(), rule.facts.end()),
              (std::vector<std::string_view>{"F3.40", "F1.80"}));
}

// F4.09: whether the anonymous account must read .aspx files in the integrated pipeline is open.
TEST(AccessRule, IntegratedAspNetForAnAnonymousRequestIsUnconfirmed) {
    const iisid::AccessRule rule =
        iisid::accessRule(iisid::HandlerKind::AspNet, IisVersion::V10_0,
                          iisid::Pipeline::Integrated, TokenKind::BuiltinIusr);
    EXPECT_EQ(rule.confidence, iisid::Confidence::Unconfirmed);
    EXPECT_FALSE(rule.uncertainty.empty());
}

} // namespace
