#include "findings.h"

namespace iisid::check {

void handlerFindings(const CheckContext &, std::vector<CheckFinding> &) {}

} // namespace iisid::check
