#pragma once

#include "scenario.h"

#include <string>
#include <string_view>

namespace iisid {

/// Windows spellings of the well-known accounts (product.md, "Identities are spelled the way
/// Windows prints them").
namespace account {
inline constexpr std::string_view system = "NT AUTHORITY\\SYSTEM";
inline constexpr std::string_view localService = "NT AUTHORITY\\LOCAL SERVICE";
inline constexpr std::string_view networkService = "NT AUTHORITY\\NETWORK SERVICE";
inline constexpr std::string_view iusr = "NT AUTHORITY\\IUSR";
inline constexpr std::string_view anonymousLogon = "NT AUTHORITY\\ANONYMOUS LOGON";
} // namespace account

/// How an account name written in a scenario is shown: "DOMAIN\\user" as written; a bare name is
/// a local account of the server ("IUSR_WEB01" -> "WEB01\\IUSR_WEB01"), except the IIS 7+
/// built-in IUSR and the well-known service accounts.
std::string qualifyAccount(std::string_view name, std::string_view machine, IisVersion version);

/// "IIS APPPOOL\\<pool>".
std::string appPoolAccount(std::string_view poolName);

/// "DOMAIN\\MACHINE$": the computer account, as servers on the network see it.
std::string machineAccount(std::string_view domain, std::string_view machine);

/// True when the qualified account belongs to the server itself (MACHINE\\user): other machines
/// cannot validate it unless they hold an identical account and password.
bool isLocalAccount(std::string_view qualified, std::string_view machine);

/// Case-insensitive comparison of account names, as Windows compares them.
bool sameAccount(std::string_view a, std::string_view b);

/// machine.config's <processModel userName>, the account of aspnet_wp.exe under the IIS 5 process
/// model (F2.03, C3.12): two keywords, compared without case; any other value names an account.
namespace processModel {
/// The default: the local ASPNET account.
inline constexpr std::string_view machine = "machine";
/// LocalSystem.
inline constexpr std::string_view system = "System";
} // namespace processModel

} // namespace iisid
