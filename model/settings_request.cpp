// The "Request" group: the person at the browser, how they authenticate, whether their
// credentials are right and when they send them.

#include "settings_catalogue.h"

namespace iisid::catalogue {

namespace {

Reason noUser(const Scenario &s) {
    if (!field::requestUser.written(s))
        return std::string("the person at the browser has no credentials to give");
    return std::nullopt;
}

} // namespace

std::vector<Setting> requestSettings() {
    std::vector<Setting> list;
    Setting user = textSetting(
        {"request.user", group::request, "Person at the browser",
         "The Windows account the person can give when challenged, as DOMAIN\\user; none (null) "
         "when they have no credentials. For forms or a cookie login, the name they log in with.",
         "F0.02 F1.70"},
        field::requestUser, true);
    user.valueProblem = accountNameProblem;
    user.samples = {SettingValue(), std::string("CONTOSO\\alice")};
    list.push_back(std::move(user));

    Setting scheme = choiceSetting(
        {"request.scheme", group::request, "How the user authenticates",
         "The scheme the browser answers with: ntlm or kerberos (Windows), basic, digest, a "
         "client certificate, or forms (a login form: IIS itself sees an anonymous request).",
         "F1.20 F1.43 F1.60"},
        field::scheme);
    scheme.defaultNote = "forms when handler.kind is aspnet and aspnet.authenticationMode is "
                         "forms; else the first enabled of Windows (ntlm), basic, digest and "
                         "clientCertificate; else ntlm";
    scheme.inactiveReason = noUser;
    list.push_back(std::move(scheme));

    Setting credentialsValid = boolSetting(
        {"request.credentialsValid", group::request, "Credentials valid",
         "Whether the password (or certificate) the user gives is right; wrong credentials give "
         "401.1.",
         "F1.80"},
        field::credentialsValid);
    credentialsValid.inactiveReason = noUser;
    list.push_back(std::move(credentialsValid));

    Setting sends = choiceSetting(
        {"request.sendsCredentials", group::request, "When credentials are sent",
         "onChallenge: like a browser, ask anonymously first and answer a 401 challenge; always: "
         "send credentials with the first request (scripts, pre-authenticated clients).",
         "F1.70 F1.42"},
        field::sendsCredentials);
    sends.inactiveReason = noUser;
    list.push_back(std::move(sends));
    return list;
}

} // namespace iisid::catalogue
