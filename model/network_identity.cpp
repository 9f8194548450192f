#include "network_identity.h"

#include "accounts.h"
#include "settings.h"

namespace iisid {

NetworkView networkIdentity(const Token &token, std::string_view domain, std::string_view machine,
                            bool kerberosDelegation) {
    const std::string machineAcct = machineAccount(domain, machine);
    const std::string anonymous(account::anonymousLogon);
    const bool actsAsComputer = token.kind == TokenKind::LocalSystem ||
                                token.kind == TokenKind::NetworkService ||
                                token.kind == TokenKind::PoolIdentity;
    if (actsAsComputer && domain.empty()) {
        // F2.47: a machine account exists only once the server is joined to a domain.
        return {anonymous, Confidence::Partial,
                token.kind == TokenKind::LocalSystem
                    ? std::vector<std::string_view>{"F2.47", "F2.40"}
                : token.kind == TokenKind::NetworkService
                    ? std::vector<std::string_view>{"F2.47", "F2.41"}
                    : std::vector<std::string_view>{"F2.47", "F2.42"},
                "the server is not joined to a domain (a workgroup server), so it has no machine "
                "account: " +
                    token.name + " presents no credentials another computer accepts",
                "That the remote server records ANONYMOUS LOGON rather than refusing the "
                "connection is not stated by the reference (F2.47 is partial)."};
    }
    if (token.kind == TokenKind::AnonymousAccount && token.subauthenticated)
        return {anonymous,
                Confidence::Partial,
                {"F1.12", "F1.03"},
                "IIS 5 logged the anonymous account on through its subauthenticator (\"Allow IIS "
                "to control password\", the IIS 5 default): a network logon whose token has no "
                "credentials off the box",
                "Whether the remote server records ANONYMOUS LOGON or refuses the connection is "
                "not stated (F1.12 is partial)."};
    const bool withOwnCredentials =
        token.kind == TokenKind::ServiceAccount || token.kind == TokenKind::Configured ||
        token.kind == TokenKind::Certificate ||
        ((token.kind == TokenKind::AnonymousAccount || token.kind == TokenKind::Basic) &&
         token.logon != LogonMethod::Network);
    if (withOwnCredentials && isLocalAccount(token.name, machine))
        // F2.47, F2.45: another computer does not know the web server's own accounts.
        return {anonymous,
                Confidence::Partial,
                {"F2.47", "F2.45"},
                token.name +
                    " is an account of the web server itself, which another computer does not "
                    "know: it sees at most its own account of the same name, if one exists with "
                    "the same password (NTLM pass-through), otherwise it refuses the connection "
                    "or sees ANONYMOUS LOGON",
                "The mirrored-account case is unconfirmed, and whether a refusal or ANONYMOUS "
                "LOGON follows is not stated (F2.47 is partial)."};
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
