#include "resolver_context.h"

#include "access_check.h"
#include "accounts.h"
#include "handler_rules.h"

namespace iisid {

Context::Context(const EffectiveScenario &scenario)
    : e(scenario)
    , handler(handlerRules(scenario.handler)) {}

Step &Context::step(Stage stage, std::string text, Facts facts, Confidence confidence,
                    std::string uncertainty) {
    return trace.step(stage, {displayName(host), nameOf(process), nameOf(thread)}, std::move(text),
                      facts, confidence, std::move(uncertainty));
}

void Context::fail(Stage stage, int status, int subStatus, std::string text, Facts facts,
                   Confidence confidence, std::string uncertainty) {
    trace.fail(stage, status, subStatus, {displayName(host), nameOf(process), nameOf(thread)},
               std::move(text), facts, confidence, std::move(uncertainty));
}

std::string Context::qualify(std::string_view name) const {
    return qualifyAccount(name, e.machine, e.version);
}

std::string Context::versionName() const {
    std::string name = "IIS " + std::string(toString(e.version));
    if (isIis6(e.version))
        name += e.iis5ProcessModel ? " (IIS 5.0 isolation mode)" : " (worker process isolation)";
    return name;
}

bool Context::canRead(const Token &token, bool offBox) {
    const ReadAccess access{e.readableBy ? &*e.readableBy : nullptr,
                            e.version,
                            e.iis5ProcessModel,
                            e.machine,
                            e.domain,
                            e.kerberosDelegation,
                            e.poolName,
                            worker.name};
    if (iisid::canRead(token, offBox, access))
        return true;
    const std::vector<std::string> byName = entriesMatchedByName(*e.readableBy, e.domain);
    const Resolution &r = result();
    const bool said = std::any_of(r.findings.begin(), r.findings.end(), [](const Finding &finding) {
        return finding.rule == "IISID-EXPLAIN-ACL-ENTRY-BY-NAME";
    });
    if (!byName.empty() && !said) {
        std::string names;
        for (const std::string &entry : byName)
            names += (names.empty() ? "" : ", ") + entry;
        warn("IISID-EXPLAIN-ACL-ENTRY-BY-NAME", Severity::Info,
             "The content ACL entries " + names +
                 " are matched as account names. If one is a group " + token.name +
                 " belongs to, the access check shown here is wrong: group membership cannot "
                 "be known from the scenario.",
             {{"F4.06"}}, Confidence::Unconfirmed);
    }
    return false;
}

std::string Context::readersText() const {
    return iisid::readersText(*e.readableBy);
}

NetworkView Context::networkIdentity(const Token &token) const {
    return iisid::networkIdentity(token, e.domain, e.machine, e.kerberosDelegation);
}

bool integratedAspNet(const EffectiveScenario &e) {
    return e.handler == HandlerKind::AspNet && isIis7Plus(e.version) &&
           e.pipeline == Pipeline::Integrated;
}

} // namespace iisid
