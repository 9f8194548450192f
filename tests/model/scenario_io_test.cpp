// Reading, checking and writing scenario files (scenario-format.md): every kind of bad input is
// reported with its exact message, file, line and column; --set errors likewise; and what the
// writer writes reads back to the same values.

#include "model/json_document.h"
#include "model/scenario_io.h"
#include "model/settings.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using iisid::Diagnostic;

std::vector<std::string> readErrors(const std::string &text) {
    std::vector<std::string> out;
    const auto loaded = iisid::readScenario(text, "s.iisid.json");
    if (loaded.ok()) {
        for (const Diagnostic &d : iisid::checkScenario(*loaded))
            out.push_back(d.toString());
    } else {
        for (const Diagnostic &d : loaded.errors())
            out.push_back(d.toString());
    }
    return out;
}

std::string oneError(const std::string &text) {
    const std::vector<std::string> errors = readErrors(text);
    EXPECT_EQ(errors.size(), 1u);
    return errors.empty() ? std::string("(no error)") : errors.front();
}

// Scenario text with "format" on line 2 and the rest from line 3 on.
std::string file(const std::string &rest) {
    return "{\n  \"format\": \"iisid-scenario/1\",\n" + rest + "\n}\n";
}

// --- malformed JSON, format ---------------------------------------------------------------------

TEST(ScenarioRead, MalformedJsonNamesLineAndColumn) {
    EXPECT_EQ(oneError(file("  \"title\": \"x\"\n  \"notes\": \"y\"")),
              "s.iisid.json:4:3: error: expected ',' or '}' in an object but found '\"'");
}

TEST(ScenarioRead, UnterminatedStringIsReportedWhereTheLineBreaks) {
    EXPECT_EQ(oneError("{\n  \"format\": \"iisid-scenario/1\n}"),
              "s.iisid.json:2:30: error: unterminated string: a line break inside a string "
              "(write \\n, or close the string)");
}

TEST(ScenarioRead, TextThatIsNotUtf8IsRejectedBeforeParsing) {
    // Saved by a Windows editor in Windows-1252: the é of "Café" is the single byte 0xE9. The
    // file is also malformed JSON further on; the encoding is reported first and alone.
    EXPECT_EQ(
        readErrors(file("  \"title\": \"Caf\xE9 site\",\n  \"handler\": {\"kind\": \"perl\"}\n")),
        std::vector<std::string>{
            "s.iisid.json:3:16: error: invalid UTF-8: byte 0xE9 is not part of a UTF-8 "
            "character; the text must be UTF-8, and this looks like Windows-1252 or Latin-1 "
            "(save the file as UTF-8)"});
    EXPECT_EQ(oneError(std::string("\xFF\xFE{\0}\0", 6)),
              "s.iisid.json:1:1: error: the text is UTF-16 (little-endian, with a byte order "
              "mark); this program reads UTF-8: save the file as UTF-8");
}

TEST(ScenarioRead, AUtf8ByteOrderMarkIsAccepted) {
    const auto loaded =
        iisid::readScenario("\xEF\xBB\xBF" + file("  \"title\": \"Caf\xC3\xA9\""), "s.iisid.json");
    ASSERT_TRUE(loaded.ok()) << loaded.errors().front().toString();
    EXPECT_EQ(loaded->scenario.title, "Caf\xC3\xA9");
}

TEST(ScenarioRead, FromAParsedDocumentTheValuesNameTheirPlace) {
    const auto document =
        iisid::json::parse(file("  \"handler\": {\"kind\": \"cgi\"}"), "parsed.json");
    ASSERT_TRUE(document.ok());
    const auto loaded = iisid::readScenario(document.value());
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(loaded->scenario.handler.kind, iisid::HandlerKind::Cgi);
    EXPECT_EQ(loaded->locations.at("handler.kind"), (iisid::SourceLocation{"parsed.json", 3, 23}));
}

TEST(ScenarioRead, EmptyFile) {
    EXPECT_EQ(oneError(""), "s.iisid.json:1:1: error: the file is empty; a scenario is a JSON "
                            "object");
}

TEST(ScenarioRead, NotAnObject) {
    EXPECT_EQ(oneError("[1, 2]"),
              "s.iisid.json:1:1: error: a scenario must be a JSON object, not an array");
}

TEST(ScenarioRead, MissingFormat) {
    EXPECT_EQ(oneError("{\n  \"title\": \"x\"\n}"),
              "s.iisid.json:1:1: error: missing \"format\": a scenario file starts with "
              "\"format\": \"iisid-scenario/1\"");
}

TEST(ScenarioRead, WrongFormat) {
    EXPECT_EQ(oneError("{\n  \"format\": \"iisid-scenario/2\"\n}"),
              "s.iisid.json:2:13: error: unsupported format \"iisid-scenario/2\"; this program "
              "reads \"iisid-scenario/1\"");
    EXPECT_EQ(oneError("{\n  \"format\": 1\n}"),
              "s.iisid.json:2:13: error: unsupported format a number; this program reads "
              "\"iisid-scenario/1\"");
}

// --- keys, types, values ------------------------------------------------------------------------

TEST(ScenarioRead, UnknownTopLevelKeyListsTheAllowedKeys) {
    EXPECT_EQ(oneError(file("  \"sever\": {}")),
              "s.iisid.json:3:3: error: unknown key \"sever\" at the top level; allowed: format, "
              "title, notes, server, application, appPool, handler, request, authentication, "
              "content, aspnet, asp, action");
}

TEST(ScenarioRead, UnknownNestedKeyListsTheKeysOfItsObject) {
    EXPECT_EQ(oneError(file("  \"appPool\": { \"identiy\": \"LocalSystem\" }")),
              "s.iisid.json:3:16: error: unknown key \"identiy\" in \"appPool\"; allowed: name, "
              "identity, userName, pipeline, canReplaceProcessToken");
    EXPECT_EQ(
        oneError(file("  \"authentication\": {\n    \"anonymous\": { \"user\": \"x\" }\n  }")),
        "s.iisid.json:4:20: error: unknown key \"user\" in \"authentication.anonymous\"; "
        "allowed: enabled, userName, passwordValid, logonMethod");
}

TEST(ScenarioRead, WrongTypes) {
    EXPECT_EQ(oneError(file("  \"handler\": { \"createProcessAsUser\": \"false\" }")),
              "s.iisid.json:3:39: error: \"handler.createProcessAsUser\" must be true or false, "
              "not \"false\"");
    EXPECT_EQ(oneError(file("  \"appPool\": { \"name\": 5 }")),
              "s.iisid.json:3:24: error: \"appPool.name\" must be a string, not 5");
    EXPECT_EQ(oneError(file("  \"server\": \"6.0\"")),
              "s.iisid.json:3:13: error: \"server\" must be an object, not a string");
    EXPECT_EQ(oneError(file("  \"content\": { \"readableBy\": \"Everyone\" }")),
              "s.iisid.json:3:30: error: \"content.readableBy\" must be an array of strings or "
              "\"unknown\", not "
              "\"Everyone\"");
    EXPECT_EQ(oneError(file("  \"content\": { \"readableBy\": [\"Everyone\", 3] }")),
              "s.iisid.json:3:43: error: the items of \"content.readableBy\" must be strings, not "
              "3");
    EXPECT_EQ(oneError(file("  \"title\": 7")),
              "s.iisid.json:3:12: error: \"title\" must be a string, not a number");
}

TEST(ScenarioRead, ValueOutsideTheAllowedOnesListsThem) {
    EXPECT_EQ(oneError(file("  \"server\": { \"iisVersion\": \"9.0\" }")),
              "s.iisid.json:3:29: error: invalid value \"9.0\" for \"server.iisVersion\"; allowed: "
              "5.0, 5.1, 6.0, 7.0, 7.5, 8.0, 8.5, 10.0");
    EXPECT_EQ(oneError(file("  \"handler\": { \"kind\": \"php\" }")),
              "s.iisid.json:3:24: error: invalid value \"php\" for \"handler.kind\"; allowed: "
              "static, isapiFilter, isapiExtension, asp, aspnet, cgi, fastcgi, aspnetCore");
    EXPECT_EQ(oneError(file("  \"appPool\": { \"identity\": \"networkservice\" }")),
              "s.iisid.json:3:28: error: invalid value \"networkservice\" for "
              "\"appPool.identity\"; allowed: LocalSystem, LocalService, NetworkService, "
              "ApplicationPoolIdentity, SpecificUser");
}

TEST(ScenarioRead, EveryProblemIsReportedNotJustTheFirst) {
    const std::vector<std::string> errors =
        readErrors(file("  \"handler\": { \"kind\": \"php\" },\n  \"action\": \"fork\""));
    ASSERT_EQ(errors.size(), 2u);
    EXPECT_EQ(errors[1],
              "s.iisid.json:4:13: error: invalid value \"fork\" for \"action\"; allowed: none, "
              "createProcess, createProcessAsUser, revertToSelf, applicationStart, sessionOnEnd, "
              "beginRequestModule, runImpersonated");
}

TEST(ScenarioRead, NumericVersionAndNullAreAccepted) {
    const auto loaded = iisid::readScenario(
        file("  \"server\": { \"iisVersion\": 7.5 },\n  \"request\": { \"user\": null }"), "s");
    ASSERT_TRUE(loaded.ok()) << loaded.errors().front().toString();
    EXPECT_EQ(loaded->scenario.server.iisVersion, iisid::IisVersion::V7_5);
    EXPECT_FALSE(loaded->scenario.request.user.has_value());
}

// --- settings that do not fit the rest of the scenario (checkScenario) ---------------------------

TEST(ScenarioCheck, PipelineDoesNotExistOnIis6) {
    EXPECT_EQ(oneError(file("  \"server\": { \"iisVersion\": \"6.0\" },\n"
                            "  \"appPool\": { \"pipeline\": \"classic\" }")),
              "s.iisid.json:4:28: error: \"appPool.pipeline\": the managed pipeline mode exists on "
              "IIS 7.0 and later, not on IIS 6.0");
}

TEST(ScenarioCheck, EmptyAnonymousUserNameDoesNotExistOnIis6) {
    EXPECT_EQ(oneError(file("  \"server\": { \"iisVersion\": \"6.0\" },\n"
                            "  \"authentication\": { \"anonymous\": { \"userName\": \"\" } }")),
              "s.iisid.json:4:50: error: \"authentication.anonymous.userName\": an empty "
              "anonymous user name (the application pool identity) exists on IIS 7.0 and later, "
              "not on IIS 6.0");
}

TEST(ScenarioCheck, ApplicationPoolIdentityDoesNotExistOnIis6) {
    EXPECT_EQ(oneError(file("  \"server\": { \"iisVersion\": \"6.0\" },\n"
                            "  \"appPool\": { \"identity\": \"ApplicationPoolIdentity\" }")),
              "s.iisid.json:4:28: error: \"appPool.identity\": ApplicationPoolIdentity exists "
              "from IIS 7.0 (Windows Server 2008 SP2) on; IIS 6.0 offers LocalSystem, "
              "LocalService, NetworkService and SpecificUser");
}

TEST(ScenarioCheck, SpecificUserNeedsAUserName) {
    EXPECT_EQ(oneError(file("  \"appPool\": { \"identity\": \"SpecificUser\" }")),
              "s.iisid.json:3:28: error: \"appPool.identity\": SpecificUser needs appPool.userName "
              "(e.g. \"CONTOSO\\\\svcweb\")");
}

TEST(ScenarioCheck, Iis5HasNoApplicationPools) {
    EXPECT_EQ(oneError(file("  \"server\": { \"iisVersion\": \"5.0\" },\n"
                            "  \"appPool\": { \"name\": \"Shop\" }")),
              "s.iisid.json:4:24: error: \"appPool.name\": IIS 5.0 has no application pools "
              "(applications run in inetinfo.exe or dllhost.exe; set application.protection "
              "instead)");
}

TEST(ScenarioCheck, EmptyNamesPointAtTheValue) {
    EXPECT_EQ(oneError(file("  \"request\": { \"user\": \"\" }")),
              "s.iisid.json:3:24: error: \"request.user\": the account name is empty");
    EXPECT_EQ(oneError(file("  \"server\": { \"machine\": \"\" }")),
              "s.iisid.json:3:26: error: \"server.machine\": the machine name is empty");
    EXPECT_EQ(oneError(file("  \"appPool\": { \"name\": \"\" }")),
              "s.iisid.json:3:24: error: \"appPool.name\": the pool name is empty");
    EXPECT_EQ(oneError(file("  \"content\": {\n    \"connectAs\": \"\"\n  }")),
              "s.iisid.json:4:18: error: \"content.connectAs\": the account name is empty");
    EXPECT_EQ(oneError(file("  \"aspnet\": { \"userName\": \"\" }")),
              "s.iisid.json:3:27: error: \"aspnet.userName\": the account name is empty");
}

TEST(ScenarioCheck, AnAccountNeedsBothSidesOfTheBackslash) {
    EXPECT_EQ(oneError(file("  \"appPool\": { \"identity\": \"SpecificUser\", "
                            "\"userName\": \"CONTOSO\\\\\" }")),
              "s.iisid.json:3:56: error: \"appPool.userName\": the user name after the '\\' in "
              "\"CONTOSO\\\" is empty");
    EXPECT_EQ(oneError(file("  \"request\": { \"user\": \"\\\\alice\" }")),
              "s.iisid.json:3:24: error: \"request.user\": the domain before the '\\' in "
              "\"\\alice\" is empty");
}

TEST(ScenarioCheck, CharactersWindowsForbidsInNames) {
    EXPECT_EQ(oneError(file("  \"request\": { \"user\": \"CONTOSO\\\\a;b\" }")),
              "s.iisid.json:3:24: error: \"request.user\": the account name \"CONTOSO\\a;b\" "
              "contains ';', which Windows does not allow in names");
    EXPECT_EQ(oneError(file("  \"content\": { \"readableBy\": [\"Everyone\", \"a|b\"] }")),
              "s.iisid.json:3:30: error: \"content.readableBy\": the account name \"a|b\" "
              "contains '|', which Windows does not allow in names");
}

TEST(ScenarioCheck, BlankAnonymousUserAndBlankDomainAreValues) {
    // F1.08: "" is the application pool identity (IIS 7+); F2.47: "" is a workgroup server.
    EXPECT_TRUE(readErrors(file("  \"server\": { \"domain\": \"\" },\n"
                                "  \"authentication\": { \"anonymous\": { \"userName\": \"\" } }"))
                    .empty());
}

TEST(ScenarioCheck, AValidScenarioHasNoProblems) {
    EXPECT_TRUE(readErrors(file("  \"server\": { \"iisVersion\": \"7.5\" },\n"
                                "  \"authentication\": { \"anonymous\": { \"userName\": \"\" } }"))
                    .empty());
}

// --- --set
// ----------------------------------------------------------------------------------------

std::string setError(const std::string &assignment) {
    iisid::LoadedScenario loaded;
    const auto problem = iisid::applyAssignment(loaded, assignment, "--set #1");
    return problem ? problem->toString() : std::string("(no error)");
}

TEST(ScenarioSet, Errors) {
    EXPECT_EQ(setError("handlerkind"),
              "--set #1:1:1: error: expected KEY=VALUE (e.g. handler.kind=cgi), not "
              "\"handlerkind\"");
    EXPECT_EQ(setError("=cgi"),
              "--set #1:1:1: error: expected KEY=VALUE (e.g. handler.kind=cgi), not \"=cgi\"");
    EXPECT_EQ(setError("handler.knd=cgi"),
              "--set #1:1:1: error: unknown setting \"handler.knd\"; settings in that group: "
              "handler.kind, handler.createProcessAsUser, handler.fastcgiImpersonate, "
              "handler.fastcgiProtocol, handler.hostingModel, handler.forwardWindowsAuthToken");
    EXPECT_EQ(setError("colour=red"),
              "--set #1:1:1: error: unknown setting \"colour\"; 'iisid settings' lists them all");
    EXPECT_EQ(setError("handler.createProcessAsUser=yes"),
              "--set #1:1:29: error: \"handler.createProcessAsUser\" must be true or false, not "
              "\"yes\"");
    EXPECT_EQ(setError("server.iisVersion=9"),
              "--set #1:1:19: error: invalid value \"9\" for \"server.iisVersion\"; allowed: 5.0, "
              "5.1, 6.0, 7.0, 7.5, 8.0, 8.5, 10.0");
    EXPECT_EQ(setError("content.readableBy=[\"a\", 1]"),
              "--set #1:1:26: error: the items of \"content.readableBy\" must be strings");
    EXPECT_EQ(setError("title=Caf\xE9"),
              "--set #1:1:10: error: invalid UTF-8: byte 0xE9 is not part of a UTF-8 character; "
              "the text must be UTF-8, and this looks like Windows-1252 or Latin-1 (save the file "
              "as UTF-8)");
}

TEST(ScenarioSet, ValuesByType) {
    iisid::LoadedScenario loaded;
    ASSERT_FALSE(iisid::applyAssignment(loaded, "handler.kind=cgi", "a"));
    ASSERT_FALSE(iisid::applyAssignment(loaded, "handler.createProcessAsUser=false", "b"));
    ASSERT_FALSE(
        iisid::applyAssignment(loaded, "content.readableBy=IIS_IUSRS, CONTOSO\\alice", "c"));
    ASSERT_FALSE(iisid::applyAssignment(loaded, "authentication.anonymous.userName=", "d"));
    ASSERT_FALSE(iisid::applyAssignment(loaded, "request.user=CONTOSO\\bob", "e"));
    ASSERT_FALSE(iisid::applyAssignment(loaded, "title=A = B", "f"));
    const iisid::Scenario &s = loaded.scenario;
    EXPECT_EQ(s.handler.kind, iisid::HandlerKind::Cgi);
    EXPECT_EQ(s.handler.createProcessAsUser, false);
    EXPECT_EQ(s.content.readableBy, (std::vector<std::string>{"IIS_IUSRS", "CONTOSO\\alice"}));
    EXPECT_EQ(s.authentication.anonymous.userName, std::string());
    EXPECT_EQ(s.request.user, "CONTOSO\\bob");
    EXPECT_EQ(s.title, "A = B");

    ASSERT_FALSE(iisid::applyAssignment(loaded, "request.user=null", "g"));
    EXPECT_FALSE(loaded.scenario.request.user.has_value());
    ASSERT_FALSE(iisid::applyAssignment(loaded, "content.readableBy=[\"Everyone\"]", "h"));
    EXPECT_EQ(loaded.scenario.content.readableBy, std::vector<std::string>{"Everyone"});
}

// --- "unknown" (Setting::acceptsUnknown) ---------------------------------------------------------

TEST(ScenarioUnknown, ReadFromAFile) {
    const auto loaded = iisid::readScenario(
        file("  \"authentication\": { \"anonymous\": { \"passwordValid\": \"unknown\" } },\n"
             "  \"request\": { \"user\": \"CONTOSO\\\\alice\", \"credentialsValid\": \"unknown\" "
             "},\n"
             "  \"content\": { \"connectAs\": \"CONTOSO\\\\unc\", \"connectAsPasswordValid\": "
             "\"unknown\",\n"
             "               \"readableBy\": \"unknown\" }"),
        "s.iisid.json");
    ASSERT_TRUE(loaded.ok()) << loaded.errors().front().toString();
    const iisid::Scenario &s = loaded->scenario;
    EXPECT_EQ(s.authentication.anonymous.passwordValid, iisid::Known<bool>(iisid::unknown));
    EXPECT_EQ(s.request.credentialsValid, iisid::Known<bool>(iisid::unknown));
    EXPECT_EQ(s.content.connectAsPasswordValid, iisid::Known<bool>(iisid::unknown));
    EXPECT_EQ(s.content.readableBy, iisid::Known<std::vector<std::string>>(iisid::unknown));
    EXPECT_TRUE(iisid::checkScenario(*loaded).empty());
    EXPECT_EQ(loaded->locations.at("content.readableBy").toString(), "s.iisid.json:6:30");
}

TEST(ScenarioUnknown, AWrongWordListsTheAllowedValues) {
    EXPECT_EQ(oneError(file("  \"request\": { \"credentialsValid\": \"maybe\" }")),
              "s.iisid.json:3:36: error: \"request.credentialsValid\" must be true, false or "
              "\"unknown\", not \"maybe\"");
    EXPECT_EQ(oneError(file("  \"content\": { \"readableBy\": \"maybe\" }")),
              "s.iisid.json:3:30: error: \"content.readableBy\" must be an array of strings or "
              "\"unknown\", not \"maybe\"");
    // A setting a configuration file does tell takes no "unknown".
    EXPECT_EQ(oneError(file("  \"handler\": { \"createProcessAsUser\": \"unknown\" }")),
              "s.iisid.json:3:39: error: \"handler.createProcessAsUser\" must be true or false, "
              "not \"unknown\"");
    EXPECT_EQ(setError("authentication.anonymous.passwordValid=maybe"),
              "--set #1:1:40: error: \"authentication.anonymous.passwordValid\" must be true, "
              "false or unknown, not \"maybe\"");
}

TEST(ScenarioUnknown, SetOnTheCommandLine) {
    iisid::LoadedScenario loaded;
    ASSERT_FALSE(iisid::applyAssignment(loaded, "content.readableBy=unknown", "a"));
    ASSERT_FALSE(iisid::applyAssignment(loaded, "request.credentialsValid=unknown", "b"));
    EXPECT_EQ(loaded.scenario.content.readableBy,
              iisid::Known<std::vector<std::string>>(iisid::unknown));
    EXPECT_EQ(loaded.scenario.request.credentialsValid, iisid::Known<bool>(iisid::unknown));
    EXPECT_EQ(loaded.locations.at("content.readableBy").toString(), "a:1:20");
    // An account that is really called "unknown" is written as a list.
    ASSERT_FALSE(iisid::applyAssignment(loaded, "content.readableBy=[\"unknown\"]", "c"));
    EXPECT_EQ(loaded.scenario.content.readableBy,
              iisid::Known<std::vector<std::string>>(std::vector<std::string>{"unknown"}));
    ASSERT_FALSE(iisid::applyAssignment(loaded, "request.credentialsValid=true", "d"));
    EXPECT_EQ(loaded.scenario.request.credentialsValid, iisid::Known<bool>(true));
}

TEST(ScenarioUnknown, WrittenAndReadBack) {
    iisid::Scenario s;
    s.authentication.anonymous.passwordValid = iisid::unknown;
    s.content.readableBy = iisid::unknown;
    const std::string written = iisid::writeScenario(s);
    EXPECT_EQ(written, "{\n"
                       "  \"format\": \"iisid-scenario/1\",\n"
                       "  \"authentication\": {\n"
                       "    \"anonymous\": {\n"
                       "      \"passwordValid\": \"unknown\"\n"
                       "    }\n"
                       "  },\n"
                       "  \"content\": {\n"
                       "    \"readableBy\": \"unknown\"\n"
                       "  }\n"
                       "}\n");
    const auto back = iisid::readScenario(written, "out");
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(iisid::writeScenario(back->scenario), written);
    EXPECT_EQ(back->scenario.content.readableBy,
              iisid::Known<std::vector<std::string>>(iisid::unknown));
}

TEST(ScenarioSet, VersionsWithoutTheDotZeroAndQuotedStrings) {
    iisid::LoadedScenario loaded;
    ASSERT_FALSE(iisid::applyAssignment(loaded, "server.iisVersion=10", "a"));
    EXPECT_EQ(loaded.scenario.server.iisVersion, iisid::IisVersion::V10_0);
    ASSERT_FALSE(iisid::applyAssignment(loaded, "server.iisVersion=6", "b"));
    EXPECT_EQ(loaded.scenario.server.iisVersion, iisid::IisVersion::V6_0);
    // A shell user writes the empty string as in a file.
    ASSERT_FALSE(iisid::applyAssignment(loaded, "authentication.anonymous.userName=\"\"", "c"));
    EXPECT_EQ(loaded.scenario.authentication.anonymous.userName, std::string());
    ASSERT_FALSE(iisid::applyAssignment(loaded, "request.user=\"CONTOSO\\\\alice\"", "d"));
    EXPECT_EQ(loaded.scenario.request.user, "CONTOSO\\alice");
}

TEST(ScenarioSet, EmptyNamesAreReportedAtTheValue) {
    const auto check = [](const std::string &assignment) {
        iisid::LoadedScenario loaded;
        EXPECT_FALSE(iisid::applyAssignment(loaded, assignment, "--set #1"));
        const std::vector<Diagnostic> problems = iisid::checkScenario(loaded);
        return problems.size() == 1 ? problems[0].toString() : std::string("(not one error)");
    };
    EXPECT_EQ(check("request.user="),
              "--set #1:1:14: error: \"request.user\": the account name is empty");
    EXPECT_EQ(check("server.machine=\"\""),
              "--set #1:1:16: error: \"server.machine\": the machine name is empty");
    EXPECT_EQ(check("appPool.userName=\\alice"),
              "--set #1:1:18: error: \"appPool.userName\": the domain before the '\\' in "
              "\"\\alice\" is empty");
    EXPECT_EQ(check("server.domain="), "(not one error)"); // a workgroup server
}

TEST(ScenarioSet, ACheckPointsAtTheAssignment) {
    iisid::LoadedScenario loaded;
    ASSERT_FALSE(iisid::applyAssignment(loaded, "server.iisVersion=6.0", "--set #1"));
    ASSERT_FALSE(iisid::applyAssignment(loaded, "appPool.pipeline=classic", "--set #2"));
    const std::vector<Diagnostic> problems = iisid::checkScenario(loaded);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].toString(),
              "--set #2:1:18: error: \"appPool.pipeline\": the managed pipeline mode exists on IIS "
              "7.0 and later, not on IIS 6.0");
}

// --- writing
// ----------------------------------------------------------------------------------------

TEST(ScenarioWrite, RoundTripGivesTheSameValues) {
    const std::string text = file(
        "  \"title\": \"Round trip\",\n"
        "  \"notes\": \"Line one.\\nLine \\\"two\\\".\",\n"
        "  \"server\": { \"iisVersion\": \"8.5\", \"machine\": \"SRV\", \"domain\": \"FABRIKAM\",\n"
        "              \"kerberosDelegation\": true, \"iis6Mode\": \"iis5Isolation\" },\n"
        "  \"application\": { \"protection\": \"high\" },\n"
        "  \"appPool\": { \"name\": \"Shop\", \"identity\": \"SpecificUser\",\n"
        "               \"userName\": \"FABRIKAM\\\\svc\", \"pipeline\": \"classic\",\n"
        "               \"canReplaceProcessToken\": true },\n"
        "  \"authentication\": {\n"
        "    \"anonymous\": { \"enabled\": false, \"userName\": \"\",\n"
        "                   \"passwordValid\": false, \"logonMethod\": \"batch\" },\n"
        "    \"basic\": { \"enabled\": true, \"logonMethod\": \"network\" },\n"
        "    \"digest\": { \"enabled\": true },\n"
        "    \"windows\": { \"enabled\": true, \"useKernelMode\": false,\n"
        "                 \"useAppPoolCredentials\": true },\n"
        "    \"clientCertificate\": { \"enabled\": true, \"required\": false }\n"
        "  },\n"
        "  \"request\": { \"user\": \"FABRIKAM\\\\ann\", \"scheme\": \"digest\",\n"
        "               \"credentialsValid\": false, \"sendsCredentials\": \"always\" },\n"
        "  \"content\": { \"path\": \"\\\\\\\\FS1\\\\web\", \"connectAs\": \"FABRIKAM\\\\unc\",\n"
        "               \"connectAsPasswordValid\": false,\n"
        "               \"readableBy\": [\"Everyone\", \"IIS_IUSRS\"] },\n"
        "  \"handler\": { \"kind\": \"aspnet\", \"createProcessAsUser\": false,\n"
        "               \"fastcgiImpersonate\": true, \"fastcgiProtocol\": \"tcp\",\n"
        "               \"hostingModel\": \"outOfProcess\", \"forwardWindowsAuthToken\": false },\n"
        "  \"aspnet\": { \"impersonate\": true, \"userName\": \"FABRIKAM\\\\app\",\n"
        "              \"validateIntegratedModeConfiguration\": false,\n"
        "              \"authenticationMode\": \"forms\",\n"
        "              \"processModelUserName\": \"System\" },\n"
        "  \"asp\": { \"runOnEndAnonymously\": false },\n"
        "  \"action\": \"runImpersonated\"");
    const auto first = iisid::readScenario(text, "in");
    ASSERT_TRUE(first.ok()) << first.errors().front().toString();
    const std::string written = iisid::writeScenario(first->scenario);
    const auto second = iisid::readScenario(written, "out");
    ASSERT_TRUE(second.ok()) << second.errors().front().toString() << "\n" << written;

    EXPECT_EQ(second->scenario.title, "Round trip");
    EXPECT_EQ(second->scenario.notes, "Line one.\nLine \"two\".");
    for (const iisid::Setting &setting : iisid::settings()) {
        EXPECT_EQ(iisid::displayValue(setting.get(second->scenario)),
                  iisid::displayValue(setting.get(first->scenario)))
            << setting.id;
        EXPECT_FALSE(std::holds_alternative<std::monostate>(setting.get(second->scenario)))
            << setting.id << " was written in the input and lost on the way";
    }
    EXPECT_EQ(second->scenario.content.path, "\\\\FS1\\web");
    EXPECT_EQ(iisid::writeScenario(second->scenario), written);
}

TEST(ScenarioWrite, WritesOnlyWhatIsSetInCatalogueOrder) {
    iisid::Scenario s;
    s.handler.kind = iisid::HandlerKind::Cgi;
    s.server.iisVersion = iisid::IisVersion::V6_0;
    EXPECT_EQ(iisid::writeScenario(s), "{\n"
                                       "  \"format\": \"iisid-scenario/1\",\n"
                                       "  \"server\": {\n"
                                       "    \"iisVersion\": \"6.0\"\n"
                                       "  },\n"
                                       "  \"handler\": {\n"
                                       "    \"kind\": \"cgi\"\n"
                                       "  }\n"
                                       "}\n");
}

} // namespace
