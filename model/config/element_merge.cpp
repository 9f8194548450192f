#include "element_merge.h"

#include <algorithm>
#include <cstring>

namespace iisid::config {

namespace {

using Lock = EffectiveElement::Lock;

/// Attributes that steer the configuration system rather than being settings.
bool isControlAttribute(std::string_view name) {
    return name == "lockAttributes" || name == "lockAllAttributesExcept" ||
           name == "lockElements" || name == "lockAllElementsExcept" || name == "lockItem" ||
           name == "configSource" || name == "xmlns" || name.starts_with("xmlns:") ||
           name.starts_with("xdt:");
}

bool listed(const std::vector<std::string_view> &names, std::string_view name) {
    return std::any_of(names.begin(), names.end(),
                       [&](std::string_view n) { return n == "*" || n == name; });
}

const char *lockName(Lock::Kind kind) {
    switch (kind) {
    case Lock::Kind::Attributes:
        return "lockAttributes";
    case Lock::Kind::AllAttributesExcept:
        return "lockAllAttributesExcept";
    case Lock::Kind::Elements:
        return "lockElements";
    case Lock::Kind::AllElementsExcept:
        return "lockAllElementsExcept";
    case Lock::Kind::Item:
        return "lockItem";
    }
    return "";
}

/// Collections a schema row does not describe (sections outside the table) still use the
/// usual directives, keyed by name.
const SchemaCollection &genericCollection() {
    static const SchemaCollection collection{"",       "add", "remove", "clear",
                                             {"name"}, true,  false,    0};
    return collection;
}

std::string join(std::string_view a, std::string_view b) {
    std::string out(a);
    out += '/';
    out += b;
    return out;
}

} // namespace

Origin ElementMerger::origin(pugi::xml_node node, const MergeSource &source) const {
    const auto [line, column] = source.xml->position(node);
    return {source.fileIndex, static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(column)};
}

Origin ElementMerger::origin(pugi::xml_attribute attribute, const MergeSource &source) const {
    const auto [line, column] = source.xml->position(attribute);
    return {source.fileIndex, static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(column)};
}

ConfigValue ElementMerger::written(pugi::xml_attribute attribute, std::string_view elementPath,
                                   const MergeSource &source) const {
    ConfigValue value;
    value.text = attribute.value();
    value.source = ValueSource::Written;
    const SchemaAttribute *schema = schemaAttribute(m_version, elementPath, attribute.name());
    const bool encryptedType = schema != nullptr && (schema->flags & AttributeFlag::Encrypted);
    // Passwords are secrets even where the schema does not encrypt them (system.web/identity,
    // SA10:L305: stored in clear text).
    value.secret =
        encryptedType || toLowerAscii(attribute.name()).find("password") != std::string::npos;
    value.encrypted = isEncryptedValue(value.text);
    value.origin = origin(attribute, source);
    return value;
}

void ElementMerger::applyAttributes(EffectiveElement &target, pugi::xml_node element,
                                    std::string_view elementPath, const MergeSource &source) {
    for (pugi::xml_attribute attribute : element.attributes()) {
        const std::string_view name = attribute.name();
        if (isControlAttribute(name))
            continue;
        const auto lock =
            std::find_if(target.locks.begin(), target.locks.end(), [&](const Lock &l) {
                if (l.level >= source.level)
                    return false;
                return (l.kind == Lock::Kind::Attributes && listed(l.names, name)) ||
                       (l.kind == Lock::Kind::AllAttributesExcept && !listed(l.names, name));
            });
        if (lock != target.locks.end()) {
            // C1.25: setting a locked attribute fails even with the same value.
            m_violations.push_back(
                {"attribute '" + std::string(name) + "' of " + std::string(elementPath),
                 origin(attribute, source), lockName(lock->kind), lock->origin});
            continue;
        }
        ConfigValue value = written(attribute, elementPath, source);
        const auto existing = std::find_if(target.attributes.begin(), target.attributes.end(),
                                           [&](const auto &pair) { return pair.first == name; });
        if (existing != target.attributes.end())
            existing->second = value;
        else
            target.attributes.emplace_back(name, value);
    }
    // The locks this element sets bind the levels below it.
    const std::pair<const char *, Lock::Kind> lockAttributes[] = {
        {"lockAttributes", Lock::Kind::Attributes},
        {"lockAllAttributesExcept", Lock::Kind::AllAttributesExcept},
        {"lockElements", Lock::Kind::Elements},
        {"lockAllElementsExcept", Lock::Kind::AllElementsExcept},
    };
    for (const auto &[attributeName, kind] : lockAttributes) {
        if (const pugi::xml_attribute attribute = element.attribute(attributeName))
            target.locks.push_back(
                {kind, splitCommaList(attribute.value()), origin(attribute, source), source.level});
    }
    if (const pugi::xml_attribute item = element.attribute("lockItem");
        item && equalsIgnoreCase(item.value(), "true"))
        target.locks.push_back({Lock::Kind::Item, {}, origin(item, source), source.level});
}

bool ElementMerger::elementLocked(const EffectiveElement &target, std::string_view childName,
                                  pugi::xml_node child, std::string_view elementPath,
                                  const MergeSource &source) {
    const auto lock = std::find_if(target.locks.begin(), target.locks.end(), [&](const Lock &l) {
        if (l.level >= source.level)
            return false;
        return (l.kind == Lock::Kind::Elements && listed(l.names, childName)) ||
               (l.kind == Lock::Kind::AllElementsExcept && !listed(l.names, childName));
    });
    if (lock == target.locks.end())
        return false;
    m_violations.push_back(
        {"element <" + std::string(childName) + "> of " + std::string(elementPath),
         origin(child, source), lockName(lock->kind), lock->origin});
    return true;
}

std::string ElementMerger::entryKey(const EffectiveElement &entry,
                                    const SchemaCollection &collection) const {
    std::string key;
    for (std::string_view name : collection.keys) {
        key += entry.value(name).text;
        key += '\x1f';
    }
    return collection.keyCaseSensitive ? key : toLowerAscii(key);
}

std::string ElementMerger::entryKey(pugi::xml_node directive,
                                    const SchemaCollection &collection) const {
    std::string key;
    for (std::string_view name : collection.keys) {
        key += directive.attribute(std::string(name).c_str()).value();
        key += '\x1f';
    }
    return collection.keyCaseSensitive ? key : toLowerAscii(key);
}

void ElementMerger::applyCollectionDirective(EffectiveElement &target, pugi::xml_node directive,
                                             const SchemaCollection &collection,
                                             std::string_view elementPath,
                                             const MergeSource &source, std::size_t &insertAt) {
    const std::string_view name = directive.name();
    const auto itemLock = [&](const EffectiveElement &entry) -> const Lock * {
        for (const Lock &lock : entry.locks) {
            if (lock.kind == Lock::Kind::Item && lock.level < source.level)
                return &lock;
        }
        return nullptr;
    };
    if (!collection.clearElement.empty() && name == collection.clearElement) {
        // C1.35: <clear/> empties the inherited list; C1.25: a lockItem entry makes it fail.
        for (const EffectiveElement &entry : target.entries) {
            if (const Lock *lock = itemLock(entry)) {
                m_violations.push_back(
                    {"<clear/> of " + std::string(elementPath) + " (removes a locked entry)",
                     origin(directive, source), "lockItem", lock->origin});
                return;
            }
        }
        target.entries.clear();
        insertAt = 0;
        return;
    }
    if (!collection.removeElement.empty() && name == collection.removeElement) {
        const std::string key = entryKey(directive, collection);
        for (auto entry = target.entries.begin(); entry != target.entries.end(); ++entry) {
            if (entryKey(*entry, collection) != key)
                continue;
            if (const Lock *lock = itemLock(*entry)) {
                m_violations.push_back({"<remove> of a locked entry of " + std::string(elementPath),
                                        origin(directive, source), "lockItem", lock->origin});
                return;
            }
            const auto index = static_cast<std::size_t>(entry - target.entries.begin());
            if (index < insertAt)
                --insertAt;
            target.entries.erase(entry);
            return;
        }
        return; // removing an entry that is not there is not an error
    }
    EffectiveElement entry;
    apply(entry, directive, join(elementPath, collection.addElement), source);
    const std::string key = entryKey(entry, collection);
    const bool duplicate =
        std::any_of(target.entries.begin(), target.entries.end(),
                    [&](const EffectiveElement &e) { return entryKey(e, collection) == key; });
    if (duplicate) {
        // C1.36 / Q13: IIS rejects a second entry with the same key (500.19); keep the first.
        const auto [line, column] = source.xml->position(directive);
        m_problems.push_back(source.xml->fileName() + ":" + std::to_string(line) + ":" +
                             std::to_string(column) + ": duplicate entry in " +
                             std::string(elementPath) + " (C1.36): IIS reports 500.19");
        return;
    }
    if (collection.mergeAppend) {
        target.entries.push_back(std::move(entry));
    } else {
        // mergeAppend="false" (handlers, S10:L904): this level's entries go before inherited ones.
        target.entries.insert(target.entries.begin() + static_cast<std::ptrdiff_t>(insertAt),
                              std::move(entry));
        ++insertAt;
    }
}

void ElementMerger::apply(EffectiveElement &target, pugi::xml_node element,
                          std::string_view elementPath, const MergeSource &source) {
    target.name = element.name();
    target.origin = origin(element, source);
    applyAttributes(target, element, elementPath, source);
    const SchemaCollection *collection = schemaCollection(elementPath);
    std::size_t insertAt = 0;
    for (pugi::xml_node child : element.children()) {
        if (child.type() != pugi::node_element)
            continue;
        const std::string_view name = child.name();
        const SchemaCollection *useCollection = collection;
        if (useCollection == nullptr && (name == "add" || name == "remove" || name == "clear"))
            useCollection = &genericCollection();
        if (useCollection != nullptr &&
            (name == useCollection->addElement || name == useCollection->removeElement ||
             name == useCollection->clearElement)) {
            if (!elementLocked(target, name, child, elementPath, source))
                applyCollectionDirective(target, child, *useCollection, elementPath, source,
                                         insertAt);
            continue;
        }
        if (elementLocked(target, name, child, elementPath, source))
            continue;
        auto existing = std::find_if(target.children.begin(), target.children.end(),
                                     [&](const EffectiveElement &e) { return e.name == name; });
        if (existing == target.children.end()) {
            target.children.emplace_back();
            existing = target.children.end() - 1;
        }
        apply(*existing, child, join(elementPath, name), source);
    }
}

void ElementMerger::fillDefaults(EffectiveElement &target, std::string_view elementPath) const {
    for (const SchemaAttribute *schema : schemaAttributes(m_version, elementPath)) {
        if (!schema->defaultValue || target.attribute(schema->name) != nullptr)
            continue;
        ConfigValue value;
        value.text = *schema->defaultValue;
        value.source = ValueSource::SchemaDefault;
        value.secret = (schema->flags & AttributeFlag::Encrypted) != 0;
        value.encrypted = isEncryptedValue(value.text);
        value.origin = target.origin;
        target.attributes.emplace_back(schema->name, value);
    }
    for (std::string_view childName : schemaChildElements(elementPath)) {
        if (target.child(childName) == nullptr) {
            EffectiveElement child;
            child.name = childName;
            child.origin = target.origin;
            target.children.push_back(std::move(child));
        }
    }
    for (EffectiveElement &child : target.children)
        fillDefaults(child, join(elementPath, child.name));
    const SchemaCollection *collection = schemaCollection(elementPath);
    for (EffectiveElement &entry : target.entries)
        fillDefaults(entry, join(elementPath, collection != nullptr ? collection->addElement
                                                                    : std::string_view("add")));
}

} // namespace iisid::config
