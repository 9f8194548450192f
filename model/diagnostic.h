#pragma once

#include "source_location.h"

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace iisid {

/// A problem found in the user's input, with the place it was found (a location without a line
/// is "not tied to a position", e.g. a file that cannot be opened).
struct Diagnostic {
    SourceLocation location;
    std::string message;

    /// "file:line:column: message", the form compilers use, so editors can jump to it.
    std::string toString() const;
};

/// The outcome of an operation that can fail on bad input: a value or the diagnostics that
/// explain why there is none. No exception crosses the model's API.
template <typename T> class Result {
public:
    Result(T value)
        : m_state(std::move(value)) {}
    Result(std::vector<Diagnostic> errors)
        : m_state(std::move(errors)) {}
    Result(Diagnostic error)
        : m_state(std::vector<Diagnostic>{std::move(error)}) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_state); }
    T &value() & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }

    const std::vector<Diagnostic> &errors() const {
        return std::get<std::vector<Diagnostic>>(m_state);
    }

private:
    std::variant<T, std::vector<Diagnostic>> m_state;
};

} // namespace iisid
