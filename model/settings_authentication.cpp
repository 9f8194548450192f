// The "Authentication" group: anonymous, Basic, Digest, Windows and client certificate
// authentication as the site configures them.

#include "settings_catalogue.h"

namespace iisid::catalogue {

namespace {

Reason anonymousDisabled(const Scenario &s) {
    if (!field::anonymousEnabled.value(s))
        return std::string("anonymous authentication is disabled");
    return std::nullopt;
}

bool anonymousHasPassword(const Scenario &s) {
    const std::string user = field::anonymousUserName.value(s);
    if (user.empty())
        return false; // the application pool identity: no logon at all
    return !(isIis7Plus(version(s)) && (user == "IUSR" || user == "NT AUTHORITY\\IUSR"));
}

Reason anonymousLogonInactive(const Scenario &s) {
    if (Reason r = anonymousDisabled(s))
        return r;
    if (!anonymousHasPassword(s))
        return std::string("this anonymous identity has no password");
    return std::nullopt;
}

Reason windowsInactive(const Scenario &s) {
    if (Reason r = notBefore7(s, "kernel-mode Windows authentication"))
        return r;
    if (!field::windowsEnabled.value(s))
        return std::string("Windows authentication is disabled");
    return std::nullopt;
}

} // namespace

std::vector<Setting> authenticationSettings() {
    std::vector<Setting> list;
    list.push_back(
        boolSetting({"authentication.anonymous.enabled", group::authentication, "Anonymous enabled",
                     "Anonymous authentication: IIS logs on a configured account for "
                     "requests without credentials. Enabled by default.",
                     "F1.01 F1.07 F1.70"},
                    field::anonymousEnabled));

    Setting anonUser = textSetting(
        {"authentication.anonymous.userName", group::authentication, "Anonymous user",
         "The anonymous account: IUSR_<machine> on IIS 5.x/6.0, the built-in IUSR (NT "
         "AUTHORITY\\IUSR) on IIS 7+. An empty string (IIS 7+) means the application pool "
         "identity; removing the attribute is not the same as blanking it.",
         "F1.01 F1.06 F1.08"},
        field::anonymousUserName, false);
    anonUser.defaultNote = "IUSR_<server.machine> on IIS 5.x and 6.0, IUSR from IIS 7.0";
    anonUser.valueProblem = [](const SettingValue &value) -> Reason {
        // F1.08: "" (blank, not absent) is the application pool identity; see problem.
        if (const std::string *name = std::get_if<std::string>(&value); name && name->empty())
            return std::nullopt;
        return accountNameProblem(value);
    };
    anonUser.problem = [](const Scenario &s) -> Reason {
        const std::optional<std::string> &name = field::anonymousUserName.written(s);
        if (name && name->empty())
            return notBefore7(s, "an empty anonymous user name (the application pool identity)");
        return std::nullopt;
    };
    anonUser.inactiveReason = anonymousDisabled;
    anonUser.samples = {SettingValue(), std::string(""), std::string("CONTOSO\\webanon")};
    list.push_back(std::move(anonUser));

    Setting anonPassword = boolSetting(
        {"authentication.anonymous.passwordValid", group::authentication,
         "Anonymous password valid",
         "Whether the password IIS stores for the anonymous account matches the account (and the "
         "account can log on). A wrong one gives 401.1. The built-in IUSR and the pool identity "
         "have no password.",
         "F1.02 F1.11"},
        field::anonymousPasswordValid);
    anonPassword.inactiveReason = anonymousLogonInactive;
    list.push_back(std::move(anonPassword));

    Setting anonLogon = choiceSetting(
        {"authentication.anonymous.logonMethod", group::authentication, "Anonymous logon method",
         "How IIS logs the anonymous account on. ClearText (the default) keeps credentials so the "
         "token can reach one other server; Network does not.",
         "F1.07 F2.46"},
        field::anonymousLogonMethod);
    anonLogon.inactiveReason = anonymousLogonInactive;
    list.push_back(std::move(anonLogon));

    list.push_back(
        boolSetting({"authentication.basic.enabled", group::authentication, "Basic enabled",
                     "Basic authentication: the browser sends user name and password "
                     "(base64); IIS logs that Windows account on. Disabled by default.",
                     "F1.20 F1.21"},
                    field::basicEnabled));
    Setting basicLogon = choiceSetting(
        {"authentication.basic.logonMethod", group::authentication, "Basic logon method",
         "ClearText (the default) keeps the credentials, so the impersonated user can reach one "
         "other server.",
         "F1.21"},
        field::basicLogonMethod);
    basicLogon.inactiveReason = [](const Scenario &s) -> Reason {
        if (!field::basicEnabled.value(s))
            return std::string("Basic authentication is disabled");
        if (answeredScheme(s) != Scheme::Basic)
            return std::string("only matters when the user answers with Basic");
        return std::nullopt;
    };
    list.push_back(std::move(basicLogon));

    list.push_back(
        boolSetting({"authentication.digest.enabled", group::authentication, "Digest enabled",
                     "Digest authentication, validated by a domain controller (IIS 6 "
                     "Advanced Digest). Disabled by default.",
                     "F1.30 F1.32"},
                    field::digestEnabled));

    Setting windows = boolSetting(
        {"authentication.windows.enabled", group::authentication, "Windows enabled",
         "Integrated Windows authentication (Negotiate/Kerberos and NTLM). Disabled by default on "
         "IIS 7+; IIS 5.x and 6.0 sites had it selected beside Anonymous.",
         "F1.40"},
        field::windowsEnabled);
    windows.defaultNote = "true on IIS 5.x and 6.0, false from IIS 7.0";
    list.push_back(std::move(windows));

    Setting kernel = boolSetting(
        {"authentication.windows.useKernelMode", group::authentication,
         "Kernel-mode authentication",
         "HTTP.sys performs Windows authentication (default true). It decrypts Kerberos tickets "
         "with the machine account's key.",
         "F1.40 F1.41 F1.42"},
        field::useKernelMode);
    kernel.defaultNote = "true from IIS 7.0; before 7.0 there is no kernel mode (false)";
    kernel.problem = [](const Scenario &s) { return notBefore7(s, "kernel-mode authentication"); };
    kernel.inactiveReason = [](const Scenario &s) -> Reason {
        if (Reason r = windowsInactive(s))
            return r;
        const std::optional<Scheme> answered = answeredScheme(s);
        if (answered != Scheme::Ntlm && answered != Scheme::Kerberos)
            return std::string("only matters when the user answers with NTLM or Kerberos");
        return std::nullopt;
    };
    list.push_back(std::move(kernel));

    Setting appPoolCreds = boolSetting(
        {"authentication.windows.useAppPoolCredentials", group::authentication,
         "Use the pool's credentials for Kerberos",
         "With kernel mode, decrypt Kerberos tickets with the pool account's key instead of the "
         "machine account's (needed when the SPN is registered on a custom pool account).",
         "F1.41"},
        field::useAppPoolCredentials);
    appPoolCreds.problem = [](const Scenario &s) { return notBefore7(s, "useAppPoolCredentials"); };
    appPoolCreds.inactiveReason = [](const Scenario &s) -> Reason {
        if (Reason r = windowsInactive(s))
            return r;
        if (answeredScheme(s) != Scheme::Kerberos || poolIdentity(s) != PoolIdentity::SpecificUser)
            return std::string("only matters for Kerberos when the pool runs as a custom account");
        return std::nullopt;
    };
    list.push_back(std::move(appPoolCreds));

    list.push_back(boolSetting({"authentication.clientCertificate.enabled", group::authentication,
                                "Client certificate mapping enabled",
                                "Map client certificates to Windows accounts (Active Directory or "
                                "IIS one-to-one/many-to-one mappings). Disabled by default.",
                                "F1.50 F1.51"},
                               field::clientCertificateEnabled));
    list.push_back(boolSetting({"authentication.clientCertificate.required", group::authentication,
                                "Client certificate required",
                                "SSL settings require a client certificate; a request without one "
                                "gets 403.7.",
                                "F1.54"},
                               field::clientCertificateRequired));
    return list;
}

} // namespace iisid::catalogue
