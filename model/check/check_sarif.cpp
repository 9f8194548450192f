#include "check_sarif.h"

#include "catalogue.h"
#include "json_redact.h"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace iisid::check {

namespace {

using Json = nlohmann::ordered_json;

/// RFC 3986 path characters kept as they are: unreserved, sub-delims and '/'. (':' is escaped:
/// in a first segment it would read as a scheme; '@' for symmetry.)
bool keptInPath(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           std::string_view("-._~!$&'()*+,;=/").find(static_cast<char>(c)) !=
               std::string_view::npos;
}

/// RFC 3986 percent-encoding of everything but the characters a path may hold as they are.
std::string percentEncode(std::string_view path) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char ch : path) {
        const auto c = static_cast<unsigned char>(ch);
        if (keptInPath(c)) {
            out += ch;
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0x0F];
        }
    }
    return out;
}

Json ruleJson(const CatalogueEntry &entry) {
    Json rule;
    rule["id"] = entry.id;
    rule["name"] = entry.name;
    rule["shortDescription"] = {{"text", entry.shortDescription}};
    rule["fullDescription"] = {{"text", entry.fullDescription}};
    rule["help"] = {{"text", entry.fix}};
    rule["helpUri"] = entry.helpUri;
    rule["defaultConfiguration"] = {{"level", sarifLevel(entry.severity)}};
    Json tags = Json::array({"security"});
    for (std::string_view item : entry.cis)
        tags.push_back("CIS " + std::string(item));
    for (std::string_view benchmark : entry.benchmarks)
        tags.push_back(benchmark);
    Json properties;
    properties["tags"] = std::move(tags);
    properties["severity"] = toString(entry.severity);
    if (!entry.severityRule.empty())
        properties["severityRule"] = entry.severityRule;
    properties["status"] = toString(entry.status);
    rule["properties"] = std::move(properties);
    return rule;
}

Json resultJson(const CheckFinding &checkFinding, bool show, std::string_view currentDirectory) {
    const Finding &finding = checkFinding.finding;
    Json result;
    result["ruleId"] = finding.rule;
    const std::vector<CatalogueEntry> &rules = catalogue();
    if (const CatalogueEntry *entry = findRule(finding.rule))
        result["ruleIndex"] = entry - rules.data();
    result["level"] = sarifLevel(finding.severity);
    result["message"] = {{"text", finding.message}};
    if (!finding.location.file.empty()) {
        Json physical;
        // Redact before escaping: an escaped secret would no longer be recognised.
        physical["artifactLocation"] = {
            {"uri", artifactUri(redact(finding.location.file, show), currentDirectory)}};
        if (finding.location.line > 0) {
            Json region;
            region["startLine"] = finding.location.line;
            if (finding.location.column > 0)
                region["startColumn"] = finding.location.column;
            physical["region"] = std::move(region);
        }
        result["locations"] = Json::array({{{"physicalLocation", std::move(physical)}}});
    }
    Json properties;
    properties["severity"] = toString(finding.severity);
    properties["status"] = toString(finding.status);
    if (!checkFinding.site.empty())
        properties["site"] = checkFinding.site;
    if (!checkFinding.path.empty())
        properties["path"] = checkFinding.path;
    if (!finding.fix.empty())
        properties["fix"] = finding.fix;
    result["properties"] = std::move(properties);
    return result;
}

} // namespace

std::string_view sarifLevel(Severity severity) {
    switch (severity) {
    case Severity::Error:
        return "error";
    case Severity::High:
    case Severity::Medium:
        return "warning";
    case Severity::Low:
    case Severity::Info:
        return "note";
    }
    return "note";
}

std::string artifactUri(std::string_view file, std::string_view currentDirectory) {
    std::string slashed(file);
    for (char &c : slashed) {
        if (c == '\\')
            c = '/';
    }
    std::filesystem::path path = std::filesystem::path(slashed).lexically_normal();
    if (path.is_absolute()) {
        const std::filesystem::path relative =
            currentDirectory.empty()
                ? std::filesystem::path()
                : path.lexically_relative(std::filesystem::path(currentDirectory));
        if (relative.empty())
            return "file://" + percentEncode(path.generic_string());
        path = relative;
    }
    return percentEncode(path.generic_string());
}

std::string checkSarif(const CheckReport &report, bool showSecrets, const SarifContext &context) {
    Json driver;
    driver["name"] = "iisid";
    driver["version"] = report.toolVersion;
    if (!context.informationUri.empty())
        driver["informationUri"] = context.informationUri;
    Json rules = Json::array();
    for (const CatalogueEntry &entry : catalogue())
        rules.push_back(ruleJson(entry));
    driver["rules"] = std::move(rules);

    Json results = Json::array();
    for (const CheckFinding &finding : report.findings)
        results.push_back(resultJson(finding, showSecrets, context.currentDirectory));

    Json run;
    run["tool"] = {{"driver", std::move(driver)}};
    run["results"] = std::move(results);

    Json root;
    root["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
    root["version"] = "2.1.0";
    root["runs"] = Json::array({std::move(run)});
    redactStrings(root, showSecrets);
    return root.dump(2) + "\n";
}

} // namespace iisid::check
