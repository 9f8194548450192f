// Effective sections along SITE/URL (config-semantics.md §1.2-§1.6, §2): locations, merge,
// locks, inheritance switches, collections, configSource, secrets.

#include "config_test_support.h"

#include <gtest/gtest.h>

namespace {

using namespace iisid::config;
using test::appHost;
using test::oneSite;
using test::readSet;

constexpr const char *anonymous =
    "system.webServer/security/authentication/anonymousAuthentication";
constexpr const char *windows = "system.webServer/security/authentication/windowsAuthentication";

/// The configSections of a stock server for the sections these tests use (STOCK10 lines 43-105).
const std::string stockSections = R"(<configSections>
<sectionGroup name="system.applicationHost"><section name="sites" allowDefinition="AppHostOnly" overrideModeDefault="Deny" /><section name="applicationPools" allowDefinition="AppHostOnly" overrideModeDefault="Deny" /></sectionGroup>
<sectionGroup name="system.webServer"><section name="handlers" overrideModeDefault="Deny" /><section name="fastCgi" allowDefinition="AppHostOnly" overrideModeDefault="Deny" /><section name="validation" overrideModeDefault="Allow" />
<sectionGroup name="security"><sectionGroup name="authentication"><section name="anonymousAuthentication" overrideModeDefault="Deny" /><section name="windowsAuthentication" overrideModeDefault="Deny" /></sectionGroup></sectionGroup></sectionGroup>
</configSections>
)";

std::string text(const EffectiveSection &section, const char *attribute) {
    const ConfigValue *value = section.attribute(attribute);
    return value == nullptr ? "<absent>" : std::string(value->text);
}

/// applicationHost.config with one site S (root at C:\site, app /app at C:\app) plus rest.
std::unique_ptr<ConfigSet> hostWith(const std::string &rest,
                                    std::vector<InputFile> webConfigs = {}) {
    std::vector<InputFile> files{
        {"applicationHost.config", "config/applicationHost.config",
         appHost(oneSite("<application path=\"/app\" applicationPool=\"P\"><virtualDirectory "
                         "path=\"/\" physicalPath=\"C:\\app\" /></application>"),
                 rest, stockSections)}};
    for (InputFile &file : webConfigs)
        files.push_back(std::move(file));
    ConfigSetOptions options;
    options.mappings = {{"C:\\site", "copy/site"}, {"C:\\app", "copy/app"}};
    return readSet(std::move(files), options);
}

TEST(EffectiveConfig, C1_32_NothingWrittenGivesSchemaDefaultsWithoutOrigin) {
    const auto set = hostWith("");
    const EffectiveSection section = set->effectiveSection("S", "/", anonymous);
    EXPECT_FALSE(section.written);
    EXPECT_EQ(text(section, "userName"), "IUSR"); // S10:L1153
    EXPECT_EQ(section.attribute("userName")->source, ValueSource::SchemaDefault);
    EXPECT_TRUE(section.attribute("password")->secret);
}

TEST(EffectiveConfig, C1_33_C2_2_BlankUserNameIsWrittenAbsentInheritsTheDefault) {
    const auto set = hostWith(R"(<location path="S/app"><system.webServer><security><authentication>
<anonymousAuthentication userName="" /></authentication></security></system.webServer></location>)");
    const EffectiveSection blank = set->effectiveSection("S", "/app", anonymous);
    ASSERT_NE(blank.attribute("userName"), nullptr);
    EXPECT_EQ(blank.attribute("userName")->text, "");
    EXPECT_TRUE(blank.attribute("userName")->written());
    EXPECT_EQ(set->location(blank.attribute("userName")->origin).toString(),
              "applicationHost.config:14:26");
    const EffectiveSection root = set->effectiveSection("S", "/", anonymous);
    EXPECT_EQ(text(root, "userName"), "IUSR");
    EXPECT_FALSE(root.attribute("userName")->written());
}

TEST(EffectiveConfig, C1_32_AnElementWithoutAttributesChangesNothing) {
    const auto set = hostWith(R"(<system.webServer><security><authentication>
<windowsAuthentication /></authentication></security></system.webServer>)");
    const EffectiveSection section = set->effectiveSection("S", "/", windows);
    EXPECT_TRUE(section.written);
    EXPECT_EQ(text(section, "enabled"), "false");
    EXPECT_EQ(text(section, "useKernelMode"), "true"); // S10:L1238
    EXPECT_EQ(text(section, "useAppPoolCredentials"), "false");
}

struct LocationRow {
    const char *name;
    const char *locationPath;
    const char *url;
    const char *expectedUser;
};

class LocationPath : public ::testing::TestWithParam<LocationRow> {};

TEST_P(LocationPath, C1_10_C1_17_LocationPathsMatchBySegmentAndIgnoreCase) {
    const auto set = hostWith(std::string("<location path=\"") + GetParam().locationPath +
                              R"("><system.webServer><security><authentication>
<anonymousAuthentication userName="X" /></authentication></security></system.webServer></location>)");
    EXPECT_EQ(text(set->effectiveSection("S", GetParam().url, anonymous), "userName"),
              GetParam().expectedUser);
}

INSTANTIATE_TEST_SUITE_P(
    Rows, LocationPath,
    ::testing::Values(LocationRow{"Global", "", "/app", "X"}, LocationRow{"Dot", ".", "/", "X"},
                      LocationRow{"Site", "S", "/app/x", "X"},
                      LocationRow{"SiteOtherCase", "s", "/", "X"},
                      LocationRow{"Application", "S/app", "/APP", "X"},
                      LocationRow{"ApplicationNotItsParent", "S/app", "/", "IUSR"},
                      LocationRow{"WholeSegmentsOnly", "S/ap", "/app", "IUSR"},
                      LocationRow{"Folder", "S/app/folder", "/app/folder/sub", "X"},
                      LocationRow{"File", "S/app/f.aspx", "/app/f.aspx", "X"},
                      LocationRow{"Backslashes", "S\\app\\", "/app", "X"},
                      LocationRow{"OtherSite", "T", "/", "IUSR"}),
    [](const auto &row) { return std::string(row.param.name); });

TEST(EffectiveConfig, C1_15_DeeperLocationsOverrideShallowerOnesWhateverTheirOrder) {
    const auto set = hostWith(R"(
<location path="S/app"><system.webServer><security><authentication><anonymousAuthentication userName="deep" /></authentication></security></system.webServer></location>
<location path="S"><system.webServer><security><authentication><anonymousAuthentication userName="site" enabled="false" /></authentication></security></system.webServer></location>)");
    const EffectiveSection section = set->effectiveSection("S", "/app", anonymous);
    EXPECT_EQ(text(section, "userName"), "deep");
    EXPECT_EQ(text(section, "enabled"), "false");
}

const std::string lockedWebConfig = R"(<configuration><system.webServer><security><authentication>
<anonymousAuthentication userName="" /></authentication></security></system.webServer></configuration>)";

TEST(EffectiveConfig, C1_24_WebConfigSettingADenySectionIsALockViolationNotApplied) {
    const auto set = hostWith("", {{"app/web.config", "copy/app/web.config", lockedWebConfig}});
    const EffectiveSection section = set->effectiveSection("S", "/app", anonymous);
    ASSERT_EQ(section.violations.size(), 1u);
    const LockViolation &violation = section.violations.front();
    EXPECT_EQ(violation.what, "section " + std::string(anonymous));
    EXPECT_EQ(violation.lock, "overrideModeDefault=\"Deny\"");
    EXPECT_EQ(set->location(violation.where).toString(), "app/web.config:2:1");
    EXPECT_EQ(set->location(violation.lockedAt).toString(), "applicationHost.config:5:67");
    EXPECT_EQ(text(section, "userName"), "IUSR");
}

TEST(EffectiveConfig, C1_23_AppHostLocationMaySetADenySection) {
    const auto set = hostWith(R"(<location path="S/app"><system.webServer><security><authentication>
<anonymousAuthentication userName="" /></authentication></security></system.webServer></location>)");
    const EffectiveSection section = set->effectiveSection("S", "/app", anonymous);
    EXPECT_TRUE(section.violations.empty());
    EXPECT_EQ(text(section, "userName"), "");
}

TEST(EffectiveConfig, C1_21_LocationOverrideModeAllowUnlocksTheWebConfig) {
    const auto set = hostWith(
        R"(<location path="S/app" overrideMode="Allow"><system.webServer><security><authentication>
<anonymousAuthentication /></authentication></security></system.webServer></location>)",
        {{"app/web.config", "copy/app/web.config", lockedWebConfig}});
    const EffectiveSection section = set->effectiveSection("S", "/app", anonymous);
    EXPECT_TRUE(section.violations.empty());
    EXPECT_EQ(text(section, "userName"), "");
    EXPECT_EQ(set->location(section.attribute("userName")->origin).file, "app/web.config");
}

TEST(EffectiveConfig, C1_22_AllowOverrideFalseLocksAnAllowSection) {
    const auto set = hostWith(
        R"(<location path="S" allowOverride="false"><system.webServer>
<validation validateIntegratedModeConfiguration="true" /></system.webServer></location>)",
        {{"site/web.config", "copy/site/web.config",
          R"(<configuration><system.webServer><validation validateIntegratedModeConfiguration="false" /></system.webServer></configuration>)"}});
    const EffectiveSection section = set->effectiveSection("S", "/", "system.webServer/validation");
    ASSERT_EQ(section.violations.size(), 1u);
    EXPECT_EQ(section.violations.front().lock, "allowOverride=\"false\"");
    EXPECT_EQ(text(section, "validateIntegratedModeConfiguration"), "true");
}

TEST(EffectiveConfig, C1_27_AppHostOnlySectionInAWebConfigIsAViolation) {
    const auto set = hostWith(
        R"(<location path="" overrideMode="Allow"><system.webServer><fastCgi/></system.webServer></location>)",
        {{"site/web.config", "copy/site/web.config",
          R"(<configuration><system.webServer><fastCgi><application fullPath="x.exe"/></fastCgi></system.webServer></configuration>)"}});
    const EffectiveSection section = set->effectiveSection("S", "/", "system.webServer/fastCgi");
    ASSERT_EQ(section.violations.size(), 1u);
    EXPECT_EQ(section.violations.front().lock, "allowDefinition=\"AppHostOnly\"");
    EXPECT_TRUE(section.element.entries.empty());
}

struct LockRow {
    const char *name;
    const char *appHostElement; // the anonymousAuthentication element in <location path="S">
    const char *webConfigElement;
    const char *lock;
};

class ElementLock : public ::testing::TestWithParam<LockRow> {};

TEST_P(ElementLock, C1_25_LockedAttributesAndElementsAreViolationsEvenWithTheSameValue) {
    const auto set =
        hostWith(std::string(R"(<location path="S" overrideMode="Allow"><system.webServer>)") +
                     GetParam().appHostElement + "</system.webServer></location>",
                 {{"site/web.config", "copy/site/web.config",
                   std::string("<configuration><system.webServer>") + GetParam().webConfigElement +
                       "</system.webServer></configuration>"}});
    const EffectiveSection section = set->effectiveSection("S", "/", "system.webServer/handlers");
    ASSERT_EQ(section.violations.size(), 1u);
    EXPECT_EQ(section.violations.front().lock, GetParam().lock);
}

INSTANTIATE_TEST_SUITE_P(
    Rows, ElementLock,
    ::testing::Values(
        LockRow{"LockAttributes",
                R"(<handlers accessPolicy="Read" lockAttributes="accessPolicy"/>)",
                R"(<handlers accessPolicy="Read"/>)", "lockAttributes"},
        LockRow{"LockAllAttributesExcept", R"(<handlers lockAllAttributesExcept="x"/>)",
                R"(<handlers accessPolicy="Read, Write"/>)", "lockAllAttributesExcept"},
        LockRow{"LockElementsClear", R"(<handlers lockElements="clear"/>)",
                R"(<handlers><clear/></handlers>)", "lockElements"},
        LockRow{"LockAllElementsExcept", R"(<handlers lockAllElementsExcept="add"/>)",
                R"(<handlers><remove name="a"/></handlers>)", "lockAllElementsExcept"},
        LockRow{
            "LockItemForbidsClear",
            R"(<handlers><add name="a" path="*" verb="*" modules="StaticFileModule" lockItem="true"/></handlers>)",
            R"(<handlers><clear/></handlers>)", "lockItem"},
        LockRow{
            "LockItemForbidsRemove",
            R"(<handlers><add name="a" path="*" verb="*" modules="StaticFileModule" lockItem="true"/></handlers>)",
            R"(<handlers><remove name="a"/></handlers>)", "lockItem"}),
    [](const auto &row) { return std::string(row.param.name); });

TEST(EffectiveConfig, C1_28_InheritInChildApplicationsFalseStopsAtNestedApplications) {
    const auto set = hostWith(
        R"(<location path="S" inheritInChildApplications="false"><system.webServer><security><authentication>
<windowsAuthentication enabled="true" /></authentication></security></system.webServer></location>)");
    EXPECT_EQ(text(set->effectiveSection("S", "/folder", windows), "enabled"), "true");
    EXPECT_EQ(text(set->effectiveSection("S", "/app", windows), "enabled"), "false");
}

TEST(EffectiveConfig, C1_35_C2_16_HandlersOfALowerLevelComeFirstAndRemoveClearWork) {
    const auto set = hostWith(
        R"(<location path="" overrideMode="Allow"><system.webServer><handlers>
<add name="A" path="*.a" verb="*" /><add name="B" path="*.b" verb="*" /><add name="StaticFile" path="*" verb="*" modules="StaticFileModule" />
</handlers></system.webServer></location>)",
        {{"app/web.config", "copy/app/web.config",
          R"(<configuration><system.webServer><handlers><remove name="A"/><add name="C" path="*.c" verb="*" /><add name="D" path="*.d" verb="*" /></handlers></system.webServer></configuration>)"}});
    const EffectiveSection section =
        set->effectiveSection("S", "/app", "system.webServer/handlers");
    std::vector<std::string> names;
    for (const EffectiveElement &entry : section.element.entries)
        names.emplace_back(entry.value("name").text);
    EXPECT_EQ(names, (std::vector<std::string>{"C", "D", "B", "StaticFile"}));
    EXPECT_EQ(section.element.entries.front().value("modules").text, "ManagedPipelineHandler");
    EXPECT_EQ(section.element.entries.front().value("requireAccess").text, "Script"); // S10:L917
}

TEST(EffectiveConfig, C1_35_ProvidersClearThenAddAndDuplicateKeysAreProblems) {
    const auto set = hostWith(
        R"(<system.webServer><security><authentication><windowsAuthentication enabled="true">
<providers><add value="Negotiate"/><add value="NTLM"/></providers></windowsAuthentication></authentication></security></system.webServer>
<location path="S"><system.webServer><security><authentication><windowsAuthentication>
<providers><clear/><add value="NTLM"/><add value="ntlm"/></providers></windowsAuthentication></authentication></security></system.webServer></location>)");
    const EffectiveSection section = set->effectiveSection("S", "/", windows);
    const EffectiveElement *providers = section.element.child("providers");
    ASSERT_NE(providers, nullptr);
    ASSERT_EQ(providers->entries.size(), 1u);
    EXPECT_EQ(providers->entries.front().value("value").text, "NTLM");
    ASSERT_EQ(section.problems.size(), 1u); // C1.36: keys compare case-insensitively
}

TEST(EffectiveConfig, C1_16_WebConfigOverridesAnAppHostLocationOfTheSamePath) {
    const auto set = hostWith(
        R"(<location path="S/app"><system.webServer><validation validateIntegratedModeConfiguration="true"/></system.webServer></location>)",
        {{"app/web.config", "copy/app/web.config",
          R"(<configuration><system.webServer><validation validateIntegratedModeConfiguration="false"/></system.webServer></configuration>)"}});
    const EffectiveSection section =
        set->effectiveSection("S", "/app", "system.webServer/validation");
    EXPECT_EQ(text(section, "validateIntegratedModeConfiguration"), "false");
    EXPECT_FALSE(section.fileOrderUnconfirmed); // same path: no ordering question
}

TEST(EffectiveConfig, Q1_WebConfigOverADeeperAppHostLocationIsMarkedUnconfirmed) {
    const auto set = hostWith(
        R"(<location path="S/app"><system.webServer><validation validateIntegratedModeConfiguration="true"/></system.webServer></location>)",
        {{"web.config", "copy/site/web.config",
          R"(<configuration><system.webServer><validation validateIntegratedModeConfiguration="false"/></system.webServer></configuration>)"}});
    const EffectiveSection section =
        set->effectiveSection("S", "/app", "system.webServer/validation");
    EXPECT_EQ(text(section, "validateIntegratedModeConfiguration"), "false");
    EXPECT_TRUE(section.fileOrderUnconfirmed);
}

TEST(EffectiveConfig, C1_12_WebConfigLocationPathsAreRelativeToItsUrl) {
    const auto set = hostWith(
        "",
        {{"site/web.config", "copy/site/web.config",
          R"(<configuration><location path="app/secure"><system.web><identity impersonate="true"/></system.web></location></configuration>)"}});
    EXPECT_EQ(text(set->effectiveSection("S", "/app/secure", "system.web/identity"), "impersonate"),
              "true");
    EXPECT_EQ(text(set->effectiveSection("S", "/app", "system.web/identity"), "impersonate"),
              "False");
}

TEST(EffectiveConfig, C1_30_PoolWithoutConfigurationOverrideIgnoresWebConfig) {
    const std::string sites =
        R"(<applicationPools><add name="P" enableConfigurationOverride="false"/></applicationPools>
<sites><site name="S" id="1"><application path="/" applicationPool="P"><virtualDirectory path="/" physicalPath="C:\site"/></application></site></sites>)";
    ConfigSetOptions options;
    options.mappings = {{"C:\\site", "copy/site"}};
    const auto set = readSet(
        {{"applicationHost.config", "a/applicationHost.config", appHost(sites)},
         {"web.config", "copy/site/web.config",
          R"(<configuration><system.web><identity impersonate="true"/></system.web></configuration>)"}},
        options);
    EXPECT_EQ(text(set->effectiveSection("S", "/", "system.web/identity"), "impersonate"), "False");
}

TEST(EffectiveConfig, C1_29_AllowSubDirConfigFalseIgnoresWebConfigsBelowTheVdir) {
    const std::string sites = R"(<applicationPools><add name="P"/></applicationPools>
<sites><site name="S" id="1"><application path="/" applicationPool="P"><virtualDirectory path="/" physicalPath="C:\site" allowSubDirConfig="false"/></application></site></sites>)";
    ConfigSetOptions options;
    options.mappings = {{"C:\\site", "copy/site"}};
    const std::string impersonate =
        R"(<configuration><system.web><identity impersonate="true"/></system.web></configuration>)";
    const auto set =
        readSet({{"applicationHost.config", "a/applicationHost.config", appHost(sites)},
                 {"sub/web.config", "copy/site/sub/web.config", impersonate}},
                options);
    EXPECT_EQ(text(set->effectiveSection("S", "/sub", "system.web/identity"), "impersonate"),
              "False");
    const auto root =
        readSet({{"applicationHost.config", "a/applicationHost.config", appHost(sites)},
                 {"web.config", "copy/site/web.config", impersonate}},
                options);
    EXPECT_EQ(text(root->effectiveSection("S", "/sub", "system.web/identity"), "impersonate"),
              "true");
}

TEST(EffectiveConfig, C1_31_ConfigSourceIsReadWhenGivenAndUnknownOtherwise) {
    ConfigSetOptions options;
    options.mappings = {{"C:\\site", "copy/site"}};
    const std::string webConfig =
        R"(<configuration><system.web><identity configSource="id.config"/></system.web></configuration>)";
    const auto given =
        readSet({{"applicationHost.config", "a/applicationHost.config", appHost(oneSite())},
                 {"web.config", "copy/site/web.config", webConfig},
                 {"id.config", "copy/site/id.config", R"(<identity impersonate="true"/>)"}},
                options);
    EXPECT_EQ(text(given->effectiveSection("S", "/", "system.web/identity"), "impersonate"),
              "true");
    const auto missing =
        readSet({{"applicationHost.config", "a/applicationHost.config", appHost(oneSite())},
                 {"web.config", "copy/site/web.config", webConfig}},
                options);
    const EffectiveSection section = missing->effectiveSection("S", "/", "system.web/identity");
    EXPECT_TRUE(section.unknown);
    EXPECT_EQ(missing->location(section.unknownAt).toString(), "web.config:1:38");
}

TEST(EffectiveConfig, C1_40_EncryptedAndClearTextPasswordsAreSecrets) {
    const auto set = hostWith(R"(<location path="S"><system.webServer><security><authentication>
<anonymousAuthentication userName="u" password="[enc:IISCngProvider:QUJD:enc]" /></authentication></security></system.webServer>
<system.web><identity impersonate="true" userName="D\u" password="clear" /></system.web></location>)");
    const EffectiveSection anon = set->effectiveSection("S", "/", anonymous);
    EXPECT_TRUE(anon.attribute("password")->secret);
    EXPECT_TRUE(anon.attribute("password")->encrypted);
    EXPECT_EQ(encryptionProvider(anon.attribute("password")->text), "IISCngProvider");
    const EffectiveSection identity = set->effectiveSection("S", "/", "system.web/identity");
    EXPECT_TRUE(identity.attribute("password")->secret);
    EXPECT_FALSE(identity.attribute("password")->encrypted); // C1.41: clear text
}

TEST(EffectiveConfig, C2_7_FastCgiApplicationsWithEnvironmentVariables) {
    const auto set = hostWith(
        R"(<system.webServer><fastCgi><application fullPath="%SystemDrive%\php\php-cgi.exe" arguments="-d x=1">
<environmentVariables><environmentVariable name="PHPRC" value="C:\php" /></environmentVariables></application></fastCgi></system.webServer>)");
    const EffectiveSection section = set->effectiveSection("S", "/", "system.webServer/fastCgi");
    ASSERT_EQ(section.element.entries.size(), 1u);
    const EffectiveElement &application = section.element.entries.front();
    EXPECT_EQ(expandWellKnownVariables(application.value("fullPath").text), "C:\\php\\php-cgi.exe");
    EXPECT_EQ(application.value("protocol").text, "NamedPipe"); // S10:L867
    const EffectiveElement *variables = application.child("environmentVariables");
    ASSERT_NE(variables, nullptr);
    ASSERT_EQ(variables->entries.size(), 1u);
    EXPECT_EQ(variables->entries.front().value("value").text, "C:\\php");
}

TEST(EffectiveConfig, C2_12_AspNetCoreHostingModelAbsentStaysAbsent) {
    const auto set = hostWith(
        "",
        {{"site/web.config", "copy/site/web.config",
          R"(<configuration><system.webServer><aspNetCore processPath="dotnet"/></system.webServer></configuration>)"}});
    const EffectiveSection section = set->effectiveSection("S", "/", "system.webServer/aspNetCore");
    EXPECT_EQ(section.attribute("hostingModel"), nullptr);
    EXPECT_EQ(text(section, "forwardWindowsAuthToken"), "true");
}

TEST(EffectiveConfig, LoneWebConfigIsTheRootOfOneSiteWithIisDefaults) {
    ConfigSetOptions options;
    options.version = SchemaVersion::V7_0;
    const auto set = readSet({{"web.config", "x/web.config", lockedWebConfig}}, options);
    ASSERT_EQ(set->host().sites.size(), 1u);
    EXPECT_EQ(set->versionFrom(), "option");
    EXPECT_EQ(set->host().pools.front().processModel("identityType").text, "NetworkService");
    const EffectiveSection section = set->effectiveSection("Default Web Site", "/", anonymous);
    EXPECT_EQ(section.violations.size(), 1u); // stock delegation: anonymous is Deny
}

} // namespace
