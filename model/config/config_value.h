#pragma once

// Values read from IIS configuration: the text, whether it was written or is a schema default,
// whether it is a secret, and where it came from.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace iisid::config {

/// A compact position: an index into the configuration set's files (ConfigSet::location turns
/// it into a SourceLocation) and 1-based line and column; line 0 = not tied to a place.
struct Origin {
    std::uint32_t file = 0;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    bool known() const { return line != 0; }
    friend bool operator==(const Origin &, const Origin &) = default;
};

enum class ValueSource : std::uint8_t {
    Absent,        // neither written nor given a default by the schema (keep apart from "")
    SchemaDefault, // the schema's defaultValue for the IIS version in use
    Written,       // written in a file (origin = the attribute)
};

struct ConfigValue {
    /// The text as written (XML entities decoded) or the schema default. A view into the parsed
    /// file or the static schema table: valid as long as the ConfigSet lives.
    std::string_view text;
    ValueSource source = ValueSource::Absent;
    /// A password or an encrypted-type attribute: every output must redact it unless asked.
    bool secret = false;
    /// The text has the "[enc:provider:payload:enc]" form (C1.40): not clear text.
    bool encrypted = false;
    /// The attribute when written; for a default, the element that holds it (if any).
    Origin origin;

    bool written() const { return source == ValueSource::Written; }
    bool present() const { return source != ValueSource::Absent; }
};

/// True for "[enc:provider:payload:enc]" (C1.40).
bool isEncryptedValue(std::string_view text);
/// The provider named by an encrypted value ("IISCngProvider"), "" otherwise.
std::string_view encryptionProvider(std::string_view text);
/// True when the payload of an encrypted value is empty ("[enc:IISCngProvider::enc]"): the
/// schema default, meaning "no password".
bool isEmptyEncryptedValue(std::string_view text);

/// %SystemDrive% -> C:, %windir% and %SystemRoot% -> C:\Windows (case-insensitive); other
/// variables are kept as written (C1.42: the real values are unknown offline, so these are
/// assumptions the caller should say it made).
std::string expandWellKnownVariables(std::string_view text);

/// "a, b,c" -> {"a", "b", "c"}: the comma lists of IIS attributes (lockAttributes, preCondition,
/// modules, accessPolicy, verb), items trimmed of spaces, empty items dropped.
std::vector<std::string_view> splitCommaList(std::string_view text);

/// ASCII case-insensitive comparison (IIS names, keys and paths).
bool equalsIgnoreCase(std::string_view a, std::string_view b);
std::string toLowerAscii(std::string_view text);

/// The effective value of one configuration element after merging: its attributes (written or
/// defaulted), its child elements and, for a collection, its entries in effective order.
struct EffectiveElement {
    std::string_view name;
    Origin origin; // the deepest element that contributed
    std::vector<std::pair<std::string_view, ConfigValue>> attributes;
    std::vector<EffectiveElement> children;
    std::vector<EffectiveElement> entries;
    /// The element and attribute locks set on this element (C1.25), kept while merging so a
    /// lower level that breaks one is reported.
    struct Lock {
        enum class Kind { Attributes, AllAttributesExcept, Elements, AllElementsExcept, Item };
        Kind kind = Kind::Attributes;
        std::vector<std::string_view> names; // "*" = all
        Origin origin;                       // the lock attribute
        int level = 0;                       // the file level that set it; binds deeper levels
    };
    std::vector<Lock> locks;

    /// The attribute, or nullptr when it was neither written nor given a schema default (the
    /// returned value is then never Absent).
    const ConfigValue *attribute(std::string_view attributeName) const;
    /// The attribute's value, or an Absent value.
    ConfigValue value(std::string_view attributeName) const;
    const EffectiveElement *child(std::string_view childName) const;
};

} // namespace iisid::config
