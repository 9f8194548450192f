#pragma once

// Internal to the resolver (not part of the model's API).

#include "handler_rules.h"

namespace iisid {

/// An ISAPI extension: IIS impersonates the authenticated token before HttpExtensionProc.
class IsapiExtensionRules : public HandlerRules {
public:
    bool runsInApplicationProcess() const override { return true; }
    bool run(Context &c, const Token &user) const override { return runExtension(c, user, false); }
    ContentRead contentRead(const Context &c) const override;
    bool impersonatesAgainNextRequest() const override { return true; }

protected:
    /// IIS puts the authenticated token on the thread before calling the extension; `asp`:
    /// the extension is asp.dll.
    static bool runExtension(Context &c, const Token &user, bool asp);
};

} // namespace iisid
