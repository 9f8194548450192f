#pragma once

// The result of `iisid check` as plain data (check-format.md): what was read, the pools, every
// application with the identities the resolver gives it per handler kind, and the findings. The
// checker builds it; the JSON, SARIF and text writers (and later the desktop view and reports)
// only print it.

#include "model/confidence.h"
#include "model/finding.h"
#include "model/source_location.h"

#include <optional>
#include <string>
#include <vector>

namespace iisid::check {

/// One input named on the command line or found in a folder walk.
struct CheckInput {
    std::string file;        // as given (relative to the current folder where it was)
    std::string kind;        // "applicationHost", "webConfig", "metabase", "phpIni", "skipped"
    std::string iisVersion;  // "10.0"; empty for phpIni and skipped
    std::string versionFrom; // "option", "default", "inferred: <why>"; empty where no version
    std::string reason;      // why a file was skipped; empty otherwise
};

/// A value that may be a secret: redacted as "********" in every output unless asked.
struct SecretText {
    std::string text;
    bool secret = false;
};

struct CheckPool {
    std::string name;
    std::string identityType;            // "ApplicationPoolIdentity", ... as IIS spells it
    std::optional<std::string> identity; // the account: "IIS APPPOOL\\DefaultAppPool"
    std::optional<std::string> userName; // SpecificUser's userName as written, else null
    std::string pipeline;                // "Integrated" | "Classic"
    std::string runtime;                 // "v4.0", "v2.0", "" (no managed code)
    std::optional<bool> loadUserProfile; // null where the version has no such setting
    SourceLocation location;             // the pool's <add> (or IIsApplicationPool key)
};

/// The resolver's answer for one kind of request to one handler kind (the fields of
/// `iisid explain --format json`'s identities, plus http and the weakest confidence).
struct RequestIdentities {
    std::string http; // "200", "401.2"
    std::optional<std::string> code;
    std::optional<std::string> content;
    std::optional<std::string> child;
    std::optional<std::string> network;
    Confidence confidence = Confidence::Confirmed;
    std::vector<std::string> dependsOn; // what the files cannot tell: "the folder's ACL", ...
};

struct CheckHandler {
    std::string kind;                           // static asp aspnet aspnetcore cgi fastcgi isapi
    std::string path;                           // the mapping's path: "*.aspx"
    std::string name;                           // the mapping's name
    std::optional<RequestIdentities> anonymous; // null where anonymous is off
    std::optional<RequestIdentities> authenticated; // null where no other method is on
    SourceLocation location;                        // the <add> (or ScriptMaps entry) that maps it
};

struct CheckAuthentication {
    bool anonymous = false;
    std::optional<std::string> anonymousIdentity; // null when anonymous is off
    bool basic = false;
    bool digest = false;
    bool windows = false;
    bool clientCertificate = false;
};

struct CheckApplication {
    std::string site;
    long long siteId = 0;
    std::string path; // "/", "/app"
    std::string physicalPath;
    std::string pool;
    std::optional<std::string> worker; // the pool's identity
    CheckAuthentication authentication;
    bool aspnetImpersonate = false;
    std::vector<CheckHandler> handlers;
    SourceLocation location; // the <application> element
};

/// A finding of the catalogue (config-semantics.md §5) raised on the given files.
struct CheckFinding {
    Finding finding;    // rule, severity, status, message, location, fix, facts
    std::string site;   // empty when not tied to a site
    std::string path;   // empty when not tied to an application
    std::string pool;   // the application pool a pool rule is about; empty otherwise (not in
                        // the JSON: the desktop program marks the pool's applications with it)
    std::string cis;    // "1.4"; empty when none
    std::string source; // the rule's first source URL
};

struct CheckReport {
    std::string toolVersion;
    std::vector<CheckInput> inputs;
    std::vector<CheckPool> pools;
    std::vector<CheckApplication> applications; // by site id, then path
    std::vector<CheckFinding> findings;         // by severity, then file and line
};

} // namespace iisid::check
