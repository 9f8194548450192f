#pragma once

#include "resolution.h"
#include "scenario.h"

#include <string>

namespace iisid {

/// The `iisid explain --format json` document (scenario-format.md): http, identities, steps,
/// warnings, findings, confidence and confidenceOf (each identity's own, keys from
/// result_fields.h); plus hosts and the scenario's title.
std::string explanationJson(const Scenario &scenario, const Resolution &resolution);

struct TextOptions {
    bool color = false; // ANSI colours for the confidence marks
    int width = 100;    // wrap step texts at this column
};

/// The human-readable form: numbered steps with their tokens and confidence marks, the result
/// block (each identity followed by its own confidence mark when not confirmed, then the overall
/// confidence as a summary), warnings and the sources cited.
std::string explanationText(const Scenario &scenario, const Resolution &resolution,
                            const TextOptions &options = {});

/// "[confirmed]", "[partial]", "[UNCONFIRMED]", "[CONFLICT]": shouted where the reference is not
/// sure, so nobody mistakes it for fact.
std::string confidenceMark(Confidence confidence);

} // namespace iisid
