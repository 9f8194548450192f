// The configuration rules of the findings catalogue (model/check/findings_configuration.cpp,
// config-semantics.md §5 #16, #39, #40), each raised on a small configuration and left alone on
// its near miss.

#include "findings_handler_support.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace {

using iisid::Severity;
using iisid::check::CheckFinding;
using iisid::check::CheckInputFile;
using namespace iisid::check::testing;

std::string appHost(const std::string &declarations, const std::string &after = {},
                    const std::string &pools = R"(<add name="Pool" />)") {
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<configuration>
  <configSections>
    <sectionGroup name="system.applicationHost">
      <section name="applicationPools" allowDefinition="AppHostOnly" overrideModeDefault="Deny" />
      <section name="sites" allowDefinition="AppHostOnly" overrideModeDefault="Deny" />
    </sectionGroup>
    <sectionGroup name="system.webServer">
      <sectionGroup name="security">
        <sectionGroup name="authentication">
)" + declarations +
           R"(
        </sectionGroup>
      </sectionGroup>
    </sectionGroup>
  </configSections>
  <system.applicationHost>
    <applicationPools>)" +
           pools + R"(</applicationPools>
    <sites>
      <site name="Site" id="1">
        <application path="/" applicationPool="Pool">
          <virtualDirectory path="/" physicalPath="C:\inetpub\site" />
        </application>
      </site>
    </sites>
  </system.applicationHost>
)" + after +
           R"(
</configuration>
)";
}

const std::string windowsDeny =
    R"(<section name="windowsAuthentication" overrideModeDefault="Deny" />)";
const std::string windowsAllow =
    R"(<section name="windowsAuthentication" overrideModeDefault="Allow" />)";

/// Windows authentication turned on, as a web.config writes it.
const std::string windowsOn = R"(  <system.webServer>
    <security>
      <authentication>
        <windowsAuthentication enabled="true" />
      </authentication>
    </security>
  </system.webServer>
)";

const std::string webConfigStart = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<configuration>\n";

const std::string webConfig = webConfigStart + windowsOn + "</configuration>\n";

std::vector<CheckInputFile> withWebConfig(const std::string &host) {
    return {{"applicationHost.config", "applicationHost.config", host},
            {"web.config", "inetpub/site/web.config", webConfig}};
}

iisid::check::CheckOptions mapped() {
    iisid::check::CheckOptions options;
    options.maps.push_back({"C:\\inetpub\\site", "inetpub/site"});
    options.iisVersion = iisid::IisVersion::V10_0;
    return options;
}

TEST(FindingsConfiguration, IISID_CONFIG_SECTION_LOCKED_RaisedForADeniedSectionInWebConfig) {
    const auto findings = check(withWebConfig(appHost(windowsDeny)), mapped());
    const auto found = withRule(findings, "IISID-CONFIG-SECTION-LOCKED");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0]->finding.severity, Severity::Error);
    EXPECT_EQ(found[0]->finding.location.file, "web.config");
    EXPECT_EQ(found[0]->finding.location.line, 6);
    EXPECT_EQ(found[0]->site, "Site");
    EXPECT_EQ(found[0]->path, "/");
}

TEST(FindingsConfiguration, IISID_CONFIG_SECTION_LOCKED_NotRaisedForAnAllowedSection) {
    const auto findings = check(withWebConfig(appHost(windowsAllow)), mapped());
    EXPECT_TRUE(withRule(findings, "IISID-CONFIG-SECTION-LOCKED").empty());
}

TEST(FindingsConfiguration, IISID_CONFIG_SECTION_LOCKED_NotRaisedForAnAppHostLocation) {
    const auto findings = check(
        {{"applicationHost.config", "applicationHost.config",
          appHost(
              windowsDeny,
              R"(<location path="Site"><system.webServer><security><authentication><windowsAuthentication enabled="true" /></authentication></security></system.webServer></location>)")}},
        mapped());
    EXPECT_TRUE(withRule(findings, "IISID-CONFIG-SECTION-LOCKED").empty());
}

// #16 for a <location> inside a web.config: its path is relative to the web.config's URL (C1.12)
// and the lock binds it as it binds the web.config's own top level (C1.20-C1.24).
const std::string webConfigLocation =
    webConfigStart + "<location path=\"secure\">\n" + windowsOn + "</location>\n</configuration>\n";

TEST(FindingsConfiguration, IISID_CONFIG_SECTION_LOCKED_RaisedForALocationInsideAWebConfig) {
    const auto findings =
        check({{"applicationHost.config", "applicationHost.config", appHost(windowsDeny)},
               {"web.config", "inetpub/site/web.config", webConfigLocation}},
              mapped());
    const auto found = withRule(findings, "IISID-CONFIG-SECTION-LOCKED");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0]->finding.location.toString(), "web.config:7:9");
    EXPECT_EQ(found[0]->site, "Site");
    EXPECT_EQ(found[0]->path, "/secure");
    EXPECT_TRUE(mentions(found, "is set for Site/secure although it is locked"));
}

TEST(FindingsConfiguration,
     IISID_CONFIG_SECTION_LOCKED_NotRaisedForALocationInsideAWebConfigWhenAllowed) {
    const auto findings =
        check({{"applicationHost.config", "applicationHost.config", appHost(windowsAllow)},
               {"web.config", "inetpub/site/web.config", webConfigLocation}},
              mapped());
    EXPECT_TRUE(withRule(findings, "IISID-CONFIG-SECTION-LOCKED").empty());
}

TEST(FindingsConfiguration, IISID_LOCATION_ORPHAN_RaisedForAnUnknownSite) {
    const auto findings = check(
        {{"applicationHost.config", "applicationHost.config",
          appHost(windowsDeny, R"(<location path="Nowhere/app"><system.webServer /></location>)")}},
        mapped());
    const auto found = withRule(findings, "IISID-LOCATION-ORPHAN");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0]->finding.severity, Severity::Low);
    EXPECT_TRUE(mentions(found, "no site named 'Nowhere'"));
    EXPECT_TRUE(mentions(found, "UNCONFIRMED"));
}

TEST(FindingsConfiguration, IISID_LOCATION_ORPHAN_NotRaisedForADefinedSiteInAnotherCase) {
    const auto findings = check(
        {{"applicationHost.config", "applicationHost.config",
          appHost(windowsDeny, R"(<location path="site/app"><system.webServer /></location>)")}},
        mapped());
    EXPECT_TRUE(withRule(findings, "IISID-LOCATION-ORPHAN").empty());
}

TEST(FindingsConfiguration, IISID_INPUT_SCOPE_RaisedWhenTheVersionIsAssumed) {
    const auto findings =
        check({{"applicationHost.config", "applicationHost.config", appHost(windowsDeny)}});
    const auto found = withRule(findings, "IISID-INPUT-SCOPE");
    ASSERT_FALSE(found.empty());
    EXPECT_EQ(found[0]->finding.severity, Severity::Info);
    EXPECT_TRUE(mentions(found, "IIS version"));
}

TEST(FindingsConfiguration, IISID_INPUT_SCOPE_NotRaisedForAGivenVersionAndNothingAssumed) {
    const auto findings = check(
        {{"applicationHost.config", "applicationHost.config", appHost(windowsDeny)}}, mapped());
    EXPECT_TRUE(withRule(findings, "IISID-INPUT-SCOPE").empty());
}

TEST(FindingsConfiguration, IISID_INPUT_SCOPE_RaisedForAnIisExpressFile) {
    const auto findings = check({{"applicationHost.config", "applicationHost.config",
                                  appHost(windowsDeny, {}, R"(<add name="IISExpressAppPool" />)")}},
                                mapped());
    EXPECT_TRUE(mentions(withRule(findings, "IISID-INPUT-SCOPE"), "IIS Express"));
}

TEST(FindingsConfiguration, IISID_INPUT_SCOPE_RaisedForAPhpIniTiedToNoApplication) {
    const auto findings =
        check({{"applicationHost.config", "applicationHost.config", appHost(windowsDeny)},
               {"php.ini", "php.ini", "[PHP]\nfastcgi.impersonate = 1\n"}},
              mapped());
    const auto found = withRule(findings, "IISID-INPUT-SCOPE");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0]->finding.location.file, "php.ini");
    EXPECT_TRUE(mentions(found, "not tied to any FastCGI application"));
}

TEST(FindingsConfiguration, IISID_INPUT_SCOPE_RaisedForEncryptedPasswords) {
    const auto findings = check(
        {{"applicationHost.config", "applicationHost.config",
          appHost(
              windowsDeny, {},
              R"(<add name="Pool"><processModel identityType="SpecificUser" userName="u" password="[enc:IISCngProvider:abc:enc]" /></add>)")}},
        mapped());
    EXPECT_TRUE(mentions(withRule(findings, "IISID-INPUT-SCOPE"), "1 encrypted password"));
}

#ifdef IISID_CORPUS_DIR

TEST(FindingsConfigurationCorpus, IISID_LOCATION_ORPHAN_OnJexusManagerOriginal2) {
    const auto findings =
        check({{"original2.config", "original2.config",
                corpus("applicationhost/jexuswebserver_JexusManager__Tests-original2.config")}});
    const auto found = withRule(findings, "IISID-LOCATION-ORPHAN");
    ASSERT_FALSE(found.empty());
    EXPECT_TRUE(mentions(found, "'Default Web Site'"));
}

/// The IIS Administration pair, the web.config placed at the site root through --map.
std::vector<CheckFinding> iisAdministration(const std::string &declaredMode) {
    std::string host = corpus(
        "applicationhost/microsoft_IIS.Administration__scripts-publish-applicationHost.config");
    const std::string allow =
        R"(<section name="windowsAuthentication" overrideModeDefault="Allow" />)";
    const std::size_t at = host.find(allow);
    EXPECT_NE(at, std::string::npos);
    host.replace(at, allow.size(),
                 R"(<section name="windowsAuthentication" overrideModeDefault=")" + declaredMode +
                     R"(" />)");
    iisid::check::CheckOptions options;
    options.maps.push_back({"{Microsoft.IIS.Administration PHYSICAL_PATH}", "iisadmin"});
    return check(
        {{"applicationHost.config", "applicationHost.config", host},
         {"web.config", "iisadmin/web.config",
          corpus("webconfig/"
                 "microsoft_IIS.Administration__src-Microsoft.IIS.Administration-web.config")}},
        options);
}

TEST(FindingsConfigurationCorpus, IISID_CONFIG_SECTION_LOCKED_NotOnIisAdministration) {
    EXPECT_TRUE(withRule(iisAdministration("Allow"), "IISID-CONFIG-SECTION-LOCKED").empty());
}

// The control: the same pair with the section declared Deny does raise it, so the web.config
// was placed and read.
TEST(FindingsConfigurationCorpus, IISID_CONFIG_SECTION_LOCKED_OnIisAdministrationWithDeny) {
    const auto found = withRule(iisAdministration("Deny"), "IISID-CONFIG-SECTION-LOCKED");
    ASSERT_FALSE(found.empty());
    EXPECT_EQ(found[0]->finding.location.file, "web.config");
}
#endif

} // namespace
