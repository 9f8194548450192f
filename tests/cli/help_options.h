#pragma once

// What a program's --help lists, and whether its roff man page mentions it: the man pages are
// written by hand, and these checks keep them in step with the programs. Shared by the
// command-line tests (iisid.1) and the installed-tree tests (iisid-gui.1).

#include <cctype>
#include <fstream>
#include <iterator>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace iisid::cli_test {

/// Every long option (`--name`) a --help text lists, in order of name.
inline std::set<std::string> longOptions(const std::string &help) {
    static const std::regex option(R"((^|[\s,])(--[a-z][a-z0-9-]*))");
    std::set<std::string> found;
    for (auto it = std::sregex_iterator(help.begin(), help.end(), option);
         it != std::sregex_iterator(); ++it)
        found.insert((*it)[2].str());
    return found;
}

/// The text as roff writes it in a man page: every hyphen escaped (`\-\-set`).
inline std::string roffEscaped(const std::string &text) {
    std::string out;
    for (char c : text) {
        if (c == '-')
            out += '\\';
        out += c;
    }
    return out;
}

/// Whether the roff source names the option on its own (`\-\-help`, not only `\-\-help\-all`).
inline bool manPageHasOption(const std::string &roff, const std::string &option) {
    const std::string wanted = roffEscaped(option);
    for (std::size_t at = roff.find(wanted); at != std::string::npos;
         at = roff.find(wanted, at + 1)) {
        const std::size_t end = at + wanted.size();
        const bool longer =
            end < roff.size() && (std::isalnum(static_cast<unsigned char>(roff[end])) ||
                                  roff.compare(end, 2, "\\-") == 0);
        if (!longer)
            return true;
    }
    return false;
}

inline std::string readText(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

} // namespace iisid::cli_test
