#include "handler_isapi_extension.h"

#include "stages.h"

namespace iisid {

bool IsapiExtensionRules::runExtension(Context &c, const Token &user, bool asp) {
    const EffectiveScenario &e = c.e;
    c.thread = user;
    const bool outOfProcess = e.iis5ProcessModel && c.workerHost == Host::Dllhost;
    std::string text =
        asp ? "Classic ASP is an ISAPI extension (asp.dll). IIS puts the authenticated "
              "token on the thread (ImpersonateLoggedOnUser) before calling it, and ASP "
              "always keeps it: the page runs as " +
                  user.name + "."
            : "IIS calls ImpersonateLoggedOnUser with the authenticated token before "
              "calling HttpExtensionProc: the extension runs as " +
                  user.name + ".";
    if (outOfProcess && user.kind == TokenKind::AnonymousAccount && isIis6(e.version)) {
        c.step(Stage::Handler, text + " The process is dllhost.exe as " + c.process->name + ".",
               {{"F2.12", "F3.10", "F3.50"}}, Confidence::Partial,
               "IIS 6 in IIS 5.0 isolation mode reuses the IIS 5 process model; the IIS 5 "
               "SDK's conflicting statement about the anonymous context of isolated "
               "applications (F2.04) was written for IIS 5.");
    } else if (outOfProcess && user.kind == TokenKind::AnonymousAccount) {
        c.step(Stage::Handler, text + " The process is dllhost.exe as " + c.process->name + ".",
               {{"F2.04", "F3.10", "F3.50"}}, Confidence::Conflict,
               "The IIS 5 SDK's \"Passing Security Context\" says the anonymous context of "
               "an isolated application is IWAM_<machine>, while KB 248187 says ASP runs as "
               "the impersonated anonymous user; shown as thread = IUSR, process = IWAM.");
    } else if (isIis6(e.version) && c.contentOnShare() && e.connectAs) {
        // ASP.NET on such a virtual directory impersonates the UNC token (F3.66); no source says
        // what an ISAPI extension's thread holds there, so the general rule is shown, unsure.
        c.step(Stage::Handler,
               text + " (The content is on a share with the configured UNC account " +
                   c.qualify(*e.connectAs) + ".)",
               asp ? Facts{{"F3.50", "F0.03", "F2.51"}} : Facts{{"F3.10", "F0.03", "F2.51"}},
               Confidence::Partial,
               "No source says which token an ISAPI extension's thread holds when the content "
               "is on a UNC share with a configured account: ASP.NET is reported to impersonate "
               "the UNC account there (F3.66), while the general rule (shown) puts the "
               "authenticated user on the thread.");
    } else if (isIis7Plus(e.version) && !asp) {
        c.step(Stage::Handler, std::move(text), {{"F3.10", "F0.05"}}, Confidence::Partial,
               "The ISAPI rule is documented for IIS 5 and 6; for IIS 7+ only the general "
               "\"impersonating handler\" rule was found.");
    } else if (asp) {
        c.step(Stage::Handler, std::move(text),
               isIis7Plus(e.version) ? Facts{{"F3.50", "F3.51"}} : Facts{{"F3.50", "F0.03"}});
    } else {
        c.step(Stage::Handler, std::move(text), {{"F3.10", "F0.03"}});
    }
    return true;
}

ContentRead IsapiExtensionRules::contentRead(const Context &c) const {
    return requestedFileRead(c, {{"F3.40", "F4.06", "F1.64"}});
}

const HandlerRules &isapiExtensionRules() {
    static const IsapiExtensionRules rules;
    return rules;
}

} // namespace iisid
