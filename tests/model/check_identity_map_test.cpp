// The identity map of `iisid check` (runCheck's report) against maps read by hand from six
// corpus files. For each file the expected rows were written by reading the file itself, not
// the program's output: the pool each <application> names (or <applicationDefaults>), the
// pool's processModel (with <applicationPoolDefaults> under it), the authentication sections
// through every <location> that covers the application, the anonymous user (an empty userName
// is the pool identity, F1.30), the handler mappings reachable with the pool's pipeline and
// runtime (preCondition), and for each kind the account iis-identity-reference.md gives for an
// anonymous and for an authenticated (DOMAIN\user) request. Where the program and the documents
// disagreed the row says so in a comment.

#include "model/check/check_engine.h"

#include <gtest/gtest.h>

#include <tuple>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h> // getpid

namespace iisid::check {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = IISID_CORPUS_DIR;

/// The account that runs the code of one handler kind for each request; nullopt where the
/// request cannot happen (anonymous off; no other method on).
struct HandlerRow {
    std::string kind;
    std::optional<std::string> anonymousCode;
    std::optional<std::string> authenticatedCode;
};

struct AppRow {
    std::string site;
    std::string path;
    std::string pool;
    std::optional<std::string> worker;
    std::string methods; // the enabled methods: "anonymous windows basic digest certificate"
    std::optional<std::string> anonymousIdentity;
    std::vector<HandlerRow> handlers; // every reachable kind, in mapping order
};

struct MapCase {
    std::string name;
    std::vector<std::string> files; // relative to the corpus, or absolute (written by the test)
    std::vector<config::PathMapping> maps;
    std::size_t applications = 0;
    std::vector<AppRow> rows; // all the applications, or a hand-picked set where there are many
};

std::string readBytes(const fs::path &path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::string methodsOf(const CheckAuthentication &a) {
    std::string out;
    auto add = [&](bool on, const char *name) {
        if (on)
            out += (out.empty() ? "" : " ") + std::string(name);
    };
    add(a.anonymous, "anonymous");
    add(a.windows, "windows");
    add(a.basic, "basic");
    add(a.digest, "digest");
    add(a.clientCertificate, "certificate");
    return out;
}

std::string show(const std::optional<std::string> &value) {
    return value ? *value : "(null)";
}

/// The Mac199 web.config copied where --map finds it: <dir>/wwwroot/web.config.
fs::path mappedInetpub() {
    const fs::path dir = fs::temp_directory_path() / "iisid-identity-map-inetpub";
    fs::create_directories(dir / "wwwroot");
    // ctest runs each row in a process of its own, two at a time, and each process registers
    // the rows (and so calls this): the copy is renamed into place, so that no process reads a
    // web.config another one is still writing.
    const fs::path part = dir / "wwwroot" / ("web.config." + std::to_string(::getpid()));
    fs::copy_file(kCorpus / "webconfig/Mac199_inetpub__wwwroot-web.config", part,
                  fs::copy_options::overwrite_existing);
    fs::rename(part, dir / "wwwroot/web.config");
    return dir;
}

Result<CheckRun> check(const MapCase &c) {
    std::vector<CheckInputFile> files;
    for (const std::string &name : c.files) {
        const fs::path path = fs::path(name).is_absolute() ? fs::path(name) : kCorpus / name;
        files.push_back({path.filename().string(), path.string(), readBytes(path), true});
    }
    CheckOptions options;
    options.maps = c.maps;
    options.toolVersion = "test";
    return runCheck(std::move(files), options);
}

class IdentityMap : public ::testing::TestWithParam<MapCase> {};

// A SpecificUser pool without a userName (or with userName="") cannot start: its requests are
// answered 503 with no identity, never as an account named "MACHINE\" (§5 #4, Q18).
TEST(IdentityMapPool, SpecificUserWithoutUserNameCannotServe) {
    for (const std::string &user : {std::string(), std::string(R"( userName="")")}) {
        const std::string host = R"(<?xml version="1.0"?>
<configuration><system.applicationHost><applicationPools>
<add name="P"><processModel identityType="SpecificUser")" +
                                 user + R"( /></add>
</applicationPools><sites><site name="S" id="1"><application path="/" applicationPool="P">
<virtualDirectory path="/" physicalPath="C:\s" /></application></site></sites>
</system.applicationHost><system.webServer><handlers><add name="StaticFile" path="*" verb="*"
modules="StaticFileModule" resourceType="Either" requireAccess="Read" /></handlers>
</system.webServer></configuration>)";
        const Result<CheckRun> run =
            runCheck({{"applicationHost.config", "applicationHost.config", host, true}}, {});
        ASSERT_TRUE(run);
        ASSERT_EQ(run->report.applications.size(), 1u);
        const CheckApplication &app = run->report.applications[0];
        EXPECT_EQ(app.worker, std::nullopt);
        ASSERT_FALSE(app.handlers.empty());
        for (const CheckHandler &handler : app.handlers) {
            ASSERT_TRUE(handler.anonymous);
            EXPECT_EQ(handler.anonymous->http, "503");
            EXPECT_EQ(handler.anonymous->code, std::nullopt);
            EXPECT_EQ(handler.anonymous->confidence, Confidence::Unconfirmed);
        }
        EXPECT_EQ(run->report.pools[0].identity, std::nullopt);
    }
}

// A pool without managedRuntimeVersion takes its version's schema default: "v2.0" in IIS 7.0 and
// 7.5 (S75 line 100, lextm/iis_schema@de17a95), "" from IIS 8.0 (S80 @0837691, corpus IIS 10
// copies line 113) - so the v2.0 ASP.NET handler is reachable on 7.5 and no managed one on 10.
TEST(IdentityMapPool, ManagedRuntimeVersionDefaultsByVersion) {
    const std::string host = R"(<?xml version="1.0"?>
<configuration><system.applicationHost><applicationPools><add name="P" /></applicationPools>
<sites><site name="S" id="1"><application path="/" applicationPool="P">
<virtualDirectory path="/" physicalPath="C:\s" /></application></site></sites>
</system.applicationHost><system.webServer><handlers accessPolicy="Read, Script">
<add name="PageHandlerFactory-Integrated" path="*.aspx" verb="*" type="System.Web.UI.PageHandlerFactory"
 preCondition="integratedMode,runtimeVersionv2.0" />
<add name="StaticFile" path="*" verb="*" modules="StaticFileModule" resourceType="Either"
 requireAccess="Read" /></handlers></system.webServer></configuration>)";
    for (const auto &[version, runtime, kinds] :
         {std::tuple{IisVersion::V7_5, "v2.0", "aspnet static "},
          std::tuple{IisVersion::V10_0, "", "static "}}) {
        CheckOptions options;
        options.iisVersion = version;
        const Result<CheckRun> run =
            runCheck({{"applicationHost.config", "applicationHost.config", host, true}}, options);
        ASSERT_TRUE(run);
        EXPECT_EQ(run->report.pools.at(0).runtime, runtime);
        std::string got;
        for (const CheckHandler &handler : run->report.applications.at(0).handlers)
            got += handler.kind + " ";
        EXPECT_EQ(got, kinds) << runtime;
    }
}

TEST_P(IdentityMap, MatchesTheHandReading) {
    const MapCase &c = GetParam();
    const Result<CheckRun> run = check(c);
    ASSERT_TRUE(run) << run.errors().front().toString();
    const CheckReport &report = run->report;
    EXPECT_EQ(report.applications.size(), c.applications);
    for (const AppRow &want : c.rows) {
        const auto found = std::find_if(
            report.applications.begin(), report.applications.end(),
            [&](const CheckApplication &a) { return a.site == want.site && a.path == want.path; });
        ASSERT_NE(found, report.applications.end()) << want.site << want.path;
        const CheckApplication &got = *found;
        const std::string where = want.site + want.path;
        EXPECT_EQ(got.pool, want.pool) << where;
        EXPECT_EQ(show(got.worker), show(want.worker)) << where;
        EXPECT_EQ(methodsOf(got.authentication), want.methods) << where;
        EXPECT_EQ(show(got.authentication.anonymousIdentity), show(want.anonymousIdentity))
            << where;
        std::string gotKinds, wantKinds;
        for (const CheckHandler &h : got.handlers)
            gotKinds += h.kind + " ";
        for (const HandlerRow &h : want.handlers)
            wantKinds += h.kind + " ";
        EXPECT_EQ(gotKinds, wantKinds) << where;
        for (const HandlerRow &wantHandler : want.handlers) {
            const auto handler =
                std::find_if(got.handlers.begin(), got.handlers.end(),
                             [&](const CheckHandler &h) { return h.kind == wantHandler.kind; });
            if (handler == got.handlers.end())
                continue;
            const std::optional<std::string> anonymous =
                handler->anonymous ? handler->anonymous->code : std::nullopt;
            const std::optional<std::string> authenticated =
                handler->authenticated ? handler->authenticated->code : std::nullopt;
            EXPECT_EQ(show(anonymous), show(wantHandler.anonymousCode))
                << where << " " << wantHandler.kind << " anonymous";
            EXPECT_EQ(show(authenticated), show(wantHandler.authenticatedCode))
                << where << " " << wantHandler.kind << " authenticated";
        }
    }
}

const std::nullopt_t none = std::nullopt;

// clang-format off
INSTANTIATE_TEST_SUITE_P(Corpus, IdentityMap, ::testing::Values(
    // KranzA: a stock IIS 10 applicationHost.config. DefaultAppPool (applicationDefaults) is
    // ApplicationPoolIdentity (line 135); the <location path="Default Web Site"> empties the
    // anonymous userName (line 813), so anonymous requests run as the pool (F1.30). The ISAPI
    // handlers need the v4.0 Classic preCondition; ISAPI-dll and CGI-exe need Execute, which
    // accessPolicy="Read, Script" does not grant: ASP.NET (Integrated) and static files remain.
    // No other method is on: no authenticated request.
    MapCase{"KranzAStockIis10",
            {"applicationhost/KranzA_windows-powershell-scripts__IIS-applicationHost.config"},
            {}, 1,
            {{"Default Web Site", "/", "DefaultAppPool", "IIS APPPOOL\\DefaultAppPool",
              "anonymous", "IIS APPPOOL\\DefaultAppPool",
              {{"aspnet", "IIS APPPOOL\\DefaultAppPool", none},
               {"static", "IIS APPPOOL\\DefaultAppPool", none}}}}},

    // NCIOCPL pubslocator: 37 applications over 7 sites; the rows below cover each kind of
    // authentication the <location> blocks give. <applicationPoolDefaults> makes every pool
    // SpecificUser with userName="" (line 141): WAS cannot start such a pool, so every request
    // to its applications gets 503 (Q18: status code unconfirmed) - no worker and no code
    // identity (earlier the resolver was asked and answered "MACHINE\"; identity_map.cpp now
    // says the pool cannot start). Anonymous is on with IUSR globally (line 874), so the
    // configured anonymous account is still shown; Windows is added for pubsprod.lmbps.com
    // (1550) and GUAM (1531); /ncipladmin swaps it for Basic (1541). /possrl empties the
    // anonymous userName: anonymous would run as the (broken) pool, so no anonymous identity.
    MapCase{"NciocplPubslocator",
            {"applicationhost/NCIOCPL_pubslocator__applicationHost.config"},
            {}, 37,
            {{"pubsprod.lmbps.com", "/", "Classic .NET AppPool", none,
              "anonymous windows", "NT AUTHORITY\\IUSR",
              {{"asp", none, none}, {"static", none, none}}},
             {"pubsprod.lmbps.com", "/ncipladmin", "Classic .NET AppPool", none,
              "anonymous basic", "NT AUTHORITY\\IUSR",
              {{"asp", none, none}, {"static", none, none}}},
             {"pubsprod.lmbps.com", "/possrl", "Classic .NET AppPool", none, "anonymous",
              none, {{"asp", none, none}, {"static", none, none}}},
             {"pubsprod.lmbps.com", "/spellcheck", "Classic .NET AppPool", none,
              "windows basic", none, {{"asp", none, none}, {"static", none, none}}},
             {"GUAM", "/", "GUAM", none, "anonymous windows", "NT AUTHORITY\\IUSR",
              {{"asp", none, none},
               {"aspnet", none, none},
               {"static", none, none}}},
             {"pubstraining.cancer.gov", "/possrladmin", "Classic .NET AppPool", none,
              "basic", none,
              {{"asp", none, none}, {"static", none, none}}},
             // pubssp.lmbps.com is not among the pools: the name alone gives its account.
             // Windows alone with the NTLM provider (lines 1574-1581); ASP.NET without
             // impersonation runs as the pool, ASP, ISAPI and CGI as the user (F3.x).
             {"pert-ncidc.lmbps.com", "/", "pubssp.lmbps.com", "IIS APPPOOL\\pubssp.lmbps.com",
              "windows", none,
              {{"asp", none, "DOMAIN\\user"},
               {"aspnet", none, "IIS APPPOOL\\pubssp.lmbps.com"},
               {"isapi", none, "DOMAIN\\user"},
               {"cgi", none, "DOMAIN\\user"},
               {"static", none, "DOMAIN\\user"}}}}},

    // IIS 6 MetaBase.xml: one site (W3SVC/1, "Default Web Site"), its ROOT application in
    // DefaultAppPool; AppPoolIdentityType="2" on AppPools (line 791) is NetworkService.
    // AuthFlags="AuthNTLM" on ROOT (line 784): anonymous off, Windows on. AccessFlags="AccessRead"
    // on ROOT (line 778): the ScriptMaps engines (asp.dll, httpodbc.dll) answer 403 there, so
    // only static files are reachable (the program listed asp and isapi with 200: fixed in
    // metabase_apps.cpp). Static content is read as the NTLM user.
    MapCase{"Iis6Metabase",
            {"metabase/modulogrc_modSIC__Modulo.Collect.Probe.Common.Test-Resources-metabaseSample.xml"},
            {}, 1,
            {{"Default Web Site", "/", "DefaultAppPool", "NT AUTHORITY\\NETWORK SERVICE",
              "windows", none, {{"static", none, "DOMAIN\\user"}}}}},

    // IIS Express (.vs/config/applicationhost.config): pools Clr4IntegratedAppPool etc. with an
    // empty processModel; sites 2 and 3/WindowsAuthSample turn anonymous off and Windows on
    // (lines 1041-1058); the global anonymous userName="" (line 342) gives the pool identity.
    // IIS Express runs as the user who started it (C1.9, Q20): the worker is that user, named
    // MACHINE\(interactive user) (apphost_apps.h iisExpressUser), not IIS APPPOOL\Clr4IntegratedAppPool;
    // anonymous requests (userName="") run as it too. Windows authentication is taken as NTLM
    // from the same machine: ASP and static files run as the requesting user, ASP.NET (no
    // impersonation) as the developer.
    MapCase{"IisExpress",
            {"applicationhost/YeliSidibe_WindowsAuthenticationSample__.vs-config-applicationhost.config"},
            {}, 4,
            {{"WebSite1", "/", "Clr4IntegratedAppPool", "MACHINE\\(interactive user)",
              "anonymous", "MACHINE\\(interactive user)",
              {{"aspnet", "MACHINE\\(interactive user)", none},
               {"asp", "MACHINE\\(interactive user)", none},
               {"static", "MACHINE\\(interactive user)", none}}},
             {"WindowsAuthenticationSample", "/", "Clr4IntegratedAppPool",
              "MACHINE\\(interactive user)", "windows", none,
              {{"aspnet", none, "MACHINE\\(interactive user)"},
               {"asp", none, "DOMAIN\\user"},
               {"static", none, "DOMAIN\\user"}}},
             {"WindowsAuthenticationSample-Site", "/WindowsAuthSample", "Clr4IntegratedAppPool",
              "MACHINE\\(interactive user)", "windows", none,
              {{"aspnet", none, "MACHINE\\(interactive user)"},
               {"asp", none, "DOMAIN\\user"},
               {"static", none, "DOMAIN\\user"}}}}},

    // A web.config alone: the root of one site with IIS 10 defaults (DefaultAppPool,
    // ApplicationPoolIdentity, anonymous as IUSR). Its <authentication mode="Windows"> is
    // ASP.NET's, not IIS's: IIS Windows authentication stays off. It adds
    // ExtensionlessUrlHandler-Integrated-4.0 (integratedMode,runtimeVersionv4.0), which the
    // stand-in DefaultAppPool runs: it has the stock <applicationPoolDefaults
    // managedRuntimeVersion="v4.0"> of an IIS 8+ install (the schema default alone is "" from
    // IIS 8.0, S80/S10 line 113). ASP.NET (no impersonation) runs as the pool.
    MapCase{"WebConfigAlone",
            {"webconfig/HockeyJustin_MVC5AndAPIWindowsAuthTesting__WinAuth1A-Web.config"},
            {}, 1,
            {{"Default Web Site", "/", "DefaultAppPool", "IIS APPPOOL\\DefaultAppPool",
              "anonymous", "NT AUTHORITY\\IUSR",
              {{"aspnet", "IIS APPPOOL\\DefaultAppPool", none},
               {"static", "NT AUTHORITY\\IUSR", none}}}}},

    // Mac199: applicationHost.config from config history (IIS 8.5 by its providers) and the
    // web.config of %SystemDrive%\inetpub\wwwroot placed through --map C:\inetpub=<copy>. The
    // site's <location> sets anonymous userName="Support" (line 904): MACHINE\Support. The
    // web.config adds CGI_rb (*.rb, CgiModule, line 5); createProcessAsUser is true by default,
    // so the CGI process runs as the request's user (F3.22); ASP impersonates it; ASP.NET
    // (Integrated, no <identity impersonate>) runs as DefaultAppPool.
    MapCase{"WebConfigPlacedByMap",
            {"applicationhost/Mac199_inetpub__history-CFGHISTORY_0000000161-applicationHost.config",
             (mappedInetpub() / "wwwroot/web.config").string()},
            {{"C:\\inetpub", mappedInetpub().string()}}, 1,
            {{"Default Web Site", "/", "DefaultAppPool", "IIS APPPOOL\\DefaultAppPool",
              "anonymous", "MACHINE\\Support",
              {{"cgi", "MACHINE\\Support", none},
               {"asp", "MACHINE\\Support", none},
               {"aspnet", "IIS APPPOOL\\DefaultAppPool", none},
               {"static", "MACHINE\\Support", none}}}}}), [](const ::testing::TestParamInfo<MapCase> &row) { return row.param.name; });
// clang-format on

} // namespace
} // namespace iisid::check

namespace iisid::check {
namespace {

// The desktop program runs the check off its UI thread with a progress bar and Cancel: the
// engine reports each application and stops when told to.
TEST(CheckEngineProgress, ReportsEveryApplicationAndStopsWhenCancelled) {
    const fs::path file = kCorpus / "applicationhost" /
                          "KranzA_windows-powershell-scripts__IIS-applicationHost.config";
    std::vector<std::pair<std::size_t, std::size_t>> calls;
    CheckOptions options;
    options.progress = [&calls](std::size_t done, std::size_t total) {
        calls.emplace_back(done, total);
        return true;
    };
    auto run = runCheck({CheckInputFile{file.string(), file.string(), readBytes(file)}}, options);
    ASSERT_TRUE(run);
    ASSERT_EQ(calls.size(), 2u); // one application: before it, and done
    EXPECT_EQ(calls.front(), std::make_pair(std::size_t{0}, std::size_t{1}));
    EXPECT_EQ(calls.back(), std::make_pair(std::size_t{1}, std::size_t{1}));

    options.progress = [](std::size_t, std::size_t) { return false; };
    auto cancelled =
        runCheck({CheckInputFile{file.string(), file.string(), readBytes(file)}}, options);
    ASSERT_FALSE(cancelled);
    EXPECT_EQ(cancelled.errors().front().message, "check cancelled");
}

} // namespace
} // namespace iisid::check
