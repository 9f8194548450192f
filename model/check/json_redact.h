#pragma once

// Internal to the model's JSON writers (check_json.cpp, check_sarif.cpp): nlohmann-json stays
// out of the public headers.

#include "model/check/redact.h"

#include <nlohmann/json.hpp>

namespace iisid::check {

/// Every string of a document through redact(): no field can be forgotten.
inline void redactStrings(nlohmann::ordered_json &value, bool show) {
    if (show)
        return;
    if (value.is_string()) {
        value = redact(value.get_ref<const std::string &>(), show);
    } else if (value.is_structured()) {
        for (nlohmann::ordered_json &child : value)
            redactStrings(child, show);
    }
}

} // namespace iisid::check
