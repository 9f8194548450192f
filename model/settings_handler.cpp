// The "Handler" group: what serves the request, and the settings of CGI, FastCGI and the
// ASP.NET Core Module.

#include "settings_catalogue.h"

namespace iisid::catalogue {

Setting handlerKindSetting() {
    Setting kind = choiceSetting(
        {"handler.kind", group::handler, "Handler",
         "What serves the request: a static file, an ISAPI filter's code, an ISAPI extension, "
         "Classic ASP, ASP.NET (1.x-4.x), a CGI program, FastCGI (e.g. PHP), or ASP.NET Core.",
         "F3.01 F3.10 F3.20 F3.30 F3.40 F3.50 F3.60 F3.80"},
        field::handlerKind);
    kind.choiceProblem = [](const Scenario &s, std::string_view choice) -> Reason {
        const IisVersion v = version(s);
        if (choice == toString(HandlerKind::FastCgi) && v == IisVersion::V5_0)
            return std::string("FastCGI needs IIS 5.1 or 6.0 with the FastCGI extension, or IIS "
                               "7.0 and later; not IIS 5.0");
        if (choice == toString(HandlerKind::AspNetCore) && !isIis75Plus(v))
            return std::string("the ASP.NET Core Module needs IIS 7.5 or later");
        return std::nullopt;
    };
    kind.problem = [choiceProblem = kind.choiceProblem](const Scenario &s) {
        return choiceProblem(s, toString(handler(s)));
    };
    return kind;
}

std::vector<Setting> handlerSettings() {
    std::vector<Setting> list;
    Setting cpau = boolSetting(
        {"handler.createProcessAsUser", group::handler, "CGI createProcessAsUser",
         "true (default): the CGI process is created with the authenticated user's token; false: "
         "it runs as the process identity. Microsoft's IIS 7+ pages contradict each other on "
         "this.",
         "F3.20 F3.21 F3.22"},
        field::createProcessAsUser);
    cpau.inactiveReason = [](const Scenario &s) { return unlessHandler(s, HandlerKind::Cgi); };
    list.push_back(std::move(cpau));

    const auto notFastCgi = [](const Scenario &s) {
        return unlessHandler(s, HandlerKind::FastCgi);
    };
    Setting impersonatePhp = boolSetting(
        {"handler.fastcgiImpersonate", group::handler, "PHP fastcgi.impersonate",
         "php.ini fastcgi.impersonate (default 0): when 1, php-cgi impersonates the client IIS "
         "authenticated on each request's named pipe.",
         "F3.31 F3.33"},
        field::fastcgiImpersonate);
    impersonatePhp.inactiveReason = notFastCgi;
    list.push_back(std::move(impersonatePhp));

    Setting protocol = choiceSetting(
        {"handler.fastcgiProtocol", group::handler, "FastCGI protocol",
         "How IIS talks to the FastCGI process: named pipe (default) or TCP. PHP cannot "
         "impersonate over TCP.",
         "F3.32"},
        field::fastcgiProtocol);
    protocol.inactiveReason = notFastCgi;
    list.push_back(std::move(protocol));

    Setting hosting = choiceSetting(
        {"handler.hostingModel", group::handler, "ASP.NET Core hosting model",
         "inProcess (the default since ASP.NET Core 3.0) runs the app inside w3wp.exe; "
         "outOfProcess starts dotnet.exe behind a loopback proxy.",
         "F3.80 F3.81"},
        field::hostingModel);
    hosting.inactiveReason = [](const Scenario &s) {
        return unlessHandler(s, HandlerKind::AspNetCore);
    };
    list.push_back(std::move(hosting));

    Setting forward = boolSetting(
        {"handler.forwardWindowsAuthToken", group::handler, "Forward the Windows token",
         "ASP.NET Core Module forwardWindowsAuthToken (default true): the user's Windows token is "
         "passed to the out-of-process app.",
         "F3.82"},
        field::forwardWindowsAuthToken);
    forward.inactiveReason = [](const Scenario &s) -> Reason {
        if (Reason r = unlessHandler(s, HandlerKind::AspNetCore))
            return r;
        if (field::hostingModel.value(s) != HostingModel::OutOfProcess)
            return std::string("only used with the outOfProcess hosting model");
        return std::nullopt;
    };
    list.push_back(std::move(forward));
    return list;
}

} // namespace iisid::catalogue
