// The content and secret rules (config-semantics.md §5 #9, #31, #32) on small inline servers,
// IIS 7+ and IIS 6.

#include "findings_pool_support.h"

#include <gtest/gtest.h>

namespace {

using namespace iisid::check::testing;
using iisid::Severity;

const std::string defaultPool = "<add name=\"P1\" />\n";

std::string siteWithDirectory(const std::string &directoryAttributes) {
    return "<site name=\"S1\" id=\"1\"><application path=\"/\" applicationPool=\"P1\">"
           "<virtualDirectory path=\"/\" " +
           directoryAttributes + " /></application></site>\n";
}

// An IIS 6 worker-mode metabase whose one site's root has these attributes.
std::string iis6Root(const std::string &rootAttributes) {
    return metabase(R"(<IIsWebService Location="/LM/W3SVC" IIs5IsolationModeEnabled="FALSE">
</IIsWebService>
<IIsWebServer Location="/LM/W3SVC/1" ServerComment="One">
</IIsWebServer>
<IIsWebVirtualDir Location="/LM/W3SVC/1/ROOT" AppRoot="/LM/W3SVC/1/ROOT" AppPoolId="A" )" +
                    rootAttributes + R"(>
</IIsWebVirtualDir>
<IIsApplicationPool Location="/LM/W3SVC/AppPools/A">
</IIsApplicationPool>
)");
}

// #9 IISID-CRED-CLEARTEXT

TEST(FindingsContent, IISID_CRED_CLEARTEXT_RaisedForAClearTextPoolPassword) {
    const auto found =
        findingsOf(check(appHost("<add name=\"P1\"><processModel identityType=\"SpecificUser\" "
                                 "userName=\"CORP\\svc\" password=\"Hunter2!\" /></add>\n",
                                 site("S1", 1, "P1"))),
                   "IISID-CRED-CLEARTEXT");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].finding.message,
              "The password of application pool 'P1' is stored in clear text instead of "
              "encrypted: anyone who can read the file or a backup of it can read it. Partly "
              "unconfirmed: whether IIS uses a clear-text value as is is not documented.");
    EXPECT_EQ(found[0].finding.severity, Severity::High);
    EXPECT_EQ(found[0].finding.message.find("Hunter2"), std::string::npos);
    EXPECT_EQ(found[0].finding.location.line, 5);
}

TEST(FindingsContent, IISID_CRED_CLEARTEXT_RaisedOnceForAnAnonymousPasswordInALocation) {
    const auto found = findingsOf(
        check(appHost(defaultPool, site("S1", 1, "P1"),
                      "<location path=\"S1\"><system.webServer><security><authentication>"
                      "<anonymousAuthentication userName=\"CORP\\anon\" password=\"pw\" />"
                      "</authentication></security></system.webServer></location>\n")),
        "IISID-CRED-CLEARTEXT");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].finding.message.find("the anonymous account at 'S1/'"), std::string::npos)
        << found[0].finding.message;
}

TEST(FindingsContent, IISID_CRED_CLEARTEXT_RaisedForAspNetIdentityInClearText) {
    const auto found = findingsOf(
        check(appHost(defaultPool, site("S1", 1, "P1"),
                      "<location path=\"S1\"><system.web><identity impersonate=\"true\" "
                      "userName=\"CORP\\u\" password=\"pw\" /></system.web></location>\n")),
        "IISID-CRED-CLEARTEXT");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].finding.message,
              "The password of the ASP.NET impersonation account (system.web/identity) for "
              "'S1/' is stored in clear text: anyone who can read the file or a backup of it "
              "can read it.");
}

TEST(FindingsContent, IISID_CRED_CLEARTEXT_RaisedForAConnectAsPassword) {
    const auto found = findingsOf(
        check(appHost(defaultPool, siteWithDirectory("physicalPath=\"C:\\s\" "
                                                     "userName=\"CORP\\c\" password=\"pw\""))),
        "IISID-CRED-CLEARTEXT");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].finding.message.find(
                  "The password of the Connect-as account of virtual directory 'S1/'"),
              std::string::npos)
        << found[0].finding.message;
}

TEST(FindingsContent, IISID_CRED_CLEARTEXT_NotRaisedForEncryptedOrEmptyPasswords) {
    const auto run = check(appHost(
        "<add name=\"P1\"><processModel identityType=\"SpecificUser\" userName=\"CORP\\svc\" "
        "password=\"[enc:IISCngProvider:QUJD:enc]\" /></add>\n",
        siteWithDirectory("physicalPath=\"C:\\s\" userName=\"CORP\\c\" password=\"\""),
        "<location path=\"S1\"><system.web><identity impersonate=\"true\" userName=\"registry:"
        "HKLM\\Software\\x,userName\" password=\"registry:HKLM\\Software\\x,password\" />"
        "</system.web></location>\n"));
    EXPECT_TRUE(findingsOf(run, "IISID-CRED-CLEARTEXT").empty());
}

// #31 IISID-VDIR-CONNECT-AS

TEST(FindingsContent, IISID_VDIR_CONNECT_AS_RaisedForAConnectAsAccount) {
    const auto found = findingsOf(
        check(appHost(defaultPool,
                      siteWithDirectory("physicalPath=\"\\\\files\\web\" userName=\"CORP\\reader\" "
                                        "password=\"[enc:IISCngProvider:QUJD:enc]\""))),
        "IISID-VDIR-CONNECT-AS");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].finding.message,
              "Virtual directory 'S1/' reads its content and web.config as 'CORP\\reader' "
              "(Connect as) for every user; that account's password is stored in the "
              "configuration.");
    EXPECT_EQ(found[0].finding.severity, Severity::Info);
    EXPECT_EQ(found[0].site, "S1");
    EXPECT_EQ(found[0].path, "/");
}

TEST(FindingsContent, IISID_VDIR_CONNECT_AS_IsMediumForAnAdministratorFromTheDefaults) {
    const auto found =
        findingsOf(check(appHost(defaultPool,
                                 "<virtualDirectoryDefaults userName=\"CORP\\Administrator\" />\n" +
                                     siteWithDirectory("physicalPath=\"C:\\s\""))),
                   "IISID-VDIR-CONNECT-AS");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].finding.severity, Severity::Medium);
    EXPECT_EQ(found[0].finding.location.line, 8);
}

TEST(FindingsContent, IISID_VDIR_CONNECT_AS_NotRaisedForABlankUserName) {
    const auto run =
        check(appHost(defaultPool, siteWithDirectory("physicalPath=\"C:\\s\" userName=\"\"")));
    EXPECT_TRUE(findingsOf(run, "IISID-VDIR-CONNECT-AS").empty());
}

TEST(FindingsContent, IISID_VDIR_CONNECT_AS_RaisedForAnIis6UncUserName) {
    const auto found = findingsOf(
        check(iis6Root("Path=\"\\\\files\\one\" UNCUserName=\"CORP\\reader\""), "MetaBase.xml"),
        "IISID-VDIR-CONNECT-AS");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].site, "One");
}

// #32 IISID-VDIR-UNC-PASSTHROUGH

TEST(FindingsContent, IISID_VDIR_UNC_PASSTHROUGH_RaisedForAShareWithoutConnectAs) {
    const auto found = findingsOf(
        check(appHost(defaultPool, siteWithDirectory("physicalPath=\"\\\\files\\web\""))),
        "IISID-VDIR-UNC-PASSTHROUGH");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].finding.message,
              "Virtual directory 'S1/' reads the share '\\\\files\\web' without a Connect-as "
              "account: every user's own token must reach the share (the anonymous IUSR is "
              "anonymous on the network), and the pool identity (IIS APPPOOL\\P1) reads "
              "web.config there, as DOMAIN\\MACHINE$ if it is a built-in one — a frequent "
              "500.19 (0x80070005).");
    EXPECT_EQ(found[0].finding.severity, Severity::Medium);
}

TEST(FindingsContent, IISID_VDIR_UNC_PASSTHROUGH_NotRaisedWithConnectAsOrALocalPath) {
    const auto run = check(
        appHost(defaultPool,
                siteWithDirectory("physicalPath=\"\\\\files\\web\" userName=\"CORP\\reader\"") +
                    site("S2", 2, "P1")));
    EXPECT_TRUE(findingsOf(run, "IISID-VDIR-UNC-PASSTHROUGH").empty());
}

TEST(FindingsContent, IISID_VDIR_UNC_PASSTHROUGH_RaisedForAnIis6UncPathWithoutUser) {
    const auto found = findingsOf(check(iis6Root("Path=\"\\\\files\\one\""), "MetaBase.xml"),
                                  "IISID-VDIR-UNC-PASSTHROUGH");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].finding.location.line, 8);
}

} // namespace
