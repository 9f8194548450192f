#include "findings.h"

namespace iisid::check {

void contentFindings(const CheckContext &, std::vector<CheckFinding> &) {}

} // namespace iisid::check
