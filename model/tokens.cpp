#include "tokens.h"

namespace iisid {

bool isRequestUser(TokenKind kind) {
    return kind == TokenKind::Basic || kind == TokenKind::Digest || kind == TokenKind::Ntlm ||
           kind == TokenKind::Kerberos || kind == TokenKind::Certificate;
}

std::optional<std::string> nameOf(const std::optional<Token> &token) {
    return token ? std::optional<std::string>(token->name) : std::nullopt;
}

} // namespace iisid
