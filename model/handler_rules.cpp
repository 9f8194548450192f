#include "handler_rules.h"

namespace iisid {

const HandlerRules &handlerRules(HandlerKind kind) {
    switch (kind) {
    case HandlerKind::Static:
        return staticFileRules();
    case HandlerKind::IsapiFilter:
        return isapiFilterRules();
    case HandlerKind::IsapiExtension:
        return isapiExtensionRules();
    case HandlerKind::Asp:
        return aspRules();
    case HandlerKind::AspNet:
        return aspNetRules();
    case HandlerKind::Cgi:
        return cgiRules();
    case HandlerKind::FastCgi:
        return fastCgiRules();
    case HandlerKind::AspNetCore:
        return aspNetCoreRules();
    }
    return staticFileRules();
}

} // namespace iisid
