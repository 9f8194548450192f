#pragma once

// Runs a program as a user does: arguments quoted for the shell, standard input fed from a
// string, standard output, standard error and the exit code collected. iisid() runs the built
// `iisid` binary (IISID_CLI_PATH). Shared by the command-line and the installed-tree tests.

#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace iisid::cli_test {

struct Outcome {
    int exitCode = -1;
    std::string out;
    std::string err;
};

inline std::string quoted(const std::string &argument) {
    std::string out = "'";
    for (char c : argument) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + "'";
}

/// Runs the program with the arguments (each quoted for the shell), optionally feeding stdin.
inline Outcome run(const std::string &program, const std::vector<std::string> &arguments,
                   const std::string &input = {}) {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path();
    const std::string tag = std::to_string(::getpid()) + "-" +
                            std::to_string(reinterpret_cast<std::uintptr_t>(&arguments));
    const fs::path errPath = dir / ("iisid-cli-test-" + tag + ".err");
    const fs::path inPath = dir / ("iisid-cli-test-" + tag + ".in");
    {
        std::ofstream in(inPath, std::ios::binary);
        in << input;
    }
    std::string command = quoted(program);
    for (const std::string &argument : arguments)
        command += " " + quoted(argument);
    command += " < " + quoted(inPath.string()) + " 2> " + quoted(errPath.string());

    Outcome outcome;
    FILE *pipe = ::popen(command.c_str(), "r");
    if (!pipe)
        return outcome;
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
        outcome.out.append(buffer.data(), n);
    const int status = ::pclose(pipe);
    outcome.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream err(errPath, std::ios::binary);
    outcome.err.assign(std::istreambuf_iterator<char>(err), std::istreambuf_iterator<char>());
    fs::remove(errPath);
    fs::remove(inPath);
    return outcome;
}

#ifdef IISID_CLI_PATH
/// Runs the built iisid with the arguments, optionally feeding stdin.
inline Outcome iisid(const std::vector<std::string> &arguments, const std::string &input = {}) {
    return run(IISID_CLI_PATH, arguments, input);
}
#endif

} // namespace iisid::cli_test
