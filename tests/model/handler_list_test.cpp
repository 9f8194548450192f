// Handler resolution for a path (§2.13, C2.16-C2.22).

#include "model/config/handler_list.h"

#include "config_test_support.h"

#include <gtest/gtest.h>

namespace {

using namespace iisid::config;
using test::appHost;
using test::readSet;

std::unique_ptr<ConfigSet> serverWith(const std::string &poolAttributes,
                                      const std::string &handlers) {
    const std::string sites = "<applicationPools><add name=\"P\" " + poolAttributes +
                              " /></applicationPools><sites><site name=\"S\" id=\"1\"><application "
                              "path=\"/\" applicationPool=\"P\"><virtualDirectory path=\"/\" "
                              "physicalPath=\"C:\\s\"/></application></site></sites>";
    return readSet({{"applicationHost.config", "a",
                     appHost(sites, "<system.webServer>" + handlers + "</system.webServer>")}});
}

const std::string stock = R"(<handlers accessPolicy="Read, Script">
<add name="ASPClassic" path="*.asp" verb="GET,HEAD,POST" modules="IsapiModule" scriptProcessor="%windir%\system32\inetsrv\asp.dll" resourceType="File" />
<add name="PageHandlerFactory-ISAPI-4.0_64bit" path="*.aspx" verb="GET,HEAD,POST,DEBUG" modules="IsapiModule" scriptProcessor="%windir%\Microsoft.NET\Framework64\v4.0.30319\aspnet_isapi.dll" preCondition="classicMode,runtimeVersionv4.0,bitness64" />
<add name="PageHandlerFactory-Integrated-4.0" path="*.aspx" verb="GET,HEAD,POST,DEBUG" type="System.Web.UI.PageHandlerFactory" preCondition="integratedMode,runtimeVersionv4.0" />
<add name="ISAPI-dll" path="*.dll" verb="*" modules="IsapiModule" resourceType="File" requireAccess="Execute" allowPathInfo="true" />
<add name="CGI-exe" path="*.exe" verb="*" modules="CgiModule" resourceType="File" requireAccess="Execute" allowPathInfo="true" />
<add name="PHP" path="*.php" verb="GET,HEAD,POST" modules="FastCgiModule" scriptProcessor="C:\php\php-cgi.exe" resourceType="Either" />
<add name="StaticFile" path="*" verb="*" modules="StaticFileModule,DefaultDocumentModule,DirectoryListingModule" resourceType="Either" requireAccess="Read" />
<add name="AfterStatic" path="*.py" verb="*" modules="CgiModule" scriptProcessor="python.exe %s" />
</handlers>)";

std::vector<std::string> kinds(const HandlerResolution &resolution) {
    std::vector<std::string> out;
    for (const HandlerMapping *mapping : resolution.reachableKinds())
        out.push_back(std::string(toString(mapping->kind)) + ":" + std::string(mapping->name));
    return out;
}

HandlerResolution resolve(const ConfigSet &set) {
    return resolveHandlers(set.effectiveSection("S", "/", "system.webServer/handlers"),
                           set.host().pool("P"));
}

struct PoolRow {
    const char *name;
    const char *poolAttributes;
    const char *aspxHandler;
};

class Preconditions : public ::testing::TestWithParam<PoolRow> {};

TEST_P(Preconditions, C2_17_PreconditionsFollowThePool) {
    const auto set = serverWith(GetParam().poolAttributes, stock);
    const HandlerResolution resolution = resolve(*set);
    const HandlerMapping *aspx = resolution.select("default.aspx");
    ASSERT_NE(aspx, nullptr);
    EXPECT_EQ(aspx->name, GetParam().aspxHandler);
}

INSTANTIATE_TEST_SUITE_P(
    Rows, Preconditions,
    ::testing::Values(
        PoolRow{"IntegratedV4", R"(managedRuntimeVersion="v4.0")",
                "PageHandlerFactory-Integrated-4.0"},
        PoolRow{"ClassicV4", R"(managedRuntimeVersion="v4.0" managedPipelineMode="Classic")",
                "PageHandlerFactory-ISAPI-4.0_64bit"},
        PoolRow{
            "Classic32Bit",
            R"(managedRuntimeVersion="v4.0" managedPipelineMode="Classic" enable32BitAppOnWin64="true")",
            "StaticFile"},
        PoolRow{"NoManagedCode", R"(managedRuntimeVersion="")", "StaticFile"}),
    [](const auto &row) { return std::string(row.param.name); });

TEST(HandlerList, C2_18_C2_22_ReachableKindsStopAtTheCatchAll) {
    const auto set = serverWith(R"(managedRuntimeVersion="v4.0")", stock);
    EXPECT_EQ(
        kinds(resolve(*set)),
        (std::vector<std::string>{"asp:ASPClassic", "aspnet:PageHandlerFactory-Integrated-4.0",
                                  "fastcgi:PHP", "static:StaticFile"}));
}

TEST(HandlerList, C2_19_AccessPolicyWithExecuteEnablesIsapiAndCgi) {
    std::string handlers = stock;
    handlers.replace(handlers.find("Read, Script"), 12, "Read, Script, Execute");
    const auto set = serverWith(R"(managedRuntimeVersion="v4.0")", handlers);
    const HandlerResolution resolution = resolve(*set);
    EXPECT_EQ(resolution.select("x.dll")->kind, HandlerKind::Isapi);
    EXPECT_EQ(resolution.select("x.exe")->kind, HandlerKind::Cgi);
    const auto readOnly = serverWith(R"(managedRuntimeVersion="v4.0")", stock);
    EXPECT_EQ(resolve(*readOnly).select("x.dll")->name, "StaticFile"); // falls through
}

struct KindRow {
    const char *name;
    const char *add;
    HandlerKind kind;
};

class Classify : public ::testing::TestWithParam<KindRow> {};

TEST_P(Classify, C2_22_ModulesDecideTheKind) {
    const auto set = serverWith("", std::string("<handlers>") + GetParam().add + "</handlers>");
    const EffectiveSection handlers = set->effectiveSection("S", "/", "system.webServer/handlers");
    ASSERT_EQ(handlers.element.entries.size(), 1u);
    EXPECT_EQ(classifyHandler(handlers.element.entries.front()), GetParam().kind);
}

INSTANTIATE_TEST_SUITE_P(
    Rows, Classify,
    ::testing::Values(
        KindRow{"Static", R"(<add name="a" path="*" verb="*" modules="StaticFileModule"/>)",
                HandlerKind::Static},
        KindRow{
            "Asp",
            R"(<add name="a" path="*.asp" verb="*" modules="IsapiModule" scriptProcessor="%windir%\system32\inetsrv\asp.dll"/>)",
            HandlerKind::Asp},
        KindRow{
            "AspNetIsapi",
            R"(<add name="a" path="*.aspx" verb="*" modules="IsapiModule" scriptProcessor="C:\x\aspnet_isapi.dll"/>)",
            HandlerKind::AspNet},
        KindRow{"ManagedType",
                R"(<add name="a" path="*.aspx" verb="*" type="System.Web.UI.PageHandlerFactory"/>)",
                HandlerKind::AspNet},
        KindRow{"Cgi", R"(<add name="a" path="*.py" verb="*" modules="CgiModule"/>)",
                HandlerKind::Cgi},
        KindRow{
            "FastCgi",
            R"(<add name="a" path="*.php" verb="*" modules="FastCgiModule" scriptProcessor="C:\php\php-cgi.exe"/>)",
            HandlerKind::FastCgi},
        KindRow{"AspNetCoreV2", R"(<add name="a" path="*" verb="*" modules="AspNetCoreModuleV2"/>)",
                HandlerKind::AspNetCore},
        KindRow{"OtherIsapi", R"(<add name="a" path="*.dll" verb="*" modules="IsapiModule"/>)",
                HandlerKind::Isapi},
        KindRow{"Protocol",
                R"(<add name="a" path="*" verb="OPTIONS" modules="ProtocolSupportModule"/>)",
                HandlerKind::Other}),
    [](const auto &row) { return std::string(row.param.name); });

TEST(HandlerList, C2_18_PathPatterns) {
    EXPECT_TRUE(handlerPathMatches("*.PHP", "index.php"));
    EXPECT_TRUE(handlerPathMatches("*", "x"));
    EXPECT_TRUE(handlerPathMatches("*.", "extensionless"));
    EXPECT_FALSE(handlerPathMatches("*.", "a.b"));
    EXPECT_TRUE(handlerPathMatches("WebResource.axd", "webresource.axd"));
    EXPECT_FALSE(handlerPathMatches("*.asp", "x.aspx"));
}

} // namespace
