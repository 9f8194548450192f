#include "stages.h"

namespace iisid {

bool readConfiguration(Context &c) {
    const EffectiveScenario &e = c.e;
    if (!isIis7Plus(e.version))
        return true;
    const bool share = c.contentOnShare();
    if (e.connectAs) {
        const Token reader{c.qualify(*e.connectAs), TokenKind::Configured};
        if (!e.connectAsPasswordValid) {
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
        if (!c.canRead(reader, share)) {
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
    if (!c.canRead(reader, share)) {
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

} // namespace iisid
