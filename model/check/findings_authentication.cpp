#include "findings.h"

namespace iisid::check {

void authenticationFindings(const CheckContext &, std::vector<CheckFinding> &) {}

} // namespace iisid::check
