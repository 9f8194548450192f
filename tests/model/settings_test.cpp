// The settings catalogue: the IIS defaults per version (iis-identity-reference.md), and the
// catalogue's own consistency (every setting labelled, explained, grouped, unique, and spelled
// the way scenario-format.md spells it).

#include "model/reference.h"
#include "model/scenario_io.h"
#include "model/settings.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
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
    EXPECT_EQ(defaultOf("authentication.windows.useKernelMode", onVersion(IisVersion::V6_0)),
              "false"); // F1.40: no kernel mode before IIS 7.0
    EXPECT_EQ(defaultOf("authentication.windows.useAppPoolCredentials", s), "false"); // F1.41
    EXPECT_EQ(defaultOf("authentication.clientCertificate.enabled", s), "false");     // F1.51
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

TEST(SettingCatalogue, UnknownIsAcceptedForWhatConfigurationFilesNeverTell) {
    std::vector<std::string> accepting;
    for (const iisid::Setting &setting : iisid::settings()) {
        if (setting.acceptsUnknown)
            accepting.push_back(setting.id);
    }
    EXPECT_EQ(accepting, (std::vector<std::string>{
                             "request.credentialsValid", "authentication.anonymous.passwordValid",
                             "content.connectAsPasswordValid", "content.readableBy"}));
    EXPECT_EQ(iisid::displayValue(iisid::unknown), "unknown");
    // Absent keeps today's defaults (scenario-format.md): unknown is only ever written.
    const Scenario nothing;
    EXPECT_EQ(iisid::displayValue(iisid::findSetting("content.readableBy")->defaultValue(nothing)),
              "(none)");
    EXPECT_EQ(
        iisid::displayValue(iisid::findSetting("request.credentialsValid")->defaultValue(nothing)),
        "true");
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

TEST(SettingCatalogue, EveryChoiceHasAWordForPeople) {
    for (const iisid::Setting &s : iisid::settings()) {
        if (s.type != iisid::SettingType::Choice)
            continue;
        ASSERT_EQ(s.choiceLabels.size(), s.choices.size()) << s.id;
        const std::set<std::string> unique(s.choiceLabels.begin(), s.choiceLabels.end());
        EXPECT_EQ(unique.size(), s.choiceLabels.size()) << s.id;
        for (const std::string &label : s.choiceLabels)
            EXPECT_FALSE(label.empty()) << s.id;
    }
}

TEST(SettingCatalogue, ChoiceWordsAreThoseOfIisManager) {
    struct Row {
        const char *setting;
        const char *choice;
        const char *word;
    };
    for (const Row &row : {Row{"handler.kind", "isapiFilter", "ISAPI filter"},
                           Row{"handler.kind", "aspnetCore", "ASP.NET Core"},
                           Row{"server.iis6Mode", "workerProcess", "Worker process isolation"},
                           Row{"authentication.basic.logonMethod", "clearText", "Clear text"},
                           Row{"request.sendsCredentials", "onChallenge", "After a 401 challenge"},
                           Row{"appPool.identity", "SpecificUser", "Custom account"},
                           Row{"request.scheme", "ntlm", "NTLM"}}) {
        const iisid::Setting *setting = iisid::findSetting(row.setting);
        ASSERT_NE(setting, nullptr) << row.setting;
        EXPECT_EQ(iisid::choiceLabel(*setting, row.choice), row.word) << row.setting;
        EXPECT_EQ(iisid::displayValue(*setting, std::string(row.choice)), row.word);
    }
    // Not a choice: the spelling stays; other values read as displayValue() writes them.
    const iisid::Setting *handler = iisid::findSetting("handler.kind");
    ASSERT_NE(handler, nullptr);
    EXPECT_EQ(iisid::choiceLabel(*handler, "perl"), "perl");
    EXPECT_EQ(iisid::displayValue(*iisid::findSetting("server.machine"), std::string("WEB01")),
              "WEB01");
}

TEST(SettingCatalogue, OffersOnlyTheChoicesTheVersionHas) {
    const iisid::Setting *identity = iisid::findSetting("appPool.identity");
    ASSERT_NE(identity, nullptr);
    EXPECT_TRUE(identity->choiceProblem(onVersion(IisVersion::V6_0), "ApplicationPoolIdentity"));
    EXPECT_FALSE(identity->choiceProblem(onVersion(IisVersion::V6_0), "NetworkService"));
    EXPECT_FALSE(identity->choiceProblem(onVersion(IisVersion::V7_0), "ApplicationPoolIdentity"));
    const iisid::Setting *handler = iisid::findSetting("handler.kind");
    ASSERT_NE(handler, nullptr);
    EXPECT_TRUE(handler->choiceProblem(onVersion(IisVersion::V7_0), "aspnetCore"));
    EXPECT_FALSE(handler->choiceProblem(onVersion(IisVersion::V7_5), "aspnetCore"));
    EXPECT_TRUE(handler->choiceProblem(onVersion(IisVersion::V5_0), "fastcgi"));
    // A written value without the version still says so through problem().
    Scenario written = onVersion(IisVersion::V6_0);
    written.appPool.identity = iisid::PoolIdentity::ApplicationPoolIdentity;
    EXPECT_EQ(identity->problem(written),
              identity->choiceProblem(written, "ApplicationPoolIdentity"));
    // Every setting answers, choice or not.
    for (const iisid::Setting &s : iisid::settings()) {
        for (const std::string &choice : s.choices)
            EXPECT_NO_FATAL_FAILURE((void)s.choiceProblem(Scenario{}, choice)) << s.id;
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
        // Our addition to the shared contract (docs/scenario-format.md): machine.config's
        // <processModel userName>, the account of aspnet_wp.exe (F2.03).
        {"aspnet.processModelUserName", {}},
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

// --- one home per default: what the catalogue declares is what the resolver gets
// ------------------

using iisid::EffectiveScenario;
using iisid::SettingValue;

template <typename E> SettingValue spelled(E value) {
    return std::string(iisid::toString(value));
}

SettingValue optionalText(const std::optional<std::string> &text) {
    return text ? SettingValue(*text) : SettingValue();
}

SettingValue knownFlag(const iisid::Known<bool> &flag) {
    return flag.ifKnown() ? SettingValue(*flag.ifKnown()) : SettingValue(iisid::unknown);
}

SettingValue knownReaders(const iisid::Known<std::optional<std::vector<std::string>>> &readers) {
    if (readers.isUnknown())
        return iisid::unknown;
    return *readers.ifKnown() ? SettingValue(**readers.ifKnown()) : SettingValue();
}

/// Where each setting lands in EffectiveScenario, as the catalogue's generic value. Every
/// setting needs a row (EveryDefaultIsWhatTheResolverGets fails on a missing one).
const std::map<std::string, std::function<SettingValue(const EffectiveScenario &)>> &landing() {
    using E = const EffectiveScenario &;
    static const std::map<std::string, std::function<SettingValue(E)>> table = {
        {"server.iisVersion", [](E e) { return spelled(e.version); }},
        {"server.iis6Mode", [](E e) { return spelled(e.iis6Mode); }},
        {"server.machine", [](E e) { return SettingValue(e.machine); }},
        {"server.domain", [](E e) { return SettingValue(e.domain); }},
        {"server.kerberosDelegation", [](E e) { return SettingValue(e.kerberosDelegation); }},
        {"application.protection", [](E e) { return spelled(e.protection); }},
        {"appPool.name", [](E e) { return SettingValue(e.poolName); }},
        {"appPool.identity", [](E e) { return spelled(e.poolIdentity); }},
        // "" stands for "no account" in EffectiveScenario.
        {"appPool.userName",
         [](E e) {
             return e.poolUserName.empty() ? SettingValue() : SettingValue(e.poolUserName);
         }},
        {"appPool.pipeline", [](E e) { return spelled(e.pipeline); }},
        {"appPool.canReplaceProcessToken",
         [](E e) { return SettingValue(e.canReplaceProcessToken); }},
        {"authentication.anonymous.enabled", [](E e) { return SettingValue(e.anonymousEnabled); }},
        {"authentication.anonymous.userName",
         [](E e) { return SettingValue(e.anonymousUserName); }},
        {"authentication.anonymous.passwordValid",
         [](E e) { return knownFlag(e.anonymousPasswordValid); }},
        {"authentication.anonymous.logonMethod",
         [](E e) { return spelled(e.anonymousLogonMethod); }},
        {"authentication.basic.enabled", [](E e) { return SettingValue(e.basicEnabled); }},
        {"authentication.basic.logonMethod", [](E e) { return spelled(e.basicLogonMethod); }},
        {"authentication.digest.enabled", [](E e) { return SettingValue(e.digestEnabled); }},
        {"authentication.windows.enabled", [](E e) { return SettingValue(e.windowsEnabled); }},
        {"authentication.windows.useKernelMode", [](E e) { return SettingValue(e.useKernelMode); }},
        {"authentication.windows.useAppPoolCredentials",
         [](E e) { return SettingValue(e.useAppPoolCredentials); }},
        {"authentication.clientCertificate.enabled",
         [](E e) { return SettingValue(e.clientCertificateEnabled); }},
        {"authentication.clientCertificate.required",
         [](E e) { return SettingValue(e.clientCertificateRequired); }},
        {"request.user", [](E e) { return optionalText(e.requestUser); }},
        {"request.scheme", [](E e) { return spelled(e.scheme); }},
        {"request.credentialsValid", [](E e) { return knownFlag(e.credentialsValid); }},
        {"request.sendsCredentials", [](E e) { return spelled(e.sendsCredentials); }},
        {"content.path", [](E e) { return SettingValue(e.contentPath); }},
        {"content.connectAs", [](E e) { return optionalText(e.connectAs); }},
        {"content.connectAsPasswordValid", [](E e) { return knownFlag(e.connectAsPasswordValid); }},
        {"content.readableBy", [](E e) { return knownReaders(e.readableBy); }},
        {"handler.kind", [](E e) { return spelled(e.handler); }},
        {"handler.createProcessAsUser", [](E e) { return SettingValue(e.createProcessAsUser); }},
        {"handler.fastcgiImpersonate", [](E e) { return SettingValue(e.fastcgiImpersonate); }},
        {"handler.fastcgiProtocol", [](E e) { return spelled(e.fastcgiProtocol); }},
        {"handler.hostingModel", [](E e) { return spelled(e.hostingModel); }},
        {"handler.forwardWindowsAuthToken",
         [](E e) { return SettingValue(e.forwardWindowsAuthToken); }},
        {"aspnet.impersonate", [](E e) { return SettingValue(e.aspnetImpersonate); }},
        {"aspnet.userName", [](E e) { return optionalText(e.aspnetUserName); }},
        {"aspnet.validateIntegratedModeConfiguration",
         [](E e) { return SettingValue(e.validateIntegratedModeConfiguration); }},
        {"aspnet.authenticationMode", [](E e) { return spelled(e.aspnetAuthenticationMode); }},
        {"aspnet.processModelUserName", [](E e) { return SettingValue(e.processModelUserName); }},
        {"asp.runOnEndAnonymously", [](E e) { return SettingValue(e.runOnEndAnonymously); }},
        {"action", [](E e) { return spelled(e.action); }},
    };
    return table;
}

/// Scenarios that write nothing, or nothing but the version (and, on IIS 6.0, each isolation
/// mode).
std::vector<Scenario> versionOnlyScenarios() {
    std::vector<Scenario> out{Scenario()};
    for (IisVersion v : {IisVersion::V5_0, IisVersion::V5_1, IisVersion::V6_0, IisVersion::V7_0,
                         IisVersion::V7_5, IisVersion::V8_0, IisVersion::V8_5, IisVersion::V10_0})
        out.push_back(onVersion(v));
    for (iisid::Iis6Mode mode : {iisid::Iis6Mode::WorkerProcess, iisid::Iis6Mode::Iis5Isolation}) {
        Scenario s = onVersion(IisVersion::V6_0);
        s.server.iis6Mode = mode;
        out.push_back(s);
    }
    return out;
}

std::string describe(const Scenario &s) {
    if (!s.server.iisVersion)
        return "nothing written";
    return "IIS " + std::string(iisid::toString(*s.server.iisVersion)) +
           (s.server.iis6Mode ? " " + std::string(iisid::toString(*s.server.iis6Mode)) : "");
}

class EverySetting : public ::testing::TestWithParam<std::string> {
protected:
    const iisid::Setting &setting() const {
        const iisid::Setting *found = iisid::findSetting(GetParam());
        EXPECT_NE(found, nullptr);
        return *found;
    }
};

std::vector<std::string> settingIds() {
    std::vector<std::string> ids;
    for (const iisid::Setting &s : iisid::settings())
        ids.push_back(s.id);
    return ids;
}

TEST_P(EverySetting, DefaultIsWhatTheResolverGets) {
    const auto row = landing().find(GetParam());
    ASSERT_NE(row, landing().end()) << "add " << GetParam() << " to landing()";
    for (const Scenario &s : versionOnlyScenarios()) {
        if (!std::holds_alternative<std::monostate>(setting().get(s)))
            continue; // written here (the version): the next test's business
        EXPECT_EQ(iisid::displayValue(row->second(iisid::effective(s))),
                  iisid::displayValue(setting().defaultValue(s)))
            << describe(s);
    }
}

TEST_P(EverySetting, WrittenValueReachesTheResolverUnchanged) {
    const iisid::Setting &target = setting();
    const auto row = landing().find(GetParam());
    ASSERT_NE(row, landing().end());
    std::vector<SettingValue> values = target.samples;
    for (const std::string &choice : target.choices)
        values.emplace_back(choice);
    if (target.type == iisid::SettingType::Text)
        values.insert(values.end(), {std::string("PROBE"), std::string("CONTOSO\\probe")});
    if (target.type == iisid::SettingType::TextList)
        values.emplace_back(std::vector<std::string>{"Everyone", "CONTOSO\\probe"});
    if (target.acceptsUnknown)
        values.emplace_back(iisid::unknown);
    int checked = 0;
    for (const Scenario &base : versionOnlyScenarios()) {
        for (const SettingValue &value : values) {
            if (std::holds_alternative<std::monostate>(value))
                continue;
            Scenario s = base;
            target.set(s, value);
            if (!iisid::validate(s).empty())
                continue; // not a value this version accepts
            EXPECT_EQ(iisid::displayValue(row->second(iisid::effective(s))),
                      iisid::displayValue(value))
                << describe(base);
            ++checked;
        }
    }
    EXPECT_GT(checked, 0) << "no written value of " << GetParam() << " was accepted";
}

TEST_P(EverySetting, ADefaultThatDependsOnOtherSettingsSaysHow) {
    // Vary one other setting at a time over its samples, on every version: a default that moves
    // needs a defaultNote, and a fixed one must not claim to depend on anything.
    const iisid::Setting &target = setting();
    std::set<std::string> defaults;
    for (const Scenario &base : versionOnlyScenarios()) {
        defaults.insert(iisid::displayValue(target.defaultValue(base)));
        for (const iisid::Setting &other : iisid::settings()) {
            if (other.id == target.id)
                continue;
            for (const SettingValue &value : other.samples) {
                Scenario s = base;
                other.set(s, value);
                defaults.insert(iisid::displayValue(target.defaultValue(s)));
            }
        }
    }
    EXPECT_EQ(defaults.size() > 1, !target.defaultNote.empty())
        << defaults.size() << " different defaults; note: \"" << target.defaultNote << "\"";
}

INSTANTIATE_TEST_SUITE_P(Catalogue, EverySetting, ::testing::ValuesIn(settingIds()),
                         [](const ::testing::TestParamInfo<std::string> &row) {
                             std::string name = row.param;
                             std::replace(name.begin(), name.end(), '.', '_');
                             return name;
                         });

// --- problems set while the catalogue is built survive its assembly
// ------------------------------- The catalogue once handed out references into a vector while it
// grew; past its reserve() the problems written through them were lost. Each row writes one value
// IIS cannot take.

struct ProblemRow {
    const char *name;
    const char *id;
    IisVersion version;
    SettingValue value;
};

class DeclaredProblem : public ::testing::TestWithParam<ProblemRow> {};

TEST_P(DeclaredProblem, IsReported) {
    const ProblemRow &row = GetParam();
    const iisid::Setting *setting = iisid::findSetting(row.id);
    ASSERT_NE(setting, nullptr);
    Scenario s = onVersion(row.version);
    setting->set(s, row.value);
    EXPECT_TRUE(setting->problem(s).has_value() || setting->valueProblem(row.value).has_value());
    const auto problems = iisid::validate(s);
    EXPECT_TRUE(std::any_of(problems.begin(), problems.end(),
                            [&](const auto &problem) { return problem.first == row.id; }));
}

INSTANTIATE_TEST_SUITE_P(
    Catalogue, DeclaredProblem,
    ::testing::Values(
        ProblemRow{"Iis6ModeOn10", "server.iis6Mode", IisVersion::V10_0,
                   std::string("iis5Isolation")},
        ProblemRow{"EmptyMachine", "server.machine", IisVersion::V10_0, std::string("")},
        ProblemRow{"DomainWithBackslash", "server.domain", IisVersion::V10_0,
                   std::string("CONTOSO\\X")},
        ProblemRow{"ProtectionOn10", "application.protection", IisVersion::V10_0,
                   std::string("low")},
        ProblemRow{"PoolNameOn5", "appPool.name", IisVersion::V5_0, std::string("Shop")},
        ProblemRow{"PoolIdentityOn5", "appPool.identity", IisVersion::V5_0,
                   std::string("NetworkService")},
        ProblemRow{"PoolUserOn5", "appPool.userName", IisVersion::V5_0,
                   std::string("CONTOSO\\svc")},
        ProblemRow{"PipelineOn6", "appPool.pipeline", IisVersion::V6_0, std::string("classic")},
        ProblemRow{"ReplaceTokenOn5", "appPool.canReplaceProcessToken", IisVersion::V5_0, true},
        ProblemRow{"FastCgiOn50", "handler.kind", IisVersion::V5_0, std::string("fastcgi")},
        ProblemRow{"EmptyUser", "request.user", IisVersion::V10_0, std::string("")},
        ProblemRow{"BlankAnonymousOn6", "authentication.anonymous.userName", IisVersion::V6_0,
                   std::string("")},
        ProblemRow{"KernelModeOn6", "authentication.windows.useKernelMode", IisVersion::V6_0, true},
        ProblemRow{"AppPoolCredentialsOn6", "authentication.windows.useAppPoolCredentials",
                   IisVersion::V6_0, false},
        ProblemRow{"EmptyConnectAs", "content.connectAs", IisVersion::V10_0, std::string("")},
        ProblemRow{"EmptyReader", "content.readableBy", IisVersion::V10_0,
                   std::vector<std::string>{""}},
        ProblemRow{"EmptyAspNetUser", "aspnet.userName", IisVersion::V10_0, std::string("")},
        ProblemRow{"ValidationOn6", "aspnet.validateIntegratedModeConfiguration", IisVersion::V6_0,
                   true},
        ProblemRow{"RunOnEndOn5", "asp.runOnEndAnonymously", IisVersion::V5_0, true}),
    [](const ::testing::TestParamInfo<ProblemRow> &row) { return std::string(row.param.name); });

// --- names
// ------------------------------------------------------------------------------------------

struct NameRow {
    const char *name;
    const char *id;
    const char *value;
    const char *problem; // "" = valid
};

class Name : public ::testing::TestWithParam<NameRow> {};

TEST_P(Name, IsCheckedAsWindowsChecksIt) {
    const NameRow &row = GetParam();
    const iisid::Setting *setting = iisid::findSetting(row.id);
    ASSERT_NE(setting, nullptr);
    EXPECT_EQ(setting->valueProblem(std::string(row.value)).value_or(""), row.problem);
    // validate() reports it, keyed by the setting, on any version.
    Scenario s = onVersion(IisVersion::V10_0);
    setting->set(s, std::string(row.value));
    const auto problems = iisid::validate(s);
    if (*row.problem)
        EXPECT_EQ(problems,
                  (std::vector<std::pair<std::string, std::string>>{{row.id, row.problem}}));
    else
        EXPECT_TRUE(problems.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Catalogue, Name,
    ::testing::Values(
        NameRow{"DomainUser", "request.user", "CONTOSO\\alice", ""},
        NameRow{"LocalUser", "request.user", "alice", ""},
        NameRow{"MachineAccount", "content.connectAs", "CONTOSO\\WEB01$", ""},
        NameRow{"SpaceInDomain", "appPool.userName", "NT AUTHORITY\\NETWORK SERVICE", ""},
        NameRow{"Upn", "aspnet.userName", "alice@contoso.com", ""},
        NameRow{"BlankAnonymousIsThePoolIdentity", "authentication.anonymous.userName", "", ""},
        NameRow{"BlankDomainIsAWorkgroup", "server.domain", "", ""},
        NameRow{"DnsDomain", "server.domain", "contoso.com", ""},
        NameRow{"EmptyUser", "request.user", "", "the account name is empty"},
        NameRow{"EmptyPoolAccount", "appPool.userName", "", "the account name is empty"},
        NameRow{"NoUserAfterDomain", "appPool.userName", "CONTOSO\\",
                "the user name after the '\\' in \"CONTOSO\\\" is empty"},
        NameRow{"NoDomainBeforeUser", "request.user", "\\alice",
                "the domain before the '\\' in \"\\alice\" is empty"},
        NameRow{"TwoBackslashes", "content.connectAs", "A\\B\\c",
                "the account name \"A\\B\\c\" has more than one '\\'; write DOMAIN\\user"},
        NameRow{"ForbiddenInUser", "aspnet.userName", "CONTOSO\\a:b",
                "the account name \"CONTOSO\\a:b\" contains ':', which Windows does not allow in "
                "names"},
        NameRow{"ForbiddenInAnonymous", "authentication.anonymous.userName", "IUSR*",
                "the account name \"IUSR*\" contains '*', which Windows does not allow in names"},
        NameRow{"EmptyMachine", "server.machine", "", "the machine name is empty"},
        NameRow{"BackslashInMachine", "server.machine", "CONTOSO\\WEB01",
                "the machine name \"CONTOSO\\WEB01\" contains '\\', which is not allowed there"},
        NameRow{"EmptyPoolName", "appPool.name", "", "the pool name is empty"},
        NameRow{"ForbiddenInPoolName", "appPool.name", "Shop<1>",
                "the pool name \"Shop<1>\" contains '<', which Windows does not allow in names"},
        NameRow{"ForbiddenInDomain", "server.domain", "CON,TOSO",
                "the domain name \"CON,TOSO\" contains ',', which Windows does not allow in "
                "names"}),
    [](const ::testing::TestParamInfo<NameRow> &row) { return std::string(row.param.name); });

} // namespace
