#include "lesson.h"

#include "compare.h"
#include "json_document.h"
#include "scenario_io.h"

#include <algorithm>
#include <cctype>
#include <iterator>

namespace iisid {

namespace {

constexpr std::string_view textKeys[] = {"id", "title", "story", "question", "answerField"};
constexpr std::size_t minChoices = 2;
constexpr std::size_t maxChoices = 4; // number keys 1-4 choose in presenter mode

std::string inQuotes(std::string_view text) {
    return "\"" + std::string(text) + "\"";
}

std::string allowedKeys() {
    return "format, id, title, story, scenario, question, choices, answerField";
}

std::string joined(const std::vector<std::string> &items) {
    std::string out;
    for (const std::string &item : items)
        out += (out.empty() ? "" : ", ") + item;
    return out;
}

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

} // namespace

Result<Lesson> readLesson(std::string_view text, const std::string &fileName) {
    Result<json::Value> parsed = json::parse(text, fileName);
    if (!parsed)
        return parsed.errors();
    return readLesson(parsed.value());
}

Result<Lesson> readLesson(const json::Value &root) {
    using Kind = json::Value::Kind;
    std::vector<Diagnostic> errors;
    auto error = [&](const SourceLocation &at, std::string message) {
        errors.push_back(Diagnostic{at, std::move(message)});
    };
    if (root.kind != Kind::Object) {
        error(root.position, "a lesson must be a JSON object, not " + json::describe(root.kind));
        return errors;
    }

    Lesson lesson;
    const json::Value *format = root.find("format");
    if (!format) {
        error(root.position, "missing \"format\": a lesson file starts with \"format\": " +
                                 inQuotes(lessonFormat));
    } else if (format->kind != Kind::String || format->text != lessonFormat) {
        error(format->position, "unsupported format " +
                                    (format->kind == Kind::String ? inQuotes(format->text)
                                                                  : json::describe(format->kind)) +
                                    "; this program reads " + inQuotes(lessonFormat));
    }

    for (const json::Value::Member &member : root.members) {
        const bool known =
            member.key == "format" || member.key == "scenario" || member.key == "choices" ||
            std::find(std::begin(textKeys), std::end(textKeys), member.key) != std::end(textKeys);
        if (!known)
            error(member.keyPosition, "unknown key " + inQuotes(member.key) +
                                          " at the top level; allowed: " + allowedKeys());
    }

    for (std::string_view key : textKeys) {
        const json::Value *value = root.find(key);
        if (!value) {
            error(root.position, "missing " + inQuotes(key));
            continue;
        }
        if (value->kind != Kind::String || value->text.empty()) {
            error(value->position, inQuotes(key) + " must be a non-empty string, not " +
                                       (value->kind == Kind::String ? std::string("an empty one")
                                                                    : json::describe(value->kind)));
            continue;
        }
        if (key == "id")
            lesson.id = value->text;
        else if (key == "title")
            lesson.title = value->text;
        else if (key == "story")
            lesson.story = value->text;
        else if (key == "question")
            lesson.question = value->text;
        else
            lesson.answerField = value->text;
    }
    if (!lesson.answerField.empty()) {
        const std::vector<std::string> &fields = resultFields();
        if (std::find(fields.begin(), fields.end(), lesson.answerField) == fields.end()) {
            const json::Value *value = root.find("answerField");
            error(value->position, "unknown answerField " + inQuotes(lesson.answerField) +
                                       "; allowed: " + joined(fields));
        }
    }

    if (const json::Value *choices = root.find("choices"); !choices) {
        error(root.position, "missing \"choices\"");
    } else if (choices->kind != Kind::Array) {
        error(choices->position,
              "\"choices\" must be an array of strings, not " + json::describe(choices->kind));
    } else {
        if (choices->items.size() < minChoices || choices->items.size() > maxChoices)
            error(choices->position, "\"choices\" must hold 2 to 4 strings, not " +
                                         std::to_string(choices->items.size()));
        for (const json::Value &item : choices->items) {
            if (item.kind != Kind::String || item.text.empty()) {
                error(item.position, "a choice must be a non-empty string, not " +
                                         (item.kind == Kind::String ? std::string("an empty one")
                                                                    : json::describe(item.kind)));
                continue;
            }
            const bool repeated = std::any_of(
                lesson.choices.begin(), lesson.choices.end(),
                [&](const std::string &seen) { return equalsIgnoringCase(seen, item.text); });
            if (repeated)
                error(item.position, "choice " + inQuotes(item.text) + " is listed twice");
            else
                lesson.choices.push_back(item.text);
        }
    }

    if (const json::Value *scenario = root.find("scenario"); !scenario) {
        error(root.position, "missing \"scenario\" (an iisid-scenario/1 object)");
    } else if (scenario->kind != Kind::Object) {
        error(scenario->position,
              "\"scenario\" must be an object, not " + json::describe(scenario->kind));
    } else {
        Result<LoadedScenario> loaded = readScenario(*scenario);
        if (!loaded) {
            errors.insert(errors.end(), loaded.errors().begin(), loaded.errors().end());
        } else {
            std::vector<Diagnostic> problems = checkScenario(loaded.value());
            errors.insert(errors.end(), problems.begin(), problems.end());
            lesson.scenario = std::move(loaded.value().scenario);
        }
    }

    if (!errors.empty()) {
        std::stable_sort(
            errors.begin(), errors.end(), [](const Diagnostic &a, const Diagnostic &b) {
                return a.location.line != b.location.line ? a.location.line < b.location.line
                                                          : a.location.column < b.location.column;
            });
        return errors;
    }
    return lesson;
}

std::optional<int> correctChoice(const Lesson &lesson, const Resolution &resolution) {
    const std::optional<std::string> value = fieldValue(resolution, lesson.answerField);
    const std::string_view answer = value ? std::string_view(*value) : noneChoice;
    for (std::size_t i = 0; i < lesson.choices.size(); ++i) {
        if (equalsIgnoringCase(lesson.choices[i], answer))
            return static_cast<int>(i);
    }
    return std::nullopt;
}

} // namespace iisid
