// The `iisid-check/1` JSON writer (model/check/check_json.*) on the sample report: the exact
// document, and the contract's rules checked one by one on the parsed value.

#include "check_report_fixture.h"
#include "check_writers_golden.h"

#include "model/check/check_json.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

using Json = nlohmann::ordered_json;

Json sample() {
    return Json::parse(iisid::check::checkJson(iisid::check::testing::sampleReport(), false));
}

std::vector<std::string> keysOf(const Json &object) {
    std::vector<std::string> keys;
    for (const auto &item : object.items())
        keys.push_back(item.key());
    return keys;
}

TEST(CheckJson, IsExactlyTheExpectedDocument) {
    EXPECT_EQ(iisid::check::checkJson(iisid::check::testing::sampleReport(), false),
              iisid::check::testing::expectedOutput("sample.json"));
}

TEST(CheckJson, TopLevelKeysInTheContractsOrder) {
    const Json json = sample();
    EXPECT_EQ(keysOf(json), (std::vector<std::string>{"format", "tool", "inputs", "pools",
                                                      "applications", "findings", "summary"}));
    EXPECT_EQ(json["format"], "iisid-check/1");
    EXPECT_EQ(json["tool"], Json::parse(R"({"name": "iisid", "version": "0.2.0"})"));
}

TEST(CheckJson, InputsCarryTheVersionOrTheReasonForSkipping) {
    const Json inputs = sample()["inputs"];
    ASSERT_EQ(inputs.size(), 4u);
    EXPECT_EQ(keysOf(inputs[0]),
              (std::vector<std::string>{"file", "kind", "iisVersion", "iisVersionFrom"}));
    EXPECT_EQ(inputs[0]["iisVersionFrom"], "default");
    EXPECT_EQ(keysOf(inputs[2]), (std::vector<std::string>{"file", "kind"}));
    EXPECT_EQ(keysOf(inputs[3]), (std::vector<std::string>{"file", "kind", "reason"}));
    EXPECT_EQ(inputs[3]["reason"], "not an IIS configuration file");
}

TEST(CheckJson, PoolsHaveTheContractsFieldsAndNulls) {
    const Json pools = sample()["pools"];
    ASSERT_EQ(pools.size(), 4u);
    EXPECT_EQ(keysOf(pools[0]),
              (std::vector<std::string>{"name", "identityType", "identity", "userName", "pipeline",
                                        "runtime", "loadUserProfile", "file", "line"}));
    EXPECT_TRUE(pools[0]["userName"].is_null());
    EXPECT_EQ(pools[0]["loadUserProfile"], true);
    EXPECT_EQ(pools[0]["line"], 160);
    EXPECT_TRUE(pools[3]["loadUserProfile"].is_null());
    EXPECT_EQ(pools[3]["runtime"], "");
}

TEST(CheckJson, ApplicationsBySiteIdThenPath) {
    const Json applications = sample()["applications"];
    ASSERT_EQ(applications.size(), 3u);
    EXPECT_EQ(applications[0]["path"], "/");
    EXPECT_EQ(applications[1]["path"], "/legacy");
    EXPECT_EQ(applications[2]["siteId"], 2);
    EXPECT_EQ(keysOf(applications[0]),
              (std::vector<std::string>{"site", "siteId", "path", "physicalPath", "pool", "worker",
                                        "authentication", "aspnetImpersonate", "handlers", "file",
                                        "line"}));
    EXPECT_EQ(keysOf(applications[0]["authentication"]),
              (std::vector<std::string>{"anonymous", "anonymousIdentity", "basic", "digest",
                                        "windows", "clientCertificate"}));
}

TEST(CheckJson, HandlersGiveBothRequestsOrNull) {
    const Json intranet = sample()["applications"][2];
    EXPECT_TRUE(intranet["authentication"]["anonymousIdentity"].is_null());
    const Json aspnet = intranet["handlers"][0];
    EXPECT_TRUE(aspnet["anonymous"].is_null());
    EXPECT_EQ(
        keysOf(aspnet["authenticated"]),
        (std::vector<std::string>{"http", "code", "content", "child", "network", "confidence"}));
    EXPECT_EQ(aspnet["authenticated"]["http"], "500.24");
    EXPECT_TRUE(aspnet["authenticated"]["code"].is_null());
    EXPECT_EQ(aspnet["authenticated"]["confidence"], "unconfirmed");
    const Json cgi = sample()["applications"][1]["handlers"][0];
    EXPECT_EQ(cgi["anonymous"]["confidence"], "conflict");
    EXPECT_EQ(cgi["anonymous"]["dependsOn"][0], "what the program does with its token");
}

TEST(CheckJson, FindingsInDocumentOrderWithLocationAndNulls) {
    const Json findings = sample()["findings"];
    ASSERT_EQ(findings.size(), 7u);
    EXPECT_EQ(keysOf(findings[1]),
              (std::vector<std::string>{"rule", "severity", "status", "message", "file", "line",
                                        "column", "site", "path", "cis", "fix", "source"}));
    EXPECT_EQ(findings[1]["rule"], "IISID-POOL-LOCALSYSTEM");
    EXPECT_EQ(findings[1]["severity"], "high");
    EXPECT_EQ(findings[1]["line"], 170);
    EXPECT_EQ(findings[1]["column"], 14);
    EXPECT_EQ(findings[1]["cis"], "1.4");
    EXPECT_EQ(findings[1]["fix"], iisid::check::findRule("IISID-POOL-LOCALSYSTEM")->fix);
    EXPECT_EQ(findings[3]["column"], nullptr);
    EXPECT_EQ(findings[5]["file"], nullptr);
    EXPECT_EQ(findings[5]["line"], nullptr);
    EXPECT_EQ(findings[5]["site"], nullptr);
    EXPECT_EQ(findings[5]["cis"], nullptr);
}

TEST(CheckJson, SummaryCountsPerSeverity) {
    EXPECT_EQ(sample()["summary"], Json::parse(R"({"applications": 3, "pools": 4,
                              "findings": {"error": 1, "high": 2, "medium": 1, "low": 1,
                                           "info": 2}})"));
}

TEST(CheckJson, EmptyReportHasEmptyArraysAndZeroCounts) {
    iisid::check::CheckReport report;
    report.toolVersion = "0.2.0";
    const Json json = Json::parse(iisid::check::checkJson(report, false));
    EXPECT_TRUE(json["inputs"].is_array() && json["inputs"].empty());
    EXPECT_TRUE(json["applications"].is_array() && json["applications"].empty());
    EXPECT_EQ(json["summary"]["findings"]["error"], 0);
}

} // namespace
