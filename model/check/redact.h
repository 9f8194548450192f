#pragma once

// Secrets never reach an output unless the user asks (check-format.md "Secrets"): every writer
// passes every free-text field through redact().

#include "model/check/check_report.h"

#include <functional>
#include <string>
#include <string_view>

namespace iisid::check {

/// What a hidden secret is shown as.
inline constexpr std::string_view redactedText = "********";

/// `text` with every `[enc:…:enc]` blob and every connection-string or attribute password
/// (`password=…`, `pwd=…`, any case, quoted or not; the value ends at `;`, a quote or white
/// space) replaced by "********". Returns `text` unchanged when `show` is true.
std::string redact(std::string_view text, bool show);

/// redact(text, false) piece by piece, for a writer that streams: each run of `text` that is
/// kept and each "********" that hides a secret, in order, without building the redacted text.
/// (On 60,000 applications building a string per value cost 8% of `iisid check --format json`;
/// issue 7 §6.)
void redactPieces(std::string_view text, const std::function<void(std::string_view)> &piece);

/// A line of a configuration file as the desktop program shows it: redact(), and also the
/// values of the IIS 6 metabase's password properties (UNCPassword, AnonymousUserPass,
/// WAMUserPass, LogOdbcPassword). Returns `line` unchanged when `show` is true.
std::string redactConfigurationLine(std::string_view line, bool show);

/// A value that may be a secret: "********" when it is one (unless shown), else redact(text).
std::string redact(const SecretText &value, bool show);

} // namespace iisid::check
