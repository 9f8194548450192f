#include "findings.h"

namespace iisid::check {

void configurationFindings(const CheckContext &, std::vector<CheckFinding> &) {}

} // namespace iisid::check
