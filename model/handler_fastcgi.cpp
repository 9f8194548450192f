#include "handler_rules.h"
#include "stages.h"

namespace iisid {

namespace {

/// FastCGI with PHP: long-lived php-cgi.exe processes as the worker's identity, impersonating
/// over named pipes only (fastcgi.impersonate).
class FastCgiRules final : public HandlerRules {
public:
    bool runsInSeparateProcess(const EffectiveScenario &) const override { return true; }

    bool runsInApplicationProcess() const override { return true; }

    bool iisChecksFileAccess(const EffectiveScenario &e) const override {
        // On IIS 5.1/6 the FastCGI extension is an ISAPI (F0.03); on 7+ IIS hands the
        // request to php-cgi, which opens the script itself (see readContent).
        return !isIis7Plus(e.version);
    }

    bool run(Context &c, const Token &user) const override {
        const EffectiveScenario &e = c.e;
        Resolution &r = c.result();
        c.host = Host::PhpCgi;
        c.process = c.worker;
        c.step(
            Stage::Handler,
            "FastCGI keeps a pool of long-lived php-cgi.exe processes started by " +
                std::string(displayName(c.workerHost)) +
                " (not per request, and not with CreateProcessAsUser): they run as " +
                c.worker.name + ".",
            {{"F3.30"}}, Confidence::Partial,
            "That the processes run as the worker's identity is documented; how they are started "
            "is inferred.");
        if (e.fastcgiImpersonate && e.fastcgiProtocol == FastCgiProtocol::Tcp) {
            c.thread.reset();
            c.step(
                Stage::Handler,
                "fastcgi.impersonate=1, but the FastCGI application uses TCP: php-cgi only calls "
                "ImpersonateNamedPipeClient on a named pipe, so nothing is impersonated and PHP "
                "runs as " +
                    c.process->name + ".",
                {{"F3.31", "F3.32"}});
            c.warn("IISID-PHP-IMPERSONATE-OVER-TCP", Severity::Medium,
                   "fastcgi.impersonate=1 has no effect over the TCP protocol.", {{"F3.32"}});
        } else if (e.fastcgiImpersonate) {
            c.thread = user;
            c.step(Stage::Handler,
                   "fastcgi.impersonate=1: php-cgi calls ImpersonateNamedPipeClient on the "
                   "request's pipe, so the thread runs as the client IIS authenticated, " +
                       user.name + "; the php-cgi process token stays " + c.process->name + ".",
                   {{"F3.31", "F3.33", "F3.34"}});
        } else {
            c.thread.reset();
            c.step(Stage::Handler,
                   "fastcgi.impersonate=0 (PHP's default): php-cgi does not impersonate; PHP code "
                   "runs as " +
                       c.process->name + ", not as " + user.name + ".",
                   {{"F3.31", "F3.34"}});
        }
        r.processHost = displayName(c.host);
        return true;
    }

    ContentRead contentRead(const Context &c) const override {
        const EffectiveScenario &e = c.e;
        Token reader = e.connectAs ? contentAccessToken(c, *c.authenticated)
                                   : (c.thread ? *c.thread : *c.process);
        std::string text = "php-cgi opens the script as " + reader.name + ".";
        return {std::move(reader), std::move(text), {{"F4.06", "F3.33", "F3.34"}}};
    }

    bool failsOnUnreadableContent(Context &c, const std::string &text) const override {
        // PHP-CGI (sapi/cgi/cgi_main.c): when the primary script cannot be opened with
        // EACCES, php-cgi answers 403 "Access denied.".
        c.fail(Stage::Content, 403, 0,
               text + " It may not read it (readable by: " + c.readersText() +
                   "): php-cgi cannot open the script and answers 403 \"Access denied.\"",
               {{"F3.31", "F4.06"}}, Confidence::Partial,
               "PHP's CGI source answers 403 when opening the script is denied; the reference "
               "does not cover this case.");
        return true;
    }

    std::string_view codeName() const override { return "PHP"; }

    // PHP's own child-process rule (F3.36).
    bool startsChildItself(Context &c) const override {
        Resolution &r = c.result();
        const Token &process = *c.process;
        const std::optional<Token> &thread = c.thread;
        if (thread) {
            r.identities.child = thread->name;
            c.step(Stage::ChildProcess,
                   "PHP's Windows popen (behind exec, system, shell_exec) sees the "
                   "impersonation token, duplicates it and calls CreateProcessAsUserW: the "
                   "child runs as " +
                       thread->name + ".",
                   {{"F3.36"}}, Confidence::Partial,
                   "Confirmed in PHP's source for popen; which PHP functions route through it, "
                   "and since which version, is unconfirmed.");
        } else {
            r.identities.child = process.name;
            c.step(Stage::ChildProcess,
                   "PHP's Windows popen finds no impersonation token and calls CreateProcessW: "
                   "the child runs as the php-cgi process identity " +
                       process.name + ".",
                   {{"F3.36", "F3.90"}});
        }
        return true;
    }
};

} // namespace

const HandlerRules &fastCgiRules() {
    static const FastCgiRules rules;
    return rules;
}

} // namespace iisid
