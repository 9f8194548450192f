#include "redact.h"

#include <cctype>
#include <span>

namespace iisid::check {

namespace {

constexpr std::string_view encOpen = "[enc:";
constexpr std::string_view encClose = ":enc]";

bool isWordChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

bool equalsIgnoringCase(std::string_view text, std::size_t at, std::string_view word) {
    if (at + word.size() > text.size())
        return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(text[at + i])) != word[i])
            return false;
    }
    return true;
}

constexpr std::string_view passwordKeys[] = {"password", "pwd"};
/// Also secrets in a configuration file's own lines: the IIS 6 metabase's password properties
/// (stored encrypted, as hex), beside every password attribute.
constexpr std::string_view configurationPasswordKeys[] = {
    "password", "pwd", "uncpassword", "anonymoususerpass", "wamuserpass", "logodbcpassword"};

/// If a password key starts at `at` as a whole word and is followed by `=` (white space allowed
/// around it), the index just after the `=`; else npos.
std::size_t passwordValueStart(std::string_view text, std::size_t at,
                               std::span<const std::string_view> keys) {
    if (at > 0 && isWordChar(text[at - 1]))
        return std::string_view::npos;
    for (std::string_view key : keys) {
        if (!equalsIgnoringCase(text, at, key))
            continue;
        std::size_t i = at + key.size();
        while (i < text.size() && text[i] == ' ')
            ++i;
        if (i < text.size() && text[i] == '=')
            return i + 1;
    }
    return std::string_view::npos;
}

/// Calls `emit` with the pieces of the redacted text: runs of `text` kept and redactedText.
template <typename Emit>
void scanKeys(std::string_view text, std::span<const std::string_view> keys, Emit &&emit) {
    // A secret starts with "[enc:" or is a key's value after its '=': most texts have neither
    // and are kept whole, without looking for keys (issue 7 §6).
    if (text.find('=') == std::string_view::npos && text.find(encOpen) == std::string_view::npos) {
        if (!text.empty())
            emit(text);
        return;
    }
    // The characters a secret can start at: the '[' of "[enc:" and the first letter of each key,
    // in either case.
    std::string starts = "[";
    for (std::string_view key : keys) {
        const char first = key.front();
        starts += static_cast<char>(std::tolower(static_cast<unsigned char>(first)));
        starts += static_cast<char>(std::toupper(static_cast<unsigned char>(first)));
    }
    std::size_t i = 0;
    while (i < text.size()) {
        if (text.compare(i, encOpen.size(), encOpen) == 0) {
            const std::size_t close = text.find(encClose, i + encOpen.size());
            // An opening without a closing still starts a secret: hide the rest.
            emit(redactedText);
            i = close == std::string_view::npos ? text.size() : close + encClose.size();
            continue;
        }
        const std::size_t valueStart = passwordValueStart(text, i, keys);
        if (valueStart == std::string_view::npos) {
            // Nothing starts here: copy up to the next character a secret can start at.
            // Character by character this was a tenth of `iisid check --format json` on 60,000
            // applications (issue 7 §6).
            const std::size_t next = text.find_first_of(starts, i + 1);
            const std::size_t stop = next == std::string_view::npos ? text.size() : next;
            emit(text.substr(i, stop - i));
            i = stop;
            continue;
        }
        // The key, the '=' and the white space after it.
        std::size_t j = valueStart;
        while (j < text.size() && text[j] == ' ')
            ++j;
        emit(text.substr(i, j - i));
        if (j < text.size() && (text[j] == '"' || text[j] == '\'')) {
            // A quoted value (an XML attribute, a quoted connection-string value) ends at the
            // same quote.
            const char quote = text[j];
            const std::size_t end = text.find(quote, j + 1);
            emit(text.substr(j, 1));
            emit(redactedText);
            if (end == std::string_view::npos) {
                i = text.size();
            } else {
                emit(text.substr(end, 1));
                i = end + 1;
            }
            continue;
        }
        std::size_t end = j;
        while (end < text.size() && text[end] != ';' && text[end] != '"' && text[end] != '\'' &&
               std::isspace(static_cast<unsigned char>(text[end])) == 0)
            ++end;
        if (end > j)
            emit(redactedText);
        i = end;
    }
}

std::string redactKeys(std::string_view text, std::span<const std::string_view> keys) {
    std::string out;
    out.reserve(text.size());
    scanKeys(text, keys, [&out](std::string_view piece) { out += piece; });
    return out;
}

} // namespace

std::string redact(std::string_view text, bool show) {
    if (show)
        return std::string(text);
    return redactKeys(text, passwordKeys);
}

void redactPieces(std::string_view text, const std::function<void(std::string_view)> &piece) {
    scanKeys(text, passwordKeys, piece);
}

std::string redactConfigurationLine(std::string_view line, bool show) {
    if (show)
        return std::string(line);
    return redactKeys(line, configurationPasswordKeys);
}

std::string redact(const SecretText &value, bool show) {
    if (value.secret && !show)
        return std::string(redactedText);
    return redact(value.text, show);
}

} // namespace iisid::check
