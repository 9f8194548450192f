#include "stages.h"

#include "handler_rules.h"

namespace iisid {

bool readConfiguration(Context &c) {
    const EffectiveScenario &e = c.e;
    if (!isIis7Plus(e.version))
        return true;
    const bool share = c.contentOnShare();
    if (e.connectAs) {
        const Token reader{c.qualify(*e.connectAs), TokenKind::Configured};
        if (e.connectAsPasswordValid.isUnknown())
            c.dependOn("content.connectAsPasswordValid",
                       "whether the stored password of the Connect-as account " + reader.name +
                           " is right",
                       "if it is wrong: 500.19 (IIS cannot read web.config)");
        if (e.connectAsPasswordValid.is(false)) {
            c.fail(Stage::Configuration, 500, 19,
                   "IIS reads web.config in " + e.contentPath + " as the Connect-as account " +
                       reader.name +
                       ", whose stored password is wrong: the logon fails "
                       "(0x8007052e) and IIS cannot read the configuration.",
                   {{"F2.53", "F4.04", "F1.82"}}, Confidence::Partial,
                   "KB 942055 names 0x8007052e for a logon failure reading a remote web.config; "
                   "that a wrong Connect-as password produces it is an inference.");
            return false;
        }
        if (!c.canRead(reader, share, "500.19 (IIS cannot read web.config)")) {
            c.fail(Stage::Configuration, 500, 19,
                   "IIS reads web.config in " + e.contentPath + " as the Connect-as account " +
                       reader.name + ", which may not read it (readable by: " + c.readersText() +
                       "): 0x80070005, access denied.",
                   {{"F2.53", "F4.04", "F1.82"}});
            return false;
        }
        c.step(Stage::Configuration,
               "The virtual directory has \"Connect as\" " + reader.name +
                   ": IIS uses that account to read both the configuration (web.config) and "
                   "the content in " +
                   e.contentPath + ".",
               {{"F2.53", "F4.04", "F2.54"}});
        return true;
    }
    const Token &reader = c.worker;
    if (!c.canRead(reader, share, "500.19 (IIS cannot read web.config)")) {
        const std::string seen =
            share ? " (seen on the file server as " + c.networkIdentity(reader).name + ")"
                  : std::string();
        if (share) {
            c.fail(Stage::Configuration, 500, 19,
                   "No Connect-as account: pass-through. The worker process " + reader.name + seen +
                       " must read web.config on the share " + e.contentPath +
                       " and may not (readable by: " + c.readersText() +
                       "): 500.19, 0x80070005. Configure a Connect-as account, or grant the "
                       "machine account read on the share.",
                   {{"F2.56", "F2.55", "F4.01"}});
        } else {
            c.fail(Stage::Configuration, 500, 19,
                   "The worker process " + reader.name +
                       " (with IIS_IUSRS in its token) must read every content folder to look "
                       "for web.config files, even when requests are served as another "
                       "identity. It may not read " +
                       e.contentPath + " (readable by: " + c.readersText() +
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
                c.networkIdentity(reader).name + ", which needs read permission there.";
        c.step(Stage::Configuration, std::move(text), {{"F4.01", "F4.05", "F2.55"}});
    } else {
        c.step(Stage::Configuration, std::move(text), {{"F4.01", "F4.05"}});
    }
    return true;
}

bool validateIntegratedMode(Context &c) {
    const EffectiveScenario &e = c.e;
    if (!isIis7Plus(e.version) || e.pipeline != Pipeline::Integrated || !e.aspnetImpersonate ||
        !c.handler.usesSystemWeb())
        return true;
    const bool aspnet = c.handler.isAspNet();
    if (!e.validateIntegratedModeConfiguration) {
        // F3.71 concerns ASP.NET's own modules; other handlers are not affected by the switch.
        if (aspnet)
            c.step(Stage::Configuration,
                   "<identity impersonate=\"true\"/> in integrated mode with "
                   "validateIntegratedModeConfiguration=\"false\": IIS does not refuse the "
                   "configuration, but ASP.NET can only impersonate from PostAuthenticateRequest "
                   "on; modules in BeginRequest and AuthenticateRequest run as the process "
                   "identity.",
                   {{"F3.70", "F3.71"}});
        return true;
    }
    // F3.76: the validation is IIS's own (ConfigurationValidationModule, a native module with no
    // precondition) and concerns the application's configuration, so every request to the
    // application fails, whatever handler serves it.
    const std::string scope =
        aspnet ? std::string()
               : " The check is IIS's own (ConfigurationValidationModule, a native module with no "
                 "precondition) and concerns the application's web.config, so this " +
                     std::string(toString(e.handler)) +
                     " request fails too, although the handler never reads <identity>.";
    const std::string partialWhy =
        "IIS-VALID says IIS generates the migration error when the application's web.config "
        "specifies <identity impersonate=\"true\"/>; that requests served by other handlers "
        "fail as well follows from the module having no precondition.";
    if (e.aspnetUserName) {
        c.fail(Stage::Configuration, 500, 24,
               "<identity impersonate=\"true\" userName=\"" + *e.aspnetUserName +
                   "\"/> in the integrated pipeline with validation on: IIS refuses the "
                   "impersonation configuration with 500.24. Fix: set "
                   "<validation validateIntegratedModeConfiguration=\"false\"/> or use Classic "
                   "mode." +
                   scope,
               aspnet ? Facts{{"F3.70"}} : Facts{{"F3.70", "F3.76"}}, Confidence::Unconfirmed,
               "The reference confirms 500.24 for impersonate=\"true\"; whether application "
               "impersonation (with userName) triggers it too is unconfirmed." +
                   (aspnet ? std::string() : " " + partialWhy));
        return false;
    }
    c.fail(Stage::Configuration, 500, 24,
           "<identity impersonate=\"true\"/> in the integrated pipeline: integrated mode cannot "
           "impersonate in BeginRequest and AuthenticateRequest, and with "
           "validateIntegratedModeConfiguration=\"true\" (the default) IIS refuses the "
           "configuration with 500.24. Fix: set validation off (if nothing relies on "
           "impersonation in those stages) or use the Classic pipeline." +
               scope,
           aspnet ? Facts{{"F3.70", "F1.82"}} : Facts{{"F3.70", "F3.76", "F1.82"}},
           aspnet ? Confidence::Confirmed : Confidence::Partial,
           aspnet ? std::string() : partialWhy);
    return false;
}

} // namespace iisid
