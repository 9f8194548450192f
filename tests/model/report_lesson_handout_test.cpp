#include "model/report/lesson_handout.h"
#include "model/report/report_html.h"
#include "model/report/report_markdown.h"
#include "model/resolver.h"

#include "report_test_support.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace iisid::report {
namespace {

namespace fs = std::filesystem;

HandoutLesson bundled(const std::string &name) {
    const fs::path path = fs::path(IISID_SOURCE_DIR) / "resources" / "lessons" / name;
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    Result<Lesson> lesson = readLesson(text.str(), path.string());
    EXPECT_TRUE(lesson) << name;
    Resolution resolution = resolve(lesson.value().scenario);
    return {lesson.value(), std::move(resolution), test::stubSvg};
}

std::vector<HandoutLesson> twoLessons() {
    return {bundled("01-wrong-iusr-password.json"), bundled("03-cgi-502-perl.json")};
}

TEST(LessonHandout, QuestionsFirstThenEachAnswerAfterAPageBreak) {
    const std::vector<HandoutLesson> lessons = twoLessons();
    const Document document = lessonHandout(lessons, test::fixedMeta());
    EXPECT_EQ(document.kind, "Lesson handout");
    std::vector<std::string> headings;
    std::size_t pageBreaks = 0;
    std::size_t figures = 0;
    for (std::size_t i = 0; i < document.blocks.size(); ++i) {
        const Block &block = document.blocks[i];
        if (std::holds_alternative<PageBreak>(block)) {
            ++pageBreaks;
            ASSERT_LT(i + 1, document.blocks.size());
            const auto *next = std::get_if<Heading>(&document.blocks[i + 1]);
            ASSERT_NE(next, nullptr);
            EXPECT_EQ(next->text.rfind("Answer ", 0), 0u) << next->text;
        }
        figures += std::holds_alternative<Figure>(block) ? 1 : 0;
        if (const auto *heading = std::get_if<Heading>(&block); heading && heading->level == 2)
            headings.push_back(heading->text);
    }
    EXPECT_EQ(pageBreaks, lessons.size());
    EXPECT_EQ(figures, lessons.size());
    EXPECT_EQ(headings, (std::vector<std::string>{"1. " + lessons[0].lesson.title,
                                                  "2. " + lessons[1].lesson.title,
                                                  "Answer 1: " + lessons[0].lesson.title,
                                                  "Answer 2: " + lessons[1].lesson.title}));
}

TEST(LessonHandout, AnswerIsTheChoiceTheModelResolves) {
    const std::vector<HandoutLesson> lessons = twoLessons();
    const std::string markdown = toMarkdown(lessonHandout(lessons, test::fixedMeta()));
    for (const HandoutLesson &item : lessons) {
        const std::optional<int> right = correctChoice(item.lesson, item.resolution);
        ASSERT_TRUE(right) << item.lesson.id;
        const std::size_t index = static_cast<std::size_t>(*right);
        EXPECT_NE(markdown.find("> **Answer " + choiceLetter(index) + ":** `" +
                                item.lesson.choices[index] + "`"),
                  std::string::npos)
            << markdown;
        EXPECT_NE(markdown.find("- **" + choiceLetter(index) + ".** `" +
                                item.lesson.choices[index] + "`"),
                  std::string::npos);
    }
    // The questions come before any answer.
    EXPECT_LT(markdown.find(lessons[1].lesson.question), markdown.find("Answer 1:"));
}

TEST(LessonHandout, HtmlBreaksThePageBeforeEachAnswer) {
    const std::string html = toHtml(lessonHandout(twoLessons(), test::fixedMeta()));
    pugi::xml_document parsed;
    ASSERT_TRUE(test::parseHtml(html, parsed));
    EXPECT_TRUE(test::externalResources(parsed).empty());
    EXPECT_EQ(test::occurrences(html, "<div class=\"page-break\"></div>\n<h2>Answer "), 2u);
}

TEST(LessonHandout, SecretsAreRedacted) {
    std::vector<HandoutLesson> lessons = twoLessons();
    lessons[0].lesson.story += " The old one was Password=hunter2;";
    const Document document = lessonHandout(lessons, test::fixedMeta());
    EXPECT_EQ(toHtml(document).find("hunter2"), std::string::npos);
    EXPECT_EQ(toMarkdown(document).find("hunter2"), std::string::npos);
}

TEST(LessonHandout, HandoutLessonIsTheResolversAnswerWithItsDiagram) {
    const HandoutLesson stub = bundled("03-cgi-502-perl.json");
    const HandoutLesson item = handoutLesson(stub.lesson);
    EXPECT_EQ(item.lesson.id, stub.lesson.id);
    EXPECT_EQ(correctChoice(item.lesson, item.resolution),
              correctChoice(stub.lesson, stub.resolution));
    EXPECT_EQ(item.resolution.steps.size(), stub.resolution.steps.size());
    EXPECT_NE(item.diagramSvg.find("<svg"), std::string::npos) << item.diagramSvg.substr(0, 80);
}

TEST(LessonHandout, ChoiceLettersFollowTheAlphabet) {
    EXPECT_EQ(choiceLetter(0), "A");
    EXPECT_EQ(choiceLetter(3), "D");
}

} // namespace
} // namespace iisid::report
