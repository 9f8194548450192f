// The "Application pool" group: application protection (the IIS 5 process model), the pool's
// name, identity, account and pipeline, and whether the pool identity may replace a process
// token.

#include "settings_catalogue.h"

namespace iisid::catalogue {

Setting protectionSetting() {
    Setting protection = choiceSetting(
        {"application.protection", group::appPool, "Application protection",
         "IIS 5.x and IIS 6.0 in IIS 5.0 isolation mode: Low runs the application inside "
         "inetinfo.exe (LocalSystem); Medium (pooled, the default) and High (isolated) run it in "
         "dllhost.exe as IWAM_<machine>.",
         "F2.01 F2.12"},
        field::protection);
    protection.problem = [](const Scenario &s) -> Reason {
        if (iis5ProcessModel(s))
            return std::nullopt;
        return std::string("application protection applies to IIS 5.x and IIS 6.0 in IIS 5.0 "
                           "isolation mode; here every application runs in its application "
                           "pool's w3wp.exe");
    };
    protection.inactiveReason = protection.problem;
    return protection;
}

namespace {

Reason poolIdentityChoiceProblem(const Scenario &s, std::string_view choice) {
    if (choice == toString(PoolIdentity::ApplicationPoolIdentity) && !isIis7Plus(version(s)))
        return std::string("ApplicationPoolIdentity exists from IIS 7.0 (Windows Server 2008 "
                           "SP2) on; IIS 6.0 offers LocalSystem, LocalService, "
                           "NetworkService and SpecificUser");
    return std::nullopt;
}

} // namespace

std::vector<Setting> appPoolSettings() {
    std::vector<Setting> list;
    Setting name =
        textSetting({"appPool.name", group::appPool, "Pool name",
                     "The application pool's name; with ApplicationPoolIdentity the account is IIS "
                     "APPPOOL\\<name>.",
                     "F2.22"},
                    field::poolName, false);
    name.problem = needsPool;
    name.valueProblem = [](const SettingValue &value) {
        return plainNameProblem(value, "the pool name");
    };
    name.inactiveReason = needsPool;
    list.push_back(std::move(name));

    Setting identity =
        choiceSetting({"appPool.identity", group::appPool, "Pool identity",
                       "The account w3wp.exe runs as. Default NetworkService on IIS 6.0 and 7.0, "
                       "ApplicationPoolIdentity (IIS APPPOOL\\<pool>) from IIS 7.5.",
                       "F2.11 F2.20 F2.22"},
                      field::poolIdentity);
    identity.defaultNote = "NetworkService on IIS 6.0 and 7.0, ApplicationPoolIdentity from 7.5";
    identity.problem = [](const Scenario &s) -> Reason {
        if (Reason r = needsPool(s))
            return r;
        if (Reason r = poolIdentityChoiceProblem(s, toString(poolIdentity(s))))
            return r;
        if (poolIdentity(s) == PoolIdentity::SpecificUser && !field::poolUserName.written(s))
            return std::string("SpecificUser needs appPool.userName (e.g. \"CONTOSO\\\\svcweb\")");
        return std::nullopt;
    };
    identity.inactiveReason = needsPool;
    identity.choiceProblem = poolIdentityChoiceProblem;
    list.push_back(std::move(identity));

    Setting user = textSetting(
        {"appPool.userName", group::appPool, "Pool account",
         "The account of a SpecificUser pool, as DOMAIN\\user (a name without a domain is a local "
         "account of the server).",
         "F2.11 F2.20"},
        field::poolUserName, false);
    user.problem = needsPool;
    user.valueProblem = accountNameProblem;
    user.inactiveReason = [](const Scenario &s) -> Reason {
        if (Reason r = needsPool(s))
            return r;
        if (poolIdentity(s) != PoolIdentity::SpecificUser)
            return std::string("only used when the pool identity is SpecificUser");
        return std::nullopt;
    };
    user.samples = {std::string("CONTOSO\\svcweb")};
    list.push_back(std::move(user));

    Setting pipeline = choiceSetting(
        {"appPool.pipeline", group::appPool, "Managed pipeline mode",
         "Integrated (the default) runs ASP.NET modules in the IIS pipeline; Classic runs "
         "ASP.NET through aspnet_isapi.dll as on IIS 6.",
         "F3.70 F3.73"},
        field::pipeline);
    pipeline.problem = [](const Scenario &s) { return notBefore7(s, "the managed pipeline mode"); };
    pipeline.inactiveReason = pipeline.problem;
    list.push_back(std::move(pipeline));
    return list;
}

Setting canReplaceProcessTokenSetting() {
    Setting replaceToken = boolSetting(
        {"appPool.canReplaceProcessToken", group::appPool,
         "Pool holds \"Replace a process level token\"",
         "Whether the pool identity holds \"Replace a process level token\" and \"Adjust memory "
         "quotas\", which starting a CGI process as the user (and CreateProcessAsUser) needs. "
         "Built-in service accounts hold them; a custom account must be granted them; for "
         "ApplicationPoolIdentity this is unconfirmed.",
         "F2.15 F3.23 F3.91"},
        field::canReplaceProcessToken);
    replaceToken.defaultNote =
        "false for a SpecificUser pool, true for the built-in identities (unconfirmed for "
        "ApplicationPoolIdentity)";
    replaceToken.problem = needsPool;
    replaceToken.inactiveReason = [](const Scenario &s) -> Reason {
        if (Reason r = needsPool(s))
            return r;
        if ((handler(s) == HandlerKind::Cgi && field::createProcessAsUser.value(s)) ||
            field::action.value(s) == Action::CreateProcessAsUser)
            return std::nullopt;
        return std::string("only matters for CGI or a CreateProcessAsUser call");
    };
    return replaceToken;
}

} // namespace iisid::catalogue
