#pragma once

// Escaping text for the markup the model writes: HTML reports, the diagram's SVG, the identity
// matrix page. One home, so that every writer escapes the same characters.

#include <string>
#include <string_view>

namespace iisid {

/// The text with & < > " replaced by their entities: safe in element content and in
/// double-quoted attribute values of HTML and XML (SVG).
std::string escapeMarkup(std::string_view text);

} // namespace iisid
