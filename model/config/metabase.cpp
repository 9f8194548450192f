#include "metabase.h"

#include "metabase_schema.h"
#include "metabase_xml_text.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>

namespace iisid::config {

namespace {

std::string_view localName(std::string_view qualified) {
    const std::size_t colon = qualified.find(':');
    return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

bool containsFlag(std::string_view attributes, std::string_view flag) {
    // Attributes="INHERIT | SECURE" (MBS-SAMPLE): names joined by '|'.
    std::size_t start = 0;
    while (start <= attributes.size()) {
        std::size_t end = attributes.find('|', start);
        if (end == std::string_view::npos)
            end = attributes.size();
        if (trimmedText(attributes.substr(start, end - start)) == flag)
            return true;
        start = end + 1;
    }
    return false;
}

/// The reading of one document: pugixml parses a mutable copy in place, so every name and value
/// pointer is an offset into that copy, which equals the offset in the UTF-8 text.
class Reader {
public:
    Reader(std::string text, const std::string &fileName)
        : m_text(std::move(text))
        , m_buffer(m_text)
        , m_lines(m_text)
        , m_fileName(fileName) {}

    Result<Metabase> read() {
        // No parse_doctype: the DOCTYPE is skipped, so no entity is declared or expanded and
        // nothing outside the text is fetched. No parse_wconv_attribute: MULTISZ values keep
        // their line breaks (C3.5).
        const unsigned options = pugi::parse_default & ~pugi::parse_wconv_attribute;
        const pugi::xml_parse_result parsed = m_document.load_buffer_inplace(
            m_buffer.data(), m_buffer.size(), options, pugi::encoding_utf8);
        if (!parsed)
            return Diagnostic{m_lines.at(static_cast<std::size_t>(parsed.offset), m_fileName),
                              std::string("not well-formed XML: ") + parsed.description()};
        const pugi::xml_node root = m_document.document_element();
        if (localName(root.name()) != "configuration")
            return Diagnostic{at(root.name()), "not an IIS 6 metabase: the root element is <" +
                                                   std::string(root.name()) +
                                                   ">, not <configuration>"};
        Metabase out;
        out.fileName = m_fileName;
        for (const pugi::xml_attribute attribute : root.attributes()) {
            const std::string_view name = attribute.name();
            if (name == "xmlns" || name.starts_with("xmlns:")) {
                if (attribute.value() == metabaseNamespace)
                    out.namespaced = true;
            }
        }
        pugi::xml_node properties;
        for (const pugi::xml_node child : root.children()) {
            if (child.type() == pugi::node_element && localName(child.name()) == "MBProperty") {
                properties = child;
                break;
            }
        }
        if (!properties)
            return Diagnostic{at(root.name()),
                              "not an IIS 6 metabase: <configuration> has no <MBProperty>"};
        std::size_t elements = 0;
        for (const pugi::xml_node element : properties.children())
            elements += element.type() == pugi::node_element ? 1 : 0;
        out.keys.reserve(elements);
        out.index.reserve(elements);
        for (const pugi::xml_node element : properties.children()) {
            if (element.type() != pugi::node_element)
                continue;
            Result<bool> added = addKey(element, out);
            if (!added)
                return added.errors();
        }
        return out;
    }

private:
    std::size_t offsetOf(const char *pointer) const {
        const char *begin = m_buffer.data();
        if (pointer < begin || pointer > begin + m_buffer.size())
            return 0;
        return static_cast<std::size_t>(pointer - begin);
    }
    SourceLocation at(const char *pointer) const {
        return m_lines.at(offsetOf(pointer), m_fileName);
    }
    /// The element's '<', one character before its name.
    SourceLocation elementAt(const pugi::xml_node element) const {
        const std::size_t offset = offsetOf(element.name());
        return m_lines.at(offset > 0 ? offset - 1 : 0, m_fileName);
    }

    Result<bool> addKey(const pugi::xml_node element, Metabase &out) {
        MetabaseKey key;
        key.type = std::string(localName(element.name()));
        key.location = elementAt(element);
        bool hasLocation = false;
        for (const pugi::xml_attribute attribute : element.attributes()) {
            const std::string_view name = attribute.name();
            // Well-formedness: an attribute given twice (pugixml does not check it). A linear look
            // back: keys have tens of attributes.
            if (attribute.previous_attribute() && element.attribute(attribute.name()) != attribute)
                return Diagnostic{at(attribute.name()), "not well-formed XML: attribute " +
                                                            std::string(name) + " given twice"};
            if (name == "Location") {
                key.path = attribute.value();
                hasLocation = true;
                continue;
            }
            if (name == "xmlns" || name.starts_with("xmlns:"))
                continue;
            const MetabasePropertySchema *schema = findMetabaseProperty(name);
            key.properties.push_back(MetabaseEntry{
                std::string(name),
                MetabaseValue{attribute.value(), at(attribute.name()), schema && schema->secret},
                schema && schema->inherits});
        }
        if (!hasLocation) {
            out.warnings.push_back({key.location, "<" + key.type +
                                                      "> has no Location attribute; it is "
                                                      "not a metabase key and is ignored"});
            return true;
        }
        addCustomProperties(element, key);
        std::string normal = normalisedKeyPath(key.path);
        if (out.index.contains(normal)) {
            out.warnings.push_back(
                {key.location, "key " + key.path + " is given again; the first one is used"});
        } else {
            out.index.emplace(std::move(normal), out.keys.size());
        }
        out.keys.push_back(std::move(key));
        return true;
    }

    /// <Custom Name= Value= Attributes=/> children: properties outside the schema (C3.2,
    /// MB-EDIT); their own Attributes say whether they inherit or are secret.
    void addCustomProperties(const pugi::xml_node element, MetabaseKey &key) {
        for (const pugi::xml_node custom : element.children()) {
            if (custom.type() != pugi::node_element || localName(custom.name()) != "Custom")
                continue;
            const pugi::xml_attribute name = custom.attribute("Name");
            const pugi::xml_attribute value = custom.attribute("Value");
            if (!name)
                continue;
            const std::string_view attributes = custom.attribute("Attributes").value();
            const MetabasePropertySchema *schema = findMetabaseProperty(name.value());
            const bool secret = containsFlag(attributes, "SECURE") || (schema && schema->secret);
            key.properties.push_back(MetabaseEntry{
                name.value(),
                MetabaseValue{value.value(), value ? at(value.name()) : elementAt(custom), secret},
                containsFlag(attributes, "INHERIT")});
        }
    }

    std::string m_text;
    std::string m_buffer;
    LineTable m_lines;
    std::string m_fileName;
    pugi::xml_document m_document;
};

} // namespace

std::string normalisedKeyPath(std::string_view path) {
    if (path.size() > 1 && path.back() == '/')
        path.remove_suffix(1);
    return asciiLowered(path);
}

const MetabaseEntry *MetabaseKey::find(std::string_view name) const {
    for (const MetabaseEntry &entry : properties) {
        if (entry.name == name)
            return &entry;
    }
    return nullptr;
}

const MetabaseKey *Metabase::findKey(std::string_view path) const {
    const auto found = index.find(normalisedKeyPath(path));
    return found == index.end() ? nullptr : &keys[found->second];
}

bool looksLikeMetabase(std::string_view utf8Text) {
    const std::string_view head = utf8Text.substr(0, 64 * 1024);
    const std::size_t configuration = head.find("<configuration");
    if (configuration == std::string_view::npos)
        return false;
    return head.find(metabaseNamespace, configuration) != std::string_view::npos ||
           head.find("<MBProperty", configuration) != std::string_view::npos;
}

Result<Metabase> readMetabase(std::string_view bytes, const std::string &fileName) {
    Result<std::string> text = decodeConfigText(bytes, fileName);
    if (!text)
        return text.errors();
    Reader reader(std::move(text).value(), fileName);
    return reader.read();
}

} // namespace iisid::config
