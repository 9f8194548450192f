#pragma once

// The checker's findings catalogue (config-semantics.md §5) as data: one entry per finding, the
// only place its severity, status, CIS item, texts and sources are written. The engine raises
// findings by id; the writers (SARIF rules, help texts) loop over this list.

#include "model/check/check_report.h"
#include "model/confidence.h"
#include "model/finding.h"

#include <string>
#include <string_view>
#include <vector>

namespace iisid::check {

/// A public source a finding rests on: a key of the reference (`findSource`) or of
/// config-semantics.md's own source table, and its address.
struct RuleSource {
    std::string_view key; // "IIS-PM", "BPA-POOL", "MB-PROP AppPoolId"
    std::string_view url; // "https://..."; empty only if the key is unknown (a test forbids it)
};

struct CatalogueEntry {
    std::string_view id;                       // "IISID-POOL-LOCALSYSTEM", stable
    int number = 0;                            // the row of §5 (1..40)
    Severity severity = Severity::Info;        // the default: the first severity §5 names
    std::string_view severityRule;             // the conditional rule in words; empty when fixed
    std::string_view name;                     // SARIF name: "PoolLocalSystem"
    std::string_view shortDescription;         // the first sentence of "why it matters"
    std::string_view fullDescription;          // trigger and why, in prose
    std::string_view fix;                      // what to change
    Confidence status = Confidence::Confirmed; // the weakest status §5 gives
    std::string_view statusNote;               // §5's status text where it is split; else empty
    std::vector<std::string_view> cis;         // CIS IIS benchmark items: {"4.9", "4.10"}
    std::vector<std::string_view> benchmarks;  // other benchmarks: "BPA", "STIG SV-218771"
    std::vector<std::string_view> rules;       // reference facts and config-semantics rules cited
    std::vector<RuleSource> sources;           // §5's order; a cited rule's source in its place
    std::string_view helpUri;                  // the first source's URL

    /// "1.4", "4.9, 4.10"; empty when no CIS item applies.
    std::string cisText() const;
};

/// Every finding of §5, in its order (number 1..40).
const std::vector<CatalogueEntry> &catalogue();

/// The entry with this id, or nullptr.
const CatalogueEntry *findRule(std::string_view id);

/// The URL of a source key: the reference's table first, then config-semantics.md's table
/// (whose URLs only the catalogue holds). Empty when the key is unknown.
std::string_view sourceUrl(std::string_view key);

/// A finding of this rule with the catalogue's defaults filled in: rule id, severity, status,
/// fix, CIS item, first source URL and the reference facts it cites. The engine then sets the
/// site and path, and raises severity or weakens status where §5's conditional rule says so.
CheckFinding catalogueFinding(const CatalogueEntry &entry, std::string message,
                              SourceLocation location);

} // namespace iisid::check
