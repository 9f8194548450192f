#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace iisid::diagram {

/// The one measure of text the diagram uses, in the window, the exported picture and the
/// Qt-free SVG alike: the advance widths of DejaVu Sans (Book and Bold), the font every one of
/// them names. Kerning is not applied (the SVG and the Qt scene turn it off), so a width is the
/// sum of the advances: what the renderers draw, to within a pixel.
inline constexpr std::string_view fontFamily = "DejaVu Sans";
/// For CSS (SVG font-family): the named font, then what a renderer without it should use.
inline constexpr std::string_view fontFamilyCss = "'DejaVu Sans', Verdana, sans-serif";

struct TextStyle {
    double pixelSize = 16;
    bool bold = false;
    friend bool operator==(const TextStyle &, const TextStyle &) = default;
};

/// The advance of `utf8` set in `style`, in pixels (scene units). A character the table does
/// not hold counts as one em, so a label never gets less room than it needs.
double textWidth(std::string_view utf8, TextStyle style);

/// Baseline to baseline, and the ascent above the baseline (DejaVu's hhea metrics).
double lineHeight(TextStyle style);
double ascent(TextStyle style);

/// Breaks `utf8` into lines no wider than `width`: at spaces; a word wider than the line breaks
/// after a backslash, slash or hyphen in it, and only failing that between characters. Nothing is
/// dropped or shortened: joining the lines with the spaces they broke at gives the text back.
/// Empty text gives no lines.
std::vector<std::string> wrapText(std::string_view utf8, TextStyle style, double width);

/// The width of the widest of `lines`.
double widestLine(const std::vector<std::string> &lines, TextStyle style);

} // namespace iisid::diagram
