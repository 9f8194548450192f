#include "findings.h"

namespace iisid::check {

void aspNetFindings(const CheckContext &, std::vector<CheckFinding> &) {}

} // namespace iisid::check
