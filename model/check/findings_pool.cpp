// The application pool rules of the findings catalogue (config-semantics.md §5 #1-#8): the
// pool's process identity, its account, and which applications and sites it serves.

#include "apphost_apps.h"
#include "catalogue.h"
#include "findings.h"
#include "findings_common.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace iisid::check {

namespace {

using config::ConfigValue;
using config::equalsIgnoreCase;

/// A pool with the applications it serves (indices into context.applications).
struct ServedPool {
    const CheckPool *pool = nullptr;
    std::vector<std::size_t> applications;
};

/// Whether the input defines the pools: not when only web.config files were given (the reader
/// then assumes one "DefaultAppPool" with the IIS defaults, which is no finding of the user's
/// files), nor for a metabase in IIS 5 isolation mode (C3.12: pools are ignored).
bool poolsGiven(const CheckContext &context) {
    if (context.iis7)
        return context.iis7->appHostFile() != nullptr;
    return context.metabase && !iis5IsolationModel(*context.metabase);
}

/// The pools of the input (poolsGiven), each with the applications whose effective pool (C1.48,
/// AppPoolId) names it, compared case-insensitively (Q5); a duplicate name serves through its
/// first definition, as the readers look it up.
std::vector<ServedPool> poolsInUse(const CheckContext &context) {
    std::vector<ServedPool> out;
    if (!poolsGiven(context))
        return out;
    // The applications by pool name, as equalsIgnoreCase compares (ASCII case), in one pass:
    // pool by pool over every application cost O(pools x applications) (issue 7 §6).
    std::unordered_map<std::string, std::vector<std::size_t>> byPool;
    for (std::size_t i = 0; i < context.applications.size(); ++i)
        byPool[config::toLowerAscii(context.applications[i].pool)].push_back(i);
    std::unordered_set<std::string> seen;
    for (const CheckPool &pool : context.pools) {
        const std::string name = config::toLowerAscii(pool.name);
        const bool duplicate = !seen.insert(name).second;
        ServedPool served{&pool, {}};
        if (const auto found = byPool.find(name); found != byPool.end() && !duplicate)
            served.applications = found->second;
        out.push_back(std::move(served));
    }
    return out;
}

enum class PoolAttribute { IdentityType, UserName, Password, LoadUserProfile };

/// The value of a processModel attribute of an applicationHost.config pool (over
/// applicationPoolDefaults and the schema, C1.49); Absent for a metabase.
ConfigValue processModelValue(const CheckContext &context, const CheckPool &pool,
                              PoolAttribute attribute) {
    if (!context.iis7)
        return {};
    const config::ApplicationPool *read = context.iis7->host().pool(pool.name);
    if (!read)
        return {};
    switch (attribute) {
    case PoolAttribute::IdentityType:
        return read->processModel("identityType");
    case PoolAttribute::UserName:
        return read->processModel("userName");
    case PoolAttribute::Password:
        return read->processModel("password");
    case PoolAttribute::LoadUserProfile:
        return read->processModel("loadUserProfile");
    }
    return {};
}

/// Where the pool's attribute is decided: the attribute (written on the pool or its defaults),
/// else the element holding a schema default, else the pool's own element.
SourceLocation poolAttributeLocation(const CheckContext &context, const CheckPool &pool,
                                     PoolAttribute attribute) {
    if (context.iis7) {
        const ConfigValue value = processModelValue(context, pool, attribute);
        if (value.origin.known())
            return context.iis7->location(value.origin);
    } else if (context.metabase) {
        if (const config::MetabasePool *read = context.metabase->findPool(pool.name)) {
            const SourceLocation &location = attribute == PoolAttribute::UserName
                                                 ? read->wamUserName.location
                                                 : read->identityType.location;
            if (location.line > 0)
                return location;
        }
    }
    return pool.location;
}

/// "'Site/app', 'Site/other' and 3 more".
std::string applicationList(const CheckContext &context, const std::vector<std::size_t> &indices) {
    constexpr std::size_t shown = 4;
    std::string text;
    for (std::size_t i = 0; i < indices.size() && i < shown; ++i) {
        if (i > 0)
            text += i + 1 == indices.size() ? " and " : ", ";
        text += "'" + appName(context.applications[indices[i]]) + "'";
    }
    if (indices.size() > shown)
        text += " and " + std::to_string(indices.size() - shown) + " more";
    return text;
}

/// The sites of the applications, each once (case-insensitively), in order of appearance.
std::vector<std::string> sitesOf(const CheckContext &context,
                                 const std::vector<std::size_t> &indices) {
    std::vector<std::string> sites;
    for (std::size_t i : indices) {
        const std::string &site = context.applications[i].site;
        if (std::none_of(sites.begin(), sites.end(),
                         [&](const std::string &seen) { return equalsIgnoreCase(seen, site); }))
            sites.push_back(site);
    }
    return sites;
}

/// The site and path of a pool finding: the site when every application is in one site, the
/// path when there is one application.
void placeOnApplications(CheckFinding &finding, const CheckContext &context,
                         const std::vector<std::size_t> &indices) {
    if (indices.empty() || sitesOf(context, indices).size() != 1)
        return;
    finding.site = context.applications[indices.front()].site;
    if (indices.size() == 1)
        finding.path = context.applications[indices.front()].path;
}

/// The account the resolver gives the pool's worker (CheckApplication::worker of an application
/// it serves), else the account the adapter names for the pool; a SpecificUser pool without a
/// user name has none to give.
std::string workerAccount(const CheckContext &context, const ServedPool &served) {
    if (!served.pool->identity)
        return "SpecificUser without an account";
    for (std::size_t i : served.applications) {
        if (context.rows[i].worker)
            return *context.rows[i].worker;
    }
    return *served.pool->identity;
}

std::string poolName(const CheckPool &pool) {
    return "Application pool '" + pool.name + "'";
}

/// Products whose pools are meant to run so (§5 #1, #7: "name the product when its pool names
/// are recognised"): Exchange's MSExchange… pools, SharePoint's pools.
std::string_view recognisedProduct(std::string_view poolName) {
    const std::string lower = config::toLowerAscii(poolName);
    if (lower.starts_with("msexchange"))
        return "Exchange";
    if (lower.starts_with("sharepoint") || lower == "securitytokenserviceapplicationpool")
        return "SharePoint";
    return {};
}

CheckFinding raise(std::string_view id, std::string message, SourceLocation location) {
    return catalogueFinding(*findRule(id), std::move(message), std::move(location));
}

// #1: a pool serving an application runs as LocalSystem (IIS 6: AppPoolIdentityType 0).
void localSystem(const CheckContext &context, const ServedPool &served, FindingList &out) {
    if (served.applications.empty() || poolIdentity(*served.pool) != PoolIdentity::LocalSystem)
        return;
    std::string message = poolName(*served.pool) + " runs as LocalSystem (" +
                          workerAccount(context, served) + ") and serves " +
                          applicationList(context, served.applications) +
                          ": all their code, filters and FastCGI/CGI children run as SYSTEM.";
    if (const std::string_view product = recognisedProduct(served.pool->name); !product.empty())
        message +=
            " The pool's name is " + std::string(product) + "'s, which may require this identity.";
    CheckFinding finding =
        raise("IISID-POOL-LOCALSYSTEM", std::move(message),
              poolAttributeLocation(context, *served.pool, PoolAttribute::IdentityType));
    placeOnApplications(finding, context, served.applications);
    out.push_back(std::move(finding));
}

// #2: NetworkService or LocalService (IIS 6: types 1 and 2, info: IIS 6 has no better
// built-in identity).
void builtinAccount(const CheckContext &context, const ServedPool &served, FindingList &out) {
    const std::optional<PoolIdentity> identity = poolIdentity(*served.pool);
    if (served.applications.empty() ||
        (identity != PoolIdentity::NetworkService && identity != PoolIdentity::LocalService))
        return;
    std::string message = poolName(*served.pool) + " runs as " + std::string(toString(*identity)) +
                          " (" + workerAccount(context, served) +
                          "), an identity shared with other pools and Windows services";
    message += identity == PoolIdentity::NetworkService
                   ? "; on the network it is the machine account DOMAIN\\MACHINE$."
                   : ".";
    if (context.metabase)
        message += " IIS 6 has no per-pool built-in identity, so this is for information.";
    CheckFinding finding =
        raise("IISID-POOL-BUILTIN-ACCOUNT", std::move(message),
              poolAttributeLocation(context, *served.pool, PoolAttribute::IdentityType));
    if (context.metabase)
        finding.finding.severity = Severity::Info;
    placeOnApplications(finding, context, served.applications);
    out.push_back(std::move(finding));
}

// #3: a SpecificUser pool whose account looks privileged by name, or is the anonymous or
// Connect-as account of a site the pool does not serve.
void privilegedAccount(const CheckContext &context, const ServedPool &served, FindingList &out) {
    const CheckPool &pool = *served.pool;
    if (served.applications.empty() || poolIdentity(pool) != PoolIdentity::SpecificUser ||
        !pool.userName)
        return;
    const std::string account = pool.identity.value_or(*pool.userName);
    std::string why;
    if (isPrivilegedAccountName(*pool.userName)) {
        why = "its name looks like an administrator's or SYSTEM's";
    } else {
        const std::vector<std::string> ownSites = sitesOf(context, served.applications);
        for (std::size_t i = 0; i < context.applications.size() && why.empty(); ++i) {
            const AppScenario &app = context.applications[i];
            const std::optional<std::string> &anonymous =
                context.rows[i].authentication.anonymousIdentity;
            const std::optional<std::string> &connectAs = app.base.scenario.content.connectAs;
            // The accounts first: the own-sites test, for every pool and application, cost
            // O(pools x applications x sites per pool) (issue 7 §6).
            if (!(anonymous && equalsIgnoreCase(*anonymous, account)) &&
                !(connectAs && equalsIgnoreCase(*connectAs, *pool.userName)))
                continue;
            if (std::any_of(ownSites.begin(), ownSites.end(), [&](const std::string &site) {
                    return equalsIgnoreCase(site, app.site);
                }))
                continue;
            if (anonymous && equalsIgnoreCase(*anonymous, account))
                why = "it is also the anonymous account of site '" + app.site + "'";
            else if (connectAs && equalsIgnoreCase(*connectAs, *pool.userName))
                why = "it is also the Connect-as account of '" + appName(app) + "'";
        }
    }
    if (why.empty())
        return;
    CheckFinding finding = raise(
        "IISID-POOL-PRIVILEGED-ACCOUNT",
        poolName(pool) + " runs as '" + *pool.userName + "' and " + why + " (serving " +
            applicationList(context, served.applications) +
            "). Unconfirmed: judged by the name only, group membership cannot be seen offline.",
        poolAttributeLocation(context, pool, PoolAttribute::UserName));
    placeOnApplications(finding, context, served.applications);
    out.push_back(std::move(finding));
}

// #4: SpecificUser without an account (IIS 6: type 3 with an empty WAMUserName). Reported for
// every pool: a pool that cannot log on is a configuration error whether or not it serves.
void specificUserEmpty(const CheckContext &context, const ServedPool &served, FindingList &out) {
    const CheckPool &pool = *served.pool;
    if (poolIdentity(pool) != PoolIdentity::SpecificUser || pool.userName)
        return;
    // userName="" is written but empty; a missing userName is not set at all.
    bool blank = processModelValue(context, pool, PoolAttribute::UserName).present();
    if (context.metabase) {
        const config::MetabasePool *read = context.metabase->findPool(pool.name);
        blank = read && read->wamUserName.isSet();
    }
    std::string message = poolName(pool) + " is set to SpecificUser but its user name is " +
                          (blank ? "empty" : "not set") + ": it cannot log on, so ";
    message += served.applications.empty()
                   ? "it cannot start (it serves no application)"
                   : "its applications " + applicationList(context, served.applications) +
                         " cannot be served";
    message += " — or the file was redacted before it was shared. Unconfirmed: how IIS fails "
               "then is not documented.";
    CheckFinding finding =
        raise("IISID-POOL-SPECIFICUSER-EMPTY", std::move(message),
              poolAttributeLocation(context, pool,
                                    blank ? PoolAttribute::UserName : PoolAttribute::IdentityType));
    placeOnApplications(finding, context, served.applications);
    out.push_back(std::move(finding));
}

/// A password written with a value: clear text or an encrypted payload, not the schema's
/// "[enc:Provider::enc]" that means "no password" (C1.40).
bool storesPassword(const ConfigValue &password) {
    return password.written() && !password.text.empty() &&
           !config::isEmptyEncryptedValue(password.text);
}

// #5: an account or a password stored on a pool (or applicationPoolDefaults) that does not run
// as SpecificUser. One finding per place the credential is written, naming every pool that
// inherits it.
void ignoredCredentials(const CheckContext &context, const std::vector<ServedPool> &pools,
                        FindingList &out) {
    if (!context.iis7)
        return;
    struct Stored {
        config::Origin origin;
        std::string what;
        std::vector<const CheckPool *> pools;
    };
    std::vector<Stored> stored;
    for (const ServedPool &served : pools) {
        const CheckPool &pool = *served.pool;
        const std::optional<PoolIdentity> identity = poolIdentity(pool);
        if (!identity || identity == PoolIdentity::SpecificUser)
            continue;
        const ConfigValue userName = processModelValue(context, pool, PoolAttribute::UserName);
        const ConfigValue password = processModelValue(context, pool, PoolAttribute::Password);
        const bool hasUser = userName.written() && !userName.text.empty();
        if (!hasUser && !storesPassword(password))
            continue;
        const config::Origin origin = hasUser ? userName.origin : password.origin;
        auto same = std::find_if(stored.begin(), stored.end(),
                                 [&](const Stored &s) { return s.origin == origin; });
        if (same == stored.end()) {
            std::string what = hasUser ? "the account '" + std::string(userName.text) + "'" : "";
            if (storesPassword(password))
                what += hasUser ? " and a password" : "a password";
            stored.push_back({origin, std::move(what), {}});
            same = std::prev(stored.end());
        }
        same->pools.push_back(&pool);
    }
    for (const Stored &s : stored) {
        std::string names;
        for (std::size_t i = 0; i < s.pools.size(); ++i)
            names += (i == 0 ? "'" : "', '") + s.pools[i]->name;
        names += "'";
        out.push_back(raise("IISID-POOL-IGNORED-CREDENTIALS",
                            "Application pool" + std::string(s.pools.size() > 1 ? "s " : " ") +
                                names + " store" + (s.pools.size() > 1 ? "" : "s") + " " + s.what +
                                " but run" + (s.pools.size() > 1 ? "" : "s") + " as " +
                                s.pools.front()->identityType +
                                ", not SpecificUser: the stored credential is not used.",
                            context.iis7->location(s.origin)));
    }
}

// #6: an application whose effective pool is empty or names no defined pool (C1.48; IIS 6:
// AppPoolId in worker process isolation mode).
void undefinedPools(const CheckContext &context, FindingList &out) {
    if (!poolsGiven(context))
        return;
    // The pool names as equalsIgnoreCase compares them (ASCII case), in a set: every pool for
    // every application cost O(pools x applications) (issue 7 §6).
    std::unordered_set<std::string> poolNames;
    for (const CheckPool &pool : context.pools)
        poolNames.insert(config::toLowerAscii(pool.name));
    for (const AppScenario &app : context.applications) {
        const bool defined =
            !app.pool.empty() && poolNames.contains(config::toLowerAscii(app.pool));
        if (defined)
            continue;
        SourceLocation location = app.location;
        if (const auto origin = app.base.locations.find("appPool.name");
            origin != app.base.locations.end() && origin->second.line > 0)
            location = origin->second;
        std::string message =
            "Application '" + appName(app) + "' " +
            (app.pool.empty() ? std::string("has no application pool (neither the application "
                                            "nor applicationDefaults names one)")
                              : "names application pool '" + app.pool + "', which is not defined") +
            ": it cannot be activated and its identity cannot be determined. Partly unconfirmed: "
            "how IIS 7+ fails then is not documented.";
        CheckFinding finding = raise("IISID-POOL-UNDEFINED", std::move(message), location);
        finding.site = app.site;
        finding.path = app.path;
        out.push_back(std::move(finding));
    }
}

// #7: one pool serves applications of two or more sites (not for SharePoint's and Exchange's
// pools, which are built to).
void sharedBySites(const CheckContext &context, const ServedPool &served, FindingList &out) {
    const std::vector<std::string> sites = sitesOf(context, served.applications);
    if (sites.size() < 2 || !recognisedProduct(served.pool->name).empty())
        return;
    std::string names;
    for (std::size_t i = 0; i < sites.size(); ++i)
        names += (i == 0 ? "'" : "', '") + sites[i];
    names += "'";
    out.push_back(raise("IISID-POOL-SHARED-BY-SITES",
                        poolName(*served.pool) + " serves applications of " +
                            std::to_string(sites.size()) + " sites (" + names +
                            "): they share one process identity (" +
                            workerAccount(context, served) +
                            "), so code in one site can read the others' files and secrets.",
                        served.pool->location));
}

// #8: no user profile for a pool account that has one of its own.
void profileNotLoaded(const CheckContext &context, const ServedPool &served, FindingList &out) {
    const CheckPool &pool = *served.pool;
    const std::optional<PoolIdentity> identity = poolIdentity(pool);
    // A SpecificUser pool without an account is #4's error: it has no profile to load.
    if (served.applications.empty() || pool.loadUserProfile.value_or(true) || !pool.identity ||
        (identity != PoolIdentity::ApplicationPoolIdentity &&
         identity != PoolIdentity::SpecificUser))
        return;
    CheckFinding finding =
        raise("IISID-POOL-PROFILE-NOT-LOADED",
              poolName(pool) + " runs as " + workerAccount(context, served) +
                  " without loading its user profile (loadUserProfile=false): %TEMP% is "
                  "\\Windows\\Temp, and DPAPI's user store and some SQL Express features fail.",
              poolAttributeLocation(context, pool, PoolAttribute::LoadUserProfile));
    placeOnApplications(finding, context, served.applications);
    out.push_back(std::move(finding));
}

} // namespace

void poolFindings(const CheckContext &context, FindingList &out) {
    const std::vector<ServedPool> pools = poolsInUse(context);
    // IIS Express runs as the interactive user (C1.9, Q20): the rules about the account a pool's
    // processModel names (#1-#4, #8) do not apply; IISID-INPUT-SCOPE says why.
    const bool express = context.iis7 != nullptr && iisExpressClue(*context.iis7).has_value();
    for (const ServedPool &served : pools) {
        const std::size_t first = out.size();
        if (!express) {
            localSystem(context, served, out);
            builtinAccount(context, served, out);
            privilegedAccount(context, served, out);
            specificUserEmpty(context, served, out);
            profileNotLoaded(context, served, out);
        }
        sharedBySites(context, served, out);
        for (std::size_t i = first; i < out.size(); ++i)
            out[i].pool = served.pool->name;
    }
    ignoredCredentials(context, pools, out);
    undefinedPools(context, out);
}

} // namespace iisid::check
