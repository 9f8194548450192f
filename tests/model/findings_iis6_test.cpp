// The IIS 5 / IIS 6 rules (config-semantics.md §5 #36-#38) on small inline metabases, #38 with a
// machine.config given beside the metabase.

#include "findings_pool_support.h"

#include <gtest/gtest.h>

namespace {

using namespace iisid::check::testing;
using iisid::Result;
using iisid::Severity;
using iisid::check::CheckFinding;
using iisid::check::CheckInputFile;
using iisid::check::CheckRun;
using iisid::check::runCheck;

// A metabase whose /LM/W3SVC key has these attributes, with one site whose root is in process.
std::string server(const std::string &serviceAttributes, const std::string &appIsolated = "0") {
    return metabase("<IIsWebService Location=\"/LM/W3SVC\" " + serviceAttributes + R"(>
</IIsWebService>
<IIsWebServer Location="/LM/W3SVC/1" ServerComment="One">
</IIsWebServer>
<IIsWebVirtualDir Location="/LM/W3SVC/1/ROOT" AppRoot="/LM/W3SVC/1/ROOT" AppIsolated=")" +
                    appIsolated + R"(" Path="D:\one">
</IIsWebVirtualDir>
)");
}

// #36 IISID-IIS6-IIS5-ISOLATION

TEST(FindingsIis6, IISID_IIS6_IIS5_ISOLATION_RaisedWhenSetTrue) {
    const auto found =
        findingsOf(check(server("IIs5IsolationModeEnabled=\"TRUE\""), "MetaBase.xml"),
                   "IISID-IIS6-IIS5-ISOLATION");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].finding.message,
              "IIS 6 runs in IIS 5 isolation mode (IIs5IsolationModeEnabled=TRUE): filters and "
              "in-process applications run in inetinfo.exe as LocalSystem, and the application "
              "pools and their identities are ignored.");
    EXPECT_EQ(found[0].finding.severity, Severity::High);
    EXPECT_EQ(found[0].finding.location.line, 4);
}

TEST(FindingsIis6, IISID_IIS6_IIS5_ISOLATION_RaisedWhenAbsentAndSaysSo) {
    const auto found = findingsOf(check(server(""), "MetaBase.xml"), "IISID-IIS6-IIS5-ISOLATION");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].finding.message.find("absent from /LM/W3SVC"), std::string::npos);
    EXPECT_EQ(found[0].finding.location.toString(), "MetaBase.xml:1:1");
}

TEST(FindingsIis6, IISID_IIS6_IIS5_ISOLATION_NotRaisedInWorkerProcessMode) {
    const auto run = check(server("IIs5IsolationModeEnabled=\"FALSE\""), "MetaBase.xml");
    EXPECT_TRUE(findingsOf(run, "IISID-IIS6-IIS5-ISOLATION").empty());
}

// #37 IISID-IIS6-INPROCESS-APP

TEST(FindingsIis6, IISID_IIS6_INPROCESS_APP_RaisedForAppIsolated0InIis5Mode) {
    const auto found =
        findingsOf(check(server("IIs5IsolationModeEnabled=\"TRUE\""), "MetaBase.xml"),
                   "IISID-IIS6-INPROCESS-APP");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].finding.message,
              "Application 'One/' runs in process (AppIsolated=0): its code runs inside "
              "inetinfo.exe as NT AUTHORITY\\SYSTEM (for example, WScript.Shell.Run starts "
              "programs as SYSTEM).");
    EXPECT_EQ(found[0].site, "One");
    EXPECT_EQ(found[0].path, "/");
}

TEST(FindingsIis6, IISID_IIS6_INPROCESS_APP_NotRaisedForPooledOrWorkerMode) {
    EXPECT_TRUE(findingsOf(check(server("IIs5IsolationModeEnabled=\"TRUE\"", "2"), "MetaBase.xml"),
                           "IISID-IIS6-INPROCESS-APP")
                    .empty());
    EXPECT_TRUE(findingsOf(check(server("IIs5IsolationModeEnabled=\"FALSE\""), "MetaBase.xml"),
                           "IISID-IIS6-INPROCESS-APP")
                    .empty());
}

// #38 IISID-ASPNET-PROCESSMODEL-SYSTEM

/// A machine.config whose <processModel> has these attributes.
CheckInputFile machineConfig(const std::string &processModel) {
    return {
        "machine.config", "machine.config",
        "<?xml version=\"1.0\"?>\n<configuration>\n<system.web>\n<processModel enable=\"true\" " +
            processModel + " />\n</system.web>\n</configuration>\n",
        true};
}

std::vector<CheckFinding> checkWithMachineConfig(const std::string &serviceAttributes,
                                                 const std::string &processModel) {
    Result<CheckRun> run =
        runCheck({{"MetaBase.xml", "MetaBase.xml", server(serviceAttributes), true},
                  machineConfig(processModel)},
                 {});
    EXPECT_TRUE(run.ok()) << (run.ok() ? "" : run.errors().front().toString());
    if (!run.ok())
        return {};
    std::vector<CheckFinding> out;
    for (const CheckFinding &finding : run.value().report.findings) {
        if (finding.finding.rule == "IISID-ASPNET-PROCESSMODEL-SYSTEM")
            out.push_back(finding);
    }
    return out;
}

TEST(FindingsIis6, IISID_ASPNET_PROCESSMODEL_SYSTEM_RaisedForSystemInIis5Mode) {
    const auto found =
        checkWithMachineConfig("IIs5IsolationModeEnabled=\"TRUE\"", R"(userName="system")");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].finding.message,
              "machine.config sets <processModel userName=\"system\"> and IIS runs the IIS 5 "
              "process model: aspnet_wp.exe, and with it all ASP.NET code of every application, "
              "runs as SYSTEM.");
    EXPECT_EQ(found[0].finding.severity, Severity::High);
    EXPECT_EQ(found[0].finding.location.toString(), "machine.config:4:29");
}

TEST(FindingsIis6, IISID_ASPNET_PROCESSMODEL_SYSTEM_NotRaisedForMachineAbsentOrWorkerMode) {
    EXPECT_TRUE(checkWithMachineConfig("IIs5IsolationModeEnabled=\"TRUE\"", R"(userName="machine")")
                    .empty());
    EXPECT_TRUE(checkWithMachineConfig("IIs5IsolationModeEnabled=\"TRUE\"", "").empty());
    EXPECT_TRUE(checkWithMachineConfig("IIs5IsolationModeEnabled=\"FALSE\"", R"(userName="System")")
                    .empty());
}

TEST(FindingsIis6, AWebConfigWithoutProcessModelBesideAMetabaseIsAnError) {
    Result<CheckRun> run = runCheck(
        {{"MetaBase.xml", "MetaBase.xml", server("IIs5IsolationModeEnabled=\"TRUE\""), true},
         {"web.config", "web.config", "<configuration><system.web/></configuration>", true}},
        {});
    ASSERT_FALSE(run.ok());
    EXPECT_EQ(run.errors().front().toString(),
              "web.config: error: not a machine.config (no <system.web><processModel>): with an "
              "IIS 6 MetaBase.xml only the server's machine.config is read");
}

} // namespace
