// Recognising IIS 7+ configuration files by content, their <location> blocks and declarations.

#include "model/config/config_file.h"

#include <gtest/gtest.h>

namespace {

using namespace iisid::config;

struct KindRow {
    const char *name;
    const char *text;
    const char *kindOrError;
};

class Kind : public ::testing::TestWithParam<KindRow> {};

TEST_P(Kind, C1_1_RecognisedByContent) {
    const auto file = readConfigFile(GetParam().text, "f.config");
    if (file.ok())
        EXPECT_EQ(toString(file.value()->kind()), GetParam().kindOrError);
    else
        EXPECT_EQ(file.errors().front().toString(), GetParam().kindOrError);
}

INSTANTIATE_TEST_SUITE_P(
    Rows, Kind,
    ::testing::Values(
        KindRow{"ApplicationHost", "<configuration><system.applicationHost/></configuration>",
                "applicationHost"},
        KindRow{"WebConfig", "<configuration><system.webServer/></configuration>", "webConfig"},
        KindRow{"EmptyConfiguration", "<configuration/>", "webConfig"},
        KindRow{"Metabase", "<configuration xmlns=\"urn:microsoft-catalog:XML_Metabase_V64_0\"/>",
                "f.config:1:1: error: not an IIS 7+ configuration file: this looks like an IIS 6 "
                "MetaBase.xml (namespace urn:microsoft-catalog:XML_Metabase_V64_0), not "
                "applicationHost.config or web.config"},
        KindRow{"Schema", "\n <configSchema/>",
                "f.config:2:2: error: not an IIS 7+ configuration file: this looks like an IIS "
                "configuration schema file (<configSchema>)"},
        KindRow{"OtherXml", "<root/>",
                "f.config:1:1: error: not an IIS 7+ configuration file: this looks like an XML "
                "document "
                "whose root element is <root>; IIS configuration files have <configuration>"}),
    [](const auto &row) { return std::string(row.param.name); });

TEST(ConfigFile, C1_11_EmptyAndDotLocationPathsAreTheFileLevel) {
    const auto file = readConfigFile(R"(<configuration>
<location path=""/><location path="."/><location/><location path="/Site/App/"/>
<location path="site\app"/></configuration>)",
                                     "f");
    ASSERT_TRUE(file.ok());
    EXPECT_EQ(file.value()->blocksAt("").size(), 4u);         // the file level and three locations
    EXPECT_EQ(file.value()->blocksAt("SITE/app").size(), 2u); // C1.17: case, '\', '/'
}

TEST(ConfigFile, C1_22_AllowOverrideMapsToOverrideModeAndBothIsAProblem) {
    const auto file = readConfigFile(R"(<configuration>
<location path="a" allowOverride="false"/>
<location path="b" allowOverride="true"/>
<location path="c" allowOverride="true" overrideMode="Deny"/></configuration>)",
                                     "f");
    ASSERT_TRUE(file.ok());
    EXPECT_EQ(file.value()->blocksAt("a").front()->overrideMode, OverrideMode::Deny);
    EXPECT_EQ(file.value()->blocksAt("b").front()->overrideMode, OverrideMode::Allow);
    EXPECT_EQ(file.value()->blocksAt("c").front()->overrideMode, OverrideMode::Deny);
    ASSERT_EQ(file.value()->problems().size(), 1u);
    EXPECT_EQ(file.value()->problems().front().location.toString(), "f:4:20");
}

TEST(ConfigFile, C1_20_MissingOverrideModeDefaultIsAllow) {
    const auto file = readConfigFile(R"(<configuration><configSections>
<sectionGroup name="system.webServer"><section name="asp" overrideModeDefault="Deny"/>
<sectionGroup name="security"><section name="access"/></sectionGroup></sectionGroup>
</configSections></configuration>)",
                                     "f");
    ASSERT_TRUE(file.ok());
    EXPECT_EQ(file.value()->declaration("system.webServer/asp")->overrideModeDefault,
              OverrideMode::Deny);
    EXPECT_EQ(file.value()->declaration("system.webServer/security/access")->overrideModeDefault,
              OverrideMode::Allow);
}

TEST(ConfigFile, C1_28_InheritInChildApplicationsIsReadFromTheLocation) {
    const auto file = readConfigFile(
        R"(<configuration><location path="s" inheritInChildApplications="false"/></configuration>)",
        "f");
    ASSERT_TRUE(file.ok());
    EXPECT_FALSE(file.value()->blocksAt("s").front()->inheritInChildApplications);
}

} // namespace
