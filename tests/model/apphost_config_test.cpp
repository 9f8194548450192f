// Sites, applications, virtual directories and pools with their defaults elements (C1.43-C1.51),
// URL resolution and web.config placement.

#include "model/config/apphost_config.h"

#include "config_test_support.h"

#include <gtest/gtest.h>

namespace {

using namespace iisid::config;
using test::appHost;
using test::readSet;

std::unique_ptr<ConfigSet> read(const std::string &sitesAndPools, ConfigSetOptions options = {}) {
    return readSet({{"applicationHost.config", "a/applicationHost.config", appHost(sitesAndPools)}},
                   std::move(options));
}

const std::string layered = R"(<applicationPools>
  <add name="A"><processModel identityType="SpecificUser" userName="D\svc" password="[enc:IISWASOnlyCngProvider:x:enc]"/></add>
  <add name="B" managedPipelineMode="Classic" />
  <applicationPoolDefaults managedRuntimeVersion="v4.0"><processModel loadUserProfile="true" /></applicationPoolDefaults>
</applicationPools>
<sites>
  <site name="One" id="1">
    <application path="/"><virtualDirectory path="/" physicalPath="%SystemDrive%\inetpub\wwwroot" /></application>
    <application path="/app" applicationPool="B">
      <virtualDirectoryDefaults userName="D\reader" />
      <virtualDirectory path="/" physicalPath="\\server\share" password="p" />
      <virtualDirectory path="/img" physicalPath="D:\img" userName="" />
    </application>
    <applicationDefaults applicationPool="A" />
  </site>
  <site name="Two" id="2"><application path="/"><virtualDirectory path="/" physicalPath="D:\two" /></application></site>
  <siteDefaults serverAutoStart="false" />
  <virtualDirectoryDefaults logonMethod="Network" />
</sites>)";

TEST(AppHostConfig, C1_49_PoolDefaultsApplyEvenAfterThePoolsAndEntriesWin) {
    const auto set = read(layered);
    const ApplicationPool *a = set->host().pool("a");
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->processModel("identityType").text, "SpecificUser");
    EXPECT_EQ(a->processModel("userName").text, "D\\svc");
    EXPECT_TRUE(a->processModel("password").secret);
    EXPECT_TRUE(a->processModel("password").encrypted);
    EXPECT_EQ(a->processModel("loadUserProfile").text, "true"); // from applicationPoolDefaults
    EXPECT_EQ(a->value("managedRuntimeVersion").text, "v4.0");
    const ApplicationPool *b = set->host().pool("B");
    EXPECT_EQ(b->processModel("identityType").text, "ApplicationPoolIdentity"); // S10:L127
    EXPECT_EQ(b->processModel("identityType").source, ValueSource::SchemaDefault);
    EXPECT_EQ(b->value("managedPipelineMode").text, "Classic");
    EXPECT_EQ(set->location(a->origin).toString(), "applicationHost.config:4:3");
}

TEST(AppHostConfig, C1_48_ApplicationPoolComesFromApplicationDefaultsOrIsAbsent) {
    const auto set = read(layered);
    const Site *one = set->host().site("ONE");
    ASSERT_NE(one, nullptr);
    EXPECT_EQ(one->applications[0].applicationPool.text, "A");
    EXPECT_TRUE(one->applications[0].applicationPool.written());
    EXPECT_EQ(one->applications[1].applicationPool.text, "B");
    EXPECT_FALSE(set->host().site("Two")->applications[0].applicationPool.present());
}

TEST(AppHostConfig, C1_46_C1_47_VirtualDirectoryDefaultsLayerFromApplicationToSites) {
    const auto set = read(layered);
    const Application &app = set->host().site("One")->applications[1];
    const VirtualDirectory &root = app.virtualDirectories[0];
    EXPECT_EQ(root.userName.text, "D\\reader"); // application virtualDirectoryDefaults
    EXPECT_TRUE(root.password.secret);
    EXPECT_EQ(root.logonMethod.text, "Network"); // <sites> virtualDirectoryDefaults
    const VirtualDirectory &img = app.virtualDirectories[1];
    EXPECT_TRUE(img.userName.present());
    EXPECT_EQ(img.userName.text, "");                          // written blank: pass-through
    EXPECT_EQ(img.password.text, "[enc:IISCngProvider::enc]"); // S10:L564
    EXPECT_EQ(set->host().site("Two")->serverAutoStart.text, "false"); // siteDefaults
    EXPECT_EQ(set->host().site("One")->physicalPath().text, "%SystemDrive%\\inetpub\\wwwroot");
    EXPECT_EQ(app.physicalPath().text, "\\\\server\\share");
}

TEST(AppHostConfig, C1_44_UrlGoesToTheLongestApplicationAndDirectory) {
    const auto set = read(layered);
    const auto target = set->host().resolveUrl("one", "/APP/img/a/b.png");
    ASSERT_TRUE(target.has_value());
    EXPECT_EQ(target->application->path.text, "/app");
    EXPECT_EQ(target->virtualDirectory->path.text, "/img");
    EXPECT_EQ(target->physicalPath, "D:\\img\\a\\b.png");
    EXPECT_EQ(set->host().resolveUrl("One", "/application")->application->path.text, "/");
}

TEST(AppHostConfig, C1_45_WebConfigIsPlacedAtTheUrlOfTheFolderThroughTheMap) {
    const auto set = read(layered);
    const std::vector<PathMapping> map{{"C:\\inetpub", "./copied/inetpub"}};
    const auto root = placeWebConfig(set->host(), "copied/inetpub/wwwroot/web.config", map);
    ASSERT_EQ(root.size(), 1u);
    EXPECT_EQ(root.front().site->name.text, "One");
    EXPECT_EQ(root.front().urlPath, "/");
    const auto sub = placeWebConfig(set->host(), "copied/inetpub/wwwroot/Sub/web.config", map);
    ASSERT_EQ(sub.size(), 1u);
    EXPECT_EQ(sub.front().urlPath, "/sub");
    EXPECT_TRUE(placeWebConfig(set->host(), "elsewhere/web.config", map).empty());
    EXPECT_TRUE(placeWebConfig(set->host(), "copied/inetpub/web.config", map).empty());
}

TEST(AppHostConfig, C1_51_VersionFromOptionInferenceOrDefault) {
    ConfigSetOptions option;
    option.version = SchemaVersion::V8_0;
    EXPECT_EQ(read(layered, option)->versionFrom(), "option");
    EXPECT_EQ(read(layered)->versionFrom(), "default");
    const std::string aes =
        R"(<configuration><configProtectedData><providers><add name="AesProvider"/></providers></configProtectedData>
<system.applicationHost><applicationPools><add name="P"/><applicationPoolDefaults><processModel setProfileEnvironment="false"/></applicationPoolDefaults></applicationPools></system.applicationHost></configuration>)";
    const auto set = readSet({{"applicationHost.config", "a", aes}});
    EXPECT_EQ(set->version(), SchemaVersion::V8_5);
    EXPECT_EQ(set->versionFrom(), "inferred: only AES providers in <configProtectedData> (before "
                                  "IIS 10) and setProfileEnvironment (8.0+)");
    EXPECT_EQ(set->host().pools.front().value("managedRuntimeVersion").text, "");
}

TEST(AppHostConfig, C1_42_WellKnownVariablesExpandOthersStay) {
    EXPECT_EQ(expandWellKnownVariables("%SYSTEMDRIVE%\\a;%windir%\\b;%SystemRoot%;%IIS_BIN%"),
              "C:\\a;C:\\Windows\\b;C:\\Windows;%IIS_BIN%");
}

TEST(AppHostConfig, C1_31_SitesInAConfigSourceFileThatWasNotGivenAreAProblem) {
    const auto set = readSet({{"applicationHost.config", "a/applicationHost.config",
                               appHost(R"(<sites configSource="sites.config"/>)")}});
    EXPECT_TRUE(set->host().sites.empty());
    ASSERT_EQ(set->problems().size(), 1u);
    EXPECT_NE(set->problems().front().find("that file was not given"), std::string::npos);
    const auto given =
        readSet({{"applicationHost.config", "a/applicationHost.config",
                  appHost(R"(<sites configSource="sites.config"/>)")},
                 {"sites.config", "a/sites.config", R"(<sites><site name="S" id="7"/></sites>)"}});
    ASSERT_EQ(given->host().sites.size(), 1u);
    EXPECT_EQ(given->location(given->host().sites.front().origin).toString(), "sites.config:1:8");
}

} // namespace
