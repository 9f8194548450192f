#include "stages.h"

#include "accounts.h"
#include "handler_rules.h"

namespace iisid {

/// Returns false when reading fails the request.
bool readContent(Context &c) {
    const EffectiveScenario &e = c.e;
    Resolution &r = c.result();
    const bool share = c.contentOnShare();
    ContentRead content = c.handler.contentRead(c);
    const Token &reader = content.reader;
    std::string text = std::move(content.text);
    Facts facts = content.facts;
    Confidence confidence = Confidence::Confirmed;
    std::string uncertainty;
    if (e.connectAs)
        text += " (The virtual directory's Connect-as account reads the content; the "
                "request itself stays authenticated as " +
                c.authenticated->name + ".)";
    // On a share the content is read by whoever the file server sees: that is the identity
    // that needs the permission, and the one the result names.
    std::string contentReader = reader.name;
    std::vector<std::string_view> shareFacts;
    std::string shareWhy;
    if (share) {
        const NetworkView view = c.networkIdentity(reader);
        contentReader = view.name;
        shareWhy = view.why;
        shareFacts = view.facts;
        if (view.confidence > confidence) {
            confidence = view.confidence;
            uncertainty = view.uncertainty;
        }
        if (!e.connectAs)
            text += " The content is on a share (pass-through): the file server sees " + view.name +
                    " (" + view.why + ").";
        else if (!sameAccount(view.name, reader.name))
            text += " The file server sees " + view.name + " (" + view.why + ").";
    }
    if (share && !e.connectAs) {
        const std::string &seen = contentReader;
        if (sameAccount(seen, account::anonymousLogon))
            c.warn("IISID-VDIR-UNC-PASSTHROUGH", Severity::Medium,
                   "Pass-through to " + e.contentPath +
                       " reaches the file server as ANONYMOUS LOGON (" + shareWhy +
                       "); configure a Connect-as account or grant the share to that "
                       "identity.",
                   {{"F2.51", "F1.43"}}, Confidence::Unconfirmed);
    }
    r.identities.content = contentReader;
    if (!c.canRead(reader, share, "the content cannot be read")) {
        if (c.handler.failsOnUnreadableContent(c, text))
            return false;
        Step &denied = c.step(Stage::Content,
                              text + " It may not read it (readable by: " + c.readersText() + ").",
                              facts, std::max(confidence, Confidence::Partial),
                              "The failure this causes depends on the application." +
                                  (uncertainty.empty() ? std::string() : " " + uncertainty));
        for (std::string_view fact : shareFacts)
            cite(denied, fact);
        c.warn("IISID-EXPLAIN-CONTENT-NOT-READABLE", Severity::Medium,
               contentReader + " needs read permission on " + e.contentPath + ".", facts,
               Confidence::Partial);
        return true;
    }
    Step &read = c.step(Stage::Content, std::move(text), facts, confidence, std::move(uncertainty));
    for (std::string_view fact : shareFacts)
        cite(read, fact);
    if (const std::vector<std::string> *readers = c.readers();
        readers && std::any_of(readers->begin(), readers->end(), [](const std::string &entry) {
            return sameAccount(entry, "Users") || sameAccount(entry, "BUILTIN\\Users");
        }))
        cite(read, "F4.08"); // the default wwwroot ACL reaches everyone through Users
    return true;
}

ContentRead requestedFileRead(const Context &c, Facts facts) {
    Token reader = contentAccessToken(c, *c.authenticated);
    std::string text = "The requested file is read as " + reader.name + ".";
    return {std::move(reader), std::move(text), facts};
}

} // namespace iisid
