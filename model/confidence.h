#pragma once

#include <string_view>

namespace iisid {

/// How sure the reference is of a rule. Ordered from strongest to weakest: a result's
/// confidence is the weakest of the rules it used.
enum class Confidence { Confirmed, Partial, Unconfirmed, Conflict };

std::string_view toString(Confidence confidence);

} // namespace iisid
