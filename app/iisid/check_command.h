#pragma once

// `iisid check`: the file I/O around the model's checker (check-format.md).

#include <string>
#include <vector>

namespace iisid::cli {

struct CheckArguments {
    std::vector<std::string> paths;
    std::string format = "text";
    std::string output;
    std::string iisVersion;
    std::vector<std::string> maps;
    std::string failOn = "high";
    bool showSecrets = false;
    std::string explain;  // SITE/PATH
    std::string scenario; // SITE/PATH
    std::string toolVersion;
};

/// Runs the check and prints or writes its output; returns the exit code (0, 1 findings at or
/// above --fail-on, 2 bad input).
int runCheckCommand(const CheckArguments &arguments);

} // namespace iisid::cli
