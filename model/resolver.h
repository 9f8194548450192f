#pragma once

#include "resolution.h"
#include "result_fields.h"
#include "scenario.h"
#include "settings.h"

namespace iisid {

/// Follows one request through IIS and decides, step by step, which token the process and the
/// thread hold, ending in the HTTP result and the identities of the result card.
///
/// Every step names the reference facts (iis-identity-reference.md) it applies, their sources and
/// the rule's confidence; a rule the reference marks UNCONFIRMED or CONFLICT is stated as such in
/// the step's `uncertainty`, and lowers the result's confidence and that of each identity resting
/// on it (Resolution::confidenceOf, from confidencePerIdentity()). The scenario must have passed
/// validate(); the resolver itself never fails. Pure and re-entrant: safe to call from any thread.
Resolution resolve(const Scenario &scenario);
Resolution resolve(const EffectiveScenario &scenario);

/// The account anonymous requests are given: the configured anonymous user (IUSR_<machine> on
/// IIS 5/6, NT AUTHORITY\\IUSR on 7+ by default), or the worker's identity when userName is
/// "" (F1.08). The same rule the resolver's authentication stage applies.
std::string anonymousAccount(const EffectiveScenario &scenario);

} // namespace iisid
