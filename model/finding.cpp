#include "finding.h"

namespace iisid {

std::string_view toString(Severity severity) {
    switch (severity) {
    case Severity::Error:
        return "error";
    case Severity::High:
        return "high";
    case Severity::Medium:
        return "medium";
    case Severity::Low:
        return "low";
    case Severity::Info:
        return "info";
    }
    return "info";
}

} // namespace iisid
