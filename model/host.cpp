#include "host.h"

namespace iisid {

std::string_view executableName(Host host) {
    switch (host) {
    case Host::None:
    case Host::CgiProcess:
        return {};
    case Host::Inetinfo:
        return "inetinfo.exe";
    case Host::Dllhost:
        return "dllhost.exe";
    case Host::W3wp:
        return "w3wp.exe";
    case Host::AspnetWp:
        return "aspnet_wp.exe";
    case Host::PhpCgi:
        return "php-cgi.exe";
    case Host::Dotnet:
        return "dotnet.exe";
    }
    return {};
}

namespace {

// The words for a CGI program's process: in a sentence, and as a lane's title, where the lane's
// own subtitle already says "process" (as after "w3wp.exe").
constexpr std::string_view cgiProcessInSentence = "the CGI process";
constexpr std::string_view cgiProcessTitle = "CGI program";

} // namespace

std::string_view displayName(Host host) {
    if (host == Host::CgiProcess)
        return cgiProcessInSentence;
    return executableName(host);
}

std::string_view titleName(Host host) {
    if (host == Host::CgiProcess)
        return cgiProcessTitle;
    return executableName(host);
}

} // namespace iisid
