#include "network_identity.h"

#include "accounts.h"
#include "settings.h"

namespace iisid {

NetworkView networkIdentity(const Token &token, std::string_view domain, std::string_view machine,
                            bool kerberosDelegation) {
    const std::string machineAcct = machineAccount(domain, machine);
    const std::string anonymous(account::anonymousLogon);
    switch (token.kind) {
    case TokenKind::LocalSystem:
        return {machineAcct,
                Confidence::Confirmed,
                {"F2.40"},
                "LocalSystem acts as the computer on the network",
                {}};
    case TokenKind::NetworkService:
        return {machineAcct,
                Confidence::Confirmed,
                {"F2.41"},
                "NetworkService uses the machine account off the box",
                {}};
    case TokenKind::PoolIdentity:
        return {machineAcct,
                Confidence::Confirmed,
                {"F2.42"},
                "ApplicationPoolIdentity uses the machine account off the box",
                {}};
    case TokenKind::LocalService:
        return {anonymous,
                Confidence::Confirmed,
                {"F2.43"},
                "LocalService presents anonymous credentials on the network",
                {}};
    case TokenKind::BuiltinIusr:
        return {anonymous,
                Confidence::Confirmed,
                {"F1.10", "F2.45"},
                "the built-in IUSR acts anonymously on the network",
                {}};
    case TokenKind::ServiceAccount:
        if (isLocalAccount(token.name, machine))
            return {token.name,
                    Confidence::Partial,
                    {"F2.44", "F2.45"},
                    "a process account presents its own credentials; this one is local to "
                    "the server, so another machine accepts it only with an identical account "
                    "and password",
                    "Mirrored local accounts are not confirmed by the reference."};
        return {token.name,
                Confidence::Partial,
                {"F2.44"},
                "a custom process account presents its own credentials",
                "Implied by Microsoft's documents rather than stated."};
    case TokenKind::AnonymousAccount:
    case TokenKind::Basic:
        if (token.logon == LogonMethod::Network)
            return {anonymous,
                    Confidence::Unconfirmed,
                    {"F2.46", "F1.21"},
                    "a network logon keeps no credentials, so the token cannot make a "
                    "second hop",
                    "What the remote server then sees (ANONYMOUS LOGON) is unconfirmed."};
        if (isLocalAccount(token.name, machine))
            return {token.name,
                    Confidence::Partial,
                    {"F2.45", "F2.46"},
                    "the token holds credentials, but for an account local to the server: "
                    "another machine validates it only if it has an identical account and "
                    "password",
                    "The mirrored-account case is unconfirmed."};
        return {token.name,
                Confidence::Confirmed,
                {"F2.46", "F1.21"},
                "the logon kept the credentials (" + std::string(toString(token.logon)) +
                    "), so the token can make one network hop",
                {}};
    case TokenKind::Ntlm:
        return {anonymous,
                Confidence::Unconfirmed,
                {"F1.43", "F2.46"},
                "NTLM does not support delegation: the impersonated user cannot "
                "authenticate to a second machine",
                "That the remote server sees NT AUTHORITY\\ANONYMOUS LOGON (the commonly "
                "reported result) is unconfirmed."};
    case TokenKind::Digest:
        return {anonymous,
                Confidence::Unconfirmed,
                {"F2.46", "F1.43"},
                "a Digest logon holds no reusable credentials, so the token cannot make a "
                "second hop",
                "Digest's delegation behaviour is not covered by the reference."};
    case TokenKind::Kerberos:
        if (kerberosDelegation)
            return {token.name,
                    Confidence::Confirmed,
                    {"F1.43", "F2.46"},
                    "Kerberos with delegation configured lets the impersonated user make the "
                    "hop",
                    {}};
        return {anonymous,
                Confidence::Unconfirmed,
                {"F1.43", "F2.46"},
                "Kerberos without delegation cannot make a second hop",
                "What the remote server then sees (ANONYMOUS LOGON) is unconfirmed."};
    case TokenKind::Certificate:
        return {token.name,
                Confidence::Partial,
                {"F1.51", "F2.46"},
                "an IIS certificate mapping stores the account's password and logs it on "
                "with ClearText, so the token holds credentials",
                "For Active Directory mapping the logon type is not documented."};
    case TokenKind::Configured:
        return {token.name,
                Confidence::Confirmed,
                {"F2.46", "F1.21"},
                "an explicitly configured account logs on with its password and can make a "
                "hop",
                {}};
    }
    return {anonymous, Confidence::Unconfirmed, {}, {}, {}};
}

} // namespace iisid
