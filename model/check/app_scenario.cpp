#include "app_scenario.h"

#include "model/settings.h"

#include <algorithm>

namespace iisid::check {

std::string_view checkKindName(HandlerKind kind) {
    switch (kind) {
    case HandlerKind::Static:
        return "static";
    case HandlerKind::Asp:
        return "asp";
    case HandlerKind::AspNet:
        return "aspnet";
    case HandlerKind::AspNetCore:
        return "aspnetcore";
    case HandlerKind::Cgi:
        return "cgi";
    case HandlerKind::FastCgi:
        return "fastcgi";
    case HandlerKind::IsapiExtension:
    case HandlerKind::IsapiFilter:
        return "isapi";
    }
    return "static";
}

void sortApplications(std::vector<AppScenario> &applications) {
    const auto before = [](const AppScenario &a, const AppScenario &b) {
        return a.siteId != b.siteId ? a.siteId < b.siteId : a.path < b.path;
    };
    if (!std::is_sorted(applications.begin(), applications.end(), before))
        std::stable_sort(applications.begin(), applications.end(), before);
}

std::string appName(const AppScenario &app) {
    return appName(app.site, app.path);
}

std::string appName(std::string_view site, std::string_view path) {
    std::string name(site);
    name += path;
    return name;
}

void writeUnknowns(LoadedScenario &target) {
    const Scenario &s = target.scenario;
    writeSetting(target, "content.readableBy", SettingValue(unknown), {});
    // A named anonymous account logs on with its stored password (IIS 7+: not the built-in IUSR,
    // not "" = the pool identity); IIS 5/6's IUSR_<machine> has one too.
    const EffectiveScenario e = effective(s);
    const bool storedPassword =
        !isIis7Plus(e.version) || (!e.anonymousUserName.empty() && e.anonymousUserName != "IUSR" &&
                                   e.anonymousUserName != "NT AUTHORITY\\IUSR");
    if (storedPassword)
        writeSetting(target, "authentication.anonymous.passwordValid", SettingValue(unknown), {});
    if (s.content.connectAs)
        writeSetting(target, "content.connectAsPasswordValid", SettingValue(unknown), {});
}

void writeSetting(LoadedScenario &target, std::string_view settingId, const SettingValue &value,
                  const SourceLocation &origin) {
    const Setting *setting = findSetting(settingId);
    if (!setting)
        return;
    setting->set(target.scenario, value);
    // No place in the files (a default, an unknown) reads the same as no entry to every reader
    // of the locations (settingOrigin, the rules, checkScenario), so none is kept: on 60,000
    // applications the empty ones were most of the entries (issue 7 §6).
    if (origin == SourceLocation{}) {
        if (const auto found = target.locations.find(settingId); found != target.locations.end())
            target.locations.erase(found);
        return;
    }
    target.locations.insert_or_assign(std::string(settingId), origin);
}

std::string settingOrigin(const SettingLocations &locations, const std::string &settingId,
                          const SettingValue &value) {
    if (std::holds_alternative<Unknown>(value))
        return "not in the configuration files";
    const auto found = locations.find(settingId);
    if ((settingId == "server.machine" || settingId == "server.domain") &&
        (found == locations.end() || found->second.file.empty()))
        return "not in the configuration files (a placeholder name)";
    if (found == locations.end() || found->second.file.empty())
        return "IIS default for the version";
    return found->second.toString();
}

} // namespace iisid::check
