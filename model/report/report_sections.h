#pragma once

// Internal to model/report: the parts several reports share (an explanation, a comparison's
// sides and a lesson's answer all show a trace and a result card the same way).

#include "model/report/report_document.h"
#include "model/resolution.h"
#include "model/scenario.h"

#include <optional>
#include <string>
#include <vector>

namespace iisid::report {

/// Every setting that has an effect on this scenario: group, label, key, the value in effect
/// and whether the scenario wrote it or it is the IIS default for the version.
Table settingsTable(const Scenario &scenario);

/// The trace as numbered items: stage and executable with the rule's confidence (and where the
/// request fails), what happened, the tokens after the step, what is not certain, what it
/// depends on, and its rules and sources (as links).
List stepsList(const Resolution &resolution);

/// The result card: HTTP result, then each identity in reading order with its executable and
/// its own confidence.
Table resultTable(const Resolution &resolution);

/// The overall confidence, as the result card's summary line.
Paragraph overallConfidence(const Resolution &resolution);

/// "Warnings" and "What the result depends on" sections (each says "None." when empty).
void appendWarningsAndUnknowns(std::vector<Block> &blocks, const Resolution &resolution);

/// A value as a code span, or the field's wording for none as plain text.
Text valueText(const std::optional<std::string> &value, std::string_view none);

/// "[confirmed]", "[partial]", "[UNCONFIRMED]", "[CONFLICT]" (explanation.h's marks).
Text confidenceText(Confidence confidence);

} // namespace iisid::report
