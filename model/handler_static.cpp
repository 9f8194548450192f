#include "handler_static.h"

#include "stages.h"

namespace iisid {

bool StaticFileRules::run(Context &c, const Token &user) const {
    c.thread = contentAccessToken(c, user);
    c.step(Stage::Handler,
           "The static file handler impersonates " + c.thread->name +
               " and opens the file with that token.",
           {{"F3.40", "F0.05"}});
    return true;
}

ContentRead StaticFileRules::contentRead(const Context &c) const {
    return requestedFileRead(c, {{"F3.40", "F4.06", "F1.64"}});
}

const HandlerRules &staticFileRules() {
    static const StaticFileRules rules;
    return rules;
}

} // namespace iisid
