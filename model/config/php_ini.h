#pragma once

#include "model/diagnostic.h"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Reads php.ini (config-semantics.md §4): every directive with its place, the effective value of
// a directive after -d arguments, and which php.ini a php-cgi.exe started by IIS FastCGI reads.
namespace iisid::config {

/// How a line starting with '#' reads (C4.3, PHP-PARSEINI): a comment before PHP 7.0, a
/// directive named "#…" from 7.0 on. PhpIni::hashLines says whether the two readings can differ.
enum class HashComments { BeforePhp7, FromPhp7 };

/// Where a directive applies (C4.6): everywhere, or under CGI/FastCGI only to scripts in one
/// folder ([PATH=…]) or for one host ([HOST=…]).
enum class IniScope { Global, Path, Host };

struct PhpIniEntry {
    /// As written: directive names are case-sensitive (C4.3).
    std::string name;
    /// The value PHP sees: quotes removed, \" \\ \$ unescaped in "…", unquoted On/Yes/True → "1"
    /// and Off/No/False/None/Null → "", ${NAME} replaced by an earlier directive's value.
    std::string value;
    /// The value text as written, without the comment after it.
    std::string raw;
    SourceLocation location;
    SourceLocation valueLocation;
    IniScope scope = IniScope::Global;
    /// For Path/Host: the folder (lower case, '/' separators, no trailing '/') or host (lower
    /// case), as PHP compares them.
    std::string scopeName;
    /// ${NAME} names no earlier directive: an environment variable, unknown offline (the value
    /// keeps "${NAME}").
    bool unresolvedReference = false;
    /// Unquoted operators (| & ^ ~ ! ( )): a constant expression such as E_ALL & ~E_NOTICE, kept
    /// as written, not evaluated.
    bool expression = false;
};

struct PhpIni {
    std::string fileName;
    /// Where the server keeps it ("c:\php\php.ini"), through --map (check-format.md: a php.ini
    /// is tied to the FastCGI applications whose fullPath folder, PHPRC or -c holds it); empty
    /// when no mapping covers its local path.
    std::string windowsPath;
    HashComments reading = HashComments::FromPhp7;
    /// Every directive in document order.
    std::vector<PhpIniEntry> entries;
    /// Lines starting with '#'.
    std::vector<SourceLocation> hashLines;
    /// Lines read past: a name without '=', an empty name.
    std::vector<Diagnostic> warnings;

    /// The last global entry with that exact name (C4.4: the last occurrence wins), or nullptr.
    const PhpIniEntry *find(std::string_view name) const;
    /// All entries with that exact name in order (extension=, zend_extension= accumulate, and
    /// [PATH=]/[HOST=] values).
    std::vector<const PhpIniEntry *> findAll(std::string_view name) const;
};

/// Whether UTF-8 text is a php.ini, by content (check-format.md): not markup, and a [PHP]
/// section or a line setting a well-known PHP directive.
bool looksLikePhpIni(std::string_view utf8Text);

/// Reads php.ini bytes (UTF-8 with or without BOM, UTF-16 with BOM). An unterminated quoted
/// value is an error at the opening quote (PHP stops reading the file there).
Result<PhpIni> readPhpIni(std::string_view bytes, const std::string &fileName,
                          HashComments reading = HashComments::FromPhp7);

/// How PHP reads a boolean directive (zend_ini_parse_bool): "on", "yes", "true" (any case) are
/// true, anything else is its leading integer ≠ 0 ("1" true; "0", "", "off", "none" false).
bool iniBoolean(std::string_view value);

/// A -d name=value of the php-cgi command line.
struct PhpDefine {
    std::string name;
    std::string value;
};

/// How IIS starts php-cgi.exe: the FastCGI <application>'s fullPath, arguments and
/// environmentVariables (C4.2).
struct PhpCgiLaunch {
    std::string fullPath;
    std::string arguments;
    std::vector<std::pair<std::string, std::string>> environment;
    /// Where arguments was read (for values set by -d).
    SourceLocation argumentsLocation;
};

enum class PhpIniChoiceKind {
    /// One of the given files.
    Given,
    /// -n: no php.ini at all.
    NoIni,
    /// None of the given files lies where this php-cgi looks (IISID-INPUT-SCOPE, C4.2).
    NotGiven,
};

struct PhpIniChoice {
    PhpIniChoiceKind kind = PhpIniChoiceKind::NotGiven;
    /// Index into the given files when kind is Given.
    std::size_t index = 0;
    /// Why: "-c", "PHPRC file", "PHPRC folder", "php-cgi.exe folder", "Windows folder".
    std::string reason;
    /// The folders searched in order (C4.1); the registry's and the current folder are not
    /// knowable offline and not listed.
    std::vector<std::string> searched;
    /// -d arguments in order: they override php.ini (C4.5).
    std::vector<PhpDefine> defines;
    /// PHP_INI_SCAN_DIR: its *.ini files are read after php.ini (not modelled).
    std::string scanDir;
};

/// Which of the given php.ini files (Windows paths, e.g. "C:\PHP\php.ini") this php-cgi reads
/// (C4.1): -n none; -c file or folder; PHPRC naming a given file; else the first of
/// php-cgi-fcgi.ini, then php.ini, in PHPRC's folder, the folder of fullPath, windowsFolder.
/// Paths compare case-insensitively with '/' and '\' alike.
PhpIniChoice choosePhpIni(const PhpCgiLaunch &launch, std::span<const std::string> givenIniPaths,
                          std::string_view windowsFolder = "C:\\Windows");

enum class DirectiveOrigin { Define, IniFile, Default };

struct EffectiveDirective {
    std::string value;
    DirectiveOrigin origin = DirectiveOrigin::Default;
    /// The entry (IniFile) or the arguments attribute (Define); no line for Default.
    SourceLocation location;
};

/// The value php-cgi uses at start-up for a global directive: the last -d, else the php.ini's
/// last global entry (ini may be null: no php.ini), else PHP's default for the directives of
/// §4.3 (fastcgi.impersonate "0", cgi.force_redirect "1", cgi.fix_pathinfo "1", open_basedir "",
/// fastcgi.logging "1") or "" for others.
EffectiveDirective effectiveDirective(const PhpIni *ini, std::span<const PhpDefine> defines,
                                      std::string_view name,
                                      const SourceLocation &definesLocation = {});

} // namespace iisid::config
