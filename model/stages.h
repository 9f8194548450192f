#pragma once

// Internal to the resolver (not part of the model's API): the pipeline's stages, one unit each
// (stage_*.cpp), in the order resolver.cpp runs them. Functions returning bool return false
// after failing the request.

#include "resolver_context.h"

#include <optional>
#include <string>
#include <string_view>

namespace iisid {

struct ContentRead;

// --- stage_worker.cpp: which process receives the request, with which token
void decideWorker(Context &c);

// --- stage_configuration.cpp: reading web.config (IIS 7+)
bool readConfiguration(Context &c);
/// IIS's own check of the application's <identity> in an integrated pool (F3.70, F3.76).
bool validateIntegratedMode(Context &c);

// --- stage_authentication.cpp: who the request is
struct AnonymousLogon {
    std::optional<Token> token;
    std::string failure;          // non-empty: the account whose logon fails (401.1)
    bool noBuiltinIusr = false;   // the failure: NT AUTHORITY\IUSR named before IIS 7 (F1.13)
    bool passwordUnknown = false; // the token rests on a stored password not known to be right
};
/// The configured anonymous account's logon.
AnonymousLogon anonymousLogon(const Context &c);
/// When the anonymous logon rests on a password the scenario does not know
/// (AnonymousLogon::passwordUnknown), says so (Context::dependOn) with the outcome `ifWrong`.
void dependOnAnonymousPassword(Context &c, const AnonymousLogon &logon, std::string_view ifWrong);
std::string schemeName(Scheme scheme);
/// Authentication, then the access check on the resource; a browser that is refused
/// anonymously answers the challenge with the user's credentials (F1.70).
bool authenticateAndAuthorize(Context &c);

// --- stage_authorization.cpp: may that identity reach the resource
/// The identity that reads content for the request (F1.64): the Connect-as account if one is
/// configured, else the authenticated identity.
Token contentAccessToken(const Context &c, const Token &authenticated);
/// Returns true when the request may proceed. When it is refused with 401.3 and the browser
/// can answer a challenge (retryAsUser), no failure is recorded and false is returned.
bool authorize(Context &c, const Token &authenticated, bool retryAsUser);

// --- stage_code.cpp: the code that runs, and events outside a request
void runCode(Context &c);
void runSessionOnEnd(Context &c);

// --- stage_content.cpp: the requested file or script is read
bool readContent(Context &c);
/// The requested file read with the content access token (contentAccessToken).
ContentRead requestedFileRead(const Context &c, Facts facts);

// --- stage_reach.cpp: child processes and the network
void childOf(Context &c, const Token &process, const std::optional<Token> &thread,
             std::string_view who);
void startChild(Context &c);
void networkOf(Context &c, const Token &code, std::string_view who);
void reachNetwork(Context &c);

} // namespace iisid
