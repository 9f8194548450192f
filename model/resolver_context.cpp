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
    Step &s =
        trace.step(stage, {displayName(host), titleName(host), nameOf(process), nameOf(thread)},
                   std::move(text), facts, confidence, std::move(uncertainty));
    attachDependencies(s);
    return s;
}

void Context::fail(Stage stage, int status, int subStatus, std::string text, Facts facts,
                   Confidence confidence, std::string uncertainty) {
    trace.fail(stage, status, subStatus,
               {displayName(host), titleName(host), nameOf(process), nameOf(thread)},
               std::move(text), facts, confidence, std::move(uncertainty));
    attachDependencies(result().steps.back());
}

namespace {

/// Adds `text` to a "; "-joined list unless it is there already.
void addOnce(std::string &list, const std::string &text) {
    if (list.find(text) != std::string::npos)
        return;
    list += (list.empty() ? "" : "; ") + text;
}

} // namespace

void Context::dependOn(std::string_view setting, const std::string &subject,
                       const std::string &otherwise) {
    const std::string text = subject + "; " + otherwise;
    if (std::find(pendingDependencies.begin(), pendingDependencies.end(), text) ==
        pendingDependencies.end())
        pendingDependencies.push_back(text);
    // The same subject met again (the content read after the access check) adds nothing: its
    // first outcome is the one the request would meet.
    std::vector<Dependency> &all = result().dependsOn;
    const auto same = std::find_if(all.begin(), all.end(),
                                   [setting](const Dependency &d) { return d.setting == setting; });
    if (same == all.end())
        all.push_back({std::string(setting), text});
    else if (same->text.find(subject) == std::string::npos)
        same->text += "; " + text;
}

void Context::attachDependencies(Step &s) {
    for (const std::string &text : pendingDependencies)
        addOnce(s.dependsOn, text);
    pendingDependencies.clear();
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

const std::vector<std::string> *Context::readers() const {
    const std::optional<std::vector<std::string>> *list = e.readableBy.ifKnown();
    return list && *list ? &**list : nullptr;
}

bool Context::canRead(const Token &token, bool offBox, std::string_view ifRefused) {
    if (e.readableBy.isUnknown()) {
        const std::string who = offBox ? networkIdentity(token).name + " (as the file server sees "
                                                                       "it)"
                                       : token.name;
        dependOn("content.readableBy",
                 "the NTFS permissions of " + e.contentPath + " for " + who +
                     " — the configuration does not show them",
                 "if they refuse: " + std::string(ifRefused));
        return true;
    }
    const ReadAccess access{readers(),  e.version,  e.iis5ProcessModel,
                            e.machine,  e.domain,   e.kerberosDelegation,
                            e.poolName, worker.name};
    if (iisid::canRead(token, offBox, access))
        return true;
    const std::vector<std::string> byName = entriesMatchedByName(*readers(), e.domain);
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
    if (const std::vector<std::string> *list = readers())
        return iisid::readersText(*list);
    return e.readableBy.isUnknown() ? std::string(unknownSpelling) : std::string("everyone");
}

NetworkView Context::networkIdentity(const Token &token) const {
    return iisid::networkIdentity(token, e.domain, e.machine, e.kerberosDelegation);
}

bool integratedAspNet(const EffectiveScenario &e) {
    return e.handler == HandlerKind::AspNet && isIis7Plus(e.version) &&
           e.pipeline == Pipeline::Integrated;
}

} // namespace iisid
