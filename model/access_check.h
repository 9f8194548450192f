#pragma once

// Internal to the model (not part of its API): the NTFS read check the resolver applies to
// configuration and content, shared with the checker. Pure: no scenario, no trace.

#include "confidence.h"
#include "scenario.h"
#include "tokens.h"
#include "trace_builder.h"

#include <string>
#include <string_view>
#include <vector>

namespace iisid {

/// What the read check needs besides the token: the content's ACL and the server.
struct ReadAccess {
    /// Who may read the content, as written in the scenario ("Users", "CONTOSO\\web"); nullptr
    /// when the scenario gives no list: everyone can read.
    const std::vector<std::string> *readableBy = nullptr;
    IisVersion version{};
    bool iis5ProcessModel = false;
    std::string_view machine; // the web server: bare names in readableBy are its local accounts
    std::string_view domain;
    bool kerberosDelegation = false;
    std::string_view poolName;      // the application pool (IIS APPPOOL\\<pool>)
    std::string_view workerAccount; // the worker process's account
};

/// Can this identity read the content? `offBox`: the content is on a share, so the file server
/// sees the token's network identity (networkIdentity), not the token itself. Account names
/// match case-insensitively; groups are expanded as far as the reference states (F2.14, F2.23,
/// F2.24, F4.07, F4.08).
bool canRead(const Token &token, bool offBox, const ReadAccess &access);

/// The entries of readableBy that the check can only match by name: neither a group it knows
/// (Everyone, Users, Authenticated Users, Administrators, IIS_IUSRS, IIS_WPG, Guests, Domain
/// Users) nor a well-known account. If such an entry is a group, whether the reader belongs to
/// it cannot be known from the scenario.
std::vector<std::string> entriesMatchedByName(const std::vector<std::string> &readableBy,
                                              std::string_view domain);

/// The readableBy list for a message: "Users, IIS_IUSRS", or "nobody" when empty.
std::string readersText(const std::vector<std::string> &readableBy);

struct AccessRule {
    Facts facts;
    Confidence confidence = Confidence::Confirmed;
    std::string uncertainty;
};

/// The rule behind IIS's (or ASP.NET's) access check on the requested file, for a request
/// authenticated with a token of kind `authenticated`.
AccessRule accessRule(HandlerKind handler, IisVersion version, Pipeline pipeline,
                      TokenKind authenticated);

} // namespace iisid
