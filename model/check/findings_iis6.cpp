#include "findings.h"

namespace iisid::check {

void iis6Findings(const CheckContext &, std::vector<CheckFinding> &) {}

} // namespace iisid::check
