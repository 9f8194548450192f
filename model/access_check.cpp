#include "access_check.h"

#include "accounts.h"
#include "network_identity.h"

namespace iisid {

namespace {

bool startsWithNoCase(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && sameAccount(text.substr(0, prefix.size()), prefix);
}

std::string_view withoutBuiltin(std::string_view name) {
    if (startsWithNoCase(name, "BUILTIN\\"))
        name.remove_prefix(8);
    return name;
}

/// "Domain Users" or "DOMAIN\\Domain Users" for the server's domain.
bool isDomainUsers(std::string_view name, std::string_view domain) {
    if (sameAccount(name, "Domain Users"))
        return true;
    return !domain.empty() && startsWithNoCase(name, domain) && name.size() > domain.size() &&
           name[domain.size()] == '\\' &&
           sameAccount(name.substr(domain.size() + 1), "Domain Users");
}

bool isKnownGroup(std::string_view name, std::string_view domain) {
    for (std::string_view group :
         {"Everyone", "Users", "Authenticated Users", "NT AUTHORITY\\Authenticated Users",
          "Administrators", "IIS_IUSRS", "IIS_WPG", "Guests"})
        if (sameAccount(name, group))
            return true;
    return isDomainUsers(name, domain);
}

} // namespace

bool canRead(const Token &token, bool offBox, const ReadAccess &access) {
    if (!access.readableBy)
        return true;
    const std::string seenAs =
        offBox
            ? networkIdentity(token, access.domain, access.machine, access.kerberosDelegation).name
            : token.name;
    const bool anonymousLogon = sameAccount(seenAs, account::anonymousLogon);
    const bool isWorker =
        token.kind == TokenKind::LocalSystem || token.kind == TokenKind::LocalService ||
        token.kind == TokenKind::NetworkService || token.kind == TokenKind::PoolIdentity ||
        (token.kind == TokenKind::ServiceAccount && token.name == access.workerAccount);
    for (const std::string &entry : *access.readableBy) {
        const std::string_view name = withoutBuiltin(entry);
        if (sameAccount(name, "Everyone")) {
            // Since Windows Server 2003 Everyone no longer includes ANONYMOUS LOGON.
            if (!anonymousLogon)
                return true;
            continue;
        }
        // Users holds Authenticated Users, which every logged-on token carries, the built-in
        // IUSR included: F4.08's default wwwroot ACL (Users, IIS_IUSRS, Administrators,
        // SYSTEM) serves anonymous requests although IUSR is not in IIS_IUSRS (F4.07).
        if (sameAccount(name, "Users") || sameAccount(name, "Authenticated Users") ||
            sameAccount(name, "NT AUTHORITY\\Authenticated Users")) {
            if (!anonymousLogon)
                return true;
            continue;
        }
        // LocalSystem's token carries the Administrators group.
        if (sameAccount(name, "Administrators") && token.kind == TokenKind::LocalSystem && !offBox)
            return true;
        // F2.24: WAS adds IIS_IUSRS to every worker process token (IIS 7+); F4.07: IUSR is
        // not a member. F2.14: on IIS 6 pool identities belong to IIS_WPG.
        if (!offBox && isWorker && isIis7Plus(access.version) && sameAccount(name, "IIS_IUSRS"))
            return true;
        if (!offBox && isWorker && isIis6(access.version) && sameAccount(name, "IIS_WPG"))
            return true;
        // F2.23: from 7.5 the pool SID is in the worker token whatever the identity type.
        if (!offBox && isWorker && isIis75Plus(access.version) && !access.iis5ProcessModel &&
            sameAccount(name, appPoolAccount(access.poolName)))
            return true;
        // Domain Users: every account of the server's domain, not computer accounts.
        if (isDomainUsers(name, access.domain) && !access.domain.empty() && !anonymousLogon &&
            startsWithNoCase(seenAs, access.domain) && seenAs.size() > access.domain.size() &&
            seenAs[access.domain.size()] == '\\' && seenAs.back() != '$')
            return true;
        // IIS 5 and 6 setup puts IUSR_<machine> in the local Guests group (TechNet, "Anonymous
        // Access", IIS 6.0: "a valid Windows account and is a member of the Guests group").
        if (sameAccount(name, "Guests") && !offBox && !isIis7Plus(access.version) &&
            token.kind == TokenKind::AnonymousAccount &&
            sameAccount(token.name, qualifyAccount("IUSR_" + std::string(access.machine),
                                                   access.machine, access.version)))
            return true;
        if (sameAccount(qualifyAccount(name, access.machine, access.version), seenAs))
            return true;
    }
    return false;
}

std::vector<std::string> entriesMatchedByName(const std::vector<std::string> &readableBy,
                                              std::string_view domain) {
    std::vector<std::string> byName;
    for (const std::string &entry : readableBy) {
        const std::string_view name = withoutBuiltin(entry);
        const bool wellKnownAccount = startsWithNoCase(name, "NT AUTHORITY\\") ||
                                      startsWithNoCase(name, "IIS APPPOOL\\") ||
                                      sameAccount(name, "SYSTEM") || sameAccount(name, "IUSR") ||
                                      (!name.empty() && name.back() == '$');
        if (!isKnownGroup(name, domain) && !wellKnownAccount)
            byName.push_back(entry);
    }
    return byName;
}

std::string readersText(const std::vector<std::string> &readableBy) {
    std::string list;
    for (const std::string &entry : readableBy)
        list += (list.empty() ? "" : ", ") + entry;
    return list.empty() ? std::string("nobody") : list;
}

AccessRule accessRule(HandlerKind handler, IisVersion version, Pipeline pipeline,
                      TokenKind authenticated) {
    if (handler == HandlerKind::Static || handler == HandlerKind::IsapiFilter)
        return {{{"F3.40", "F1.80"}}, Confidence::Confirmed, {}};
    if (handler == HandlerKind::AspNet && isIis7Plus(version) && pipeline == Pipeline::Integrated) {
        if (isRequestUser(authenticated))
            return {{{"F3.69", "F1.80"}}, Confidence::Confirmed, {}};
        return {{{"F4.09", "F3.69"}},
                Confidence::Unconfirmed,
                "Whether the anonymous account must also read .aspx files in the integrated "
                "pipeline was not established."};
    }
    if (isIis6(version) || isIis5(version))
        return {{{"F0.03", "F1.80"}}, Confidence::Confirmed, {}};
    if (handler == HandlerKind::Asp)
        return {{{"F3.51", "F0.03", "F1.80"}}, Confidence::Confirmed, {}};
    if (handler == HandlerKind::AspNet) // the classic pipeline works as on IIS 6
        return {{{"F3.73", "F0.03", "F1.80"}}, Confidence::Confirmed, {}};
    return {{{"F0.03", "F1.80", "F3.40"}},
            Confidence::Partial,
            "IIS's access check before an impersonating handler is documented for IIS 6; for "
            "IIS 7+ it is carried over by analogy with the static file handler."};
}

} // namespace iisid
