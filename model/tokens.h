#pragma once

// Internal to the resolver and the access check (not part of the model's API): the tokens a
// request's process and thread hold.

#include "scenario.h"

#include <optional>
#include <string>

namespace iisid {

/// Where a token came from decides what it can do off the box (F2.40-F2.46).
enum class TokenKind {
    LocalSystem,
    LocalService,
    NetworkService,
    PoolIdentity,     // IIS APPPOOL\<pool> (ApplicationPoolIdentity)
    ServiceAccount,   // a configured process account: SpecificUser pool, IWAM_<m>, ASPNET
    BuiltinIusr,      // NT AUTHORITY\IUSR (IIS 7+)
    AnonymousAccount, // IUSR_<machine> or another configured anonymous account, logged on with
                      // its stored password
    Basic,
    Digest,
    Ntlm,
    Kerberos,
    Certificate,
    Configured, // an account with a stored password: ASP.NET <identity userName>, Connect as
};

struct Token {
    std::string name;
    TokenKind kind = TokenKind::ServiceAccount;
    LogonMethod logon = LogonMethod::ClearText;
    /// IIS 5 "Allow IIS to control password": the anonymous account was logged on by IIS's
    /// subauthenticator, a network logon with no credentials off the box (F1.12, F1.03).
    bool subauthenticated = false;
};

/// A token the request's own user logged on with (not a process or anonymous account).
bool isRequestUser(TokenKind kind);

/// The token's account name, or nullopt for no token.
std::optional<std::string> nameOf(const std::optional<Token> &token);

} // namespace iisid
