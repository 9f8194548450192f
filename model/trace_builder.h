#pragma once

// Internal to the resolver (not part of the model's API): writes the trace — steps with their
// facts and sources, the HTTP failure, findings, and the result's confidence.

#include "resolution.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iisid {

/// The reference facts a step applies: up to six ids, written {{"F3.40", "F4.06"}}. Holds the
/// ids by value (they are string literals), so a Facts can be stored and reassigned freely.
struct Facts {
    std::array<std::string_view, 6> ids{};

    const std::string_view *begin() const { return ids.data(); }
    const std::string_view *end() const {
        return std::find(ids.begin(), ids.end(), std::string_view());
    }
};

/// Source URLs of each fact, resolved once from the reference tables.
const std::vector<std::string_view> &sourcesOf(std::string_view factId);

/// Adds one more fact, with its sources, to a step already written.
void cite(Step &s, std::string_view factId);

/// Where a step happens: its host and the tokens the process and thread hold after it.
struct StepPlace {
    std::string_view host;
    std::string_view hostTitle;
    std::optional<std::string> process;
    std::optional<std::string> thread;
};

/// Builds one Resolution: the steps, the HTTP failure, the findings and the weakest confidence.
class TraceBuilder {
public:
    /// Appends a step with the facts' sources; the result's confidence becomes the weakest of
    /// its steps'.
    Step &step(Stage stage, StepPlace place, std::string text, Facts facts,
               Confidence confidence = Confidence::Confirmed, std::string uncertainty = {});

    /// Ends the request with an HTTP error at a new, failing step.
    void fail(Stage stage, int status, int subStatus, StepPlace place, std::string text,
              Facts facts, Confidence confidence = Confidence::Confirmed,
              std::string uncertainty = {});

    /// A finding about the scenario, beside the trace. `rule` is a stable id (the checker's
    /// catalogue id where one describes the same trap, config-semantics.md §5).
    void warn(std::string rule, Severity severity, std::string text, Facts facts,
              Confidence status = Confidence::Confirmed);

    Resolution &result() { return r; }
    const Resolution &result() const { return r; }

    /// The finished resolution; the builder is left empty.
    Resolution take() { return std::move(r); }

private:
    Resolution r;
};

} // namespace iisid
