// The application pool rules (config-semantics.md §5 #1-#8) on small inline servers, IIS 7+ and
// IIS 6, and the corpus cases §5 names for them.

#include "findings_pool_support.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

using namespace iisid::check::testing;
using iisid::Confidence;
using iisid::Severity;

std::string pool(const std::string &name, const std::string &processModel = {},
                 const std::string &attributes = {}) {
    return "<add name=\"" + name + "\"" + attributes + ">" +
           (processModel.empty() ? "" : "<processModel " + processModel + " />") + "</add>\n";
}

std::string corpusFile(const std::string &name) {
    std::ifstream in(std::filesystem::path(IISID_CORPUS_DIR) / "applicationhost" / name,
                     std::ios::binary);
    EXPECT_TRUE(in) << name;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// A worker process isolation metabase: site 1 (root in pool A), site 2 (root in pool B), and
// the pools' keys as given.
std::string workerModeMetabase(const std::string &pools, const std::string &site2Pool = "B") {
    return metabase(R"(<IIsWebService Location="/LM/W3SVC" IIs5IsolationModeEnabled="FALSE"
    AnonymousUserName="IUSR_WEB" WAMUserName="IWAM_WEB">
</IIsWebService>
<IIsWebServer Location="/LM/W3SVC/1" ServerComment="One">
</IIsWebServer>
<IIsWebVirtualDir Location="/LM/W3SVC/1/ROOT" AppRoot="/LM/W3SVC/1/ROOT" AppPoolId="A"
    Path="D:\one">
</IIsWebVirtualDir>
<IIsWebServer Location="/LM/W3SVC/2" ServerComment="Two">
</IIsWebServer>
<IIsWebVirtualDir Location="/LM/W3SVC/2/ROOT" AppRoot="/LM/W3SVC/2/ROOT" AppPoolId=")" +
                    site2Pool + R"(" Path="D:\two">
</IIsWebVirtualDir>
<IIsApplicationPools Location="/LM/W3SVC/AppPools">
</IIsApplicationPools>
)" + pools);
}

std::string metabasePool(const std::string &name, const std::string &attributes) {
    return "<IIsApplicationPool Location=\"/LM/W3SVC/AppPools/" + name + "\" " + attributes +
           ">\n</IIsApplicationPool>\n";
}

// #1 IISID-POOL-LOCALSYSTEM

TEST(FindingsPool, IISID_POOL_LOCALSYSTEM_RaisedForAPoolServingAnApplication) {
    const auto found =
        findingsOf(check(appHost(pool("P1", "identityType=\"LocalSystem\""), site("S1", 1, "P1"))),
                   "IISID-POOL-LOCALSYSTEM");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].finding.message,
              "Application pool 'P1' runs as LocalSystem (NT AUTHORITY\\SYSTEM) and serves "
              "'S1/': all their code, filters and FastCGI/CGI children run as SYSTEM.");
    EXPECT_EQ(found[0].finding.severity, Severity::High);
    EXPECT_EQ(found[0].finding.location.toString(), "applicationHost.config:5:30");
    EXPECT_EQ(found[0].site, "S1");
    EXPECT_EQ(found[0].path, "/");
    EXPECT_EQ(found[0].cis, "1.4");
}

TEST(FindingsPool, IISID_POOL_LOCALSYSTEM_NotRaisedForAPoolThatServesNothing) {
    const auto run = check(
        appHost(pool("P1") + pool("Idle", "identityType=\"LocalSystem\""), site("S1", 1, "P1")));
    EXPECT_TRUE(findingsOf(run, "IISID-POOL-LOCALSYSTEM").empty());
}

TEST(FindingsPool, IISID_POOL_LOCALSYSTEM_RaisedForAnIis6PoolOfType0) {
    const auto found =
        findingsOf(check(workerModeMetabase(metabasePool("A", "AppPoolIdentityType=\"0\"") +
                                            metabasePool("B", "")),
                         "MetaBase.xml"),
                   "IISID-POOL-LOCALSYSTEM");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].finding.message,
              "Application pool 'A' runs as LocalSystem (NT AUTHORITY\\SYSTEM) and serves "
              "'One/': all their code, filters and FastCGI/CGI children run as SYSTEM.");
    EXPECT_EQ(found[0].finding.location.line, 18);
}

TEST(FindingsPool, IISID_POOL_LOCALSYSTEM_NotRaisedInIis5IsolationMode) {
    std::string text =
        workerModeMetabase(metabasePool("A", "AppPoolIdentityType=\"0\"") + metabasePool("B", ""));
    text.replace(text.find("\"FALSE\""), 7, "\"TRUE\"");
    EXPECT_TRUE(findingsOf(check(text, "MetaBase.xml"), "IISID-POOL-LOCALSYSTEM").empty());
}

TEST(FindingsPool, IISID_POOL_LOCALSYSTEM_CorpusAspNetIisIntegrationDefaultAppPool) {
    const std::string name =
        "aspnet_IISIntegration__test-Common.FunctionalTests-AppHostConfig-IIS.config";
    const auto found = findingsOf(check(corpusFile(name), name), "IISID-POOL-LOCALSYSTEM");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].finding.message.find("'DefaultAppPool'"), std::string::npos);
    EXPECT_EQ(found[0].finding.location.line, 135);
}

// #2 IISID-POOL-BUILTIN-ACCOUNT

TEST(FindingsPool, IISID_POOL_BUILTIN_ACCOUNT_RaisedForNetworkService) {
    const auto found = findingsOf(
        check(appHost(pool("P1", "identityType=\"NetworkService\""), site("S1", 1, "P1"))),
        "IISID-POOL-BUILTIN-ACCOUNT");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].finding.message,
              "Application pool 'P1' runs as NetworkService (NT AUTHORITY\\NETWORK SERVICE), an "
              "identity shared with other pools and Windows services; on the network it is the "
              "machine account DOMAIN\\MACHINE$.");
    EXPECT_EQ(found[0].finding.severity, Severity::Low);
}

TEST(FindingsPool, IISID_POOL_BUILTIN_ACCOUNT_NotRaisedForApplicationPoolIdentity) {
    const auto run = check(appHost(pool("P1"), site("S1", 1, "P1")));
    EXPECT_TRUE(findingsOf(run, "IISID-POOL-BUILTIN-ACCOUNT").empty());
}

TEST(FindingsPool, IISID_POOL_BUILTIN_ACCOUNT_IsInfoForAnIis6NetworkServicePool) {
    const auto found =
        findingsOf(check(workerModeMetabase(metabasePool("A", "AppPoolIdentityType=\"3\" "
                                                              "WAMUserName=\"WEB\\svc\"") +
                                            metabasePool("B", "")),
                         "MetaBase.xml"),
                   "IISID-POOL-BUILTIN-ACCOUNT");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].finding.severity, Severity::Info);
    EXPECT_EQ(found[0].finding.message,
              "Application pool 'B' runs as NetworkService (NT AUTHORITY\\NETWORK SERVICE), an "
              "identity shared with other pools and Windows services; on the network it is the "
              "machine account DOMAIN\\MACHINE$. IIS 6 has no per-pool built-in identity, so "
              "this is for information.");
}

// #3 IISID-POOL-PRIVILEGED-ACCOUNT

TEST(FindingsPool, IISID_POOL_PRIVILEGED_ACCOUNT_RaisedForAnAdministratorName) {
    const auto found = findingsOf(
        check(appHost(pool("P1", "identityType=\"SpecificUser\" userName=\"CORP\\WebAdmin\""),
                      site("S1", 1, "P1"))),
        "IISID-POOL-PRIVILEGED-ACCOUNT");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].finding.message,
              "Application pool 'P1' runs as 'CORP\\WebAdmin' and its name looks like an "
              "administrator's or SYSTEM's (serving 'S1/'). Unconfirmed: judged by the name "
              "only, group membership cannot be seen offline.");
    EXPECT_EQ(found[0].finding.status, Confidence::Unconfirmed);
}

TEST(FindingsPool, IISID_POOL_PRIVILEGED_ACCOUNT_RaisedForAnotherSitesAnonymousAccount) {
    const auto found = findingsOf(
        check(
            appHost(pool("P1", "identityType=\"SpecificUser\" userName=\"CORP\\web\"") + pool("P2"),
                    site("S1", 1, "P1") + site("S2", 2, "P2"),
                    "<location path=\"S2\"><system.webServer><security><authentication>"
                    "<anonymousAuthentication userName=\"CORP\\web\" />"
                    "</authentication></security></system.webServer></location>\n")),
        "IISID-POOL-PRIVILEGED-ACCOUNT");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].finding.message.find("it is also the anonymous account of site 'S2'"),
              std::string::npos)
        << found[0].finding.message;
}

TEST(FindingsPool, IISID_POOL_PRIVILEGED_ACCOUNT_NotRaisedForAnOrdinaryServiceAccount) {
    const auto run =
        check(appHost(pool("P1", "identityType=\"SpecificUser\" userName=\"CORP\\svc-web\""),
                      site("S1", 1, "P1")));
    EXPECT_TRUE(findingsOf(run, "IISID-POOL-PRIVILEGED-ACCOUNT").empty());
}

// #4 IISID-POOL-SPECIFICUSER-EMPTY

TEST(FindingsPool, IISID_POOL_SPECIFICUSER_EMPTY_RaisedForABlankUserName) {
    const auto found =
        findingsOf(check(appHost(pool("P1", "identityType=\"SpecificUser\" userName=\"\""),
                                 site("S1", 1, "P1"))),
                   "IISID-POOL-SPECIFICUSER-EMPTY");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].finding.message,
              "Application pool 'P1' is set to SpecificUser but its user name is empty: it "
              "cannot log on, so its applications 'S1/' cannot be served — or the file was "
              "redacted before it was shared. Unconfirmed: how IIS fails then is not "
              "documented.");
    EXPECT_EQ(found[0].finding.severity, Severity::Error);
    EXPECT_EQ(found[0].finding.location.toString(), "applicationHost.config:5:58");
}

TEST(FindingsPool, IISID_POOL_SPECIFICUSER_EMPTY_NotRaisedWithAUserName) {
    const auto run = check(appHost(
        pool("P1", "identityType=\"SpecificUser\" userName=\"CORP\\svc\""), site("S1", 1, "P1")));
    EXPECT_TRUE(findingsOf(run, "IISID-POOL-SPECIFICUSER-EMPTY").empty());
}

TEST(FindingsPool, IISID_POOL_SPECIFICUSER_EMPTY_RaisedForAnIis6Type3WithoutWamUserName) {
    const auto found = findingsOf(
        check(workerModeMetabase(metabasePool("A", "AppPoolIdentityType=\"3\" WAMUserName=\"\"") +
                                 metabasePool("B", "")),
              "MetaBase.xml"),
        "IISID-POOL-SPECIFICUSER-EMPTY");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(
        found[0].finding.message.find("'A' is set to SpecificUser but its user name is empty"),
        std::string::npos)
        << found[0].finding.message;
}

// #5 IISID-POOL-IGNORED-CREDENTIALS

TEST(FindingsPool,
     IISID_POOL_IGNORED_CREDENTIALS_RaisedForAPasswordOnAnApplicationPoolIdentityPool) {
    const auto found = findingsOf(
        check(
            appHost(pool("P1", "userName=\"CORP\\old\" password=\"[enc:IISCngProvider:AbC:enc]\""),
                    site("S1", 1, "P1"))),
        "IISID-POOL-IGNORED-CREDENTIALS");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].finding.message,
              "Application pool 'P1' stores the account 'CORP\\old' and a password but runs as "
              "ApplicationPoolIdentity, not SpecificUser: the stored credential is not used.");
    EXPECT_EQ(found[0].finding.message.find("AbC"), std::string::npos);
}

TEST(FindingsPool, IISID_POOL_IGNORED_CREDENTIALS_NotRaisedForTheEmptyEncryptedDefault) {
    const auto run = check(appHost(
        pool("P1", "userName=\"\" password=\"[enc:IISCngProvider::enc]\""), site("S1", 1, "P1")));
    EXPECT_TRUE(findingsOf(run, "IISID-POOL-IGNORED-CREDENTIALS").empty());
}

// #6 IISID-POOL-UNDEFINED

TEST(FindingsPool, IISID_POOL_UNDEFINED_RaisedForAnUnknownPoolName) {
    const auto found =
        findingsOf(check(appHost(pool("P1"), site("S1", 1, "Nope"))), "IISID-POOL-UNDEFINED");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].finding.message,
              "Application 'S1/' names application pool 'Nope', which is not defined: it cannot "
              "be activated and its identity cannot be determined. Partly unconfirmed: how IIS "
              "7+ fails then is not documented.");
    EXPECT_EQ(found[0].finding.severity, Severity::Error);
    EXPECT_EQ(found[0].site, "S1");
    EXPECT_EQ(found[0].path, "/");
}

TEST(FindingsPool, IISID_POOL_UNDEFINED_RaisedForAnApplicationWithoutAPool) {
    const auto found = findingsOf(
        check(appHost(pool("P1"), "<site name=\"S1\" id=\"1\"><application path=\"/\">"
                                  "<virtualDirectory path=\"/\" physicalPath=\"C:\\s\" />"
                                  "</application></site>\n")),
        "IISID-POOL-UNDEFINED");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].finding.message,
              "Application 'S1/' has no application pool (neither the application nor "
              "applicationDefaults names one): it cannot be activated and its identity cannot be "
              "determined. Partly unconfirmed: how IIS 7+ fails then is not documented.");
    EXPECT_EQ(found[0].finding.location.toString(), "applicationHost.config:8:24");
}

TEST(FindingsPool, IISID_POOL_UNDEFINED_NotRaisedWhenOnlyTheCaseDiffers) {
    const auto run = check(appHost(pool("P1"), site("S1", 1, "p1")));
    EXPECT_TRUE(findingsOf(run, "IISID-POOL-UNDEFINED").empty());
}

TEST(FindingsPool, IISID_POOL_UNDEFINED_RaisedForAnIis6AppPoolIdWithoutItsKey) {
    const auto found =
        findingsOf(check(workerModeMetabase(metabasePool("A", ""), "Missing"), "MetaBase.xml"),
                   "IISID-POOL-UNDEFINED");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].site, "Two");
    EXPECT_EQ(found[0].finding.location.line, 14);
}

// #7 IISID-POOL-SHARED-BY-SITES

TEST(FindingsPool, IISID_POOL_SHARED_BY_SITES_RaisedForTwoSitesInOnePool) {
    const auto found =
        findingsOf(check(appHost(pool("P1"), site("S1", 1, "P1") + site("S2", 2, "P1"))),
                   "IISID-POOL-SHARED-BY-SITES");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].finding.message,
              "Application pool 'P1' serves applications of 2 sites ('S1', 'S2'): they share one "
              "process identity (IIS APPPOOL\\P1), so code in one site can read the others' "
              "files and secrets.");
    EXPECT_EQ(found[0].finding.severity, Severity::Medium);
}

TEST(FindingsPool, IISID_POOL_SHARED_BY_SITES_NotRaisedForOneSiteOrAnUnusedPool) {
    const auto run = check(appHost(pool("P1") + pool("P2"), site("S1", 1, "P1")));
    EXPECT_TRUE(findingsOf(run, "IISID-POOL-SHARED-BY-SITES").empty());
}

TEST(FindingsPool, IISID_POOL_SHARED_BY_SITES_NotRaisedForASharePointPool) {
    const auto run = check(appHost(pool("SecurityTokenServiceApplicationPool"),
                                   site("S1", 1, "SecurityTokenServiceApplicationPool") +
                                       site("S2", 2, "SecurityTokenServiceApplicationPool")));
    EXPECT_TRUE(findingsOf(run, "IISID-POOL-SHARED-BY-SITES").empty());
}

TEST(FindingsPool, IISID_POOL_SHARED_BY_SITES_RaisedForAnIis6PoolOfTwoSites) {
    const auto found =
        findingsOf(check(workerModeMetabase(metabasePool("A", ""), "A"), "MetaBase.xml"),
                   "IISID-POOL-SHARED-BY-SITES");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].finding.message.find("2 sites ('One', 'Two')"), std::string::npos)
        << found[0].finding.message;
}

// #8 IISID-POOL-PROFILE-NOT-LOADED

TEST(FindingsPool, IISID_POOL_PROFILE_NOT_LOADED_RaisedForApplicationPoolIdentity) {
    const auto found =
        findingsOf(check(appHost(pool("P1", "loadUserProfile=\"false\""), site("S1", 1, "P1"))),
                   "IISID-POOL-PROFILE-NOT-LOADED");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].finding.message,
              "Application pool 'P1' runs as IIS APPPOOL\\P1 without loading its user profile "
              "(loadUserProfile=false): %TEMP% is \\Windows\\Temp, and DPAPI's user store and "
              "some SQL Express features fail.");
    EXPECT_EQ(found[0].finding.severity, Severity::Info);
}

TEST(FindingsPool, IISID_POOL_PROFILE_NOT_LOADED_NotRaisedWhenLoadedOrBuiltIn) {
    const auto run = check(appHost(pool("P1", "loadUserProfile=\"true\"") +
                                       pool("P2", "identityType=\"NetworkService\""),
                                   site("S1", 1, "P1") + site("S2", 2, "P2")));
    EXPECT_TRUE(findingsOf(run, "IISID-POOL-PROFILE-NOT-LOADED").empty());
}

// IIS Express runs as the interactive user (C1.9, Q20): the rules about a pool's processModel
// account (#1, #8, ...) are not raised there, and the pool's identity is that user.
TEST(FindingsPool, IISID_POOL_PROFILE_NOT_LOADED_NotRaisedOnIisExpress) {
    const auto run = check(appHost(pool("Clr4IntegratedAppPool", "loadUserProfile=\"false\"") +
                                       pool("P2", "identityType=\"LocalSystem\""),
                                   site("S1", 1, "Clr4IntegratedAppPool") + site("S2", 2, "P2")));
    EXPECT_TRUE(findingsOf(run, "IISID-POOL-PROFILE-NOT-LOADED").empty());
    EXPECT_TRUE(findingsOf(run, "IISID-POOL-LOCALSYSTEM").empty());
    ASSERT_EQ(run.report.pools.size(), 2u);
    EXPECT_EQ(run.report.pools[1].identity, "MACHINE\\(interactive user)");
    EXPECT_EQ(run.report.applications[1].worker, "MACHINE\\(interactive user)");
}

TEST(FindingsPool, NoPoolRuleRaisedOnThePoolAssumedForAWebConfigAlone) {
    const auto run = check("<configuration><system.web><identity impersonate=\"true\" />"
                           "</system.web></configuration>\n",
                           "web.config");
    for (const auto &finding : run.report.findings)
        EXPECT_EQ(finding.finding.rule.rfind("IISID-POOL-", 0), std::string::npos)
            << finding.finding.rule << ": " << finding.finding.message;
}

// The corpus cases of §5 on NCIOCPL_pubslocator__applicationHost.config.

class PubsLocator : public testing::Test {
protected:
    static void SetUpTestSuite() {
        const std::string name = "NCIOCPL_pubslocator__applicationHost.config";
        run = new iisid::check::CheckRun(check(corpusFile(name), name));
    }
    static void TearDownTestSuite() {
        delete run;
        run = nullptr;
    }
    static iisid::check::CheckRun *run;
};
iisid::check::CheckRun *PubsLocator::run = nullptr;

TEST_F(PubsLocator, IISID_POOL_SPECIFICUSER_EMPTY_OnTheGuamPools) {
    const auto found = findingsOf(*run, "IISID-POOL-SPECIFICUSER-EMPTY");
    std::vector<std::string> pools;
    for (const auto &finding : found)
        pools.push_back(finding.finding.message.substr(0, finding.finding.message.find(" is set")));
    // GUAM writes userName="" itself; the others inherit it from applicationPoolDefaults.
    EXPECT_EQ(pools,
              (std::vector<std::string>{
                  "Application pool 'GUAM'", "Application pool 'ncidc-guam.lmbps.com'",
                  "Application pool 'Classic .NET AppPool'", "Application pool 'ASP.NET 1.1'",
                  "Application pool 'ASP.NET v4.0'", "Application pool 'ASP.NET v4.0 Classic'",
                  "Application pool 'pubsprod.lmbps.com'", "Application pool 'GuamTraining'"}));
    EXPECT_EQ(found[0].finding.location.line, 134);
    EXPECT_EQ(found[2].finding.location.line, 141);
}

TEST_F(PubsLocator, IISID_POOL_UNDEFINED_OnThreePools) {
    std::vector<std::string> apps;
    for (const auto &finding : findingsOf(*run, "IISID-POOL-UNDEFINED"))
        apps.push_back(finding.site + finding.path);
    EXPECT_EQ(apps, (std::vector<std::string>{"pert-ncidc.lmbps.com/",
                                              "pert-ncidc.lmbps.com/_vti_bin/sts",
                                              "pubstraining.cancer.gov/guamtest"}));
}

TEST_F(PubsLocator, IISID_POOL_SHARED_BY_SITES_OnClassicNetAppPoolAndGuam) {
    const auto found = findingsOf(*run, "IISID-POOL-SHARED-BY-SITES");
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].finding.message,
              "Application pool 'Classic .NET AppPool' serves applications of 2 sites "
              "('pubsprod.lmbps.com', 'pubstraining.cancer.gov'): they share one process "
              "identity (SpecificUser without an account), so code in one site can read the "
              "others' files and secrets.");
    EXPECT_EQ(found[0].finding.location.line, 120);
    EXPECT_EQ(found[1].finding.message.rfind("Application pool 'GUAM' serves applications of 3 "
                                             "sites ('pubsprod.lmbps.com', 'GUAM', "
                                             "'ncidc-guam.lmbps.com')",
                                             0),
              0u)
        << found[1].finding.message;
}

} // namespace
