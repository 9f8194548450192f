#include "resolution.h"

namespace iisid {

std::string_view toString(Confidence confidence) {
    switch (confidence) {
    case Confidence::Confirmed:
        return "confirmed";
    case Confidence::Partial:
        return "partial";
    case Confidence::Unconfirmed:
        return "unconfirmed";
    case Confidence::Conflict:
        return "conflict";
    }
    return "unconfirmed";
}

std::string_view stageLabel(Stage stage) {
    switch (stage) {
    case Stage::Worker:
        return "Worker process";
    case Stage::Configuration:
        return "Configuration";
    case Stage::Authentication:
        return "Authentication";
    case Stage::Authorization:
        return "Authorization";
    case Stage::Filter:
        return "ISAPI filter";
    case Stage::Handler:
        return "Handler";
    case Stage::Code:
        return "Code";
    case Stage::Content:
        return "Content";
    case Stage::ChildProcess:
        return "Child process";
    case Stage::Network:
        return "Network";
    }
    return "Code";
}

std::string_view toString(Stage stage) {
    switch (stage) {
    case Stage::Worker:
        return "worker";
    case Stage::Configuration:
        return "configuration";
    case Stage::Authentication:
        return "authentication";
    case Stage::Authorization:
        return "authorization";
    case Stage::Filter:
        return "filter";
    case Stage::Handler:
        return "handler";
    case Stage::Code:
        return "code";
    case Stage::Content:
        return "content";
    case Stage::ChildProcess:
        return "childProcess";
    case Stage::Network:
        return "network";
    }
    return "code";
}

std::string HttpStatus::toString() const {
    std::string out = std::to_string(status);
    if (subStatus != 0)
        out += '.' + std::to_string(subStatus);
    return out;
}

} // namespace iisid
