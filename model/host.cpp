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

std::string_view displayName(Host host) {
    if (host == Host::CgiProcess)
        return "the CGI process";
    return executableName(host);
}

} // namespace iisid
