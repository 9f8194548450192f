#include "text_metrics.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace iisid::diagram {

namespace {

struct Advance {
    char32_t codePoint;
    std::uint16_t book; // DejaVuSans.ttf, font units
    std::uint16_t bold; // DejaVuSans-Bold.ttf
};

constexpr double unitsPerEm = 2048;
constexpr double ascender = 1901; // hhea; both faces
constexpr double descender = 483;

// The advance widths of DejaVu Sans 2.37 (Debian fonts-dejavu-core) for Basic Latin, Latin-1,
// Latin Extended-A and the punctuation and arrows the diagram's texts use, read from the fonts'
// hmtx tables. Sorted by code point.
constexpr Advance advances[] = {
    {0x0020, 651, 713},   {0x0021, 821, 934},   {0x0022, 942, 1067},  {0x0023, 1716, 1716},
    {0x0024, 1303, 1425}, {0x0025, 1946, 2052}, {0x0026, 1597, 1786}, {0x0027, 563, 627},
    {0x0028, 799, 936},   {0x0029, 799, 936},   {0x002a, 1024, 1071}, {0x002b, 1716, 1716},
    {0x002c, 651, 778},   {0x002d, 739, 850},   {0x002e, 651, 778},   {0x002f, 690, 748},
    {0x0030, 1303, 1425}, {0x0031, 1303, 1425}, {0x0032, 1303, 1425}, {0x0033, 1303, 1425},
    {0x0034, 1303, 1425}, {0x0035, 1303, 1425}, {0x0036, 1303, 1425}, {0x0037, 1303, 1425},
    {0x0038, 1303, 1425}, {0x0039, 1303, 1425}, {0x003a, 690, 819},   {0x003b, 690, 819},
    {0x003c, 1716, 1716}, {0x003d, 1716, 1716}, {0x003e, 1716, 1716}, {0x003f, 1087, 1188},
    {0x0040, 2048, 2048}, {0x0041, 1401, 1585}, {0x0042, 1405, 1561}, {0x0043, 1430, 1503},
    {0x0044, 1577, 1700}, {0x0045, 1294, 1399}, {0x0046, 1178, 1399}, {0x0047, 1587, 1681},
    {0x0048, 1540, 1714}, {0x0049, 604, 762},   {0x004a, 604, 762},   {0x004b, 1343, 1587},
    {0x004c, 1141, 1305}, {0x004d, 1767, 2038}, {0x004e, 1532, 1714}, {0x004f, 1612, 1741},
    {0x0050, 1235, 1501}, {0x0051, 1612, 1741}, {0x0052, 1423, 1577}, {0x0053, 1300, 1475},
    {0x0054, 1251, 1397}, {0x0055, 1499, 1663}, {0x0056, 1401, 1585}, {0x0057, 2025, 2259},
    {0x0058, 1403, 1579}, {0x0059, 1251, 1483}, {0x005a, 1403, 1485}, {0x005b, 799, 936},
    {0x005c, 690, 748},   {0x005d, 799, 936},   {0x005e, 1716, 1716}, {0x005f, 1024, 1024},
    {0x0060, 1024, 1024}, {0x0061, 1255, 1382}, {0x0062, 1300, 1466}, {0x0063, 1126, 1214},
    {0x0064, 1300, 1466}, {0x0065, 1260, 1389}, {0x0066, 721, 891},   {0x0067, 1300, 1466},
    {0x0068, 1298, 1458}, {0x0069, 569, 702},   {0x006a, 569, 702},   {0x006b, 1186, 1362},
    {0x006c, 569, 702},   {0x006d, 1995, 2134}, {0x006e, 1298, 1458}, {0x006f, 1253, 1407},
    {0x0070, 1300, 1466}, {0x0071, 1300, 1466}, {0x0072, 842, 1010},  {0x0073, 1067, 1219},
    {0x0074, 803, 979},   {0x0075, 1298, 1458}, {0x0076, 1212, 1335}, {0x0077, 1675, 1892},
    {0x0078, 1212, 1321}, {0x0079, 1212, 1335}, {0x007a, 1075, 1192}, {0x007b, 1303, 1458},
    {0x007c, 690, 748},   {0x007d, 1303, 1458}, {0x007e, 1716, 1716}, {0x00a0, 651, 713},
    {0x00a1, 821, 934},   {0x00a2, 1303, 1425}, {0x00a3, 1303, 1425}, {0x00a4, 1303, 1303},
    {0x00a5, 1303, 1425}, {0x00a6, 690, 748},   {0x00a7, 1024, 1024}, {0x00a8, 1024, 1024},
    {0x00a9, 2048, 2048}, {0x00aa, 965, 1155},  {0x00ab, 1253, 1323}, {0x00ac, 1716, 1716},
    {0x00ad, 739, 850},   {0x00ae, 2048, 2048}, {0x00af, 1024, 1024}, {0x00b0, 1024, 1024},
    {0x00b1, 1716, 1716}, {0x00b2, 821, 897},   {0x00b3, 821, 897},   {0x00b4, 1024, 1024},
    {0x00b5, 1303, 1507}, {0x00b6, 1303, 1303}, {0x00b7, 651, 778},   {0x00b8, 1024, 1024},
    {0x00b9, 821, 897},   {0x00ba, 965, 1155},  {0x00bb, 1253, 1323}, {0x00bc, 1985, 2120},
    {0x00bd, 1985, 2120}, {0x00be, 1985, 2120}, {0x00bf, 1087, 1188}, {0x00c0, 1401, 1585},
    {0x00c1, 1401, 1585}, {0x00c2, 1401, 1585}, {0x00c3, 1401, 1585}, {0x00c4, 1401, 1585},
    {0x00c5, 1401, 1585}, {0x00c6, 1995, 2222}, {0x00c7, 1430, 1503}, {0x00c8, 1294, 1399},
    {0x00c9, 1294, 1399}, {0x00ca, 1294, 1399}, {0x00cb, 1294, 1399}, {0x00cc, 604, 762},
    {0x00cd, 604, 762},   {0x00ce, 604, 762},   {0x00cf, 604, 762},   {0x00d0, 1587, 1716},
    {0x00d1, 1532, 1714}, {0x00d2, 1612, 1741}, {0x00d3, 1612, 1741}, {0x00d4, 1612, 1741},
    {0x00d5, 1612, 1741}, {0x00d6, 1612, 1741}, {0x00d7, 1716, 1716}, {0x00d8, 1612, 1741},
    {0x00d9, 1499, 1663}, {0x00da, 1499, 1663}, {0x00db, 1499, 1663}, {0x00dc, 1499, 1663},
    {0x00dd, 1251, 1483}, {0x00de, 1239, 1511}, {0x00df, 1290, 1473}, {0x00e0, 1255, 1382},
    {0x00e1, 1255, 1382}, {0x00e2, 1255, 1382}, {0x00e3, 1255, 1382}, {0x00e4, 1255, 1382},
    {0x00e5, 1255, 1382}, {0x00e6, 2011, 2146}, {0x00e7, 1126, 1214}, {0x00e8, 1260, 1389},
    {0x00e9, 1260, 1389}, {0x00ea, 1260, 1389}, {0x00eb, 1260, 1389}, {0x00ec, 569, 702},
    {0x00ed, 569, 702},   {0x00ee, 569, 702},   {0x00ef, 569, 702},   {0x00f0, 1253, 1407},
    {0x00f1, 1298, 1458}, {0x00f2, 1253, 1407}, {0x00f3, 1253, 1407}, {0x00f4, 1253, 1407},
    {0x00f5, 1253, 1407}, {0x00f6, 1253, 1407}, {0x00f7, 1716, 1716}, {0x00f8, 1253, 1407},
    {0x00f9, 1298, 1458}, {0x00fa, 1298, 1458}, {0x00fb, 1298, 1458}, {0x00fc, 1298, 1458},
    {0x00fd, 1212, 1335}, {0x00fe, 1300, 1466}, {0x00ff, 1212, 1335}, {0x0100, 1401, 1585},
    {0x0101, 1255, 1382}, {0x0102, 1401, 1585}, {0x0103, 1255, 1382}, {0x0104, 1401, 1585},
    {0x0105, 1255, 1382}, {0x0106, 1430, 1503}, {0x0107, 1126, 1214}, {0x0108, 1430, 1503},
    {0x0109, 1126, 1214}, {0x010a, 1430, 1503}, {0x010b, 1126, 1214}, {0x010c, 1430, 1503},
    {0x010d, 1126, 1214}, {0x010e, 1577, 1700}, {0x010f, 1300, 1466}, {0x0110, 1587, 1716},
    {0x0111, 1300, 1466}, {0x0112, 1294, 1399}, {0x0113, 1260, 1389}, {0x0114, 1294, 1399},
    {0x0115, 1260, 1389}, {0x0116, 1294, 1399}, {0x0117, 1260, 1389}, {0x0118, 1294, 1399},
    {0x0119, 1260, 1389}, {0x011a, 1294, 1399}, {0x011b, 1260, 1389}, {0x011c, 1587, 1681},
    {0x011d, 1300, 1466}, {0x011e, 1587, 1681}, {0x011f, 1300, 1466}, {0x0120, 1587, 1681},
    {0x0121, 1300, 1466}, {0x0122, 1587, 1681}, {0x0123, 1300, 1466}, {0x0124, 1540, 1714},
    {0x0125, 1298, 1458}, {0x0126, 1876, 1994}, {0x0127, 1423, 1618}, {0x0128, 604, 762},
    {0x0129, 569, 702},   {0x012a, 604, 762},   {0x012b, 569, 702},   {0x012c, 604, 762},
    {0x012d, 569, 702},   {0x012e, 604, 762},   {0x012f, 569, 702},   {0x0130, 604, 762},
    {0x0131, 569, 702},   {0x0132, 1208, 1524}, {0x0133, 1138, 1404}, {0x0134, 604, 762},
    {0x0135, 569, 702},   {0x0136, 1343, 1587}, {0x0137, 1186, 1362}, {0x0138, 1186, 1362},
    {0x0139, 1141, 1305}, {0x013a, 569, 702},   {0x013b, 1141, 1305}, {0x013c, 569, 702},
    {0x013d, 1141, 1305}, {0x013e, 768, 982},   {0x013f, 1141, 1305}, {0x0140, 700, 1140},
    {0x0141, 1151, 1315}, {0x0142, 582, 760},   {0x0143, 1532, 1714}, {0x0144, 1298, 1458},
    {0x0145, 1532, 1714}, {0x0146, 1298, 1458}, {0x0147, 1532, 1714}, {0x0148, 1298, 1458},
    {0x0149, 1666, 2013}, {0x014a, 1532, 1714}, {0x014b, 1298, 1458}, {0x014c, 1612, 1741},
    {0x014d, 1253, 1407}, {0x014e, 1612, 1741}, {0x014f, 1253, 1407}, {0x0150, 1612, 1741},
    {0x0151, 1253, 1407}, {0x0152, 2191, 2390}, {0x0153, 2095, 2241}, {0x0154, 1423, 1577},
    {0x0155, 842, 1010},  {0x0156, 1423, 1577}, {0x0157, 842, 1010},  {0x0158, 1423, 1577},
    {0x0159, 842, 1010},  {0x015a, 1300, 1475}, {0x015b, 1067, 1219}, {0x015c, 1300, 1475},
    {0x015d, 1067, 1219}, {0x015e, 1300, 1475}, {0x015f, 1067, 1219}, {0x0160, 1300, 1475},
    {0x0161, 1067, 1219}, {0x0162, 1251, 1397}, {0x0163, 803, 979},   {0x0164, 1251, 1397},
    {0x0165, 803, 979},   {0x0166, 1251, 1397}, {0x0167, 803, 979},   {0x0168, 1499, 1663},
    {0x0169, 1298, 1458}, {0x016a, 1499, 1663}, {0x016b, 1298, 1458}, {0x016c, 1499, 1663},
    {0x016d, 1298, 1458}, {0x016e, 1499, 1663}, {0x016f, 1298, 1458}, {0x0170, 1499, 1663},
    {0x0171, 1298, 1458}, {0x0172, 1499, 1663}, {0x0173, 1298, 1458}, {0x0174, 2025, 2259},
    {0x0175, 1675, 1892}, {0x0176, 1251, 1483}, {0x0177, 1212, 1335}, {0x0178, 1251, 1483},
    {0x0179, 1403, 1485}, {0x017a, 1075, 1192}, {0x017b, 1403, 1485}, {0x017c, 1075, 1192},
    {0x017d, 1403, 1485}, {0x017e, 1075, 1192}, {0x017f, 721, 891},   {0x2009, 409, 409},
    {0x2010, 739, 850},   {0x2011, 739, 850},   {0x2013, 1024, 1024}, {0x2014, 2048, 2048},
    {0x2018, 651, 778},   {0x2019, 651, 778},   {0x201c, 1061, 1346}, {0x201d, 1061, 1346},
    {0x2022, 1208, 1309}, {0x2026, 2048, 2048}, {0x2190, 1716, 1716}, {0x2191, 1716, 1716},
    {0x2192, 1716, 1716}, {0x2193, 1716, 1716}, {0x2194, 1716, 1716}, {0x2212, 1716, 1716},
    {0x2260, 1716, 1716}, {0x2264, 1716, 1716}, {0x2265, 1716, 1716}, {0x25b6, 1575, 1575},
    {0x25cb, 1787, 1787}, {0x25cf, 1787, 1787}, {0x2713, 1716, 1716}, {0x2714, 1716, 1716},
    {0x2716, 1716, 1716}, {0x2717, 1716, 1716},
};

static_assert(std::is_sorted(std::begin(advances), std::end(advances),
                             [](const Advance &a, const Advance &b) {
                                 return a.codePoint < b.codePoint;
                             }));

/// The advances of ASCII by index, as the table has them (one em where it has none): most of
/// the picture's text, measured a few thousand times a layout.
constexpr std::array<Advance, 128> asciiAdvances = [] {
    std::array<Advance, 128> table{};
    for (char32_t c = 0; c < table.size(); ++c) {
        constexpr auto em = static_cast<std::uint16_t>(unitsPerEm);
        table[c] = {c, em, em};
        for (const Advance &a : advances) {
            if (a.codePoint == c)
                table[c] = a;
        }
    }
    return table;
}();

double advanceOf(char32_t c, bool bold) {
    if (c < asciiAdvances.size())
        return bold ? asciiAdvances[c].bold : asciiAdvances[c].book;
    const auto *end = std::end(advances);
    const auto *it =
        std::lower_bound(std::begin(advances), end, c,
                         [](const Advance &a, char32_t value) { return a.codePoint < value; });
    if (it == end || it->codePoint != c)
        return unitsPerEm; // not in the table: one em, never less room than needed
    return bold ? it->bold : it->book;
}

/// The next code point of `text` from `i`, moving `i` past it; a malformed byte counts as one
/// character of its own.
char32_t nextCodePoint(std::string_view text, std::size_t &i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) {
        ++i;
        return lead;
    }
    const std::size_t extra = (lead >> 5) == 0x6    ? 1
                              : (lead >> 4) == 0xe  ? 2
                              : (lead >> 3) == 0x1e ? 3
                                                    : 0;
    if (extra == 0 || i + extra >= text.size()) {
        ++i;
        return 0xfffd;
    }
    char32_t c = lead & (0x3f >> extra);
    for (std::size_t k = 1; k <= extra; ++k) {
        if ((byte(i + k) & 0xc0) != 0x80) {
            ++i;
            return 0xfffd;
        }
        c = (c << 6) | (byte(i + k) & 0x3f);
    }
    i += extra + 1;
    return c;
}

/// Where a word too wide for its line may break: after these, then anywhere.
bool breaksAfter(char c) {
    return c == '\\' || c == '/' || c == '-';
}

/// Splits one word too wide for `width` into pieces that fit, preferring the breaks above.
void breakWord(std::string_view word, TextStyle style, double width,
               std::vector<std::string> &lines) {
    while (!word.empty()) {
        std::size_t fits = 0;      // bytes that fit
        std::size_t lastBreak = 0; // bytes up to the last preferred break that fits
        double used = 0;
        for (std::size_t i = 0; i < word.size();) {
            const std::size_t start = i;
            used += advanceOf(nextCodePoint(word, i), style.bold) * style.pixelSize / unitsPerEm;
            if (used > width && start > 0)
                break;
            fits = i;
            if (breaksAfter(word[start]))
                lastBreak = i;
        }
        const std::size_t take = fits == word.size() ? fits : (lastBreak > 0 ? lastBreak : fits);
        lines.emplace_back(word.substr(0, take));
        word.remove_prefix(take);
    }
}

} // namespace

double textWidth(std::string_view utf8, TextStyle style) {
    double units = 0;
    for (std::size_t i = 0; i < utf8.size();)
        units += advanceOf(nextCodePoint(utf8, i), style.bold);
    return units * style.pixelSize / unitsPerEm;
}

double lineHeight(TextStyle style) {
    return (ascender + descender) * style.pixelSize / unitsPerEm;
}

double ascent(TextStyle style) {
    return ascender * style.pixelSize / unitsPerEm;
}

std::vector<std::string> wrapText(std::string_view utf8, TextStyle style, double width) {
    std::vector<std::string> lines;
    std::string line;
    const double space = textWidth(" ", style);
    double lineWidth = 0;
    std::size_t i = 0;
    while (i < utf8.size()) {
        if (utf8[i] == ' ') {
            ++i;
            continue;
        }
        const std::size_t end = std::min(utf8.find(' ', i), utf8.size());
        const std::string_view word = utf8.substr(i, end - i);
        i = end;
        const double wordWidth = textWidth(word, style);
        if (!line.empty() && lineWidth + space + wordWidth <= width) {
            line += ' ';
            line += word;
            lineWidth += space + wordWidth;
            continue;
        }
        if (!line.empty())
            lines.push_back(std::move(line));
        line.clear();
        if (wordWidth <= width) {
            line = word;
            lineWidth = wordWidth;
            continue;
        }
        breakWord(word, style, width, lines);
        // The word's last piece may be followed by more words on its line.
        line = std::move(lines.back());
        lines.pop_back();
        lineWidth = textWidth(line, style);
    }
    if (!line.empty())
        lines.push_back(std::move(line));
    return lines;
}

double widestLine(const std::vector<std::string> &lines, TextStyle style) {
    double widest = 0;
    for (const std::string &line : lines)
        widest = std::max(widest, textWidth(line, style));
    return widest;
}

} // namespace iisid::diagram
