#pragma once

#include <string>

namespace iisid {

/// A place in an input file: the scenario and lesson JSON readers, and the configuration readers
/// (XML, INI) name every problem and every value's origin with one of these. line and column are
/// 1-based; 0 means "not tied to a position" (a --set argument, a built-in default).
struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;

    /// "file:line:column", "file:line" or "file", the form compilers and editors use.
    std::string toString() const;

    friend bool operator==(const SourceLocation &, const SourceLocation &) = default;
};

} // namespace iisid
