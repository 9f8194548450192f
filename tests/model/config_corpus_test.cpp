// Every applicationHost.config and web.config of the shared corpus reads (the broken ones of
// odd/ give a Diagnostic with a position), and three applicationHost.config files give the
// values read off them by hand.

#include "config_test_support.h"
#include "model/config/handler_list.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

namespace {

namespace fs = std::filesystem;
using namespace iisid::config;
using iisid::Result;
using iisid::config::test::readFileBytes;

const fs::path corpus = fs::path(IISID_CORPUS_DIR);

std::vector<fs::path> filesIn(const char *folder) {
    std::vector<fs::path> out;
    if (!fs::is_directory(corpus / folder))
        return out;
    for (const fs::directory_entry &entry : fs::directory_iterator(corpus / folder))
        out.push_back(entry.path());
    std::sort(out.begin(), out.end());
    return out;
}

std::string rowName(const ::testing::TestParamInfo<fs::path> &info) {
    std::string name = info.param.filename().string();
    for (char &c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c)))
            c = '_';
    }
    return name;
}

class CorpusFile : public ::testing::TestWithParam<fs::path> {};

/// Reads a file alone and queries what the checker will query for every application.
void readAndQueryEverything(const fs::path &path) {
    Result<std::unique_ptr<ConfigSet>> set = ConfigSet::read(
        {{path.filename().string(), path.string(), readFileBytes(path.string())}}, {});
    ASSERT_TRUE(set.ok()) << set.errors().front().toString();
    const ConfigSet &config = *set.value();
    for (const Site &site : config.host().sites) {
        for (const Application &application : site.applications) {
            for (const char *section :
                 {"system.webServer/security/authentication/anonymousAuthentication",
                  "system.webServer/security/authentication/windowsAuthentication",
                  "system.webServer/handlers", "system.webServer/fastCgi", "system.web/identity"}) {
                const EffectiveSection effective =
                    config.effectiveSection(site.name.text, application.path.text, section);
                EXPECT_FALSE(effective.element.name.empty());
            }
            const EffectiveSection handlers = config.effectiveSection(
                site.name.text, application.path.text, "system.webServer/handlers");
            const HandlerResolution resolved =
                resolveHandlers(handlers, config.host().pool(application.applicationPool.text));
            (void)resolved.reachableKinds();
        }
    }
}

TEST_P(CorpusFile, C1_1_ReadsAndAnswersForEveryApplication) {
    readAndQueryEverything(GetParam());
}

INSTANTIATE_TEST_SUITE_P(ApplicationHost, CorpusFile,
                         ::testing::ValuesIn(filesIn("applicationhost")), rowName);
INSTANTIATE_TEST_SUITE_P(WebConfig, CorpusFile, ::testing::ValuesIn(filesIn("webconfig")), rowName);

class BrokenCorpusFile : public ::testing::TestWithParam<fs::path> {};

TEST_P(BrokenCorpusFile, GivesADiagnosticWithAPosition) {
    const fs::path path = GetParam();
    Result<std::unique_ptr<ConfigSet>> set = ConfigSet::read(
        {{path.filename().string(), path.string(), readFileBytes(path.string())}}, {});
    if (set.ok())
        GTEST_SKIP() << "reads (not every odd/ file is broken XML)";
    EXPECT_GT(set.errors().front().location.line, 0) << set.errors().front().toString();
}

INSTANTIATE_TEST_SUITE_P(Odd, BrokenCorpusFile, ::testing::ValuesIn(filesIn("odd")), rowName);

std::unique_ptr<ConfigSet> readCorpus(const std::string &name) {
    const fs::path path = corpus / "applicationhost" / name;
    Result<std::unique_ptr<ConfigSet>> set =
        ConfigSet::read({{name, path.string(), readFileBytes(path.string())}}, {});
    if (!set.ok()) {
        ADD_FAILURE() << set.errors().front().toString();
        return nullptr;
    }
    return std::move(set.value());
}

std::string where(const ConfigSet &set, const ConfigValue &value) {
    const iisid::SourceLocation location = set.location(value.origin);
    return std::to_string(location.line) + ":" + std::to_string(location.column);
}

constexpr const char *anonymous =
    "system.webServer/security/authentication/anonymousAuthentication";

// Read by hand (CRs stripped, `sed -n` over the lines): pools at lines 134-153 — DefaultAppPool
// with <processModel identityType="ApplicationPoolIdentity"/> (line 135), two .NET v4.5 pools
// without processModel, <applicationPoolDefaults managedRuntimeVersion="v4.0"> (line 150) after
// them; one site "Default Web Site" id 1 at %SystemDrive%\inetpub\wwwroot; server-level
// anonymousAuthentication enabled="true" userName="IUSR" (line 318), then
// <location path="Default Web Site"> sets userName="" (line 813); configProtectedData names
// IISCngProvider.
TEST(CorpusByHand, C2_1_KranzAStockServerAnonymousBlankOverIusr) {
    const auto set = readCorpus("KranzA_windows-powershell-scripts__IIS-applicationHost.config");
    ASSERT_NE(set, nullptr);
    EXPECT_EQ(set->versionFrom(), "inferred: a CNG provider in <configProtectedData> (IIS 10)");
    ASSERT_EQ(set->host().pools.size(), 3u);
    const ApplicationPool &classic = set->host().pools[1];
    EXPECT_EQ(classic.name.text, ".NET v4.5 Classic");
    EXPECT_EQ(classic.value("managedPipelineMode").text, "Classic");
    // identityType comes from the applicationPoolDefaults that follow the pools (C1.49).
    EXPECT_EQ(classic.processModel("identityType").text, "ApplicationPoolIdentity");
    EXPECT_EQ(where(*set, classic.processModel("identityType")), "151:31");
    ASSERT_EQ(set->host().sites.size(), 1u);
    const Site &site = set->host().sites.front();
    EXPECT_EQ(site.name.text, "Default Web Site");
    EXPECT_EQ(site.id.text, "1");
    EXPECT_EQ(site.physicalPath().text, "%SystemDrive%\\inetpub\\wwwroot");
    const EffectiveSection anon = set->effectiveSection("Default Web Site", "/", anonymous);
    EXPECT_EQ(anon.element.value("userName").text, "");
    EXPECT_EQ(where(*set, anon.element.value("userName")), "813:46");
    EXPECT_EQ(anon.element.value("enabled").text, "true");
}

// Read by hand: one pool "Default Application Pool" (line 144) with
// <processModel identityType="NetworkService"> (line 145); applicationPoolDefaults sets
// loadUserProfile="true" (line 148); applicationDefaults names DefaultAppPool, which is not
// defined, but the one site "www" sets applicationPool="Default Application Pool"; server-level
// anonymous userName="" (line 321) so anonymous requests run as NetworkService.
TEST(CorpusByHand, C1_49_CollinsauveNetworkServiceWithProfileFromDefaults) {
    const auto set = readCorpus("collinsauve_AspNetCoreTest__iis-applicationHost.config");
    ASSERT_NE(set, nullptr);
    ASSERT_EQ(set->host().pools.size(), 1u);
    const ApplicationPool &pool = set->host().pools.front();
    EXPECT_EQ(pool.processModel("identityType").text, "NetworkService");
    EXPECT_EQ(pool.processModel("loadUserProfile").text, "true");
    EXPECT_EQ(where(*set, pool.processModel("loadUserProfile")), "148:70");
    const Site &site = set->host().sites.front();
    EXPECT_EQ(site.name.text, "www");
    EXPECT_EQ(site.applications.front().applicationPool.text, "Default Application Pool");
    EXPECT_EQ(set->effectiveSection("www", "/", anonymous).element.value("userName").text, "");
}

// Read by hand: pool "Director" (line 137, Integrated, v4.0); application /Director of
// "Default Web Site" in that pool (line 180) at C:\inetpub\wwwroot\Director; two
// <location path="Default Web Site/Director"> blocks (lines 956, 973): the first sets
// handlers accessPolicy="Read, Write, Execute, Script", the second (overrideMode="Allow") sets
// anonymous enabled="true" and windowsAuthentication enabled="false"; global anonymous is IUSR.
TEST(CorpusByHand, C1_13_Xd7DirectorTwoLocationsForOneApplication) {
    const auto set = readCorpus("virtualdesktopdevops_xd7director__files-applicationHost.config");
    ASSERT_NE(set, nullptr);
    const auto target = set->host().resolveUrl("Default Web Site", "/Director/LogOn.aspx");
    ASSERT_TRUE(target.has_value());
    EXPECT_EQ(target->application->applicationPool.text, "Director");
    EXPECT_EQ(target->physicalPath, "C:\\inetpub\\wwwroot\\Director\\LogOn.aspx");
    const EffectiveSection anon = set->effectiveSection("Default Web Site", "/Director", anonymous);
    EXPECT_EQ(anon.element.value("userName").text, "IUSR");
    EXPECT_EQ(where(*set, anon.element.value("enabled")), "977:46");
    EXPECT_TRUE(anon.problems.empty()); // different sections in the two tags: valid
    const EffectiveSection handlers =
        set->effectiveSection("Default Web Site", "/Director", "system.webServer/handlers");
    EXPECT_EQ(handlers.element.value("accessPolicy").text, "Read, Write, Execute, Script");
    const HandlerResolution resolution = resolveHandlers(handlers, set->host().pool("Director"));
    EXPECT_EQ(resolution.select("x.dll")->name, "ISAPI-dll");
    EXPECT_EQ(
        resolveHandlers(set->effectiveSection("Default Web Site", "/", "system.webServer/handlers"),
                        set->host().pool("DefaultAppPool"))
            .select("x.dll")
            ->name,
        "StaticFile");
}

// Read by hand: applicationPoolDefaults (line 141) and pool GUAM (line 134) use
// identityType="SpecificUser" userName="" password="" (credentials blanked in the export).
TEST(CorpusByHand, C1_49_NciocplSpecificUserWithBlankCredentials) {
    const auto set = readCorpus("NCIOCPL_pubslocator__applicationHost.config");
    ASSERT_NE(set, nullptr);
    const ApplicationPool *guam = set->host().pool("GUAM");
    ASSERT_NE(guam, nullptr);
    EXPECT_EQ(guam->processModel("identityType").text, "SpecificUser");
    EXPECT_TRUE(guam->processModel("userName").written());
    EXPECT_EQ(guam->processModel("userName").text, "");
    EXPECT_TRUE(guam->processModel("password").secret);
    EXPECT_EQ(set->host().sites.size(), 6u);
}

} // namespace
