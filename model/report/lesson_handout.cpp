#include "lesson_handout.h"

#include "report_sections.h"

#include "model/diagram/diagram_svg.h"
#include "model/resolver.h"
#include "model/result_fields.h"

namespace iisid::report {

namespace {

void appendQuestion(std::vector<Block> &blocks, const Lesson &lesson, std::size_t number) {
    blocks.push_back(Heading{2, std::to_string(number) + ". " + lesson.title});
    blocks.push_back(Paragraph{plain(lesson.story), Tone::Normal});
    blocks.push_back(Paragraph{strong(lesson.question), Tone::Note});
    List choices{false, {}};
    for (std::size_t i = 0; i < lesson.choices.size(); ++i)
        choices.items.push_back(
            {strong(choiceLetter(i) + ".") + plain(" ") + code(lesson.choices[i])});
    blocks.push_back(std::move(choices));
}

void appendAnswer(std::vector<Block> &blocks, const HandoutLesson &item, std::size_t number) {
    const Lesson &lesson = item.lesson;
    blocks.push_back(PageBreak{});
    blocks.push_back(Heading{2, "Answer " + std::to_string(number) + ": " + lesson.title});
    blocks.push_back(Paragraph{emphasis(lesson.question), Tone::Normal});
    const std::optional<int> right = correctChoice(lesson, item.resolution);
    const std::optional<std::string> value = fieldValue(item.resolution, lesson.answerField);
    if (right) {
        const std::size_t index = static_cast<std::size_t>(*right);
        blocks.push_back(
            Paragraph{strong("Answer " + choiceLetter(index) + ": ") + code(lesson.choices[index]),
                      Tone::Note});
    } else {
        blocks.push_back(Paragraph{strong("None of the choices is what the model resolves: ") +
                                       valueText(value, noneChoice),
                                   Tone::Warning});
    }
    if (const std::optional<std::size_t> deciding =
            decidingStep(item.resolution, lesson.answerField)) {
        const Step &step = item.resolution.steps[*deciding];
        blocks.push_back(Paragraph{strong("Why (step " + std::to_string(*deciding + 1) + ", " +
                                          std::string(toString(step.stage)) + "): ") +
                                       plain(step.text),
                                   Tone::Normal});
    }
    if (!item.diagramSvg.empty())
        blocks.push_back(Figure{item.diagramSvg, "Request flow of \"" + lesson.title + "\""});
    blocks.push_back(resultTable(item.resolution));
    blocks.push_back(Heading{3, "Steps"});
    blocks.push_back(stepsList(item.resolution));
}

} // namespace

std::string choiceLetter(std::size_t index) {
    return std::string(1, static_cast<char>('A' + index));
}

HandoutLesson handoutLesson(Lesson lesson) {
    Resolution resolution = resolve(lesson.scenario);
    std::string svg = diagram::toSvg(resolution);
    return {std::move(lesson), std::move(resolution), std::move(svg)};
}

Document lessonHandout(const std::vector<HandoutLesson> &lessons, const ReportMeta &meta) {
    Document document;
    document.title = lessons.size() == 1 ? lessons.front().lesson.title : "Lessons";
    document.kind = "Lesson handout";
    document.meta = meta;
    document.blocks.push_back(
        Paragraph{plain("Read each story and choose an answer. The answers follow, each on a page "
                        "of its own."),
                  Tone::Normal});
    for (std::size_t i = 0; i < lessons.size(); ++i)
        appendQuestion(document.blocks, lessons[i].lesson, i + 1);
    for (std::size_t i = 0; i < lessons.size(); ++i)
        appendAnswer(document.blocks, lessons[i], i + 1);
    redactDocument(document, false);
    return document;
}

} // namespace iisid::report
