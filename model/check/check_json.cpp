#include "check_json.h"

#include "check_summary.h"
#include "json_redact.h"

#include <nlohmann/json.hpp>

namespace iisid::check {

namespace {

using Json = nlohmann::ordered_json;

Json orNull(const std::optional<std::string> &value) {
    return value ? Json(*value) : Json(nullptr);
}

Json orNull(const std::string &value) {
    return value.empty() ? Json(nullptr) : Json(value);
}

Json lineOrNull(int line) {
    return line > 0 ? Json(line) : Json(nullptr);
}

Json identities(const std::optional<RequestIdentities> &request) {
    if (!request)
        return nullptr;
    Json out;
    out["http"] = request->http;
    out["code"] = orNull(request->code);
    out["content"] = orNull(request->content);
    out["child"] = orNull(request->child);
    out["network"] = orNull(request->network);
    out["confidence"] = toString(request->confidence);
    // Not in the contract's example: what the files cannot tell, only where there is something.
    if (!request->dependsOn.empty())
        out["dependsOn"] = request->dependsOn;
    return out;
}

Json inputJson(const CheckInput &input) {
    Json out;
    out["file"] = input.file;
    out["kind"] = input.kind;
    if (!input.iisVersion.empty()) {
        out["iisVersion"] = input.iisVersion;
        out["iisVersionFrom"] = orNull(input.versionFrom);
    }
    if (!input.reason.empty())
        out["reason"] = input.reason;
    return out;
}

Json poolJson(const CheckPool &pool) {
    Json out;
    out["name"] = pool.name;
    out["identityType"] = pool.identityType;
    out["identity"] = orNull(pool.identity);
    out["userName"] = orNull(pool.userName);
    out["pipeline"] = pool.pipeline;
    out["runtime"] = pool.runtime;
    out["loadUserProfile"] = pool.loadUserProfile ? Json(*pool.loadUserProfile) : Json(nullptr);
    out["file"] = orNull(pool.location.file);
    out["line"] = lineOrNull(pool.location.line);
    return out;
}

Json applicationJson(const CheckApplication &application) {
    Json out;
    out["site"] = application.site;
    out["siteId"] = application.siteId;
    out["path"] = application.path;
    out["physicalPath"] = application.physicalPath;
    out["pool"] = application.pool;
    out["worker"] = orNull(application.worker);
    const CheckAuthentication &auth = application.authentication;
    Json authentication;
    authentication["anonymous"] = auth.anonymous;
    authentication["anonymousIdentity"] = orNull(auth.anonymousIdentity);
    authentication["basic"] = auth.basic;
    authentication["digest"] = auth.digest;
    authentication["windows"] = auth.windows;
    authentication["clientCertificate"] = auth.clientCertificate;
    out["authentication"] = std::move(authentication);
    out["aspnetImpersonate"] = application.aspnetImpersonate;
    Json handlers = Json::array();
    for (const CheckHandler &handler : application.handlers) {
        Json h;
        h["kind"] = handler.kind;
        h["path"] = handler.path;
        h["name"] = handler.name;
        h["anonymous"] = identities(handler.anonymous);
        h["authenticated"] = identities(handler.authenticated);
        handlers.push_back(std::move(h));
    }
    out["handlers"] = std::move(handlers);
    out["file"] = orNull(application.location.file);
    out["line"] = lineOrNull(application.location.line);
    return out;
}

Json findingJson(const CheckFinding &checkFinding) {
    const Finding &finding = checkFinding.finding;
    Json out;
    out["rule"] = finding.rule;
    out["severity"] = toString(finding.severity);
    out["status"] = toString(finding.status);
    out["message"] = finding.message;
    out["file"] = orNull(finding.location.file);
    out["line"] = lineOrNull(finding.location.line);
    out["column"] = lineOrNull(finding.location.column);
    out["site"] = orNull(checkFinding.site);
    out["path"] = orNull(checkFinding.path);
    out["cis"] = orNull(checkFinding.cis);
    out["fix"] = orNull(finding.fix);
    out["source"] = orNull(checkFinding.source);
    return out;
}

} // namespace

std::string checkJson(const CheckReport &report, bool showSecrets) {
    Json root;
    root["format"] = "iisid-check/1";
    root["tool"] = {{"name", "iisid"}, {"version", report.toolVersion}};
    Json inputs = Json::array();
    for (const CheckInput &input : report.inputs)
        inputs.push_back(inputJson(input));
    root["inputs"] = std::move(inputs);
    Json pools = Json::array();
    for (const CheckPool &pool : report.pools)
        pools.push_back(poolJson(pool));
    root["pools"] = std::move(pools);
    Json applications = Json::array();
    for (const CheckApplication *application : orderedApplications(report))
        applications.push_back(applicationJson(*application));
    root["applications"] = std::move(applications);
    Json findings = Json::array();
    for (const CheckFinding &finding : report.findings)
        findings.push_back(findingJson(finding));
    root["findings"] = std::move(findings);
    Json counts;
    const auto bySeverity = countBySeverity(report);
    for (Severity severity : allSeverities)
        counts[std::string(toString(severity))] = bySeverity[static_cast<std::size_t>(severity)];
    root["summary"] = {{"applications", report.applications.size()},
                       {"pools", report.pools.size()},
                       {"findings", std::move(counts)}};
    redactStrings(root, showSecrets);
    return root.dump(2) + "\n";
}

} // namespace iisid::check
