#include "identity_map.h"

#include "model/resolver.h"
#include "model/settings.h"

namespace iisid::check {

namespace {

/// The scheme an authenticated client answers with: the first enabled method in the order IIS
/// offers them in its 401 (Negotiate/NTLM, then Digest, then Basic; F1.70, F1.73), or a client
/// certificate when that is the only one.
std::optional<std::string> authenticatedScheme(const EffectiveScenario &e, bool negotiate) {
    if (e.windowsEnabled)
        return std::string(negotiate ? "kerberos" : "ntlm");
    if (e.digestEnabled)
        return std::string("digest");
    if (e.basicEnabled)
        return std::string("basic");
    if (e.clientCertificateEnabled)
        return std::string("clientCertificate");
    return std::nullopt;
}

RequestIdentities answerOf(const Resolution &r) {
    RequestIdentities out;
    out.http = r.http ? r.http->toString() : std::string();
    out.code = r.identities.code;
    out.content = r.identities.content;
    out.child = r.identities.child;
    out.network = r.identities.network;
    out.confidence = r.confidence;
    for (const Dependency &dependency : r.dependsOn)
        out.dependsOn.push_back(dependency.text);
    return out;
}

/// A SpecificUser pool without a userName cannot log its account on: WAS never starts it and
/// its requests get 503 (config-semantics.md §5 #4; the status code is UNCONFIRMED, Q18). The
/// resolver has no "pool cannot start", so the rows say it here instead of naming an account
/// "MACHINE\".
bool poolCannotStart(const EffectiveScenario &e) {
    return !e.iis5ProcessModel && e.poolIdentity == PoolIdentity::SpecificUser &&
           e.poolUserName.empty();
}

RequestIdentities unservedAnswer(const EffectiveScenario &e) {
    RequestIdentities out;
    out.http = "503";
    out.confidence = Confidence::Unconfirmed;
    out.dependsOn.push_back("pool '" + e.poolName +
                            "' is SpecificUser without a userName: WAS cannot start it");
    return out;
}

/// The question's scenario without the settings' origins (the cache and the resolver need
/// only the scenario; --explain and --scenario want the origins too).
std::optional<Scenario> question(const AppScenario &app, HandlerKind kind, Requester requester) {
    Scenario q = app.base.scenario;
    findSetting("handler.kind")->set(q, std::string(toString(kind)));
    const EffectiveScenario e = effective(q);
    if (requester == Requester::Anonymous) {
        if (!e.anonymousEnabled)
            return std::nullopt;
        return q;
    }
    const std::optional<std::string> scheme = authenticatedScheme(e, app.windowsNegotiate);
    if (!scheme)
        return std::nullopt;
    findSetting("request.user")
        ->set(q, std::string(e.domain.empty() ? "user" : e.domain + "\\user"));
    findSetting("request.scheme")->set(q, *scheme);
    // A client that authenticates (check-format.md: "an authenticated one"): it sends its
    // credentials, instead of being served anonymously first.
    findSetting("request.sendsCredentials")->set(q, std::string("always"));
    return q;
}

} // namespace

std::optional<LoadedScenario> questionScenario(const AppScenario &app, HandlerKind kind,
                                               Requester requester) {
    std::optional<Scenario> q = question(app, kind, requester);
    if (!q)
        return std::nullopt;
    return LoadedScenario{std::move(*q), app.base.locations};
}

namespace {

void combine(std::size_t &seed, std::size_t value) {
    seed ^= value + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2);
}

} // namespace

std::size_t ResolutionCache::ValueHash::operator()(const SettingValue &value) const {
    std::size_t seed = value.index();
    if (const bool *b = std::get_if<bool>(&value))
        combine(seed, *b ? 1 : 2);
    else if (const std::string *text = std::get_if<std::string>(&value))
        combine(seed, std::hash<std::string>{}(*text));
    else if (const auto *list = std::get_if<std::vector<std::string>>(&value))
        for (const std::string &item : *list)
            combine(seed, std::hash<std::string>{}(item));
    return seed;
}

std::size_t ResolutionCache::KeyHash::operator()(const std::vector<std::uint32_t> &key) const {
    std::size_t seed = key.size();
    for (std::uint32_t number : key)
        combine(seed, number);
    return seed;
}

std::size_t ResolutionCache::ask(const Scenario &scenario) {
    ++m_asked;
    const std::vector<Setting> &all = settings();
    m_values.resize(all.size());
    std::vector<std::uint32_t> key;
    key.reserve(all.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
        const auto number = static_cast<std::uint32_t>(m_values[i].size());
        key.push_back(m_values[i].try_emplace(all[i].get(scenario), number).first->second);
    }
    const auto [found, added] =
        m_numbers.try_emplace(std::move(key), static_cast<std::uint32_t>(m_answers.size()));
    if (!added)
        return found->second;
    const auto start = std::chrono::steady_clock::now();
    const Resolution resolution = iisid::resolve(scenario);
    m_resolving += std::chrono::steady_clock::now() - start;
    m_answers.push_back(CachedAnswer{answerOf(resolution), resolution.identities.worker});
    return found->second;
}

namespace {

/// One cached answer a row holds: the row, its handler, the request, and the answer's number.
struct AnswerUse {
    std::uint32_t row = 0;
    std::uint32_t handler = 0;
    std::uint32_t answer = 0;
    Requester requester = Requester::Anonymous;
};

std::optional<RequestIdentities> &requestOf(CheckHandler &handler, Requester requester) {
    return requester == Requester::Anonymous ? handler.anonymous : handler.authenticated;
}

/// The application's row without the cached answers, which it lists in `uses` instead (the
/// worker is filled: it is small, and the first answer asked names it).
CheckApplication rowWithoutAnswers(const AppScenario &app, std::uint32_t rowNumber,
                                   ResolutionCache &cache, std::vector<AnswerUse> &uses) {
    CheckApplication row;
    row.site = app.site;
    row.siteId = app.siteId;
    row.path = app.path;
    row.physicalPath = app.physicalPath;
    row.pool = app.pool;
    row.location = app.location;
    const EffectiveScenario e = effective(app.base.scenario);
    row.authentication.anonymous = e.anonymousEnabled;
    row.authentication.basic = e.basicEnabled;
    row.authentication.digest = e.digestEnabled;
    row.authentication.windows = e.windowsEnabled;
    row.authentication.clientCertificate = e.clientCertificateEnabled;
    row.aspnetImpersonate = e.aspnetImpersonate;
    const bool unserved = poolCannotStart(e);
    if (e.anonymousEnabled && !(unserved && e.anonymousUserName.empty()))
        row.authentication.anonymousIdentity = anonymousAccount(e);
    row.handlers.reserve(app.handlers.size());
    for (const MappedHandler &handler : app.handlers) {
        CheckHandler out;
        out.kind = std::string(checkKindName(handler.kind));
        out.path = handler.path;
        out.name = handler.name;
        out.location = handler.location;
        for (Requester requester : {Requester::Anonymous, Requester::Authenticated}) {
            const std::optional<Scenario> q = question(app, handler.kind, requester);
            if (!q)
                continue;
            if (unserved) {
                requestOf(out, requester) = unservedAnswer(e);
                continue;
            }
            const std::size_t answer = cache.ask(*q);
            if (!row.worker)
                row.worker = cache.answer(answer).worker;
            uses.push_back({rowNumber, static_cast<std::uint32_t>(row.handlers.size()),
                            static_cast<std::uint32_t>(answer), requester});
        }
        row.handlers.push_back(std::move(out));
    }
    if (!row.worker && !unserved)
        row.worker = cache.resolve(app.base.scenario).worker;
    return row;
}

} // namespace

CheckApplication identityRow(const AppScenario &app, ResolutionCache &cache) {
    std::vector<AnswerUse> uses;
    CheckApplication row = rowWithoutAnswers(app, 0, cache, uses);
    for (const AnswerUse &use : uses)
        requestOf(row.handlers[use.handler], use.requester) = cache.answer(use.answer).answer;
    return row;
}

std::optional<IdentityRows>
identityRows(const std::vector<AppScenario> &applications,
             const std::function<bool(std::size_t done, std::size_t total)> &progress) {
    IdentityRows out;
    out.rows.reserve(applications.size());
    ResolutionCache cache;
    // Every row first, recording which answers it holds; then the answers go in, copied for all
    // but their last use, which takes the cache's copy.
    std::vector<AnswerUse> uses;
    const std::size_t total = applications.size();
    for (std::size_t i = 0; i < total; ++i) {
        if (progress && !progress(i, total))
            return std::nullopt;
        out.rows.push_back(
            rowWithoutAnswers(applications[i], static_cast<std::uint32_t>(i), cache, uses));
    }
    if (progress && !progress(total, total))
        return std::nullopt;
    std::vector<std::uint32_t> left(cache.resolved(), 0);
    for (const AnswerUse &use : uses)
        ++left[use.answer];
    for (const AnswerUse &use : uses) {
        std::optional<RequestIdentities> &request =
            requestOf(out.rows[use.row].handlers[use.handler], use.requester);
        if (--left[use.answer] == 0)
            request = cache.take(use.answer).answer;
        else
            request = cache.answer(use.answer).answer;
    }
    out.asked = cache.asked();
    out.computed = cache.resolved();
    out.resolving = cache.resolving();
    return out;
}

std::optional<LoadedScenario> explainedScenario(const AppScenario &app) {
    HandlerKind kind = HandlerKind::Static;
    for (const MappedHandler &handler : app.handlers) {
        if (handler.kind != HandlerKind::Static) {
            kind = handler.kind;
            break;
        }
    }
    if (auto anonymous = questionScenario(app, kind, Requester::Anonymous))
        return anonymous;
    return questionScenario(app, kind, Requester::Authenticated);
}

} // namespace iisid::check
