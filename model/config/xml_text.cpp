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
    const auto next = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
    const auto line = static_cast<std::size_t>(next - m_lineStarts.begin()); // 1-based
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
    if (offset < 0)
        return {0, 0};
    // offset_debug points at the name; the element starts at the '<' before it.
    const auto at = static_cast<std::size_t>(offset);
    return m_lines.position(at > 0 && m_buffer[at - 1] == '<' ? at - 1 : at);
}

std::pair<int, int> XmlText::position(pugi::xml_attribute attribute) const {
    // Parsed in place: an attribute's name points into our buffer (names are never moved).
    const char *name = attribute.name();
    if (name < m_buffer.get() || name >= m_buffer.get() + m_size)
        return {0, 0};
    return m_lines.position(static_cast<std::size_t>(name - m_buffer.get()));
}

Result<std::unique_ptr<XmlText>> XmlText::parse(std::string_view bytes, std::string fileName) {
    const auto at = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
    std::string utf16Text;
    std::string_view text = bytes;
    if (bytes.size() >= 2 &&
        ((at(0) == 0xFF && at(1) == 0xFE) || (at(0) == 0xFE && at(1) == 0xFF))) {
        const bool bigEndian = at(0) == 0xFE;
        std::size_t errorUnit = 0;
        utf16Text = utf16ToUtf8(bytes.substr(2), bigEndian, errorUnit);
        if (errorUnit != std::string::npos) {
            // Position of the bad unit: convert what came before it to count lines and columns.
            std::size_t ignored = 0;
            const std::string before =
                utf16ToUtf8(bytes.substr(2, errorUnit * 2), bigEndian, ignored);
            const auto [line, column] = LineTable(before).position(before.size());
            return errorAt(SourceLocation{fileName, line, column},
                           "invalid UTF-16: an unpaired surrogate or an odd number of bytes");
        }
        text = utf16Text;
    } else if (const auto problem = checkUtf8(bytes, fileName)) {
        return *problem;
    } else if (bytes.substr(0, utf8Bom.size()) == utf8Bom) {
        text = bytes.substr(utf8Bom.size());
    }
    if (!utf16Text.empty()) {
        // The converted text must be well-formed too (it always is) and free of a second BOM.
        if (text.substr(0, utf8Bom.size()) == utf8Bom)
            text = text.substr(utf8Bom.size());
    }

    std::unique_ptr<XmlText> xml(new XmlText());
    xml->m_fileName = std::move(fileName);
    xml->m_size = text.size();
    xml->m_buffer.reset(new char[text.size() + 1]);
    std::memcpy(xml->m_buffer.get(), text.data(), text.size());
    xml->m_buffer[text.size()] = '\0';
    xml->m_lines = LineTable(std::string_view(xml->m_buffer.get(), xml->m_size));
    // parse_default without parse_doctype: a DOCTYPE is skipped, so no internal or external
    // entity is ever expanded (pugixml only knows the five predefined ones anyway).
    const unsigned flags = pugi::parse_default & ~pugi::parse_doctype;
    const pugi::xml_parse_result parsed = xml->m_document.load_buffer_inplace(
        xml->m_buffer.get(), xml->m_size, flags, pugi::encoding_utf8);
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
