#include "stages.h"

#include "handler_rules.h"

namespace iisid {

namespace {

bool iwamRightAssumed(const Context &c, const Token &process) {
    const EffectiveScenario &e = c.e;
    return e.iis5ProcessModel && process.kind == TokenKind::ServiceAccount &&
           process.name == c.worker.name && c.workerHost == Host::Dllhost;
}

bool processMayReplaceToken(const Context &c, const Token &process) {
    const EffectiveScenario &e = c.e;
    switch (process.kind) {
    case TokenKind::LocalSystem:
    case TokenKind::LocalService:
    case TokenKind::NetworkService:
        return true;
    case TokenKind::PoolIdentity:
        return e.canReplaceProcessToken;
    case TokenKind::ServiceAccount:
        // IWAM_<machine> (IIS 5 dllhost): not documented either way; assumed to hold it
        // (see iwamRightAssumed). ASPNET must be granted it (KB 889251).
        if (iwamRightAssumed(c, process))
            return true;
        return process.name == c.worker.name && !e.iis5ProcessModel && e.canReplaceProcessToken;
    default:
        return false;
    }
}

} // namespace

void childOf(Context &c, const Token &process, const std::optional<Token> &thread,
             std::string_view who) {
    const EffectiveScenario &e = c.e;
    Resolution &r = c.result();
    const std::string whoText(who);
    if (e.action == Action::CreateProcessAsUser && thread) {
        if (!processMayReplaceToken(c, process)) {
            r.identities.child.reset();
            c.step(Stage::ChildProcess,
                   whoText +
                       " calls DuplicateTokenEx and CreateProcessAsUser with the thread "
                       "token " +
                       thread->name +
                       ", which needs \"Replace a process "
                       "level token\" for " +
                       process.name +
                       "; it does not hold it, so the call fails (ERROR_PRIVILEGE_NOT_HELD) "
                       "and no child starts.",
                   {{"F3.91", "F2.15"}});
            c.warn("IISID-EXPLAIN-CPAU-PRIVILEGE", Severity::Medium,
                   "CreateProcessAsUser fails: " + process.name +
                       " lacks \"Replace a process level token\".",
                   {{"F3.91", "F2.15"}});
            return;
        }
        r.identities.child = thread->name;
        // F3.23: ApplicationPoolIdentity holds the right by default (KB 981949); IWAM_<machine>
        // is not documented either way.
        const bool poolDefault =
            process.kind == TokenKind::PoolIdentity && !e.canReplaceProcessTokenExplicit;
        const bool assumedRight = iwamRightAssumed(c, process);
        c.step(Stage::ChildProcess,
               whoText +
                   " turns the thread token into a primary token (DuplicateTokenEx) and "
                   "calls CreateProcessAsUser: the child runs as " +
                   thread->name + "." +
                   (assumedRight ? " " + process.name +
                                       " is assumed to hold \"Replace a process level token\"."
                    : poolDefault
                        ? " " + process.name +
                              " holds \"Replace a process level token\" by default, as every "
                              "ApplicationPoolIdentity account does."
                        : std::string()),
               assumedRight || poolDefault ? Facts{{"F3.91", "F3.90", "F3.23"}}
                                           : Facts{{"F3.91", "F3.90"}},
               assumedRight ? Confidence::Unconfirmed : Confidence::Confirmed,
               assumedRight ? "Whether " + process.name +
                                  " holds \"Replace a process level token\" by default is "
                                  "unconfirmed."
                            : std::string());
        return;
    }
    r.identities.child = process.name;
    std::string text = whoText +
                       " starting a program with CreateProcess (Process.Start, WScript.Shell.Run, "
                       "system()) gives the child the process token, " +
                       process.name + ", ";
    text += thread ? "not the impersonation token " + thread->name +
                         ": CreateProcessAsUser with the thread token would be needed."
                   : std::string("since nothing is impersonated.");
    Facts facts = thread ? Facts{{"F3.90", "F3.91"}} : Facts{{"F3.90"}};
    if (const std::optional<Facts> own = c.handler.childProcessFacts(c, process))
        facts = *own;
    c.step(Stage::ChildProcess, std::move(text), facts);
}

void startChild(Context &c) {
    const EffectiveScenario &e = c.e;
    if (c.handler.codeIsTheFilter())
        return; // reported with the filter
    if (e.action != Action::CreateProcessAsUser && c.handler.startsChildItself(c))
        return;
    childOf(c, *c.process, c.thread, c.handler.codeName());
}

void networkOf(Context &c, const Token &code, std::string_view who) {
    Resolution &r = c.result();
    const NetworkView view = c.networkIdentity(code);
    r.identities.network = view.name;
    Step &s =
        c.step(Stage::Network,
               std::string(who) + " reaching a file share or SQL Server off the box as " +
                   code.name + ": " + view.why + ", so the remote server sees " + view.name + ".",
               {}, view.confidence, view.uncertainty);
    for (std::string_view id : view.facts)
        cite(s, id);
}

void reachNetwork(Context &c) {
    if (c.handler.codeIsTheFilter())
        return; // reported with the filter
    const Token code = c.thread ? *c.thread : *c.process;
    networkOf(c, code, c.handler.networkCaller());
}

} // namespace iisid
