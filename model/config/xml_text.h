#pragma once

// The XML front end shared by the IIS configuration readers: bytes in (UTF-8 with or without a
// byte order mark, UTF-16 LE/BE with one), a pugixml document out, and every node's and
// attribute's position as file:line:column of the original text.

#include "model/diagnostic.h"

#include <pugixml.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace iisid::config {

/// Byte offset -> line:column for one text, from a line-start table built once (no scan per
/// value). Columns count characters (UTF-8 code points), 1-based, like checkUtf8. Keeps a hint
/// of the last line asked for, so one table (and one XmlText) is not for concurrent threads.
class LineTable {
public:
    LineTable() = default;
    explicit LineTable(std::string_view text);

    /// line and column of the byte at offset (offsets past the end give the end position).
    std::pair<int, int> position(std::size_t offset) const;
    /// The same as a SourceLocation in fileName.
    SourceLocation at(std::size_t offset, const std::string &fileName) const {
        const auto [line, column] = position(offset);
        return SourceLocation{fileName, line, column};
    }

private:
    std::string_view m_text;
    std::vector<std::uint32_t> m_lineStarts;
    /// The line of the last answer: readers ask in document order, so the next answer is
    /// usually on that line or a few after it (no binary search).
    mutable std::size_t m_lastLine = 0;
};

/// A parsed XML file. Owns the UTF-8 text pugixml parsed in place, so attribute values and names
/// stay valid (and string_views into them) as long as this object lives. Not copyable.
class XmlText {
public:
    XmlText(const XmlText &) = delete;
    XmlText &operator=(const XmlText &) = delete;

    const std::string &fileName() const { return m_fileName; }
    const pugi::xml_document &document() const { return m_document; }
    pugi::xml_node root() const { return m_document.document_element(); }

    /// Where the element starts (its '<').
    SourceLocation location(pugi::xml_node node) const;
    /// Where the attribute's name starts.
    SourceLocation location(pugi::xml_attribute attribute) const;
    /// Line and column only, for compact storage (see SourceLocation for their meaning).
    std::pair<int, int> position(pugi::xml_node node) const;
    std::pair<int, int> position(pugi::xml_attribute attribute) const;

    /// Reads bytes as XML. Errors: an encoding that is neither UTF-8 nor UTF-16 with a byte
    /// order mark, ill-formed UTF-8, or XML that is not well-formed — each with file:line:column.
    /// A DOCTYPE is skipped, never processed: no entity is expanded and nothing is fetched.
    static Result<std::unique_ptr<XmlText>> parse(std::string_view bytes, std::string fileName);
    /// The same, taking over the bytes (no copy of a large file when it is UTF-8 already).
    static Result<std::unique_ptr<XmlText>> parseOwned(std::string bytes, std::string fileName);

private:
    XmlText() = default;
    std::string m_fileName;
    std::string m_buffer; // the UTF-8 text without BOM, parsed in place
    LineTable m_lines;
    pugi::xml_document m_document;
};

/// A Diagnostic built step by step (GCC 12 warns about braced temporaries of it at -O3).
Diagnostic errorAt(SourceLocation location, std::string message);

/// UTF-16 (LE or BE, after its byte order mark) to UTF-8; nullopt-like empty result with
/// errorOffset set (a code unit index) when a surrogate is unpaired.
std::string utf16ToUtf8(std::string_view bytes, bool bigEndian, std::size_t &errorOffset);

} // namespace iisid::config
