#pragma once

// Scenarios for the diagram's model tests: built from assignments, or read from the bundled
// files (resources/scenarios).

#include "model/resolution.h"
#include "model/resolver.h"
#include "model/scenario_io.h"
#include "model/settings.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace iisid::test {

inline Resolution resolveWith(const std::vector<std::string> &assignments) {
    LoadedScenario loaded;
    for (const std::string &assignment : assignments) {
        const auto problem = applyAssignment(loaded, assignment, "test");
        EXPECT_FALSE(problem.has_value()) << (problem ? problem->toString() : std::string());
    }
    EXPECT_TRUE(checkScenario(loaded).empty());
    return resolve(loaded.scenario);
}

inline std::filesystem::path bundledScenarioDir() {
    return std::filesystem::path(IISID_SOURCE_DIR) / "resources" / "scenarios";
}

/// The bundled scenarios' file names, sorted.
inline std::vector<std::string> bundledScenarioFiles() {
    std::vector<std::string> names;
    std::error_code error;
    for (const auto &entry : std::filesystem::directory_iterator(bundledScenarioDir(), error)) {
        const std::string file = entry.path().filename().string();
        if (file.ends_with(".iisid.json"))
            names.push_back(file);
    }
    std::sort(names.begin(), names.end());
    return names;
}

inline Resolution resolveBundled(const std::string &file) {
    std::ifstream in(bundledScenarioDir() / file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    const Result<LoadedScenario> loaded = readScenario(text.str(), file);
    EXPECT_TRUE(loaded.ok()) << file;
    return loaded.ok() ? resolve(loaded->scenario) : Resolution{};
}

/// A test name from a file name: "seed-perl-cgi-502.iisid.json" -> "seed_perl_cgi_502".
inline std::string testNameOf(std::string file) {
    file = file.substr(0, file.find('.'));
    std::replace(file.begin(), file.end(), '-', '_');
    return file;
}

} // namespace iisid::test
