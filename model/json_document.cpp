#include "json_document.h"

#include "text_encoding.h"

#include <algorithm>
#include <cstdint>

namespace iisid::json {

const Value *Value::find(std::string_view key) const {
    for (const Member &member : members) {
        if (member.key == key)
            return &member.value;
    }
    return nullptr;
}

std::string describe(Value::Kind kind) {
    switch (kind) {
    case Value::Kind::Null:
        return "null";
    case Value::Kind::Bool:
        return "a boolean";
    case Value::Kind::Number:
        return "a number";
    case Value::Kind::String:
        return "a string";
    case Value::Kind::Array:
        return "an array";
    case Value::Kind::Object:
        return "an object";
    }
    return "a value";
}

namespace {

class Parser {
public:
    Parser(std::string_view text, const std::string &fileName)
        : m_text(text)
        , m_position{fileName, 1, 1} {}

    Result<Value> run() {
        skipSpace();
        if (atEnd())
            return fail("the file is empty; a scenario is a JSON object");
        Value root;
        if (!parseValue(root, 0))
            return m_error;
        skipSpace();
        if (!atEnd())
            return fail("unexpected text after the end of the JSON document");
        return root;
    }

private:
    static constexpr int maxDepth = 64;

    bool atEnd() const { return m_offset >= m_text.size(); }
    char peek() const { return m_text[m_offset]; }

    void advance() {
        // Columns count characters, not bytes: UTF-8 continuation bytes do not move the column.
        const auto byte = static_cast<unsigned char>(m_text[m_offset]);
        ++m_offset;
        if (byte == '\n') {
            ++m_position.line;
            m_position.column = 1;
        } else if ((byte & 0xC0) != 0x80) {
            ++m_position.column;
        }
    }

    void skipSpace() {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            advance();
    }

    Diagnostic fail(std::string message) {
        m_error = Diagnostic{m_position, std::move(message)};
        return m_error;
    }

    bool failed(std::string message) {
        fail(std::move(message));
        return false;
    }

    std::string found() const {
        if (atEnd())
            return "the end of the file";
        if (static_cast<unsigned char>(peek()) < 0x20)
            return "a control character";
        // Characters that would print as nothing, or as the replacement mark, are named, not
        // quoted.
        const std::string c = character();
        if (c == "\xEF\xBF\xBD")
            return "U+FFFD, the replacement character: a program that read this file in another "
                   "encoding put it where it could not read a character; fix or retype that text";
        if (c == "\xEF\xBB\xBF")
            return "a byte order mark (U+FEFF) that is not at the start of the file";
        if (c == "\x7F" ||
            (c.size() == 2 && c[0] == '\xC2' && static_cast<unsigned char>(c[1]) < 0xA0))
            return "an invisible control character";
        return "'" + c + "'";
    }

    /// The whole character at the current offset (the text is valid UTF-8), so that a message
    /// never holds part of one.
    std::string character() const {
        const std::size_t length = std::max<std::size_t>(utf8CharLength(m_text, m_offset), 1);
        return std::string(m_text.substr(m_offset, length));
    }

    bool parseValue(Value &value, int depth) {
        if (depth > maxDepth)
            return failed("nesting is deeper than " + std::to_string(maxDepth) + " levels");
        skipSpace();
        value.position = m_position;
        if (atEnd())
            return failed("expected a value but found the end of the file");
        switch (peek()) {
        case '{':
            return parseObject(value, depth);
        case '[':
            return parseArray(value, depth);
        case '"':
            value.kind = Value::Kind::String;
            return parseString(value.text);
        case 't':
            value.kind = Value::Kind::Bool;
            value.boolean = true;
            return parseWord("true");
        case 'f':
            value.kind = Value::Kind::Bool;
            return parseWord("false");
        case 'n':
            value.kind = Value::Kind::Null;
            return parseWord("null");
        default:
            if (peek() == '-' || (peek() >= '0' && peek() <= '9'))
                return parseNumber(value);
            return failed("expected a value but found " + found());
        }
    }

    bool parseWord(std::string_view word) {
        for (char expected : word) {
            if (atEnd() || peek() != expected)
                return failed("invalid literal; expected '" + std::string(word) + "'");
            advance();
        }
        return true;
    }

    bool parseNumber(Value &value) {
        const std::size_t start = m_offset;
        if (peek() == '-')
            advance();
        auto digits = [this] {
            bool any = false;
            while (!atEnd() && peek() >= '0' && peek() <= '9') {
                advance();
                any = true;
            }
            return any;
        };
        if (!digits())
            return failed("invalid number: a digit must follow '-'");
        if (!atEnd() && peek() == '.') {
            advance();
            if (!digits())
                return failed("invalid number: a digit must follow '.'");
        }
        if (!atEnd() && (peek() == 'e' || peek() == 'E')) {
            advance();
            if (!atEnd() && (peek() == '+' || peek() == '-'))
                advance();
            if (!digits())
                return failed("invalid number: the exponent has no digits");
        }
        value.kind = Value::Kind::Number;
        value.text = std::string(m_text.substr(start, m_offset - start));
        value.number = std::strtod(value.text.c_str(), nullptr);
        return true;
    }

    bool parseHex4(std::uint32_t &code) {
        code = 0;
        for (int i = 0; i < 4; ++i) {
            if (atEnd())
                return failed("unterminated \\u escape");
            const char c = peek();
            code <<= 4;
            if (c >= '0' && c <= '9')
                code |= static_cast<std::uint32_t>(c - '0');
            else if (c >= 'a' && c <= 'f')
                code |= static_cast<std::uint32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                code |= static_cast<std::uint32_t>(c - 'A' + 10);
            else
                return failed("invalid \\u escape: expected four hexadecimal digits");
            advance();
        }
        return true;
    }

    static void appendUtf8(std::string &out, std::uint32_t code) {
        if (code < 0x80) {
            out += static_cast<char>(code);
        } else if (code < 0x800) {
            out += static_cast<char>(0xC0 | (code >> 6));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
            out += static_cast<char>(0xE0 | (code >> 12));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (code >> 18));
            out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        }
    }

    bool parseString(std::string &out) {
        advance(); // opening quote
        while (true) {
            if (atEnd())
                return failed("unterminated string: the closing '\"' is missing");
            const char c = peek();
            if (c == '"') {
                advance();
                return true;
            }
            if (static_cast<unsigned char>(c) < 0x20) {
                return failed(c == '\n' ? "unterminated string: a line break inside a string "
                                          "(write \\n, or close the string)"
                                        : "a control character inside a string must be escaped");
            }
            if (c != '\\') {
                out += c;
                advance();
                continue;
            }
            advance();
            if (atEnd())
                return failed("unterminated string: the closing '\"' is missing");
            const char escape = peek();
            switch (escape) {
            case '"':
            case '\\':
            case '/':
                out += escape;
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                advance();
                std::uint32_t code = 0;
                if (!parseHex4(code))
                    return false;
                if (code >= 0xD800 && code <= 0xDBFF) {
                    if (atEnd() || peek() != '\\')
                        return failed("invalid \\u escape: a high surrogate must be followed by a "
                                      "low surrogate");
                    advance();
                    if (atEnd() || peek() != 'u')
                        return failed("invalid \\u escape: a high surrogate must be followed by a "
                                      "low surrogate");
                    advance();
                    std::uint32_t low = 0;
                    if (!parseHex4(low))
                        return false;
                    if (low < 0xDC00 || low > 0xDFFF)
                        return failed("invalid \\u escape: expected a low surrogate");
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                } else if (code >= 0xDC00 && code <= 0xDFFF) {
                    return failed("invalid \\u escape: a low surrogate must follow a high "
                                  "surrogate");
                }
                appendUtf8(out, code);
                continue;
            }
            default:
                return failed("invalid escape '\\" + character() +
                              "' in a string (a Windows path needs doubled backslashes: "
                              "\"C:\\\\web\")");
            }
            advance();
        }
    }

    bool parseArray(Value &value, int depth) {
        value.kind = Value::Kind::Array;
        advance();
        skipSpace();
        if (!atEnd() && peek() == ']') {
            advance();
            return true;
        }
        while (true) {
            Value item;
            if (!parseValue(item, depth + 1))
                return false;
            value.items.push_back(std::move(item));
            skipSpace();
            if (atEnd())
                return failed("unterminated array: expected ',' or ']' but found the end of the "
                              "file");
            if (peek() == ',') {
                advance();
                continue;
            }
            if (peek() == ']') {
                advance();
                return true;
            }
            return failed("expected ',' or ']' in an array but found " + found());
        }
    }

    bool parseObject(Value &value, int depth) {
        value.kind = Value::Kind::Object;
        advance();
        skipSpace();
        if (!atEnd() && peek() == '}') {
            advance();
            return true;
        }
        while (true) {
            skipSpace();
            if (atEnd() || peek() != '"')
                return failed("expected a key in double quotes but found " + found());
            Value::Member member;
            member.keyPosition = m_position;
            if (!parseString(member.key))
                return false;
            if (value.find(member.key)) {
                m_position = member.keyPosition;
                return failed("duplicate key \"" + member.key + "\"");
            }
            skipSpace();
            if (atEnd() || peek() != ':')
                return failed("expected ':' after the key \"" + member.key + "\" but found " +
                              found());
            advance();
            if (!parseValue(member.value, depth + 1))
                return false;
            value.members.push_back(std::move(member));
            skipSpace();
            if (atEnd())
                return failed("unterminated object: expected ',' or '}' but found the end of the "
                              "file");
            if (peek() == ',') {
                advance();
                continue;
            }
            if (peek() == '}') {
                advance();
                return true;
            }
            return failed("expected ',' or '}' in an object but found " + found());
        }
    }

    std::string_view m_text;
    std::size_t m_offset = 0;
    SourceLocation m_position;
    Diagnostic m_error;
};

} // namespace

Result<Value> parse(std::string_view text, const std::string &fileName) {
    if (std::optional<Diagnostic> encoding = checkUtf8(text, fileName))
        return *encoding;
    // A UTF-8 byte order mark, as Notepad writes it, is not an error.
    if (text.substr(0, utf8Bom.size()) == utf8Bom)
        text.remove_prefix(utf8Bom.size());
    return Parser(text, fileName).run();
}

} // namespace iisid::json
