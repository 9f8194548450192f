#pragma once

// Internal to the resolver (not part of the model's API).

#include "handler_rules.h"

namespace iisid {

/// The static file handler: IIS impersonates the request's identity and opens the file itself.
class StaticFileRules : public HandlerRules {
public:
    bool run(Context &c, const Token &user) const override;
    ContentRead contentRead(const Context &c) const override;
    bool runsUserCode() const override { return false; }
    std::string_view codeName() const override {
        return "Code running here (a static file runs none),";
    }
    std::string_view networkCaller() const override { return "IIS"; }
};

} // namespace iisid
