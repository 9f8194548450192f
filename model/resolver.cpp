#include "resolver.h"

#include "accounts.h"
#include "reference.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <unordered_map>
#include <utility>

namespace iisid {

namespace {

// ---------------------------------------------------------------------------------------------
// Tokens

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
};

bool isRequestUser(TokenKind kind) {
    return kind == TokenKind::Basic || kind == TokenKind::Digest || kind == TokenKind::Ntlm ||
           kind == TokenKind::Kerberos || kind == TokenKind::Certificate;
}

/// The reference facts a step applies: up to six ids, written {{"F3.40", "F4.06"}}. Holds the
/// ids by value (they are string literals), so a Facts can be stored and reassigned freely.
struct Facts {
    std::array<std::string_view, 6> ids{};

    const std::string_view *begin() const { return ids.data(); }
    const std::string_view *end() const {
        return std::find(ids.begin(), ids.end(), std::string_view());
    }
};

/// Source URLs of each fact, resolved once from the reference tables.
const std::vector<std::string_view> &sourcesOf(std::string_view factId) {
    static const std::unordered_map<std::string_view, std::vector<std::string_view>> table = [] {
        std::unordered_map<std::string_view, std::vector<std::string_view>> map;
        for (const Fact &fact : facts()) {
            std::vector<std::string_view> urls;
            auto addUrl = [&urls](std::string_view url) {
                if (!url.empty() && std::find(urls.begin(), urls.end(), url) == urls.end())
                    urls.push_back(url);
            };
            auto eachWord = [](std::string_view text, auto &&callback) {
                std::size_t start = 0;
                while (start < text.size()) {
                    std::size_t end = text.find(' ', start);
                    if (end == std::string_view::npos)
                        end = text.size();
                    if (end > start)
                        callback(text.substr(start, end - start));
                    start = end + 1;
                }
            };
            eachWord(fact.sources, [&](std::string_view key) {
                if (const SourceRef *source = findSource(key))
                    addUrl(source->url);
            });
            eachWord(fact.urls, addUrl);
            map.emplace(fact.id, std::move(urls));
        }
        return map;
    }();
    static const std::vector<std::string_view> none;
    const auto it = table.find(factId);
    return it == table.end() ? none : it->second;
}

// ---------------------------------------------------------------------------------------------

class Resolver {
public:
    explicit Resolver(const EffectiveScenario &scenario)
        : e(scenario) {}

    Resolution run() {
        decideWorker();
        // Session_OnEnd runs on a timer, outside any request: no configuration read for a URL,
        // no authentication.
        if (e.action == Action::SessionOnEnd && isSessionEndHandler()) {
            runSessionOnEnd();
            return finish();
        }
        if (!readConfiguration() || !validateIntegratedMode())
            return finish();
        // Filters see the request from its first notification, before authentication.
        if (e.handler == HandlerKind::IsapiFilter)
            runFilter();
        if (!authenticateAndAuthorize())
            return finish();
        if (!runHandler())
            return finish();
        runCode();
        if (!readContent())
            return finish();
        startChild();
        reachNetwork();
        if (!r.http)
            r.http = HttpStatus{200, 0};
        return finish();
    }

private:
    // --- bookkeeping ------------------------------------------------------------------------

    static std::optional<std::string> nameOf(const std::optional<Token> &token) {
        return token ? std::optional<std::string>(token->name) : std::nullopt;
    }

    Step &step(Stage stage, std::string text, Facts facts,
               Confidence confidence = Confidence::Confirmed, std::string uncertainty = {}) {
        Step s;
        s.stage = stage;
        s.host = m_host;
        s.process = nameOf(m_process);
        s.thread = nameOf(m_thread);
        s.text = std::move(text);
        s.facts.assign(facts.begin(), facts.end());
        for (std::string_view id : facts) {
            for (std::string_view url : sourcesOf(id)) {
                if (std::find(s.sources.begin(), s.sources.end(), url) == s.sources.end())
                    s.sources.push_back(url);
            }
        }
        s.confidence = confidence;
        s.uncertainty = std::move(uncertainty);
        r.confidence = std::max(r.confidence, confidence);
        r.steps.push_back(std::move(s));
        return r.steps.back();
    }

    /// Adds one more fact, with its sources, to a step already written.
    static void cite(Step &s, std::string_view factId) {
        if (std::find(s.facts.begin(), s.facts.end(), factId) == s.facts.end())
            s.facts.push_back(factId);
        for (std::string_view url : sourcesOf(factId)) {
            if (std::find(s.sources.begin(), s.sources.end(), url) == s.sources.end())
                s.sources.push_back(url);
        }
    }

    void fail(Stage stage, int status, int subStatus, std::string text, Facts facts,
              Confidence confidence = Confidence::Confirmed, std::string uncertainty = {}) {
        r.http = HttpStatus{status, subStatus};
        step(stage, std::move(text), facts, confidence, std::move(uncertainty)).fails = true;
    }

    /// A finding about the scenario, beside the trace. `rule` is a stable id (the checker's
    /// catalogue id where one describes the same trap, config-semantics.md §5).
    void warn(std::string rule, Severity severity, std::string text, Facts facts,
              Confidence status = Confidence::Confirmed) {
        Finding finding;
        finding.rule = std::move(rule);
        finding.severity = severity;
        finding.status = status;
        finding.message = std::move(text);
        finding.facts.assign(facts.begin(), facts.end());
        r.findings.push_back(std::move(finding));
    }

    Resolution finish() {
        r.identities.worker = m_worker.name;
        r.workerHost = m_workerHost;
        return std::move(r);
    }

    std::string qualify(std::string_view name) const {
        return qualifyAccount(name, e.machine, e.version);
    }

    std::string versionName() const {
        std::string name = "IIS " + std::string(toString(e.version));
        if (isIis6(e.version))
            name +=
                e.iis5ProcessModel ? " (IIS 5.0 isolation mode)" : " (worker process isolation)";
        return name;
    }

    bool contentOnShare() const { return e.contentPath.rfind("\\\\", 0) == 0; }

    // --- process identities -----------------------------------------------------------------

    Token poolToken() const {
        switch (e.poolIdentity) {
        case PoolIdentity::LocalSystem:
            return {std::string(account::system), TokenKind::LocalSystem};
        case PoolIdentity::LocalService:
            return {std::string(account::localService), TokenKind::LocalService};
        case PoolIdentity::NetworkService:
            return {std::string(account::networkService), TokenKind::NetworkService};
        case PoolIdentity::ApplicationPoolIdentity:
            return {appPoolAccount(e.poolName), TokenKind::PoolIdentity};
        case PoolIdentity::SpecificUser:
            return {qualify(e.poolUserName), TokenKind::ServiceAccount};
        }
        return {};
    }

    /// IIS 5 process model: does this handler's code run in the application's process (dllhost
    /// for Medium/High), or in inetinfo itself?
    bool runsInApplicationProcess() const {
        switch (e.handler) {
        case HandlerKind::IsapiExtension:
        case HandlerKind::Asp:
        case HandlerKind::AspNet:
        case HandlerKind::FastCgi:
            return true;
        default:
            return false;
        }
    }

    void decideWorker() {
        if (e.iis5ProcessModel) {
            const bool pooled = e.protection != Protection::Low && runsInApplicationProcess();
            if (pooled) {
                m_workerHost = "dllhost.exe";
                m_worker = {qualify("IWAM_" + e.machine), TokenKind::ServiceAccount};
            } else {
                m_workerHost = "inetinfo.exe";
                m_worker = {std::string(account::system), TokenKind::LocalSystem};
            }
            m_host = m_workerHost;
            m_process = m_worker;
            std::string text = versionName() + ": inetinfo.exe receives the request and runs as "
                                               "LocalSystem. ";
            if (pooled) {
                text += "The application's protection is " + std::string(toString(e.protection)) +
                        (e.protection == Protection::Medium ? " (pooled)" : " (isolated)") +
                        ", so its code runs in dllhost.exe under the COM+ identity " +
                        m_worker.name + ".";
            } else if (runsInApplicationProcess()) {
                text += "The application's protection is low, so its code runs inside "
                        "inetinfo.exe as LocalSystem.";
            } else {
                text += "Static files, ISAPI filters and CGI launches are handled by inetinfo.exe "
                        "itself.";
            }
            step(Stage::Worker, std::move(text),
                 isIis6(e.version) ? Facts{{"F2.10", "F2.12", "F2.01"}} : Facts{{"F2.01"}});
            return;
        }
        m_workerHost = "w3wp.exe";
        m_worker = poolToken();
        m_host = m_workerHost;
        m_process = m_worker;
        std::string text = versionName() +
                           ": HTTP.sys queues the request to the application pool \"" + e.poolName +
                           "\"; its w3wp.exe runs as " + m_worker.name + " (identity " +
                           std::string(toString(e.poolIdentity)) + ").";
        if (isIis7Plus(e.version) && e.poolIdentity == PoolIdentity::ApplicationPoolIdentity)
            text += " IIS APPPOOL\\" + e.poolName +
                    " is a virtual account WAS creates from the pool name.";
        if (isIis6(e.version)) {
            step(Stage::Worker, std::move(text), {{"F2.10", "F2.11"}});
        } else if (e.version == IisVersion::V7_0 &&
                   e.poolIdentity == PoolIdentity::ApplicationPoolIdentity) {
            step(Stage::Worker,
                 text + " (ApplicationPoolIdentity needs IIS 7.0 with Windows "
                        "Server 2008 SP2 / Vista SP2.)",
                 {{"F2.20", "F2.21", "F2.22"}});
        } else {
            step(Stage::Worker, std::move(text), {{"F2.20", "F2.22"}});
        }
    }

    // --- ISAPI filter -----------------------------------------------------------------------

    void runFilter() {
        // F3.01/F3.02: where filters live; F3.03: IIS does not impersonate before calling them.
        if (e.iis5ProcessModel) {
            step(Stage::Filter,
                 "The ISAPI filter is loaded once into inetinfo.exe and its notifications run "
                 "there as LocalSystem, whatever the application's protection. IIS does not "
                 "impersonate before calling a filter: the thread has no impersonation token, so "
                 "the filter runs as " +
                     m_worker.name +
                     " (to act as the user it must fetch the "
                     "token with GetUserToken).",
                 {{"F3.01", "F3.03", "F2.02"}}, Confidence::Partial,
                 "No Microsoft page says in so many words that filters never impersonate; the "
                 "seed post and the GetUserToken callback imply it.");
        } else {
            step(Stage::Filter,
                 "The ISAPI filter is loaded into each w3wp.exe and runs with the pool's process "
                 "identity. IIS does not impersonate before calling a filter: the thread has no "
                 "impersonation token, so the filter runs as " +
                     m_process->name + " (GetUserToken would give it the user's token).",
                 {{"F3.02", "F3.03"}}, Confidence::Partial,
                 "No Microsoft page says in so many words that filters never impersonate; the "
                 "seed post and the GetUserToken callback imply it.");
        }
        m_filterProcess = m_process;
        m_filterHost = m_host;
        r.processHost = m_host;
        r.identities.process = m_process->name;
        r.identities.code = m_process->name;
        // What the filter's own code does: a child process or a network call leaves as the
        // process identity, since the thread holds no impersonation token.
        childOf(*m_process, std::nullopt, "the filter");
        networkOf(*m_process, "the filter");
    }

    // --- configuration (IIS 7+) -------------------------------------------------------------

    /// Can this identity read the content? `readableBy` absent: everyone can.
    bool canRead(const Token &token, bool offBox) const {
        if (!e.readableBy)
            return true;
        const std::string seenAs = offBox ? networkIdentity(token).name : token.name;
        const bool anonymousLogon = sameAccount(seenAs, account::anonymousLogon);
        const bool isWorker =
            token.kind == TokenKind::LocalSystem || token.kind == TokenKind::LocalService ||
            token.kind == TokenKind::NetworkService || token.kind == TokenKind::PoolIdentity ||
            (token.kind == TokenKind::ServiceAccount && token.name == m_worker.name);
        for (const std::string &entry : *e.readableBy) {
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
            if (sameAccount(name, "Administrators") && token.kind == TokenKind::LocalSystem &&
                !offBox)
                return true;
            // F2.24: WAS adds IIS_IUSRS to every worker process token (IIS 7+); F4.07: IUSR is
            // not a member. F2.14: on IIS 6 pool identities belong to IIS_WPG.
            if (!offBox && isWorker && isIis7Plus(e.version) && sameAccount(name, "IIS_IUSRS"))
                return true;
            if (!offBox && isWorker && isIis6(e.version) && sameAccount(name, "IIS_WPG"))
                return true;
            // F2.23: from 7.5 the pool SID is in the worker token whatever the identity type.
            if (!offBox && isWorker && isIis75Plus(e.version) && !e.iis5ProcessModel &&
                sameAccount(name, appPoolAccount(e.poolName)))
                return true;
            if (sameAccount(qualify(name), seenAs))
                return true;
        }
        return false;
    }

    std::string readersText() const {
        std::string list;
        for (const std::string &entry : *e.readableBy)
            list += (list.empty() ? "" : ", ") + entry;
        return list.empty() ? std::string("nobody") : list;
    }

    bool readConfiguration() {
        if (!isIis7Plus(e.version))
            return true;
        const bool share = contentOnShare();
        if (e.connectAs) {
            const Token reader{qualify(*e.connectAs), TokenKind::Configured};
            if (!e.connectAsPasswordValid) {
                fail(Stage::Configuration, 500, 19,
                     "IIS reads web.config in " + e.contentPath + " as the Connect-as account " +
                         reader.name +
                         ", whose stored password is wrong: the logon fails "
                         "(0x8007052e) and IIS cannot read the configuration.",
                     {{"F2.53", "F4.04", "F1.82"}}, Confidence::Partial,
                     "KB 942055 names 0x8007052e for a logon failure reading a remote web.config; "
                     "that a wrong Connect-as password produces it is an inference.");
                return false;
            }
            if (!canRead(reader, share)) {
                fail(Stage::Configuration, 500, 19,
                     "IIS reads web.config in " + e.contentPath + " as the Connect-as account " +
                         reader.name + ", which may not read it (readable by: " + readersText() +
                         "): 0x80070005, access denied.",
                     {{"F2.53", "F4.04", "F1.82"}});
                return false;
            }
            step(Stage::Configuration,
                 "The virtual directory has \"Connect as\" " + reader.name +
                     ": IIS uses that account to read both the configuration (web.config) and "
                     "the content in " +
                     e.contentPath + ".",
                 {{"F2.53", "F4.04", "F2.54"}});
            return true;
        }
        const Token &reader = m_worker;
        if (!canRead(reader, share)) {
            const std::string seen =
                share ? " (seen on the file server as " + networkIdentity(reader).name + ")"
                      : std::string();
            if (share) {
                fail(Stage::Configuration, 500, 19,
                     "No Connect-as account: pass-through. The worker process " + reader.name +
                         seen + " must read web.config on the share " + e.contentPath +
                         " and may not (readable by: " + readersText() +
                         "): 500.19, 0x80070005. Configure a Connect-as account, or grant the "
                         "machine account read on the share.",
                     {{"F2.56", "F2.55", "F4.01"}});
            } else {
                fail(Stage::Configuration, 500, 19,
                     "The worker process " + reader.name +
                         " (with IIS_IUSRS in its token) must read every content folder to look "
                         "for web.config files, even when requests are served as another "
                         "identity. It may not read " +
                         e.contentPath + " (readable by: " + readersText() +
                         "): 500.19, 0x80070005.",
                     {{"F4.01", "F4.02", "F2.24"}});
            }
            return false;
        }
        std::string text = "The worker process reads the configuration: applicationHost.config "
                           "through WAS's filtered per-pool copy, and the web.config files in " +
                           e.contentPath + " as " + reader.name + ".";
        if (share) {
            text += " The content is on a share without a Connect-as account (pass-through): the "
                    "file server sees " +
                    networkIdentity(reader).name + ", which needs read permission there.";
            step(Stage::Configuration, std::move(text), {{"F4.01", "F4.05", "F2.55"}});
        } else {
            step(Stage::Configuration, std::move(text), {{"F4.01", "F4.05"}});
        }
        return true;
    }

    // --- ASP.NET integrated mode validation -------------------------------------------------

    bool integratedAspNet() const {
        return e.handler == HandlerKind::AspNet && isIis7Plus(e.version) &&
               e.pipeline == Pipeline::Integrated;
    }

    bool validateIntegratedMode() {
        if (!integratedAspNet() || !e.aspnetImpersonate)
            return true;
        if (!e.validateIntegratedModeConfiguration) {
            step(Stage::Configuration,
                 "<identity impersonate=\"true\"/> in integrated mode with "
                 "validateIntegratedModeConfiguration=\"false\": IIS does not refuse the "
                 "configuration, but ASP.NET can only impersonate from PostAuthenticateRequest "
                 "on; modules in BeginRequest and AuthenticateRequest run as the process "
                 "identity.",
                 {{"F3.70", "F3.71"}});
            return true;
        }
        if (e.aspnetUserName) {
            fail(Stage::Configuration, 500, 24,
                 "<identity impersonate=\"true\" userName=\"" + *e.aspnetUserName +
                     "\"/> in the integrated pipeline with validation on: IIS refuses the "
                     "impersonation configuration with 500.24. Fix: set "
                     "<validation validateIntegratedModeConfiguration=\"false\"/> or use Classic "
                     "mode.",
                 {{"F3.70"}}, Confidence::Unconfirmed,
                 "The reference confirms 500.24 for impersonate=\"true\"; whether application "
                 "impersonation (with userName) triggers it too is unconfirmed.");
            return false;
        }
        fail(Stage::Configuration, 500, 24,
             "<identity impersonate=\"true\"/> in the integrated pipeline: integrated mode cannot "
             "impersonate in BeginRequest and AuthenticateRequest, and with "
             "validateIntegratedModeConfiguration=\"true\" (the default) IIS refuses the "
             "configuration with 500.24. Fix: set validation off (if nothing relies on "
             "impersonation in those stages) or use the Classic pipeline.",
             {{"F3.70", "F1.82"}});
        return false;
    }

    // --- authentication ---------------------------------------------------------------------

    struct AnonymousLogon {
        std::optional<Token> token;
        std::string failure; // non-empty: 401.1
    };

    AnonymousLogon anonymousLogon() const {
        AnonymousLogon result;
        if (e.anonymousUserName.empty()) {
            // F1.08: a blank userName means the application pool identity.
            Token pool = m_worker;
            result.token = pool;
            return result;
        }
        const std::string name = qualify(e.anonymousUserName);
        if (sameAccount(name, account::iusr)) {
            result.token = Token{name, TokenKind::BuiltinIusr};
            return result;
        }
        if (!e.anonymousPasswordValid) {
            result.failure = name;
            return result;
        }
        result.token = Token{name, TokenKind::AnonymousAccount, e.anonymousLogonMethod};
        return result;
    }

    bool schemeEnabled(Scheme scheme) const {
        switch (scheme) {
        case Scheme::Ntlm:
        case Scheme::Kerberos:
            return e.windowsEnabled;
        case Scheme::Basic:
            return e.basicEnabled;
        case Scheme::Digest:
            return e.digestEnabled;
        case Scheme::ClientCertificate:
            return e.clientCertificateEnabled;
        case Scheme::Forms:
            return false; // never an IIS scheme
        }
        return false;
    }

    std::string enabledMethods() const {
        std::string list;
        auto add = [&list](bool on, std::string_view name) {
            if (on)
                list += (list.empty() ? "" : ", ") + std::string(name);
        };
        add(e.anonymousEnabled, "Anonymous");
        add(e.basicEnabled, "Basic");
        add(e.digestEnabled, "Digest");
        add(e.windowsEnabled, "Windows");
        add(e.clientCertificateEnabled, "client certificate mapping");
        return list;
    }

    std::string schemeName(Scheme scheme) const {
        switch (scheme) {
        case Scheme::Ntlm:
            return "NTLM";
        case Scheme::Kerberos:
            return "Kerberos";
        case Scheme::Basic:
            return "Basic";
        case Scheme::Digest:
            return "Digest";
        case Scheme::ClientCertificate:
            return "a client certificate";
        case Scheme::Forms:
            return "a login form";
        }
        return "";
    }

    /// The user's own logon with the scheme they answer with. Returns false after failing the
    /// request.
    bool logonUser(std::optional<Token> &token) {
        const std::string user = qualify(*e.requestUser);
        const Scheme scheme = e.scheme;
        if (!e.credentialsValid) {
            if (scheme == Scheme::ClientCertificate) {
                fail(Stage::Authentication, 403, 16,
                     "The client certificate is not valid or not trusted: 403.16.", {{"F1.54"}});
            } else {
                fail(Stage::Authentication, 401, 1,
                     "The user answers with " + schemeName(scheme) + " for " + user +
                         ", but the credentials are wrong: the logon fails, 401.1.",
                     {{"F1.80", "F1.44"}});
            }
            return false;
        }
        switch (scheme) {
        case Scheme::Basic:
            token = Token{user, TokenKind::Basic, e.basicLogonMethod};
            step(Stage::Authentication,
                 "Basic authentication: the browser sends " + user +
                     "'s user name and password (base64, effectively clear text); IIS logs the "
                     "Windows account on (" +
                     std::string(toString(e.basicLogonMethod)) + ") and holds its token.",
                 {{"F1.20", "F1.21", "F0.02"}});
            return true;
        case Scheme::Digest:
            token = Token{user, TokenKind::Digest};
            step(Stage::Authentication,
                 "Digest authentication, validated by a domain controller: IIS holds a token for "
                 "the domain account " +
                     user + ".",
                 {{"F1.30", "F1.33"}}, Confidence::Partial,
                 "That handlers impersonate the Digest token is implied, not stated.");
            return true;
        case Scheme::Ntlm:
            token = Token{user, TokenKind::Ntlm};
            step(Stage::Authentication,
                 "Windows authentication (NTLM): after the 401 handshake IIS holds an NTLM token "
                 "for " +
                     user +
                     ". (The 401.2 and 401.1 entries the handshake leaves in the log "
                     "are normal.)",
                 {{"F1.40", "F1.44", "F0.02"}});
            return true;
        case Scheme::Kerberos:
            if (isIis7Plus(e.version) && e.useKernelMode && !e.useAppPoolCredentials &&
                e.poolIdentity == PoolIdentity::SpecificUser && !e.iis5ProcessModel) {
                fail(Stage::Authentication, 401, 2,
                     "Kerberos with kernel-mode authentication: HTTP.sys decrypts the ticket with "
                     "the machine account's key, but the pool runs as " +
                         m_worker.name +
                         ", on which the SPN is registered, so the ticket cannot be decrypted "
                         "and the logon fails with 401 (sub-status 2, 0x80070005 in a FREB "
                         "trace). Fix: useAppPoolCredentials=\"true\" (keep kernel mode on).",
                     {{"F1.41", "F1.45"}});
                return false;
            }
            token = Token{user, TokenKind::Kerberos};
            step(Stage::Authentication,
                 "Windows authentication (Negotiate/Kerberos): the browser presents a service "
                 "ticket and IIS holds a Kerberos token for " +
                     user + ".",
                 isIis7Plus(e.version) ? Facts{{"F1.40", "F1.41", "F1.45"}} : Facts{{"F0.02"}});
            return true;
        case Scheme::ClientCertificate:
            token = Token{user, TokenKind::Certificate};
            step(Stage::Authentication,
                 "The client certificate sent during the SSL handshake is mapped to the Windows "
                 "account " +
                     user + ", whose token IIS holds.",
                 {{"F1.50", "F1.52", "F1.73"}}, Confidence::Partial,
                 "That the request's identity is the mapped account is documented for IIS "
                 "mappings; the token type for Active Directory mapping is not.");
            return true;
        case Scheme::Forms:
            break;
        }
        return false;
    }

    bool failNoMethod() {
        fail(
            Stage::Authentication, 401, 2,
            e.requestUser && e.scheme == Scheme::Forms
                ? "A login form is part of the application, so IIS must let the request in "
                  "anonymously first, and anonymous authentication is disabled (enabled: " +
                      (enabledMethods().empty() ? std::string("none") : enabledMethods()) +
                      "): 401.2, logon failed due to server configuration."
            : e.requestUser
                ? "The user can only answer with " + schemeName(e.scheme) +
                      ", which is not enabled (enabled: " +
                      (enabledMethods().empty() ? std::string("none") : enabledMethods()) +
                      "): logon failed due to server configuration, 401.2."
                : std::string("The browser sends the request without credentials and has "
                              "none to give, and anonymous authentication is disabled (enabled: ") +
                      (enabledMethods().empty() ? std::string("none") : enabledMethods()) +
                      "): 401.2, logon failed due to server configuration.",
            {{"F1.74", "F1.80", "F1.44"}},
            enabledMethods().empty() ? Confidence::Partial : Confidence::Confirmed,
            enabledMethods().empty()
                ? "That no enabled method at all gives 401.2 is inferred from the meaning of "
                  "401.2; the exact case is not spelled out."
                : std::string());
        return false;
    }

    /// Authentication, then the access check on the resource; a browser that is refused
    /// anonymously answers the challenge with the user's credentials (F1.70).
    bool authenticateAndAuthorize() {
        const bool user = e.requestUser.has_value();
        const bool formsLogin = user && e.scheme == Scheme::Forms;

        // Client certificates come in the SSL handshake, before any HTTP authentication.
        if (e.clientCertificateRequired && !(user && e.scheme == Scheme::ClientCertificate)) {
            fail(Stage::Authentication, 403, 7,
                 "The SSL settings require a client certificate and the client sends none: "
                 "403.7.",
                 {{"F1.54"}});
            return false;
        }
        if (user && e.scheme == Scheme::ClientCertificate && e.clientCertificateEnabled) {
            // F1.73: the certificate, offered during SSL, takes precedence over the others.
            std::optional<Token> token;
            if (!logonUser(token))
                return false;
            return authorize(*token, false);
        }

        // 1. The first request: anonymous unless the client pre-authenticates.
        const bool preauthenticates = user && !formsLogin &&
                                      e.sendsCredentials == SendsCredentials::Always &&
                                      schemeEnabled(e.scheme);
        if (preauthenticates) {
            if (e.version == IisVersion::V7_0 && e.useKernelMode &&
                (e.scheme == Scheme::Ntlm || e.scheme == Scheme::Kerberos)) {
                fail(Stage::Authentication, 401, 1,
                     "IIS 7.0 kernel-mode authentication: a client that sends Windows "
                     "credentials with its very first request (no anonymous request first) "
                     "fails. Browsers are not affected; the workaround is "
                     "useKernelMode=\"false\".",
                     {{"F1.42"}}, Confidence::Partial,
                     "The failure is documented; the exact sub-status is not.");
                return false;
            }
            std::optional<Token> token;
            if (!logonUser(token))
                return false;
            return authorize(*token, false);
        }

        bool anonymousRefused = false;
        if (e.anonymousEnabled) {
            const AnonymousLogon anonymous = anonymousLogon();
            if (!anonymous.token) {
                const bool canRetry = user && !formsLogin && schemeEnabled(e.scheme);
                const std::string text =
                    "Anonymous authentication: IIS must log on the configured anonymous account " +
                    anonymous.failure +
                    " with its stored password to get a token, and the password does not match "
                    "the account: the logon fails, 401.1.";
                if (!canRetry) {
                    fail(Stage::Authentication, 401, 1, text,
                         isIis7Plus(e.version) ? Facts{{"F1.11", "F1.02"}}
                                               : Facts{{"F1.02", "F0.02"}},
                         isIis7Plus(e.version) ? Confidence::Unconfirmed : Confidence::Confirmed,
                         isIis7Plus(e.version)
                             ? "401.1 for a wrong anonymous password is confirmed for IIS 5 and 6 "
                               "and assumed, by analogy, for IIS 7+."
                             : std::string());
                    return false;
                }
                step(Stage::Authentication,
                     text + " IIS answers 401 with a WWW-Authenticate "
                            "header per other enabled method.",
                     isIis7Plus(e.version) ? Facts{{"F1.11", "F1.70"}} : Facts{{"F1.02", "F1.70"}},
                     isIis7Plus(e.version) ? Confidence::Unconfirmed : Confidence::Confirmed,
                     isIis7Plus(e.version) ? "401.1 for a wrong anonymous password is assumed for "
                                             "IIS 7+ by analogy with IIS 6."
                                           : std::string());
                anonymousRefused = true;
            } else {
                const Token &token = *anonymous.token;
                std::string text;
                Facts facts{{"F0.02", "F0.04"}};
                if (e.anonymousUserName.empty()) {
                    text = "Anonymous authentication with userName=\"\" (IIS Manager: "
                           "\"Application pool identity\"): the anonymous request is "
                           "authenticated as the pool identity " +
                           token.name + ".";
                    facts = {{"F1.08", "F3.41"}};
                } else if (token.kind == TokenKind::BuiltinIusr) {
                    text = "Anonymous authentication: no credentials, so IIS uses the built-in "
                           "anonymous account NT AUTHORITY\\IUSR (no password; WAS creates its "
                           "token). An anonymous request is authenticated as that account.";
                    facts = {{"F1.06", "F1.07", "F1.09", "F0.04"}};
                } else {
                    text = "Anonymous authentication: no credentials, so IIS logs on the "
                           "configured anonymous account " +
                           token.name + " with its stored password and holds its token.";
                    facts = isIis7Plus(e.version) ? Facts{{"F1.07", "F0.04"}}
                                                  : Facts{{"F1.01", "F0.02"}};
                }
                if (formsLogin)
                    text += " The user's login form (Forms or the site's own cookie login) is "
                            "invisible to IIS: to IIS the request stays anonymous, and " +
                            *e.requestUser + " is never a Windows token.";
                Step &anonymousStep = step(Stage::Authentication, std::move(text), facts);
                if (user && !formsLogin && schemeEnabled(e.scheme)) {
                    // F1.70: with anonymous access working, IIS tries nothing else.
                    anonymousStep.text += " Other methods are enabled too, but the browser's "
                                          "first request is anonymous and IIS serves it "
                                          "anonymously without a challenge.";
                    cite(anonymousStep, "F1.70");
                }
                if (formsLogin)
                    step(Stage::Authentication,
                         "Forms authentication is an application feature: IIS authenticates the "
                         "request anonymously first, and ASP.NET's forms user is not a Windows "
                         "account that can be impersonated.",
                         isIis7Plus(e.version) && e.pipeline == Pipeline::Integrated
                             ? Facts{{"F1.60", "F1.62", "F1.61"}}
                             : Facts{{"F1.60"}});
                if (authorize(token, user && !formsLogin && schemeEnabled(e.scheme)))
                    return true;
                if (!r.steps.empty() && r.steps.back().fails)
                    return false;
                anonymousRefused = true;
            }
        }

        // 2. Anonymous refused or disabled: a challenge, if the user can answer it.
        if (!user || formsLogin || !schemeEnabled(e.scheme)) {
            if (anonymousRefused)
                return false; // already failed above
            return failNoMethod();
        }
        if (!e.anonymousEnabled)
            step(Stage::Authentication,
                 "The browser's first request carries no credentials and anonymous "
                 "authentication is disabled: IIS answers 401 with a WWW-Authenticate header per "
                 "enabled method (" +
                     enabledMethods() + "), and the browser answers with " + schemeName(e.scheme) +
                     ".",
                 {{"F1.70", "F1.44"}});
        std::optional<Token> token;
        if (!logonUser(token))
            return false;
        return authorize(*token, false);
    }

    // --- authorization: the access check on the requested file --------------------------------

    /// The identity that reads content for the request (F1.64): the Connect-as account if one is
    /// configured, else the authenticated identity.
    Token contentAccessToken(const Token &authenticated) const {
        if (e.connectAs)
            return Token{qualify(*e.connectAs), TokenKind::Configured};
        return authenticated;
    }

    /// Does IIS check the request identity against the file's ACL before the handler runs?
    bool iisChecksFileAccess() const {
        switch (e.handler) {
        case HandlerKind::Static:
        case HandlerKind::IsapiFilter:
        case HandlerKind::IsapiExtension:
        case HandlerKind::Asp:
        case HandlerKind::Cgi:
            return true;
        case HandlerKind::AspNet:
            // Through aspnet_isapi (IIS 5/6, classic) IIS checks first (F0.03); in ASP.NET
            // itself FileAuthorizationModule checks for Windows authentication (F3.69).
            return !isIis7Plus(e.version) || e.pipeline == Pipeline::Classic ||
                   e.aspnetAuthenticationMode == AspNetAuthMode::Windows;
        case HandlerKind::FastCgi:
            // On IIS 5.1/6 the FastCGI extension is an ISAPI (F0.03); on 7+ IIS hands the
            // request to php-cgi, which opens the script itself (see readContent).
            return !isIis7Plus(e.version);
        case HandlerKind::AspNetCore:
            return false;
        }
        return false;
    }

    struct AccessRule {
        Facts facts;
        Confidence confidence = Confidence::Confirmed;
        std::string uncertainty;
    };

    /// The rule behind IIS's (or ASP.NET's) access check on the requested file.
    AccessRule accessRule(const Token &authenticated) const {
        if (e.handler == HandlerKind::Static || e.handler == HandlerKind::IsapiFilter)
            return {{{"F3.40", "F1.80"}}, Confidence::Confirmed, {}};
        if (e.handler == HandlerKind::AspNet && isIis7Plus(e.version) &&
            e.pipeline == Pipeline::Integrated) {
            if (isRequestUser(authenticated.kind))
                return {{{"F3.69", "F1.80"}}, Confidence::Confirmed, {}};
            return {{{"F4.09", "F3.69"}},
                    Confidence::Unconfirmed,
                    "Whether the anonymous account must also read .aspx files in the integrated "
                    "pipeline was not established."};
        }
        if (isIis6(e.version) || isIis5(e.version))
            return {{{"F0.03", "F1.80"}}, Confidence::Confirmed, {}};
        if (e.handler == HandlerKind::Asp)
            return {{{"F3.51", "F0.03", "F1.80"}}, Confidence::Confirmed, {}};
        if (e.handler == HandlerKind::AspNet) // the classic pipeline works as on IIS 6
            return {{{"F3.73", "F0.03", "F1.80"}}, Confidence::Confirmed, {}};
        return {{{"F0.03", "F1.80", "F3.40"}},
                Confidence::Partial,
                "IIS's access check before an impersonating handler is documented for IIS 6; for "
                "IIS 7+ it is carried over by analogy with the static file handler."};
    }

    /// Returns true when the request may proceed. When it is refused with 401.3 and the browser
    /// can answer a challenge (retryAsUser), no failure is recorded and false is returned.
    bool authorize(const Token &authenticated, bool retryAsUser) {
        m_authenticated = authenticated;
        const Token reader = contentAccessToken(authenticated);
        if (!isIis7Plus(e.version) && e.connectAs && !e.connectAsPasswordValid) {
            // F2.52: Microsoft's IIS 6 pages disagree on the status for a bad UNC password.
            fail(Stage::Authorization, 500, 13,
                 "IIS logs on the configured UNC account " + reader.name + " to reach " +
                     e.contentPath +
                     ", and its stored password is wrong: the logon fails. Shown as 500.13 "
                     "\"Invalid Username or Password\".",
                 {{"F2.51", "F2.52"}}, Confidence::Conflict,
                 "One TechNet page says 500.13, another a plain 500 with that text, and the "
                 "UNCUserName property page says a failed UNC logon returns 401.2.");
            return false;
        }
        if (!iisChecksFileAccess())
            return true;
        const bool share = contentOnShare();
        if (canRead(reader, share))
            return true;
        const std::string denied =
            "The NTFS permissions on the requested file in " + e.contentPath + " do not let " +
            reader.name +
            (share ? " (seen on the share as " + networkIdentity(reader).name + ")"
                   : std::string()) +
            " read it (readable by: " + readersText() + ")";
        const AccessRule rule = accessRule(authenticated);
        if (rule.confidence == Confidence::Unconfirmed) {
            // An unconfirmed check does not fail the request: the documented rule (F4.06, the
            // process identity reads non-impersonating code) decides, and the doubt is shown.
            step(Stage::Authorization,
                 denied + ". Whether that stops the request is not established; it is shown "
                          "going through, as the documented rule for this handler says.",
                 rule.facts, rule.confidence, rule.uncertainty);
            warn("IISID-EXPLAIN-CONTENT-READ-UNCERTAIN", Severity::Low,
                 reader.name + " may also need read permission on " + e.contentPath +
                     " (unconfirmed).",
                 rule.facts, rule.confidence);
            return true;
        }
        // F4.07: IUSR is not a member of IIS_IUSRS, a common surprise worth naming.
        const bool iisIusrsListed =
            std::any_of(e.readableBy->begin(), e.readableBy->end(), [](const std::string &entry) {
                return sameAccount(entry, "IIS_IUSRS") || sameAccount(entry, "BUILTIN\\IIS_IUSRS");
            });
        const std::string iusrNote =
            reader.kind == TokenKind::BuiltinIusr && iisIusrsListed
                ? " IUSR is not a member of IIS_IUSRS: granting IIS_IUSRS does not cover it."
                : std::string();
        if (retryAsUser) {
            Step &s = step(Stage::Authorization,
                           denied + "." + iusrNote +
                               " IIS answers 401 with a WWW-Authenticate header per other "
                               "enabled method, and the browser answers with " +
                               schemeName(e.scheme) + ".",
                           rule.facts, rule.confidence, rule.uncertainty);
            if (!iusrNote.empty())
                cite(s, "F4.07");
            cite(s, "F1.70");
            return false;
        }
        fail(Stage::Authorization, 401, 3, denied + ": access denied by ACL, 401.3." + iusrNote,
             rule.facts, rule.confidence, rule.uncertainty);
        if (!iusrNote.empty())
            cite(r.steps.back(), "F4.07");
        r.identities.content = reader.name;
        return false;
    }

    // --- the handler ------------------------------------------------------------------------

    bool phpImpersonates() const {
        return e.fastcgiImpersonate && e.fastcgiProtocol == FastCgiProtocol::NamedPipe;
    }

    bool runHandler() {
        const Token user = *m_authenticated;
        switch (e.handler) {
        case HandlerKind::Static:
        case HandlerKind::IsapiFilter: {
            m_thread = contentAccessToken(user);
            step(Stage::Handler,
                 "The static file handler impersonates " + m_thread->name +
                     " and opens the file with that token.",
                 {{"F3.40", "F0.05"}});
            break;
        }
        case HandlerKind::IsapiExtension:
        case HandlerKind::Asp: {
            const bool asp = e.handler == HandlerKind::Asp;
            m_thread = user;
            const bool outOfProcess = e.iis5ProcessModel && m_workerHost == "dllhost.exe";
            std::string text =
                asp ? "Classic ASP is an ISAPI extension (asp.dll). IIS puts the authenticated "
                      "token on the thread (ImpersonateLoggedOnUser) before calling it, and ASP "
                      "always keeps it: the page runs as " +
                          user.name + "."
                    : "IIS calls ImpersonateLoggedOnUser with the authenticated token before "
                      "calling HttpExtensionProc: the extension runs as " +
                          user.name + ".";
            if (outOfProcess && user.kind == TokenKind::AnonymousAccount && isIis6(e.version)) {
                step(Stage::Handler,
                     text + " The process is dllhost.exe as " + m_process->name + ".",
                     {{"F2.12", "F3.10", "F3.50"}}, Confidence::Partial,
                     "IIS 6 in IIS 5.0 isolation mode reuses the IIS 5 process model; the IIS 5 "
                     "SDK's conflicting statement about the anonymous context of isolated "
                     "applications (F2.04) was written for IIS 5.");
            } else if (outOfProcess && user.kind == TokenKind::AnonymousAccount) {
                step(Stage::Handler,
                     text + " The process is dllhost.exe as " + m_process->name + ".",
                     {{"F2.04", "F3.10", "F3.50"}}, Confidence::Conflict,
                     "The IIS 5 SDK's \"Passing Security Context\" says the anonymous context of "
                     "an isolated application is IWAM_<machine>, while KB 248187 says ASP runs as "
                     "the impersonated anonymous user; shown as thread = IUSR, process = IWAM.");
            } else if (isIis7Plus(e.version) && !asp) {
                step(Stage::Handler, std::move(text), {{"F3.10", "F0.05"}}, Confidence::Partial,
                     "The ISAPI rule is documented for IIS 5 and 6; for IIS 7+ only the general "
                     "\"impersonating handler\" rule was found.");
            } else if (asp) {
                step(Stage::Handler, std::move(text),
                     isIis7Plus(e.version) ? Facts{{"F3.50", "F3.51"}} : Facts{{"F3.50", "F0.03"}});
            } else {
                step(Stage::Handler, std::move(text), {{"F3.10", "F0.03"}});
            }
            break;
        }
        case HandlerKind::AspNet:
            runAspNet(user);
            break;
        case HandlerKind::Cgi:
            return runCgi(user);
        case HandlerKind::FastCgi:
            runFastCgi(user);
            break;
        case HandlerKind::AspNetCore:
            runAspNetCore(user);
            break;
        }
        return true;
    }

    void runAspNet(const Token &user) {
        if (e.iis5ProcessModel) {
            m_host = "aspnet_wp.exe";
            m_process = Token{qualify("ASPNET"), TokenKind::ServiceAccount};
            step(Stage::Handler,
                 "aspnet_isapi.dll hands the request to the ASP.NET worker process aspnet_wp.exe, "
                 "which runs as the local ASPNET account (<processModel userName=\"machine\">), "
                 "not as " +
                     m_worker.name + ".",
                 isIis6(e.version) ? Facts{{"F2.12", "F2.03"}} : Facts{{"F2.03"}});
        } else {
            std::string how = isIis7Plus(e.version) && e.pipeline == Pipeline::Integrated
                                  ? "runs inside the integrated pipeline of w3wp.exe"
                                  : "runs through aspnet_isapi.dll inside w3wp.exe";
            step(Stage::Handler,
                 "ASP.NET " + how + ", so its process identity is the pool identity " +
                     m_process->name + ".",
                 isIis7Plus(e.version)
                     ? (e.pipeline == Pipeline::Classic ? Facts{{"F3.73", "F2.20"}}
                                                        : Facts{{"F2.20", "F3.15"}})
                     : Facts{{"F2.13"}});
        }
        const bool forms = e.aspnetAuthenticationMode == AspNetAuthMode::Forms ||
                           (e.requestUser && e.scheme == Scheme::Forms);
        if (!e.aspnetImpersonate) {
            m_thread.reset();
            step(Stage::Handler,
                 "<identity impersonate=\"false\"/> (the default): ASP.NET removes the token IIS "
                 "passed; the code runs with the process token " +
                     m_process->name + ", whatever the authentication.",
                 {{"F3.60", "F1.63"}});
            return;
        }
        if (e.aspnetUserName) {
            m_thread = Token{qualify(*e.aspnetUserName), TokenKind::Configured};
            step(Stage::Handler,
                 "<identity impersonate=\"true\" userName=\"" + *e.aspnetUserName +
                     "\"/> (application impersonation): every request runs as " + m_thread->name +
                     "; the client's token (" + user.name + ") is used only for access checks.",
                 {{"F3.62", "F3.75"}});
            return;
        }
        if (forms && integratedAspNet()) {
            m_thread = m_process;
            step(Stage::Handler,
                 "<identity impersonate=\"true\"/> with Forms authentication in integrated mode "
                 "is unsupported (\"error or incorrect behavior\"): the forms user cannot be "
                 "impersonated, and Request.LogonUserIdentity is the process identity " +
                     m_process->name + " rather than the anonymous account.",
                 {{"F1.62"}}, Confidence::Partial,
                 "Microsoft documents the combination as unsupported; which token the thread "
                 "then holds is inferred from LogonUserIdentity.");
            warn("IISID-ASPNET-FORMS-IMPERSONATE", Severity::Medium,
                 "Forms authentication with <identity impersonate=\"true\"/> is not supported in "
                 "the integrated pipeline.",
                 {{"F1.62"}});
            return;
        }
        if (isIis6(e.version) && contentOnShare() && e.connectAs) {
            // F3.66: on a UNC share ASP.NET impersonates IIS's UNC token, not the client's.
            m_thread = Token{qualify(*e.connectAs), TokenKind::Configured};
            step(Stage::Handler,
                 "<identity impersonate=\"true\"/> with the content on a UNC share and a "
                 "configured UNC account: ASP.NET impersonates the token IIS uses for the share, " +
                     m_thread->name + ", not the client's " + user.name + ".",
                 {{"F3.66", "F3.61"}});
            return;
        }
        m_thread = user;
        std::string text = "<identity impersonate=\"true\"/>: ASP.NET impersonates the token IIS "
                           "passes, " +
                           user.name + ".";
        if (forms)
            text += " With Forms authentication that is the anonymous account, never the forms "
                    "user.";
        step(Stage::Handler, std::move(text),
             forms ? Facts{{"F3.61", "F1.60"}} : Facts{{"F3.61", "F3.75"}});
        if (integratedAspNet())
            step(Stage::Handler,
                 "Integrated mode with validation off: the impersonation starts at "
                 "PostAuthenticateRequest; the page runs as " +
                     user.name + ".",
                 {{"F3.71"}});
    }

    bool runCgi(const Token &user) {
        const bool conflict = isIis7Plus(e.version);
        const std::string uncertain =
            conflict ? "Microsoft's IIS 7+ pages contradict each other on what "
                       "createProcessAsUser=true means (the WMI CgiSection page says the "
                       "opposite); shown with the IIS 6 meaning, which the seed post shares."
                     : std::string();
        const Facts cpauFacts = conflict ? Facts{{"F3.21", "F3.22", "F3.20"}} : Facts{{"F3.20"}};
        const Confidence cpauConfidence = conflict ? Confidence::Conflict : Confidence::Confirmed;
        const Token &cgiUser = user;
        if (e.createProcessAsUser) {
            // F3.23 / F2.15: creating the process as the user needs the worker's privileges.
            if (!e.iis5ProcessModel && !e.canReplaceProcessToken) {
                const bool unconfirmedRight =
                    e.poolIdentity == PoolIdentity::ApplicationPoolIdentity;
                if (isIis7Plus(e.version)) {
                    fail(Stage::Handler, 403, 19,
                         "createProcessAsUser=true: w3wp.exe must start the CGI process with " +
                             cgiUser.name +
                             "'s token, which needs \"Replace a process level "
                             "token\" and \"Adjust memory quotas\"; the pool identity " +
                             m_process->name +
                             " lacks them: 403.19, cannot execute CGI "
                             "applications in this application pool.",
                         {{"F3.23", "F1.81", "F2.15"}},
                         std::max(cpauConfidence, unconfirmedRight ? Confidence::Unconfirmed
                                                                   : Confidence::Confirmed),
                         uncertain);
                } else {
                    fail(Stage::Handler, 403, 19,
                         "CreateProcessAsUser=true: w3wp.exe must start the CGI process with " +
                             cgiUser.name +
                             "'s token, which needs \"Replace a process level "
                             "token\" and \"Increase quotas\"; the custom pool identity " +
                             m_process->name +
                             " has not been granted them, so the process "
                             "cannot be created: 403.19, cannot execute CGIs in this application "
                             "pool.",
                         {{"F2.15", "F3.23", "F1.81"}}, Confidence::Partial,
                         "The required rights are documented for IIS 6, and IIS 6's 403 table "
                         "lists 403.19 for CGIs that cannot run in the pool; that the missing "
                         "right is what raises it on IIS 6 is inferred.");
                }
                m_process.reset();
                m_thread.reset();
                m_host.clear();
                return false;
            }
            m_host = "the CGI process";
            m_process = cgiUser;
            m_thread.reset();
            Step &s = step(Stage::Handler,
                           "createProcessAsUser=true (the default): " + m_workerHost +
                               " starts the CGI program with CreateProcessAsUser and the "
                               "authenticated token, so the CGI process runs as " +
                               cgiUser.name + ".",
                           cpauFacts, cpauConfidence, uncertain);
            if (!e.iis5ProcessModel && e.poolIdentity == PoolIdentity::ApplicationPoolIdentity &&
                !e.canReplaceProcessTokenExplicit) {
                s.text += " The pool identity is assumed to hold \"Replace a process level "
                          "token\".";
                cite(s, "F3.23");
                s.confidence = std::max(s.confidence, Confidence::Unconfirmed);
                r.confidence = std::max(r.confidence, s.confidence);
                if (s.uncertainty.empty())
                    s.uncertainty = "Whether ApplicationPoolIdentity accounts hold \"Replace a "
                                    "process level token\" by default is unconfirmed.";
                else
                    s.uncertainty += " Whether ApplicationPoolIdentity accounts hold \"Replace a "
                                     "process level token\" by default is unconfirmed.";
            }
        } else {
            m_host = "the CGI process";
            m_process = m_worker;
            m_thread.reset();
            step(Stage::Handler,
                 "createProcessAsUser=false: the CGI program is started with the process "
                 "identity of " +
                     m_workerHost + ", so it runs as " + m_worker.name +
                     (e.iis5ProcessModel ? " (\"system context\")" : "") + ", not as " + user.name +
                     ".",
                 cpauFacts, cpauConfidence, uncertain);
        }
        r.processHost = "the CGI process";
        return true;
    }

    void runFastCgi(const Token &user) {
        m_host = "php-cgi.exe";
        m_process = m_worker;
        step(Stage::Handler,
             "FastCGI keeps a pool of long-lived php-cgi.exe processes started by " + m_workerHost +
                 " (not per request, and not with CreateProcessAsUser): they run as " +
                 m_worker.name + ".",
             {{"F3.30"}}, Confidence::Partial,
             "That the processes run as the worker's identity is documented; how they are started "
             "is inferred.");
        if (e.fastcgiImpersonate && e.fastcgiProtocol == FastCgiProtocol::Tcp) {
            m_thread.reset();
            step(Stage::Handler,
                 "fastcgi.impersonate=1, but the FastCGI application uses TCP: php-cgi only calls "
                 "ImpersonateNamedPipeClient on a named pipe, so nothing is impersonated and PHP "
                 "runs as " +
                     m_process->name + ".",
                 {{"F3.31", "F3.32"}});
            warn("IISID-PHP-IMPERSONATE-OVER-TCP", Severity::Medium,
                 "fastcgi.impersonate=1 has no effect over the TCP protocol.", {{"F3.32"}});
        } else if (e.fastcgiImpersonate) {
            m_thread = user;
            step(Stage::Handler,
                 "fastcgi.impersonate=1: php-cgi calls ImpersonateNamedPipeClient on the "
                 "request's pipe, so the thread runs as the client IIS authenticated, " +
                     user.name + "; the php-cgi process token stays " + m_process->name + ".",
                 {{"F3.31", "F3.33", "F3.34"}});
        } else {
            m_thread.reset();
            step(Stage::Handler,
                 "fastcgi.impersonate=0 (PHP's default): php-cgi does not impersonate; PHP code "
                 "runs as " +
                     m_process->name + ", not as " + user.name + ".",
                 {{"F3.31", "F3.34"}});
        }
        r.processHost = m_host;
    }

    void runAspNetCore(const Token &user) {
        m_thread.reset();
        if (e.hostingModel == HostingModel::InProcess) {
            step(Stage::Handler,
                 "ASP.NET Core in-process hosting: the app runs inside w3wp.exe, as the pool "
                 "identity " +
                     m_process->name +
                     ". ASP.NET Core does not impersonate, and "
                     "<system.web> settings such as <identity> are not used.",
                 {{"F3.80", "F3.83", "F3.84"}});
        } else {
            m_host = "dotnet.exe";
            step(Stage::Handler,
                 "ASP.NET Core out-of-process hosting: the ASP.NET Core Module starts dotnet.exe "
                 "(Kestrel) from w3wp.exe and proxies the request over loopback; the process "
                 "runs as the pool identity " +
                     m_process->name +
                     ". ASP.NET Core does not "
                     "impersonate.",
                 {{"F3.81", "F3.83"}}, Confidence::Partial,
                 "That the started process gets the pool identity is inferred from its being "
                 "started by the worker.");
            if (isRequestUser(user.kind))
                step(Stage::Handler,
                     e.forwardWindowsAuthToken
                         ? "forwardWindowsAuthToken=true: " + user.name +
                               "'s Windows token travels to the app in the "
                               "MS-ASPNETCORE-WINAUTHTOKEN header (the app must close it)."
                         : std::string("forwardWindowsAuthToken=false: the app gets no Windows "
                                       "token for the user."),
                     {{"F3.82"}});
        }
        r.processHost = m_host;
    }

    // --- the code ---------------------------------------------------------------------------

    bool isSessionEndHandler() const {
        return e.handler == HandlerKind::Asp || e.handler == HandlerKind::AspNet;
    }

    void actionIgnored(std::string_view what) {
        warn("IISID-EXPLAIN-ACTION-IGNORED", Severity::Info,
             "\"" + std::string(toString(e.action)) + "\" " + std::string(what) +
                 "; the handler is " + std::string(toString(e.handler)) + ", so it is ignored.",
             {});
    }

    void runCode() {
        switch (e.action) {
        case Action::None:
        case Action::CreateProcess:
        case Action::CreateProcessAsUser:
            break;
        case Action::RevertToSelf:
            if (!m_thread) {
                step(Stage::Code,
                     "The code calls RevertToSelf, but the thread holds no impersonation token: "
                     "it keeps running as " +
                         m_process->name + ".",
                     {{"F3.13"}});
            } else {
                const std::string was = m_thread->name;
                m_thread.reset();
                std::string text = "The code calls RevertToSelf (directly or through a COM "
                                   "component): the impersonation token " +
                                   was +
                                   " is discarded and the thread runs as the process identity " +
                                   m_process->name + " from here on.";
                if (e.handler == HandlerKind::Asp || e.handler == HandlerKind::IsapiExtension)
                    text += " IIS impersonates again on the next request.";
                step(Stage::Code, std::move(text), {{"F3.13", "F0.01"}});
            }
            break;
        case Action::ApplicationStart:
            if (e.handler != HandlerKind::AspNet) {
                actionIgnored("is an ASP.NET event");
                break;
            }
            runApplicationStart();
            break;
        case Action::SessionOnEnd:
            actionIgnored("is an ASP or ASP.NET event");
            break;
        case Action::BeginRequestModule:
            if (e.handler != HandlerKind::AspNet) {
                actionIgnored("is an ASP.NET module event");
                break;
            }
            if (integratedAspNet()) {
                m_thread.reset();
                step(Stage::Code,
                     "A module handling BeginRequest in the integrated pipeline runs before "
                     "authentication completes: ASP.NET impersonates only from "
                     "PostAuthenticateRequest on, so the module runs as the process identity " +
                         m_process->name + ".",
                     {{"F3.71", "F1.72"}});
            } else {
                step(Stage::Code,
                     "Outside the integrated pipeline ASP.NET runs its whole pipeline after IIS "
                     "authenticated the request, with the impersonation already in place: a "
                     "BeginRequest module runs like the page, as " +
                         (m_thread ? m_thread->name : m_process->name) + ".",
                     {{"F3.73", "F1.72"}}, Confidence::Partial,
                     "That classic-mode impersonation covers BeginRequest is inferred from "
                     "\"impersonation behaves as in IIS 6\".");
            }
            break;
        case Action::RunImpersonated:
            runImpersonated();
            break;
        }
        r.identities.process = nameOf(m_process);
        r.identities.thread = nameOf(m_thread);
        r.identities.code = m_thread ? m_thread->name : m_process->name;
        if (r.processHost.empty())
            r.processHost = m_host;
        const std::string who =
            m_thread ? m_thread->name + " (impersonated; the process is " + m_process->name + ")"
                     : m_process->name + " (the process token; nothing "
                                         "impersonated)";
        if (e.handler == HandlerKind::IsapiFilter) {
            // The request's own handler serves the file; the filter's code was reported above.
            r.identities.process = m_filterProcess->name;
            r.identities.code = m_filterProcess->name;
            r.identities.thread.reset();
            r.processHost = m_filterHost;
            return;
        }
        if (e.handler != HandlerKind::Static)
            step(Stage::Code, "The code runs as " + who + ".", {{"F0.01"}});
        else
            step(Stage::Code,
                 "No code of yours runs for a static file: IIS serves it as " + who + ".",
                 {{"F0.01"}});
    }

    void runApplicationStart() {
        // F3.64: application initialization runs as the process identity, the application
        // impersonation account, or the UNC account.
        const Confidence confidence = isIis7Plus(e.version) ? Confidence::Unconfirmed
                                      : isIis6(e.version)   ? Confidence::Confirmed
                                                            : Confidence::Partial;
        const std::string uncertainty =
            isIis7Plus(e.version)
                ? "Measured on IIS 6 / ASP.NET 2.0; the same rule is expected, not confirmed, "
                  "for IIS 7+."
            : isIis6(e.version) ? std::string()
                                : "Documented for ASP.NET 2.0 on IIS 6; assumed for IIS 5.";
        if (e.aspnetImpersonate && e.aspnetUserName) {
            m_thread = Token{qualify(*e.aspnetUserName), TokenKind::Configured};
            step(Stage::Code,
                 "Application_Start runs during application initialization, as the application "
                 "impersonation account " +
                     m_thread->name + ".",
                 {{"F3.64", "F3.63"}}, confidence, uncertainty);
        } else if (contentOnShare() && e.connectAs) {
            m_thread = Token{qualify(*e.connectAs), TokenKind::Configured};
            step(Stage::Code,
                 "Application_Start runs during application initialization; the content is on a "
                 "share with a configured account, so it runs as that UNC account " +
                     m_thread->name + ".",
                 {{"F3.64", "F4.10", "F3.63"}}, confidence, uncertainty);
        } else {
            m_thread.reset();
            step(Stage::Code,
                 "Application_Start runs once, during application initialization, as the process "
                 "identity " +
                     m_process->name +
                     ", not as the user of the request that started the application, even "
                     "with client impersonation on. Any application on the pool can do the "
                     "same there: keep authorized work out of it.",
                 {{"F3.64", "F3.63"}}, confidence, uncertainty);
        }
    }

    void runImpersonated() {
        if (e.handler != HandlerKind::AspNetCore && e.handler != HandlerKind::AspNet) {
            actionIgnored("is an ASP.NET / ASP.NET Core call");
            return;
        }
        const Token &user = *m_authenticated;
        if (!isRequestUser(user.kind)) {
            warn("IISID-EXPLAIN-NOTHING-TO-IMPERSONATE", Severity::Info,
                 "The request has no Windows user (it is " + user.name +
                     "), so there is nothing to impersonate.",
                 {{"F3.83"}});
            step(Stage::Code,
                 "The code wants to run impersonated, but the request is anonymous: there is no "
                 "Windows user identity to impersonate, and the code stays " +
                     (m_thread ? m_thread->name : m_process->name) + ".",
                 {{"F3.83"}});
            return;
        }
        if (e.handler == HandlerKind::AspNetCore && e.hostingModel == HostingModel::OutOfProcess &&
            !e.forwardWindowsAuthToken) {
            warn("IISID-EXPLAIN-NO-FORWARDED-TOKEN", Severity::Low,
                 "forwardWindowsAuthToken=false: the out-of-process app has no Windows token to "
                 "impersonate.",
                 {{"F3.82"}});
            step(Stage::Code,
                 "WindowsIdentity.RunImpersonated needs the user's token, which "
                 "forwardWindowsAuthToken=false keeps from the app: the code stays " +
                     m_process->name + ".",
                 {{"F3.82", "F3.83"}});
            return;
        }
        m_thread = user;
        step(Stage::Code,
             e.handler == HandlerKind::AspNetCore
                 ? "The action runs inside WindowsIdentity.RunImpersonated(...) with the user's "
                   "Windows identity: for that block the thread runs as " +
                       user.name + "."
                 : "The code calls WindowsIdentity.Impersonate with the request's Windows "
                   "identity: until Undo() the thread runs as " +
                       user.name + ".",
             e.handler == HandlerKind::AspNetCore ? Facts{{"F3.83"}} : Facts{{"F3.68"}});
    }

    void runSessionOnEnd() {
        r.http.reset();
        m_host = m_workerHost;
        if (e.handler == HandlerKind::AspNet) {
            if (e.iis5ProcessModel) {
                m_host = "aspnet_wp.exe";
                m_process = Token{qualify("ASPNET"), TokenKind::ServiceAccount};
            }
            if (e.aspnetImpersonate && e.aspnetUserName)
                m_thread = Token{qualify(*e.aspnetUserName), TokenKind::Configured};
            step(Stage::Code,
                 "Session_End runs on a timer, outside any request: there is no client token, "
                 "so it runs as " +
                     (m_thread ? m_thread->name : m_process->name) + ".",
                 {{"F3.63", "F3.64"}}, Confidence::Unconfirmed,
                 "The reference covers ASP's Session_OnEnd; ASP.NET's Session_End identity is "
                 "inferred from the application-initialization rule.");
        } else if (isIis5(e.version)) {
            step(Stage::Code,
                 "IIS 5: Session_OnEnd and Application_OnEnd run outside any request as the "
                 "process identity, " +
                     m_process->name + ".",
                 {{"F3.53", "F3.52"}});
        } else if (e.runOnEndAnonymously) {
            const AnonymousLogon anonymous = anonymousLogon();
            if (!e.anonymousEnabled || !anonymous.token) {
                step(Stage::Code,
                     "runOnEndAnonymously=true (the default): Session_OnEnd must run as the "
                     "anonymous user, but " +
                         std::string(!e.anonymousEnabled ? "anonymous authentication is disabled"
                                                         : "its logon fails") +
                         ": the event is not called at all, and an event is logged.",
                     {{"F3.53"}});
                warn("IISID-EXPLAIN-ONEND-NOT-CALLED", Severity::Medium,
                     "Session_OnEnd is not called: there is no anonymous user to run it as.",
                     {{"F3.53"}});
                r.identities.process = m_process->name;
                r.processHost = m_host;
                return;
            }
            m_thread = anonymous.token;
            step(Stage::Code,
                 "runOnEndAnonymously=true (the default since IIS 6): Session_OnEnd runs outside "
                 "any request as the anonymous user " +
                     m_thread->name + ".",
                 {{"F3.53"}});
        } else {
            step(Stage::Code,
                 "runOnEndAnonymously=false: Session_OnEnd runs outside any request, without the "
                 "anonymous token, as the process identity " +
                     m_process->name + ".",
                 {{"F3.53"}}, Confidence::Partial,
                 "The reference states the default (anonymous); that false means the process "
                 "identity is inferred.");
        }
        r.identities.process = m_process->name;
        r.identities.thread = nameOf(m_thread);
        r.identities.code = m_thread ? m_thread->name : m_process->name;
        r.processHost = m_host;
        const Token code = m_thread ? *m_thread : *m_process;
        childOf(*m_process, m_thread, "Session_OnEnd");
        networkOf(code, "Session_OnEnd");
    }

    // --- content ----------------------------------------------------------------------------

    /// Returns false when reading fails the request.
    bool readContent() {
        const bool share = contentOnShare();
        std::optional<Token> reader;
        std::string text;
        Facts facts{{"F1.64"}};
        Confidence confidence = Confidence::Confirmed;
        std::string uncertainty;
        switch (e.handler) {
        case HandlerKind::Static:
        case HandlerKind::IsapiFilter:
        case HandlerKind::IsapiExtension:
        case HandlerKind::Asp:
            reader = contentAccessToken(*m_authenticated);
            text = "The requested file is read as " + reader->name + ".";
            if (e.handler != HandlerKind::Asp)
                facts = {{"F3.40", "F4.06", "F1.64"}};
            else if (isIis7Plus(e.version))
                facts = {{"F3.51", "F4.06", "F1.64"}};
            else
                facts = {{"F3.50", "F0.03"}};
            break;
        case HandlerKind::AspNet:
            reader = e.connectAs ? contentAccessToken(*m_authenticated) : *m_process;
            text = "ASP.NET compiles the page and loads its configuration as the process "
                   "identity, even when impersonating: " +
                   reader->name + " reads it.";
            facts = {{"F3.63", "F4.03", "F4.06"}};
            break;
        case HandlerKind::Cgi:
            reader = e.connectAs ? contentAccessToken(*m_authenticated) : *m_process;
            text = "The CGI process reads its script as " + reader->name + ".";
            facts = {{"F3.24", "F4.06"}};
            break;
        case HandlerKind::FastCgi:
            reader = e.connectAs ? contentAccessToken(*m_authenticated)
                                 : (m_thread ? *m_thread : *m_process);
            text = "php-cgi opens the script as " + reader->name + ".";
            facts = {{"F4.06", "F3.33", "F3.34"}};
            break;
        case HandlerKind::AspNetCore:
            reader = *m_process;
            text = "The ASP.NET Core app reads its files as " + reader->name + ".";
            facts = {{"F3.80", "F4.06"}};
            break;
        }
        if (e.connectAs)
            text += " (The virtual directory's Connect-as account reads the content; the "
                    "request itself stays authenticated as " +
                    m_authenticated->name + ".)";
        if (share && !e.connectAs) {
            const std::string seen = networkIdentity(*reader).name;
            text += " The content is on a share (pass-through): the file server sees " + seen + ".";
            if (sameAccount(seen, account::anonymousLogon))
                warn("IISID-VDIR-UNC-PASSTHROUGH", Severity::Medium,
                     "Pass-through to " + e.contentPath +
                         " reaches the file server as ANONYMOUS LOGON (" + reader->name +
                         " cannot make a network hop); configure a Connect-as account or grant "
                         "the share to that identity.",
                     {{"F2.51", "F1.43"}}, Confidence::Unconfirmed);
        }
        r.identities.content = reader->name;
        if (!canRead(*reader, share)) {
            if (e.handler == HandlerKind::Cgi) {
                fail(Stage::Content, 502, 2,
                     text + " It may not read it (readable by: " + readersText() +
                         "): the script host prints an error instead of CGI headers, and IIS "
                         "reports 502.2 (\"the specified CGI application misbehaved by not "
                         "returning a complete set of HTTP headers\").",
                     {{"F3.24", "F1.83"}}, Confidence::Partial,
                     "That a script failing to read its file as the wrong identity shows up as "
                     "502.2 is the seed post's diagnosis, not a documented rule.");
                return false;
            }
            if (e.handler == HandlerKind::FastCgi) {
                // PHP-CGI (sapi/cgi/cgi_main.c): when the primary script cannot be opened with
                // EACCES, php-cgi answers 403 "Access denied.".
                fail(
                    Stage::Content, 403, 0,
                    text + " It may not read it (readable by: " + readersText() +
                        "): php-cgi cannot open the script and answers 403 \"Access denied.\"",
                    {{"F3.31", "F4.06"}}, Confidence::Partial,
                    "PHP's CGI source answers 403 when opening the script is denied; the reference "
                    "does not cover this case.");
                return false;
            }
            step(Stage::Content, text + " It may not read it (readable by: " + readersText() + ").",
                 facts, Confidence::Partial, "The failure this causes depends on the application.");
            warn("IISID-EXPLAIN-CONTENT-NOT-READABLE", Severity::Medium,
                 reader->name + " needs read permission on " + e.contentPath + ".", facts,
                 Confidence::Partial);
            return true;
        }
        Step &read =
            step(Stage::Content, std::move(text), facts, confidence, std::move(uncertainty));
        if (e.readableBy &&
            std::any_of(e.readableBy->begin(), e.readableBy->end(), [](const std::string &entry) {
                return sameAccount(entry, "Users") || sameAccount(entry, "BUILTIN\\Users");
            }))
            cite(read, "F4.08"); // the default wwwroot ACL reaches everyone through Users
        return true;
    }

    // --- child processes and the network ----------------------------------------------------

    bool processMayReplaceToken(const Token &process) const {
        switch (process.kind) {
        case TokenKind::LocalSystem:
        case TokenKind::LocalService:
        case TokenKind::NetworkService:
            return true;
        case TokenKind::PoolIdentity:
            return e.canReplaceProcessToken;
        case TokenKind::ServiceAccount:
            // IWAM_<machine> (IIS 5 dllhost): not documented either way; assumed to hold it
            // (see iwamRightAssumed). ASPNET must be granted it (KB 889251).
            if (iwamRightAssumed(process))
                return true;
            return process.name == m_worker.name && !e.iis5ProcessModel && e.canReplaceProcessToken;
        default:
            return false;
        }
    }

    bool iwamRightAssumed(const Token &process) const {
        return e.iis5ProcessModel && process.kind == TokenKind::ServiceAccount &&
               process.name == m_worker.name && m_workerHost == "dllhost.exe";
    }

    void childOf(const Token &process, const std::optional<Token> &thread, std::string_view who) {
        const std::string whoText(who);
        if (e.action == Action::CreateProcessAsUser && thread) {
            if (!processMayReplaceToken(process)) {
                r.identities.child.reset();
                step(Stage::ChildProcess,
                     whoText +
                         " calls DuplicateTokenEx and CreateProcessAsUser with the thread "
                         "token " +
                         thread->name +
                         ", which needs \"Replace a process "
                         "level token\" for " +
                         process.name +
                         "; it does not hold it, so the call fails (ERROR_PRIVILEGE_NOT_HELD) "
                         "and no child starts.",
                     {{"F3.91", "F2.15"}});
                warn("IISID-EXPLAIN-CPAU-PRIVILEGE", Severity::Medium,
                     "CreateProcessAsUser fails: " + process.name +
                         " lacks \"Replace a process level token\".",
                     {{"F3.91", "F2.15"}});
                return;
            }
            r.identities.child = thread->name;
            const bool assumedRight =
                (process.kind == TokenKind::PoolIdentity && !e.canReplaceProcessTokenExplicit) ||
                iwamRightAssumed(process);
            step(Stage::ChildProcess,
                 whoText +
                     " turns the thread token into a primary token (DuplicateTokenEx) and "
                     "calls CreateProcessAsUser: the child runs as " +
                     thread->name + "." +
                     (assumedRight ? " " + process.name +
                                         " is assumed to hold \"Replace a process level token\"."
                                   : std::string()),
                 assumedRight ? Facts{{"F3.91", "F3.90", "F3.23"}} : Facts{{"F3.91", "F3.90"}},
                 assumedRight ? Confidence::Unconfirmed : Confidence::Confirmed,
                 assumedRight ? "Whether " + process.name +
                                    " holds \"Replace a process level token\" by default is "
                                    "unconfirmed."
                              : std::string());
            return;
        }
        if (e.handler == HandlerKind::FastCgi && e.action != Action::CreateProcessAsUser &&
            who == "PHP") {
            if (thread) {
                r.identities.child = thread->name;
                step(Stage::ChildProcess,
                     "PHP's Windows popen (behind exec, system, shell_exec) sees the "
                     "impersonation token, duplicates it and calls CreateProcessAsUserW: the "
                     "child runs as " +
                         thread->name + ".",
                     {{"F3.36"}}, Confidence::Partial,
                     "Confirmed in PHP's source for popen; which PHP functions route through it, "
                     "and since which version, is unconfirmed.");
            } else {
                r.identities.child = process.name;
                step(Stage::ChildProcess,
                     "PHP's Windows popen finds no impersonation token and calls CreateProcessW: "
                     "the child runs as the php-cgi process identity " +
                         process.name + ".",
                     {{"F3.36", "F3.90"}});
            }
            return;
        }
        r.identities.child = process.name;
        std::string text =
            whoText +
            " starting a program with CreateProcess (Process.Start, WScript.Shell.Run, "
            "system()) gives the child the process token, " +
            process.name + ", ";
        text += thread ? "not the impersonation token " + thread->name +
                             ": CreateProcessAsUser with the thread token would be needed."
                       : std::string("since nothing is impersonated.");
        Facts facts = thread ? Facts{{"F3.90", "F3.91"}} : Facts{{"F3.90"}};
        if ((e.handler == HandlerKind::Asp) && isIis5(e.version) &&
            process.kind == TokenKind::LocalSystem)
            facts = {{"F3.58", "F3.90"}};
        step(Stage::ChildProcess, std::move(text), facts);
    }

    void startChild() {
        if (e.handler == HandlerKind::IsapiFilter)
            return; // reported with the filter
        std::string who = "The code";
        if (e.handler == HandlerKind::FastCgi)
            who = "PHP";
        else if (e.handler == HandlerKind::Cgi)
            who = "The CGI program";
        else if (e.handler == HandlerKind::Static)
            who = "Code running here (a static file runs none),";
        childOf(*m_process, m_thread, who);
    }

    struct NetworkView {
        std::string name;
        Confidence confidence = Confidence::Confirmed;
        std::vector<std::string_view> facts;
        std::string why;
        std::string uncertainty;
    };

    NetworkView networkIdentity(const Token &token) const {
        const std::string machineAcct = machineAccount(e.domain, e.machine);
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
            if (isLocalAccount(token.name, e.machine))
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
            if (isLocalAccount(token.name, e.machine))
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
            if (e.kerberosDelegation)
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

    void networkOf(const Token &code, std::string_view who) {
        const NetworkView view = networkIdentity(code);
        r.identities.network = view.name;
        Step &s =
            step(Stage::Network,
                 std::string(who) + " reaching a file share or SQL Server off the box as " +
                     code.name + ": " + view.why + ", so the remote server sees " + view.name + ".",
                 {}, view.confidence, view.uncertainty);
        for (std::string_view id : view.facts)
            cite(s, id);
    }

    void reachNetwork() {
        if (e.handler == HandlerKind::IsapiFilter)
            return; // reported with the filter
        const Token code = m_thread ? *m_thread : *m_process;
        networkOf(code, e.handler == HandlerKind::Static ? "IIS" : "The code");
    }

    const EffectiveScenario &e;
    Resolution r;
    Token m_worker;
    std::string m_workerHost;
    std::string m_host;
    std::optional<Token> m_process;
    std::optional<Token> m_thread;
    std::optional<Token> m_authenticated;
    std::optional<Token> m_filterProcess;
    std::string m_filterHost;
};

} // namespace

Resolution resolve(const EffectiveScenario &scenario) {
    return Resolver(scenario).run();
}

Resolution resolve(const Scenario &scenario) {
    return resolve(effective(scenario));
}

} // namespace iisid
