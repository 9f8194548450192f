#pragma once

#include "model/check/check_report.h"

#include <string>

namespace iisid::check {

/// The `iisid check` text for people (check-format.md): the inputs; a table per site with, for
/// each application, pool → identity, authentication and, per handler kind, the account that
/// runs the code for an anonymous and an authenticated request (and what that depends on); the
/// findings grouped by severity as `file:line:column: severity RULE message`; one summary line.
/// Every free text passes through redact(…, showSecrets).
std::string checkText(const CheckReport &report, bool showSecrets);

} // namespace iisid::check
