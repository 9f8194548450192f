// The "ASP" group: Classic ASP's runOnEndAnonymously.

#include "settings_catalogue.h"

namespace iisid::catalogue {

std::vector<Setting> aspSettings() {
    Setting onEnd = boolSetting({"asp.runOnEndAnonymously", group::asp, "Run On End Anonymously",
                                 "<asp runOnEndAnonymously>, IIS 6+: Session_OnEnd and "
                                 "Application_OnEnd run as the anonymous user (default true).",
                                 "F3.53"},
                                field::runOnEndAnonymously);
    onEnd.problem = [](const Scenario &s) -> Reason {
        if (!isIis5(version(s)))
            return std::nullopt;
        return std::string("IIS 5.x has no runOnEndAnonymously; Session_OnEnd runs as the "
                           "process identity there");
    };
    onEnd.inactiveReason = [](const Scenario &s) -> Reason {
        if (Reason r = unlessHandler(s, HandlerKind::Asp))
            return r;
        if (isIis5(version(s)))
            return std::string("IIS 5.x has no runOnEndAnonymously");
        if (field::action.value(s) != Action::SessionOnEnd)
            return std::string("only used when the code in question is Session_OnEnd");
        return std::nullopt;
    };
    std::vector<Setting> list;
    list.push_back(std::move(onEnd));
    return list;
}

} // namespace iisid::catalogue
