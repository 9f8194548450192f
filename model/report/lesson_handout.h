#pragma once

#include "model/lesson.h"
#include "model/report/report_document.h"
#include "model/resolution.h"

#include <string>
#include <vector>

namespace iisid::report {

/// One lesson of a handout with the resolver's answer to its scenario and its diagram (empty:
/// none).
struct HandoutLesson {
    Lesson lesson;
    Resolution resolution;
    std::string diagramSvg;
};

/// The lesson with the resolver's answer to its scenario and that answer's diagram.
HandoutLesson handoutLesson(Lesson lesson);

/// A trainer's handout: every lesson's story, question and lettered choices first, then the
/// answers, each on a page of its own (a PageBreak before each): the right choice as the model
/// resolves it (correctChoice), the step that decides it, the diagram, the result card and the
/// steps. Redacted.
Document lessonHandout(const std::vector<HandoutLesson> &lessons, const ReportMeta &meta);

/// "A", "B", ... for the choice at `index`.
std::string choiceLetter(std::size_t index);

} // namespace iisid::report
