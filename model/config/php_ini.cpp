#include "php_ini.h"

#include "metabase_xml_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>

namespace iisid::config {

namespace {

struct DirectiveDefault {
    std::string_view name;
    std::string_view value;
};

// PHP's compiled defaults of the §4.3 directives (PHP-CGI-MAIN INI table; open_basedir empty).
constexpr std::array directiveDefaults{
    DirectiveDefault{"fastcgi.impersonate", "0"}, DirectiveDefault{"cgi.force_redirect", "1"},
    DirectiveDefault{"cgi.fix_pathinfo", "1"},    DirectiveDefault{"open_basedir", ""},
    DirectiveDefault{"fastcgi.logging", "1"},
};

// Directives whose presence says "this is a php.ini" (check-format.md: INI text with PHP keys).
constexpr std::array<std::string_view, 16> wellKnownDirectives{
    "engine",
    "short_open_tag",
    "memory_limit",
    "error_reporting",
    "display_errors",
    "extension_dir",
    "extension",
    "zend_extension",
    "upload_max_filesize",
    "post_max_size",
    "max_execution_time",
    "open_basedir",
    "cgi.force_redirect",
    "cgi.fix_pathinfo",
    "fastcgi.impersonate",
    "date.timezone",
};

bool isBlank(char c) {
    return c == ' ' || c == '\t';
}
bool isLineEnd(char c) {
    return c == '\n' || c == '\r';
}

/// A Windows path compared as PHP and Windows do: lower case, '\' as '/', no trailing '/'.
std::string comparablePath(std::string_view path) {
    std::string out = asciiLowered(trimmedText(path));
    std::replace(out.begin(), out.end(), '\\', '/');
    while (out.size() > 1 && out.back() == '/')
        out.pop_back();
    return out;
}

std::string folderOf(std::string_view path) {
    const std::string p = comparablePath(path);
    const std::size_t slash = p.rfind('/');
    return slash == std::string::npos ? std::string() : p.substr(0, slash);
}

class Parser {
public:
    Parser(std::string text, const std::string &fileName, HashComments reading)
        : m_text(std::move(text))
        , m_lines(m_text) {
        m_ini.fileName = fileName;
        m_ini.reading = reading;
    }

    Result<PhpIni> parse() {
        while (m_pos < m_text.size()) {
            skipBlanks();
            if (m_pos >= m_text.size())
                break;
            const char c = m_text[m_pos];
            if (isLineEnd(c)) {
                ++m_pos;
            } else if (c == ';') {
                skipToLineEnd();
            } else if (c == '#' && recordHash()) {
                skipToLineEnd();
            } else if (c == '[') {
                section();
            } else if (std::optional<Diagnostic> error = directive()) {
                return *error;
            }
        }
        return std::move(m_ini);
    }

private:
    SourceLocation at(std::size_t offset) const { return m_lines.at(offset, m_ini.fileName); }
    void skipBlanks() {
        while (m_pos < m_text.size() && isBlank(m_text[m_pos]))
            ++m_pos;
    }
    void skipToLineEnd() {
        while (m_pos < m_text.size() && !isLineEnd(m_text[m_pos]))
            ++m_pos;
    }

    /// Records a '#' line; true if it is a comment in this reading (C4.3).
    bool recordHash() {
        m_ini.hashLines.push_back(at(m_pos));
        return m_ini.reading == HashComments::BeforePhp7;
    }

    /// [PATH=…] and [HOST=…] start a scoped section; any other header returns to the global
    /// scope (C4.6, PHP-INI-C php_ini_parser_cb).
    void section() {
        const std::size_t start = ++m_pos;
        while (m_pos < m_text.size() && m_text[m_pos] != ']' && !isLineEnd(m_text[m_pos]))
            ++m_pos;
        const std::string_view name =
            trimmedText(std::string_view(m_text).substr(start, m_pos - start));
        skipToLineEnd();
        const std::string upper = asciiLowered(name.substr(0, 5));
        m_scope = IniScope::Global;
        m_scopeName.clear();
        if (upper == "path=") {
            m_scope = IniScope::Path;
            m_scopeName = comparablePath(name.substr(5));
        } else if (upper == "host=") {
            m_scope = IniScope::Host;
            m_scopeName = asciiLowered(trimmedText(name.substr(5)));
        }
    }

    std::optional<Diagnostic> directive() {
        const std::size_t nameStart = m_pos;
        while (m_pos < m_text.size() && m_text[m_pos] != '=' && m_text[m_pos] != ';' &&
               !isLineEnd(m_text[m_pos]))
            ++m_pos;
        const std::string_view name =
            trimmedText(std::string_view(m_text).substr(nameStart, m_pos - nameStart));
        if (m_pos >= m_text.size() || m_text[m_pos] != '=') {
            // A bare name sets nothing (php_ini_parser_cb ignores an entry without a value).
            m_ini.warnings.push_back(
                {at(nameStart), "\"" + std::string(name) + "\" has no '=' and sets nothing"});
            skipToLineEnd();
            return std::nullopt;
        }
        ++m_pos; // '='
        skipBlanks();
        PhpIniEntry entry;
        entry.name = std::string(name);
        entry.location = at(nameStart);
        entry.valueLocation = at(m_pos);
        entry.scope = m_scope;
        entry.scopeName = m_scopeName;
        const std::size_t valueStart = m_pos;
        if (std::optional<Diagnostic> error = value(entry))
            return error;
        entry.raw = std::string(
            trimmedText(std::string_view(m_text).substr(valueStart, m_pos - valueStart)));
        skipToLineEnd(); // the comment after the value
        if (name.empty()) {
            m_ini.warnings.push_back({entry.location, "a value without a directive name"});
            return std::nullopt;
        }
        m_ini.entries.push_back(std::move(entry));
        return std::nullopt;
    }

    /// The value: quoted "…" (escapes \" \\ \$, ${NAME}), raw '…', ${NAME}, and unquoted text up
    /// to ';' or the end of the line, concatenated (C4.3).
    std::optional<Diagnostic> value(PhpIniEntry &entry) {
        std::string out;
        bool quotedAny = false;
        std::size_t unquotedEnd = 0; // length of out after the last quoted part
        while (m_pos < m_text.size() && !isLineEnd(m_text[m_pos]) && m_text[m_pos] != ';') {
            const char c = m_text[m_pos];
            if (c == '"' || (c == '\'' && out.empty() && !quotedAny)) {
                const std::size_t open = m_pos++;
                if (!quoted(c, out, entry))
                    return Diagnostic{at(open), std::string("the quoted value of ") + entry.name +
                                                    " is not closed (PHP stops reading here)"};
                quotedAny = true;
                unquotedEnd = out.size();
            } else if (c == '$' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '{') {
                reference(out, entry);
            } else {
                if (c == '|' || c == '&' || c == '^' || c == '~' || c == '!' || c == '(' ||
                    c == ')')
                    entry.expression = true;
                out += c;
                ++m_pos;
            }
        }
        // Trailing blanks of an unquoted tail are not part of the value.
        while (out.size() > unquotedEnd && isBlank(out.back()))
            out.pop_back();
        if (!quotedAny && !entry.expression) {
            // Unquoted keywords (zend_ini_scanner BOOL_TRUE / BOOL_FALSE / NULL).
            const std::string word = asciiLowered(out);
            if (word == "on" || word == "yes" || word == "true")
                out = "1";
            else if (word == "off" || word == "no" || word == "false" || word == "none" ||
                     word == "null")
                out.clear();
        }
        entry.value = std::move(out);
        return std::nullopt;
    }

    bool quoted(char quote, std::string &out, PhpIniEntry &entry) {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == quote) {
                ++m_pos;
                return true;
            }
            if (quote == '"' && c == '\\' && m_pos + 1 < m_text.size() &&
                (m_text[m_pos + 1] == '"' || m_text[m_pos + 1] == '\\' ||
                 m_text[m_pos + 1] == '$')) {
                out += m_text[m_pos + 1];
                m_pos += 2;
            } else if (quote == '"' && c == '$' && m_pos + 1 < m_text.size() &&
                       m_text[m_pos + 1] == '{') {
                reference(out, entry);
            } else {
                out += c;
                ++m_pos;
            }
        }
        return false;
    }

    /// ${NAME}: an earlier directive's value (zend_ini_get_var looks in the configuration
    /// first), else an environment variable, unknown here.
    void reference(std::string &out, PhpIniEntry &entry) {
        const std::size_t start = m_pos;
        const std::size_t close = m_text.find('}', m_pos + 2);
        const std::size_t lineEnd = m_text.find_first_of("\r\n", m_pos);
        if (close == std::string::npos || close > lineEnd) {
            out += "${";
            m_pos += 2;
            return;
        }
        const std::string name = m_text.substr(start + 2, close - start - 2);
        m_pos = close + 1;
        if (const PhpIniEntry *earlier = m_ini.find(name)) {
            out += earlier->value;
        } else {
            out += m_text.substr(start, close + 1 - start);
            entry.unresolvedReference = true;
        }
    }

    std::string m_text;
    LineTable m_lines;
    PhpIni m_ini;
    std::size_t m_pos = 0;
    IniScope m_scope = IniScope::Global;
    std::string m_scopeName;
};

/// Windows command-line words: blanks separate, "…" groups (CommandLineToArgvW, simplified).
std::vector<std::string> commandWords(std::string_view line) {
    std::vector<std::string> words;
    std::string word;
    bool inWord = false;
    bool inQuotes = false;
    for (char c : line) {
        if (c == '"') {
            inQuotes = !inQuotes;
            inWord = true;
        } else if (isBlank(c) && !inQuotes) {
            if (inWord)
                words.push_back(std::move(word));
            word.clear();
            inWord = false;
        } else {
            word += c;
            inWord = true;
        }
    }
    if (inWord)
        words.push_back(std::move(word));
    return words;
}

PhpDefine defineOf(std::string_view text) {
    // -d name without '=' sets "1" (PHP-CGI-MAIN define_command_line_ini_entry).
    const std::size_t equals = text.find('=');
    if (equals == std::string_view::npos)
        return {std::string(trimmedText(text)), "1"};
    return {std::string(trimmedText(text.substr(0, equals))), std::string(text.substr(equals + 1))};
}

std::optional<std::size_t> givenAt(std::span<const std::string> given, std::string_view path) {
    const std::string wanted = comparablePath(path);
    for (std::size_t i = 0; i < given.size(); ++i) {
        if (comparablePath(given[i]) == wanted)
            return i;
    }
    return std::nullopt;
}

} // namespace

const PhpIniEntry *PhpIni::find(std::string_view name) const {
    for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
        if (it->scope == IniScope::Global && it->name == name)
            return &*it;
    }
    return nullptr;
}

std::vector<const PhpIniEntry *> PhpIni::findAll(std::string_view name) const {
    std::vector<const PhpIniEntry *> out;
    for (const PhpIniEntry &entry : entries) {
        if (entry.name == name)
            out.push_back(&entry);
    }
    return out;
}

bool looksLikePhpIni(std::string_view utf8Text) {
    std::size_t start = 0;
    bool sawContent = false;
    while (start < utf8Text.size()) {
        std::size_t end = utf8Text.find('\n', start);
        if (end == std::string_view::npos)
            end = utf8Text.size();
        const std::string_view line = trimmedText(utf8Text.substr(start, end - start));
        start = end + 1;
        if (line.empty() || line.front() == ';' || line.front() == '#')
            continue;
        if (!sawContent && line.front() == '<')
            return false; // markup, not INI
        sawContent = true;
        if (asciiLowered(line) == "[php]")
            return true;
        const std::size_t equals = line.find('=');
        if (equals == std::string_view::npos)
            continue;
        const std::string_view name = trimmedText(line.substr(0, equals));
        if (std::find(wellKnownDirectives.begin(), wellKnownDirectives.end(), name) !=
            wellKnownDirectives.end())
            return true;
    }
    return false;
}

Result<PhpIni> readPhpIni(std::string_view bytes, const std::string &fileName,
                          HashComments reading) {
    Result<std::string> text = decodeConfigText(bytes, fileName);
    if (!text)
        return text.errors();
    Parser parser(std::move(text).value(), fileName, reading);
    return parser.parse();
}

bool iniBoolean(std::string_view value) {
    const std::string word = asciiLowered(value);
    if (word == "on" || word == "yes" || word == "true")
        return true;
    // atoi: optional blanks and sign, then digits.
    return std::atoi(word.c_str()) != 0;
}

PhpIniChoice choosePhpIni(const PhpCgiLaunch &launch, std::span<const std::string> givenIniPaths,
                          std::string_view windowsFolder) {
    PhpIniChoice choice;
    std::string override;
    bool noIni = false;
    const std::vector<std::string> words = commandWords(launch.arguments);
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string &w = words[i];
        const auto argument = [&](std::string_view option) -> std::optional<std::string> {
            if (w == option)
                return i + 1 < words.size() ? std::optional<std::string>(words[++i]) : std::nullopt;
            if (w.starts_with(option))
                return w.substr(option.size());
            return std::nullopt;
        };
        if (w == "-n") {
            noIni = true;
        } else if (std::optional<std::string> path = argument("-c")) {
            override = *path;
        } else if (std::optional<std::string> define = argument("-d")) {
            choice.defines.push_back(defineOf(*define));
        }
    }
    std::string phprc;
    for (const auto &[name, value] : launch.environment) {
        if (asciiLowered(name) == "phprc")
            phprc = value;
        else if (asciiLowered(name) == "php_ini_scan_dir")
            choice.scanDir = value;
    }
    if (noIni) {
        choice.kind = PhpIniChoiceKind::NoIni;
        choice.reason = "-n";
        return choice;
    }
    // The search: -c replaces it; a PHPRC naming a file is that file; else the folders in order
    // (C4.1, PHP-INI-C php_init_config).
    std::vector<std::pair<std::string, std::string>> folders; // folder, reason
    const auto chose = [&](std::size_t index, std::string reason) {
        choice.kind = PhpIniChoiceKind::Given;
        choice.index = index;
        choice.reason = std::move(reason);
        return choice;
    };
    if (!override.empty()) {
        if (const std::optional<std::size_t> file = givenAt(givenIniPaths, override))
            return chose(*file, "-c");
        folders.emplace_back(comparablePath(override), "-c");
    } else {
        if (!phprc.empty()) {
            if (const std::optional<std::size_t> file = givenAt(givenIniPaths, phprc))
                return chose(*file, "PHPRC file");
            folders.emplace_back(comparablePath(phprc), "PHPRC folder");
        }
        folders.emplace_back(folderOf(launch.fullPath), "php-cgi.exe folder");
        folders.emplace_back(comparablePath(windowsFolder), "Windows folder");
    }
    for (const auto &[folder, reason] : folders)
        choice.searched.push_back(folder);
    for (std::string_view file : {"php-cgi-fcgi.ini", "php.ini"}) {
        for (const auto &[folder, reason] : folders) {
            if (const std::optional<std::size_t> found =
                    givenAt(givenIniPaths, folder + "/" + std::string(file)))
                return chose(*found, reason);
        }
    }
    return choice;
}

EffectiveDirective effectiveDirective(const PhpIni *ini, std::span<const PhpDefine> defines,
                                      std::string_view name,
                                      const SourceLocation &definesLocation) {
    // -d is applied after php.ini (C4.5); the last -d wins.
    for (auto it = defines.rbegin(); it != defines.rend(); ++it) {
        if (it->name == name)
            return {it->value, DirectiveOrigin::Define, definesLocation};
    }
    if (ini) {
        if (const PhpIniEntry *entry = ini->find(name))
            return {entry->value, DirectiveOrigin::IniFile, entry->location};
    }
    for (const DirectiveDefault &d : directiveDefaults) {
        if (d.name == name)
            return {std::string(d.value), DirectiveOrigin::Default, {}};
    }
    return {};
}

} // namespace iisid::config
