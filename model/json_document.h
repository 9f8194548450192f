#pragma once

#include "diagnostic.h"

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace iisid::json {

/// A position in the source text, 1-based.
struct Position {
    int line = 1;
    int column = 1;
};

/// A JSON value that remembers where it was written, so that every complaint about a scenario
/// file can name the line and column. nlohmann::json is used for writing; it does not keep
/// positions when reading, hence this small reader.
struct Value {
    enum class Kind { Null, Bool, Number, String, Array, Object };
    struct Member; // key + value, in file order

    Kind kind = Kind::Null;
    Position position;
    bool boolean = false;
    double number = 0;
    std::string text; // the string, or the number as written
    std::vector<Value> items;
    std::vector<Member> members;

    /// The member called key, or nullptr.
    const Value *find(std::string_view key) const;
};

struct Value::Member {
    std::string key;
    Position keyPosition;
    Value value;
};

/// Name of a kind as a user reads it: "a string", "an object", ...
std::string describe(Value::Kind kind);

/// Parses text (RFC 8259, no extensions). On a syntax error the diagnostic names file, line and
/// column of the offending character. Duplicate keys in one object are an error too.
Result<Value> parse(std::string_view text, const std::string &fileName);

} // namespace iisid::json
