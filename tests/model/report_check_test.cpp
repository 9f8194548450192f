#include "model/report/check_document.h"
#include "model/report/report_html.h"
#include "model/report/report_markdown.h"

#include "report_test_support.h"

#include <gtest/gtest.h>

namespace iisid::report {
namespace {

/// One site with a LocalSystem pool, a stored password in a finding, and an info finding.
check::CheckReport sampleReport() {
    check::CheckReport report;
    report.toolVersion = "9.9.9";
    report.inputs = {{"config/applicationHost.config", "applicationHost", "10.0", "default", ""},
                     {"notes.txt", "skipped", "", "", "not an IIS configuration file"}};
    check::CheckPool pool;
    pool.name = "Legacy";
    pool.identityType = "LocalSystem";
    pool.identity = "NT AUTHORITY\\SYSTEM";
    pool.pipeline = "Integrated";
    pool.runtime = "v4.0";
    pool.location = {"config/applicationHost.config", 182, 18};
    report.pools.push_back(pool);

    check::CheckApplication application;
    application.site = "Intranet";
    application.siteId = 2;
    application.path = "/";
    application.pool = "Legacy";
    application.worker = "NT AUTHORITY\\SYSTEM";
    application.authentication.anonymous = true;
    application.authentication.anonymousIdentity = "NT AUTHORITY\\IUSR";
    check::CheckHandler handler;
    handler.kind = "aspnet";
    handler.path = "*.aspx";
    handler.anonymous = check::RequestIdentities{"200",
                                                 "NT AUTHORITY\\SYSTEM",
                                                 "NT AUTHORITY\\IUSR",
                                                 "NT AUTHORITY\\SYSTEM",
                                                 "CONTOSO\\WEB01$",
                                                 Confidence::Confirmed,
                                                 {"the folder's ACL"}};
    application.handlers.push_back(handler);
    report.applications.push_back(application);

    check::CheckFinding high;
    high.finding.rule = "IISID-POOL-LOCALSYSTEM";
    high.finding.severity = Severity::High;
    high.finding.message = "Pool 'Legacy' runs as LocalSystem.";
    high.finding.location = {"config/applicationHost.config", 182, 18};
    high.finding.fix = "Set processModel identityType to ApplicationPoolIdentity.";
    high.site = "Intranet";
    high.path = "/";
    high.cis = "1.4";
    high.source = "https://learn.microsoft.com/iis/pools";
    check::CheckFinding secret;
    secret.finding.rule = "IISID-SECRET-IN-CONFIG";
    secret.finding.severity = Severity::Medium;
    secret.finding.status = Confidence::Partial;
    secret.finding.message =
        "A password is stored: password=Secret1 and [enc:AesProvider:abc:enc].";
    secret.finding.location = {"config/applicationHost.config", 200, 5};
    report.findings = {high, secret};
    return report;
}

CheckAssumptions mapped() {
    return {"10.0", {{"C:\\inetpub", "./copied/inetpub"}}};
}

TEST(CheckDocument, MarkdownHasInputsSummaryIdentityMapAndFindingsTables) {
    const std::string markdown =
        toMarkdown(checkDocument(sampleReport(), mapped(), test::fixedMeta({"config"}), false));
    EXPECT_NE(
        markdown.find("| `config/applicationHost.config` | applicationHost | 10.0 | default |"),
        std::string::npos)
        << markdown;
    EXPECT_NE(markdown.find("| `notes.txt` | skipped |   | not an IIS configuration file |"),
              std::string::npos);
    EXPECT_NE(markdown.find("- **IIS version:** given as 10.0 (--iis-version)\n"),
              std::string::npos);
    EXPECT_NE(markdown.find("`C:\\inetpub` = `./copied/inetpub`"), std::string::npos);
    EXPECT_NE(markdown.find("| Severity | Findings |\n| --- | --- |\n| Error | 0 |\n| High | **1** "
                            "|\n| Medium | 1 |\n| Low | 0 |\n| Info | 0 |\n"),
              std::string::npos)
        << markdown;
    EXPECT_NE(markdown.find("| Legacy | LocalSystem | `NT AUTHORITY\\SYSTEM` | Integrated | v4.0 | "
                            "`config/applicationHost.config:182:18` |"),
              std::string::npos);
    EXPECT_NE(markdown.find("### Site 2: Intranet\n"), std::string::npos);
    EXPECT_NE(markdown.find("| `/` | Legacy → `NT AUTHORITY\\SYSTEM` | anonymous (NT "
                            "AUTHORITY\\\\IUSR) | aspnet | NT AUTHORITY\\\\SYSTEM | - |"),
              std::string::npos)
        << markdown;
    EXPECT_NE(markdown.find("- `/` depends on the folder's ACL *— aspnet (anonymous)*\n"),
              std::string::npos)
        << markdown;
    EXPECT_NE(markdown.find("### High (1)\n\n| Where | Rule | Finding | Fix | CIS | Status |\n"),
              std::string::npos);
    EXPECT_NE(
        markdown.find("| `config/applicationHost.config:182:18` Intranet / | "
                      "`IISID-POOL-LOCALSYSTEM` [source](https://learn.microsoft.com/iis/pools)"
                      " | Pool 'Legacy' runs as LocalSystem. | Set processModel identityType "
                      "to ApplicationPoolIdentity. | 1.4 | \\[confirmed\\] |"),
        std::string::npos)
        << markdown;
    EXPECT_NE(markdown.find("### Medium (1)\n"), std::string::npos);
    EXPECT_LT(markdown.find("### High (1)"), markdown.find("### Medium (1)"));
}

TEST(CheckDocument, SecretsAreRedactedUnlessAsked) {
    for (const bool show : {false, true}) {
        const Document document = checkDocument(sampleReport(), mapped(), test::fixedMeta(), show);
        for (const std::string &text : {toHtml(document), toMarkdown(document)}) {
            EXPECT_EQ(text.find("Secret1") != std::string::npos, show);
            EXPECT_EQ(text.find("[enc:AesProvider") != std::string::npos, show);
        }
    }
}

TEST(CheckDocument, HtmlParsesAndFetchesNothing) {
    const std::string html = toHtml(checkDocument(sampleReport(), {}, test::fixedMeta(), false));
    pugi::xml_document parsed;
    ASSERT_TRUE(test::parseHtml(html, parsed));
    EXPECT_TRUE(test::externalResources(parsed).empty());
    EXPECT_NE(html.find("Folder mappings: </strong>none"), std::string::npos);
}

TEST(CheckDocument, NoFindingsSaysSo) {
    check::CheckReport report = sampleReport();
    report.findings.clear();
    const std::string markdown = toMarkdown(checkDocument(report, {}, test::fixedMeta(), false));
    EXPECT_NE(markdown.find("## Findings\n\nNo findings.\n"), std::string::npos);
}

} // namespace
} // namespace iisid::report
