// The findings catalogue (model/check/catalogue.*) against config-semantics.md §5: exactly its 40
// ids in its order, its severities and CIS items, and every entry complete enough for SARIF.

#include "model/check/catalogue.h"
#include "model/check/redact.h"
#include "model/reference.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <ostream>
#include <set>
#include <string>

namespace {

using iisid::Confidence;
using iisid::Severity;
using iisid::check::CatalogueEntry;

struct Row {
    std::string_view id;
    Severity severity;
    std::string_view cis; // as CatalogueEntry::cisText() prints it
    Confidence status;    // the weakest status §5 gives
};

// §5 of config-semantics.md, row by row. CIS numbering as published (1.4 pool identity, 1.5
// unique pools, 1.6 anonymous identity).
constexpr Row section5[] = {
    {"IISID-POOL-LOCALSYSTEM", Severity::High, "1.4", Confidence::Confirmed},
    {"IISID-POOL-BUILTIN-ACCOUNT", Severity::Low, "1.4", Confidence::Confirmed},
    {"IISID-POOL-PRIVILEGED-ACCOUNT", Severity::High, "1.4", Confidence::Unconfirmed},
    {"IISID-POOL-SPECIFICUSER-EMPTY", Severity::Error, "", Confidence::Unconfirmed},
    {"IISID-POOL-IGNORED-CREDENTIALS", Severity::Low, "", Confidence::Confirmed},
    {"IISID-POOL-UNDEFINED", Severity::Error, "", Confidence::Partial},
    {"IISID-POOL-SHARED-BY-SITES", Severity::Medium, "1.5", Confidence::Confirmed},
    {"IISID-POOL-PROFILE-NOT-LOADED", Severity::Info, "", Confidence::Confirmed},
    {"IISID-CRED-CLEARTEXT", Severity::High, "2.8", Confidence::Partial},
    {"IISID-ANON-NOT-POOL-IDENTITY", Severity::Low, "1.6", Confidence::Confirmed},
    {"IISID-ANON-NAMED-ACCOUNT", Severity::Medium, "", Confidence::Confirmed},
    {"IISID-AUTH-NONE-ENABLED", Severity::Medium, "", Confidence::Partial},
    {"IISID-BASIC-WITHOUT-SSL", Severity::High, "2.6", Confidence::Confirmed},
    {"IISID-KERBEROS-CUSTOM-IDENTITY", Severity::Medium, "", Confidence::Confirmed},
    {"IISID-FORMS-WITH-WINDOWS-AUTH", Severity::Medium, "", Confidence::Confirmed},
    {"IISID-CONFIG-SECTION-LOCKED", Severity::Error, "", Confidence::Confirmed},
    {"IISID-ASPNET-500-24", Severity::Error, "", Confidence::Unconfirmed},
    {"IISID-ASPNET-IMPERSONATION-EARLY-STAGES", Severity::Low, "", Confidence::Confirmed},
    {"IISID-ASPNET-APP-IMPERSONATION", Severity::Medium, "", Confidence::Unconfirmed},
    {"IISID-ASPNET-ENCRYPTED-IDENTITY", Severity::Error, "", Confidence::Confirmed},
    {"IISID-ASPNET-FORMS-IMPERSONATE", Severity::Medium, "", Confidence::Confirmed},
    {"IISID-SETTINGS-WITHOUT-EFFECT", Severity::Info, "", Confidence::Partial},
    {"IISID-CGI-RUNS-AS-PROCESS", Severity::Medium, "", Confidence::Conflict},
    {"IISID-CGI-PRIVILEGE-REQUIRED", Severity::Info, "", Confidence::Partial},
    {"IISID-PHP-NOT-IMPERSONATING", Severity::Low, "", Confidence::Confirmed},
    {"IISID-PHP-IMPERSONATE-OVER-TCP", Severity::Medium, "", Confidence::Confirmed},
    {"IISID-PHP-IMPERSONATES-ANONYMOUS", Severity::Info, "", Confidence::Confirmed},
    {"IISID-HANDLER-WRITE-AND-EXECUTE", Severity::High, "4.8", Confidence::Confirmed},
    {"IISID-HANDLER-EXEC-REQUIREACCESS-LOWERED", Severity::Medium, "", Confidence::Confirmed},
    {"IISID-RESTRICTION-UNLISTED-ALLOWED", Severity::Medium, "4.9, 4.10", Confidence::Partial},
    {"IISID-VDIR-CONNECT-AS", Severity::Info, "", Confidence::Confirmed},
    {"IISID-VDIR-UNC-PASSTHROUGH", Severity::Medium, "", Confidence::Confirmed},
    {"IISID-ANCM-INPROCESS-SHARED-POOL", Severity::Medium, "", Confidence::Confirmed},
    {"IISID-ANCM-HOSTINGMODEL-IMPLICIT", Severity::Info, "", Confidence::Confirmed},
    {"IISID-RUNTIME-WORKER-USER", Severity::Info, "", Confidence::Confirmed},
    {"IISID-IIS6-IIS5-ISOLATION", Severity::High, "", Confidence::Partial},
    {"IISID-IIS6-INPROCESS-APP", Severity::High, "", Confidence::Confirmed},
    {"IISID-ASPNET-PROCESSMODEL-SYSTEM", Severity::High, "", Confidence::Confirmed},
    {"IISID-LOCATION-ORPHAN", Severity::Low, "", Confidence::Unconfirmed},
    {"IISID-INPUT-SCOPE", Severity::Info, "", Confidence::Confirmed},
};

// Failures name the row, not its bytes.
void PrintTo(const Row &row, std::ostream *out) {
    *out << row.id;
}

std::string rowName(const testing::TestParamInfo<Row> &info) {
    std::string name; // "IISID-POOL-LOCALSYSTEM" -> "POOL_LOCALSYSTEM"
    for (char c : info.param.id.substr(std::string_view("IISID-").size()))
        name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    return name;
}

bool isHttpUrl(std::string_view url) {
    return url.starts_with("https://") || url.starts_with("http://");
}

class CatalogueRow : public testing::TestWithParam<Row> {
protected:
    const CatalogueEntry &entry() const {
        const CatalogueEntry *found = iisid::check::findRule(GetParam().id);
        EXPECT_NE(found, nullptr) << GetParam().id;
        static const CatalogueEntry missing{};
        return found ? *found : missing;
    }
};

TEST_P(CatalogueRow, HasTheNumberOfItsRowInSection5) {
    const auto index = std::find_if(std::begin(section5), std::end(section5),
                                    [](const Row &r) { return r.id == GetParam().id; }) -
                       std::begin(section5);
    EXPECT_EQ(entry().number, index + 1);
    EXPECT_EQ(&entry(), &iisid::check::catalogue()[static_cast<std::size_t>(index)]);
}

TEST_P(CatalogueRow, HasTheSeverityOfSection5) {
    EXPECT_EQ(entry().severity, GetParam().severity);
}

TEST_P(CatalogueRow, HasTheCisItemOfSection5) {
    EXPECT_EQ(entry().cisText(), GetParam().cis);
}

TEST_P(CatalogueRow, HasTheWeakestStatusOfSection5) {
    EXPECT_EQ(entry().status, GetParam().status);
}

TEST_P(CatalogueRow, HasANameDescriptionsAndAFix) {
    const CatalogueEntry &e = entry();
    std::string folded; // the name is the id in PascalCase: same letters, no dashes
    for (char c : e.name)
        folded += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::string expected;
    for (char c : e.id.substr(std::string_view("IISID-").size())) {
        if (c != '-')
            expected += c;
    }
    EXPECT_EQ(folded, expected);
    EXPECT_TRUE(std::isupper(static_cast<unsigned char>(e.name.front())));
    EXPECT_FALSE(e.shortDescription.empty());
    EXPECT_FALSE(e.fullDescription.empty());
    EXPECT_FALSE(e.fix.empty());
    // Plain prose: no markdown table pipes or code spans in texts SARIF viewers print.
    for (std::string_view text : {e.shortDescription, e.fullDescription, e.fix}) {
        EXPECT_EQ(text.find('|'), std::string_view::npos) << text;
        EXPECT_EQ(text.find('`'), std::string_view::npos) << text;
    }
    // The short description is the first sentence of the full one's "why".
    EXPECT_NE(e.fullDescription.find(e.shortDescription), std::string_view::npos);
}

TEST_P(CatalogueRow, EverySourceHasAnHttpUrlAndTheFirstIsTheHelpUri) {
    const CatalogueEntry &e = entry();
    ASSERT_FALSE(e.sources.empty());
    for (const iisid::check::RuleSource &source : e.sources)
        EXPECT_TRUE(isHttpUrl(source.url)) << source.key << " -> '" << source.url << "'";
    EXPECT_EQ(e.helpUri, e.sources.front().url);
}

TEST_P(CatalogueRow, EveryCitedFactResolvesInTheReference) {
    for (std::string_view rule : entry().rules) {
        if (rule.size() > 1 && rule[0] == 'F' &&
            std::isdigit(static_cast<unsigned char>(rule[1]))) {
            EXPECT_NE(iisid::findFact(rule), nullptr) << rule;
        }
    }
}

// The writers pass every text through redact(); the catalogue's own texts must survive it.
TEST_P(CatalogueRow, TextsAreNotMistakenForSecrets) {
    const CatalogueEntry &e = entry();
    for (std::string_view text : {e.shortDescription, e.fullDescription, e.fix, e.severityRule})
        EXPECT_EQ(iisid::check::redact(text, false), text);
}

INSTANTIATE_TEST_SUITE_P(Section5, CatalogueRow, testing::ValuesIn(section5), rowName);

TEST(Catalogue, HoldsExactlyTheFortyFindingsOfSection5) {
    const auto &entries = iisid::check::catalogue();
    ASSERT_EQ(entries.size(), std::size(section5));
    std::set<std::string_view> ids;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        EXPECT_EQ(entries[i].id, section5[i].id);
        ids.insert(entries[i].id);
    }
    EXPECT_EQ(ids.size(), 40u);
}

TEST(Catalogue, FindRuleKnowsNoOtherId) {
    EXPECT_EQ(iisid::check::findRule("IISID-NET-DOUBLE-HOP"), nullptr);
    EXPECT_EQ(iisid::check::findRule(""), nullptr);
}

TEST(Catalogue, SplitStatusesKeepSection5sWordsInANote) {
    EXPECT_EQ(iisid::check::findRule("IISID-ASPNET-500-24")->statusNote,
              "CONFIRMED without userName; UNCONFIRMED with userName (F3.70)");
    EXPECT_EQ(iisid::check::findRule("IISID-CGI-RUNS-AS-PROCESS")->statusNote,
              "PARTIAL (CONFLICT F3.22)");
}

TEST(Catalogue, ConditionalSeveritiesAreSpelledOut) {
    EXPECT_EQ(iisid::check::findRule("IISID-CGI-RUNS-AS-PROCESS")->severityRule,
              "high if the pool is LocalSystem or IIS runs in IIS 5 isolation mode");
    EXPECT_EQ(iisid::check::findRule("IISID-ASPNET-ENCRYPTED-IDENTITY")->severityRule,
              "error in Integrated mode with validation on, else info");
    EXPECT_TRUE(iisid::check::findRule("IISID-POOL-LOCALSYSTEM")->severityRule.empty());
}

TEST(Catalogue, SourceKeysResolveThroughTheReferenceThenConfigSemantics) {
    EXPECT_EQ(iisid::check::sourceUrl("IIS-PM"), iisid::findSource("IIS-PM")->url);
    EXPECT_EQ(iisid::check::sourceUrl("BPA-POOL"),
              "https://technet.microsoft.com/en-us/library/dd378907.aspx");
    EXPECT_EQ(iisid::check::sourceUrl("NO-SUCH-KEY"), "");
}

TEST(CatalogueFinding, CarriesTheRulesDefaults) {
    const CatalogueEntry &entry = *iisid::check::findRule("IISID-CGI-RUNS-AS-PROCESS");
    const iisid::check::CheckFinding finding = iisid::check::catalogueFinding(
        entry, "CGI programs of 'Legacy' run as NT AUTHORITY\\SYSTEM.",
        {"config/applicationHost.config", 12, 5});
    EXPECT_EQ(finding.finding.rule, "IISID-CGI-RUNS-AS-PROCESS");
    EXPECT_EQ(finding.finding.severity, Severity::Medium);
    EXPECT_EQ(finding.finding.status, Confidence::Conflict);
    EXPECT_EQ(finding.finding.fix, entry.fix);
    EXPECT_EQ(finding.finding.location,
              (iisid::SourceLocation{"config/applicationHost.config", 12, 5}));
    EXPECT_EQ(finding.finding.facts, (std::vector<std::string_view>{"F3.20", "F3.21", "F3.22"}));
    EXPECT_EQ(finding.cis, "");
    EXPECT_EQ(finding.source, iisid::findSource("TN-CPAU6")->url);
    EXPECT_EQ(
        iisid::check::catalogueFinding(*iisid::check::findRule("IISID-POOL-LOCALSYSTEM"), "", {})
            .cis,
        "1.4");
}

} // namespace
