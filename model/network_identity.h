#pragma once

// Internal to the resolver and the access check (not part of the model's API).

#include "confidence.h"
#include "tokens.h"

#include <string>
#include <string_view>
#include <vector>

namespace iisid {

/// Who a server off the box sees when a token reaches it (F2.40-F2.46, F1.43), and why.
struct NetworkView {
    std::string name;
    Confidence confidence = Confidence::Confirmed;
    std::vector<std::string_view> facts;
    std::string why;
    std::string uncertainty;
};

/// The identity a remote server sees for `token`. `domain` and `machine` name the web server (its
/// machine account is DOMAIN\\MACHINE$); `kerberosDelegation`: the server is trusted for
/// Kerberos delegation.
NetworkView networkIdentity(const Token &token, std::string_view domain, std::string_view machine,
                            bool kerberosDelegation);

} // namespace iisid
