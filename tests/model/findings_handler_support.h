#pragma once

// Shared by the findings tests: run the checker on inline or corpus files and pick the findings
// of one rule.

#include "model/check/check_engine.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace iisid::check::testing {

inline std::vector<CheckFinding> check(std::vector<CheckInputFile> files,
                                       const CheckOptions &options = {}) {
    auto run = runCheck(std::move(files), options);
    EXPECT_TRUE(run) << (run ? "" : run.errors().front().message);
    return run ? run.value().report.findings : std::vector<CheckFinding>{};
}

inline std::vector<const CheckFinding *> withRule(const std::vector<CheckFinding> &findings,
                                                  std::string_view rule) {
    std::vector<const CheckFinding *> out;
    for (const CheckFinding &finding : findings) {
        if (finding.finding.rule == rule)
            out.push_back(&finding);
    }
    return out;
}

inline bool mentions(const std::vector<const CheckFinding *> &found, std::string_view text) {
    return std::any_of(found.begin(), found.end(), [text](const CheckFinding *finding) {
        return finding->finding.message.find(text) != std::string::npos;
    });
}

#ifdef IISID_CORPUS_DIR
/// A corpus file's bytes (shared/corpus/<relative>).
inline std::string corpus(const std::string &relative) {
    std::ifstream in(std::string(IISID_CORPUS_DIR) + "/" + relative, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}
#endif

} // namespace iisid::check::testing
