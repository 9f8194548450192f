#pragma once

#include "diagnostic.h"

#include <optional>
#include <string>
#include <string_view>

namespace iisid {

/// The UTF-8 byte order mark some Windows editors write; readers accept and skip it.
inline constexpr std::string_view utf8Bom = "\xEF\xBB\xBF";

/// Checks that text is UTF-8, the only encoding the program reads, before anything else looks at
/// it. Returns the first problem: UTF-16 (a byte order mark, or the NUL bytes that ASCII text has
/// in UTF-16) or the first byte that is not well-formed UTF-8 (overlong forms, surrogates and
/// code points above U+10FFFF are not), named by line and column. A leading UTF-8 byte order mark
/// is accepted and columns count from the character after it. Columns count characters.
std::optional<Diagnostic> checkUtf8(std::string_view text, const std::string &fileName);

/// Whether text is well-formed UTF-8 (NUL bytes included: they are characters).
bool isUtf8(std::string_view text);

/// The length of the well-formed UTF-8 character starting at text[offset], or 0 if the bytes
/// there do not form one.
std::size_t utf8CharLength(std::string_view text, std::size_t offset);

} // namespace iisid
