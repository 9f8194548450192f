#include "diagnostic.h"

namespace iisid {

std::string Diagnostic::toString() const {
    std::string out = file.empty() ? std::string("<input>") : file;
    if (line > 0) {
        out += ':' + std::to_string(line);
        if (column > 0)
            out += ':' + std::to_string(column);
    }
    out += ": error: ";
    out += message;
    return out;
}

} // namespace iisid
