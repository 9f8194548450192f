// The handler rules of the findings catalogue (model/check/findings_handler.cpp,
// config-semantics.md §5 #23-#30), each raised on a small configuration and left alone on its near
// miss.

#include "findings_handler_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace {

using iisid::Severity;
using iisid::check::CheckFinding;
using iisid::check::CheckInputFile;
using iisid::check::CheckOptions;
using namespace iisid::check::testing;

/// An applicationHost.config with one site (root application in pool "Pool") whose pool,
/// handlers and extra sections are given.
std::string appHost(const std::string &pool, const std::string &webServer,
                    const std::string &extra = {}) {
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<configuration>
  <configSections>
    <sectionGroup name="system.applicationHost">
      <section name="applicationPools" allowDefinition="AppHostOnly" overrideModeDefault="Deny" />
      <section name="sites" allowDefinition="AppHostOnly" overrideModeDefault="Deny" />
    </sectionGroup>
    <sectionGroup name="system.webServer">
      <section name="cgi" overrideModeDefault="Deny" />
      <section name="fastCgi" allowDefinition="AppHostOnly" overrideModeDefault="Deny" />
      <section name="handlers" overrideModeDefault="Deny" />
      <sectionGroup name="security">
        <section name="isapiCgiRestriction" allowDefinition="AppHostOnly" overrideModeDefault="Deny" />
        <sectionGroup name="authentication">
          <section name="anonymousAuthentication" overrideModeDefault="Deny" />
        </sectionGroup>
      </sectionGroup>
    </sectionGroup>
  </configSections>
  <system.applicationHost>
    <applicationPools>
      <add name="Pool" managedRuntimeVersion="">)" +
           pool + R"(</add>
      <add name="Other" />
    </applicationPools>
    <sites>
      <site name="Site" id="1">
        <application path="/" applicationPool="Pool">
          <virtualDirectory path="/" physicalPath="C:\inetpub\site" />
        </application>
      </site>
)" + extra +
           R"(
    </sites>
  </system.applicationHost>
  <system.webServer>
)" + webServer +
           R"(
  </system.webServer>
</configuration>
)";
}

std::vector<CheckFinding> checkAppHost(const std::string &text) {
    return check({{"applicationHost.config", "applicationHost.config", text}});
}

const std::string cgiHandler = R"(<handlers accessPolicy="Read, Script, Execute">
      <add name="CGI-exe" path="*.exe" verb="*" modules="CgiModule" resourceType="File" requireAccess="Execute" />
    </handlers>)";

const std::string phpHandler = R"(<handlers accessPolicy="Read, Script">
      <add name="PHP" path="*.php" verb="*" modules="FastCgiModule" scriptProcessor="C:\php\php-cgi.exe" resourceType="Either" requireAccess="Script" />
    </handlers>)";

std::string fastCgi(const std::string &attributes) {
    return R"(<fastCgi><application fullPath="C:\php\php-cgi.exe" )" + attributes +
           R"(><environmentVariables><environmentVariable name="PHPRC" value="C:\php" /></environmentVariables></application></fastCgi>)";
}

CheckInputFile phpIni(const std::string &text) {
    return {"php.ini", "php.ini", "[PHP]\n" + text};
}

TEST(FindingsHandler, IISID_CGI_RUNS_AS_PROCESS_RaisedWhenCreateProcessAsUserIsFalse) {
    const auto findings =
        checkAppHost(appHost(R"(<processModel identityType="LocalSystem" />)",
                             cgiHandler + R"(<cgi createProcessAsUser="false" />)"));
    const auto found = withRule(findings, "IISID-CGI-RUNS-AS-PROCESS");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0]->finding.severity, Severity::High); // LocalSystem pool
    EXPECT_EQ(found[0]->site, "Site");
    EXPECT_NE(found[0]->finding.message.find("NT AUTHORITY\\SYSTEM"), std::string::npos);
    EXPECT_NE(found[0]->finding.message.find("PARTIAL"), std::string::npos);
    EXPECT_GT(found[0]->finding.location.line, 0);
}

TEST(FindingsHandler, IISID_CGI_RUNS_AS_PROCESS_NotRaisedByDefault) {
    const auto findings = checkAppHost(appHost("", cgiHandler));
    EXPECT_TRUE(withRule(findings, "IISID-CGI-RUNS-AS-PROCESS").empty());
}

TEST(FindingsHandler, IISID_CGI_PRIVILEGE_REQUIRED_RaisedForAnAppPoolIdentityPool) {
    const auto findings = checkAppHost(appHost("", cgiHandler));
    const auto found = withRule(findings, "IISID-CGI-PRIVILEGE-REQUIRED");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0]->finding.severity, Severity::Info);
    EXPECT_NE(found[0]->finding.message.find("'Pool' (ApplicationPoolIdentity)"),
              std::string::npos);
}

TEST(FindingsHandler, IISID_CGI_PRIVILEGE_REQUIRED_NotRaisedForANetworkServicePool) {
    const auto findings =
        checkAppHost(appHost(R"(<processModel identityType="NetworkService" />)", cgiHandler));
    EXPECT_TRUE(withRule(findings, "IISID-CGI-PRIVILEGE-REQUIRED").empty());
}

// check-format.md: a php.ini is tied to the FastCGI application whose php-cgi.exe folder (or
// PHPRC, or -c) holds it, through --map; not by its file name. Here two php.ini files are
// given: the one in the mapped C:\php folder turns impersonation on, the other one does not.
CheckOptions mappedPhp() {
    CheckOptions options;
    options.maps.push_back({"C:\\php", "copied/php"});
    return options;
}

TEST(FindingsHandler, IISID_PHP_NOT_IMPERSONATING_NotRaisedForThePhpIniInTheMappedFolder) {
    const auto findings =
        check({{"applicationHost.config", "applicationHost.config",
                appHost("", phpHandler + fastCgi(""))},
               {"old/php.ini", "old/php.ini", "[PHP]\nfastcgi.impersonate = 0\n"},
               {"php/php.ini", "copied/php/php.ini", "[PHP]\nfastcgi.impersonate = 1\n"}},
              mappedPhp());
    EXPECT_TRUE(withRule(findings, "IISID-PHP-NOT-IMPERSONATING").empty());
    const auto scope = withRule(findings, "IISID-INPUT-SCOPE");
    EXPECT_TRUE(mentions(scope, "php.ini old/php.ini is not tied to any FastCGI application"));
}

TEST(FindingsHandler, IISID_PHP_NOT_IMPERSONATING_RaisedWhenThePhpIniIsNotInTheMappedFolder) {
    // Without --map neither file can be placed, and two files are not "a lone php.ini": PHP's
    // default (fastcgi.impersonate=0) is assumed.
    const auto findings =
        check({{"applicationHost.config", "applicationHost.config",
                appHost("", phpHandler + fastCgi(""))},
               {"old/php.ini", "old/php.ini", "[PHP]\nfastcgi.impersonate = 0\n"},
               {"php/php.ini", "copied/php/php.ini", "[PHP]\nfastcgi.impersonate = 1\n"}});
    EXPECT_EQ(withRule(findings, "IISID-PHP-NOT-IMPERSONATING").size(), 1u);
}

TEST(FindingsHandler, IISID_PHP_NOT_IMPERSONATING_RaisedForPhpIniWithoutImpersonate) {
    const auto findings = check({{"applicationHost.config", "applicationHost.config",
                                  appHost("", phpHandler + fastCgi(""))},
                                 phpIni("fastcgi.impersonate = 0\n")});
    const auto found = withRule(findings, "IISID-PHP-NOT-IMPERSONATING");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0]->finding.severity, Severity::Low);
    EXPECT_EQ(found[0]->finding.location.file, "php.ini");
    EXPECT_EQ(found[0]->finding.location.line, 2);
}

TEST(FindingsHandler, IISID_PHP_NOT_IMPERSONATING_NotRaisedWhenPhpImpersonates) {
    const auto findings = check({{"applicationHost.config", "applicationHost.config",
                                  appHost("", phpHandler + fastCgi(""))},
                                 phpIni("fastcgi.impersonate = 1\n")});
    EXPECT_TRUE(withRule(findings, "IISID-PHP-NOT-IMPERSONATING").empty());
}

TEST(FindingsHandler, IISID_PHP_NOT_IMPERSONATING_MediumWhenThePoolServesTwoSites) {
    const auto findings = checkAppHost(appHost("", phpHandler + fastCgi(""), R"(
      <site name="Second" id="2">
        <application path="/" applicationPool="Pool">
          <virtualDirectory path="/" physicalPath="C:\inetpub\second" />
        </application>
      </site>)"));
    const auto found = withRule(findings, "IISID-PHP-NOT-IMPERSONATING");
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0]->finding.severity, Severity::Medium);
    EXPECT_NE(found[0]->finding.message.find("no php.ini was given"), std::string::npos);
}

TEST(FindingsHandler, IISID_PHP_IMPERSONATE_OVER_TCP_RaisedForTcpProtocol) {
    const auto findings = check({{"applicationHost.config", "applicationHost.config",
                                  appHost("", phpHandler + fastCgi(R"(protocol="Tcp")"))},
                                 phpIni("fastcgi.impersonate = 1\n")});
    const auto found = withRule(findings, "IISID-PHP-IMPERSONATE-OVER-TCP");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0]->finding.severity, Severity::Medium);
    EXPECT_EQ(found[0]->finding.location.file, "applicationHost.config");
}

TEST(FindingsHandler, IISID_PHP_IMPERSONATE_OVER_TCP_NotRaisedForNamedPipe) {
    const auto findings = check({{"applicationHost.config", "applicationHost.config",
                                  appHost("", phpHandler + fastCgi(R"(protocol="NamedPipe")"))},
                                 phpIni("fastcgi.impersonate = 1\n")});
    EXPECT_TRUE(withRule(findings, "IISID-PHP-IMPERSONATE-OVER-TCP").empty());
}

TEST(FindingsHandler, IISID_PHP_IMPERSONATES_ANONYMOUS_RaisedForIusr) {
    const auto findings = check(
        {{"applicationHost.config", "applicationHost.config",
          appHost(
              "",
              phpHandler + fastCgi("") +
                  R"(<security><authentication><anonymousAuthentication enabled="true" /></authentication></security>)")},
         phpIni("fastcgi.impersonate = 1\n")});
    const auto found = withRule(findings, "IISID-PHP-IMPERSONATES-ANONYMOUS");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0]->finding.severity, Severity::Info);
    EXPECT_NE(found[0]->finding.message.find("IUSR"), std::string::npos);
}

TEST(FindingsHandler, IISID_PHP_IMPERSONATES_ANONYMOUS_NotRaisedForThePoolIdentity) {
    const auto findings = check(
        {{"applicationHost.config", "applicationHost.config",
          appHost(
              "",
              phpHandler + fastCgi("") +
                  R"(<security><authentication><anonymousAuthentication enabled="true" userName="" /></authentication></security>)")},
         phpIni("fastcgi.impersonate = 1\n")});
    EXPECT_TRUE(withRule(findings, "IISID-PHP-IMPERSONATES-ANONYMOUS").empty());
}

TEST(FindingsHandler, IISID_HANDLER_WRITE_AND_EXECUTE_RaisedForWriteAndScript) {
    const auto findings =
        checkAppHost(appHost("", R"(<handlers accessPolicy="Read, Write, Script" />)"));
    const auto found = withRule(findings, "IISID-HANDLER-WRITE-AND-EXECUTE");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0]->finding.severity, Severity::High);
}

TEST(FindingsHandler, IISID_HANDLER_WRITE_AND_EXECUTE_NotRaisedForReadAndScript) {
    const auto findings = checkAppHost(appHost("", R"(<handlers accessPolicy="Read, Script" />)"));
    EXPECT_TRUE(withRule(findings, "IISID-HANDLER-WRITE-AND-EXECUTE").empty());
}

TEST(FindingsHandler, IISID_HANDLER_EXEC_REQUIREACCESS_LOWERED_RaisedForAnIsapiDllOnScript) {
    const auto findings = checkAppHost(appHost("", R"(<handlers accessPolicy="Read, Script">
      <add name="ISAPI-dll" path="*.dll" verb="*" modules="IsapiModule" resourceType="File" requireAccess="Script" />
    </handlers>)"));
    const auto found = withRule(findings, "IISID-HANDLER-EXEC-REQUIREACCESS-LOWERED");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0]->finding.message.find("'ISAPI-dll'"), std::string::npos);
}

TEST(FindingsHandler, IISID_HANDLER_EXEC_REQUIREACCESS_LOWERED_NotRaisedForExecute) {
    const auto findings = checkAppHost(appHost("", R"(<handlers accessPolicy="Read, Script">
      <add name="ISAPI-dll" path="*.dll" verb="*" modules="IsapiModule" resourceType="File" requireAccess="Execute" />
    </handlers>)"));
    EXPECT_TRUE(withRule(findings, "IISID-HANDLER-EXEC-REQUIREACCESS-LOWERED").empty());
}

TEST(FindingsHandler, IISID_RESTRICTION_UNLISTED_ALLOWED_RaisedForUnlistedCgis) {
    const auto findings = checkAppHost(
        appHost("", R"(<security><isapiCgiRestriction notListedCgisAllowed="true" /></security>)"));
    const auto found = withRule(findings, "IISID-RESTRICTION-UNLISTED-ALLOWED");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0]->finding.severity, Severity::Medium);
    EXPECT_NE(found[0]->finding.message.find("notListedCgisAllowed"), std::string::npos);
}

TEST(FindingsHandler, IISID_RESTRICTION_UNLISTED_ALLOWED_NotRaisedByDefault) {
    const auto findings = checkAppHost(appHost("", ""));
    EXPECT_TRUE(withRule(findings, "IISID-RESTRICTION-UNLISTED-ALLOWED").empty());
}

/// A MetaBase.xml with one site whose root has the given AccessFlags (and other attributes),
/// /LM/W3SVC with the given attributes.
std::string metabase(const std::string &accessFlags, const std::string &rootAttributes = "",
                     const std::string &serviceAttributes = "") {
    return R"(<configuration xmlns="urn:microsoft-catalog:XML_Metabase_V64_0">
<MBProperty>
<IIsWebService Location="/LM/W3SVC" IIs5IsolationModeEnabled="FALSE" )" +
           serviceAttributes + R"(>
</IIsWebService>
<IIsWebServer Location="/LM/W3SVC/1" ServerComment="Default Web Site">
</IIsWebServer>
<IIsWebVirtualDir Location="/LM/W3SVC/1/ROOT" AppRoot="/LM/W3SVC/1/ROOT" AppPoolId="DefaultAppPool" Path="D:\www" AccessFlags=")" +
           accessFlags + "\" " + rootAttributes + R"(>
</IIsWebVirtualDir>
<IIsApplicationPool Location="/LM/W3SVC/AppPools/DefaultAppPool">
</IIsApplicationPool>
</MBProperty>
</configuration>
)";
}

TEST(FindingsHandler, IISID_HANDLER_WRITE_AND_EXECUTE_RaisedForMetabaseWriteAndScript) {
    const auto findings = check(
        {{"MetaBase.xml", "MetaBase.xml", metabase("AccessRead | AccessWrite | AccessScript")}});
    const auto found = withRule(findings, "IISID-HANDLER-WRITE-AND-EXECUTE");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0]->site, "Default Web Site");
    EXPECT_EQ(found[0]->finding.location.line, 7);
}

TEST(FindingsHandler, IISID_HANDLER_WRITE_AND_EXECUTE_NotRaisedForMetabaseReadAndScript) {
    EXPECT_TRUE(
        withRule(check({{"MetaBase.xml", "MetaBase.xml", metabase("AccessRead | AccessScript")}}),
                 "IISID-HANDLER-WRITE-AND-EXECUTE")
            .empty());
}

// #23, IIS 6's second clause: executable content under AccessExecute, CreateProcessAsUser=FALSE.
TEST(FindingsHandler, IISID_CGI_RUNS_AS_PROCESS_RaisedForMetabaseExecutableContent) {
    const auto findings =
        check({{"MetaBase.xml", "MetaBase.xml",
                metabase("AccessRead | AccessExecute", R"(CreateProcessAsUser="FALSE")")}});
    const auto found = withRule(findings, "IISID-CGI-RUNS-AS-PROCESS");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0]->finding.message,
              "Executables (.exe) in the content of Default Web Site/ run as CGI programs "
              "(AccessFlags \"AccessRead | AccessExecute\" has AccessExecute) with the process "
              "identity NT AUTHORITY\\NETWORK SERVICE, not as the requesting user: "
              "CreateProcessAsUser is FALSE. PARTIAL: the IIS documentation conflicts on what "
              "createProcessAsUser=true selects (F3.22).");
    EXPECT_EQ(found[0]->finding.severity, Severity::Medium);
    EXPECT_EQ(found[0]->finding.location.line, 7);
    EXPECT_EQ(found[0]->path, "/");
}

// #23, IIS 6's first clause: an .exe script map (a CGI) with CreateProcessAsUser=FALSE.
TEST(FindingsHandler, IISID_CGI_RUNS_AS_PROCESS_RaisedForMetabaseExeScriptMap) {
    const auto findings = check(
        {{"MetaBase.xml", "MetaBase.xml",
          metabase(
              "AccessRead | AccessScript",
              R"(CreateProcessAsUser="FALSE" ScriptMaps=".pl,C:\Perl\bin\perl.exe %s %s,5")")}});
    const auto found = withRule(findings, "IISID-CGI-RUNS-AS-PROCESS");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(mentions(found, "CGI programs of Default Web Site/ (mapping "));
}

TEST(FindingsHandler, IISID_CGI_RUNS_AS_PROCESS_NotRaisedForMetabaseWithoutExecuteOrAsUser) {
    EXPECT_TRUE(
        withRule(check({{"MetaBase.xml", "MetaBase.xml",
                         metabase("AccessRead | AccessScript", R"(CreateProcessAsUser="FALSE")")}}),
                 "IISID-CGI-RUNS-AS-PROCESS")
            .empty());
    EXPECT_TRUE(
        withRule(check({{"MetaBase.xml", "MetaBase.xml", metabase("AccessRead | AccessExecute")}}),
                 "IISID-CGI-RUNS-AS-PROCESS")
            .empty());
}

// #30, IIS 6: WebSvcExtRestrictionList "1,*.dll" / "1,*.exe" (MB-SAMPLE format).
TEST(FindingsHandler, IISID_RESTRICTION_UNLISTED_ALLOWED_RaisedForMetabaseUnknownCgiAllowed) {
    const auto findings = check({{"MetaBase.xml", "MetaBase.xml",
                                  metabase("AccessRead", "", R"(WebSvcExtRestrictionList="0,*.dll
			1,*.exe
			0,C:\WINDOWS\system32\inetsrv\asp.dll,0,ASP,Active Server Pages")")}});
    const auto found = withRule(findings, "IISID-RESTRICTION-UNLISTED-ALLOWED");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0]->finding.message,
              "WebSvcExtRestrictionList allows all unknown CGI extensions (\"1,*.exe\"): any CGI "
              "executable a script map or the content reaches may run, listed or not. Partly "
              "confirmed: the list's format is read from a sample metabase.");
    EXPECT_EQ(found[0]->finding.location.line, 4);
    EXPECT_EQ(found[0]->finding.location.column, 4);
    EXPECT_EQ(found[0]->finding.status, iisid::Confidence::Partial);
}

TEST(FindingsHandler, IISID_RESTRICTION_UNLISTED_ALLOWED_NotRaisedForMetabaseProhibitedUnknowns) {
    EXPECT_TRUE(withRule(check({{"MetaBase.xml", "MetaBase.xml",
                                 metabase("AccessRead", "", R"(WebSvcExtRestrictionList="0,*.dll
			0,*.exe")")}}),
                         "IISID-RESTRICTION-UNLISTED-ALLOWED")
                    .empty());
}

// PHP's identity: php.ini's fastcgi.impersonate and the <application>'s protocol reach the
// application's scenario (with the php.ini line as origin), so the resolver answers for PHP.
TEST(FindingsHandler, PhpIniImpersonateReachesTheScenarioAndTheIdentity) {
    auto run = iisid::check::runCheck(
        {{"applicationHost.config", "applicationHost.config",
          appHost(
              "",
              phpHandler + fastCgi(R"(protocol="NamedPipe")") +
                  R"(<security><authentication><anonymousAuthentication enabled="true" /></authentication></security>)")},
         phpIni("fastcgi.impersonate = 1\n")},
        {});
    ASSERT_TRUE(run);
    ASSERT_EQ(run.value().applications.size(), 1u);
    const iisid::LoadedScenario &base = run.value().applications[0].base;
    EXPECT_EQ(base.scenario.handler.fastcgiImpersonate, std::optional<bool>(true));
    EXPECT_EQ(base.locations.at("handler.fastcgiImpersonate").file, "php.ini");
    EXPECT_EQ(base.locations.at("handler.fastcgiImpersonate").line, 2);
    EXPECT_EQ(base.locations.at("handler.fastcgiProtocol").file, "applicationHost.config");
    const auto &handlers = run.value().report.applications[0].handlers;
    const auto php = std::find_if(handlers.begin(), handlers.end(),
                                  [](const auto &h) { return h.kind == "fastcgi"; });
    ASSERT_NE(php, handlers.end());
    ASSERT_TRUE(php->anonymous);
    EXPECT_EQ(php->anonymous->code, std::optional<std::string>("NT AUTHORITY\\IUSR"));
}

#ifdef IISID_CORPUS_DIR

/// The php.ini without its comment lines that quote HTML ("; <span style=…>"): the engine's
/// input detection takes such a file for XML (reported to the lead); the directives are intact.
std::string withoutMarkupComments(const std::string &ini) {
    std::istringstream lines(ini);
    std::string out;
    for (std::string line; std::getline(lines, line);) {
        if (line.find('<') == std::string::npos)
            out += line + "\n";
    }
    return out;
}

TEST(FindingsHandlerCorpus, IISID_PHP_NOT_IMPERSONATING_OnPhilippelamnyDockerComposeIisPhp7) {
    const auto findings = check(
        {{"applicationhost.config", "applicationhost.config",
          corpus("applicationhost/philippelamny_docker-compose-iis-php7__applicationhost.config")},
         {"php.ini", "php.ini",
          withoutMarkupComments(corpus("phpini/philippelamny_docker-compose-iis-php7__php.ini"))}});
    const auto found = withRule(findings, "IISID-PHP-NOT-IMPERSONATING");
    ASSERT_FALSE(found.empty());
    EXPECT_NE(found[0]->finding.message.find("php.ini php.ini does not set fastcgi.impersonate"),
              std::string::npos);
}

TEST(FindingsHandlerCorpus, IISID_RESTRICTION_UNLISTED_ALLOWED_InfoOnTheIisExpressFile) {
    const auto findings = check(
        {{"applicationHost.config", "applicationHost.config",
          corpus(
              "applicationhost/"
              "bjorn-ali-goransson_PowerScriptFileToInstallAndRunWordpressOnIISExpressAndMariaDB_"
              "_applicationHost.config")}});
    const auto found = withRule(findings, "IISID-RESTRICTION-UNLISTED-ALLOWED");
    ASSERT_EQ(found.size(), 2u);
    for (const CheckFinding *finding : found)
        EXPECT_EQ(finding->finding.severity, Severity::Info);
}
#endif

} // namespace
