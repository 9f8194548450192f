// Every bundled scenario (resources/scenarios/*.iisid.json) reads cleanly and gives the full
// result the reference says it must: http, the seven identities and the confidence. The table is
// keyed by file name; a file without a row, or a row without a file, fails.

#include "model/resolution.h"
#include "model/resolver.h"
#include "model/scenario_io.h"

#include "accounts.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace {

using iisid::Confidence;
using iisid::HttpStatus;
using iisid::Identities;

namespace fs = std::filesystem;

const fs::path kScenarioDir = fs::path(IISID_SOURCE_DIR) / "resources" / "scenarios";
constexpr std::string_view kSuffix = ".iisid.json";

using namespace iisid::test;

struct Expected {
    std::optional<HttpStatus> http;
    Identities identities; // worker, process, thread, code, content, child, network
    Confidence confidence;
};

std::optional<HttpStatus> http(int status, int subStatus = 0) {
    return HttpStatus{status, subStatus};
}

/// What each bundled scenario must give, derived from iis-identity-reference.md (fact ids in the
/// comments) and scenario-format.md.
const std::map<std::string, Expected> &expectations() {
    static const std::map<std::string, Expected> table = {
        // F3.20 (IIS 6, CONFIRMED): createProcessAsUser=false runs the CGI as the process.
        {"seed-cgi-create-process-as-user-false",
         {http(200),
          {kNetworkService, kNetworkService, kNull, kNetworkService, kNetworkService,
           kNetworkService, kMachine},
          Confidence::Confirmed}},
        // F1.02: the anonymous logon fails, 401.1, before anything runs.
        {"seed-wrong-iusr-password-iis6",
         {http(401, 1),
          {kNetworkService, kNetworkService, kNull, kNull, kNull, kNull, kNull},
          Confidence::Confirmed}},
        // F3.50, F3.58/F3.90: the page runs as the user, STSADM as the process; NTLM cannot hop
        // (F1.43, what the remote sees UNCONFIRMED).
        {"seed-stsadm-wscript-shell-domain-pool",
         {http(200),
          {"CONTOSO\\svcwss", "CONTOSO\\svcwss", kAlice, kAlice, kAlice, "CONTOSO\\svcwss",
           kAnonymousLogon},
          Confidence::Unconfirmed}},
        {"seed-stsadm-wscript-shell-network-service",
         {http(200),
          {kNetworkService, kNetworkService, kAlice, kAlice, kAlice, kNetworkService,
           kAnonymousLogon},
          Confidence::Unconfirmed}},
        // F3.20 + F3.24: perl.exe runs as NETWORK SERVICE, cannot read the script: 502.2 (the
        // 502.2-from-an-unreadable-script link is an inference: PARTIAL). The script never ran,
        // so nothing after the content step applies (scenario-format.md: null).
        {"seed-perl-cgi-502",
         {http(502, 2),
          {kNetworkService, kNetworkService, kNull, kNetworkService, kNetworkService, kNull, kNull},
          Confidence::Partial}},
        // F3.50 + F3.13: RevertToSelf leaves the process identity; F2.41 off the box.
        {"seed-asp-revert-to-self-windows-auth",
         {http(200),
          {kNetworkService, kNetworkService, kNull, kNetworkService, "CONTOSO\\anil",
           kNetworkService, kMachine},
          Confidence::Confirmed}},
        // F1.01/F3.50; F2.45: a local account off the box (mirrored case UNCONFIRMED, PARTIAL).
        {"seed-dedicated-anonymous-account-for-writing-page",
         {http(200),
          {kNetworkService, kNetworkService, "WEB01\\FileWriter", "WEB01\\FileWriter",
           "WEB01\\FileWriter", kNetworkService, kAnonymousLogon},
          Confidence::Partial}},
        // F3.64 (IIS 6, CONFIRMED): Application_Start as NETWORK SERVICE; F3.63 compile as process.
        {"seed-application-start-process-identity",
         {http(200),
          {kNetworkService, kNetworkService, kNull, kNetworkService, kNetworkService,
           kNetworkService, kMachine},
          Confidence::Confirmed}},
        // F3.10 (IIS 6): the extension impersonates IUSR_WEB01; F2.45 PARTIAL off the box.
        {"seed-php-isapi-iis6",
         {http(200),
          {kNetworkService, kNetworkService, kIusr6, kIusr6, kIusr6, kNetworkService,
           kAnonymousLogon},
          Confidence::Partial}},
        // F3.30 (PARTIAL), F3.31, F3.34, F2.42.
        {"seed-php-fastcgi-impersonate-off",
         {http(200), {kPool, kPool, kNull, kPool, kPool, kPool, kMachine}, Confidence::Partial}},
        // F3.31, F3.33, F3.36 (popen passes the thread token, PARTIAL), F1.10.
        {"seed-php-fastcgi-impersonate-on",
         {http(200),
          {kPool, kPool, kIusr, kIusr, kIusr, kIusr, kAnonymousLogon},
          Confidence::Partial}},
        // F2.01, F3.58: in-process ASP, WScript.Shell child is SYSTEM.
        {"seed-iis5-asp-wscript-shell-system",
         {http(200),
          {kSystem, kSystem, kIusr6, kIusr6, kIusr6, kSystem, kAnonymousLogon},
          Confidence::Partial}},
        // F3.70.
        {"aspnet-impersonate-integrated-500-24",
         {http(500, 24), {kPool, kPool, kNull, kNull, kNull, kNull, kNull}, Confidence::Confirmed}},
        // F3.70/F3.71, F3.63, F1.10.
        {"aspnet-impersonate-validation-off",
         {http(200),
          {kPool, kPool, kIusr, kIusr, kPool, kPool, kAnonymousLogon},
          Confidence::Confirmed}},
        // F3.73.
        {"aspnet-impersonate-classic-pipeline",
         {http(200),
          {kPool, kPool, kIusr, kIusr, kPool, kPool, kAnonymousLogon},
          Confidence::Confirmed}},
        // F1.08, F3.41, F3.55.
        {"anonymous-user-is-pool-identity",
         {http(200),
          {"IIS APPPOOL\\SiteA", "IIS APPPOOL\\SiteA", "IIS APPPOOL\\SiteA", "IIS APPPOOL\\SiteA",
           "IIS APPPOOL\\SiteA", "IIS APPPOOL\\SiteA", kMachine},
          Confidence::Confirmed}},
        // F2.56.
        {"unc-pass-through-500-19",
         {http(500, 19), {kPool, kPool, kNull, kNull, kNull, kNull, kNull}, Confidence::Confirmed}},
        // F2.55, F1.10, F3.40.
        {"unc-pass-through-anonymous-401-3",
         {http(401, 3),
          {kPool, kPool, kIusr, kIusr, kAnonymousLogon, kNull, kNull},
          Confidence::Confirmed}},
        // F2.53, F2.54, F3.50.
        {"unc-connect-as",
         {http(200),
          {kPool, kPool, kIusr, kIusr, "CONTOSO\\webcontent", kPool, kAnonymousLogon},
          Confidence::Confirmed}},
        // F1.41.
        {"kerberos-custom-pool-kernel-mode-401-2",
         {http(401, 2),
          {kSvcWeb, kSvcWeb, kNull, kNull, kNull, kNull, kNull},
          Confidence::Confirmed}},
        // F1.41; F1.43: no delegation, remote view UNCONFIRMED.
        {"kerberos-custom-pool-app-pool-credentials",
         {http(200),
          {kSvcWeb, kSvcWeb, kAlice, kAlice, kAlice, kSvcWeb, kAnonymousLogon},
          Confidence::Unconfirmed}},
        // F1.43.
        {"double-hop-ntlm",
         {http(200),
          {kPool, kPool, kAlice, kAlice, kAlice, kPool, kAnonymousLogon},
          Confidence::Unconfirmed}},
        // F1.43, F2.46.
        {"double-hop-kerberos-delegation",
         {http(200), {kPool, kPool, kAlice, kAlice, kAlice, kPool, kAlice}, Confidence::Confirmed}},
        // F1.21, F2.46.
        {"double-hop-basic",
         {http(200), {kPool, kPool, kAlice, kAlice, kAlice, kPool, kAlice}, Confidence::Confirmed}},
        // F3.40, F4.07.
        {"ntfs-iusr-not-in-iis-iusrs-401-3",
         {http(401, 3), {kPool, kPool, kIusr, kIusr, kIusr, kNull, kNull}, Confidence::Confirmed}},
        // F4.01, F4.02.
        {"ntfs-pool-cannot-read-500-19",
         {http(500, 19), {kPool, kPool, kNull, kNull, kNull, kNull, kNull}, Confidence::Confirmed}},
        // F3.23, F1.81; F3.22 CONFLICT on IIS 7+.
        {"cgi-403-19-specific-user-pool",
         {http(403, 19),
          {kSvcWeb, kNull, kNull, kNull, kNull, kNull, kNull},
          Confidence::Conflict}},
        // F3.80, F3.83.
        {"aspnetcore-in-process",
         {http(200), {kPool, kPool, kNull, kPool, kPool, kPool, kMachine}, Confidence::Confirmed}},
        // F3.81 (PARTIAL), F3.82.
        {"aspnetcore-out-of-process",
         {http(200), {kPool, kPool, kNull, kPool, kPool, kPool, kMachine}, Confidence::Partial}},
        // F3.83; F1.43 (NTLM, UNCONFIRMED remote view).
        {"aspnetcore-run-impersonated",
         {http(200),
          {kPool, kPool, kAlice, kAlice, kPool, kPool, kAnonymousLogon},
          Confidence::Unconfirmed}},
        // F3.53: outside any request (http null), as the anonymous user.
        {"asp-session-onend",
         {std::nullopt,
          {kPool, kPool, kIusr, kIusr, kNull, kPool, kAnonymousLogon},
          Confidence::Confirmed}},
        // F2.20, F1.06, F3.40.
        {"static-file-iis70-network-service",
         {http(200),
          {kNetworkService, kNetworkService, kIusr, kIusr, kIusr, kNetworkService, kAnonymousLogon},
          Confidence::Confirmed}},
    };
    return table;
}

std::vector<std::string> bundledFiles() {
    std::vector<std::string> names;
    std::error_code error;
    for (const fs::directory_entry &entry : fs::directory_iterator(kScenarioDir, error)) {
        const std::string file = entry.path().filename().string();
        if (file.size() > kSuffix.size() &&
            file.compare(file.size() - kSuffix.size(), kSuffix.size(), kSuffix) == 0)
            names.push_back(file.substr(0, file.size() - kSuffix.size()));
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::string readText(const fs::path &path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

class BundledScenario : public testing::TestWithParam<std::string> {};

TEST_P(BundledScenario, ReadsCleanlyAndGivesTheReferenceResult) {
    const std::string name = GetParam();
    const fs::path path = kScenarioDir / (name + std::string(kSuffix));
    const iisid::Result<iisid::LoadedScenario> loaded =
        iisid::readScenario(readText(path), path.string());
    ASSERT_TRUE(loaded.ok()) << loaded.errors().front().toString();
    const std::vector<iisid::Diagnostic> problems = iisid::checkScenario(*loaded);
    for (const iisid::Diagnostic &d : problems)
        ADD_FAILURE() << d.toString();
    EXPECT_FALSE(loaded->scenario.title.empty()) << "a bundled scenario needs a title";
    EXPECT_GE(loaded->scenario.notes.size(), 80u) << "a bundled scenario tells its story in notes";

    const auto row = expectations().find(name);
    ASSERT_NE(row, expectations().end()) << "no expected result for " << name;
    const Expected &want = row->second;
    const iisid::Resolution r = iisid::resolve(loaded->scenario);
    expectResult(r, want.http, want.identities, want.confidence);
}

INSTANTIATE_TEST_SUITE_P(Resources, BundledScenario, testing::ValuesIn(bundledFiles()),
                         [](const testing::TestParamInfo<std::string> &param) {
                             std::string id = param.param;
                             std::replace(id.begin(), id.end(), '-', '_');
                             return id;
                         });

TEST(BundledScenarios, EveryExpectationHasItsFile) {
    const std::vector<std::string> files = bundledFiles();
    for (const auto &[name, expected] : expectations())
        EXPECT_TRUE(std::binary_search(files.begin(), files.end(), name))
            << name << kSuffix << " is missing from " << kScenarioDir;
}

TEST(BundledScenarios, AtLeastTwentyTwoAreBundled) {
    EXPECT_GE(bundledFiles().size(), 22u);
}

TEST(BundledScenarios, RoundTripThroughTheWriterUnchanged) {
    for (const std::string &name : bundledFiles()) {
        const fs::path path = kScenarioDir / (name + std::string(kSuffix));
        const auto first = iisid::readScenario(readText(path), path.string());
        ASSERT_TRUE(first.ok()) << name;
        const std::string written = iisid::writeScenario(first->scenario);
        const auto second = iisid::readScenario(written, name);
        ASSERT_TRUE(second.ok()) << name << ": " << second.errors().front().toString();
        EXPECT_EQ(iisid::writeScenario(second->scenario), written) << name;
    }
}

} // namespace
