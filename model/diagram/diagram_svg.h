#pragma once

#include <optional>
#include <string>

namespace iisid {
struct Resolution;
}

namespace iisid::diagram {

struct SvgOptions {
    /// The step to draw (clamped to the trace); nullopt: the final step, the whole request.
    std::optional<int> step;
    /// A heading above the picture and the document's <title>; empty: none.
    std::string title;
};

/// The request-flow diagram as a self-contained SVG 1.1 document (UTF-8): the same layout the
/// window draws (diagram_layout.h), every text a real <text> element already wrapped to its box,
/// nothing referenced outside the document, the font named with fallbacks. Light colours, for
/// reports and print.
std::string toSvg(const Resolution &resolution, const SvgOptions &options = {});

} // namespace iisid::diagram
