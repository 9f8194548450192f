// The SARIF 2.1.0 writer (model/check/check_sarif.*) on the sample report. The schema itself is
// checked by tests/check/validate_sarif.py (ctest check_sarif_schema).

#include "check_report_fixture.h"

#include "model/check/catalogue.h"
#include "model/check/check_sarif.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <ostream>

namespace {

using Json = nlohmann::json;

Json sample(const iisid::check::SarifContext &context = {}) {
    return Json::parse(
        iisid::check::checkSarif(iisid::check::testing::sampleReport(), false, context));
}

TEST(CheckSarif, OneRunOfTheIisidDriver) {
    const Json sarif = sample({"", "https://example.org/iisid"});
    EXPECT_EQ(sarif["version"], "2.1.0");
    ASSERT_EQ(sarif["runs"].size(), 1u);
    const Json driver = sarif["runs"][0]["tool"]["driver"];
    EXPECT_EQ(driver["name"], "iisid");
    EXPECT_EQ(driver["version"], "0.2.0");
    EXPECT_EQ(driver["informationUri"], "https://example.org/iisid");
}

TEST(CheckSarif, WithoutAnInformationUriTheKeyIsLeftOut) {
    EXPECT_FALSE(sample()["runs"][0]["tool"]["driver"].contains("informationUri"));
}

TEST(CheckSarif, EveryCatalogueRuleIsListedInOrder) {
    const Json rules = sample()["runs"][0]["tool"]["driver"]["rules"];
    const auto &catalogue = iisid::check::catalogue();
    ASSERT_EQ(rules.size(), catalogue.size());
    for (std::size_t i = 0; i < catalogue.size(); ++i) {
        EXPECT_EQ(rules[i]["id"], catalogue[i].id);
        EXPECT_EQ(rules[i]["name"], catalogue[i].name);
        EXPECT_EQ(rules[i]["shortDescription"]["text"], catalogue[i].shortDescription);
        EXPECT_EQ(rules[i]["fullDescription"]["text"], catalogue[i].fullDescription);
        EXPECT_EQ(rules[i]["helpUri"], catalogue[i].helpUri);
        EXPECT_EQ(rules[i]["defaultConfiguration"]["level"],
                  iisid::check::sarifLevel(catalogue[i].severity));
    }
}

TEST(CheckSarif, RulesAreTaggedWithTheirCisItems) {
    const Json rules = sample()["runs"][0]["tool"]["driver"]["rules"];
    EXPECT_EQ(rules[0]["properties"]["tags"], Json::parse(R"(["security", "CIS 1.4", "BPA"])"));
    EXPECT_EQ(rules[29]["properties"]["tags"],
              Json::parse(R"(["security", "CIS 4.9", "CIS 4.10", "BPA"])"));
    EXPECT_EQ(rules[3]["properties"]["tags"], Json::parse(R"(["security"])"));
}

TEST(CheckSarif, LevelsMapTheCatalogueScale) {
    using iisid::Severity;
    EXPECT_EQ(iisid::check::sarifLevel(Severity::Error), "error");
    EXPECT_EQ(iisid::check::sarifLevel(Severity::High), "warning");
    EXPECT_EQ(iisid::check::sarifLevel(Severity::Medium), "warning");
    EXPECT_EQ(iisid::check::sarifLevel(Severity::Low), "note");
    EXPECT_EQ(iisid::check::sarifLevel(Severity::Info), "note");
}

TEST(CheckSarif, OneResultPerFindingWithRuleIndexLevelAndRegion) {
    const Json results = sample()["runs"][0]["results"];
    ASSERT_EQ(results.size(), 7u);
    const Json &localSystem = results[1];
    EXPECT_EQ(localSystem["ruleId"], "IISID-POOL-LOCALSYSTEM");
    EXPECT_EQ(localSystem["ruleIndex"], 0);
    EXPECT_EQ(localSystem["level"], "warning");
    EXPECT_EQ(localSystem["message"]["text"],
              "Pool 'Legacy' runs as LocalSystem: code in its 1 application has full control of "
              "the machine.");
    EXPECT_EQ(localSystem["locations"], Json::parse(R"([{"physicalLocation": {
                  "artifactLocation": {"uri": "config/applicationHost.config"},
                  "region": {"startLine": 170, "startColumn": 14}}}])"));
    EXPECT_EQ(results[0]["level"], "error");
    EXPECT_EQ(results[4]["level"], "note");
    EXPECT_EQ(results[5]["ruleIndex"], 39);
}

TEST(CheckSarif, RegionIsLeftOutWithoutALineAndLocationsWithoutAFile) {
    const Json results = sample()["runs"][0]["results"];
    EXPECT_EQ(results[3]["locations"][0]["physicalLocation"]["region"],
              Json::parse(R"({"startLine": 230})"));
    EXPECT_FALSE(results[5].contains("locations"));
    EXPECT_EQ(results[6]["locations"][0]["physicalLocation"],
              Json::parse(R"({"artifactLocation": {"uri": "php/php.ini"}})"));
}

struct UriRow {
    const char *name;
    const char *file;
    const char *currentDirectory;
    const char *uri;
};

// Failures and ctest name the row, not its bytes.
void PrintTo(const UriRow &row, std::ostream *out) {
    *out << row.name;
}

const UriRow uriRows[] = {
    {"RelativeStaysRelative", "config/applicationHost.config", "/home/me",
     "config/applicationHost.config"},
    {"DotSegmentsAreDropped", "./config/../config/a.config", "", "config/a.config"},
    {"AbsoluteBelowTheCurrentFolder", "/home/me/copied/web.config", "/home/me",
     "copied/web.config"},
    {"AbsoluteBesideTheCurrentFolder", "/home/other/web.config", "/home/me", "../other/web.config"},
    {"AbsoluteWithoutACurrentFolder", "/srv/web.config", "", "file:///srv/web.config"},
    {"BackslashesBecomeSlashes", "copied\\inetpub\\web.config", "", "copied/inetpub/web.config"},
    {"SpacesAndNonAsciiAreEscaped", "Default Web Site/café.config", "",
     "Default%20Web%20Site/caf%C3%A9.config"},
    {"ReservedCharactersAreEscaped", "a#b?c%d[e]:f.config", "", "a%23b%3Fc%25d%5Be%5D%3Af.config"},
    {"SubDelimitersAreKept", "a(1)+b;c=d*.config", "", "a(1)+b;c=d*.config"},
};

class ArtifactUri : public testing::TestWithParam<UriRow> {};

TEST_P(ArtifactUri, IsRelativeToTheCurrentFolderAndEscaped) {
    EXPECT_EQ(iisid::check::artifactUri(GetParam().file, GetParam().currentDirectory),
              GetParam().uri);
}

INSTANTIATE_TEST_SUITE_P(Check, ArtifactUri, testing::ValuesIn(uriRows),
                         [](const testing::TestParamInfo<UriRow> &row) {
                             return std::string(row.param.name);
                         });

} // namespace
