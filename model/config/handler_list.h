#pragma once

// The handler list of a path resolved against the application's pool (config-semantics.md
// §2.13, C2.16-C2.22): which mappings apply, in order, and which kinds of handler code the
// application can run, each with the <add> that selects it.

#include "model/config/apphost_config.h"
#include "model/config/effective_config.h"

#include <string>
#include <string_view>
#include <vector>

namespace iisid::config {

enum class HandlerKind { Static, Asp, AspNet, AspNetCore, Cgi, FastCgi, Isapi, Other };
/// The spelling of check-format.md's JSON: "static", "asp", "aspnet", "aspnetcore", "cgi",
/// "fastcgi", "isapi"; "other" for native modules such as ProtocolSupportModule.
std::string_view toString(HandlerKind kind);

/// The kind of code a handler <add> runs (C2.22): StaticFileModule -> static; IsapiModule with
/// asp.dll -> asp, with aspnet_isapi.dll -> aspnet, else isapi; ManagedPipelineHandler or a
/// managed type= -> aspnet; CgiModule -> cgi; FastCgiModule -> fastcgi; AspNetCoreModule(V2)
/// -> aspnetcore.
HandlerKind classifyHandler(const EffectiveElement &add);

struct HandlerMapping {
    const EffectiveElement *add = nullptr; // the entry in the EffectiveSection
    HandlerKind kind = HandlerKind::Other;
    std::string_view name;
    std::string_view path;
    std::string_view verb;
    std::string_view scriptProcessor;
    /// C2.17: every preCondition holds for the pool; else why not ("" when it holds).
    std::string notForThisPool;
    /// C2.19: accessPolicy grants requireAccess (a disabled handler is skipped, the next
    /// matching one serves the request).
    bool accessGranted = true;
    bool enabled() const { return notForThisPool.empty() && accessGranted; }
};

struct HandlerResolution {
    std::string_view accessPolicy;
    /// Every entry of the effective list, in order (web.config entries first, C2.16).
    std::vector<HandlerMapping> mappings;

    /// The mapping that serves a file name and verb (C2.18-C2.19), or nullptr.
    const HandlerMapping *select(std::string_view fileName, std::string_view verb = "GET") const;
    /// Each kind the application can reach, with the first enabled mapping of that kind that no
    /// earlier catch-all (path="*" verb="*") hides, in list order.
    std::vector<const HandlerMapping *> reachableKinds() const;
};

/// Resolves the effective handlers section (effectiveSection(site, url,
/// "system.webServer/handlers")) for the pool (nullptr: conditions on the pool are taken as
/// holding). The result points into handlers, which must outlive it. A 64-bit OS is assumed
/// (bitness64 <=> enable32BitAppOnWin64=false).
HandlerResolution resolveHandlers(const EffectiveSection &handlers, const ApplicationPool *pool);

/// True when a handler path ("*", "*.php", "*.", "WebResource.axd") matches a file name,
/// case-insensitively (C2.18).
bool handlerPathMatches(std::string_view pattern, std::string_view fileName);

} // namespace iisid::config
