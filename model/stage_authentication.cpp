#include "stages.h"

#include "accounts.h"

namespace iisid {

namespace {

bool schemeEnabled(const EffectiveScenario &e, Scheme scheme) {
    switch (scheme) {
    case Scheme::Ntlm:
    case Scheme::Kerberos:
        return e.windowsEnabled;
    case Scheme::Basic:
        return e.basicEnabled;
    case Scheme::Digest:
        return e.digestEnabled;
    case Scheme::ClientCertificate:
        return e.clientCertificateEnabled;
    case Scheme::Forms:
        return false; // never an IIS scheme
    }
    return false;
}

std::string enabledMethods(const EffectiveScenario &e) {
    std::string list;
    auto add = [&list](bool on, std::string_view name) {
        if (on)
            list += (list.empty() ? "" : ", ") + std::string(name);
    };
    add(e.anonymousEnabled, "Anonymous");
    add(e.basicEnabled, "Basic");
    add(e.digestEnabled, "Digest");
    add(e.windowsEnabled, "Windows");
    add(e.clientCertificateEnabled, "client certificate mapping");
    return list;
}

/// The user's own logon with the scheme they answer with. Returns false after failing the
/// request.
bool logonUser(Context &c, std::optional<Token> &token) {
    const EffectiveScenario &e = c.e;
    const std::string user = c.qualify(*e.requestUser);
    const Scheme scheme = e.scheme;
    if (e.credentialsValid.isUnknown())
        c.dependOn("request.credentialsValid",
                   scheme == Scheme::ClientCertificate
                       ? "whether the client certificate of " + user + " is valid and trusted"
                       : "whether the credentials " + user + " gives are right",
                   scheme == Scheme::ClientCertificate ? "if not: 403.16"
                                                       : "if they are wrong: 401.1");
    if (e.credentialsValid.is(false)) {
        if (scheme == Scheme::ClientCertificate) {
            c.fail(Stage::Authentication, 403, 16,
                   "The client certificate is not valid or not trusted: 403.16.", {{"F1.54"}});
        } else {
            c.fail(Stage::Authentication, 401, 1,
                   "The user answers with " + schemeName(scheme) + " for " + user +
                       ", but the credentials are wrong: the logon fails, 401.1.",
                   {{"F1.80", "F1.44"}});
        }
        return false;
    }
    switch (scheme) {
    case Scheme::Basic:
        token = Token{user, TokenKind::Basic, e.basicLogonMethod};
        c.step(Stage::Authentication,
               "Basic authentication: the browser sends " + user +
                   "'s user name and password (base64, effectively clear text); IIS logs the "
                   "Windows account on (" +
                   std::string(toString(e.basicLogonMethod)) + ") and holds its token.",
               {{"F1.20", "F1.21", "F0.02"}});
        return true;
    case Scheme::Digest:
        token = Token{user, TokenKind::Digest};
        c.step(Stage::Authentication,
               "Digest authentication, validated by a domain controller: IIS holds a token for "
               "the domain account " +
                   user + ".",
               {{"F1.30", "F1.33"}}, Confidence::Partial,
               "That handlers impersonate the Digest token is implied, not stated.");
        return true;
    case Scheme::Ntlm:
        token = Token{user, TokenKind::Ntlm};
        c.step(Stage::Authentication,
               "Windows authentication (NTLM): after the 401 handshake IIS holds an NTLM token "
               "for " +
                   user +
                   ". (The 401.2 and 401.1 entries the handshake leaves in the log "
                   "are normal.)",
               {{"F1.40", "F1.44", "F0.02"}});
        return true;
    case Scheme::Kerberos:
        if (isIis7Plus(e.version) && e.useKernelMode && !e.useAppPoolCredentials &&
            e.poolIdentity == PoolIdentity::SpecificUser && !e.iis5ProcessModel) {
            c.fail(Stage::Authentication, 401, 2,
                   "Kerberos with kernel-mode authentication: HTTP.sys decrypts the ticket with "
                   "the machine account's key, but the pool runs as " +
                       c.worker.name +
                       ", on which the SPN is registered, so the ticket cannot be decrypted "
                       "and the logon fails with 401 (sub-status 2, 0x80070005 in a FREB "
                       "trace). Fix: useAppPoolCredentials=\"true\" (keep kernel mode on).",
                   {{"F1.41", "F1.45"}});
            return false;
        }
        token = Token{user, TokenKind::Kerberos};
        c.step(Stage::Authentication,
               "Windows authentication (Negotiate/Kerberos): the browser presents a service "
               "ticket and IIS holds a Kerberos token for " +
                   user + ".",
               isIis7Plus(e.version) ? Facts{{"F1.40", "F1.41", "F1.45"}} : Facts{{"F0.02"}});
        return true;
    case Scheme::ClientCertificate:
        token = Token{user, TokenKind::Certificate};
        c.step(Stage::Authentication,
               "The client certificate sent during the SSL handshake is mapped to the Windows "
               "account " +
                   user + ", whose token IIS holds.",
               {{"F1.50", "F1.52", "F1.73"}}, Confidence::Partial,
               "That the request's identity is the mapped account is documented for IIS "
               "mappings; the token type for Active Directory mapping is not.");
        return true;
    case Scheme::Forms:
        break;
    }
    return false;
}

bool failNoMethod(Context &c) {
    const EffectiveScenario &e = c.e;
    c.fail(Stage::Authentication, 401, 2,
           e.requestUser && e.scheme == Scheme::Forms
               ? "A login form is part of the application, so IIS must let the request in "
                 "anonymously first, and anonymous authentication is disabled (enabled: " +
                     (enabledMethods(e).empty() ? std::string("none") : enabledMethods(e)) +
                     "): 401.2, logon failed due to server configuration."
           : e.requestUser
               ? "The user can only answer with " + schemeName(e.scheme) +
                     ", which is not enabled (enabled: " +
                     (enabledMethods(e).empty() ? std::string("none") : enabledMethods(e)) +
                     "): logon failed due to server configuration, 401.2."
               : std::string("The browser sends the request without credentials and has "
                             "none to give, and anonymous authentication is disabled (enabled: ") +
                     (enabledMethods(e).empty() ? std::string("none") : enabledMethods(e)) +
                     "): 401.2, logon failed due to server configuration.",
           {{"F1.74", "F1.80", "F1.44"}},
           enabledMethods(e).empty() ? Confidence::Partial : Confidence::Confirmed,
           enabledMethods(e).empty()
               ? "That no enabled method at all gives 401.2 is inferred from the meaning of "
                 "401.2; the exact case is not spelled out."
               : std::string());
    return false;
}

} // namespace

AnonymousLogon anonymousLogon(const Context &c) {
    const EffectiveScenario &e = c.e;
    AnonymousLogon result;
    if (e.anonymousUserName.empty()) {
        // F1.08: a blank userName means the application pool identity.
        Token pool = c.worker;
        result.token = pool;
        return result;
    }
    if (!isIis7Plus(e.version) && (sameAccount(e.anonymousUserName, account::iusr) ||
                                   sameAccount(e.anonymousUserName, "IUSR"))) {
        // F1.13: the built-in IUSR arrives with IIS 7; before it no such account can be logged
        // on.
        result.failure =
            isIis7Plus(e.version) ? std::string(account::iusr) : std::string(e.anonymousUserName);
        result.noBuiltinIusr = true;
        return result;
    }
    const std::string name = c.qualify(e.anonymousUserName);
    if (sameAccount(name, account::iusr)) {
        result.token = Token{name, TokenKind::BuiltinIusr};
        return result;
    }
    if (e.anonymousPasswordValid.is(false)) {
        result.failure = name;
        return result;
    }
    result.passwordUnknown = e.anonymousPasswordValid.isUnknown();
    result.token = Token{name, TokenKind::AnonymousAccount, e.anonymousLogonMethod};
    if (isIis5(e.version)) {
        // F1.12, F1.03: with "Allow IIS to control password" (the IIS 5 default) the
        // subauthenticator logs the account on: a network logon.
        result.token->logon = LogonMethod::Network;
        result.token->subauthenticated = true;
    }
    return result;
}

void dependOnAnonymousPassword(Context &c, const AnonymousLogon &logon, std::string_view ifWrong) {
    if (!logon.passwordUnknown || !logon.token)
        return;
    c.dependOn("authentication.anonymous.passwordValid",
               "whether the stored password of " + logon.token->name + " is right",
               "if it is wrong: " + std::string(ifWrong));
}

std::string schemeName(Scheme scheme) {
    switch (scheme) {
    case Scheme::Ntlm:
        return "NTLM";
    case Scheme::Kerberos:
        return "Kerberos";
    case Scheme::Basic:
        return "Basic";
    case Scheme::Digest:
        return "Digest";
    case Scheme::ClientCertificate:
        return "a client certificate";
    case Scheme::Forms:
        return "a login form";
    }
    return "";
}

bool authenticateAndAuthorize(Context &c) {
    const EffectiveScenario &e = c.e;
    Resolution &r = c.result();
    const bool user = e.requestUser.has_value();
    const bool formsLogin = user && e.scheme == Scheme::Forms;

    // Client certificates come in the SSL handshake, before any HTTP authentication.
    if (e.clientCertificateRequired && !(user && e.scheme == Scheme::ClientCertificate)) {
        c.fail(Stage::Authentication, 403, 7,
               "The SSL settings require a client certificate and the client sends none: "
               "403.7.",
               {{"F1.54"}});
        return false;
    }
    if (user && e.scheme == Scheme::ClientCertificate && e.clientCertificateEnabled) {
        // F1.73: the certificate, offered during SSL, takes precedence over the others.
        std::optional<Token> token;
        if (!logonUser(c, token))
            return false;
        return authorize(c, *token, false);
    }

    // 1. The first request: anonymous unless the client pre-authenticates.
    const bool preauthenticates = user && !formsLogin &&
                                  e.sendsCredentials == SendsCredentials::Always &&
                                  schemeEnabled(e, e.scheme);
    if (preauthenticates) {
        if (e.version == IisVersion::V7_0 && e.useKernelMode &&
            (e.scheme == Scheme::Ntlm || e.scheme == Scheme::Kerberos)) {
            c.fail(Stage::Authentication, 401, 1,
                   "IIS 7.0 kernel-mode authentication: a client that sends Windows "
                   "credentials with its very first request (no anonymous request first) "
                   "fails. Browsers are not affected; the workaround is "
                   "useKernelMode=\"false\".",
                   {{"F1.42"}}, Confidence::Partial,
                   "The failure is documented; the exact sub-status is not.");
            return false;
        }
        std::optional<Token> token;
        if (!logonUser(c, token))
            return false;
        return authorize(c, *token, false);
    }

    bool anonymousRefused = false;
    if (e.anonymousEnabled) {
        const AnonymousLogon anonymous = anonymousLogon(c);
        if (!anonymous.token) {
            const bool canRetry = user && !formsLogin && schemeEnabled(e, e.scheme);
            std::string text;
            Facts facts;
            Confidence confidence = Confidence::Confirmed;
            std::string uncertainty;
            if (anonymous.noBuiltinIusr) {
                // F1.13: NT AUTHORITY\IUSR arrives with IIS 7.
                text = "Anonymous authentication names " + anonymous.failure +
                       " as the anonymous account, but the built-in NT AUTHORITY\\IUSR only "
                       "exists from IIS 7 on (" +
                       c.versionName() + " has IUSR_" + e.machine +
                       " instead): there is no such account to log on, so the logon fails, "
                       "401.1.";
                facts = canRetry ? Facts{{"F1.13", "F1.02", "F1.70"}}
                                 : Facts{{"F1.13", "F1.06", "F1.02"}};
                confidence = Confidence::Partial;
                uncertainty = "That no such account can be logged on is sourced; the 401.1 "
                              "follows from F1.02 by inference.";
            } else {
                text = "Anonymous authentication: IIS must log on the configured anonymous "
                       "account " +
                       anonymous.failure +
                       " with its stored password to get a token, and the password does not "
                       "match the account: the logon fails, 401.1.";
                if (isIis7Plus(e.version)) {
                    facts = canRetry ? Facts{{"F1.11", "F1.70"}} : Facts{{"F1.11", "F1.02"}};
                    confidence = Confidence::Unconfirmed;
                    uncertainty = "401.1 for a wrong anonymous password is confirmed for IIS 5 "
                                  "and 6 and assumed, by analogy, for IIS 7+.";
                } else {
                    facts = canRetry ? Facts{{"F1.02", "F1.70"}} : Facts{{"F1.02", "F0.02"}};
                }
            }
            if (!canRetry) {
                c.fail(Stage::Authentication, 401, 1, std::move(text), facts, confidence,
                       std::move(uncertainty));
                return false;
            }
            c.step(Stage::Authentication,
                   text + " IIS answers 401 with a WWW-Authenticate header per other enabled "
                          "method.",
                   facts, confidence, std::move(uncertainty));
            anonymousRefused = true;
        } else {
            dependOnAnonymousPassword(c, anonymous,
                                      user && !formsLogin && schemeEnabled(e, e.scheme)
                                          ? "401.1, and the browser answers the challenge"
                                          : "401.1");
            const Token &token = *anonymous.token;
            std::string text;
            Facts facts{{"F0.02", "F0.04"}};
            if (e.anonymousUserName.empty()) {
                text = "Anonymous authentication with userName=\"\" (IIS Manager: "
                       "\"Application pool identity\"): the anonymous request is "
                       "authenticated as the pool identity " +
                       token.name + ".";
                facts = {{"F1.08", "F3.41"}};
            } else if (token.kind == TokenKind::BuiltinIusr) {
                text = "Anonymous authentication: no credentials, so IIS uses the built-in "
                       "anonymous account NT AUTHORITY\\IUSR (no password; WAS creates its "
                       "token). An anonymous request is authenticated as that account.";
                facts = {{"F1.06", "F1.07", "F1.09", "F0.04"}};
            } else if (token.subauthenticated) {
                text = "Anonymous authentication: no credentials, so IIS logs on the "
                       "configured anonymous account " +
                       token.name +
                       " through its subauthenticator (iissuba.dll; \"Allow IIS to control "
                       "password\", the IIS 5 default): a network logon, whose token has no "
                       "credentials for other computers.";
                facts = {{"F1.01", "F1.12", "F1.03", "F0.02"}};
            } else {
                text = "Anonymous authentication: no credentials, so IIS logs on the "
                       "configured anonymous account " +
                       token.name + " with its stored password and holds its token.";
                facts =
                    isIis7Plus(e.version) ? Facts{{"F1.07", "F0.04"}} : Facts{{"F1.01", "F0.02"}};
            }
            if (formsLogin)
                text += " The user's login form (Forms or the site's own cookie login) is "
                        "invisible to IIS: to IIS the request stays anonymous, and " +
                        *e.requestUser + " is never a Windows token.";
            Step &anonymousStep = c.step(Stage::Authentication, std::move(text), facts);
            if (user && !formsLogin && schemeEnabled(e, e.scheme)) {
                // F1.70: with anonymous access working, IIS tries nothing else.
                anonymousStep.text += " Other methods are enabled too, but the browser's "
                                      "first request is anonymous and IIS serves it "
                                      "anonymously without a challenge.";
                cite(anonymousStep, "F1.70");
            }
            if (formsLogin)
                c.step(Stage::Authentication,
                       "Forms authentication is an application feature: IIS authenticates the "
                       "request anonymously first, and ASP.NET's forms user is not a Windows "
                       "account that can be impersonated.",
                       isIis7Plus(e.version) && e.pipeline == Pipeline::Integrated
                           ? Facts{{"F1.60", "F1.62", "F1.61"}}
                           : Facts{{"F1.60"}});
            if (authorize(c, token, user && !formsLogin && schemeEnabled(e, e.scheme)))
                return true;
            if (!r.steps.empty() && r.steps.back().fails)
                return false;
            anonymousRefused = true;
        }
    }

    // 2. Anonymous refused or disabled: a challenge, if the user can answer it.
    if (!user || formsLogin || !schemeEnabled(e, e.scheme)) {
        if (anonymousRefused)
            return false; // already failed above
        return failNoMethod(c);
    }
    if (!e.anonymousEnabled)
        c.step(Stage::Authentication,
               "The browser's first request carries no credentials and anonymous "
               "authentication is disabled: IIS answers 401 with a WWW-Authenticate header per "
               "enabled method (" +
                   enabledMethods(e) + "), and the browser answers with " + schemeName(e.scheme) +
                   ".",
               {{"F1.70", "F1.44"}});
    std::optional<Token> token;
    if (!logonUser(c, token))
        return false;
    return authorize(c, *token, false);
}

} // namespace iisid
