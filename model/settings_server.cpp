// The "Server" group: version, IIS 6.0 isolation mode, machine, domain, Kerberos delegation.

#include "settings_catalogue.h"

namespace iisid::catalogue {

std::vector<Setting> serverSettings() {
    std::vector<Setting> list;
    list.push_back(choiceSetting(
        {"server.iisVersion", group::server, "IIS version",
         "The IIS release: 5.0 (Windows 2000), 5.1 (XP), 6.0 (Server 2003), 7.0 (Server 2008), "
         "7.5 (2008 R2), 8.0 (2012), 8.5 (2012 R2), 10.0 (2016 and later). Defaults differ by "
         "version.",
         "F2.01 F2.10 F2.20"},
        field::iisVersion));

    Setting mode = choiceSetting(
        {"server.iis6Mode", group::server, "IIS 6.0 isolation mode",
         "Worker process isolation (the default on a clean install: application pools and "
         "w3wp.exe) or IIS 5.0 isolation (inetinfo.exe and dllhost.exe, the default after an "
         "upgrade from IIS 5).",
         "F2.10"},
        field::iis6Mode);
    mode.problem = [](const Scenario &s) -> Reason {
        if (isIis6(version(s)))
            return std::nullopt;
        return "the isolation mode is an IIS 6.0 setting; the version is " +
               std::string(toString(version(s)));
    };
    mode.inactiveReason = mode.problem;
    list.push_back(std::move(mode));

    Setting machine = textSetting(
        {"server.machine", group::server, "Machine name",
         "The server's computer name: local accounts are shown as MACHINE\\user and the machine "
         "account as DOMAIN\\MACHINE$.",
         "F2.41"},
        field::machine, false);
    machine.valueProblem = [](const SettingValue &value) {
        return plainNameProblem(value, "the machine name");
    };
    list.push_back(std::move(machine));

    Setting domain = textSetting(
        {"server.domain", group::server, "Domain",
         "The Active Directory domain the server belongs to; off the box the machine account is "
         "DOMAIN\\MACHINE$. An empty string (\"\") means a workgroup server, joined to no "
         "domain: it has no machine account.",
         "F2.41 F2.47"},
        field::domain, false);
    domain.valueProblem = [](const SettingValue &value) -> Reason {
        // F2.47: "" is a workgroup server, a value of its own.
        if (const std::string *name = std::get_if<std::string>(&value); name && name->empty())
            return std::nullopt;
        return plainNameProblem(value, "the domain name");
    };
    list.push_back(std::move(domain));
    return list;
}

Setting kerberosDelegationSetting() {
    Setting delegation = boolSetting(
        {"server.kerberosDelegation", group::server, "Kerberos delegation allowed",
         "Whether the account that receives Kerberos tickets (the pool account, or the machine "
         "account for built-in identities) is trusted for delegation in Active Directory. "
         "Without it a Kerberos-impersonated user cannot make a second hop.",
         "F1.43"},
        field::kerberosDelegation);
    delegation.inactiveReason = [](const Scenario &s) -> Reason {
        if (answeredScheme(s) != Scheme::Kerberos)
            return std::string("only matters when the user authenticates with Kerberos");
        return std::nullopt;
    };
    return delegation;
}

} // namespace iisid::catalogue
