#include "access_check.h"

#include "accounts.h"
#include "network_identity.h"

namespace iisid {

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
        std::string_view name = entry;
        if (name.rfind("BUILTIN\\", 0) == 0 || name.rfind("builtin\\", 0) == 0)
            name.remove_prefix(8);
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
        if (sameAccount(qualifyAccount(name, access.machine, access.version), seenAs))
            return true;
    }
    return false;
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
