#pragma once

#include "diagnostic.h"
#include "json_document.h"

namespace iisid {

/// What a JSON file handed to the program is, by its "format" member.
enum class FileKind { Scenario, Lesson, Unknown };

struct DetectedKind {
    FileKind kind = FileKind::Unknown;
    /// When kind is Unknown: why the file is neither, at the "format" member or the document.
    Diagnostic reason;
};

/// Tells a scenario (iisid-scenario/1) from a lesson (iisid-lesson/1) by the parsed document's
/// "format" member; reads nothing else, so the reader chosen reports every other problem.
DetectedKind detectFileKind(const json::Value &root);

} // namespace iisid
