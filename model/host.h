#pragma once

// Internal to the resolver (not part of the model's API): the processes a request passes through.

#include <string_view>

namespace iisid {

/// The process a step happens in. Rules test these, never the text they print.
enum class Host {
    None,       // no process (the CGI process could not be created)
    Inetinfo,   // inetinfo.exe: IIS 5 and IIS 6 in IIS 5.0 isolation mode
    Dllhost,    // dllhost.exe: an IIS 5 application with Medium or High protection
    W3wp,       // w3wp.exe: the IIS 6+ worker process
    AspnetWp,   // aspnet_wp.exe: the ASP.NET worker process of the IIS 5 process model
    PhpCgi,     // php-cgi.exe: FastCGI's PHP processes
    CgiProcess, // the process a CGI program is started in
    Dotnet,     // dotnet.exe: ASP.NET Core out-of-process hosting
};

/// "w3wp.exe"; empty for None and for a CGI process (its executable is the program's own).
std::string_view executableName(Host host);

/// How a trace names the host in a sentence (Step::host, Resolution::workerHost / processHost):
/// the executable name, "the CGI process" for a CGI program, empty for None.
std::string_view displayName(Host host);

/// How a heading or a lane title names the host (Step::hostTitle): the executable name,
/// "CGI program" for a CGI program's process (the lane's subtitle adds "process"), empty for
/// None.
std::string_view titleName(Host host);

} // namespace iisid
