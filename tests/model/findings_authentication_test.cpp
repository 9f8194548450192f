// The authentication rules of the findings catalogue (config-semantics.md §5 #10-#15, #35) on
// small inline configurations and on the corpus cases §5 names.

#include "findings_test_support.h"

#include <gtest/gtest.h>

namespace iisid::check {
namespace {

using test::appHost;
using test::corpusFile;
using test::findingsOf;
using test::withRule;

// #10 IISID-ANON-NOT-POOL-IDENTITY
TEST(FindingsAuthentication, IISID_ANON_NOT_POOL_IDENTITY_RaisedForTheDefaultIusr) {
    const auto found = withRule(findingsOf({appHost("", "")}), "IISID-ANON-NOT-POOL-IDENTITY");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].finding.severity, Severity::Low);
    EXPECT_EQ(found[0].site, "Site1");
    EXPECT_EQ(found[0].path, "/");
    EXPECT_NE(found[0].finding.message.find("IUSR"), std::string::npos);
}

TEST(FindingsAuthentication, IISID_ANON_NOT_POOL_IDENTITY_PointsAtTheEnabledAttribute) {
    const std::string web = R"(<anonymousAuthentication enabled="true" />)";
    const auto found = withRule(findingsOf({appHost("", test::authentication(web))}),
                                "IISID-ANON-NOT-POOL-IDENTITY");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].finding.location.line, 18);
}

TEST(FindingsAuthentication, IISID_ANON_NOT_POOL_IDENTITY_NotRaisedForABlankUserName) {
    const std::string web = R"(<anonymousAuthentication enabled="true" userName="" />)";
    EXPECT_TRUE(withRule(findingsOf({appHost("", test::authentication(web))}),
                         "IISID-ANON-NOT-POOL-IDENTITY")
                    .empty());
}

// #11 IISID-ANON-NAMED-ACCOUNT
TEST(FindingsAuthentication, IISID_ANON_NAMED_ACCOUNT_RaisedHighForADomainAccount) {
    const std::string web =
        R"(<anonymousAuthentication enabled="true" userName="CONTOSO\webuser" password="x" />)";
    const auto found =
        withRule(findingsOf({appHost("", test::authentication(web))}), "IISID-ANON-NAMED-ACCOUNT");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].finding.severity, Severity::High);
    EXPECT_EQ(found[0].finding.message.find("x\""), std::string::npos);
    EXPECT_GT(found[0].finding.location.line, 0);
}

TEST(FindingsAuthentication, IISID_ANON_NAMED_ACCOUNT_NotRaisedForIusr) {
    const std::string web = R"(<anonymousAuthentication enabled="true" userName="IUSR" />)";
    EXPECT_TRUE(
        withRule(findingsOf({appHost("", test::authentication(web))}), "IISID-ANON-NAMED-ACCOUNT")
            .empty());
}

TEST(FindingsAuthentication, IISID_ANON_NAMED_ACCOUNT_NotRaisedWhenAnonymousIsOff) {
    const std::string web = R"(<anonymousAuthentication enabled="false" userName="test" />)";
    EXPECT_TRUE(
        withRule(findingsOf({appHost("", test::authentication(web))}), "IISID-ANON-NAMED-ACCOUNT")
            .empty());
}

TEST(FindingsAuthentication, IISID_ANON_NAMED_ACCOUNT_CorpusJexusWebSite2) {
    const auto found = withRule(
        findingsOf(
            {corpusFile("applicationhost/jexuswebserver_JexusManager__Tests-original2.config")}),
        "IISID-ANON-NAMED-ACCOUNT");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].site, "WebSite2");
    EXPECT_EQ(found[0].finding.severity, Severity::Medium);
    EXPECT_NE(found[0].finding.message.find("test"), std::string::npos);
}

TEST(FindingsAuthentication, IISID_ANON_NAMED_ACCOUNT_RaisedOnIis6ForANamedAccount) {
    const auto found = withRule(findingsOf({test::metabase(R"(AnonymousUserName="CONTOSO\web")")}),
                                "IISID-ANON-NAMED-ACCOUNT");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].finding.severity, Severity::High);
    EXPECT_EQ(found[0].finding.location.line, 18);
}

TEST(FindingsAuthentication, IISID_ANON_NAMED_ACCOUNT_NotRaisedOnIis6ForIusrMachine) {
    EXPECT_TRUE(withRule(findingsOf({test::metabase("")}), "IISID-ANON-NAMED-ACCOUNT").empty());
}

// #12 IISID-AUTH-NONE-ENABLED
TEST(FindingsAuthentication, IISID_AUTH_NONE_ENABLED_RaisedWhenEverySchemeIsOff) {
    const std::string web = R"(<anonymousAuthentication enabled="false" />)";
    const auto found =
        withRule(findingsOf({appHost("", test::handlers() + test::authentication(web))}),
                 "IISID-AUTH-NONE-ENABLED");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].finding.severity, Severity::Medium);
    EXPECT_GT(found[0].finding.location.line, 0);
}

TEST(FindingsAuthentication, IISID_AUTH_NONE_ENABLED_NotRaisedWhenWindowsIsOn) {
    const std::string web = R"(<anonymousAuthentication enabled="false" />
        <windowsAuthentication enabled="true" />)";
    EXPECT_TRUE(withRule(findingsOf({appHost("", test::handlers() + test::authentication(web))}),
                         "IISID-AUTH-NONE-ENABLED")
                    .empty());
}

TEST(FindingsAuthentication, IISID_AUTH_NONE_ENABLED_RaisedOnIis6ForAuthFlagsZero) {
    const auto found =
        withRule(findingsOf({test::metabase(R"(AuthFlags="0")")}), "IISID-AUTH-NONE-ENABLED");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].finding.location.line, 18);
}

TEST(FindingsAuthentication,
     IISID_AUTH_NONE_ENABLED_CorpusIisAdministrationOnlyWithoutItsWebConfig) {
    const std::string host = "applicationhost/microsoft_IIS.Administration__scripts-publish-"
                             "applicationHost.config";
    EXPECT_EQ(withRule(findingsOf({corpusFile(host)}), "IISID-AUTH-NONE-ENABLED").size(), 1u);
    // With its web.config (which turns Windows authentication on) the site is reachable.
    CheckInputFile web = corpusFile(
        "webconfig/microsoft_IIS.Administration__src-Microsoft.IIS.Administration-web.config");
    web.localPath = "/iisadmin/web.config";
    CheckOptions options;
    options.maps.push_back({"{Microsoft.IIS.Administration PHYSICAL_PATH}", "/iisadmin"});
    Result<CheckRun> run = runCheck({corpusFile(host), web}, options);
    ASSERT_TRUE(run.ok());
    EXPECT_TRUE(withRule(run.value().report.findings, "IISID-AUTH-NONE-ENABLED").empty());
}

// #13 IISID-BASIC-WITHOUT-SSL
TEST(FindingsAuthentication, IISID_BASIC_WITHOUT_SSL_RaisedWithoutSslFlags) {
    const std::string web = R"(<basicAuthentication enabled="true" />)";
    const auto found = withRule(findingsOf({appHost("", test::authentication(web), true)}),
                                "IISID-BASIC-WITHOUT-SSL");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].finding.severity, Severity::High);
}

TEST(FindingsAuthentication, IISID_BASIC_WITHOUT_SSL_NotRaisedWithSslRequiredAndHttps) {
    const std::string web = R"(<basicAuthentication enabled="true" />)";
    const std::string access =
        R"(<system.webServer><security><access sslFlags="Ssl" /></security></system.webServer>)";
    EXPECT_TRUE(withRule(findingsOf({appHost("", test::authentication(web) + access, true)}),
                         "IISID-BASIC-WITHOUT-SSL")
                    .empty());
}

// #13, IIS 6: AuthBasic in the effective AuthFlags, AccessSSL not in AccessSSLFlags.
TEST(FindingsAuthentication, IISID_BASIC_WITHOUT_SSL_RaisedForMetabaseBasicWithoutAccessSsl) {
    const auto found = withRule(
        findingsOf({test::metabase(R"(AuthFlags="AuthBasic" AccessSSLFlags="AccessSSL128")")}),
        "IISID-BASIC-WITHOUT-SSL");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].finding.message,
              "Basic authentication is enabled for Default Web Site/ (AuthFlags) but "
              "AccessSSLFlags (\"AccessSSL128\") has no AccessSSL: Windows passwords can cross "
              "the network base64-encoded.");
    EXPECT_EQ(found[0].finding.location.line, 18);
    EXPECT_EQ(found[0].path, "/");
}

TEST(FindingsAuthentication, IISID_BASIC_WITHOUT_SSL_NotRaisedForMetabaseWithAccessSsl) {
    // Inherited from /LM/W3SVC/1 is enough (INHERIT, C3.7); the number 8 is AccessSSL.
    for (const std::string flags :
         {R"(AccessSSLFlags="AccessSSL | AccessSSL128")", R"(AccessSSLFlags="264")"})
        EXPECT_TRUE(
            withRule(findingsOf({test::metabase(R"(AuthFlags="AuthBasic | AuthNTLM" )" + flags)}),
                     "IISID-BASIC-WITHOUT-SSL")
                .empty())
            << flags;
    EXPECT_TRUE(withRule(findingsOf({test::metabase("")}), "IISID-BASIC-WITHOUT-SSL").empty());
}

// #14 IISID-KERBEROS-CUSTOM-IDENTITY
TEST(FindingsAuthentication, IISID_KERBEROS_CUSTOM_IDENTITY_RaisedForADomainPoolAccount) {
    const std::string pool =
        R"(<processModel identityType="SpecificUser" userName="CONTOSO\svc" password="p" />)";
    const std::string web = R"(<anonymousAuthentication enabled="false" />
        <windowsAuthentication enabled="true" useKernelMode="true" />)";
    const auto found = withRule(findingsOf({appHost(pool, test::authentication(web))}),
                                "IISID-KERBEROS-CUSTOM-IDENTITY");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].finding.message.find("verify"), std::string::npos);
}

TEST(FindingsAuthentication, IISID_KERBEROS_CUSTOM_IDENTITY_NotRaisedWithAppPoolCredentials) {
    const std::string pool =
        R"(<processModel identityType="SpecificUser" userName="CONTOSO\svc" password="p" />)";
    const std::string web = R"(<anonymousAuthentication enabled="false" />
        <windowsAuthentication enabled="true" useKernelMode="true" useAppPoolCredentials="true" />)";
    EXPECT_TRUE(withRule(findingsOf({appHost(pool, test::authentication(web))}),
                         "IISID-KERBEROS-CUSTOM-IDENTITY")
                    .empty());
}

// #15 IISID-FORMS-WITH-WINDOWS-AUTH
TEST(FindingsAuthentication, IISID_FORMS_WITH_WINDOWS_AUTH_RaisedInIntegratedMode) {
    const std::string web = R"(<windowsAuthentication enabled="true" />)";
    const std::string forms = R"(<system.web><authentication mode="Forms" /></system.web>)";
    const auto found = withRule(findingsOf({appHost("", test::authentication(web) + forms)}),
                                "IISID-FORMS-WITH-WINDOWS-AUTH");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].finding.message.find("Windows"), std::string::npos);
}

TEST(FindingsAuthentication, IISID_FORMS_WITH_WINDOWS_AUTH_NotRaisedWithAnonymousOnly) {
    const std::string forms = R"(<system.web><authentication mode="Forms" /></system.web>)";
    EXPECT_TRUE(
        withRule(findingsOf({appHost("", forms)}), "IISID-FORMS-WITH-WINDOWS-AUTH").empty());
}

// #35 IISID-RUNTIME-WORKER-USER
TEST(FindingsAuthentication, IISID_RUNTIME_WORKER_USER_RaisedForUseWorkerProcessUser) {
    const std::string runtime =
        R"(<system.webServer><serverRuntime authenticatedUserOverride="UseWorkerProcessUser" /></system.webServer>)";
    const auto found = withRule(findingsOf({appHost("", runtime)}), "IISID-RUNTIME-WORKER-USER");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_GT(found[0].finding.location.line, 0);
}

TEST(FindingsAuthentication, IISID_RUNTIME_WORKER_USER_NotRaisedByDefault) {
    EXPECT_TRUE(withRule(findingsOf({appHost("", "")}), "IISID-RUNTIME-WORKER-USER").empty());
}

} // namespace
} // namespace iisid::check
