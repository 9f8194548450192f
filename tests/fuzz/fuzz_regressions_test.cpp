// Every committed fuzz input (corpus/<target>/: the seeds and what libFuzzer found interesting;
// regressions/<target>/: inputs that once crashed) goes through the same checks the fuzz target
// runs (reader_checks.h): no exception, a sane result.

#include "reader_checks.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
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
        {"config_file", iisid::fuzz::checkConfigFile},
    };
    return byTarget;
}

struct Input {
    std::string target;
    fs::path path;
};

void PrintTo(const Input &input, std::ostream *out) {
    *out << input.path.string();
}

std::vector<Input> inputs() {
    std::vector<Input> out;
    for (const char *kind : {"corpus", "regressions"}) {
        for (const auto &[target, check] : checks()) {
            const fs::path dir = fs::path(IISID_FUZZ_DIR) / kind / target;
            if (!fs::is_directory(dir))
                continue;
            std::vector<fs::path> files;
            for (const fs::directory_entry &entry : fs::directory_iterator(dir))
                files.push_back(entry.path());
            std::sort(files.begin(), files.end());
            for (const fs::path &file : files)
                out.push_back({target, file});
        }
    }
    return out;
}

std::string rowName(const testing::TestParamInfo<Input> &info) {
    std::string name = info.param.path.parent_path().parent_path().filename().string() + "_" +
                       info.param.target + "_" + info.param.path.filename().string();
    for (char &c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c)))
            c = '_';
    }
    return name;
}

class FuzzInput : public testing::TestWithParam<Input> {};

TEST_P(FuzzInput, ReadsWithoutThrowingAndSanely) {
    std::ifstream in(GetParam().path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    std::string wrong;
    EXPECT_NO_THROW(wrong = checks().at(GetParam().target)(bytes.str()));
    EXPECT_EQ(wrong, "");
}

INSTANTIATE_TEST_SUITE_P(Committed, FuzzInput, testing::ValuesIn(inputs()), rowName);

TEST(FuzzCorpus, HoldsTheSeedsOfEveryTarget) {
    std::map<std::string, int> seeds;
    for (const Input &input : inputs())
        ++seeds[input.target];
    for (const auto &[target, check] : checks())
        EXPECT_GT(seeds[target], 0) << target;
}

} // namespace
