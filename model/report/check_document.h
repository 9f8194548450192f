#pragma once

#include "model/check/check_report.h"
#include "model/report/report_document.h"

#include <string>
#include <utility>
#include <vector>

namespace iisid::report {

/// What the check assumed beyond the files, as the user gave it on the command line.
struct CheckAssumptions {
    std::string iisVersionOption; // --iis-version as given; empty when not given
    std::vector<std::pair<std::string, std::string>> maps; // --map WINDOWS_DIR=LOCAL_DIR
};

/// The check for an auditor: the inputs and the assumptions made (IIS version and how it was
/// decided, folder mappings); a summary by severity; the identity map (pools; per site each
/// application's pool and identity, authentication, and the account that runs the code of each
/// handler kind for an anonymous and an authenticated request, with what that depends on); the
/// findings grouped by severity with file:line, fix, CIS item and status. Every text is redacted
/// unless `showSecrets` (check-format.md "Secrets").
Document checkDocument(const check::CheckReport &report, const CheckAssumptions &assumptions,
                       const ReportMeta &meta, bool showSecrets);

} // namespace iisid::report
