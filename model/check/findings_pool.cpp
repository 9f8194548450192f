#include "findings.h"

namespace iisid::check {

void poolFindings(const CheckContext &, std::vector<CheckFinding> &) {}

} // namespace iisid::check
