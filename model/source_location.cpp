#include "source_location.h"

namespace iisid {

std::string SourceLocation::toString() const {
    std::string out = file.empty() ? std::string("<input>") : file;
    if (line > 0) {
        out += ':' + std::to_string(line);
        if (column > 0)
            out += ':' + std::to_string(column);
    }
    return out;
}

} // namespace iisid
