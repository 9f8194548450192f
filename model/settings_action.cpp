// The "What the code does" group: the action after the handler runs, or the code to ask about.

#include "settings_catalogue.h"

namespace iisid::catalogue {

Setting actionSetting() {
    return choiceSetting(
        {"action", group::action, "What the code does",
         "What the code does after the handler runs (start a process, call RevertToSelf, run "
         "impersonated), or which code to ask about instead of the page: Application_Start, "
         "Session_OnEnd, an ASP.NET module in BeginRequest.",
         "F3.13 F3.58 F3.64 F3.71 F3.90"},
        field::action);
}

} // namespace iisid::catalogue
