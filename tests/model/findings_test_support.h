#pragma once

// Helpers of the findings tests: small inline configurations checked end to end (runCheck), the
// corpus files, and the findings of one rule.

#include "model/check/check_engine.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace iisid::check::test {

/// An applicationHost.config with one site "Site1" (root application in pool "Pool1", an http
/// binding and, if asked, an https one), the pool's processModel child as given, and extra
/// configuration (system.webServer / system.web at the file level) after the sites.
inline CheckInputFile appHost(const std::string &processModel, const std::string &extra,
                              bool https = false, const std::string &poolAttributes = "") {
    std::string text = R"(<?xml version="1.0" encoding="UTF-8"?>
<configuration>
  <system.applicationHost>
    <applicationPools>
      <add name="Pool1" managedRuntimeVersion="v4.0" )" +
                       poolAttributes + ">" + processModel + R"(</add>
    </applicationPools>
    <sites>
      <site name="Site1" id="1">
        <application path="/" applicationPool="Pool1">
          <virtualDirectory path="/" physicalPath="C:\inetpub\site1" />
        </application>
        <bindings>
          <binding protocol="http" bindingInformation="*:80:" />)" +
                       (https ? R"(<binding protocol="https" bindingInformation="*:443:" />)"
                              : "") +
                       R"(
        </bindings>
      </site>
    </sites>
  </system.applicationHost>
)" + extra + R"(
</configuration>
)";
    return {"applicationHost.config", "/tmp/applicationHost.config", text, true};
}

/// system.webServer/security/authentication with the given children.
inline std::string authentication(const std::string &children) {
    return "<system.webServer><security><authentication>" + children +
           "</authentication></security></system.webServer>";
}

/// A stock-like handler list: ASP.NET pages (Integrated, v4.0) and the static file handler,
/// with accessPolicy "Read, Script".
inline std::string handlers() {
    return R"(<system.webServer><handlers accessPolicy="Read, Script">)"
           R"(<add name="PageHandlerFactory-Integrated-4.0" path="*.aspx" verb="GET,HEAD,POST" )"
           R"(type="System.Web.UI.PageHandlerFactory" preCondition="integratedMode,runtimeVersionv4.0" />)"
           R"(<add name="StaticFile" path="*" verb="*" modules="StaticFileModule" )"
           R"(resourceType="Either" requireAccess="Read" /></handlers></system.webServer>)";
}

inline CheckInputFile webConfig(const std::string &body) {
    return {"web.config", "/tmp/web.config",
            "<?xml version=\"1.0\"?>\n<configuration>\n" + body + "\n</configuration>\n", true};
}

/// An IIS 6 MetaBase.xml in worker process mode: one site "Default Web Site" whose ROOT is an
/// application in DefaultAppPool, with the ROOT key's extra attributes as given.
inline CheckInputFile metabase(const std::string &rootAttributes) {
    return {"MetaBase.xml", "/tmp/MetaBase.xml",
            R"(<configuration xmlns="urn:microsoft-catalog:XML_Metabase_V64_0">
<MBProperty>
<IIsWebService	Location ="/LM/W3SVC"
		AnonymousUserName="IUSR_WEB"
		AuthFlags="AuthAnonymous | AuthNTLM"
		IIs5IsolationModeEnabled="FALSE"
	>
</IIsWebService>
<IIsWebServer	Location ="/LM/W3SVC/1"
		ServerBindings=":80:"
		ServerComment="Default Web Site"
	>
</IIsWebServer>
<IIsWebVirtualDir	Location ="/LM/W3SVC/1/ROOT"
		AppRoot="/LM/W3SVC/1/ROOT"
		AppPoolId="DefaultAppPool"
		Path="D:\www"
		)" +
                rootAttributes +
                R"(
	>
</IIsWebVirtualDir>
<IIsApplicationPool	Location ="/LM/W3SVC/AppPools/DefaultAppPool"
	>
</IIsApplicationPool>
</MBProperty>
</configuration>
)",
            true};
}

inline CheckInputFile corpusFile(const std::string &relative) {
    const std::string path = std::string(IISID_CORPUS_DIR) + "/" + relative;
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return {relative.substr(relative.find('/') + 1), path, bytes.str(), true};
}

inline std::vector<CheckFinding> findingsOf(std::vector<CheckInputFile> files) {
    Result<CheckRun> run = runCheck(std::move(files), {});
    EXPECT_TRUE(run.ok());
    if (!run.ok())
        return {};
    return run.value().report.findings;
}

inline std::vector<CheckFinding> withRule(const std::vector<CheckFinding> &all,
                                          std::string_view rule) {
    std::vector<CheckFinding> out;
    for (const CheckFinding &f : all) {
        if (f.finding.rule == rule)
            out.push_back(f);
    }
    return out;
}

} // namespace iisid::check::test
