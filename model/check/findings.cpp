#include "findings.h"

#include <algorithm>

namespace iisid::check {

std::vector<CheckFinding> findings(const CheckContext &context) {
    return sortedFindings(unsortedFindings(context));
}

FindingList unsortedFindings(const CheckContext &context) {
    FindingList out;
    poolFindings(context, out);
    authenticationFindings(context, out);
    aspNetFindings(context, out);
    handlerFindings(context, out);
    contentFindings(context, out);
    configurationFindings(context, out);
    iis6Findings(context, out);
    return out;
}

std::vector<CheckFinding> sortedFindings(FindingList out) {
    std::stable_sort(out.begin(), out.end(), [](const CheckFinding &a, const CheckFinding &b) {
        const SourceLocation &la = a.finding.location;
        const SourceLocation &lb = b.finding.location;
        if (a.finding.severity != b.finding.severity)
            return a.finding.severity < b.finding.severity;
        if (la.file != lb.file)
            return la.file < lb.file;
        if (la.line != lb.line)
            return la.line < lb.line;
        return la.column < lb.column;
    });
    std::vector<CheckFinding> sorted;
    sorted.reserve(out.size());
    while (!out.empty()) { // each block of the deque freed as soon as it is moved
        sorted.push_back(std::move(out.front()));
        out.pop_front();
    }
    return sorted;
}

} // namespace iisid::check
