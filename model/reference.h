#pragma once

#include <span>
#include <string_view>

namespace iisid {

/// A public source from the reference's source table.
struct SourceRef {
    std::string_view key; // "IIS-ANON"
    char tier;            // 'A' Microsoft docs/KB, 'B' Microsoft employee blog/book, 'C' community
    std::string_view url;
};

/// A fact of the reference (iis-identity-reference.md), the unit every rule cites.
struct Fact {
    std::string_view id;       // "F1.08"
    std::string_view versions; // "IIS7+"
    std::string_view status;   // "CONFIRMED", "PARTIAL", ... (several when the fact is split)
    std::string_view sources;  // source keys, space separated
    std::string_view urls;     // URLs named in the fact itself, space separated
};

std::span<const SourceRef> sources();
std::span<const Fact> facts();
const SourceRef *findSource(std::string_view key);
const Fact *findFact(std::string_view id);

} // namespace iisid
