#!/usr/bin/env python3
"""Generate model/reference.cpp from the IIS identity reference (iis-identity-reference.md).

Usage: generate_reference.py [REFERENCE_MD] [--output model/reference.cpp] [--no-format]

Reads the reference's source-key table and its fact bullets and writes the two constexpr tables
of model/reference.cpp (structs in model/reference.h), then runs clang-format on the result.

- Sources: every row of the "Source keys" table, sorted by key. Its URL is the first http(s) URL of
  the "Where" column; with none, an `owner/repo: path` mention becomes a GitHub blob URL; else "".
- Facts: every bullet starting `- **F<a>.<b>**`, sorted by (a, b) numerically. A bullet is its
  first line plus the indented lines that follow it (it ends at a blank line, a heading or the
  next bullet).
  * versions: the first `[...]` after the id.
  * status: every status word in backticks in the bullet, in order of first appearance, each once;
    a status the text says was replaced ("`CONFIRMED` (was UNCONFIRMED)") is left out.
  * sources: the source keys named in the bullet, in order of first appearance; an inline
    "KB 123456" counts as the key whose name or "Where" column names that KB number.
  * urls: the http(s) URLs written in the bullet; an inline "KB 123456" that no key covers and for
    which the reference gives no URL adds https://support.microsoft.com/kb/123456.
Standard library only.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys

STATUS_WORDS = ("CONFIRMED-3P", "CONFIRMED", "PARTIAL", "UNCONFIRMED", "CONFLICT")
STATUS_RE = re.compile(r"`(" + "|".join(re.escape(w) for w in STATUS_WORDS) + r")`")
REPLACED_RE = re.compile(
    r"`(?:" + "|".join(re.escape(w) for w in STATUS_WORDS) + r")`\s*\(was\s+("
    + "|".join(re.escape(w) for w in STATUS_WORDS) + r")\)")
# A URL ends at white space, a ';' followed by a space, ',' or a parenthesis, except one "(...)" group it may end with
# ("cc775569(v=ws.10)"); a trailing '.' is sentence punctuation.
URL_RE = re.compile(r"https?://(?:[^\s;,()]|;(?=\S))+(?:\([^()\s]*\))?")
FACT_RE = re.compile(r"^- \*\*F(\d+)\.(\d+)\*\*")
KB_INLINE_RE = re.compile(r"\bKB (\d{5,7})\b")
REPO_PATH_RE = re.compile(r"^([\w.-]+/[\w.-]+): (\S+)")

HEADER = """\
// Generated from ../shared/docs/iis-identity-reference.md (fact ids, statuses and source keys)
// by tests/reference/generate_reference.py. Regenerate when the reference changes; the resolver
// cites these ids.
#include "reference.h"

#include <algorithm>

namespace iisid {

namespace {

"""

FOOTER = """\
} // namespace

std::span<const SourceRef> sources() {
    return sourceTable;
}

std::span<const Fact> facts() {
    return factTable;
}

const SourceRef *findSource(std::string_view key) {
    const auto it = std::find_if(std::begin(sourceTable), std::end(sourceTable),
                                 [key](const SourceRef &s) { return s.key == key; });
    return it == std::end(sourceTable) ? nullptr : &*it;
}

const Fact *findFact(std::string_view id) {
    const auto it = std::find_if(std::begin(factTable), std::end(factTable),
                                 [id](const Fact &f) { return f.id == id; });
    return it == std::end(factTable) ? nullptr : &*it;
}

} // namespace iisid
"""


def urls_in(text):
    return [u.rstrip(".") for u in URL_RE.findall(text)]


def unique(items):
    seen = set()
    out = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out


def parse_sources(lines):
    """Rows of the "Source keys" table: list of (key, tier, url, where)."""
    sources = []
    in_section = False
    for line in lines:
        if line.startswith("## "):
            in_section = line.strip() == "## Source keys"
            continue
        if not in_section or not line.startswith("|"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 3 or cells[0] in ("Key", "") or set(cells[0]) <= set("-"):
            continue
        key, tier, where = cells[0], cells[1], "|".join(cells[2:])
        found = urls_in(where)
        if found:
            url = found[0]
        else:
            repo = REPO_PATH_RE.match(where)
            url = f"https://github.com/{repo.group(1)}/blob/master/{repo.group(2)}" if repo else ""
        sources.append((key, tier, url, where))
    return sources


def parse_fact_bullets(lines):
    """Yield (major, minor, text) for every fact bullet; text joins its lines with spaces."""
    current = None
    for line in lines + [""]:
        match = FACT_RE.match(line)
        ends = (not line.strip() or line.startswith("#") or line.startswith("- ")
                or not line.startswith(" "))
        if current is not None and (match or ends):
            yield current[0], current[1], " ".join(current[2])
            current = None
        if match:
            current = (int(match.group(1)), int(match.group(2)), [line.strip()])
        elif current is not None:
            current[2].append(line.strip())


def fact_row(major, minor, text, keys, kb_keys, kb_urls_known):
    fid = f"F{major}.{minor:02d}"
    rest = text[len(f"- **{fid}**"):]
    versions = re.match(r"\s*\[([^\]]*)\]", rest)
    replaced = set(REPLACED_RE.findall(text))
    statuses = [s for s in unique(STATUS_RE.findall(text)) if s not in replaced]

    cited = []  # (position, key)
    for key in keys:
        for m in re.finditer(r"(?<![A-Za-z0-9-])" + re.escape(key) + r"(?![A-Za-z0-9-])", text):
            cited.append((m.start(), key))
    extra_urls = []
    for m in KB_INLINE_RE.finditer(text):
        number = m.group(1)
        if number in kb_keys:
            cited.append((m.start(), kb_keys[number]))
        elif number not in kb_urls_known:
            extra_urls.append(f"https://support.microsoft.com/kb/{number}")
    sources = unique(key for _, key in sorted(cited))
    urls = unique(urls_in(text) + extra_urls)
    return (fid, versions.group(1).strip() if versions else "", " ".join(statuses),
            " ".join(sources), " ".join(urls))


def kb_numbers_with_url(lines):
    """KB numbers the reference gives a URL for: a support/KB URL that names the number
    (support.microsoft.com/kb/123456, ?id=123456, kbarchive/kb/218/Q218756, ...)."""
    known = set()
    for line in lines:
        for url in urls_in(line):
            if re.search(r"kb|support", url, re.I):
                known.update(re.findall(r"(?<!\d)(\d{5,7})(?!\d)", url))
    return known


def c_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render(sources, facts):
    out = [HEADER, "constexpr SourceRef sourceTable[] = {\n"]
    for key, tier, url, _ in sorted(sources, key=lambda s: s[0]):
        out.append(f"    {{{c_string(key)}, '{tier}', {c_string(url)}}},\n")
    out.append("};\n\nconstexpr Fact factTable[] = {\n")
    for row in facts:
        out.append("    {" + ", ".join(c_string(field) for field in row) + "},\n")
    out.append("};\n\n")
    out.append(FOOTER)
    return "".join(out)


def main(argv):
    repo = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reference", nargs="?",
                        default=os.path.join(repo, "..", "shared", "docs",
                                             "iis-identity-reference.md"))
    parser.add_argument("--output", default=os.path.join(repo, "model", "reference.cpp"))
    parser.add_argument("--no-format", action="store_true", help="do not run clang-format")
    args = parser.parse_args(argv)

    with open(args.reference, encoding="utf-8") as f:
        lines = f.read().splitlines()

    sources = parse_sources(lines)
    if not sources:
        sys.exit(f"{args.reference}: no source-key table found")
    keys = [s[0] for s in sources]
    kb_keys = {}
    for key, _, _, where in sources:
        numbers = re.findall(r"^KB-(\d+)$", key) + KB_INLINE_RE.findall(where)
        for number in numbers:
            kb_keys.setdefault(number, key)
    kb_known = kb_numbers_with_url(lines)

    rows = sorted(parse_fact_bullets(lines), key=lambda r: (r[0], r[1]))
    ids = [f"F{a}.{b:02d}" for a, b, _ in rows]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        sys.exit(f"{args.reference}: fact ids defined twice: {', '.join(duplicates)}")
    facts = [fact_row(a, b, text, keys, kb_keys, kb_known) for a, b, text in rows]

    with open(args.output, "w", encoding="utf-8") as f:
        f.write(render(sources, facts))
    if not args.no_format:
        clang_format = shutil.which("clang-format") or shutil.which("clang-format-14")
        if clang_format is None:
            sys.exit("clang-format not found; run it on the output or pass --no-format")
        # Format as the repository's .clang-format says, wherever the output is written.
        with open(args.output, encoding="utf-8") as f:
            formatted = subprocess.run(
                [clang_format, "--style=file",
                 "--assume-filename=" + os.path.join(repo, "model", "reference.cpp")],
                stdin=f, capture_output=True, text=True, check=True).stdout
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(formatted)
    print(f"{args.output}: {len(sources)} sources, {len(facts)} facts")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
