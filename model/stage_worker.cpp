#include "stages.h"

#include "accounts.h"
#include "handler_rules.h"

namespace iisid {

namespace {

Token poolToken(const Context &c) {
    const EffectiveScenario &e = c.e;
    switch (e.poolIdentity) {
    case PoolIdentity::LocalSystem:
        return {std::string(account::system), TokenKind::LocalSystem};
    case PoolIdentity::LocalService:
        return {std::string(account::localService), TokenKind::LocalService};
    case PoolIdentity::NetworkService:
        return {std::string(account::networkService), TokenKind::NetworkService};
    case PoolIdentity::ApplicationPoolIdentity:
        return {appPoolAccount(e.poolName), TokenKind::PoolIdentity};
    case PoolIdentity::SpecificUser:
        return {c.qualify(e.poolUserName), TokenKind::ServiceAccount};
    }
    return {};
}

} // namespace

void decideWorker(Context &c) {
    const EffectiveScenario &e = c.e;
    if (e.iis5ProcessModel) {
        const bool pooled = e.protection != Protection::Low && c.handler.runsInApplicationProcess();
        if (pooled) {
            c.workerHost = Host::Dllhost;
            c.worker = {c.qualify("IWAM_" + e.machine), TokenKind::ServiceAccount};
        } else {
            c.workerHost = Host::Inetinfo;
            c.worker = {std::string(account::system), TokenKind::LocalSystem};
        }
        c.host = c.workerHost;
        c.process = c.worker;
        std::string text = c.versionName() + ": inetinfo.exe receives the request and runs as "
                                             "LocalSystem. ";
        if (pooled) {
            text += "The application's protection is " + std::string(toString(e.protection)) +
                    (e.protection == Protection::Medium ? " (pooled)" : " (isolated)") +
                    ", so its code runs in dllhost.exe under the COM+ identity " + c.worker.name +
                    ".";
        } else if (c.handler.runsInApplicationProcess()) {
            text += "The application's protection is low, so its code runs inside "
                    "inetinfo.exe as LocalSystem.";
        } else {
            text += "Static files, ISAPI filters and CGI launches are handled by inetinfo.exe "
                    "itself.";
        }
        c.step(Stage::Worker, std::move(text),
               isIis6(e.version) ? Facts{{"F2.10", "F2.12", "F2.01"}} : Facts{{"F2.01"}});
        return;
    }
    c.workerHost = Host::W3wp;
    c.worker = poolToken(c);
    c.host = c.workerHost;
    c.process = c.worker;
    std::string text = c.versionName() +
                       ": HTTP.sys queues the request to the application pool \"" + e.poolName +
                       "\"; its w3wp.exe runs as " + c.worker.name + " (identity " +
                       std::string(toString(e.poolIdentity)) + ").";
    if (isIis7Plus(e.version) && e.poolIdentity == PoolIdentity::ApplicationPoolIdentity)
        text +=
            " IIS APPPOOL\\" + e.poolName + " is a virtual account WAS creates from the pool name.";
    if (isIis6(e.version)) {
        c.step(Stage::Worker, std::move(text), {{"F2.10", "F2.11"}});
    } else if (e.version == IisVersion::V7_0 &&
               e.poolIdentity == PoolIdentity::ApplicationPoolIdentity) {
        c.step(Stage::Worker,
               text + " (ApplicationPoolIdentity needs IIS 7.0 with Windows "
                      "Server 2008 SP2 / Vista SP2.)",
               {{"F2.20", "F2.21", "F2.22"}});
    } else {
        c.step(Stage::Worker, std::move(text), {{"F2.20", "F2.22"}});
    }
}

} // namespace iisid
