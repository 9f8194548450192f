// The "ASP.NET" group: <identity>, integrated-mode validation and ASP.NET's own authentication.

#include "accounts.h"
#include "settings_catalogue.h"

namespace iisid::catalogue {

namespace {

Reason notAspNet(const Scenario &s) {
    if (handler(s) == HandlerKind::AspNetCore)
        return std::string("ASP.NET Core does not use <system.web> settings such as <identity>");
    return unlessHandler(s, HandlerKind::AspNet);
}

/// <identity> matters to ASP.NET itself, and in an integrated pool to IIS's own validation of
/// the application's configuration, whatever handler serves the request (F3.76).
Reason identityIgnored(const Scenario &s) {
    if (handler(s) == HandlerKind::AspNetCore || handler(s) == HandlerKind::AspNet)
        return notAspNet(s);
    if (isIis7Plus(version(s)) && field::pipeline.value(s) == Pipeline::Integrated)
        return std::nullopt;
    return std::string("only ASP.NET reads <identity> here (in an IIS 7+ integrated pool IIS "
                       "also validates it for every handler)");
}

} // namespace

std::vector<Setting> aspnetSettings() {
    std::vector<Setting> list;
    Setting impersonate = boolSetting(
        {"aspnet.impersonate", group::aspnet, "<identity impersonate>",
         "false (default): code runs as the process identity. true: ASP.NET impersonates the "
         "token IIS passes (the user, or the anonymous account).",
         "F3.60 F3.61 F3.75 F3.76"},
        field::aspnetImpersonate);
    impersonate.inactiveReason = identityIgnored;
    list.push_back(std::move(impersonate));

    Setting user = textSetting(
        {"aspnet.userName", group::aspnet, "<identity userName>",
         "With impersonate=\"true\": every request runs as this fixed account (\"application "
         "impersonation\").",
         "F3.62"},
        field::aspnetUserName, true);
    user.valueProblem = accountNameProblem;
    user.inactiveReason = [](const Scenario &s) -> Reason {
        if (Reason r = identityIgnored(s))
            return r;
        if (!field::aspnetImpersonate.value(s))
            return std::string("only used with impersonate=\"true\"");
        return std::nullopt;
    };
    user.samples = {SettingValue(), std::string("CONTOSO\\svcapp")};
    list.push_back(std::move(user));

    Setting validation = boolSetting(
        {"aspnet.validateIntegratedModeConfiguration", group::aspnet,
         "Validate integrated mode configuration",
         "<validation validateIntegratedModeConfiguration>: true (default): integrated mode "
         "refuses <identity impersonate=\"true\"/> with 500.24, "
         "for every request to the application. false: the request runs; ASP.NET impersonates "
         "only from PostAuthenticateRequest on.",
         "F3.70 F3.71 F3.76"},
        field::validateIntegratedModeConfiguration);
    validation.problem = [](const Scenario &s) {
        return notBefore7(s, "Integrated mode validation");
    };
    validation.inactiveReason = [](const Scenario &s) -> Reason {
        if (Reason r = notBefore7(s, "integrated mode validation"))
            return r;
        if (handler(s) == HandlerKind::AspNetCore)
            return notAspNet(s);
        if (field::pipeline.value(s) != Pipeline::Integrated)
            return std::string("only checked in the integrated pipeline");
        return std::nullopt;
    };
    list.push_back(std::move(validation));

    Setting authMode = choiceSetting(
        {"aspnet.authenticationMode", group::aspnet, "<authentication mode>",
         "ASP.NET's own authentication: windows (default; takes the IIS user), forms (a login "
         "form: IIS still sees the anonymous account) or none.",
         "F1.60 F1.62 F1.63"},
        field::aspnetAuthenticationMode);
    authMode.inactiveReason = notAspNet;
    list.push_back(std::move(authMode));

    Setting processAccount = textSetting(
        {"aspnet.processModelUserName", group::aspnet, "ASP.NET process account",
         "machine.config <processModel userName>: the account of aspnet_wp.exe under the IIS 5 "
         "process model (IIS 5.x, or IIS 6.0 in IIS 5 "
         "isolation mode): machine (default) is the local ASPNET account, System is LocalSystem, "
         "or a named account.",
         "F2.03 F2.12"},
        field::processModelUserName, false);
    processAccount.valueProblem = [](const SettingValue &value) -> Reason {
        const std::string *name = std::get_if<std::string>(&value);
        if (name &&
            (sameAccount(*name, processModel::machine) || sameAccount(*name, processModel::system)))
            return std::nullopt;
        return accountNameProblem(value);
    };
    processAccount.inactiveReason = [](const Scenario &s) -> Reason {
        if (Reason r = notAspNet(s))
            return r;
        if (!iis5ProcessModel(s))
            return std::string("only the IIS 5 process model runs ASP.NET in aspnet_wp.exe; "
                               "here ASP.NET runs in the pool's w3wp.exe");
        return std::nullopt;
    };
    processAccount.samples = {std::string(processModel::machine), std::string(processModel::system),
                              std::string("CONTOSO\\aspnetsvc")};
    list.push_back(std::move(processAccount));
    return list;
}

} // namespace iisid::catalogue
