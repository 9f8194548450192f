#include "metabase_xml_text.h"

#include "model/text_encoding.h"

#include <algorithm>
#include <cctype>

namespace iisid::config {

namespace {

void appendUtf8(std::string &out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

/// The position just after the text converted so far: where the bad UTF-16 unit is.
Diagnostic errorAtEnd(const std::string &converted, const std::string &fileName,
                      const std::string &message) {
    const LineTable lines(converted);
    Diagnostic error;
    error.location = lines.at(converted.size(), fileName);
    error.message = message;
    return error;
}

Result<std::string> fromUtf16(std::string_view bytes, bool bigEndian, const std::string &fileName) {
    std::string out;
    out.reserve(bytes.size());
    const auto unit = [&](std::size_t i) -> char32_t {
        const auto a = static_cast<unsigned char>(bytes[i]);
        const auto b = static_cast<unsigned char>(bytes[i + 1]);
        return bigEndian ? char32_t((a << 8) | b) : char32_t((b << 8) | a);
    };
    if (bytes.size() % 2 != 0)
        return errorAtEnd(out, fileName, "invalid UTF-16: the text has an odd number of bytes");
    for (std::size_t i = 2; i < bytes.size(); i += 2) {
        char32_t c = unit(i);
        if (c >= 0xD800 && c <= 0xDBFF) {
            const char32_t low = i + 3 < bytes.size() ? unit(i + 2) : 0;
            if (low < 0xDC00 || low > 0xDFFF)
                return errorAtEnd(out, fileName, "invalid UTF-16: unpaired high surrogate");
            c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
            i += 2;
        } else if (c >= 0xDC00 && c <= 0xDFFF) {
            return errorAtEnd(out, fileName, "invalid UTF-16: unpaired low surrogate");
        } else if (c == 0) {
            return errorAtEnd(out, fileName, "a NUL character, which text cannot contain");
        }
        appendUtf8(out, c);
    }
    return out;
}

} // namespace

Result<std::string> decodeConfigText(std::string_view bytes, const std::string &fileName) {
    if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
        static_cast<unsigned char>(bytes[1]) == 0xFE)
        return fromUtf16(bytes, false, fileName);
    if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFE &&
        static_cast<unsigned char>(bytes[1]) == 0xFF)
        return fromUtf16(bytes, true, fileName);
    if (std::optional<Diagnostic> bad = checkUtf8(bytes, fileName))
        return *bad;
    if (bytes.substr(0, utf8Bom.size()) == utf8Bom)
        bytes.remove_prefix(utf8Bom.size());
    return std::string(bytes);
}

std::string_view trimmedText(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    return text;
}

std::string asciiLowered(std::string_view text) {
    std::string out(text);
    for (char &c : out) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

} // namespace iisid::config
