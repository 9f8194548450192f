#pragma once

#include "model/report/report_document.h"
#include "model/resolution.h"
#include "model/scenario.h"

#include <string>

namespace iisid::report {

/// The explanation of one scenario for a reader who was not at the screen: the scenario's
/// settings (every one that has an effect, and whether it is written or the IIS default), the
/// request-flow diagram (`diagramSvg`, diagram::toSvg's output; left out when empty), the
/// numbered steps with their confidence and sources, the result card, the warnings and what the
/// result depends on. Redacted.
Document explanationReport(const Scenario &scenario, const Resolution &resolution,
                           const std::string &diagramSvg, const ReportMeta &meta);

} // namespace iisid::report
