#pragma once

// Shared by the report tests: a fixed provenance, a stand-in diagram, and the questions every
// HTML report must answer (does it parse, does it fetch anything).

#include "model/report/report_document.h"

#include <pugixml.hpp>

#include <string>
#include <vector>

namespace iisid::report::test {

inline ReportMeta fixedMeta(std::vector<std::string> inputs = {"a.iisid.json"}) {
    return {"9.9.9", std::move(inputs), "2026-11-30 04:03 UTC"};
}

/// An SVG document as diagram::toSvg writes one: a declaration, then the drawing.
inline const std::string stubSvg =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
    "viewBox=\"0 0 100 40\" width=\"100\" height=\"40\"><text x=\"4\" y=\"20\">w3wp.exe</text>"
    "</svg>";

/// The HTML as an XML document (the writer promises well-formed output); empty on failure.
inline pugi::xml_parse_result parseHtml(const std::string &html, pugi::xml_document &document) {
    return document.load_string(html.c_str(), pugi::parse_default | pugi::parse_doctype);
}

/// Every place a browser would fetch something from: src attributes, <link>, <script>,
/// <object>, <iframe>, url(...) in style, and non-fragment xlink:href / href outside <a>.
inline std::vector<std::string> externalResources(const pugi::xml_document &document) {
    std::vector<std::string> found;
    for (pugi::xpath_node node : document.select_nodes("//*")) {
        const pugi::xml_node element = node.node();
        const std::string name = element.name();
        if (name == "link" || name == "script" || name == "object" || name == "iframe" ||
            name == "embed" || name == "img")
            found.push_back("<" + name + ">");
        for (pugi::xml_attribute attribute : element.attributes()) {
            const std::string key = attribute.name();
            const std::string value = attribute.value();
            if (key == "src" || key == "srcset" || key == "background")
                found.push_back(key + "=" + value);
            if ((key == "href" || key == "xlink:href") && name != "a" && !value.empty() &&
                value.front() != '#')
                found.push_back(name + " " + key + "=" + value);
            if (value.find("url(") != std::string::npos && value.find("url(#") == std::string::npos)
                found.push_back(key + "=" + value);
        }
        if (name == "style" && std::string(element.text().get()).find("url(") != std::string::npos)
            found.push_back("url() in <style>");
        if (name == "style" &&
            std::string(element.text().get()).find("@import") != std::string::npos)
            found.push_back("@import in <style>");
    }
    return found;
}

/// How often `needle` occurs in `text`.
inline std::size_t occurrences(const std::string &text, const std::string &needle) {
    std::size_t count = 0;
    for (std::size_t at = text.find(needle); at != std::string::npos;
         at = text.find(needle, at + needle.size()))
        ++count;
    return count;
}

} // namespace iisid::report::test
