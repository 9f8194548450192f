#include "model/compare.h"
#include "model/lesson.h"
#include "model/resolver.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace iisid {
namespace {

const char *const minimalLesson = R"({
  "format": "iisid-lesson/1",
  "id": "upload",
  "title": "The upload folder",
  "story": "My ASP.NET page saves uploads.",
  "question": "Which account needs write permission on uploads?",
  "answerField": "code",
  "choices": ["NT AUTHORITY\\IUSR", "IIS APPPOOL\\DefaultAppPool"],
  "scenario": {
    "format": "iisid-scenario/1",
    "server": { "iisVersion": "10.0" },
    "handler": { "kind": "aspnet" }
  }
})";

std::string readText(const std::filesystem::path &path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::vector<std::string> messages(const std::vector<Diagnostic> &errors) {
    std::vector<std::string> out;
    for (const Diagnostic &d : errors)
        out.push_back(d.toString());
    return out;
}

std::string replaced(std::string text, const std::string &from, const std::string &to) {
    text.replace(text.find(from), from.size(), to);
    return text;
}

TEST(Lesson, ReadsAllMembers) {
    Result<Lesson> lesson = readLesson(minimalLesson, "upload.json");
    ASSERT_TRUE(lesson.ok()) << messages(lesson.errors()).front();
    EXPECT_EQ(lesson->id, "upload");
    EXPECT_EQ(lesson->title, "The upload folder");
    EXPECT_EQ(lesson->story, "My ASP.NET page saves uploads.");
    EXPECT_EQ(lesson->question, "Which account needs write permission on uploads?");
    EXPECT_EQ(lesson->answerField, "code");
    EXPECT_EQ(lesson->choices,
              (std::vector<std::string>{"NT AUTHORITY\\IUSR", "IIS APPPOOL\\DefaultAppPool"}));
    EXPECT_EQ(lesson->scenario.server.iisVersion, IisVersion::V10_0);
    EXPECT_EQ(lesson->scenario.handler.kind, HandlerKind::AspNet);
}

TEST(Lesson, CorrectChoiceComesFromTheModel) {
    Result<Lesson> lesson = readLesson(minimalLesson, "upload.json");
    ASSERT_TRUE(lesson.ok());
    EXPECT_EQ(correctChoice(*lesson, resolve(lesson->scenario)), 1);

    // The same lesson with a static handler: the model now says IUSR.
    Lesson staticLesson = *lesson;
    staticLesson.scenario.handler.kind = HandlerKind::Static;
    EXPECT_EQ(correctChoice(staticLesson, resolve(staticLesson.scenario)), 0);
}

TEST(Lesson, CorrectChoiceIgnoresCaseAndMatchesNone) {
    Lesson lesson;
    lesson.answerField = "thread";
    lesson.choices = {"nt authority\\iusr", "(none)"};
    Scenario s;
    s.server.iisVersion = IisVersion::V10_0;
    EXPECT_EQ(correctChoice(lesson, resolve(s)), 0);
    s.handler.kind = HandlerKind::AspNet; // no impersonation: the thread field is empty
    EXPECT_EQ(correctChoice(lesson, resolve(s)), 1);
    lesson.choices = {"NT AUTHORITY\\SYSTEM", "CONTOSO\\alice"};
    EXPECT_EQ(correctChoice(lesson, resolve(s)), std::nullopt);
}

TEST(Lesson, MalformedJsonNamesLineAndColumn) {
    Result<Lesson> lesson = readLesson("{\n  \"id\": }", "bad.json");
    ASSERT_FALSE(lesson.ok());
    EXPECT_EQ(lesson.errors().front().location.line, 2);
    EXPECT_EQ(lesson.errors().front().location.column, 9);
}

TEST(Lesson, TextThatIsNotUtf8IsRejectedWithItsPlace) {
    // The story saved in Windows-1252: "café" with the single byte 0xE9.
    const std::string text = replaced(minimalLesson, "saves uploads.", "saves caf\xE9 uploads.");
    Result<Lesson> lesson = readLesson(text, "bad.json");
    ASSERT_FALSE(lesson.ok());
    EXPECT_EQ(messages(lesson.errors()),
              std::vector<std::string>{
                  "bad.json:5:38: error: invalid UTF-8: byte 0xE9 is not part of a UTF-8 "
                  "character; the text must be UTF-8, and this looks like Windows-1252 or Latin-1 "
                  "(save the file as UTF-8)"});
}

TEST(Lesson, UnknownKeyAndBadFieldAreReported) {
    std::string text =
        replaced(minimalLesson, "\"answerField\": \"code\"", "\"answerField\": \"user\"");
    text = replaced(text, "\"id\": \"upload\"", "\"id\": \"upload\", \"answer\": 1");
    Result<Lesson> lesson = readLesson(text, "bad.json");
    ASSERT_FALSE(lesson.ok());
    EXPECT_EQ(messages(lesson.errors()),
              (std::vector<std::string>{
                  "bad.json:3:19: error: unknown key \"answer\" at the top level; allowed: "
                  "format, id, title, story, scenario, question, choices, answerField",
                  "bad.json:7:18: error: unknown answerField \"user\"; allowed: http, worker, "
                  "process, thread, code, content, child, network"}));
}

TEST(Lesson, ChoicesAreCheckedForCountAndRepeats) {
    std::string text =
        replaced(minimalLesson, "[\"NT AUTHORITY\\\\IUSR\", \"IIS APPPOOL\\\\DefaultAppPool\"]",
                 "[\"200\", \"200\"]");
    Result<Lesson> lesson = readLesson(text, "bad.json");
    ASSERT_FALSE(lesson.ok());
    EXPECT_EQ(messages(lesson.errors()),
              std::vector<std::string>{"bad.json:8:22: error: choice \"200\" is listed twice"});

    text = replaced(minimalLesson, "[\"NT AUTHORITY\\\\IUSR\", \"IIS APPPOOL\\\\DefaultAppPool\"]",
                    "[\"200\"]");
    lesson = readLesson(text, "bad.json");
    ASSERT_FALSE(lesson.ok());
    EXPECT_EQ(messages(lesson.errors()),
              std::vector<std::string>{
                  "bad.json:8:14: error: \"choices\" must hold 2 to 4 strings, not 1"});
}

TEST(Lesson, ScenarioErrorsKeepTheLessonFilePosition) {
    std::string text = replaced(minimalLesson, "\"kind\": \"aspnet\"", "\"kind\": \"perl\"");
    Result<Lesson> lesson = readLesson(text, "bad.json");
    ASSERT_FALSE(lesson.ok());
    ASSERT_EQ(lesson.errors().size(), 1u);
    EXPECT_EQ(lesson.errors()[0].location.file, "bad.json");
    EXPECT_EQ(lesson.errors()[0].location.line, 12);
    EXPECT_EQ(lesson.errors()[0].location.column, 26);
    EXPECT_NE(lesson.errors()[0].message.find("aspnet"), std::string::npos)
        << lesson.errors()[0].message;
}

TEST(Lesson, MissingMembersAreEachReported) {
    Result<Lesson> lesson = readLesson("{\"format\": \"iisid-lesson/1\"}", "empty.json");
    ASSERT_FALSE(lesson.ok());
    EXPECT_EQ(lesson.errors().size(), 7u);
    EXPECT_EQ(lesson.errors()[0].toString(), "empty.json:1:1: error: missing \"id\"");
}

// Every bundled lesson reads, and exactly one of its choices is what the model resolves.
TEST(BundledLessons, ReadAndHaveOneCorrectChoice) {
    const std::filesystem::path dir = IISID_LESSON_DIR;
    std::vector<std::filesystem::path> files;
    for (const auto &entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() == ".json")
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    EXPECT_GE(files.size(), 12u);

    std::map<std::string, std::string> ids;
    for (const std::filesystem::path &file : files) {
        SCOPED_TRACE(file.filename().string());
        Result<Lesson> lesson = readLesson(readText(file), file.filename().string());
        ASSERT_TRUE(lesson.ok()) << messages(lesson.errors()).front();
        EXPECT_TRUE(ids.emplace(lesson->id, file.filename().string()).second)
            << "duplicate id " << lesson->id;
        EXPECT_GE(lesson->choices.size(), 3u);
        const Resolution resolution = resolve(lesson->scenario);
        std::optional<int> correct = correctChoice(*lesson, resolution);
        ASSERT_TRUE(correct) << "no choice equals the model's "
                             << fieldValue(resolution, lesson->answerField).value_or("(none)");
        int matches = 0;
        for (const std::string &choice : lesson->choices) {
            Lesson single = *lesson;
            single.choices = {choice};
            matches += correctChoice(single, resolution).has_value() ? 1 : 0;
        }
        EXPECT_EQ(matches, 1);
        EXPECT_TRUE(decidingStep(resolution, lesson->answerField).has_value());
    }
}

// The answers the lessons teach, as the model resolves them today.
TEST(BundledLessons, TeachTheExpectedAnswers) {
    const std::map<std::string, std::string> expected = {
        {"01-wrong-iusr-password.json", "401.1"},
        {"02-stsadm-wscript-shell.json", "NT AUTHORITY\\NETWORK SERVICE"},
        {"03-cgi-502-perl.json", "NT AUTHORITY\\NETWORK SERVICE"},
        {"04-asp-windows-auth.json", "CONTOSO\\anil"},
        {"05-asp-revert-to-self.json", "NT AUTHORITY\\NETWORK SERVICE"},
        {"06-low-privilege-iusr.json", "WEB01\\FileWriter"},
        {"07-application-start.json", "NT AUTHORITY\\NETWORK SERVICE"},
        {"08-php-isapi.json", "WEB01\\IUSR_WEB01"},
        {"09-php-fastcgi-default.json", "IIS APPPOOL\\DefaultAppPool"},
        {"10-php-fastcgi-impersonate.json", "NT AUTHORITY\\IUSR"},
        {"11-http-500-24.json", "500.24"},
        {"12-anonymous-user-empty.json", "IIS APPPOOL\\Shop"},
        {"13-unc-connect-as.json", "CONTOSO\\webcontent"},
        {"14-kerberos-custom-pool.json", "401.2"},
        {"15-double-hop.json", "NT AUTHORITY\\ANONYMOUS LOGON"},
        {"16-iis-iusrs-write.json", "NT AUTHORITY\\IUSR"},
        {"17-aspnet-upload.json", "IIS APPPOOL\\DefaultAppPool"},
        {"18-cgi-no-create-process-as-user.json", "NT AUTHORITY\\NETWORK SERVICE"},
    };
    for (const auto &[file, answer] : expected) {
        SCOPED_TRACE(file);
        const std::filesystem::path path = std::filesystem::path(IISID_LESSON_DIR) / file;
        ASSERT_TRUE(std::filesystem::exists(path));
        Result<Lesson> lesson = readLesson(readText(path), file);
        ASSERT_TRUE(lesson.ok());
        std::optional<int> correct = correctChoice(*lesson, resolve(lesson->scenario));
        ASSERT_TRUE(correct);
        EXPECT_EQ(lesson->choices[static_cast<std::size_t>(*correct)], answer);
    }
}

} // namespace
} // namespace iisid
