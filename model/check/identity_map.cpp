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

} // namespace

std::optional<LoadedScenario> questionScenario(const AppScenario &app, HandlerKind kind,
                                               Requester requester) {
    LoadedScenario q = app.base;
    findSetting("handler.kind")->set(q.scenario, std::string(toString(kind)));
    const EffectiveScenario e = effective(q.scenario);
    if (requester == Requester::Anonymous) {
        if (!e.anonymousEnabled)
            return std::nullopt;
        return q;
    }
    const std::optional<std::string> scheme = authenticatedScheme(e, app.windowsNegotiate);
    if (!scheme)
        return std::nullopt;
    findSetting("request.user")
        ->set(q.scenario, std::string(e.domain.empty() ? "user" : e.domain + "\\user"));
    findSetting("request.scheme")->set(q.scenario, *scheme);
    // A client that authenticates (check-format.md: "an authenticated one"): it sends its
    // credentials, instead of being served anonymously first.
    findSetting("request.sendsCredentials")->set(q.scenario, std::string("always"));
    return q;
}

const CachedAnswer &ResolutionCache::resolve(const Scenario &scenario) {
    ++m_asked;
    // The key is what the resolver reads: the title and notes name the question, they do not
    // change its answer (every application has its own title).
    Scenario question = scenario;
    question.title.clear();
    question.notes.clear();
    std::string key = writeScenario(question);
    auto found = m_answers.find(key);
    if (found != m_answers.end())
        return found->second;
    const Resolution resolution = iisid::resolve(scenario);
    return m_answers
        .emplace(std::move(key), CachedAnswer{answerOf(resolution), resolution.identities.worker})
        .first->second;
}

CheckApplication identityRow(const AppScenario &app, ResolutionCache &cache) {
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
    if (e.anonymousEnabled)
        row.authentication.anonymousIdentity = anonymousAccount(e);
    for (const MappedHandler &handler : app.handlers) {
        CheckHandler out;
        out.kind = std::string(checkKindName(handler.kind));
        out.path = handler.path;
        out.name = handler.name;
        out.location = handler.location;
        for (Requester requester : {Requester::Anonymous, Requester::Authenticated}) {
            const std::optional<LoadedScenario> q = questionScenario(app, handler.kind, requester);
            if (!q)
                continue;
            const CachedAnswer &r = cache.resolve(q->scenario);
            if (!row.worker)
                row.worker = r.worker;
            (requester == Requester::Anonymous ? out.anonymous : out.authenticated) = r.answer;
        }
        row.handlers.push_back(std::move(out));
    }
    if (!row.worker) {
        LoadedScenario q = app.base;
        row.worker = cache.resolve(q.scenario).worker;
    }
    return row;
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
