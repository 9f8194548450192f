#include "stages.h"

#include "access_check.h"
#include "accounts.h"
#include "handler_rules.h"

namespace iisid {

Token contentAccessToken(const Context &c, const Token &authenticated) {
    const EffectiveScenario &e = c.e;
    if (e.connectAs)
        return Token{c.qualify(*e.connectAs), TokenKind::Configured};
    return authenticated;
}

bool authorize(Context &c, const Token &authenticated, bool retryAsUser) {
    const EffectiveScenario &e = c.e;
    Resolution &r = c.result();
    c.authenticated = authenticated;
    const Token reader = contentAccessToken(c, authenticated);
    if (!isIis7Plus(e.version) && e.connectAs && e.connectAsPasswordValid.isUnknown())
        c.dependOn("content.connectAsPasswordValid",
                   "whether the stored password of the UNC account " + reader.name + " is right",
                   "if it is wrong: 500.13");
    if (!isIis7Plus(e.version) && e.connectAs && e.connectAsPasswordValid.is(false)) {
        // F2.52: Microsoft's IIS 6 pages disagree on the status for a bad UNC password.
        c.fail(Stage::Authorization, 500, 13,
               "IIS logs on the configured UNC account " + reader.name + " to reach " +
                   e.contentPath +
                   ", and its stored password is wrong: the logon fails. Shown as 500.13 "
                   "\"Invalid Username or Password\".",
               {{"F2.51", "F2.52"}}, Confidence::Conflict,
               "One TechNet page says 500.13, another a plain 500 with that text, and the "
               "UNCUserName property page says a failed UNC logon returns 401.2.");
        return false;
    }
    if (!c.handler.iisChecksFileAccess(e))
        return true;
    const bool share = c.contentOnShare();
    if (c.canRead(reader, share,
                  retryAsUser ? "401.3, or a 401 challenge the user answers" : "401.3"))
        return true;
    const std::string denied =
        "The NTFS permissions on the requested file in " + e.contentPath + " do not let " +
        reader.name +
        (share ? " (seen on the share as " + c.networkIdentity(reader).name + ")" : std::string()) +
        " read it (readable by: " + c.readersText() + ")";
    const AccessRule rule = accessRule(e.handler, e.version, e.pipeline, authenticated.kind);
    if (rule.confidence == Confidence::Unconfirmed) {
        // An unconfirmed check does not fail the request: the documented rule (F4.06, the
        // process identity reads non-impersonating code) decides, and the doubt is shown.
        c.step(Stage::Authorization,
               denied + ". Whether that stops the request is not established; it is shown "
                        "going through, as the documented rule for this handler says.",
               rule.facts, rule.confidence, rule.uncertainty);
        c.warn("IISID-EXPLAIN-CONTENT-READ-UNCERTAIN", Severity::Low,
               reader.name + " may also need read permission on " + e.contentPath +
                   " (unconfirmed).",
               rule.facts, rule.confidence);
        return true;
    }
    // F4.07: IUSR is not a member of IIS_IUSRS, a common surprise worth naming.
    const bool iisIusrsListed =
        std::any_of(c.readers()->begin(), c.readers()->end(), [](const std::string &entry) {
            return sameAccount(entry, "IIS_IUSRS") || sameAccount(entry, "BUILTIN\\IIS_IUSRS");
        });
    const std::string iusrNote =
        reader.kind == TokenKind::BuiltinIusr && iisIusrsListed
            ? " IUSR is not a member of IIS_IUSRS: granting IIS_IUSRS does not cover it."
            : std::string();
    if (retryAsUser) {
        Step &s = c.step(Stage::Authorization,
                         denied + "." + iusrNote +
                             " IIS answers 401 with a WWW-Authenticate header per other "
                             "enabled method, and the browser answers with " +
                             schemeName(e.scheme) + ".",
                         rule.facts, rule.confidence, rule.uncertainty);
        if (!iusrNote.empty())
            cite(s, "F4.07");
        cite(s, "F1.70");
        return false;
    }
    const bool inWorker = !c.handler.runsInSeparateProcess(e);
    if (inWorker)
        c.thread = authenticated; // the check is made impersonating the request's identity
    c.fail(Stage::Authorization, 401, 3, denied + ": access denied by ACL, 401.3." + iusrNote,
           rule.facts, rule.confidence, rule.uncertainty);
    if (!iusrNote.empty())
        cite(r.steps.back(), "F4.07");
    r.identities.content = share ? c.networkIdentity(reader).name : reader.name;
    // scenario-format.md, `code`: the handler ran as the request's identity when it was refused
    // the file, so that is who the code ran as (in the worker; a handler with a process of its
    // own never started it).
    if (inWorker) {
        r.identities.thread = authenticated.name;
        r.identities.code = authenticated.name;
    }
    return false;
}

} // namespace iisid
