// The ASP.NET and ASP.NET Core rules of the findings catalogue (config-semantics.md §5 #17-#22,
// #33, #34) on small inline configurations and on the corpus cases §5 names.

#include "findings_test_support.h"

#include <gtest/gtest.h>

namespace iisid::check {
namespace {

using test::appHost;
using test::corpusFile;
using test::findingsOf;
using test::handlers;
using test::webConfig;
using test::withRule;

std::string systemWeb(const std::string &children) {
    return "<system.web>" + children + "</system.web>";
}

std::string validation(bool on) {
    return std::string(R"(<system.webServer><validation validateIntegratedModeConfiguration=")") +
           (on ? "true" : "false") + R"(" /></system.webServer>)";
}

// #17 IISID-ASPNET-500-24
TEST(FindingsAspNet, IISID_ASPNET_500_24_RaisedForImpersonationInIntegratedMode) {
    const auto found = withRule(
        findingsOf({appHost("", handlers() + systemWeb(R"(<identity impersonate="true" />)"))}),
        "IISID-ASPNET-500-24");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].finding.severity, Severity::Error);
    EXPECT_EQ(found[0].finding.status, Confidence::Confirmed);
    EXPECT_GT(found[0].finding.location.line, 0);
}

TEST(FindingsAspNet, IISID_ASPNET_500_24_NotRaisedWithValidationOff) {
    EXPECT_TRUE(withRule(findingsOf({appHost(
                             "", handlers() + systemWeb(R"(<identity impersonate="true" />)") +
                                     validation(false))}),
                         "IISID-ASPNET-500-24")
                    .empty());
}

TEST(FindingsAspNet, IISID_ASPNET_500_24_NotRaisedInClassicMode) {
    EXPECT_TRUE(withRule(findingsOf({appHost("", systemWeb(R"(<identity impersonate="true" />)"),
                                             false, R"(managedPipelineMode="Classic")")}),
                         "IISID-ASPNET-500-24")
                    .empty());
}

// #18 IISID-ASPNET-IMPERSONATION-EARLY-STAGES
TEST(FindingsAspNet, IISID_ASPNET_IMPERSONATION_EARLY_STAGES_RaisedWithValidationOff) {
    const auto found = withRule(
        findingsOf({appHost("", handlers() + systemWeb(R"(<identity impersonate="true" />)") +
                                    validation(false))}),
        "IISID-ASPNET-IMPERSONATION-EARLY-STAGES");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].finding.severity, Severity::Low);
}

TEST(FindingsAspNet, IISID_ASPNET_IMPERSONATION_EARLY_STAGES_NotRaisedWithoutImpersonation) {
    EXPECT_TRUE(withRule(findingsOf({appHost("", validation(false))}),
                         "IISID-ASPNET-IMPERSONATION-EARLY-STAGES")
                    .empty());
}

// #19 IISID-ASPNET-APP-IMPERSONATION
TEST(FindingsAspNet, IISID_ASPNET_APP_IMPERSONATION_RaisedMediumWithAPassword) {
    const auto found = withRule(
        findingsOf({appHost(
            "",
            systemWeb(R"(<identity impersonate="true" userName="CONTOSO\app" password="pw" />)") +
                validation(false))}),
        "IISID-ASPNET-APP-IMPERSONATION");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].finding.severity, Severity::Medium);
    EXPECT_EQ(found[0].finding.status, Confidence::Partial);
    EXPECT_EQ(found[0].finding.message.find("pw"), std::string::npos);
}

TEST(FindingsAspNet, IISID_ASPNET_APP_IMPERSONATION_NotRaisedWithoutUserName) {
    EXPECT_TRUE(withRule(findingsOf({appHost("", systemWeb(R"(<identity impersonate="true" />)"))}),
                         "IISID-ASPNET-APP-IMPERSONATION")
                    .empty());
}

TEST(FindingsAspNet, IISID_ASPNET_APP_IMPERSONATION_CorpusAwsCtaIsAnError) {
    const auto found = withRule(
        findingsOf(
            {corpusFile("webconfig/aws_cta__tst-CTA.Rules.Test-TestFiles-Configs-Web.config")}),
        "IISID-ASPNET-APP-IMPERSONATION");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].finding.severity, Severity::Error);
    EXPECT_EQ(found[0].finding.status, Confidence::Unconfirmed);
    EXPECT_NE(found[0].finding.message.find("virtual account"), std::string::npos);
    EXPECT_EQ(found[0].finding.location.line, 21);
}

// #20 IISID-ASPNET-ENCRYPTED-IDENTITY
TEST(FindingsAspNet, IISID_ASPNET_ENCRYPTED_IDENTITY_RaisedForAProtectedSection) {
    const std::string identity =
        R"(<identity configProtectionProvider="RsaProtectedConfigurationProvider"><EncryptedData><CipherData><CipherValue>AAAA</CipherValue></CipherData></EncryptedData></identity>)";
    const auto found =
        withRule(findingsOf({appHost("", systemWeb(identity))}), "IISID-ASPNET-ENCRYPTED-IDENTITY");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].finding.severity, Severity::Error);
}

TEST(FindingsAspNet, IISID_ASPNET_ENCRYPTED_IDENTITY_NotRaisedForAPlainSection) {
    EXPECT_TRUE(
        withRule(findingsOf({appHost("", systemWeb(R"(<identity impersonate="false" />)"))}),
                 "IISID-ASPNET-ENCRYPTED-IDENTITY")
            .empty());
}

// #21 IISID-ASPNET-FORMS-IMPERSONATE
TEST(FindingsAspNet, IISID_ASPNET_FORMS_IMPERSONATE_RaisedForFormsWithImpersonation) {
    const auto found = withRule(
        findingsOf({appHost(
            "", systemWeb(R"(<identity impersonate="true" /><authentication mode="Forms" />)") +
                    validation(false))}),
        "IISID-ASPNET-FORMS-IMPERSONATE");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].finding.severity, Severity::Medium);
}

TEST(FindingsAspNet, IISID_ASPNET_FORMS_IMPERSONATE_NotRaisedForWindowsMode) {
    EXPECT_TRUE(
        withRule(
            findingsOf({appHost(
                "",
                systemWeb(R"(<identity impersonate="true" /><authentication mode="Windows" />)"))}),
            "IISID-ASPNET-FORMS-IMPERSONATE")
            .empty());
}

// #22 IISID-SETTINGS-WITHOUT-EFFECT
TEST(FindingsAspNet, IISID_SETTINGS_WITHOUT_EFFECT_RaisedForIdentityInANoManagedCodePool) {
    const auto found =
        withRule(findingsOf({appHost("", systemWeb(R"(<authentication mode="Windows" />)"), false,
                                     R"(managedRuntimeVersion="")")}),
                 "IISID-SETTINGS-WITHOUT-EFFECT");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].finding.severity, Severity::Info);
}

TEST(FindingsAspNet, IISID_SETTINGS_WITHOUT_EFFECT_NotRaisedInAManagedPool) {
    EXPECT_TRUE(
        withRule(findingsOf({appHost("", systemWeb(R"(<authentication mode="Windows" />)"))}),
                 "IISID-SETTINGS-WITHOUT-EFFECT")
            .empty());
}

// #22: enableConfigurationOverride="false" - IIS ignores the pool's applications' web.config
// files (C1.30), and so does the effective configuration (no lock error, no identity change).
std::vector<CheckInputFile> overridePool(const std::string &poolAttributes) {
    const std::string web =
        test::webConfig(
            test::authentication(
                R"(<anonymousAuthentication enabled="false" /><windowsAuthentication enabled="true" />)"))
            .bytes;
    return {appHost("", "", false, poolAttributes),
            {"web.config", "/srv/site1/web.config", web, true}};
}

CheckOptions mappedSite1() {
    CheckOptions options;
    options.maps.push_back({"C:\\inetpub\\site1", "/srv/site1"});
    return options;
}

TEST(FindingsAspNet, IISID_SETTINGS_WITHOUT_EFFECT_RaisedForWebConfigOfAPoolWithoutOverride) {
    Result<CheckRun> run =
        runCheck(overridePool(R"(enableConfigurationOverride="false")"), mappedSite1());
    ASSERT_TRUE(run.ok());
    const auto found = withRule(run.value().report.findings, "IISID-SETTINGS-WITHOUT-EFFECT");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].finding.message,
              "web.config sets system.webServer/security/authentication/anonymousAuthentication, "
              "system.webServer/security/authentication/windowsAuthentication for Site1/, but "
              "pool Pool1 has enableConfigurationOverride=\"false\": IIS ignores every "
              "web.config of its applications, so these settings do not change the identity. "
              "Partly confirmed.");
    EXPECT_EQ(found[0].finding.location.toString(), "web.config:3:45");
    EXPECT_TRUE(withRule(run.value().report.findings, "IISID-CONFIG-SECTION-LOCKED").empty());
    // The identities follow IIS: anonymous stays on (the web.config's settings are not read).
    ASSERT_EQ(run.value().report.applications.size(), 1u);
    EXPECT_TRUE(run.value().report.applications[0].authentication.anonymous);
    EXPECT_FALSE(run.value().report.applications[0].authentication.windows);
}

TEST(FindingsAspNet, IISID_SETTINGS_WITHOUT_EFFECT_NotRaisedForWebConfigOfAPoolWithOverride) {
    Result<CheckRun> run = runCheck(overridePool(""), mappedSite1());
    ASSERT_TRUE(run.ok());
    EXPECT_TRUE(withRule(run.value().report.findings, "IISID-SETTINGS-WITHOUT-EFFECT").empty());
}

TEST(FindingsAspNet, IISID_SETTINGS_WITHOUT_EFFECT_RaisedForAnAuthenticationWithoutItsModule) {
    const auto found = withRule(
        findingsOf({appHost(
            "",
            R"(<system.webServer><modules><add name="AnonymousAuthenticationModule" /></modules>)"
            R"(<security><authentication><windowsAuthentication enabled="true" />)"
            R"(</authentication></security></system.webServer>)")}),
        "IISID-SETTINGS-WITHOUT-EFFECT");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].finding.message.find("WindowsAuthenticationModule"), std::string::npos);
    EXPECT_NE(found[0].finding.message.find("unconfirmed"), std::string::npos);
    EXPECT_EQ(found[0].finding.status, Confidence::Unconfirmed);
}

TEST(FindingsAspNet, IISID_SETTINGS_WITHOUT_EFFECT_NotRaisedWhenTheModuleIsLoaded) {
    EXPECT_TRUE(
        withRule(
            findingsOf({appHost(
                "",
                R"(<system.webServer><modules><add name="WindowsAuthenticationModule" /></modules>)"
                R"(<security><authentication><windowsAuthentication enabled="true" />)"
                R"(</authentication></security></system.webServer>)")}),
            "IISID-SETTINGS-WITHOUT-EFFECT")
            .empty());
}

// #33 IISID-ANCM-INPROCESS-SHARED-POOL (two sites' web.config files in one pool)
TEST(FindingsAspNet, IISID_ANCM_INPROCESS_SHARED_POOL_RaisedForTwoInProcessAppsInOnePool) {
    // Both applications of Pool1 inherit one in-process aspNetCore from applicationHost.config.
    std::string host =
        appHost(
            "",
            R"(<system.webServer><handlers accessPolicy="Read, Script"><add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" /></handlers><aspNetCore processPath="dotnet" hostingModel="inprocess" /></system.webServer>)")
            .bytes;
    const std::string second = R"(<application path="/two" applicationPool="Pool1">
          <virtualDirectory path="/" physicalPath="C:\inetpub\two" />
        </application>
        <bindings>)";
    host.replace(host.find("<bindings>"), 10, second);
    const auto found = withRule(
        findingsOf({{"applicationHost.config", "/tmp/applicationHost.config", host, true}}),
        "IISID-ANCM-INPROCESS-SHARED-POOL");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].finding.message.find("Pool1"), std::string::npos);
}

TEST(FindingsAspNet, IISID_ANCM_INPROCESS_SHARED_POOL_NotRaisedForOneApp) {
    const auto found = withRule(
        findingsOf({appHost(
            "",
            R"(<system.webServer><handlers accessPolicy="Read, Script"><add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" /></handlers><aspNetCore processPath="dotnet" hostingModel="inprocess" /></system.webServer>)")}),
        "IISID-ANCM-INPROCESS-SHARED-POOL");
    EXPECT_TRUE(found.empty());
}

// #34 IISID-ANCM-HOSTINGMODEL-IMPLICIT
TEST(FindingsAspNet, IISID_ANCM_HOSTINGMODEL_IMPLICIT_RaisedWithoutHostingModel) {
    const auto found = withRule(
        findingsOf({webConfig(
            R"(<system.webServer><aspNetCore processPath="dotnet" /></system.webServer>)")}),
        "IISID-ANCM-HOSTINGMODEL-IMPLICIT");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].finding.severity, Severity::Info);
    EXPECT_EQ(found[0].finding.location.line, 3);
}

TEST(FindingsAspNet, IISID_ANCM_HOSTINGMODEL_IMPLICIT_NotRaisedWithHostingModel) {
    EXPECT_TRUE(
        withRule(
            findingsOf({webConfig(
                R"(<system.webServer><aspNetCore processPath="dotnet" hostingModel="OutOfProcess" /></system.webServer>)")}),
            "IISID-ANCM-HOSTINGMODEL-IMPLICIT")
            .empty());
}

TEST(FindingsAspNet, IISID_ANCM_HOSTINGMODEL_IMPLICIT_CorpusIisAdministration) {
    const auto found =
        withRule(findingsOf({corpusFile(
                     "webconfig/"
                     "microsoft_IIS.Administration__src-Microsoft.IIS.Administration-web.config")}),
                 "IISID-ANCM-HOSTINGMODEL-IMPLICIT");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].finding.location.line, 7);
    EXPECT_NE(found[0].finding.message.find("forwardWindowsAuthToken"), std::string::npos);
}

TEST(FindingsAspNet, IISID_ANCM_HOSTINGMODEL_IMPLICIT_CorpusIisSampleIgnoresCommentedElements) {
    const auto found = withRule(
        findingsOf({corpusFile("webconfig/aspnet_IISIntegration__samples-IISSample-web.config")}),
        "IISID-ANCM-HOSTINGMODEL-IMPLICIT");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].finding.location.line, 11);
    EXPECT_EQ(found[0].finding.message.find("forwardWindowsAuthToken"), std::string::npos);
}

} // namespace
} // namespace iisid::check
