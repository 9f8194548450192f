#pragma once

#include "model/check/check_report.h"
#include "model/finding.h"

#include <string>
#include <string_view>

namespace iisid::check {

/// What the SARIF log needs from the caller (the model does no I/O: the command line passes
/// its current folder).
struct SarifContext {
    std::string currentDirectory; // absolute; artifact URIs are made relative to it
    std::string informationUri;   // the tool's home page; omitted when empty
};

/// The `iisid check --format sarif` log (SARIF 2.1.0, check-format.md): one run whose driver
/// lists every rule of the catalogue, one result per finding. Every free text passes through
/// redact(…, showSecrets).
std::string checkSarif(const CheckReport &report, bool showSecrets,
                       const SarifContext &context = {});

/// SARIF's level for a catalogue severity: error → "error", high and medium → "warning", low
/// and info → "note".
std::string_view sarifLevel(Severity severity);

/// `file` as a URI reference relative to `currentDirectory` (when `file` is absolute and lies on
/// the same root), with forward slashes and percent-escaped; an absolute `file` that cannot be
/// made relative becomes a file:// URI.
std::string artifactUri(std::string_view file, std::string_view currentDirectory);

} // namespace iisid::check
