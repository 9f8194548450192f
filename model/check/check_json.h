#pragma once

#include "model/check/check_report.h"

#include <functional>
#include <string>
#include <string_view>

namespace iisid::check {

/// The `iisid check --format json` document (`iisid-check/1`, check-format.md): format, tool,
/// inputs, pools, applications (by site id, then path), findings, summary; two-space indented,
/// keys in the contract's order, null where a value is absent. Every string passes through
/// redact(…, showSecrets).
std::string checkJson(const CheckReport &report, bool showSecrets);

/// Receives the document in pieces, in order; a piece is valid only during the call.
using JsonSink = std::function<void(std::string_view piece)>;

/// The same document as checkJson, given to `sink` piece by piece (about 64 KB each) instead of
/// held whole: on a server of 60,000 applications it is some 180 MB.
void writeCheckJson(const CheckReport &report, bool showSecrets, const JsonSink &sink);

} // namespace iisid::check
