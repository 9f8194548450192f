#include "xml_text.h"

#include "model/text_encoding.h"

#include <algorithm>
#include <cstring>

namespace iisid::config {

LineTable::LineTable(std::string_view text)
    : m_text(text) {
    m_lineStarts.reserve(text.size() / 40 + 1);
    m_lineStarts.push_back(0);
    const char *const begin = text.data();
    const char *const end = begin + text.size();
    for (const char *p = begin; p < end;) {
        p = static_cast<const char *>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
        if (p == nullptr)
            break;
        ++p;
        m_lineStarts.push_back(static_cast<std::uint32_t>(p - begin));
    }
}

std::pair<int, int> LineTable::position(std::size_t offset) const {
    offset = std::min(offset, m_text.size());
    std::size_t line = 0; // 1-based
    const std::size_t hint = m_lastLine;
    if (hint > 0 && hint <= m_lineStarts.size() && m_lineStarts[hint - 1] <= offset) {
        for (std::size_t l = hint; l < hint + 8; ++l) {
            if (l == m_lineStarts.size() || m_lineStarts[l] > offset) {
                line = l;
                break;
            }
        }
    }
    if (line == 0) {
        const auto next = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
        line = static_cast<std::size_t>(next - m_lineStarts.begin());
    }
    m_lastLine = line;
    int column = 1;
    for (std::size_t i = m_lineStarts[line - 1]; i < offset; ++i) {
        if ((static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80)
            ++column;
    }
    return {static_cast<int>(line), column};
}

std::string utf16ToUtf8(std::string_view bytes, bool bigEndian, std::size_t &errorOffset) {
    errorOffset = std::string::npos;
    std::string out;
    out.reserve(bytes.size() / 2 + 16);
    const std::size_t units = bytes.size() / 2;
    const auto unit = [&](std::size_t i) -> std::uint32_t {
        const auto a = static_cast<unsigned char>(bytes[2 * i]);
        const auto b = static_cast<unsigned char>(bytes[2 * i + 1]);
        return bigEndian ? (std::uint32_t{a} << 8 | b) : (std::uint32_t{b} << 8 | a);
    };
    for (std::size_t i = 0; i < units; ++i) {
        std::uint32_t cp = unit(i);
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < units && unit(i + 1) >= 0xDC00 &&
            unit(i + 1) <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (unit(i + 1) - 0xDC00);
            ++i;
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            errorOffset = i;
            return {};
        }
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    if (bytes.size() % 2 != 0)
        errorOffset = units;
    return out;
}

Diagnostic errorAt(SourceLocation location, std::string message) {
    Diagnostic diagnostic;
    diagnostic.location = std::move(location);
    diagnostic.message = std::move(message);
    return diagnostic;
}

namespace {

/// Bytes 0x01-0x7F only: valid UTF-8 that checkUtf8 would accept; checked a word at a time so a
/// 20 MB file costs milliseconds, not a character-by-character walk.
bool isPlainAscii(std::string_view text) {
    constexpr std::uint64_t high = 0x8080808080808080ULL;
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    std::size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, text.data() + i, 8);
        // A byte >= 0x80, or a zero byte (word - ones sets the high bit of a zero byte).
        if ((word & high) != 0 || ((word - ones) & ~word & high) != 0)
            return false;
    }
    for (; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte == 0 || byte >= 0x80)
            return false;
    }
    return true;
}

} // namespace

SourceLocation XmlText::location(pugi::xml_node node) const {
    const auto [line, column] = position(node);
    return {m_fileName, line, column};
}

SourceLocation XmlText::location(pugi::xml_attribute attribute) const {
    const auto [line, column] = position(attribute);
    return {m_fileName, line, column};
}

std::pair<int, int> XmlText::position(pugi::xml_node node) const {
    const std::ptrdiff_t offset = node.offset_debug();
    if (offset < 0 || static_cast<std::size_t>(offset) >= m_buffer.size())
        return {0, 0};
    // offset_debug points at the name; the element starts at the '<' before it.
    const auto at = static_cast<std::size_t>(offset);
    return m_lines.position(at > 0 && m_buffer[at - 1] == '<' ? at - 1 : at);
}

std::pair<int, int> XmlText::position(pugi::xml_attribute attribute) const {
    // Parsed in place: an attribute's name points into our buffer (names are never moved).
    const char *name = attribute.name();
    const char *begin = m_buffer.data();
    if (name < begin || name >= begin + m_buffer.size())
        return {0, 0};
    return m_lines.position(static_cast<std::size_t>(name - begin));
}

Result<std::unique_ptr<XmlText>> XmlText::parse(std::string_view bytes, std::string fileName) {
    return parseOwned(std::string(bytes), std::move(fileName));
}

Result<std::unique_ptr<XmlText>> XmlText::parseOwned(std::string bytes, std::string fileName) {
    const auto at = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
    std::unique_ptr<XmlText> xml(new XmlText());
    if (bytes.size() >= 2 &&
        ((at(0) == 0xFF && at(1) == 0xFE) || (at(0) == 0xFE && at(1) == 0xFF))) {
        const bool bigEndian = at(0) == 0xFE;
        const std::string_view units = std::string_view(bytes).substr(2);
        std::size_t errorUnit = 0;
        xml->m_buffer = utf16ToUtf8(units, bigEndian, errorUnit);
        if (errorUnit != std::string::npos) {
            // Position of the bad unit: convert what came before it to count lines and columns.
            std::size_t ignored = 0;
            const std::string before =
                utf16ToUtf8(units.substr(0, errorUnit * 2), bigEndian, ignored);
            const auto [line, column] = LineTable(before).position(before.size());
            return errorAt(SourceLocation{fileName, line, column},
                           "invalid UTF-16: an unpaired surrogate or an odd number of bytes");
        }
    } else if (const auto problem =
                   isPlainAscii(bytes) ? std::nullopt : checkUtf8(bytes, fileName)) {
        return *problem;
    } else {
        xml->m_buffer = std::move(bytes);
    }
    if (std::string_view(xml->m_buffer).substr(0, utf8Bom.size()) == utf8Bom)
        xml->m_buffer.erase(0, utf8Bom.size());

    xml->m_fileName = std::move(fileName);
    xml->m_lines = LineTable(xml->m_buffer);
    // parse_default without parse_doctype: a DOCTYPE is skipped, so no internal or external
    // entity is ever expanded (pugixml only knows the five predefined ones anyway).
    const unsigned flags = pugi::parse_default & ~pugi::parse_doctype;
    const pugi::xml_parse_result parsed = xml->m_document.load_buffer_inplace(
        xml->m_buffer.data(), xml->m_buffer.size(), flags, pugi::encoding_utf8);
    if (!parsed) {
        const auto [line, column] = xml->m_lines.position(
            static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, parsed.offset)));
        return errorAt(SourceLocation{xml->m_fileName, line, column},
                       std::string("not well-formed XML: ") + parsed.description());
    }
    if (!xml->m_document.document_element())
        return errorAt(SourceLocation{xml->m_fileName, 1, 1},
                       "not XML: the file has no root element");
    return xml;
}

} // namespace iisid::config
