#pragma once

#include "model/diagnostic.h"
#include "model/report/report_document.h"

#include <string>
#include <vector>

namespace iisid::report {

/// A file handed to `iisid-gui --export-report`, read by the caller (the model does no I/O).
struct ReportInputFile {
    std::string name;      // as the user named it
    std::string localPath; // its path on this machine (for placing web.config files)
    std::string bytes;
};

/// The report a set of files makes, the kind following from what they are: one scenario, an
/// explanation; two scenarios, a comparison (the first is A); lessons, a handout in the order
/// given; IIS configuration files (check::detectInput), a check with the version inferred and
/// no folder mappings. Each scenario's diagram is diagram::toSvg's. A file that is none of these,
/// a mix of kinds, or three scenarios is an error naming the file; so is every problem the
/// readers find, with its line and column. Redacted (secrets are never shown).
Result<Document> reportFromFiles(const std::vector<ReportInputFile> &files, const ReportMeta &meta);

} // namespace iisid::report
