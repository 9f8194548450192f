#include "text_encoding.h"

#include <string>

namespace iisid {

namespace {

bool isContinuation(unsigned char byte) {
    return (byte & 0xC0) == 0x80;
}

std::string hexByte(unsigned char byte) {
    constexpr char digits[] = "0123456789ABCDEF";
    return std::string("0x") + digits[byte >> 4] + digits[byte & 0x0F];
}

/// Why the bytes at offset are not a character (utf8CharLength returned 0), for a person.
std::string whyInvalid(std::string_view text, std::size_t offset) {
    const auto byte = static_cast<unsigned char>(text[offset]);
    const auto next = offset + 1 < text.size() ? static_cast<unsigned char>(text[offset + 1]) : 0;
    std::string why = "invalid UTF-8: byte " + hexByte(byte);
    if (byte == 0xC0 || byte == 0xC1 || (byte == 0xE0 && next >= 0x80 && next < 0xA0) ||
        (byte == 0xF0 && next >= 0x80 && next < 0x90))
        return why + " starts an overlong encoding";
    if (byte == 0xED && next >= 0xA0 && next <= 0xBF)
        return why + " starts a UTF-16 surrogate, which UTF-8 does not allow";
    if (byte >= 0xF5 || (byte == 0xF4 && next >= 0x90 && next <= 0xBF))
        return why + " starts a code point above U+10FFFF";
    return why + " is not part of a UTF-8 character; the text must be UTF-8, and this looks like "
                 "Windows-1252 or Latin-1 (save the file as UTF-8)";
}

/// Where a NUL byte, which no text file holds (UTF-16 aside, found before), first appears in the
/// start of the text; npos when none.
std::size_t firstNul(std::string_view text) {
    constexpr std::size_t sniffed = 4096;
    return text.substr(0, sniffed).find('\0');
}

} // namespace

std::size_t utf8CharLength(std::string_view text, std::size_t offset) {
    // Unicode 15, table 3-7: the well-formed byte sequences.
    const auto byte = [&](std::size_t i) -> unsigned char {
        return offset + i < text.size() ? static_cast<unsigned char>(text[offset + i]) : 0;
    };
    if (offset >= text.size())
        return 0;
    const unsigned char lead = byte(0);
    if (lead < 0x80)
        return 1;
    std::size_t length = 0;
    unsigned char low = 0x80; // the allowed range of the second byte
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0)
            low = 0xA0; // no overlong forms
        else if (lead == 0xED)
            high = 0x9F; // no surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0)
            low = 0x90; // no overlong forms
        else if (lead == 0xF4)
            high = 0x8F; // nothing above U+10FFFF
    } else {
        return 0;
    }
    if (byte(1) < low || byte(1) > high)
        return 0;
    for (std::size_t i = 2; i < length; ++i) {
        if (!isContinuation(byte(i)))
            return 0;
    }
    return length;
}

bool isUtf8(std::string_view text) {
    for (std::size_t offset = 0; offset < text.size();) {
        const std::size_t length = utf8CharLength(text, offset);
        if (length == 0)
            return false;
        offset += length;
    }
    return true;
}

std::optional<Diagnostic> checkUtf8(std::string_view text, const std::string &fileName) {
    const auto at = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    std::string_view utf16;
    if (text.size() >= 2 && at(0) == 0xFF && at(1) == 0xFE)
        utf16 = "little-endian, with a byte order mark";
    else if (text.size() >= 2 && at(0) == 0xFE && at(1) == 0xFF)
        utf16 = "big-endian, with a byte order mark";
    else if (text.size() >= 2 && at(0) != 0 && at(1) == 0)
        utf16 = "little-endian";
    else if (text.size() >= 2 && at(0) == 0 && at(1) != 0)
        utf16 = "big-endian";
    Diagnostic problem{{fileName, 1, 1}, {}};
    if (!utf16.empty()) {
        problem.message = "the text is UTF-16 (" + std::string(utf16) +
                          "); this program reads UTF-8: save the file as UTF-8";
        return problem;
    }
    // An image or an archive renamed (a PNG as .iisid.json): say so, rather than guess at an
    // encoding of text it never was.
    if (const std::size_t nul = firstNul(text); nul != std::string_view::npos) {
        problem.message = "this is not a text file: byte " + std::to_string(nul + 1) +
                          " is 0x00, as in an image or an archive; the file must be UTF-8 text";
        return problem;
    }

    std::size_t offset = text.substr(0, utf8Bom.size()) == utf8Bom ? utf8Bom.size() : 0;
    while (offset < text.size()) {
        const std::size_t length = utf8CharLength(text, offset);
        if (length == 0) {
            problem.message = whyInvalid(text, offset);
            return problem;
        }
        if (text[offset] == '\n') {
            ++problem.location.line;
            problem.location.column = 1;
        } else {
            ++problem.location.column;
        }
        offset += length;
    }
    return std::nullopt;
}

} // namespace iisid
