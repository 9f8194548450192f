#pragma once

#include "diagnostic.h"
#include "json_document.h"
#include "resolution.h"
#include "scenario.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iisid {

inline constexpr std::string_view lessonFormat = "iisid-lesson/1";

/// A lesson: an administrator's story, its scenario and a question whose answer is one of the
/// result fields. The file does not say which choice is right: the model's resolution does
/// (correctChoice), so a lesson cannot drift from the rules.
///
/// File format (JSON):
///   { "format": "iisid-lesson/1", "id": "wrong-iusr-password", "title": "...",
///     "story": "...", "question": "...", "answerField": "http",
///     "choices": ["200", "401.1", "500.19"],
///     "scenario": { "format": "iisid-scenario/1", ... } }
/// Every key is required. answerField is one of resultFields() (result_fields.h); choices hold
/// 2 to 4 distinct non-empty strings, each an account name as the model writes it, an HTTP status
/// ("401.1") or "(none)" for a field the model leaves empty.
struct Lesson {
    std::string id;
    std::string title;
    std::string story;
    Scenario scenario;
    std::string question;
    std::vector<std::string> choices;
    std::string answerField;
};

/// The choice text that stands for a field without a value.
inline constexpr std::string_view noneChoice = "(none)";

/// Reads a lesson file. Every problem is reported with file, line and column; the nested
/// scenario is read by readScenario (positions stay those of the lesson file) and checked by
/// checkScenario. The text must be UTF-8 (checkUtf8).
Result<Lesson> readLesson(std::string_view text, const std::string &fileName);

/// The same from an already parsed document (json::parse).
Result<Lesson> readLesson(const json::Value &root);

/// The index of the choice equal to what the model resolved for the lesson's field (account
/// names compared case-insensitively), or nullopt when no choice matches.
std::optional<int> correctChoice(const Lesson &lesson, const Resolution &resolution);

} // namespace iisid
