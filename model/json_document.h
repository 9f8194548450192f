#pragma once

#include "diagnostic.h"
#include "source_location.h"

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace iisid::json {

/// A JSON value that remembers where it was written, so that every complaint about a scenario
/// file can name the line and column. nlohmann::json is used for writing; it does not keep
/// positions when reading, hence this small reader.
struct Value {
    enum class Kind { Null, Bool, Number, String, Array, Object };
    struct Member; // key + value, in file order

    Kind kind = Kind::Null;
    SourceLocation position; // where the value starts: file, line, column
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
    SourceLocation keyPosition;
    Value value;
};

/// Name of a kind as a user reads it: "a string", "an object", ...
std::string describe(Value::Kind kind);

/// Parses text (RFC 8259, no extensions). The text must be UTF-8 (checkUtf8, text_encoding.h; a
/// byte order mark is skipped), and so is every string read: a \u escape of a lone surrogate is an
/// error. On a syntax error the diagnostic names file, line and column of the offending
/// character. Duplicate keys in one object are an error too.
Result<Value> parse(std::string_view text, const std::string &fileName);

} // namespace iisid::json
