#include "diagram_parts.h"

#include "model/stages.h"

namespace iisid::diagram::detail {

namespace {

std::string handlerName(HandlerKind kind) {
    switch (kind) {
    case HandlerKind::Static:
        return "static file handler";
    case HandlerKind::IsapiFilter:
        return "ISAPI filter, then static file";
    case HandlerKind::IsapiExtension:
        return "ISAPI extension";
    case HandlerKind::Asp:
        return "asp.dll (Classic ASP)";
    case HandlerKind::AspNet:
        return "ASP.NET";
    case HandlerKind::Cgi:
        return "CGI";
    case HandlerKind::FastCgi:
        return "FastCGI (PHP)";
    case HandlerKind::AspNetCore:
        return "ASP.NET Core Module";
    }
    return {};
}

std::string codeName(HandlerKind kind) {
    switch (kind) {
    case HandlerKind::Static:
        return "none: a static file";
    case HandlerKind::IsapiFilter:
        return "the filter's code";
    case HandlerKind::IsapiExtension:
        return "the extension DLL";
    case HandlerKind::Asp:
        return "the .asp page";
    case HandlerKind::AspNet:
        return "the .aspx page";
    case HandlerKind::Cgi:
        return "the CGI program";
    case HandlerKind::FastCgi:
        return "the PHP script";
    case HandlerKind::AspNetCore:
        return "the ASP.NET Core app";
    }
    return {};
}

} // namespace

bool isReach(StationKind kind) {
    return kind == StationKind::Content || kind == StationKind::ChildProcess ||
           kind == StationKind::Network;
}

StationKind kindOf(Stage stage) {
    switch (stage) {
    case Stage::Worker:
        return StationKind::Worker;
    case Stage::Configuration:
        return StationKind::Configuration;
    case Stage::Authentication:
        return StationKind::Authentication;
    case Stage::Authorization:
        return StationKind::Authorization;
    case Stage::Filter:
        return StationKind::Filter;
    case Stage::Handler:
        return StationKind::Handler;
    case Stage::Code:
        return StationKind::Code;
    case Stage::Content:
        return StationKind::Content;
    case Stage::ChildProcess:
        return StationKind::ChildProcess;
    case Stage::Network:
        return StationKind::Network;
    }
    return StationKind::Code;
}

std::string stationTitle(StationKind kind) {
    switch (kind) {
    case StationKind::Client:
        return "Browser";
    case StationKind::Listener:
        return "Receives it";
    case StationKind::Worker:
        return "Takes the request";
    case StationKind::Configuration:
        return "Configuration";
    case StationKind::Authentication:
        return "Authentication";
    case StationKind::Authorization:
        return "Authorization";
    case StationKind::Filter:
        return "ISAPI filter";
    case StationKind::Handler:
        return "Handler";
    case StationKind::Code:
        return "The code";
    case StationKind::Content:
        return "Content";
    case StationKind::ChildProcess:
        return "Child process";
    case StationKind::Network:
        return "Share / SQL Server";
    }
    return {};
}

std::string stationDetail(StationKind kind, const RequestFacts &request) {
    switch (kind) {
    case StationKind::Handler:
        return handlerName(request.handler);
    case StationKind::Code:
        return codeName(request.handler);
    case StationKind::Content:
        return request.contentPath;
    case StationKind::ChildProcess:
        return "started by the code";
    case StationKind::Network:
        return "off the box";
    default:
        return {};
    }
}

std::string stageName(StationKind kind) {
    switch (kind) {
    case StationKind::Worker:
        return "Worker";
    case StationKind::Code:
        return "Code";
    case StationKind::Network:
        return "Network";
    default:
        return stationTitle(kind);
    }
}

std::string laneSubtitle(LaneLayout::Kind kind) {
    switch (kind) {
    case LaneLayout::Kind::Client:
        return "outside the server";
    case LaneLayout::Kind::Listener:
        return "receives the request";
    case LaneLayout::Kind::Process:
        return "process";
    case LaneLayout::Kind::Reaches:
        return "files, programs, network";
    }
    return {};
}

std::string confidenceTag(Confidence confidence) {
    switch (confidence) {
    case Confidence::Confirmed:
    case Confidence::Partial:
        return {};
    case Confidence::Unconfirmed:
        return "UNCONFIRMED";
    case Confidence::Conflict:
        return "SOURCES CONFLICT";
    }
    return {};
}

} // namespace iisid::diagram::detail
