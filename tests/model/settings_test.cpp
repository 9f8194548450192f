// The settings catalogue: the IIS defaults per version (iis-identity-reference.md), and the
// catalogue's own consistency (every setting labelled, explained, grouped, unique, and spelled
// the way scenario-format.md spells it).

#include "model/reference.h"
#include "model/scenario_io.h"
#include "model/settings.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace {

using iisid::IisVersion;
using iisid::Scenario;

std::string defaultOf(const std::string &id, const Scenario &scenario) {
    const iisid::Setting *setting = iisid::findSetting(id);
    if (!setting)
        return "(no setting " + id + ")";
    return iisid::displayValue(setting->defaultValue(scenario));
}

Scenario onVersion(IisVersion version) {
    Scenario s;
    s.server.iisVersion = version;
    return s;
}

// --- defaults per version ---------------------------------------------------------------------

TEST(SettingDefaults, PoolIdentityIsNetworkServiceOn6And70) // F2.11, F2.20
{
    for (IisVersion v : {IisVersion::V6_0, IisVersion::V7_0}) {
        EXPECT_EQ(defaultOf("appPool.identity", onVersion(v)), "NetworkService")
            << iisid::toString(v);
        EXPECT_EQ(iisid::effective(onVersion(v)).poolIdentity, iisid::PoolIdentity::NetworkService);
    }
}

TEST(SettingDefaults, PoolIdentityIsApplicationPoolIdentityFrom75) // F2.20, F2.21
{
    for (IisVersion v : {IisVersion::V7_5, IisVersion::V8_0, IisVersion::V8_5, IisVersion::V10_0}) {
        EXPECT_EQ(defaultOf("appPool.identity", onVersion(v)), "ApplicationPoolIdentity")
            << iisid::toString(v);
        EXPECT_EQ(iisid::effective(onVersion(v)).poolIdentity,
                  iisid::PoolIdentity::ApplicationPoolIdentity);
    }
}

TEST(SettingDefaults, AnonymousUserIsIusrMachineBefore7) // F1.01
{
    for (IisVersion v : {IisVersion::V5_0, IisVersion::V5_1, IisVersion::V6_0}) {
        EXPECT_EQ(defaultOf("authentication.anonymous.userName", onVersion(v)), "IUSR_WEB01")
            << iisid::toString(v);
    }
    Scenario s = onVersion(IisVersion::V6_0);
    s.server.machine = "SRV7";
    EXPECT_EQ(defaultOf("authentication.anonymous.userName", s), "IUSR_SRV7");
    EXPECT_EQ(iisid::effective(s).anonymousUserName, "IUSR_SRV7");
}

TEST(SettingDefaults, AnonymousUserIsBuiltinIusrFrom7) // F1.06, F1.07
{
    for (IisVersion v : {IisVersion::V7_0, IisVersion::V7_5, IisVersion::V8_0, IisVersion::V8_5,
                         IisVersion::V10_0}) {
        EXPECT_EQ(defaultOf("authentication.anonymous.userName", onVersion(v)), "IUSR")
            << iisid::toString(v);
    }
}

TEST(SettingDefaults, BlankAnonymousUserIsKeptAndNotReplacedByTheDefault) // F1.08
{
    Scenario s;
    s.authentication.anonymous.userName = "";
    EXPECT_EQ(iisid::effective(s).anonymousUserName, "");
    EXPECT_EQ(iisid::effective(Scenario{}).anonymousUserName, "IUSR");
}

TEST(SettingDefaults, DocumentedIisDefaults) {
    const Scenario s = onVersion(IisVersion::V10_0);
    EXPECT_EQ(defaultOf("server.machine", s), "WEB01");  // product.md
    EXPECT_EQ(defaultOf("server.domain", s), "CONTOSO"); // product.md
    EXPECT_EQ(defaultOf("server.iis6Mode", onVersion(IisVersion::V6_0)), "workerProcess"); // F2.10
    EXPECT_EQ(defaultOf("application.protection", onVersion(IisVersion::V5_0)), "medium"); // F2.01
    EXPECT_EQ(defaultOf("authentication.anonymous.enabled", s), "true");                   // F1.07
    EXPECT_EQ(defaultOf("authentication.anonymous.logonMethod", s), "clearText");          // F1.07
    EXPECT_EQ(defaultOf("authentication.basic.enabled", s), "false");                      // F1.21
    EXPECT_EQ(defaultOf("authentication.basic.logonMethod", s), "clearText");              // F1.21
    EXPECT_EQ(defaultOf("authentication.digest.enabled", s), "false");                     // F1.32
    EXPECT_EQ(defaultOf("authentication.windows.enabled", s), "false");                    // F1.40
    EXPECT_EQ(defaultOf("authentication.windows.useKernelMode", s), "true");               // F1.40
    EXPECT_EQ(defaultOf("authentication.windows.useAppPoolCredentials", s), "false");      // F1.41
    EXPECT_EQ(defaultOf("authentication.clientCertificate.enabled", s), "false");          // F1.51
    EXPECT_EQ(defaultOf("handler.createProcessAsUser", s), "true");                // F3.20, F3.21
    EXPECT_EQ(defaultOf("handler.fastcgiImpersonate", s), "false");                // F3.31
    EXPECT_EQ(defaultOf("handler.fastcgiProtocol", s), "namedPipe");               // F3.32
    EXPECT_EQ(defaultOf("handler.hostingModel", s), "inProcess");                  // F3.80
    EXPECT_EQ(defaultOf("handler.forwardWindowsAuthToken", s), "true");            // F3.82
    EXPECT_EQ(defaultOf("aspnet.impersonate", s), "false");                        // F3.60
    EXPECT_EQ(defaultOf("aspnet.validateIntegratedModeConfiguration", s), "true"); // F3.70
    EXPECT_EQ(defaultOf("appPool.pipeline", s), "integrated");                     // F3.70
    EXPECT_EQ(defaultOf("asp.runOnEndAnonymously", s), "true");                    // F3.53
    EXPECT_EQ(defaultOf("request.user", s), "(none)");       // scenario-format.md
    EXPECT_EQ(defaultOf("content.readableBy", s), "(none)"); // absent: everyone can read
    EXPECT_EQ(defaultOf("action", s), "none");
}

TEST(SettingDefaults, ReplaceProcessTokenByIdentityType) // F2.15
{
    for (auto identity : {iisid::PoolIdentity::LocalSystem, iisid::PoolIdentity::LocalService,
                          iisid::PoolIdentity::NetworkService}) {
        Scenario s;
        s.appPool.identity = identity;
        EXPECT_TRUE(iisid::effective(s).canReplaceProcessToken) << iisid::toString(identity);
    }
    Scenario custom;
    custom.appPool.identity = iisid::PoolIdentity::SpecificUser;
    custom.appPool.userName = "CONTOSO\\svcweb";
    EXPECT_FALSE(iisid::effective(custom).canReplaceProcessToken);
    custom.appPool.canReplaceProcessToken = true;
    EXPECT_TRUE(iisid::effective(custom).canReplaceProcessToken);
}

TEST(SettingDefaults, WrittenValuesWinOverDefaults) {
    Scenario s = onVersion(IisVersion::V10_0);
    s.appPool.identity = iisid::PoolIdentity::LocalService;
    s.appPool.name = "Shop";
    const iisid::EffectiveScenario e = iisid::effective(s);
    EXPECT_EQ(e.poolIdentity, iisid::PoolIdentity::LocalService);
    EXPECT_EQ(e.poolName, "Shop");
    EXPECT_EQ(
        iisid::displayValue(iisid::effectiveValue(*iisid::findSetting("appPool.identity"), s)),
        "LocalService");
}

// --- the catalogue
// --------------------------------------------------------------------------------

TEST(SettingCatalogue, EverySettingHasLabelHelpGroupAndFacts) {
    for (const iisid::Setting &s : iisid::settings()) {
        EXPECT_FALSE(s.label.empty()) << s.id;
        EXPECT_GE(s.help.size(), 20u) << s.id;
        EXPECT_FALSE(s.group.empty()) << s.id;
        EXPECT_FALSE(s.facts.empty()) << s.id;
        EXPECT_TRUE(s.get && s.set && s.defaultValue && s.problem && s.inactiveReason) << s.id;
    }
}

TEST(SettingCatalogue, FactsNamedBySettingsExistInTheReference) {
    for (const iisid::Setting &s : iisid::settings()) {
        std::size_t start = 0;
        while (start < s.facts.size()) {
            std::size_t end = s.facts.find(' ', start);
            if (end == std::string::npos)
                end = s.facts.size();
            const std::string id = s.facts.substr(start, end - start);
            if (!id.empty()) {
                EXPECT_NE(iisid::findFact(id), nullptr) << s.id << " names unknown fact " << id;
            }
            start = end + 1;
        }
    }
}

TEST(SettingCatalogue, IdsAreUnique) {
    std::set<std::string> seen;
    for (const iisid::Setting &s : iisid::settings())
        EXPECT_TRUE(seen.insert(s.id).second) << "duplicate id " << s.id;
}

TEST(SettingCatalogue, ChoicesAreNonEmptyAndUnique) {
    for (const iisid::Setting &s : iisid::settings()) {
        if (s.type != iisid::SettingType::Choice)
            continue;
        EXPECT_FALSE(s.choices.empty()) << s.id;
        const std::set<std::string> unique(s.choices.begin(), s.choices.end());
        EXPECT_EQ(unique.size(), s.choices.size()) << s.id;
    }
}

TEST(SettingCatalogue, IdsAndChoicesAreThoseOfTheScenarioFormat) {
    // scenario-format.md, "Scenario file".
    const std::vector<std::pair<std::string, std::vector<std::string>>> format = {
        {"server.iisVersion", {"5.0", "5.1", "6.0", "7.0", "7.5", "8.0", "8.5", "10.0"}},
        {"server.iis6Mode", {"workerProcess", "iis5Isolation"}},
        {"server.machine", {}},
        {"server.domain", {}},
        {"server.kerberosDelegation", {}},
        {"application.protection", {"low", "medium", "high"}},
        {"appPool.name", {}},
        {"appPool.identity",
         {"LocalSystem", "LocalService", "NetworkService", "ApplicationPoolIdentity",
          "SpecificUser"}},
        {"appPool.userName", {}},
        {"appPool.pipeline", {"integrated", "classic"}},
        {"appPool.canReplaceProcessToken", {}},
        {"authentication.anonymous.enabled", {}},
        {"authentication.anonymous.userName", {}},
        {"authentication.anonymous.passwordValid", {}},
        {"authentication.anonymous.logonMethod", {"interactive", "batch", "network", "clearText"}},
        {"authentication.basic.enabled", {}},
        {"authentication.basic.logonMethod", {"interactive", "batch", "network", "clearText"}},
        {"authentication.digest.enabled", {}},
        {"authentication.windows.enabled", {}},
        {"authentication.windows.useKernelMode", {}},
        {"authentication.windows.useAppPoolCredentials", {}},
        {"authentication.clientCertificate.enabled", {}},
        {"authentication.clientCertificate.required", {}},
        {"request.user", {}},
        {"request.scheme", {"ntlm", "kerberos", "basic", "digest", "clientCertificate", "forms"}},
        {"request.credentialsValid", {}},
        {"request.sendsCredentials", {"onChallenge", "always"}},
        {"content.path", {}},
        {"content.connectAs", {}},
        {"content.connectAsPasswordValid", {}},
        {"content.readableBy", {}},
        {"handler.kind",
         {"static", "isapiFilter", "isapiExtension", "asp", "aspnet", "cgi", "fastcgi",
          "aspnetCore"}},
        {"handler.createProcessAsUser", {}},
        {"handler.fastcgiImpersonate", {}},
        {"handler.fastcgiProtocol", {"namedPipe", "tcp"}},
        {"handler.hostingModel", {"inProcess", "outOfProcess"}},
        {"handler.forwardWindowsAuthToken", {}},
        {"aspnet.impersonate", {}},
        {"aspnet.userName", {}},
        {"aspnet.validateIntegratedModeConfiguration", {}},
        {"aspnet.authenticationMode", {"windows", "forms", "none"}},
        {"asp.runOnEndAnonymously", {}},
        {"action",
         {"none", "createProcess", "createProcessAsUser", "revertToSelf", "applicationStart",
          "sessionOnEnd", "beginRequestModule", "runImpersonated"}},
    };
    EXPECT_EQ(iisid::settings().size(), format.size());
    for (const auto &[id, choices] : format) {
        const iisid::Setting *s = iisid::findSetting(id);
        ASSERT_NE(s, nullptr) << id << " is in the format but not in the catalogue";
        EXPECT_EQ(s->choices, choices) << id;
        EXPECT_EQ(s->type == iisid::SettingType::Choice, !choices.empty()) << id;
    }
    EXPECT_EQ(iisid::findSetting("appPool.identityType"), nullptr);
}

TEST(SettingCatalogue, EverySampleSurvivesSetAndGet) {
    for (const iisid::Setting &s : iisid::settings()) {
        for (const iisid::SettingValue &value : s.samples) {
            Scenario scenario;
            s.set(scenario, value);
            EXPECT_EQ(iisid::displayValue(s.get(scenario)), iisid::displayValue(value)) << s.id;
        }
    }
}

TEST(SettingCatalogue, DefaultsAreValuesOfTheSettingsType) {
    for (IisVersion v : {IisVersion::V5_0, IisVersion::V6_0, IisVersion::V7_0, IisVersion::V10_0}) {
        const Scenario scenario = onVersion(v);
        for (const iisid::Setting &s : iisid::settings()) {
            const iisid::SettingValue value = s.defaultValue(scenario);
            switch (s.type) {
            case iisid::SettingType::Bool:
                EXPECT_TRUE(std::holds_alternative<bool>(value)) << s.id;
                break;
            case iisid::SettingType::Choice: {
                const auto *text = std::get_if<std::string>(&value);
                ASSERT_NE(text, nullptr) << s.id;
                EXPECT_NE(std::find(s.choices.begin(), s.choices.end(), *text), s.choices.end())
                    << s.id << " defaults to " << *text;
                break;
            }
            case iisid::SettingType::Text:
                EXPECT_TRUE(std::holds_alternative<std::string>(value) ||
                            std::holds_alternative<std::monostate>(value))
                    << s.id;
                break;
            case iisid::SettingType::TextList:
                EXPECT_FALSE(std::holds_alternative<bool>(value)) << s.id;
                break;
            }
        }
    }
}

TEST(SettingCatalogue, AnEmptyScenarioIsValidOnEveryVersion) {
    for (IisVersion v : {IisVersion::V5_0, IisVersion::V5_1, IisVersion::V6_0, IisVersion::V7_0,
                         IisVersion::V7_5, IisVersion::V8_0, IisVersion::V8_5, IisVersion::V10_0})
        EXPECT_TRUE(iisid::validate(onVersion(v)).empty()) << iisid::toString(v);
}

} // namespace
