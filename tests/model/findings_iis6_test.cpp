// The IIS 5 / IIS 6 rules (config-semantics.md §5 #36, #37) on small inline metabases. #38
// cannot fire: no machine.config is read (findings_iis6.cpp).

#include "findings_pool_support.h"

#include <gtest/gtest.h>

namespace {

using namespace iisid::check::testing;
using iisid::Severity;

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

} // namespace
