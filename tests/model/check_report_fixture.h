#pragma once

// One hand-built `iisid check` report shared by the writer tests and the SARIF schema test: two
// sites, three applications (listed out of order), pools of four identity types, handlers
// answered for anonymous and authenticated requests, findings of every severity, and a secret
// planted in every text field a finding, a pool, an application or an input can carry.

#include "model/check/catalogue.h"
#include "model/check/check_report.h"

#include <array>
#include <string_view>

namespace iisid::check::testing {

/// The planted secrets: none may appear in an output unless secrets are shown.
inline constexpr std::array<std::string_view, 9> plantedSecrets{
    "SECRET01", // a pool's userName (and so its identity and its applications' worker)
    "SECRET02", // an application's physicalPath
    "SECRET03", // a dependsOn note
    "SECRET04", // an input's file name
    "SECRET05", // a finding's file
    "SECRET06", // a finding's message (a connection string)
    "SECRET07", // a finding's fix (an XML attribute)
    "SECRET08", // a finding's site
    "SECRET09", // a finding's path
};

inline CheckFinding sampleFinding(std::string_view rule, std::string message,
                                  SourceLocation location, std::string site, std::string path) {
    CheckFinding out = catalogueFinding(*findRule(rule), std::move(message), std::move(location));
    out.site = std::move(site);
    out.path = std::move(path);
    return out;
}

inline RequestIdentities request(std::string http, std::optional<std::string> code,
                                 std::optional<std::string> content,
                                 std::optional<std::string> child,
                                 std::optional<std::string> network) {
    RequestIdentities out;
    out.http = std::move(http);
    out.code = std::move(code);
    out.content = std::move(content);
    out.child = std::move(child);
    out.network = std::move(network);
    return out;
}

inline CheckHandler handler(std::string kind, std::string path, std::string name,
                            std::optional<RequestIdentities> anonymous,
                            std::optional<RequestIdentities> authenticated,
                            SourceLocation location) {
    CheckHandler out;
    out.kind = std::move(kind);
    out.path = std::move(path);
    out.name = std::move(name);
    out.anonymous = std::move(anonymous);
    out.authenticated = std::move(authenticated);
    out.location = std::move(location);
    return out;
}

inline CheckApplication application(std::string site, long long siteId, std::string path,
                                    std::string physicalPath, std::string pool, std::string worker,
                                    SourceLocation location) {
    CheckApplication out;
    out.site = std::move(site);
    out.siteId = siteId;
    out.path = std::move(path);
    out.physicalPath = std::move(physicalPath);
    out.pool = std::move(pool);
    out.worker = std::move(worker);
    out.location = std::move(location);
    return out;
}

inline CheckReport sampleReport() {
    const std::string apphost = "config/applicationHost.config";
    const std::string intranetUser = "[enc:IISCngProvider:SECRET01:enc]";
    CheckReport report;
    report.toolVersion = "0.2.0";
    report.inputs = {
        {apphost, "applicationHost", "10.0", "default", ""},
        {"sites/intranet/web.config", "webConfig", "10.0", "option", ""},
        {"php/php.ini", "phpIni", "", "", ""},
        {"backup/dump;password=SECRET04.txt", "skipped", "", "", "not an IIS configuration file"},
    };
    report.pools = {
        {"DefaultAppPool",
         "ApplicationPoolIdentity",
         "IIS APPPOOL\\DefaultAppPool",
         std::nullopt,
         "Integrated",
         "v4.0",
         true,
         {apphost, 160, 14}},
        {"Legacy",
         "LocalSystem",
         "NT AUTHORITY\\SYSTEM",
         std::nullopt,
         "Classic",
         "v2.0",
         false,
         {apphost, 170, 14}},
        {"Intranet",
         "SpecificUser",
         intranetUser,
         intranetUser,
         "Integrated",
         "v4.0",
         true,
         {apphost, 180, 14}},
        {"PhpPool",
         "NetworkService",
         "NT AUTHORITY\\NETWORK SERVICE",
         std::nullopt,
         "Integrated",
         "",
         std::nullopt,
         {apphost, 190, 14}},
    };

    const RequestIdentities staticAnonymous =
        request("200", "IIS APPPOOL\\DefaultAppPool", "NT AUTHORITY\\IUSR", {}, "CONTOSO\\WEB01$");
    const RequestIdentities staticWindows =
        request("200", "IIS APPPOOL\\DefaultAppPool", "CONTOSO\\alice", {}, "CONTOSO\\WEB01$");
    const RequestIdentities aspnetAnonymous =
        request("200", "IIS APPPOOL\\DefaultAppPool", "NT AUTHORITY\\IUSR",
                "IIS APPPOOL\\DefaultAppPool", "CONTOSO\\WEB01$");
    const RequestIdentities aspnetWindows =
        request("200", "IIS APPPOOL\\DefaultAppPool", "CONTOSO\\alice",
                "IIS APPPOOL\\DefaultAppPool", "CONTOSO\\WEB01$");
    CheckApplication root =
        application("Default Web Site", 1, "/", "%SystemDrive%\\inetpub\\wwwroot", "DefaultAppPool",
                    "IIS APPPOOL\\DefaultAppPool", {apphost, 200, 14});
    root.authentication.anonymous = true;
    root.authentication.anonymousIdentity = "NT AUTHORITY\\IUSR";
    root.authentication.windows = true;
    root.handlers = {
        handler("static", "*", "StaticFile", staticAnonymous, staticWindows, {apphost, 300, 10}),
        handler("aspnet", "*.aspx", "PageHandlerFactory-Integrated-4.0", aspnetAnonymous,
                aspnetWindows, {apphost, 310, 10})};

    RequestIdentities cgiAnonymous = request("200", "NT AUTHORITY\\SYSTEM", "NT AUTHORITY\\IUSR",
                                             "NT AUTHORITY\\SYSTEM", "CONTOSO\\WEB01$");
    cgiAnonymous.confidence = Confidence::Conflict;
    cgiAnonymous.dependsOn = {"what the program does with its token",
                              "the share's ACL (\\\\fs01\\cgi;pwd=SECRET03)"};
    RequestIdentities cgiBasic = request("200", "NT AUTHORITY\\SYSTEM", "CONTOSO\\alice",
                                         "NT AUTHORITY\\SYSTEM", "CONTOSO\\WEB01$");
    cgiBasic.confidence = Confidence::Partial;
    CheckApplication legacy = application("Default Web Site", 1, "/legacy",
                                          "D:\\legacy [enc:IISCngProvider:SECRET02:enc]", "Legacy",
                                          "NT AUTHORITY\\SYSTEM", {apphost, 210, 14});
    legacy.authentication.anonymous = true;
    legacy.authentication.anonymousIdentity = "NT AUTHORITY\\IUSR";
    legacy.authentication.basic = true;
    legacy.handlers = {
        handler("cgi", "*.exe", "CGI-exe", cgiAnonymous, cgiBasic, {apphost, 320, 10})};

    RequestIdentities aspnetFails = request("500.24", {}, {}, {}, {});
    aspnetFails.confidence = Confidence::Unconfirmed;
    const RequestIdentities phpWindows =
        request("200", intranetUser, intranetUser, intranetUser, intranetUser);
    CheckApplication intranet = application("Intranet", 2, "/", "D:\\intranet", "Intranet",
                                            intranetUser, {apphost, 220, 14});
    intranet.authentication.windows = true;
    intranet.aspnetImpersonate = true;
    intranet.handlers = {handler("aspnet", "*.aspx", "PageHandlerFactory-Integrated-4.0",
                                 std::nullopt, aspnetFails, {"sites/intranet/web.config", 8, 6}),
                         handler("fastcgi", "*.php", "PHP_via_FastCGI", std::nullopt, phpWindows,
                                 {apphost, 330, 10})};

    // Out of order on purpose: the writers sort by site id, then path.
    report.applications = {intranet, legacy, root};

    report.findings = {
        sampleFinding("IISID-ASPNET-500-24",
                      "Every ASP.NET request to 'Intranet/' fails with 500.24: <identity "
                      "impersonate=\"true\"> in an Integrated pool (unconfirmed with a userName).",
                      {"sites/[enc:IISCngProvider:SECRET05:enc]/web.config", 12, 6}, "Intranet",
                      "/"),
        sampleFinding("IISID-POOL-LOCALSYSTEM",
                      "Pool 'Legacy' runs as LocalSystem: code in its 1 application has full "
                      "control of the machine.",
                      {apphost, 170, 14}, "Default Web Site", "/legacy"),
        sampleFinding("IISID-CRED-CLEARTEXT",
                      "The connection string 'Server=db01;User ID=app;Password=SECRET06' holds a "
                      "password in clear text.",
                      {apphost, 175, 22}, "Default Web Site", "/"),
        sampleFinding("IISID-ANON-NAMED-ACCOUNT",
                      "Anonymous requests run as CONTOSO\\webanon, a named domain account.",
                      {apphost, 230, 0}, "Intranet [enc:IISCngProvider:SECRET08:enc]",
                      "/pwd=SECRET09"),
        sampleFinding("IISID-ANON-NOT-POOL-IDENTITY",
                      "Anonymous requests to 'Default Web Site/' run as IUSR, not as the pool "
                      "identity.",
                      {apphost, 240, 18}, "Default Web Site", "/"),
        sampleFinding("IISID-INPUT-SCOPE",
                      "No IIS version was given or inferred: IIS 10.0 defaults are assumed.", {},
                      "", ""),
        sampleFinding("IISID-INPUT-SCOPE",
                      "php/php.ini is tied to no FastCGI application: it is assumed to apply to "
                      "every PHP application.",
                      {"php/php.ini", 0, 0}, "", ""),
    };
    report.findings[2].finding.fix =
        "Remove password=\"SECRET07\" from the connection string and store it encrypted.";
    return report;
}

} // namespace iisid::check::testing
