#include "handler_list.h"

#include <algorithm>

namespace iisid::config {

namespace {

bool hasItem(std::string_view list, std::string_view item) {
    const std::vector<std::string_view> items = splitCommaList(list);
    return std::any_of(items.begin(), items.end(),
                       [&](std::string_view i) { return equalsIgnoreCase(i, item); });
}

bool endsWithIgnoreCase(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() &&
           equalsIgnoreCase(text.substr(text.size() - suffix.size()), suffix);
}

/// Why a preCondition does not hold for the pool (C2.17), "" when it holds.
std::string preconditionFailure(std::string_view preCondition, const ApplicationPool *pool,
                                bool managedHandler) {
    if (pool == nullptr)
        return {};
    const bool classic = equalsIgnoreCase(pool->value("managedPipelineMode").text, "Classic");
    const std::string_view runtime = pool->value("managedRuntimeVersion").text;
    const bool bitness32 = equalsIgnoreCase(pool->value("enable32BitAppOnWin64").text, "true");
    for (std::string_view condition : splitCommaList(preCondition)) {
        if (equalsIgnoreCase(condition, "integratedMode") && classic)
            return "integratedMode, but the pool is Classic";
        if ((equalsIgnoreCase(condition, "classicMode") ||
             equalsIgnoreCase(condition, "ISAPIMode")) &&
            !classic)
            return std::string(condition) + ", but the pool is Integrated";
        if (condition.size() > 14 && equalsIgnoreCase(condition.substr(0, 14), "runtimeVersion") &&
            !equalsIgnoreCase(condition.substr(14), runtime))
            return std::string(condition) + ", but the pool's managedRuntimeVersion is '" +
                   std::string(runtime) + "'";
        if (equalsIgnoreCase(condition, "bitness32") && !bitness32)
            return "bitness32, but the pool is 64-bit (enable32BitAppOnWin64 is not true)";
        if (equalsIgnoreCase(condition, "bitness64") && bitness32)
            return "bitness64, but the pool is 32-bit (enable32BitAppOnWin64=true)";
    }
    // Q16 (UNCONFIRMED): a pool without the CLR (managedRuntimeVersion="") runs no managed
    // handler.
    if (managedHandler && runtime.empty())
        return "a managed handler, but the pool loads no CLR (managedRuntimeVersion=\"\")";
    return {};
}

/// C2.19: None is always granted; Script by Script or Execute (PARTIAL); the others by
/// themselves.
bool accessGranted(std::string_view requireAccess, std::string_view accessPolicy) {
    if (equalsIgnoreCase(requireAccess, "None"))
        return true;
    if (equalsIgnoreCase(requireAccess, "Script"))
        return hasItem(accessPolicy, "Script") || hasItem(accessPolicy, "Execute");
    return hasItem(accessPolicy, requireAccess);
}

} // namespace

std::string_view toString(HandlerKind kind) {
    switch (kind) {
    case HandlerKind::Static:
        return "static";
    case HandlerKind::Asp:
        return "asp";
    case HandlerKind::AspNet:
        return "aspnet";
    case HandlerKind::AspNetCore:
        return "aspnetcore";
    case HandlerKind::Cgi:
        return "cgi";
    case HandlerKind::FastCgi:
        return "fastcgi";
    case HandlerKind::Isapi:
        return "isapi";
    case HandlerKind::Other:
        break;
    }
    return "other";
}

HandlerKind classifyHandler(const EffectiveElement &add) {
    const std::string_view modules = add.value("modules").text;
    const std::string_view type = add.value("type").text;
    const std::string_view processor = add.value("scriptProcessor").text;
    if (hasItem(modules, "AspNetCoreModule") || hasItem(modules, "AspNetCoreModuleV2"))
        return HandlerKind::AspNetCore;
    if (hasItem(modules, "FastCgiModule"))
        return HandlerKind::FastCgi;
    if (hasItem(modules, "CgiModule"))
        return HandlerKind::Cgi;
    if (hasItem(modules, "IsapiModule")) {
        if (endsWithIgnoreCase(processor, "\\asp.dll"))
            return HandlerKind::Asp;
        if (endsWithIgnoreCase(processor, "\\aspnet_isapi.dll"))
            return HandlerKind::AspNet;
        return HandlerKind::Isapi;
    }
    if (hasItem(modules, "ManagedPipelineHandler") || !type.empty())
        return HandlerKind::AspNet;
    if (hasItem(modules, "StaticFileModule"))
        return HandlerKind::Static;
    return HandlerKind::Other;
}

bool handlerPathMatches(std::string_view pattern, std::string_view fileName) {
    if (pattern == "*")
        return true;
    if (pattern == "*.")
        return fileName.find('.') == std::string_view::npos;
    if (pattern.starts_with("*"))
        return endsWithIgnoreCase(fileName, pattern.substr(1));
    return equalsIgnoreCase(pattern, fileName);
}

HandlerResolution resolveHandlers(const EffectiveSection &handlers, const ApplicationPool *pool) {
    HandlerResolution out;
    out.accessPolicy = handlers.element.value("accessPolicy").text;
    for (const EffectiveElement &add : handlers.element.entries) {
        HandlerMapping mapping;
        mapping.add = &add;
        mapping.kind = classifyHandler(add);
        mapping.name = add.value("name").text;
        mapping.path = add.value("path").text;
        mapping.verb = add.value("verb").text;
        mapping.scriptProcessor = add.value("scriptProcessor").text;
        const bool managed = mapping.kind == HandlerKind::AspNet &&
                             !hasItem(add.value("modules").text, "IsapiModule");
        mapping.notForThisPool = preconditionFailure(add.value("preCondition").text, pool, managed);
        mapping.accessGranted = accessGranted(add.value("requireAccess").text, out.accessPolicy);
        out.mappings.push_back(std::move(mapping));
    }
    return out;
}

const HandlerMapping *HandlerResolution::select(std::string_view fileName,
                                                std::string_view verb) const {
    for (const HandlerMapping &mapping : mappings) {
        if (!mapping.enabled() || !handlerPathMatches(mapping.path, fileName))
            continue;
        const std::vector<std::string_view> verbs = splitCommaList(mapping.verb);
        // Verbs are case-sensitive (S10:L907).
        if (std::find(verbs.begin(), verbs.end(), "*") != verbs.end() ||
            std::find(verbs.begin(), verbs.end(), verb) != verbs.end())
            return &mapping;
    }
    return nullptr;
}

std::vector<const HandlerMapping *> HandlerResolution::reachableKinds() const {
    std::vector<const HandlerMapping *> out;
    for (const HandlerMapping &mapping : mappings) {
        if (!mapping.enabled())
            continue;
        if (std::none_of(out.begin(), out.end(),
                         [&](const HandlerMapping *m) { return m->kind == mapping.kind; }))
            out.push_back(&mapping);
        if (mapping.path == "*" && mapping.verb == "*")
            break; // C2.18: nothing after a catch-all is ever selected
    }
    return out;
}

} // namespace iisid::config
