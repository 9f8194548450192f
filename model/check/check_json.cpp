#include "check_json.h"

#include "check_summary.h"
#include "redact.h"

#include <array>
#include <charconv>
#include <vector>

namespace iisid::check {

namespace {

/// Writes JSON text as nlohmann::ordered_json::dump(2) lays it out (two-space indent, "key":
/// value, "[]" and "{}" when empty, control characters escaped, UTF-8 kept), straight from the
/// report: no document tree, no copies of the strings (issue 7 §6: on 60,000 applications the
/// tree cost more than the check). Every string value passes through redact(), as
/// redactStrings() did for the tree; keys are the contract's and are not redacted.
class JsonWriter {
public:
    JsonWriter(const JsonSink &sink, bool showSecrets)
        : m_sink(sink)
        , m_show(showSecrets) {
        m_buffer.reserve(flushAt + 4096);
    }

    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }

    /// The next member's key of the object being written: one of the contract's names, plain
    /// ASCII letters that need no escaping, so written as they are.
    JsonWriter &key(std::string_view name) {
        separate();
        m_buffer += '"';
        m_buffer += name;
        m_buffer += "\": ";
        m_keyWritten = true;
        return *this;
    }

    void string(std::string_view text) {
        separate();
        m_buffer += '"';
        if (m_show)
            escapedChars(text);
        else
            redactPieces(text, [this](std::string_view piece) { escapedChars(piece); });
        m_buffer += '"';
    }
    /// An absent text is written as null.
    void maybe(const std::optional<std::string> &text) {
        if (text)
            string(*text);
        else
            null();
    }
    /// An empty text is written as null.
    void stringOrNull(const std::string &text) {
        if (text.empty())
            null();
        else
            string(text);
    }
    void null() {
        separate();
        m_buffer += "null";
    }
    void boolean(bool value) {
        separate();
        m_buffer += value ? "true" : "false";
    }
    template <typename Integer> void integer(Integer value) {
        separate();
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
        m_buffer.append(digits, end);
    }
    /// A line or column: null when not known (0).
    void lineOrNull(int line) {
        if (line > 0)
            integer(line);
        else
            null();
    }

    /// Writes what is left (call once, at the end).
    void finish() {
        m_buffer += '\n';
        m_sink(m_buffer);
        m_buffer.clear();
    }

private:
    static constexpr std::size_t flushAt = 1 << 16;
    /// The characters a JSON string cannot hold as they are: controls, '"' and '\\'.
    static constexpr std::array<bool, 256> mustEscape = [] {
        std::array<bool, 256> table{};
        for (std::size_t c = 0; c < table.size(); ++c)
            table[c] = c <= 0x1F || c == '"' || c == '\\';
        return table;
    }();

    struct Level {
        bool empty = true;
    };

    void open(char bracket) {
        separate();
        m_buffer += bracket;
        m_levels.push_back({});
    }
    void close(char bracket) {
        const bool empty = m_levels.back().empty;
        m_levels.pop_back();
        if (!empty) {
            m_buffer += '\n';
            indent();
        }
        m_buffer += bracket;
        if (m_buffer.size() >= flushAt) {
            m_sink(m_buffer);
            m_buffer.clear();
        }
    }
    /// Before a value or a key: the comma and line break of the container, unless the value
    /// follows its key.
    void separate() {
        if (m_keyWritten) {
            m_keyWritten = false;
            return;
        }
        if (m_levels.empty())
            return;
        Level &level = m_levels.back();
        m_buffer += level.empty ? "\n" : ",\n";
        level.empty = false;
        indent();
    }
    void indent() { m_buffer.append(2 * m_levels.size(), ' '); }

    /// The characters of a string value, escaped, without its quotes.
    void escapedChars(std::string_view text) {
        std::size_t kept = 0; // the start of the run of characters copied as they are
        for (std::size_t i = 0; i < text.size(); ++i) {
            const auto c = static_cast<unsigned char>(text[i]);
            if (!mustEscape[c])
                continue;
            m_buffer.append(text.substr(kept, i - kept));
            kept = i + 1;
            switch (c) {
            case '\b':
                m_buffer += "\\b";
                break;
            case '\t':
                m_buffer += "\\t";
                break;
            case '\n':
                m_buffer += "\\n";
                break;
            case '\f':
                m_buffer += "\\f";
                break;
            case '\r':
                m_buffer += "\\r";
                break;
            case '"':
                m_buffer += "\\\"";
                break;
            case '\\':
                m_buffer += "\\\\";
                break;
            default: {
                constexpr char hex[] = "0123456789abcdef";
                m_buffer += "\\u00";
                m_buffer += hex[(c >> 4) & 0xF];
                m_buffer += hex[c & 0xF];
            }
            }
        }
        m_buffer.append(text.substr(kept));
    }

    const JsonSink &m_sink;
    bool m_show;
    std::string m_buffer;
    std::vector<Level> m_levels;
    bool m_keyWritten = false;
};

void identities(JsonWriter &out, const std::optional<RequestIdentities> &request) {
    if (!request) {
        out.null();
        return;
    }
    out.beginObject();
    out.key("http").string(request->http);
    out.key("code").maybe(request->code);
    out.key("content").maybe(request->content);
    out.key("child").maybe(request->child);
    out.key("network").maybe(request->network);
    out.key("confidence").string(toString(request->confidence));
    // Not in the contract's example: what the files cannot tell, only where there is something.
    if (!request->dependsOn.empty()) {
        out.key("dependsOn").beginArray();
        for (const std::string &dependency : request->dependsOn)
            out.string(dependency);
        out.endArray();
    }
    out.endObject();
}

void inputJson(JsonWriter &out, const CheckInput &input) {
    out.beginObject();
    out.key("file").string(input.file);
    out.key("kind").string(input.kind);
    if (!input.iisVersion.empty()) {
        out.key("iisVersion").string(input.iisVersion);
        out.key("iisVersionFrom").stringOrNull(input.versionFrom);
    }
    if (!input.reason.empty())
        out.key("reason").string(input.reason);
    out.endObject();
}

void poolJson(JsonWriter &out, const CheckPool &pool) {
    out.beginObject();
    out.key("name").string(pool.name);
    out.key("identityType").string(pool.identityType);
    out.key("identity").maybe(pool.identity);
    out.key("userName").maybe(pool.userName);
    out.key("pipeline").string(pool.pipeline);
    out.key("runtime").string(pool.runtime);
    out.key("loadUserProfile");
    if (pool.loadUserProfile)
        out.boolean(*pool.loadUserProfile);
    else
        out.null();
    out.key("file").stringOrNull(pool.location.file);
    out.key("line").lineOrNull(pool.location.line);
    out.endObject();
}

void applicationJson(JsonWriter &out, const CheckApplication &application) {
    out.beginObject();
    out.key("site").string(application.site);
    out.key("siteId").integer(application.siteId);
    out.key("path").string(application.path);
    out.key("physicalPath").string(application.physicalPath);
    out.key("pool").string(application.pool);
    out.key("worker").maybe(application.worker);
    const CheckAuthentication &auth = application.authentication;
    out.key("authentication").beginObject();
    out.key("anonymous").boolean(auth.anonymous);
    out.key("anonymousIdentity").maybe(auth.anonymousIdentity);
    out.key("basic").boolean(auth.basic);
    out.key("digest").boolean(auth.digest);
    out.key("windows").boolean(auth.windows);
    out.key("clientCertificate").boolean(auth.clientCertificate);
    out.endObject();
    out.key("aspnetImpersonate").boolean(application.aspnetImpersonate);
    out.key("handlers").beginArray();
    for (const CheckHandler &handler : application.handlers) {
        out.beginObject();
        out.key("kind").string(handler.kind);
        out.key("path").string(handler.path);
        out.key("name").string(handler.name);
        out.key("anonymous");
        identities(out, handler.anonymous);
        out.key("authenticated");
        identities(out, handler.authenticated);
        out.endObject();
    }
    out.endArray();
    out.key("file").stringOrNull(application.location.file);
    out.key("line").lineOrNull(application.location.line);
    out.endObject();
}

void findingJson(JsonWriter &out, const CheckFinding &checkFinding) {
    const Finding &finding = checkFinding.finding;
    out.beginObject();
    out.key("rule").string(finding.rule);
    out.key("severity").string(toString(finding.severity));
    out.key("status").string(toString(finding.status));
    out.key("message").string(finding.message);
    out.key("file").stringOrNull(finding.location.file);
    out.key("line").lineOrNull(finding.location.line);
    out.key("column").lineOrNull(finding.location.column);
    out.key("site").stringOrNull(checkFinding.site);
    out.key("path").stringOrNull(checkFinding.path);
    out.key("cis").stringOrNull(checkFinding.cis);
    out.key("fix").stringOrNull(finding.fix);
    out.key("source").stringOrNull(checkFinding.source);
    out.endObject();
}

} // namespace

void writeCheckJson(const CheckReport &report, bool showSecrets, const JsonSink &sink) {
    JsonWriter out(sink, showSecrets);
    out.beginObject();
    out.key("format").string("iisid-check/1");
    out.key("tool").beginObject();
    out.key("name").string("iisid");
    out.key("version").string(report.toolVersion);
    out.endObject();
    out.key("inputs").beginArray();
    for (const CheckInput &input : report.inputs)
        inputJson(out, input);
    out.endArray();
    out.key("pools").beginArray();
    for (const CheckPool &pool : report.pools)
        poolJson(out, pool);
    out.endArray();
    out.key("applications").beginArray();
    for (const CheckApplication *application : orderedApplications(report))
        applicationJson(out, *application);
    out.endArray();
    out.key("findings").beginArray();
    for (const CheckFinding &finding : report.findings)
        findingJson(out, finding);
    out.endArray();
    out.key("summary").beginObject();
    out.key("applications").integer(report.applications.size());
    out.key("pools").integer(report.pools.size());
    out.key("findings").beginObject();
    const auto bySeverity = countBySeverity(report);
    for (Severity severity : allSeverities)
        out.key(toString(severity)).integer(bySeverity[static_cast<std::size_t>(severity)]);
    out.endObject();
    out.endObject();
    out.endObject();
    out.finish();
}

std::string checkJson(const CheckReport &report, bool showSecrets) {
    std::string text;
    writeCheckJson(report, showSecrets, [&text](std::string_view piece) { text += piece; });
    return text;
}

} // namespace iisid::check
