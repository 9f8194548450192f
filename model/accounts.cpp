#include "accounts.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace iisid {

namespace {

char lower(char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

} // namespace

bool sameAccount(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [](char x, char y) { return lower(x) == lower(y); });
}

std::string qualifyAccount(std::string_view name, std::string_view machine, IisVersion version) {
    if (name.find('\\') != std::string_view::npos)
        return std::string(name);
    // Well-known accounts, spelled the way people write them in configuration.
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> wellKnown{{
        {"LocalSystem", account::system},
        {"SYSTEM", account::system},
        {"LocalService", account::localService},
        {"LOCAL SERVICE", account::localService},
        {"NetworkService", account::networkService},
        {"NETWORK SERVICE", account::networkService},
        {"ANONYMOUS LOGON", account::anonymousLogon},
        {"Everyone", "Everyone"},
    }};
    for (const auto &[alias, full] : wellKnown) {
        if (sameAccount(name, alias))
            return std::string(full);
    }
    // F1.06: on IIS 7+ "IUSR" is the built-in NT AUTHORITY\IUSR, the same on every machine.
    if (isIis7Plus(version) && sameAccount(name, "IUSR"))
        return std::string(account::iusr);
    return std::string(machine) + '\\' + std::string(name);
}

std::string appPoolAccount(std::string_view poolName) {
    return "IIS APPPOOL\\" + std::string(poolName);
}

std::string machineAccount(std::string_view domain, std::string_view machine) {
    return std::string(domain) + '\\' + std::string(machine) + '$';
}

bool isLocalAccount(std::string_view qualified, std::string_view machine) {
    const auto slash = qualified.find('\\');
    return slash != std::string_view::npos && sameAccount(qualified.substr(0, slash), machine);
}

} // namespace iisid
