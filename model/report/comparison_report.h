#pragma once

#include "model/compare.h"
#include "model/report/report_document.h"
#include "model/resolution.h"
#include "model/scenario.h"

#include <string>

namespace iisid::report {

/// One side of a comparison: its scenario, the resolver's answer, and its diagram (empty: none).
struct ComparedSide {
    Scenario scenario;
    Resolution resolution;
    std::string diagramSvg;
};

/// A comparison A/B: the model's summary; both results side by side, changed rows marked; each
/// changed result with the model's sentence of why; the inputs that differ; then each side's
/// diagram and steps. `comparison` is compare(a.scenario, b.scenario). Redacted.
Document comparisonReport(const ComparedSide &a, const ComparedSide &b,
                          const Comparison &comparison, const ReportMeta &meta);

} // namespace iisid::report
