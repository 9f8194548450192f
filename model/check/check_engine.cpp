#include "check_engine.h"

#include "apphost_apps.h"
#include "findings.h"
#include "identity_map.h"
#include "metabase_apps.h"
#include "model/config/config_file.h"
#include "model/config/effective_config.h"
#include "model/config/metabase.h"
#include "model/config/metabase_effective.h"
#include "model/config/metabase_xml_text.h"
#include "model/config/php_ini.h"

#include <algorithm>

namespace iisid::check {

namespace {

bool startsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

/// The first element's name after the XML declaration, comments and a DOCTYPE, or "" when the
/// text is not XML (does not start with '<' after white space and a BOM: an INI file may hold
/// a '<' in a comment); `at` is left on the element's '<'.
std::string_view rootElement(std::string_view text, std::size_t &at) {
    at = text.find_first_not_of(" \t\r\n");
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        at = text.find_first_not_of(" \t\r\n", 3);
    if (at == std::string_view::npos || text[at] != '<')
        return {};
    while (at < text.size()) {
        at = text.find('<', at);
        if (at == std::string_view::npos)
            return {};
        const std::string_view rest = text.substr(at);
        if (startsWith(rest, "<?") || startsWith(rest, "<!")) {
            const std::size_t end =
                startsWith(rest, "<!--") ? text.find("-->", at) : text.find('>', at);
            if (end == std::string_view::npos)
                return {};
            at = end + 1;
            continue;
        }
        std::size_t end = at + 1;
        while (end < text.size() && text[end] != ' ' && text[end] != '>' && text[end] != '/' &&
               text[end] != '\t' && text[end] != '\r' && text[end] != '\n')
            ++end;
        return text.substr(at + 1, end - at - 1);
    }
    return {};
}

CheckInput inputRow(const CheckInputFile &file, InputKind kind) {
    CheckInput row;
    row.file = file.name;
    row.kind = std::string(toString(kind));
    return row;
}

std::string versionText(IisVersion version) {
    return std::string(toString(version));
}

} // namespace

std::string_view toString(InputKind kind) {
    switch (kind) {
    case InputKind::ApplicationHost:
        return "applicationHost";
    case InputKind::WebConfig:
        return "webConfig";
    case InputKind::Metabase:
        return "metabase";
    case InputKind::PhpIni:
        return "phpIni";
    case InputKind::Unknown:
        return "skipped";
    }
    return "skipped";
}

DetectedInput detectInput(std::string_view bytes) {
    Result<std::string> text = config::decodeConfigText(bytes, "");
    if (!text)
        return {InputKind::Unknown, bytes.find('\0') != std::string_view::npos
                                        ? "binary data, not a configuration file"
                                        : "not UTF-8 or UTF-16 text"};
    const std::string &utf8 = *text;
    if (config::looksLikeMetabase(utf8))
        return {InputKind::Metabase, {}};
    std::size_t rootAt = 0;
    const std::string_view root = rootElement(utf8, rootAt);
    if (root == "configuration") {
        const bool appHost = utf8.find("<system.applicationHost") != std::string::npos;
        return {appHost ? InputKind::ApplicationHost : InputKind::WebConfig, {}};
    }
    if (!root.empty()) {
        const std::string_view before = std::string_view(utf8).substr(0, rootAt);
        const std::size_t lineStart = before.rfind('\n');
        return {InputKind::Unknown,
                "an XML file whose root is <" + std::string(root) + ">, not an IIS <configuration>",
                static_cast<int>(std::count(before.begin(), before.end(), '\n')) + 1,
                static_cast<int>(lineStart == std::string_view::npos ? rootAt + 1
                                                                     : rootAt - lineStart)};
    }
    if (config::looksLikePhpIni(utf8))
        return {InputKind::PhpIni, {}};
    const std::size_t first = utf8.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (first != std::string::npos && (utf8[first] == '{' || utf8[first] == '['))
        return {InputKind::Unknown,
                utf8.find("iisid-scenario/") != std::string::npos ? "a scenario file (use "
                                                                    "iisid explain)"
                : utf8.find("iisid-lesson/") != std::string::npos ? "a lesson file"
                                                                  : "a JSON file"};
    return {InputKind::Unknown, "not an IIS configuration file"};
}

namespace {
/// The check stopped by its progress callback: not an input's fault, so no position.
Diagnostic cancelledCheck() {
    Diagnostic diagnostic;
    diagnostic.message = "check cancelled";
    return diagnostic;
}
} // namespace

Result<CheckRun> runCheck(std::vector<CheckInputFile> files, const CheckOptions &options) {
    CheckRun run;
    run.report.toolVersion = options.toolVersion;
    std::vector<config::InputFile> iis7Files;
    std::vector<std::size_t> iis7Rows;
    const CheckInputFile *metabaseFile = nullptr;
    std::size_t metabaseRow = 0;
    std::vector<config::PhpIni> phpInis;
    std::vector<Diagnostic> errors;
    bool appHostGiven = false;

    for (CheckInputFile &file : files) {
        const DetectedInput detected = detectInput(file.bytes);
        switch (detected.kind) {
        case InputKind::Unknown: {
            if (file.named) {
                errors.push_back(
                    {SourceLocation{file.name, detected.line, detected.column},
                     "not an IIS configuration file: it looks like " + detected.looksLike});
                break;
            }
            CheckInput row = inputRow(file, InputKind::Unknown);
            row.reason = detected.looksLike;
            run.report.inputs.push_back(std::move(row));
            break;
        }
        case InputKind::ApplicationHost:
        case InputKind::WebConfig:
            appHostGiven = appHostGiven || detected.kind == InputKind::ApplicationHost;
            iis7Rows.push_back(run.report.inputs.size());
            run.report.inputs.push_back(inputRow(file, detected.kind));
            iis7Files.push_back({file.name, file.localPath, std::move(file.bytes)});
            break;
        case InputKind::Metabase:
            if (metabaseFile) {
                errors.push_back({SourceLocation{file.name, 0, 0},
                                  "a second MetaBase.xml (" + metabaseFile->name +
                                      " was given first): check one server at a time"});
                break;
            }
            metabaseFile = &file;
            metabaseRow = run.report.inputs.size();
            run.report.inputs.push_back(inputRow(file, detected.kind));
            break;
        case InputKind::PhpIni: {
            Result<config::PhpIni> ini = config::readPhpIni(file.bytes, file.name);
            if (!ini) {
                errors.insert(errors.end(), ini.errors().begin(), ini.errors().end());
                break;
            }
            run.report.inputs.push_back(inputRow(file, detected.kind));
            phpInis.push_back(std::move(ini).value());
            // Tied to FastCGI applications by the Windows folder it lies in (check-format.md).
            for (const config::PathMapping &mapping : options.maps) {
                if (std::optional<std::string> windows =
                        config::mappedWindowsPath(file.localPath, mapping)) {
                    phpInis.back().windowsPath = std::move(*windows);
                    break;
                }
            }
            break;
        }
        }
    }
    // With a metabase, a <configuration> without <system.applicationHost> may be the server's
    // machine.config (its <processModel> is the IIS 5 process model's ASP.NET account); an
    // applicationHost.config is another server.
    if (metabaseFile && appHostGiven)
        errors.push_back({SourceLocation{metabaseFile->name, 0, 0},
                          "an IIS 6 MetaBase.xml and IIS 7+ configuration files in one check: "
                          "check one server at a time"});
    if (!errors.empty())
        return errors;

    std::vector<CheckPool> pools;
    std::unique_ptr<config::ConfigSet> set;
    std::optional<config::MetabaseServer> metabase;
    IisVersion version = IisVersion::V10_0;
    std::string versionFrom = "default";
    if (metabaseFile) {
        Result<config::Metabase> read =
            config::readMetabase(metabaseFile->bytes, metabaseFile->name);
        if (!read)
            return read.errors();
        metabase = config::describeMetabase(*read);
        for (const config::InputFile &machine : iis7Files) {
            Result<std::unique_ptr<config::ConfigFile>> file =
                config::readConfigFile(machine.bytes, machine.name);
            if (!file)
                return file.errors();
            std::optional<config::AspNetProcessModel> model = machineProcessModel(**file);
            if (!model)
                return Diagnostic{SourceLocation{machine.name, 0, 0},
                                  "not a machine.config (no <system.web><processModel>): with an "
                                  "IIS 6 MetaBase.xml only the server's machine.config is read"};
            if (!metabase->aspNetProcessModel)
                metabase->aspNetProcessModel = std::move(model);
        }
        MetabaseApps apps = metabaseApps(*metabase);
        run.applications = std::move(apps.applications);
        pools = std::move(apps.pools);
        version = metabase->iisVersion;
        versionFrom =
            metabase->iisVersionFrom.line > 0 ? "inferred: MajorIIsVersionNumber" : "default";
        iis7Rows.push_back(metabaseRow); // the machine.config rows, then the metabase's
        for (std::size_t row : iis7Rows) {
            run.report.inputs[row].iisVersion = versionText(version);
            run.report.inputs[row].versionFrom = versionFrom;
        }
    } else if (!iis7Files.empty()) {
        config::ConfigSetOptions setOptions;
        if (options.iisVersion) {
            const std::optional<config::SchemaVersion> asked = configVersion(*options.iisVersion);
            if (!asked)
                return Diagnostic{SourceLocation{iis7Files.front().name, 0, 0},
                                  "--iis-version " + versionText(*options.iisVersion) +
                                      " has no applicationHost.config: IIS 5 and 6 keep their "
                                      "configuration in MetaBase.xml"};
            setOptions.version = asked;
        }
        setOptions.mappings = options.maps;
        Result<std::unique_ptr<config::ConfigSet>> read =
            config::ConfigSet::read(std::move(iis7Files), setOptions);
        if (!read)
            return read.errors();
        set = std::move(read).value();
        AppHostApps apps = appHostApps(*set, phpInis);
        run.applications = std::move(apps.applications);
        pools = std::move(apps.pools);
        version = modelVersion(set->version());
        versionFrom = set->versionFrom();
        for (std::size_t row : iis7Rows) {
            run.report.inputs[row].iisVersion = versionText(version);
            run.report.inputs[row].versionFrom = versionFrom;
        }
    }

    std::optional<IdentityRows> identities = identityRows(run.applications, options.progress);
    if (!identities)
        return cancelledCheck();
    std::vector<CheckApplication> rows = std::move(identities->rows);
    run.resolutionsAsked = identities->asked;
    run.resolutionsComputed = identities->computed;
    run.resolvingSeconds = std::chrono::duration<double>(identities->resolving).count();

    FindingList found;
    {
        std::vector<const config::PhpIni *> iniPointers;
        for (const config::PhpIni &ini : phpInis)
            iniPointers.push_back(&ini);
        const CheckContext context{set.get(),
                                   metabase ? &*metabase : nullptr,
                                   iniPointers,
                                   run.applications,
                                   rows,
                                   pools,
                                   version,
                                   versionFrom,
                                   set ? configurationPaths(*set) : std::vector<ConfigPath>()};
        found = unsortedFindings(context);
    }
    // The rules were the files' last readers: the parsed files (on 20,000 sites some 100 MB)
    // go before the findings are sorted into the report, which holds them twice for a moment.
    set.reset();
    metabase.reset();
    run.report.findings = sortedFindings(std::move(found));
    run.report.pools = std::move(pools);
    run.report.applications = std::move(rows);
    return run;
}

const AppScenario *findApplication(const CheckRun &run, std::string_view name) {
    auto same = [](std::string_view a, std::string_view b) {
        return a.size() == b.size() &&
               std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
                   return std::tolower(static_cast<unsigned char>(x)) ==
                          std::tolower(static_cast<unsigned char>(y));
               });
    };
    for (const AppScenario &app : run.applications) {
        if (same(appName(app), name) || (app.path == "/" && same(app.site, name)))
            return &app;
    }
    return nullptr;
}

} // namespace iisid::check
