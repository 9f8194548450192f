#include "diagnostic.h"

namespace iisid {

std::string Diagnostic::toString() const {
    return location.toString() + ": error: " + message;
}

} // namespace iisid
