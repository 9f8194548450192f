// The settings catalogue: its assembly in dependency order, the spellings of the enumerations,
// effective() and validate(). The settings themselves live in one file per editor group
// (settings_server.cpp, settings_app_pool.cpp, ...), built on settings_common.cpp.

#include "settings.h"

#include "settings_catalogue.h"

#include <array>
#include <utility>

namespace iisid {

namespace catalogue {

namespace {

// ---------------------------------------------------------------------------------------------
// Spellings of the enumerations, in enumerator order.

constexpr std::array<std::string_view, 8> versionNames{"5.0", "5.1", "6.0", "7.0",
                                                       "7.5", "8.0", "8.5", "10.0"};
constexpr std::array<std::string_view, 2> iis6ModeNames{"workerProcess", "iis5Isolation"};
constexpr std::array<std::string_view, 3> protectionNames{"low", "medium", "high"};
constexpr std::array<std::string_view, 5> poolIdentityNames{
    "LocalSystem", "LocalService", "NetworkService", "ApplicationPoolIdentity", "SpecificUser"};
constexpr std::array<std::string_view, 2> pipelineNames{"integrated", "classic"};
constexpr std::array<std::string_view, 4> logonMethodNames{"interactive", "batch", "network",
                                                           "clearText"};
constexpr std::array<std::string_view, 6> schemeNames{"ntlm",   "kerberos",          "basic",
                                                      "digest", "clientCertificate", "forms"};
constexpr std::array<std::string_view, 2> sendsCredentialsNames{"onChallenge", "always"};
constexpr std::array<std::string_view, 8> handlerNames{
    "static", "isapiFilter", "isapiExtension", "asp", "aspnet", "cgi", "fastcgi", "aspnetCore"};
constexpr std::array<std::string_view, 2> protocolNames{"namedPipe", "tcp"};
constexpr std::array<std::string_view, 2> hostingNames{"inProcess", "outOfProcess"};
constexpr std::array<std::string_view, 3> authModeNames{"windows", "forms", "none"};
constexpr std::array<std::string_view, 8> actionNames{
    "none",         "createProcess",      "createProcessAsUser", "revertToSelf", "applicationStart",
    "sessionOnEnd", "beginRequestModule", "runImpersonated"};

// The words people read for the same values, as IIS Manager and Microsoft's documents write
// them, in the same order. Shown by the editor; never written to a file.

constexpr std::array<std::string_view, 8> versionWords{"IIS 5.0", "IIS 5.1", "IIS 6.0", "IIS 7.0",
                                                       "IIS 7.5", "IIS 8.0", "IIS 8.5", "IIS 10.0"};
constexpr std::array<std::string_view, 2> iis6ModeWords{"Worker process isolation",
                                                        "IIS 5.0 isolation"};
constexpr std::array<std::string_view, 3> protectionWords{"Low (IIS process)", "Medium (pooled)",
                                                          "High (isolated)"};
constexpr std::array<std::string_view, 5> poolIdentityWords{
    "LocalSystem", "LocalService", "NetworkService", "ApplicationPoolIdentity", "Custom account"};
constexpr std::array<std::string_view, 2> pipelineWords{"Integrated", "Classic"};
constexpr std::array<std::string_view, 4> logonMethodWords{"Interactive", "Batch", "Network",
                                                           "Clear text"};
constexpr std::array<std::string_view, 6> schemeWords{"NTLM",   "Kerberos",           "Basic",
                                                      "Digest", "Client certificate", "Forms"};
constexpr std::array<std::string_view, 2> sendsCredentialsWords{"After a 401 challenge", "Always"};
constexpr std::array<std::string_view, 8> handlerWords{
    "Static file", "ISAPI filter", "ISAPI extension", "ASP",
    "ASP.NET",     "CGI",          "FastCGI",         "ASP.NET Core"};
constexpr std::array<std::string_view, 2> protocolWords{"Named pipe", "TCP"};
constexpr std::array<std::string_view, 2> hostingWords{"In-process", "Out-of-process"};
constexpr std::array<std::string_view, 3> authModeWords{"Windows", "Forms", "None"};
constexpr std::array<std::string_view, 8> actionWords{
    "Nothing more",      "CreateProcess", "CreateProcessAsUser",      "RevertToSelf",
    "Application_Start", "Session_OnEnd", "A module in BeginRequest", "Run impersonated"};

// Each value has its word: the lists cannot drift apart.
static_assert(versionWords.size() == versionNames.size());
static_assert(iis6ModeWords.size() == iis6ModeNames.size());
static_assert(protectionWords.size() == protectionNames.size());
static_assert(poolIdentityWords.size() == poolIdentityNames.size());
static_assert(pipelineWords.size() == pipelineNames.size());
static_assert(logonMethodWords.size() == logonMethodNames.size());
static_assert(schemeWords.size() == schemeNames.size());
static_assert(sendsCredentialsWords.size() == sendsCredentialsNames.size());
static_assert(handlerWords.size() == handlerNames.size());
static_assert(protocolWords.size() == protocolNames.size());
static_assert(hostingWords.size() == hostingNames.size());
static_assert(authModeWords.size() == authModeNames.size());
static_assert(actionWords.size() == actionNames.size());

} // namespace

std::span<const std::string_view> spellings(IisVersion) {
    return versionNames;
}
std::span<const std::string_view> spellings(Iis6Mode) {
    return iis6ModeNames;
}
std::span<const std::string_view> spellings(Protection) {
    return protectionNames;
}
std::span<const std::string_view> spellings(PoolIdentity) {
    return poolIdentityNames;
}
std::span<const std::string_view> spellings(Pipeline) {
    return pipelineNames;
}
std::span<const std::string_view> spellings(LogonMethod) {
    return logonMethodNames;
}
std::span<const std::string_view> spellings(Scheme) {
    return schemeNames;
}
std::span<const std::string_view> spellings(SendsCredentials) {
    return sendsCredentialsNames;
}
std::span<const std::string_view> spellings(HandlerKind) {
    return handlerNames;
}
std::span<const std::string_view> spellings(FastCgiProtocol) {
    return protocolNames;
}
std::span<const std::string_view> spellings(HostingModel) {
    return hostingNames;
}
std::span<const std::string_view> spellings(AspNetAuthMode) {
    return authModeNames;
}
std::span<const std::string_view> spellings(Action) {
    return actionNames;
}

std::span<const std::string_view> words(IisVersion) {
    return versionWords;
}
std::span<const std::string_view> words(Iis6Mode) {
    return iis6ModeWords;
}
std::span<const std::string_view> words(Protection) {
    return protectionWords;
}
std::span<const std::string_view> words(PoolIdentity) {
    return poolIdentityWords;
}
std::span<const std::string_view> words(Pipeline) {
    return pipelineWords;
}
std::span<const std::string_view> words(LogonMethod) {
    return logonMethodWords;
}
std::span<const std::string_view> words(Scheme) {
    return schemeWords;
}
std::span<const std::string_view> words(SendsCredentials) {
    return sendsCredentialsWords;
}
std::span<const std::string_view> words(HandlerKind) {
    return handlerWords;
}
std::span<const std::string_view> words(FastCgiProtocol) {
    return protocolWords;
}
std::span<const std::string_view> words(HostingModel) {
    return hostingWords;
}
std::span<const std::string_view> words(AspNetAuthMode) {
    return authModeWords;
}
std::span<const std::string_view> words(Action) {
    return actionWords;
}

namespace {

Reason anyChoice(const Scenario &, std::string_view) {
    return std::nullopt;
}

void append(std::vector<Setting> &list, std::vector<Setting> group) {
    for (Setting &setting : group)
        list.push_back(std::move(setting));
}

/// The catalogue in editor order, each group's settings together except where a setting's
/// inactiveReason depends on settings of a later group: the benchmark walks the catalogue in
/// order and asks each setting whether it matters given the ones before it. Every setting is
/// fully built before it is appended; nothing keeps a reference while the list grows.
std::vector<Setting> assemble() {
    std::vector<Setting> list;
    append(list, serverSettings());
    list.push_back(protectionSetting());
    append(list, appPoolSettings());
    list.push_back(handlerKindSetting());
    append(list, requestSettings());
    list.push_back(kerberosDelegationSetting()); // Server; depends on the request's scheme
    append(list, authenticationSettings());
    append(list, contentSettings());
    append(list, handlerSettings());
    append(list, aspnetSettings());
    append(list, aspSettings());
    list.push_back(actionSetting());
    list.push_back(canReplaceProcessTokenSetting()); // Application pool; depends on the action
    for (Setting &setting : list) {
        if (!setting.problem)
            setting.problem = never;
        if (!setting.valueProblem)
            setting.valueProblem = anyValue;
        if (!setting.inactiveReason)
            setting.inactiveReason = never;
        if (!setting.choiceProblem)
            setting.choiceProblem = anyChoice;
    }
    return list;
}

} // namespace

} // namespace catalogue

const std::vector<Setting> &settings() {
    static const std::vector<Setting> list = catalogue::assemble();
    return list;
}

const Setting *findSetting(std::string_view id) {
    for (const Setting &setting : settings()) {
        if (setting.id == id)
            return &setting;
    }
    return nullptr;
}

SettingValue effectiveValue(const Setting &setting, const Scenario &scenario) {
    SettingValue value = setting.get(scenario);
    if (std::holds_alternative<std::monostate>(value))
        return setting.defaultValue(scenario);
    return value;
}

std::string displayValue(const SettingValue &value) {
    if (const bool *b = std::get_if<bool>(&value))
        return *b ? "true" : "false";
    if (const std::string *text = std::get_if<std::string>(&value))
        return text->empty() ? std::string("\"\"") : *text;
    if (const auto *list = std::get_if<std::vector<std::string>>(&value)) {
        std::string out;
        for (const std::string &item : *list)
            out += (out.empty() ? "" : ", ") + item;
        return "[" + out + "]";
    }
    if (std::holds_alternative<Unknown>(value))
        return std::string(unknownSpelling);
    return "(none)";
}

std::string_view choiceLabel(const Setting &setting, std::string_view choice) {
    for (std::size_t i = 0; i < setting.choices.size() && i < setting.choiceLabels.size(); ++i) {
        if (setting.choices[i] == choice)
            return setting.choiceLabels[i];
    }
    return choice;
}

std::string displayValue(const Setting &setting, const SettingValue &value) {
    if (const std::string *text = std::get_if<std::string>(&value);
        text && setting.type == SettingType::Choice)
        return std::string(choiceLabel(setting, *text));
    return displayValue(value);
}

std::string_view toString(IisVersion v) {
    return catalogue::spellings(v)[static_cast<std::size_t>(v)];
}
std::string_view toString(Iis6Mode v) {
    return catalogue::spellings(v)[static_cast<std::size_t>(v)];
}
std::string_view toString(Protection v) {
    return catalogue::spellings(v)[static_cast<std::size_t>(v)];
}
std::string_view toString(PoolIdentity v) {
    return catalogue::spellings(v)[static_cast<std::size_t>(v)];
}
std::string_view toString(Pipeline v) {
    return catalogue::spellings(v)[static_cast<std::size_t>(v)];
}
std::string_view toString(LogonMethod v) {
    return catalogue::spellings(v)[static_cast<std::size_t>(v)];
}
std::string_view toString(Scheme v) {
    return catalogue::spellings(v)[static_cast<std::size_t>(v)];
}
std::string_view toString(SendsCredentials v) {
    return catalogue::spellings(v)[static_cast<std::size_t>(v)];
}
std::string_view toString(HandlerKind v) {
    return catalogue::spellings(v)[static_cast<std::size_t>(v)];
}
std::string_view toString(FastCgiProtocol v) {
    return catalogue::spellings(v)[static_cast<std::size_t>(v)];
}
std::string_view toString(HostingModel v) {
    return catalogue::spellings(v)[static_cast<std::size_t>(v)];
}
std::string_view toString(AspNetAuthMode v) {
    return catalogue::spellings(v)[static_cast<std::size_t>(v)];
}
std::string_view toString(Action v) {
    return catalogue::spellings(v)[static_cast<std::size_t>(v)];
}

EffectiveScenario effective(const Scenario &s) {
    namespace field = catalogue::field;
    EffectiveScenario e;
    e.version = field::iisVersion.value(s);
    e.iis6Mode = field::iis6Mode.value(s);
    e.iis5ProcessModel = catalogue::iis5ProcessModel(s);
    e.machine = field::machine.value(s);
    e.domain = field::domain.value(s);
    e.kerberosDelegation = field::kerberosDelegation.value(s);
    e.protection = field::protection.value(s);
    e.poolName = field::poolName.value(s);
    e.poolIdentity = field::poolIdentity.value(s);
    // No default: "" stands for "no account" (validate() rejects a written "").
    e.poolUserName = field::poolUserName.written(s).value_or(std::string());
    e.pipeline = field::pipeline.value(s);
    e.canReplaceProcessTokenExplicit = field::canReplaceProcessToken.written(s).has_value();
    e.canReplaceProcessToken = field::canReplaceProcessToken.value(s);

    e.anonymousEnabled = field::anonymousEnabled.value(s);
    e.anonymousUserName = field::anonymousUserName.value(s);
    e.anonymousPasswordValid = field::anonymousPasswordValid.value(s);
    e.anonymousLogonMethod = field::anonymousLogonMethod.value(s);
    e.basicEnabled = field::basicEnabled.value(s);
    e.basicLogonMethod = field::basicLogonMethod.value(s);
    e.digestEnabled = field::digestEnabled.value(s);
    e.windowsEnabled = field::windowsEnabled.value(s);
    e.useKernelMode = field::useKernelMode.value(s);
    e.useAppPoolCredentials = field::useAppPoolCredentials.value(s);
    e.clientCertificateEnabled = field::clientCertificateEnabled.value(s);
    e.clientCertificateRequired = field::clientCertificateRequired.value(s);

    e.requestUser = field::requestUser.written(s);
    e.scheme = field::scheme.value(s);
    e.credentialsValid = field::credentialsValid.value(s);
    e.sendsCredentials = field::sendsCredentials.value(s);

    e.contentPath = field::contentPath.value(s);
    e.connectAs = field::connectAs.written(s);
    e.connectAsPasswordValid = field::connectAsPasswordValid.value(s);
    if (const auto &readers = field::readableBy.written(s)) {
        if (const std::vector<std::string> *list = readers->ifKnown())
            e.readableBy = std::optional<std::vector<std::string>>(*list);
        else
            e.readableBy = unknown;
    }

    e.handler = field::handlerKind.value(s);
    e.createProcessAsUser = field::createProcessAsUser.value(s);
    e.fastcgiImpersonate = field::fastcgiImpersonate.value(s);
    e.fastcgiProtocol = field::fastcgiProtocol.value(s);
    e.hostingModel = field::hostingModel.value(s);
    e.forwardWindowsAuthToken = field::forwardWindowsAuthToken.value(s);

    e.aspnetImpersonate = field::aspnetImpersonate.value(s);
    e.aspnetUserName = field::aspnetUserName.written(s);
    e.validateIntegratedModeConfiguration = field::validateIntegratedModeConfiguration.value(s);
    e.aspnetAuthenticationMode = field::aspnetAuthenticationMode.value(s);
    e.processModelUserName = field::processModelUserName.value(s);

    e.runOnEndAnonymously = field::runOnEndAnonymously.value(s);
    e.action = field::action.value(s);
    return e;
}

std::vector<std::pair<std::string, std::string>> validate(const Scenario &scenario) {
    std::vector<std::pair<std::string, std::string>> problems;
    for (const Setting &setting : settings()) {
        const SettingValue written = setting.get(scenario);
        if (std::holds_alternative<std::monostate>(written))
            continue;
        std::optional<std::string> problem = setting.valueProblem(written);
        if (!problem)
            problem = setting.problem(scenario);
        if (problem)
            problems.emplace_back(setting.id, *problem);
    }
    return problems;
}

} // namespace iisid
