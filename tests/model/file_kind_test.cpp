// Telling a scenario from a lesson by the parsed document's "format" (file_kind.h), and saying
// why a file is neither.

#include "model/file_kind.h"
#include "model/json_document.h"

#include <gtest/gtest.h>

#include <string>

namespace {

using iisid::FileKind;

struct Row {
    const char *name;
    const char *text;
    FileKind kind;
    const char *reason; // the diagnostic when the kind is Unknown
};

class FileKindDetection : public testing::TestWithParam<Row> {};

TEST_P(FileKindDetection, NamesTheKindOrWhyItIsNeither) {
    const auto document = iisid::json::parse(GetParam().text, "f.json");
    ASSERT_TRUE(document.ok());
    const iisid::DetectedKind detected = iisid::detectFileKind(document.value());
    EXPECT_EQ(detected.kind, GetParam().kind);
    EXPECT_EQ(detected.kind == FileKind::Unknown ? detected.reason.toString() : std::string(),
              GetParam().reason);
}

const Row rows[] = {
    {"Scenario", "{\"format\": \"iisid-scenario/1\", \"x\": 1}", FileKind::Scenario, ""},
    {"Lesson", "{\"id\": \"a\", \"format\": \"iisid-lesson/1\"}", FileKind::Lesson, ""},
    {"NotAnObject", "\n [1]", FileKind::Unknown,
     "f.json:2:2: error: a scenario or lesson file is a JSON object, not an array"},
    {"MissingFormat", "{\"title\": \"x\"}", FileKind::Unknown,
     "f.json:1:1: error: missing \"format\": expected \"iisid-scenario/1\" (a scenario) or "
     "\"iisid-lesson/1\" (a lesson)"},
    {"UnknownFormat", "{\"format\": \"iisid-scenario/2\"}", FileKind::Unknown,
     "f.json:1:12: error: unsupported format \"iisid-scenario/2\"; expected \"iisid-scenario/1\" "
     "(a scenario) or \"iisid-lesson/1\" (a lesson)"},
    {"FormatNotAString", "{\"format\": 1}", FileKind::Unknown,
     "f.json:1:12: error: unsupported format a number; expected \"iisid-scenario/1\" (a "
     "scenario) or \"iisid-lesson/1\" (a lesson)"},
};

std::string rowName(const testing::TestParamInfo<Row> &row) {
    return row.param.name;
}

INSTANTIATE_TEST_SUITE_P(Rows, FileKindDetection, testing::ValuesIn(rows), rowName);

} // namespace
