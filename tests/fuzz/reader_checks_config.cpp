// The fuzz checks of the IIS 6 metabase and php.ini readers (reader_checks.h).
#include "reader_checks.h"

#include "model/config/metabase.h"
#include "model/config/metabase_effective.h"
#include "model/config/php_ini.h"
#include "model/text_encoding.h"

#include <algorithm>
#include <vector>

namespace iisid::fuzz {

namespace {

/// The last line a position may name: every LF and every CR may end a line.
int lineBound(std::string_view input) {
    return 1 + static_cast<int>(std::count(input.begin(), input.end(), '\n') +
                                std::count(input.begin(), input.end(), '\r'));
}

std::string checkPlace(const SourceLocation &location, int lines, bool needLine,
                       const std::string &what) {
    if (location.line < 0 || location.line > lines || location.column < 0)
        return what + " outside the input: " + location.toString();
    if (needLine && (location.line < 1 || location.column < 1))
        return what + " without a place: " + location.toString();
    return {};
}

std::string checkErrors(const std::vector<Diagnostic> &errors, int lines) {
    if (errors.empty())
        return "a failure without diagnostics";
    for (const Diagnostic &d : errors) {
        if (d.message.empty())
            return "a diagnostic without a message at " + d.location.toString();
        if (checkUtf8(d.message, {}))
            return "a diagnostic message that is not UTF-8: " + d.toString();
        if (std::string wrong = checkPlace(d.location, lines, true, "a diagnostic"); !wrong.empty())
            return wrong;
    }
    return {};
}

std::string checkValue(const config::EffectiveValue &value, int lines) {
    return checkPlace(value.location, lines, value.isSet(), "value " + value.text);
}

std::string checkSettings(const config::MetabaseSettings &s, int lines) {
    for (const config::EffectiveValue *value :
         {&s.appPoolId, &s.appIsolated, &s.appRoot, &s.anonymousUserName, &s.anonymousUserPass,
          &s.authFlags, &s.ntAuthenticationProviders, &s.uncUserName, &s.uncPassword, &s.path,
          &s.createProcessAsUser, &s.accessFlags, &s.scriptMaps, &s.aspRunOnEndAnonymously}) {
        if (std::string wrong = checkValue(*value, lines); !wrong.empty())
            return wrong;
    }
    if (!s.anonymousUserPass.secret || !s.uncPassword.secret)
        return "a password not marked secret at " + s.key;
    if (!s.scriptMapList)
        return "no script map list at " + s.key;
    for (const config::ScriptMap &map : *s.scriptMapList) {
        if (std::string wrong = checkPlace(map.location, lines, true, "script map " + map.raw);
            !wrong.empty())
            return wrong;
    }
    return {};
}

} // namespace

std::string checkMetabase(std::string_view input) {
    const int lines = lineBound(input);
    const Result<config::Metabase> read = config::readMetabase(input, "fuzz.xml");
    if (!read)
        return checkErrors(read.errors(), lines);
    (void)config::looksLikeMetabase(input);
    const config::MetabaseServer server = config::describeMetabase(*read);
    for (const Diagnostic &d : server.warnings) {
        if (checkUtf8(d.message, {}))
            return "a warning that is not UTF-8: " + d.toString();
    }
    if (std::string wrong = checkSettings(server.service, lines); !wrong.empty())
        return wrong;
    for (const config::MetabaseSite &site : server.sites) {
        if (std::string wrong = checkSettings(site.settings, lines); !wrong.empty())
            return wrong;
        if (site.applications.empty() || site.applications.front().urlPath != "/")
            return "site " + site.key + " without its root application";
        for (const config::MetabaseApplication &app : site.applications) {
            if (std::string wrong = checkSettings(app.settings, lines); !wrong.empty())
                return wrong;
        }
    }
    for (const config::MetabasePool &pool : server.pools) {
        if (!pool.wamUserPass.secret)
            return "WAMUserPass not marked secret at " + pool.key;
        if (std::string wrong = checkValue(pool.identityType, lines); !wrong.empty())
            return wrong;
    }
    return {};
}

std::string checkPhpIni(std::string_view input) {
    const int lines = lineBound(input);
    (void)config::looksLikePhpIni(input);
    for (config::HashComments reading :
         {config::HashComments::BeforePhp7, config::HashComments::FromPhp7}) {
        const Result<config::PhpIni> read = config::readPhpIni(input, "php.ini", reading);
        if (!read)
            return checkErrors(read.errors(), lines);
        for (const config::PhpIniEntry &entry : read->entries) {
            if (entry.name.empty())
                return "an entry without a name";
            if (std::string wrong = checkPlace(entry.location, lines, true, entry.name);
                !wrong.empty())
                return wrong;
            if (std::string wrong = checkPlace(entry.valueLocation, lines, true, entry.name);
                !wrong.empty())
                return wrong;
            const config::PhpIniEntry *last = read->find(entry.name);
            if (entry.scope == config::IniScope::Global && !last)
                return "find misses " + entry.name;
        }
        const std::string_view firstLine = input.substr(0, input.find('\n'));
        const config::PhpCgiLaunch launch{"C:\\PHP\\php-cgi.exe", std::string(firstLine), {}, {}};
        const std::vector<std::string> given{"C:\\PHP\\php.ini", "C:\\Windows\\php.ini"};
        const config::PhpIniChoice choice = config::choosePhpIni(launch, given);
        if (choice.kind == config::PhpIniChoiceKind::Given && choice.index >= given.size())
            return "choosePhpIni chose a file it was not given";
        const config::EffectiveDirective impersonate =
            config::effectiveDirective(&*read, choice.defines, "fastcgi.impersonate");
        (void)config::iniBoolean(impersonate.value);
    }
    return {};
}

} // namespace iisid::fuzz
