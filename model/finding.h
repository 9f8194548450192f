#pragma once

#include "confidence.h"
#include "source_location.h"

#include <string>
#include <string_view>
#include <vector>

namespace iisid {

/// The catalogue's severity scale (config-semantics.md §5), strongest first.
enum class Severity { Error, High, Medium, Low, Info };

std::string_view toString(Severity severity); // "error", "high", ...

/// Something the model found worth telling: a resolver warning about a scenario, or (later) a
/// checker finding about a configuration file. Plain data with a stable rule id, so scripts,
/// SARIF and tests can key on it (GammaRay's Problem is the model).
struct Finding {
    std::string rule; // stable id: "IISID-NET-DOUBLE-HOP", never reworded
    Severity severity = Severity::Info;
    Confidence status = Confidence::Confirmed; // the weakest status of the rules it rests on
    std::string message;                       // one or two sentences for a person
    SourceLocation location;                   // where the cause is written; empty when nowhere
    std::string fix;                           // what to change, for a person; may be empty
    std::vector<std::string_view> facts;       // reference fact ids ("F1.43"), static storage
};

} // namespace iisid
