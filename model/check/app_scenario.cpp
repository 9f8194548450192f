#include "app_scenario.h"

#include "model/settings.h"

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

std::string appName(const AppScenario &app) {
    if (app.path == "/")
        return app.site + "/";
    return app.site + app.path;
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
    target.locations[std::string(settingId)] = origin;
}

} // namespace iisid::check
