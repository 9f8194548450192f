#pragma once

#include "model/check/check_report.h"

#include <string>

namespace iisid::check {

/// The `iisid check --format json` document (`iisid-check/1`, check-format.md): format, tool,
/// inputs, pools, applications (by site id, then path), findings, summary; two-space indented,
/// keys in the contract's order, null where a value is absent. Every string passes through
/// redact(…, showSecrets).
std::string checkJson(const CheckReport &report, bool showSecrets);

} // namespace iisid::check
