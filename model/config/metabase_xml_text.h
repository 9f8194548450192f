#pragma once

#include "xml_text.h"

#include "model/diagnostic.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// Text helpers of the IIS 6 metabase and php.ini readers: bytes → UTF-8 and byte offset →
// line:column. (applicationHost.config has its own in xml_text.*; the two are to be unified.)
namespace iisid::config {

/// The input as UTF-8 without a byte order mark: UTF-8 with or without BOM is checked and kept,
/// UTF-16 LE or BE with a BOM is converted. Anything else (UTF-16 without BOM, bytes that are not
/// UTF-8, an unpaired surrogate, a NUL character) is a Diagnostic naming the line and column of
/// the first bad character. Lines and columns of the result equal those of the input (columns
/// count characters), so positions found in the UTF-8 text name the original file.
Result<std::string> decodeConfigText(std::string_view bytes, const std::string &fileName);

/// text without leading and trailing white space.
std::string_view trimmedText(std::string_view text);
/// text with ASCII letters lower-cased (paths, names and keywords of these files compare so).
std::string asciiLowered(std::string_view text);

} // namespace iisid::config
