#pragma once

// The writers' expected outputs for the sample report live in tests/model/check_expected/,
// reviewed by hand; a failing comparison prints the difference.

#include <fstream>
#include <sstream>
#include <string>

namespace iisid::check::testing {

inline std::string expectedOutput(const std::string &name) {
    std::ifstream in(std::string(IISID_CHECK_EXPECTED_DIR) + "/" + name, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace iisid::check::testing
