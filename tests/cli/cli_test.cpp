// `iisid` end to end (scenario-format.md, "iisid explain"): the built binary is started with real
// arguments; its standard output, standard error and exit code are checked.

#include "run_iisid.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

namespace fs = std::filesystem;

const std::string kScenarios = std::string(IISID_SOURCE_DIR) + "/resources/scenarios/";

using iisid::cli_test::iisid;
using iisid::cli_test::Outcome;

nlohmann::json parseJson(const Outcome &run) {
    nlohmann::json document = nlohmann::json::parse(run.out, nullptr, false);
    EXPECT_FALSE(document.is_discarded()) << "not JSON:\n" << run.out;
    return document;
}

fs::path writeTemp(const std::string &name, const std::string &text) {
    const fs::path path = fs::temp_directory_path() / (std::to_string(::getpid()) + "-" + name);
    std::ofstream out(path, std::ios::binary);
    out << text;
    return path;
}

/// The top-level key that follows `key` in the document's order, or "" when none does.
std::string keyAfter(const nlohmann::ordered_json &document, const std::string &key) {
    std::vector<std::string> keys;
    for (const auto &item : document.items())
        keys.push_back(item.key());
    const auto at = std::find(keys.begin(), keys.end(), key);
    return at == keys.end() || at + 1 == keys.end() ? std::string() : *(at + 1);
}

// --- text ----------------------------------------------------------------------------------------

TEST(CliExplain, TextShowsNumberedStepsAndTheResult) {
    const Outcome run =
        iisid({"explain", kScenarios + "seed-cgi-create-process-as-user-false.iisid.json",
               "--color", "never"});
    EXPECT_EQ(run.exitCode, 0) << run.err;
    EXPECT_TRUE(run.err.empty()) << run.err;
    EXPECT_EQ(run.out.rfind("Perl CGI with createProcessAsUser=false\n", 0), 0u) << run.out;
    EXPECT_NE(run.out.find("\n 1. worker"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("\n 2. "), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("createProcessAsUser=false"), std::string::npos);
    EXPECT_NE(run.out.find("\nResult\n"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("  HTTP              200\n"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("  Code runs as      NT AUTHORITY\\NETWORK SERVICE\n"),
              std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("  Network sees      CONTOSO\\WEB01$\n"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("  Confidence        confirmed\n"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("\nSources\n  http"), std::string::npos) << run.out;
    EXPECT_EQ(run.out.find("\x1b["), std::string::npos) << "--color never still coloured";
}

TEST(CliExplain, TextMarksWhatIsNotConfirmed) {
    const Outcome run = iisid({"explain", "--color", "never", "--set", "handler.kind=cgi"});
    EXPECT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.out.find("[CONFLICT]"), std::string::npos) << run.out;
    // F3.22 decides the CGI process and what follows it, not the worker that received the
    // request: each identity carries its own mark, the overall line sums them up.
    EXPECT_NE(run.out.find("  Code runs as      NT AUTHORITY\\IUSR  [CONFLICT]\n"),
              std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("  Worker            IIS APPPOOL\\DefaultAppPool  (w3wp.exe)\n"),
              std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("  Confidence        conflict\n"), std::string::npos) << run.out;
}

TEST(CliExplain, TextMarksOnlyTheIdentityThatIsDoubted) {
    // IIS 6 ISAPI extension, NTLM user: that the code runs as the user is documented; what the
    // network sees of an NTLM token is not.
    const Outcome run = iisid(
        {"explain", "--color", "never", "--set", "server.iisVersion=6.0", "--set",
         "handler.kind=isapiExtension", "--set", "authentication.anonymous.enabled=false", "--set",
         "authentication.windows.enabled=true", "--set", "request.user=CONTOSO\\alice"});
    EXPECT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.out.find("  Code runs as      CONTOSO\\alice\n"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("  Thread token      CONTOSO\\alice\n"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("  Network sees      NT AUTHORITY\\ANONYMOUS LOGON  [UNCONFIRMED]\n"),
              std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("  Confidence        unconfirmed\n"), std::string::npos) << run.out;
}

TEST(CliExplain, ColourOnlyWhenAsked) {
    const Outcome run = iisid({"explain", "--color", "always", "--set", "handler.kind=cgi"});
    EXPECT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.out.find("\x1b["), std::string::npos);
    // Standard output is a pipe here: auto means no colour.
    EXPECT_EQ(iisid({"explain", "--set", "handler.kind=cgi"}).out.find("\x1b["), std::string::npos);
}

// --- JSON ----------------------------------------------------------------------------------------

TEST(CliExplain, JsonHasTheDocumentedShape) {
    const Outcome run =
        iisid({"explain", kScenarios + "seed-perl-cgi-502.iisid.json", "--format", "json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const nlohmann::json doc = parseJson(run);
    ASSERT_TRUE(doc.is_object());

    ASSERT_TRUE(doc["http"].is_object());
    EXPECT_EQ(doc["http"]["status"], 502);
    EXPECT_EQ(doc["http"]["subStatus"], 2);

    const nlohmann::json &ids = doc["identities"];
    ASSERT_TRUE(ids.is_object());
    const std::set<std::string> names = {"worker",  "process", "thread", "code",
                                         "content", "child",   "network"};
    for (const std::string &name : names) {
        ASSERT_TRUE(ids.contains(name)) << name;
        EXPECT_TRUE(ids[name].is_string() || ids[name].is_null()) << name;
    }
    EXPECT_EQ(ids["worker"], "NT AUTHORITY\\NETWORK SERVICE");
    EXPECT_EQ(ids["process"], "NT AUTHORITY\\NETWORK SERVICE");
    EXPECT_TRUE(ids["thread"].is_null());
    EXPECT_EQ(ids["content"], "NT AUTHORITY\\NETWORK SERVICE");

    ASSERT_TRUE(doc["steps"].is_array());
    ASSERT_FALSE(doc["steps"].empty());
    const std::set<std::string> stages = {
        "worker",  "configuration", "authentication", "authorization", "filter",
        "handler", "code",          "content",        "childProcess",  "network"};
    const std::set<std::string> confidences = {"confirmed", "partial", "unconfirmed", "conflict"};
    for (const nlohmann::json &step : doc["steps"]) {
        ASSERT_TRUE(step.is_object());
        ASSERT_TRUE(step["stage"].is_string());
        EXPECT_TRUE(stages.count(step["stage"].get<std::string>())) << step["stage"];
        EXPECT_TRUE(step["process"].is_string() || step["process"].is_null());
        EXPECT_TRUE(step["thread"].is_string() || step["thread"].is_null());
        ASSERT_TRUE(step["text"].is_string());
        EXPECT_FALSE(step["text"].get<std::string>().empty());
        ASSERT_TRUE(step["sources"].is_array());
        for (const nlohmann::json &url : step["sources"]) {
            ASSERT_TRUE(url.is_string());
            EXPECT_EQ(url.get<std::string>().rfind("http", 0), 0u) << url;
        }
        ASSERT_TRUE(step["confidence"].is_string());
        EXPECT_TRUE(confidences.count(step["confidence"].get<std::string>()));
    }
    EXPECT_EQ(doc["steps"][0]["stage"], "worker");
    ASSERT_TRUE(doc["warnings"].is_array());
    for (const nlohmann::json &warning : doc["warnings"])
        EXPECT_TRUE(warning.is_string());
    EXPECT_EQ(doc["confidence"], "partial");

    // Each identity's own confidence, keyed as `identities`: perl.exe ran (confirmed) and failed
    // reading the script (partial), so only what comes after the read is partial.
    const nlohmann::json &confidenceOf = doc["confidenceOf"];
    ASSERT_TRUE(confidenceOf.is_object());
    EXPECT_EQ(confidenceOf.size(), names.size());
    for (const std::string &name : names) {
        ASSERT_TRUE(confidenceOf.contains(name)) << name;
        EXPECT_TRUE(confidences.count(confidenceOf[name].get<std::string>())) << name;
    }
    EXPECT_EQ(confidenceOf["code"], "confirmed");
    EXPECT_EQ(confidenceOf["thread"], "confirmed");
    EXPECT_EQ(confidenceOf["content"], "partial");
    EXPECT_EQ(confidenceOf["network"], "partial");
    // "confidenceOf" comes right after "confidence" (scenario-format.md).
    EXPECT_EQ(keyAfter(nlohmann::ordered_json::parse(run.out), "confidence"), "confidenceOf");
}

TEST(CliExplain, JsonListsWhatTheResultDependsOnAfterTheFindings) {
    const Outcome run = iisid({"explain", "--format", "json", "--set", "server.iisVersion=6.0",
                               "--set", "authentication.anonymous.userName=CONTOSO\\anon", "--set",
                               "authentication.anonymous.passwordValid=unknown"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const nlohmann::ordered_json doc = nlohmann::ordered_json::parse(run.out);
    EXPECT_EQ(doc["http"]["status"], 200);
    const nlohmann::ordered_json expected = nlohmann::ordered_json::parse(
        R"([{"setting": "authentication.anonymous.passwordValid",
             "text": "whether the stored password of CONTOSO\\anon is right; if it is wrong: 401.1"}])");
    EXPECT_EQ(doc["dependsOn"], expected);
    EXPECT_EQ(keyAfter(doc, "findings"), "dependsOn");
    // The step that relied on it says so too.
    int saying = 0;
    for (const auto &step : doc["steps"]) {
        if (step.contains("dependsOn")) {
            EXPECT_EQ(step["stage"], "authentication");
            ++saying;
        }
    }
    EXPECT_EQ(saying, 1);
    // The input is not known; the rules are as sure as ever.
    EXPECT_EQ(doc["confidence"], "confirmed");
}

TEST(CliExplain, JsonDependsOnIsEmptyWhenEverythingIsKnown) {
    const Outcome run = iisid({"explain", "--format", "json", "--set", "handler.kind=static"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const nlohmann::json doc = parseJson(run);
    ASSERT_TRUE(doc["dependsOn"].is_array());
    EXPECT_TRUE(doc["dependsOn"].empty());
}

TEST(CliExplain, TextShowsDependenciesAfterTheResultAndAtTheirSteps) {
    const Outcome run = iisid({"explain", "--color", "never", "--set", "content.path=\\\\FS1\\web",
                               "--set", "content.connectAs=CONTOSO\\uncuser", "--set",
                               "content.connectAsPasswordValid=unknown"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const std::size_t result = run.out.find("\nResult\n");
    const std::size_t block = run.out.find("\nDepends on\n");
    ASSERT_NE(block, std::string::npos) << run.out;
    EXPECT_GT(block, result);
    EXPECT_NE(run.out.find("\nDepends on\n  ? whether the stored password of the Connect-as "
                           "account CONTOSO\\uncuser is right; if it is wrong:\n    500.19 (IIS "
                           "cannot read web.config) [content.connectAsPasswordValid]\n"),
              std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("\n    Depends on: whether the stored password of the Connect-as "
                           "account CONTOSO\\uncuser is right;"),
              std::string::npos)
        << run.out;
    // Nothing unknown: no block.
    const Outcome known = iisid({"explain", "--color", "never", "--set", "handler.kind=static"});
    EXPECT_EQ(known.out.find("Depends on"), std::string::npos) << known.out;
}

TEST(CliExplain, JsonHttpIsNullOutsideARequest) {
    const Outcome run =
        iisid({"explain", kScenarios + "asp-session-onend.iisid.json", "--format", "json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const nlohmann::json doc = parseJson(run);
    EXPECT_TRUE(doc["http"].is_null());
    EXPECT_EQ(doc["identities"]["code"], "NT AUTHORITY\\IUSR");
}

TEST(CliExplain, SetBuildsAScenarioWithoutAFile) {
    const Outcome run =
        iisid({"explain", "--format", "json", "--set", "server.iisVersion=6.0", "--set",
               "handler.kind=cgi", "--set", "handler.createProcessAsUser=false"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const nlohmann::json doc = parseJson(run);
    EXPECT_EQ(doc["http"]["status"], 200);
    EXPECT_EQ(doc["identities"]["process"], "NT AUTHORITY\\NETWORK SERVICE");
    EXPECT_TRUE(doc["identities"]["thread"].is_null());
    EXPECT_EQ(doc["identities"]["network"], "CONTOSO\\WEB01$");
    EXPECT_EQ(doc["confidence"], "confirmed");
}

TEST(CliExplain, SetOverridesTheFile) {
    const Outcome run =
        iisid({"explain", "--format", "json", "--set", "handler.createProcessAsUser=true",
               kScenarios + "seed-cgi-create-process-as-user-false.iisid.json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const nlohmann::json doc = parseJson(run);
    // F3.20: true starts the CGI as the authenticated user, IUSR_WEB01 on IIS 6.
    EXPECT_EQ(doc["identities"]["process"], "WEB01\\IUSR_WEB01");
}

TEST(CliExplain, ReadsStandardInput) {
    const Outcome run =
        iisid({"explain", "-", "--format", "json"},
              "{\"format\": \"iisid-scenario/1\", \"handler\": {\"kind\": \"asp\"}}");
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(parseJson(run)["identities"]["thread"], "NT AUTHORITY\\IUSR");
}

// --- bad input -----------------------------------------------------------------------------------

TEST(CliExplain, BadFileExitsTwoWithLineAndColumn) {
    const fs::path path = writeTemp("bad.iisid.json", "{\n  \"format\": \"iisid-scenario/1\",\n"
                                                      "  \"handler\": { \"kind\": \"php\" }\n}\n");
    const Outcome run = iisid({"explain", path.string()});
    fs::remove(path);
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.out.empty()) << run.out;
    EXPECT_EQ(run.err, path.string() +
                           ":3:24: error: invalid value \"php\" for \"handler.kind\"; allowed: "
                           "static, isapiFilter, isapiExtension, asp, aspnet, cgi, fastcgi, "
                           "aspnetCore\n");
}

// A scenario saved by a Windows editor in Windows-1252: the é of "Café" is the byte 0xE9. Both
// output formats refuse it the same way, before anything is explained (it once aborted the JSON
// output and garbled the text one).
TEST(CliExplain, Windows1252FileExitsTwoWithLineAndColumn) {
    const fs::path path = writeTemp("cafe.iisid.json", "{\n  \"format\": \"iisid-scenario/1\",\n"
                                                       "  \"title\": \"Caf\xE9 site\"\n}\n");
    for (const char *format : {"json", "text"}) {
        const Outcome run = iisid({"explain", path.string(), "--format", format});
        EXPECT_EQ(run.exitCode, 2) << format;
        EXPECT_TRUE(run.out.empty()) << run.out;
        EXPECT_EQ(run.err, path.string() +
                               ":3:16: error: invalid UTF-8: byte 0xE9 is not part of a UTF-8 "
                               "character; the text must be UTF-8, and this looks like "
                               "Windows-1252 or Latin-1 (save the file as UTF-8)\n");
    }
    fs::remove(path);
}

TEST(CliExplain, SetValueThatIsNotUtf8ExitsTwo) {
    const Outcome run = iisid({"explain", "--set", "title=Caf\xE9", "--format", "json"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.out.empty()) << run.out;
    EXPECT_EQ(run.err, "--set title=Caf\xE9:1:10: error: invalid UTF-8: byte 0xE9 is not part of a "
                       "UTF-8 character; the text must be UTF-8, and this looks like Windows-1252 "
                       "or Latin-1 (save the file as UTF-8)\n");
}

TEST(CliExplain, MalformedJsonExitsTwo) {
    const fs::path path =
        writeTemp("broken.iisid.json", "{\n  \"format\": \"iisid-scenario/1\"\n  \"x\": 1\n}");
    const Outcome run = iisid({"explain", path.string(), "--format", "json"});
    fs::remove(path);
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.out.empty()) << run.out;
    EXPECT_EQ(run.err,
              path.string() + ":3:3: error: expected ',' or '}' in an object but found '\"'\n");
}

TEST(CliExplain, SettingThatDoesNotFitTheVersionExitsTwo) {
    const fs::path path = writeTemp(
        "v6.iisid.json", "{\n  \"format\": \"iisid-scenario/1\",\n"
                         "  \"server\": { \"iisVersion\": \"6.0\" },\n"
                         "  \"appPool\": { \"identity\": \"ApplicationPoolIdentity\" }\n}\n");
    const Outcome run = iisid({"explain", path.string()});
    fs::remove(path);
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_EQ(run.err, path.string() +
                           ":4:28: error: \"appPool.identity\": ApplicationPoolIdentity exists "
                           "from IIS 7.0 (Windows Server 2008 SP2) on; IIS 6.0 offers LocalSystem, "
                           "LocalService, NetworkService and SpecificUser\n");
}

TEST(CliExplain, BadSetExitsTwo) {
    const Outcome run = iisid({"explain", "--set", "handler.kind=php"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.out.empty()) << run.out;
    EXPECT_NE(run.err.find("error: invalid value \"php\" for \"handler.kind\"; allowed: static"),
              std::string::npos)
        << run.err;
}

TEST(CliExplain, EmptyOrMalformedNamesExitTwo) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"request.user=",
         "--set request.user=:1:14: error: \"request.user\": the account name is empty\n"},
        {"server.machine=",
         "--set server.machine=:1:16: error: \"server.machine\": the machine name is empty\n"},
        {"appPool.name=",
         "--set appPool.name=:1:14: error: \"appPool.name\": the pool name is empty\n"},
        {"content.connectAs=", "--set content.connectAs=:1:19: error: \"content.connectAs\": the "
                               "account name is empty\n"},
        {"aspnet.userName=",
         "--set aspnet.userName=:1:17: error: \"aspnet.userName\": the account name is empty\n"},
        {"appPool.userName=CONTOSO\\",
         "--set appPool.userName=CONTOSO\\:1:18: error: \"appPool.userName\": the user name after "
         "the '\\' in \"CONTOSO\\\" is empty\n"},
        {"request.user=\\alice",
         "--set request.user=\\alice:1:14: error: \"request.user\": the domain before the '\\' "
         "in \"\\alice\" is empty\n"},
        {"request.user=CONTOSO\\a*b",
         "--set request.user=CONTOSO\\a*b:1:14: error: \"request.user\": the account name "
         "\"CONTOSO\\a*b\" contains '*', which Windows does not allow in names\n"},
    };
    for (const auto &[assignment, message] : cases) {
        const Outcome run = iisid({"explain", "--set", assignment});
        EXPECT_EQ(run.exitCode, 2) << assignment;
        EXPECT_TRUE(run.out.empty()) << run.out;
        EXPECT_EQ(run.err, message);
    }
}

TEST(CliExplain, BlankDomainAndBlankAnonymousUserAreAccepted) {
    const Outcome run = iisid(
        {"explain", "--set", "server.domain=", "--set", "authentication.anonymous.userName="});
    EXPECT_EQ(run.exitCode, 0) << run.err;
}

TEST(CliExplain, MissingFileExitsTwo) {
    const std::string path = "/nonexistent/iisid/none.iisid.json";
    const Outcome run = iisid({"explain", path});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.out.empty()) << run.out;
    EXPECT_EQ(run.err, path + ": error: cannot open the file (No such file or directory)\n");
}

TEST(CliExplain, UnknownFormatIsAUsageError) {
    const Outcome run = iisid({"explain", "--format", "xml", "--set", "handler.kind=asp"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.out.empty()) << run.out;
    EXPECT_FALSE(run.err.empty());
}

// --- version, help
// ---------------------------------------------------------------------------------

TEST(Cli, VersionExitsZero) {
    const Outcome run = iisid({"--version"});
    EXPECT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(run.out.rfind("iisid ", 0), 0u) << run.out;
}

TEST(Cli, HelpExitsZeroAndNamesTheCommands) {
    const Outcome run = iisid({"--help"});
    EXPECT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.out.find("explain"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("settings"), std::string::npos) << run.out;
    const Outcome explainHelp = iisid({"explain", "--help"});
    EXPECT_EQ(explainHelp.exitCode, 0);
    EXPECT_NE(explainHelp.out.find("--set"), std::string::npos) << explainHelp.out;
    EXPECT_NE(explainHelp.out.find("--format"), std::string::npos) << explainHelp.out;
}

TEST(Cli, NoCommandIsAUsageError) {
    const Outcome run = iisid({});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_FALSE(run.err.empty());
}

TEST(Cli, SettingsListsEveryKey) {
    const Outcome run = iisid({"settings", "--iis-version", "6.0"});
    EXPECT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.out.find("  appPool.identity  ("), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("default: NetworkService"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("default: IUSR_WEB01"), std::string::npos) << run.out;
    // The inputs configuration files never tell may be "unknown".
    EXPECT_NE(run.out.find("  request.credentialsValid  (true | false | unknown"),
              std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("  content.readableBy  (list of names (JSON array, or a,b,c) | unknown"),
              std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("  handler.createProcessAsUser  (true | false)"), std::string::npos)
        << run.out;
}

} // namespace
