#pragma once

#include "resolution.h"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iisid {

/// Everything said about one identity of the result, written once: the JSON output, the text
/// output, the comparison, the lessons and the desktop result card all loop over this table.
struct IdentityFieldInfo {
    IdentityField field;
    std::string_view key;         // the JSON key and field id: "worker" (scenario-format.md)
    std::string_view label;       // a person's name for it in sentences: "Worker process"
    std::string_view caption;     // the caption in front of its value: "Worker"
    std::string_view description; // what the value is, for screen readers: "Identity of ..."
    std::string_view none;        // the text output's wording when it has no value: "(none)"
    std::optional<std::string> Identities::*value;
    /// The executable the identity belongs to, printed beside it; nullptr when none.
    std::string Resolution::*host;
    /// The stage whose last step decides it (decidingStep()); nullopt when none does alone.
    std::optional<Stage> stage;
};

/// The identities in the contract's order (IdentityField, the JSON `identities` object).
inline constexpr std::array<IdentityFieldInfo, identityFieldCount> identityFields{{
    {IdentityField::Worker, "worker", "Worker process", "Worker", "Identity of the worker process",
     "(none)", &Identities::worker, &Resolution::workerHost, Stage::Worker},
    {IdentityField::Process, "process", "Process", "Process", "Process identity", "(not started)",
     &Identities::process, &Resolution::processHost, std::nullopt},
    {IdentityField::Thread, "thread", "Thread token", "Thread token", "Thread token",
     "(none: not impersonating)", &Identities::thread, nullptr, Stage::Code},
    {IdentityField::Code, "code", "Code runs as", "Code runs as", "Identity the code runs as",
     "(no code ran)", &Identities::code, nullptr, Stage::Code},
    {IdentityField::Content, "content", "Content read by", "Content read by",
     "Identity that reads the content", "(not read)", &Identities::content, nullptr,
     Stage::Content},
    {IdentityField::Child, "child", "Child process runs as", "Child process",
     "Identity of a child process", "(none)", &Identities::child, nullptr, Stage::ChildProcess},
    {IdentityField::Network, "network", "Network sees", "Network sees", "Identity the network sees",
     "(not reached)", &Identities::network, nullptr, Stage::Network},
}};

/// The row of `field` in identityFields.
constexpr const IdentityFieldInfo &fieldInfo(IdentityField field) {
    return identityFields[index(field)];
}

/// The order a person reads the result in: the identity the code runs as first (the question
/// people ask), then the process and thread that make it, the worker that received the request,
/// and what the code's identity leads to. The text output and the result card follow it.
inline constexpr std::array<IdentityField, identityFieldCount> readingOrder{
    IdentityField::Code,    IdentityField::Process, IdentityField::Thread, IdentityField::Worker,
    IdentityField::Content, IdentityField::Child,   IdentityField::Network};

/// The HTTP result, the one result field that is not an identity; it comes first.
struct HttpFieldInfo {
    std::string_view key;     // "http"
    std::string_view label;   // "HTTP result"
    std::string_view caption; // "HTTP"
    std::string_view none;    // for code that runs outside a request
};

inline constexpr HttpFieldInfo httpField{"http", "HTTP result", "HTTP",
                                         "(no request: runs outside one)"};

/// The identity with this key ("network"); nullopt for "http" and unknown keys.
std::optional<IdentityField> identityField(std::string_view key);

/// The result fields in the contract's order: "http", then the identities' keys ("worker",
/// "process", "thread", "code", "content", "child", "network").
const std::vector<std::string> &resultFields();

/// A person's label for a field: "HTTP result", "Code runs as", ...; the id itself if unknown.
std::string fieldLabel(std::string_view field);

/// The value of one result field as text ("500.24", "NT AUTHORITY\\IUSR"), nullopt where the
/// resolution has none (the request failed before, no impersonation, code outside a request)
/// or the field is unknown.
std::optional<std::string> fieldValue(const Resolution &resolution, std::string_view field);

/// The index of the trace step that decides a field, for "why" sentences, lesson reveals and
/// confidences: for the HTTP result of a failed request, and any field the trace never reached,
/// the failing step; for "process" the first step in the code's host holding that token; for
/// "code" and "thread" the step that put the final token on the thread or took it off (else the
/// last handler step); otherwise the last step of the field's stage. nullopt when the trace has
/// none, or the field is unknown.
std::optional<std::size_t> decidingStep(const Resolution &resolution, std::string_view field);
std::optional<std::size_t> decidingStep(const Resolution &resolution, IdentityField field);

/// Per identity, the weakest confidence of the steps up to and including the one that decides it
/// (decidingStep()), so an identity the request never reached (nullopt after a failing step)
/// rests on the steps up to the failing one. Where no step decides, all steps count. The
/// resolver stores this in Resolution::confidenceOf.
PerIdentity<Confidence> confidencePerIdentity(const Resolution &resolution);

} // namespace iisid
