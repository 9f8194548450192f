// Every committed fuzz input (corpus/<target>/: the seeds and what libFuzzer found interesting;
// regressions/<target>/: inputs that once crashed) goes through the same checks the fuzz target
// runs (reader_checks.h): no exception, a sane result.

#include "reader_checks.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

namespace {

namespace fs = std::filesystem;

using Check = std::function<std::string(std::string_view)>;

const std::map<std::string, Check> &checks() {
    static const std::map<std::string, Check> byTarget{
        {"scenario_file", iisid::fuzz::checkScenarioFile},
        {"lesson_file", iisid::fuzz::checkLessonFile},
        {"assignment", iisid::fuzz::checkAssignments},
        {"metabase", iisid::fuzz::checkMetabase},
        {"php_ini", iisid::fuzz::checkPhpIni},
        {"config_file", iisid::fuzz::checkConfigFile},
    };
    return byTarget;
}

/// Every committed input of a target, seeds and minimized finds first, then the regressions.
std::vector<fs::path> inputsOf(const std::string &target) {
    std::vector<fs::path> out;
    for (const char *kind : {"corpus", "regressions"}) {
        const fs::path dir = fs::path(IISID_FUZZ_DIR) / kind / target;
        if (!fs::is_directory(dir))
            continue;
        std::vector<fs::path> files;
        for (const fs::directory_entry &entry : fs::directory_iterator(dir))
            files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        out.insert(out.end(), files.begin(), files.end());
    }
    return out;
}

// One row per target; the files are read when the test runs, so a new regression input needs no
// rebuild, and a failure names its file.
class FuzzInputs : public testing::TestWithParam<std::string> {};

TEST_P(FuzzInputs, ReadWithoutThrowingAndSanely) {
    const std::vector<fs::path> files = inputsOf(GetParam());
    EXPECT_FALSE(files.empty()) << "no corpus for " << GetParam();
    for (const fs::path &file : files) {
        SCOPED_TRACE(file.string());
        std::ifstream in(file, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        std::string wrong;
        EXPECT_NO_THROW(wrong = checks().at(GetParam())(bytes.str()));
        EXPECT_EQ(wrong, "");
    }
}

std::vector<std::string> targets() {
    std::vector<std::string> names;
    for (const auto &[name, check] : checks())
        names.push_back(name);
    return names;
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzInputs, testing::ValuesIn(targets()),
                         [](const testing::TestParamInfo<std::string> &row) { return row.param; });

} // namespace
