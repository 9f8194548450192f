// The resolver's rules found wrong or overstated when the model was probed across versions and
// handlers (issue "The model before the checker", sections 1 and 1b). Each row is a small
// scenario written as --set assignments and the result that the reference
// (iis-identity-reference.md, "Added in the second round" and the facts cited) and the contract
// (scenario-format.md, the `process` and `code` bullets) say it must give. The expectations come
// from those documents' wording, quoted in the comment above each group.

#include "model/resolution.h"
#include "model/resolver.h"
#include "model/scenario_io.h"

#include "accounts.h"
#include "rule_case.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace {

using iisid::Confidence;
using iisid::HttpStatus;
using iisid::Identities;

using namespace iisid::test;

const std::string kShare = "content.path=\\\\FS1\\web";

const std::vector<RuleCase> &rules() {
    static const std::vector<RuleCase> rows = {
        // --- The worker answers a failed request ------------------------------------------
        // scenario-format.md: "For an in-process handler this is the worker also when the
        // request fails (401.1, 401.2, 500.19, 500.24 …): the worker is the process that took
        // the request and answered it. `null` only when a separate process that would run the
        // code was never started (e.g. 403.19, a CGI that could not be created)."
        {"FailedLogonIis6ProcessIsTheWorker",
         {"F1.02"},
         {kIis6, "authentication.anonymous.passwordValid=false"},
         http(401, 1),
         {kNetworkService, kNetworkService, kNull, kNull, kNull, kNull, kNull},
         Confidence::Confirmed},
        {"NoMethodEnabledProcessIsTheWorker",
         {"F1.74"},
         {kNoAnonymous},
         http(401, 2),
         {kPool, kPool, kNull, kNull, kNull, kNull, kNull},
         Confidence::Partial},
        {"KerberosCustomPoolKernelModeProcessIsTheWorker",
         {"F1.41"},
         {kNoAnonymous, kWindows, kAlicen, "request.scheme=kerberos",
          "appPool.identity=SpecificUser", "appPool.userName=CONTOSO\\svcweb"},
         http(401, 2),
         {kSvcWeb, kSvcWeb, kNull, kNull, kNull, kNull, kNull},
         Confidence::Confirmed},
        {"IntegratedImpersonationProcessIsTheWorker",
         {"F3.70"},
         {"handler.kind=aspnet", "aspnet.impersonate=true"},
         http(500, 24),
         {kPool, kPool, kNull, kNull, kNull, kNull, kNull},
         Confidence::Confirmed},
        {"UncBadConnectAsPasswordIis6ProcessIsTheWorker",
         {"F2.52"},
         {kIis6, kShare, "content.connectAs=CONTOSO\\uncuser",
          "content.connectAsPasswordValid=false"},
         http(500, 13),
         {kNetworkService, kNetworkService, kNull, kNull, kNull, kNull, kNull},
         Confidence::Conflict},
        {"FailedLogonBeforeCgiStartsNoProcess",
         {"F1.02"},
         {kIis6, "handler.kind=cgi", "authentication.anonymous.passwordValid=false"},
         http(401, 1),
         {kNetworkService, kNull, kNull, kNull, kNull, kNull, kNull},
         Confidence::Confirmed},

        // --- 401.3: the handler ran as the user and was refused the file --------------------
        // scenario-format.md: "When the handler ran and was refused the content (401.3), `code`
        // is the identity it ran as when it tried." F4.07: IUSR is not in IIS_IUSRS.
        {"StaticFileRefusedToIusrCodeIsIusr",
         {"F4.07"},
         {"content.readableBy=[\"IIS_IUSRS\"]"},
         http(401, 3),
         {kPool, kPool, kIusr, kIusr, kIusr, kNull, kNull},
         Confidence::Confirmed},
        {"AspPageRefusedToIusrCodeIsIusr",
         {"F4.07"},
         {"handler.kind=asp", "content.readableBy=[\"IIS_IUSRS\"]"},
         http(401, 3),
         {kPool, kPool, kIusr, kIusr, kIusr, kNull, kNull},
         Confidence::Confirmed},

        // --- Session_OnEnd runs as the anonymous account configured -------------------------
        // F3.53: "The Anonymous User, as defined for the application" ... "it runs the event
        // whether or not anonymous authentication is enabled for requests".
        {"SessionOnEndRunsAsConfiguredAnonymousWithWindowsOnlyIis6",
         {"F3.53"},
         {kIis6, "handler.kind=asp", "action=sessionOnEnd", kNoAnonymous, kWindows},
         std::nullopt,
         {kNetworkService, kNetworkService, kIusr6, kIusr6, kNull, kNetworkService,
          kAnonymousLogon},
         Confidence::Partial},
        {"SessionOnEndRunsAsConfiguredAnonymousWithWindowsOnlyIis10",
         {"F3.53"},
         {"handler.kind=asp", "action=sessionOnEnd", kNoAnonymous, kWindows},
         std::nullopt,
         {kPool, kPool, kIusr, kIusr, kNull, kPool, kAnonymousLogon},
         Confidence::Confirmed},
        // F3.53: "if there is no anonymous user or its logon fails they are not called".
        {"SessionOnEndIsNotCalledWhenTheAnonymousLogonFails",
         {"F3.53"},
         {kIis6, "handler.kind=asp", "action=sessionOnEnd",
          "authentication.anonymous.passwordValid=false"},
         std::nullopt,
         {kNetworkService, kNetworkService, kNull, kNull, kNull, kNull, kNull},
         Confidence::Confirmed},
        // F3.53: "`PARTIAL` for the IIS 7+ empty-userName case".
        {"SessionOnEndWithBlankAnonymousUserIsOnlyPartlyConfirmed",
         {"F3.53"},
         {"handler.kind=asp", "action=sessionOnEnd", "authentication.anonymous.userName="},
         std::nullopt,
         {kPool, kPool, kPool, kPool, kNull, kPool, kMachine},
         Confidence::Partial},

        // --- F3.76: 500.24 is the application's, not ASP.NET's ------------------------------
        {"IntegratedImpersonationFailsClassicAspToo",
         {"F3.76"},
         {"handler.kind=asp", "aspnet.impersonate=true"},
         http(500, 24),
         {kPool, kPool, kNull, kNull, kNull, kNull, kNull},
         Confidence::Partial},
        {"IntegratedImpersonationFailsStaticFilesToo",
         {"F3.76"},
         {"aspnet.impersonate=true"},
         http(500, 24),
         {kPool, kPool, kNull, kNull, kNull, kNull, kNull},
         Confidence::Partial},
        {"IntegratedImpersonationFailsPhpBeforePhpStarts",
         {"F3.76"},
         {"handler.kind=fastcgi", "aspnet.impersonate=true"},
         http(500, 24),
         {kPool, kNull, kNull, kNull, kNull, kNull, kNull},
         Confidence::Partial},
        {"IntegratedImpersonationWithoutValidationServesAsp",
         {"F3.50"},
         {"handler.kind=asp", "aspnet.impersonate=true",
          "aspnet.validateIntegratedModeConfiguration=false"},
         http(200),
         {kPool, kPool, kIusr, kIusr, kIusr, kPool, kAnonymousLogon},
         Confidence::Confirmed},
        {"ClassicPoolImpersonationServesAsp",
         {"F3.50"},
         {"handler.kind=asp", "aspnet.impersonate=true", "appPool.pipeline=classic"},
         http(200),
         {kPool, kPool, kIusr, kIusr, kIusr, kPool, kAnonymousLogon},
         Confidence::Confirmed},

        // --- F1.12: IIS 5 anonymous logon has no credentials off the box --------------------
        {"Iis5AnonymousHasNoCredentialsOffTheBox",
         {"F1.12"},
         {kIis5, "handler.kind=asp"},
         http(200),
         {kIwam, kIwam, kIusr6, kIusr6, kIusr6, kIwam, kAnonymousLogon},
         Confidence::Conflict},
        {"Iis5InProcessAnonymousHasNoCredentialsOffTheBox",
         {"F1.12"},
         {kIis5},
         http(200),
         {kSystem, kSystem, kIusr6, kIusr6, kIusr6, kSystem, kAnonymousLogon},
         Confidence::Partial},

        // --- F1.13: no NT AUTHORITY\IUSR before IIS 7 ---------------------------------------
        {"BuiltinIusrOnIis6CannotBeLoggedOn",
         {"F1.13"},
         {kIis6, "authentication.anonymous.userName=NT AUTHORITY\\IUSR"},
         http(401, 1),
         {kNetworkService, kNetworkService, kNull, kNull, kNull, kNull, kNull},
         Confidence::Partial},
        {"BareIusrOnIis5CannotBeLoggedOn",
         {"F1.13"},
         {kIis5, "authentication.anonymous.userName=IUSR"},
         http(401, 1),
         {kSystem, kSystem, kNull, kNull, kNull, kNull, kNull},
         Confidence::Partial},

        // --- F2.47: workgroup servers and local accounts off the box ------------------------
        {"WorkgroupPoolIdentityHasNoMachineAccount",
         {"F2.47"},
         {"server.domain=", "handler.kind=aspnet"},
         http(200),
         {kPool, kPool, kNull, kPool, kPool, kPool, kAnonymousLogon},
         Confidence::Partial},
        {"WorkgroupNetworkServiceHasNoMachineAccount",
         {"F2.47"},
         {"server.domain=", "appPool.identity=NetworkService", "handler.kind=aspnet"},
         http(200),
         {kNetworkService, kNetworkService, kNull, kNetworkService, kNetworkService,
          kNetworkService, kAnonymousLogon},
         Confidence::Partial},
        {"LocalPoolAccountIsUnknownOffTheBox",
         {"F2.47"},
         {"appPool.identity=SpecificUser", "appPool.userName=svcweb", "handler.kind=aspnet"},
         http(200),
         {"WEB01\\svcweb", "WEB01\\svcweb", kNull, "WEB01\\svcweb", "WEB01\\svcweb",
          "WEB01\\svcweb", kAnonymousLogon},
         Confidence::Partial},
        {"Iis6IusrMachineIsUnknownOffTheBox",
         {"F2.45", "F2.47"},
         {kIis6},
         http(200),
         {kNetworkService, kNetworkService, kIusr6, kIusr6, kIusr6, kNetworkService,
          kAnonymousLogon},
         Confidence::Partial},

        // --- Overstated confidence ----------------------------------------------------------
        // F3.23: ApplicationPoolIdentity holds "Replace a process level token" (KB 981949).
        {"CreateProcessAsUserFromApplicationPoolIdentityIsConfirmed",
         {"F3.23", "F3.91"},
         {"handler.kind=asp", "action=createProcessAsUser"},
         http(200),
         {kPool, kPool, kIusr, kIusr, kIusr, kIusr, kAnonymousLogon},
         Confidence::Confirmed},
        // KB 306158: ASP.NET 1.0 on IIS 5 needs "Act as part of the operating system" for the
        // ASPNET account to log on the <identity> account.
        {"Iis5ApplicationImpersonationDependsOnTheFrameworkVersion",
         {"F3.62", "F2.03"},
         {kIis5, "handler.kind=aspnet", "aspnet.impersonate=true",
          "aspnet.userName=CONTOSO\\svcapp"},
         http(200),
         {kIwam, kAspnet, kSvcApp, kSvcApp, kAspnet, kAspnet, kSvcApp},
         Confidence::Partial},

        // --- What the share sees is what reads the content ----------------------------------
        {"PassThroughShareReadsAsWhatTheFileServerSees",
         {"F2.55", "F1.43"},
         {kShare, kNoAnonymous, kWindows, kAlicen},
         http(200),
         {kPool, kPool, kAlice, kAlice, kAnonymousLogon, kPool, kAnonymousLogon},
         Confidence::Unconfirmed},
    };
    return rows;
}

class SecondRoundRule : public testing::TestWithParam<RuleCase> {};

TEST_P(SecondRoundRule, GivesTheReferenceResult) {
    const RuleCase &row = GetParam();
    expectResult(resolveAssignments(row.set), row.http, row.expected, row.confidence);
}

TEST_P(SecondRoundRule, CitesTheFactsItApplies) {
    const RuleCase &row = GetParam();
    for (const std::string &fact : uncitedFacts(row, resolveAssignments(row.set)))
        ADD_FAILURE() << "no step cites " << fact;
}

INSTANTIATE_TEST_SUITE_P(Reference, SecondRoundRule, testing::ValuesIn(rules()),
                         [](const testing::TestParamInfo<RuleCase> &param) {
                             return param.param.name;
                         });

bool anyStepSays(const iisid::Resolution &r, std::string_view words) {
    return std::any_of(r.steps.begin(), r.steps.end(), [&](const iisid::Step &s) {
        return s.text.find(words) != std::string::npos ||
               s.uncertainty.find(words) != std::string::npos;
    });
}

// F1.12: with "Allow IIS to control password" the anonymous logon is a network logon through
// the subauthenticator, not a logon with the stored password.
TEST(SecondRound, Iis5AnonymousLogonIsSaidToBeANetworkLogon) {
    const iisid::Resolution r = resolveAssignments({kIis5});
    EXPECT_FALSE(anyStepSays(r, "stored password"));
    EXPECT_TRUE(anyStepSays(r, "network logon"));
}

// The IIS 5 ASP.NET row above must say on which framework version the logon depends.
TEST(SecondRound, Iis5ApplicationImpersonationNamesTheFrameworkVersion) {
    const iisid::Resolution r =
        resolveAssignments({kIis5, "handler.kind=aspnet", "aspnet.impersonate=true",
                            "aspnet.userName=CONTOSO\\svcapp"});
    EXPECT_TRUE(anyStepSays(r, "ASP.NET 1.0"));
    EXPECT_TRUE(anyStepSays(r, "Act as part of the operating system"));
}

// ASP and ASP.NET on one IIS 6 UNC virtual directory with Connect as: ASP.NET impersonates the
// UNC token (F3.66, CONFIRMED-3P); what ASP's thread holds there has no source, so its thread is
// not stated as fact.
TEST(SecondRound, AspThreadOnAnIis6ConnectAsShareIsNotStatedAsFact) {
    const iisid::Resolution r = resolveAssignments(
        {kIis6, "handler.kind=asp", kShare, "content.connectAs=CONTOSO\\u", kNoAnonymous, kAlicen});
    const auto handler = std::find_if(r.steps.begin(), r.steps.end(), [](const iisid::Step &s) {
        return s.stage == iisid::Stage::Handler;
    });
    ASSERT_NE(handler, r.steps.end());
    EXPECT_NE(handler->confidence, Confidence::Confirmed) << handler->text;
    EXPECT_FALSE(handler->uncertainty.empty());
}

// A group the model does not know is not silently taken for one account.
TEST(SecondRound, AnUnknownGroupInReadableByIsNamedInAFinding) {
    const iisid::Resolution r =
        resolveAssignments({"content.readableBy=[\"IIS_IUSRS\", \"CONTOSO\\\\Web Editors\"]"});
    const bool named = std::any_of(r.findings.begin(), r.findings.end(), [](const auto &f) {
        return f.message.find("CONTOSO\\Web Editors") != std::string::npos;
    });
    EXPECT_TRUE(named);
}

// Domain Users covers the domain's users, not the pool's virtual account nor IUSR.
TEST(SecondRound, DomainUsersLetsADomainUserReadButNotIusr) {
    const std::string readers = "content.readableBy=[\"IIS_IUSRS\", \"CONTOSO\\\\Domain Users\"]";
    const iisid::Resolution alice = resolveAssignments({readers, kNoAnonymous, kWindows, kAlicen});
    ASSERT_TRUE(alice.http);
    EXPECT_EQ(alice.http->toString(), "200");
    const iisid::Resolution anonymous = resolveAssignments({readers});
    ASSERT_TRUE(anonymous.http);
    EXPECT_EQ(anonymous.http->toString(), "401.3");
}

// On IIS 5 and 6 IUSR_<machine> is a member of Guests (it was created there by setup).
TEST(SecondRound, GuestsLetsIusrMachineReadOnIis6) {
    const iisid::Resolution r =
        resolveAssignments({kIis6, "content.readableBy=[\"IIS_WPG\", \"Guests\"]"});
    ASSERT_TRUE(r.http);
    EXPECT_EQ(r.http->toString(), "200");
}

} // namespace
