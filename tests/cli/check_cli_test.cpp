// `iisid check` end to end (check-format.md "Command line"): the built binary is run on corpus
// files and on small configurations written here; exit codes, every format, --output, --explain,
// --scenario, inputs of unknown kind, broken XML, a billion-laughs DOCTYPE, UTF-16 input and the
// redaction of secrets are checked on its standard output, standard error and files.

#include "run_iisid.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

namespace fs = std::filesystem;
using iisid::cli_test::iisid;
using iisid::cli_test::Outcome;

const std::string kCorpus = std::string(IISID_CORPUS_DIR) + "/";
const std::string kPubslocator =
    kCorpus + "applicationhost/NCIOCPL_pubslocator__applicationHost.config";
const std::string kKranz =
    kCorpus + "applicationhost/KranzA_windows-powershell-scripts__IIS-applicationHost.config";

/// A fresh folder of its own for one test.
fs::path scratch(const std::string &name) {
    const fs::path dir =
        fs::temp_directory_path() / ("iisid-check-cli-" + std::to_string(::getpid()) + "-" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

fs::path writeFile(const fs::path &path, const std::string &bytes) {
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << bytes;
    return path;
}

std::string readFile(const fs::path &path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

nlohmann::json json(const Outcome &run) {
    nlohmann::json document = nlohmann::json::parse(run.out, nullptr, false);
    EXPECT_FALSE(document.is_discarded()) << "not JSON:\n" << run.out;
    return document;
}

bool contains(const std::string &text, const std::string &part) {
    return text.find(part) != std::string::npos;
}

/// A small applicationHost.config with one pool and one site; `poolExtra` goes into the pool's
/// <add>, `siteLocation` into a <location path="Site"> block.
std::string appHost(
    const std::string &processModel = "<processModel identityType=\"ApplicationPoolIdentity\" />",
    const std::string &virtualDirectory = "", const std::string &siteLocation = "") {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<configuration>\n"
           "  <system.applicationHost>\n"
           "    <applicationPools>\n"
           "      <add name=\"AppPool\" managedRuntimeVersion=\"v4.0\">\n"
           "        " +
           processModel +
           "\n"
           "      </add>\n"
           "    </applicationPools>\n"
           "    <sites>\n"
           "      <site name=\"Site\" id=\"1\">\n"
           "        <application path=\"/\" applicationPool=\"AppPool\">\n"
           "          <virtualDirectory path=\"/\" physicalPath=\"C:\\inetpub\\site\"" +
           virtualDirectory +
           " />\n"
           "        </application>\n"
           "      </site>\n"
           "    </sites>\n"
           "  </system.applicationHost>\n"
           "  <location path=\"Site\">\n" +
           siteLocation +
           "\n  </location>\n"
           "</configuration>\n";
}

// --- exit codes and formats
// -----------------------------------------------------------------------

TEST(CliCheck, ACleanCheckExitsZeroInEveryFormat) {
    for (const std::string format : {"text", "json", "sarif"}) {
        const Outcome run = iisid({"check", kKranz, "--format", format});
        EXPECT_EQ(run.exitCode, 0) << format << ": " << run.err;
        EXPECT_FALSE(run.out.empty()) << format;
    }
}

TEST(CliCheck, JsonFollowsTheContract) {
    const Outcome run = iisid({"check", kKranz, "--format", "json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const nlohmann::json doc = json(run);
    EXPECT_EQ(doc["format"], "iisid-check/1");
    EXPECT_EQ(doc["tool"]["name"], "iisid");
    ASSERT_EQ(doc["inputs"].size(), 1u);
    EXPECT_EQ(doc["inputs"][0]["kind"], "applicationHost");
    ASSERT_EQ(doc["applications"].size(), 1u);
    EXPECT_EQ(doc["applications"][0]["site"], "Default Web Site");
    EXPECT_EQ(doc["applications"][0]["worker"], "IIS APPPOOL\\DefaultAppPool");
    EXPECT_EQ(doc["summary"]["applications"], 1);
}

TEST(CliCheck, SarifIsOneRunOfVersion210) {
    const Outcome run = iisid({"check", kKranz, "--format", "sarif"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const nlohmann::json doc = json(run);
    EXPECT_EQ(doc["version"], "2.1.0");
    ASSERT_EQ(doc["runs"].size(), 1u);
    EXPECT_EQ(doc["runs"][0]["tool"]["driver"]["name"], "iisid");
}

TEST(CliCheck, TextNamesEverySiteAndEndsWithASummary) {
    const Outcome run = iisid({"check", kPubslocator});
    EXPECT_LE(run.exitCode, 1) << run.err;
    for (const std::string site : {"pubsprod.lmbps.com", "GUAM", "pubstraining.cancer.gov"})
        EXPECT_TRUE(contains(run.out, site)) << site << "\n" << run.out;
}

TEST(CliCheck, FailOnAcceptsEverySeverityAndNever) {
    // Without findings (the rules are written separately) every threshold exits 0; a finding
    // at or above the threshold would exit 1 (exitCodeFor, tested in model_check_tests).
    for (const std::string level : {"error", "high", "medium", "low", "info", "never"}) {
        const Outcome run = iisid({"check", kKranz, "--fail-on", level, "--format", "json"});
        const nlohmann::json doc = json(run);
        const nlohmann::json &counts = doc["summary"]["findings"];
        const int total = counts["error"].get<int>() + counts["high"].get<int>() +
                          counts["medium"].get<int>() + counts["low"].get<int>() +
                          counts["info"].get<int>();
        if (level == "never" || total == 0)
            EXPECT_EQ(run.exitCode, 0) << level << ": " << run.err;
        else
            EXPECT_LE(run.exitCode, 1) << level << ": " << run.err;
    }
}

TEST(CliCheck, FailOnRejectsAnUnknownLevel) {
    const Outcome run = iisid({"check", kKranz, "--fail-on", "severe"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(contains(run.err, "--fail-on severe: error: expected error, high, medium, low, "
                                  "info or never"))
        << run.err;
    EXPECT_TRUE(run.out.empty()) << run.out;
}

TEST(CliCheck, AnUnknownFormatIsRefused) {
    const Outcome run = iisid({"check", kKranz, "--format", "xml"});
    EXPECT_NE(run.exitCode, 0);
    EXPECT_TRUE(run.out.empty()) << run.out;
}

// --- --output
// -------------------------------------------------------------------------------------

TEST(CliCheck, OutputIsWrittenAndNothingElseIsLeftBeside) {
    const fs::path dir = scratch("output");
    const fs::path report = dir / "report.json";
    const Outcome run = iisid({"check", kKranz, "--format", "json", "--output", report.string()});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_TRUE(run.out.empty()) << run.out;
    EXPECT_EQ(nlohmann::json::parse(readFile(report))["format"], "iisid-check/1");
    // Written atomically: a temporary file renamed into place, no leftovers.
    std::size_t entries = 0;
    for ([[maybe_unused]] const fs::directory_entry &entry : fs::directory_iterator(dir))
        ++entries;
    EXPECT_EQ(entries, 1u);
    // A second run replaces the report as a whole.
    writeFile(report, std::string(1 << 20, 'x'));
    ASSERT_EQ(iisid({"check", kKranz, "--format", "json", "--output", report.string()}).exitCode,
              0);
    EXPECT_EQ(nlohmann::json::parse(readFile(report))["format"], "iisid-check/1");
    fs::remove_all(dir);
}

TEST(CliCheck, OutputRefusesToOverwriteAnInput) {
    const fs::path dir = scratch("output-input");
    const fs::path config = writeFile(dir / "applicationHost.config", readFile(kKranz));
    const std::string before = readFile(config);
    const Outcome run = iisid({"check", config.string(), "--output", config.string()});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_FALSE(run.err.empty());
    EXPECT_EQ(readFile(config), before);
    // Also when the input was found in a folder walk.
    const Outcome walked = iisid({"check", dir.string(), "--output", config.string()});
    EXPECT_EQ(walked.exitCode, 2);
    EXPECT_EQ(readFile(config), before);
    fs::remove_all(dir);
}

// --- --explain and --scenario
// ---------------------------------------------------------------------

TEST(CliCheck, ExplainPrintsTheSettingsWithTheirOriginsAndTheTraces) {
    const Outcome run =
        iisid({"check", kPubslocator, "--explain", "pubsprod.lmbps.com/ncipladmin"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_TRUE(
        contains(run.out, "Settings the configuration gives pubsprod.lmbps.com/ncipladmin:"))
        << run.out;
    // basicAuthentication enabled="true" is written at line 1541 of the file.
    EXPECT_TRUE(contains(run.out, "authentication.basic.enabled = true"));
    EXPECT_TRUE(contains(run.out, "NCIOCPL_pubslocator__applicationHost.config:1541")) << run.out;
    EXPECT_TRUE(contains(run.out, "appPool.name = Classic .NET AppPool")) << run.out;
    // Then one trace per handler kind and request, as `iisid explain` prints them.
    EXPECT_TRUE(contains(run.out, "authenticated request")) << run.out;
    EXPECT_TRUE(contains(run.out, "\nResult\n")) << run.out;
    EXPECT_TRUE(contains(run.out, "  Code runs as ")) << run.out;
}

TEST(CliCheck, ExplainOfAnUnknownApplicationListsTheKnownOnes) {
    const Outcome run = iisid({"check", kKranz, "--explain", "Nowhere/"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(contains(run.err, "no application \"Nowhere/\"")) << run.err;
    EXPECT_TRUE(contains(run.err, "\n  Default Web Site/")) << run.err;
}

TEST(CliCheck, ScenarioRoundTripsThroughExplain) {
    const fs::path dir = scratch("scenario");
    const fs::path scenario = dir / "default.iisid.json";
    const Outcome written =
        iisid({"check", kKranz, "--scenario", "Default Web Site/", "--output", scenario.string()});
    ASSERT_EQ(written.exitCode, 0) << written.err;
    EXPECT_TRUE(written.out.empty()) << written.out;
    const nlohmann::json doc = nlohmann::json::parse(readFile(scenario));
    EXPECT_EQ(doc["format"], "iisid-scenario/1") << doc.dump(2);
    EXPECT_EQ(doc["title"], "Default Web Site/");
    const Outcome explained = iisid({"explain", scenario.string(), "--format", "json"});
    ASSERT_EQ(explained.exitCode, 0) << explained.err;
    const nlohmann::json answer = json(explained);
    // The explainer gives the account the check's table gives for that handler (aspnet).
    EXPECT_EQ(answer["identities"]["code"], "IIS APPPOOL\\DefaultAppPool") << answer.dump(2);
    fs::remove_all(dir);
}

// --- inputs of unknown kind, broken input
// ---------------------------------------------------------

TEST(CliCheck, ANamedFileOfUnknownKindSaysWhatItLooksLike) {
    const fs::path dir = scratch("unknown");
    const fs::path scenario = writeFile(dir / "a.json", "{\"format\": \"iisid-scenario/1\"}\n");
    const Outcome run = iisid({"check", scenario.string()});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(contains(run.err, "not an IIS configuration file: it looks like a scenario file"))
        << run.err;
    EXPECT_TRUE(run.out.empty()) << run.out;
    const Outcome schema = iisid(
        {"check", kCorpus + "schema/RedHatSE_windowcontainertest__config-Schema-IIS_schema.xml"});
    EXPECT_EQ(schema.exitCode, 2);
    EXPECT_TRUE(contains(schema.err, "root is <configSchema>")) << schema.err;
    fs::remove_all(dir);
}

TEST(CliCheck, AFolderWalkListsOtherFilesAsSkipped) {
    const fs::path dir = scratch("walk");
    writeFile(dir / "config" / "applicationHost.config", readFile(kKranz));
    writeFile(dir / "notes.txt", "copied off WEB01 on Monday\n");
    const Outcome run = iisid({"check", dir.string(), "--format", "json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const nlohmann::json doc = json(run);
    ASSERT_EQ(doc["inputs"].size(), 2u) << doc["inputs"].dump(2);
    EXPECT_EQ(doc["inputs"][0]["kind"], "applicationHost");
    EXPECT_EQ(doc["inputs"][1]["kind"], "skipped");
    EXPECT_EQ(doc["inputs"][1]["reason"], "not an IIS configuration file");
    fs::remove_all(dir);
}

TEST(CliCheck, MalformedXmlExitsTwoWithLineAndColumn) {
    const fs::path dir = scratch("malformed");
    const fs::path config = writeFile(dir / "applicationHost.config",
                                      "<configuration>\n  <system.applicationHost>\n"
                                      "    <sites>\n      <site name=\"a\" id=\"1\">\n"
                                      "  </system.applicationHost>\n</configuration>\n");
    const Outcome run = iisid({"check", config.string(), "--format", "json"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(contains(run.err, config.string() + ":5:")) << run.err;
    EXPECT_TRUE(run.out.empty()) << run.out;
    fs::remove_all(dir);
}

TEST(CliCheck, ABillionLaughsIsNeverExpanded) {
    const fs::path dir = scratch("laughs");
    std::string doctype = "<?xml version=\"1.0\"?>\n<!DOCTYPE configuration [\n"
                          "  <!ENTITY lol \"lol\">\n";
    for (int i = 1; i <= 9; ++i) {
        doctype += "  <!ENTITY lol" + std::to_string(i) + " \"";
        for (int j = 0; j < 10; ++j)
            doctype += i == 1 ? "&lol;" : "&lol" + std::to_string(i - 1) + ";";
        doctype += "\">\n";
    }
    doctype += "]>\n<configuration>\n  <system.applicationHost>\n    <sites>\n"
               "      <site name=\"&lol9;\" id=\"1\">\n        <application path=\"/\">\n"
               "          <virtualDirectory path=\"/\" physicalPath=\"C:\\x\" />\n"
               "        </application>\n      </site>\n    </sites>\n"
               "  </system.applicationHost>\n</configuration>\n";
    const fs::path config = writeFile(dir / "applicationHost.config", doctype);
    const Outcome run = iisid({"check", config.string(), "--format", "json"});
    EXPECT_TRUE(run.exitCode == 2 || run.exitCode == 0 || run.exitCode == 1) << run.exitCode;
    EXPECT_LT(run.out.size(), 100000u) << "the entities were expanded";
    EXPECT_FALSE(contains(run.out, "lollollol"));
    if (run.exitCode == 2) {
        EXPECT_TRUE(contains(run.err, config.string() + ":")) << run.err;
    }
    fs::remove_all(dir);
}

TEST(CliCheck, Utf16WithByteOrderMarkIsRead) {
    const fs::path dir = scratch("utf16");
    const std::string utf8 = readFile(kKranz);
    std::string utf16 = "\xFF\xFE";
    for (unsigned char c : utf8) {
        // The stock file is ASCII apart from its optional UTF-8 BOM.
        if (c >= 0x80)
            continue;
        utf16 += static_cast<char>(c);
        utf16 += '\0';
    }
    const fs::path config = writeFile(dir / "applicationHost.config", utf16);
    const Outcome run = iisid({"check", config.string(), "--format", "json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const nlohmann::json doc = json(run);
    EXPECT_EQ(doc["inputs"][0]["kind"], "applicationHost");
    ASSERT_EQ(doc["applications"].size(), 1u);
    EXPECT_EQ(doc["applications"][0]["worker"], "IIS APPPOOL\\DefaultAppPool");
    fs::remove_all(dir);
}

// --- secrets
// --------------------------------------------------------------------------------------

TEST(CliCheck, PasswordsNeverReachTheReportAndEncryptedValuesOnlyWithShowSecrets) {
    // A password in a pool's processModel, a virtualDirectory, anonymousAuthentication and
    // system.web/identity. The report names accounts, never their passwords, so none of them is
    // printed in any format, --show-secrets or not. What the report does print may itself be a
    // secret: an [enc:...:enc] blob (here an encrypted processModel userName, which IIS writes
    // when an administrator encrypts it) is hidden unless --show-secrets is given.
    const fs::path dir = scratch("secrets");
    const std::string blob = "[enc:AesProvider:U2VjcmV0VXNlck5hbWU=:enc]";
    const std::string config =
        appHost("<processModel identityType=\"SpecificUser\" userName=\"" + blob +
                    "\" password=\"PoolSecret-1\" />",
                " userName=\"CONTOSO\\share\" password=\"VdirSecret-2\"",
                "    <system.webServer><security><authentication>\n"
                "      <anonymousAuthentication enabled=\"true\" userName=\"CONTOSO\\anon\" "
                "password=\"AnonSecret-3\" />\n"
                "    </authentication></security></system.webServer>\n"
                "    <system.web><identity impersonate=\"true\" userName=\"CONTOSO\\imp\" "
                "password=\"ImpSecret-4\" /></system.web>");
    const fs::path file = writeFile(dir / "applicationHost.config", config);
    const std::vector<std::string> passwords = {"PoolSecret-1", "VdirSecret-2", "AnonSecret-3",
                                                "ImpSecret-4"};
    for (const std::string format : {"text", "json", "sarif", "html", "markdown"}) {
        const Outcome hidden = iisid({"check", file.string(), "--format", format});
        EXPECT_LE(hidden.exitCode, 1) << hidden.err;
        const Outcome shown = iisid({"check", file.string(), "--format", format, "--show-secrets"});
        EXPECT_LE(shown.exitCode, 1) << shown.err;
        for (const std::string &password : passwords) {
            EXPECT_FALSE(contains(hidden.out + hidden.err, password)) << format << ": " << password;
            EXPECT_FALSE(contains(shown.out + shown.err, password)) << format << ": " << password;
        }
        EXPECT_FALSE(contains(hidden.out, blob)) << format << "\n" << hidden.out;
        if (format != "sarif") { // SARIF lists findings only: no pools, no accounts
            EXPECT_TRUE(contains(shown.out, blob)) << format << "\n" << shown.out;
        }
    }
    // --explain prints every setting with its value: the same rule holds.
    const Outcome explained = iisid({"check", file.string(), "--explain", "Site/"});
    EXPECT_EQ(explained.exitCode, 0) << explained.err;
    for (const std::string &password : passwords)
        EXPECT_FALSE(contains(explained.out, password)) << "--explain shows " << password;
    EXPECT_FALSE(contains(explained.out, blob)) << explained.out;
    const Outcome explainedShown =
        iisid({"check", file.string(), "--explain", "Site/", "--show-secrets"});
    EXPECT_TRUE(contains(explainedShown.out, blob)) << explainedShown.out;
    fs::remove_all(dir);
}

/// A machine.config whose <processModel> runs aspnet_wp.exe as SYSTEM (config-semantics.md #38).
constexpr const char *kMachineConfigSystem = R"(<?xml version="1.0"?>
<configuration>
  <system.web>
    <processModel enable="true" userName="System" password="AutoGenerate" />
  </system.web>
</configuration>
)";

// The IIS 6 readers end to end: AccessSSLFlags and WebSvcExtRestrictionList from MetaBase.xml,
// and a machine.config's <processModel> beside it (config-semantics.md §5 #13, #30, #38).
TEST(CliCheck, MetabaseWithMachineConfigReachesTheIis6Findings) {
    const fs::path dir = scratch("iis6");
    const fs::path metabase = writeFile(dir / "MetaBase.xml", R"(<?xml version ="1.0"?>
<configuration xmlns="urn:microsoft-catalog:XML_Metabase_V64_0">
<MBProperty>
<IIsWebService	Location ="/LM/W3SVC"
		AuthFlags="AuthBasic"
		AccessSSLFlags="AccessSSL128"
		IIs5IsolationModeEnabled="TRUE"
		WebSvcExtRestrictionList="1,*.dll
			0,*.exe"
	>
</IIsWebService>
<IIsWebServer	Location ="/LM/W3SVC/1"
		ServerComment="Default Web Site"
	>
</IIsWebServer>
</MBProperty>
</configuration>
)");
    const fs::path machine = writeFile(dir / "machine.config", kMachineConfigSystem);
    const Outcome run = iisid({"check", metabase.string(), machine.string(), "--format", "json"});
    EXPECT_EQ(run.exitCode, 1) << run.err;
    const nlohmann::json doc = json(run);
    ASSERT_EQ(doc["inputs"].size(), 2u);
    EXPECT_EQ(doc["inputs"][1]["kind"], "webConfig");
    EXPECT_EQ(doc["inputs"][1]["iisVersion"], "6.0");
    std::vector<std::string> rules;
    for (const nlohmann::json &finding : doc["findings"])
        rules.push_back(finding["rule"]);
    for (const std::string rule : {"IISID-BASIC-WITHOUT-SSL", "IISID-RESTRICTION-UNLISTED-ALLOWED",
                                   "IISID-ASPNET-PROCESSMODEL-SYSTEM"})
        EXPECT_NE(std::find(rules.begin(), rules.end(), rule), rules.end()) << rule << "\n"
                                                                            << run.out;
    fs::remove_all(dir);
}

// F2.03, C3.12: in IIS 5 isolation mode aspnet_wp.exe runs as machine.config's <processModel
// userName>: the ASP.NET rows say SYSTEM with userName="System", the local ASPNET account without a
// machine.config (its default, "machine"), the same account finding #38 names.
TEST(CliCheck, MachineConfigProcessModelIsTheAccountOfAspNetRows) {
    const fs::path dir = scratch("processmodel");
    const fs::path metabase = writeFile(dir / "MetaBase.xml", R"(<?xml version ="1.0"?>
<configuration xmlns="urn:microsoft-catalog:XML_Metabase_V64_0">
<MBProperty>
<IIsWebService	Location ="/LM/W3SVC"
		IIs5IsolationModeEnabled="TRUE"
		ScriptMaps=".aspx,C:\WINDOWS\Microsoft.NET\Framework\v2.0.50727\aspnet_isapi.dll,1,GET,HEAD,POST"
	>
</IIsWebService>
<IIsWebServer	Location ="/LM/W3SVC/1"
		ServerComment="Default Web Site"
	>
</IIsWebServer>
<IIsWebVirtualDir	Location ="/LM/W3SVC/1/ROOT"
		AppIsolated="2"
		AppRoot="/LM/W3SVC/1/ROOT"
		Path="c:\inetpub\wwwroot"
	>
</IIsWebVirtualDir>
</MBProperty>
</configuration>
)");
    const fs::path machine = writeFile(dir / "machine.config", kMachineConfigSystem);
    const auto aspnetCode = [](const Outcome &run) {
        const nlohmann::json doc = nlohmann::json::parse(run.out);
        for (const nlohmann::json &handler : doc["applications"][0]["handlers"]) {
            if (handler["kind"] == "aspnet")
                return handler["anonymous"]["code"].get<std::string>();
        }
        return std::string("(no aspnet row)");
    };
    const Outcome system =
        iisid({"check", metabase.string(), machine.string(), "--format", "json"});
    EXPECT_EQ(aspnetCode(system), "NT AUTHORITY\\SYSTEM") << system.out;
    const Outcome byDefault = iisid({"check", metabase.string(), "--format", "json"});
    EXPECT_EQ(aspnetCode(byDefault), "MACHINE\\ASPNET") << byDefault.out;
    const Outcome explained =
        iisid({"check", metabase.string(), machine.string(), "--explain", "Default Web Site/"});
    EXPECT_TRUE(contains(explained.out, "aspnet.processModelUserName = System")) << explained.out;
    fs::remove_all(dir);
}

} // namespace
