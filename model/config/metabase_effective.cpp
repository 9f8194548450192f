#include "metabase_effective.h"

#include "metabase_xml_text.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <set>
#include <unordered_map>

namespace iisid::config {

namespace {

using P = MetabaseProperty;

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && asciiLowered(a) == asciiLowered(b);
}

/// The parent of a normalised key path: "/lm/w3svc/1" → "/lm/w3svc"; "/lm" → "/"; "/" → "".
std::string_view parentPath(std::string_view path) {
    if (path == "/" || path.empty())
        return {};
    const std::size_t slash = path.rfind('/');
    if (slash == std::string_view::npos)
        return {};
    return slash == 0 ? std::string_view("/") : path.substr(0, slash);
}

EffectiveValue fromEntry(const MetabaseEntry &entry, const MetabaseKey &key, ValueOrigin origin) {
    return EffectiveValue{entry.value.text, origin, entry.value.location, key.path,
                          entry.value.secret};
}

/// The keys from keyPath up to "/", nearest first; nullptr where the file has no such key.
std::vector<const MetabaseKey *> chainOf(const Metabase &metabase, std::string_view keyPath) {
    std::vector<const MetabaseKey *> chain;
    const std::string normal = normalisedKeyPath(keyPath);
    for (std::string_view at = normal; !at.empty(); at = parentPath(at))
        chain.push_back(metabase.findKey(at));
    return chain;
}

/// C3.7: the key's own value, else (if the property inherits) the nearest ancestor's, else the
/// default; keys missing from the file are passed over.
EffectiveValue valueOnChain(const Metabase &metabase, const std::vector<const MetabaseKey *> &chain,
                            MetabaseProperty property) {
    const MetabasePropertySchema &schema = schemaOf(property);
    for (std::size_t i = 0; i < chain.size(); ++i) {
        if (chain[i]) {
            if (const MetabaseEntry *entry = chain[i]->find(schema.name))
                return fromEntry(*entry, *chain[i],
                                 i == 0 ? ValueOrigin::Set : ValueOrigin::Inherited);
        }
        if (!schema.inherits)
            break;
    }
    if (schema.internalDefault)
        return EffectiveValue{std::string(*schema.internalDefault),
                              ValueOrigin::InternalDefault,
                              {metabase.fileName, 0, 0},
                              {},
                              schema.secret};
    return EffectiveValue{std::string(schema.schemaDefault.value_or("")),
                          ValueOrigin::SchemaDefault,
                          {metabase.fileName, 0, 0},
                          {},
                          schema.secret};
}

/// Collects the problems of typed readings once per attribute (an inherited value is read at
/// many keys).
class Warnings {
public:
    explicit Warnings(std::vector<Diagnostic> &out)
        : m_out(out) {}

    /// The parsed entries of a ScriptMaps value, parsed once per attribute that set it.
    std::shared_ptr<const std::vector<ScriptMap>> scriptMaps(const EffectiveValue &value) {
        auto &cached = m_scriptMaps[{value.location.line, value.location.column}];
        if (!cached || !value.isSet())
            cached = std::make_shared<const std::vector<ScriptMap>>(parseScriptMaps(value));
        return cached;
    }

    template <typename T>
    std::optional<T> check(std::optional<T> value, const EffectiveValue &from,
                           std::string_view property, std::string_view expected) {
        if (!value && from.isSet() && m_seen.insert(from.location.toString()).second)
            m_out.push_back({from.location, std::string(property) + " \"" + from.text +
                                                "\" is not " + std::string(expected)});
        return value;
    }

private:
    std::vector<Diagnostic> &m_out;
    std::set<std::string> m_seen;
    std::map<std::pair<int, int>, std::shared_ptr<const std::vector<ScriptMap>>> m_scriptMaps;
};

std::string physicalPathOf(const Metabase &metabase, std::string_view keyPath) {
    std::string normal = normalisedKeyPath(keyPath);
    for (std::string_view at = normal; !at.empty(); at = parentPath(at)) {
        const MetabaseKey *key = metabase.findKey(at);
        if (!key || !equalsIgnoringCase(key->type, "IIsWebVirtualDir"))
            continue;
        const MetabaseEntry *path = key->find("Path");
        if (!path)
            continue;
        std::string out = path->value.text;
        // The rest of the key below the virtual directory, one folder per segment (C3.10).
        const std::string_view written = keyPath.substr(std::min(at.size(), keyPath.size()));
        for (char c : written) {
            if (c == '/') {
                if (!out.empty() && out.back() != '\\')
                    out += '\\';
            } else {
                out += c;
            }
        }
        if (out.size() > 1 && out.back() == '\\' && path->value.text.back() != '\\')
            out.pop_back();
        return out;
    }
    return {};
}

MetabaseSettings settingsAt(const Metabase &metabase, const std::string &keyPath,
                            Warnings &warnings) {
    MetabaseSettings s;
    s.key = keyPath;
    const std::vector<const MetabaseKey *> chain = chainOf(metabase, keyPath);
    const auto at = [&](P property) { return valueOnChain(metabase, chain, property); };
    s.appPoolId = at(P::AppPoolId);
    s.appIsolated = at(P::AppIsolated);
    s.appRoot = at(P::AppRoot);
    s.anonymousUserName = at(P::AnonymousUserName);
    s.anonymousUserPass = at(P::AnonymousUserPass);
    s.authFlags = at(P::AuthFlags);
    s.ntAuthenticationProviders = at(P::NTAuthenticationProviders);
    s.uncUserName = at(P::UNCUserName);
    s.uncPassword = at(P::UNCPassword);
    s.path = at(P::Path);
    s.createProcessAsUser = at(P::CreateProcessAsUser);
    s.accessFlags = at(P::AccessFlags);
    s.accessSslFlags = at(P::AccessSSLFlags);
    s.scriptMaps = at(P::ScriptMaps);
    s.aspRunOnEndAnonymously = at(P::AspRunOnEndAnonymously);
    s.authFlagBits =
        warnings.check(parseMetabaseFlags(s.authFlags.text, schemaOf(P::AuthFlags).flags),
                       s.authFlags, "AuthFlags", "a set of AuthFlags names or a number");
    s.accessFlagBits =
        warnings.check(parseMetabaseFlags(s.accessFlags.text, schemaOf(P::AccessFlags).flags),
                       s.accessFlags, "AccessFlags", "a set of AccessFlags names or a number");
    s.accessSslFlagBits = warnings.check(
        parseMetabaseFlags(s.accessSslFlags.text, schemaOf(P::AccessSSLFlags).flags),
        s.accessSslFlags, "AccessSSLFlags", "a set of AccessSSLFlags names or a number");
    s.appIsolatedValue = warnings.check(parseMetabaseDword(s.appIsolated.text), s.appIsolated,
                                        "AppIsolated", "a number");
    s.createProcessAsUserValue =
        warnings.check(parseMetabaseBool(s.createProcessAsUser.text), s.createProcessAsUser,
                       "CreateProcessAsUser", "TRUE or FALSE");
    s.aspRunOnEndAnonymouslyValue =
        warnings.check(parseMetabaseBool(s.aspRunOnEndAnonymously.text), s.aspRunOnEndAnonymously,
                       "AspRunOnEndAnonymously", "TRUE or FALSE");
    s.scriptMapList = warnings.scriptMaps(s.scriptMaps);
    s.physicalPath = physicalPathOf(metabase, keyPath);
    return s;
}

/// "/LM/W3SVC/<id>" (any case) → the id; empty if the path is not one segment below W3SVC.
std::string_view siteIdOf(std::string_view path) {
    constexpr std::string_view service = "/lm/w3svc/";
    if (path.size() <= service.size() || asciiLowered(path.substr(0, service.size())) != service)
        return {};
    std::string_view id = path.substr(service.size());
    if (!id.empty() && id.back() == '/')
        id.remove_suffix(1);
    return id.empty() || id.find('/') != std::string_view::npos ? std::string_view{} : id;
}

MetabaseSite describeSite(const Metabase &metabase, const MetabaseKey &key, std::string_view id,
                          Warnings &warnings) {
    MetabaseSite site;
    site.id = std::string(id);
    site.key = key.path;
    site.location = key.location;
    site.serverComment = effectiveValue(metabase, key.path, P::ServerComment);
    site.serverBindings = effectiveValue(metabase, key.path, P::ServerBindings);
    site.settings = settingsAt(metabase, key.path, warnings);

    const std::string rootNormal = normalisedKeyPath(key.path) + "/root";
    const MetabaseKey *root = metabase.findKey(rootNormal);
    MetabaseApplication rootApp;
    rootApp.key = root ? root->path : key.path + "/ROOT";
    rootApp.urlPath = "/";
    rootApp.location = root ? root->location : key.location;
    rootApp.settings = settingsAt(metabase, rootApp.key, warnings);
    rootApp.implicit = !equalsIgnoringCase(normalisedKeyPath(rootApp.settings.appRoot.text),
                                           normalisedKeyPath(rootApp.key)) ||
                       rootApp.settings.appRoot.origin != ValueOrigin::Set;
    site.applications.push_back(std::move(rootApp));

    return site;
}

/// An IIsApplicationPool key directly under /LM/W3SVC/AppPools (C3.3) with its identity; pool
/// keys inherit from IIsApplicationPools (C3.8) like any key.
std::optional<MetabasePool> poolAt(const Metabase &metabase, const MetabaseKey &key,
                                   Warnings &warnings) {
    const std::string normal = normalisedKeyPath(key.path);
    constexpr std::string_view pools = "/lm/w3svc/apppools/";
    if (!normal.starts_with(pools) || normal.size() == pools.size() ||
        normal.find('/', pools.size()) != std::string::npos)
        return std::nullopt;
    MetabasePool pool;
    pool.name = key.path.substr(pools.size());
    if (!pool.name.empty() && pool.name.back() == '/')
        pool.name.pop_back();
    pool.key = key.path;
    pool.location = key.location;
    pool.identityType = effectiveValue(metabase, key.path, P::AppPoolIdentityType);
    pool.wamUserName = effectiveValue(metabase, key.path, P::WAMUserName);
    pool.wamUserPass = effectiveValue(metabase, key.path, P::WAMUserPass);
    pool.identityTypeValue = warnings.check(parseMetabaseDword(pool.identityType.text),
                                            pool.identityType, "AppPoolIdentityType", "a number");
    return pool;
}

/// The application at key, if its own AppRoot is its Location (C3.10) and it lies below the
/// ROOT of a site in sites (normalised site key → index): the site's index and the application.
std::optional<std::pair<std::size_t, MetabaseApplication>>
applicationAt(const Metabase &metabase, const MetabaseKey &key,
              const std::unordered_map<std::string, std::size_t> &sites, Warnings &warnings) {
    const MetabaseEntry *appRoot = key.find("AppRoot");
    if (!appRoot)
        return std::nullopt;
    const std::string normal = normalisedKeyPath(key.path);
    if (normalisedKeyPath(trimmedText(appRoot->value.text)) != normal)
        return std::nullopt;
    // /lm/w3svc/<id>/root/<rest>: the site is the first three segments.
    constexpr std::string_view service = "/lm/w3svc/";
    if (!normal.starts_with(service))
        return std::nullopt;
    const std::size_t siteEnd = normal.find('/', service.size());
    if (siteEnd == std::string::npos || normal.compare(siteEnd, 6, "/root/") != 0)
        return std::nullopt;
    const auto site = sites.find(normal.substr(0, siteEnd));
    if (site == sites.end())
        return std::nullopt;
    MetabaseApplication app;
    app.key = key.path;
    app.urlPath = key.path.substr(siteEnd + 5);
    if (app.urlPath.size() > 1 && app.urlPath.back() == '/')
        app.urlPath.pop_back();
    app.location = key.location;
    app.settings = settingsAt(metabase, key.path, warnings);
    return std::pair{site->second, std::move(app)};
}

} // namespace

EffectiveValue effectiveValue(const Metabase &metabase, std::string_view keyPath,
                              MetabaseProperty property) {
    return valueOnChain(metabase, chainOf(metabase, keyPath), property);
}

std::optional<std::uint32_t> parseMetabaseDword(std::string_view text) {
    text = trimmedText(text);
    std::uint32_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

std::optional<std::uint32_t> parseMetabaseFlags(std::string_view text,
                                                std::span<const MetabaseFlag> flags) {
    if (std::optional<std::uint32_t> number = parseMetabaseDword(text))
        return number;
    std::uint32_t bits = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('|', start);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view name = trimmedText(text.substr(start, end - start));
        start = end + 1;
        if (name.empty() && trimmedText(text).empty())
            break; // "" is no flag at all
        const auto flag = std::find_if(flags.begin(), flags.end(),
                                       [&](const MetabaseFlag &f) { return f.name == name; });
        if (flag == flags.end())
            return std::nullopt;
        bits |= flag->value;
    }
    return bits;
}

std::optional<bool> parseMetabaseBool(std::string_view text) {
    text = trimmedText(text);
    if (equalsIgnoringCase(text, "TRUE"))
        return true;
    if (equalsIgnoringCase(text, "FALSE"))
        return false;
    if (std::optional<std::uint32_t> number = parseMetabaseDword(text))
        return *number != 0;
    return std::nullopt;
}

std::optional<HandlerKind> classifyScriptProcessor(std::string_view processor) {
    const std::string lower = asciiLowered(processor);
    // The executable ends at the first ".dll"/".exe" followed by the end, a blank or a quote
    // (a CGI line carries arguments: "C:\php\php.exe %s %s").
    std::size_t end = std::string::npos;
    bool dll = false;
    for (std::size_t i = lower.find('.'); i != std::string::npos; i = lower.find('.', i + 1)) {
        const std::string_view ext = std::string_view(lower).substr(i, 4);
        const char after = i + 4 < lower.size() ? lower[i + 4] : ' ';
        if ((ext == ".dll" || ext == ".exe") && (after == ' ' || after == '"' || after == '\t')) {
            end = i + 4;
            dll = ext == ".dll";
            break;
        }
    }
    if (end == std::string::npos)
        return std::nullopt;
    std::string_view file = std::string_view(lower).substr(0, end);
    const std::size_t slash = file.find_last_of("\\/\"");
    if (slash != std::string_view::npos)
        file.remove_prefix(slash + 1);
    if (file == "asp.dll")
        return HandlerKind::Asp;
    if (file == "aspnet_isapi.dll")
        return HandlerKind::AspNet;
    if (file == "php-cgi.exe" || file == "php.exe")
        return HandlerKind::Cgi;
    if (file == "php5isapi.dll")
        return HandlerKind::IsapiExtension;
    return dll ? HandlerKind::IsapiExtension : HandlerKind::Cgi;
}

std::vector<MultiSzEntry> multiSzEntries(const EffectiveValue &value) {
    std::vector<MultiSzEntry> out;
    const std::string_view text = value.text;
    std::size_t start = 0;
    int lineIndex = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view line = text.substr(start, end - start);
        const std::string_view entry = trimmedText(line);
        if (!entry.empty()) {
            MultiSzEntry item{std::string(entry), value.location};
            if (lineIndex > 0 && item.location.line > 0) {
                item.location.line += lineIndex;
                item.location.column = 1 + static_cast<int>(line.find_first_not_of(" \t\r"));
            }
            out.push_back(std::move(item));
        }
        ++lineIndex;
        start = end + 1;
    }
    return out;
}

std::vector<ScriptMap> parseScriptMaps(const EffectiveValue &scriptMaps) {
    std::vector<ScriptMap> out;
    for (MultiSzEntry &entry : multiSzEntries(scriptMaps)) {
        ScriptMap map;
        map.raw = std::move(entry.text);
        map.location = entry.location;
        std::string_view rest = map.raw;
        const auto field = [&rest]() {
            const std::size_t comma = rest.find(',');
            const std::string_view value = rest.substr(0, comma);
            rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
            return std::string(trimmedText(value));
        };
        map.extension = field();
        map.processor = field();
        map.flags = parseMetabaseDword(field());
        map.verbs = std::string(trimmedText(rest));
        map.kind = classifyScriptProcessor(map.processor);
        out.push_back(std::move(map));
    }
    return out;
}

std::vector<WebServiceExtension> parseRestrictionList(const EffectiveValue &list) {
    std::vector<WebServiceExtension> out;
    for (const MultiSzEntry &entry : multiSzEntries(list)) {
        const std::string_view text = entry.text;
        const std::size_t comma = text.find(',');
        if (comma == std::string_view::npos)
            continue;
        const std::optional<std::uint32_t> allowed = parseMetabaseDword(text.substr(0, comma));
        if (!allowed || *allowed > 1)
            continue;
        std::string_view path = text.substr(comma + 1);
        path = trimmedText(path.substr(0, path.find(',')));
        out.push_back({*allowed == 1, std::string(path), entry.location});
    }
    return out;
}

const MetabasePool *MetabaseServer::findPool(std::string_view name) const {
    for (const MetabasePool &pool : pools) {
        if (equalsIgnoringCase(pool.name, name))
            return &pool;
    }
    return nullptr;
}

MetabaseServer describeMetabase(const Metabase &metabase) {
    MetabaseServer server;
    Warnings warnings(server.warnings);
    const std::string service = "/LM/W3SVC";
    server.iis5IsolationModeEnabled =
        effectiveValue(metabase, service, P::IIs5IsolationModeEnabled);
    server.iis5IsolationMode = warnings.check(
        parseMetabaseBool(server.iis5IsolationModeEnabled.text), server.iis5IsolationModeEnabled,
        "IIs5IsolationModeEnabled", "TRUE or FALSE");
    server.service = settingsAt(metabase, service, warnings);
    server.serviceWamUserName = effectiveValue(metabase, service, P::WAMUserName);
    server.serviceWamUserPass = effectiveValue(metabase, service, P::WAMUserPass);
    server.webSvcExtRestrictionList =
        effectiveValue(metabase, service, P::WebSvcExtRestrictionList);
    server.webServiceExtensions = parseRestrictionList(server.webSvcExtRestrictionList);

    // The version IIsWebInfo records (MB-SAMPLE L953–954: 6 and 0); 5.1 only when it says so.
    const EffectiveValue major =
        effectiveValue(metabase, "/LM/W3SVC/Info", P::MajorIIsVersionNumber);
    const EffectiveValue minor =
        effectiveValue(metabase, "/LM/W3SVC/Info", P::MinorIIsVersionNumber);
    if (major.isSet()) {
        server.iisVersionFrom = major.location;
        if (parseMetabaseDword(major.text) == 5u && parseMetabaseDword(minor.text) == 1u)
            server.iisVersion = IisVersion::V5_1;
    }

    std::unordered_map<std::string, std::size_t> siteIndex; // normalised site key → index
    for (const MetabaseKey &key : metabase.keys) {
        if (metabase.findKey(key.path) != &key)
            continue; // a repeated Location: the first one counts
        if (equalsIgnoringCase(key.type, "IIsWebServer")) {
            const std::string_view id = siteIdOf(key.path);
            if (!id.empty()) {
                siteIndex.emplace(normalisedKeyPath(key.path), server.sites.size());
                server.sites.push_back(describeSite(metabase, key, id, warnings));
            }
        } else if (equalsIgnoringCase(key.type, "IIsApplicationPool")) {
            if (std::optional<MetabasePool> pool = poolAt(metabase, key, warnings))
                server.pools.push_back(std::move(*pool));
        }
    }
    // One pass over the keys for the applications below every site's ROOT, in document order.
    for (const MetabaseKey &key : metabase.keys) {
        if (metabase.findKey(key.path) != &key)
            continue;
        if (auto app = applicationAt(metabase, key, siteIndex, warnings))
            server.sites[app->first].applications.push_back(std::move(app->second));
    }
    return server;
}

} // namespace iisid::config
