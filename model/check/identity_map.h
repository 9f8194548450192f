#pragma once

// The resolver's answers for every application of a checked server: for each handler kind it
// serves, an anonymous request (when anonymous authentication is on) and an authenticated one
// (a DOMAIN\user through the first enabled other method). The same resolver as `iisid explain`,
// never a second copy of a rule; identical questions are resolved once.

#include "app_scenario.h"
#include "check_report.h"
#include "model/resolution.h"

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace iisid::check {

/// The request a question asks about.
enum class Requester { Anonymous, Authenticated };

/// The scenario of one question: the application's settings, the handler kind, and the request
/// (nullopt when that request cannot happen: anonymous off, or no other method enabled).
std::optional<LoadedScenario> questionScenario(const AppScenario &app, HandlerKind kind,
                                               Requester requester);

/// What the report keeps of one resolution: the answer to the request and the worker. (The
/// trace is not kept: on a server of thousands of applications it would cost gigabytes.)
struct CachedAnswer {
    RequestIdentities answer;
    std::optional<std::string> worker;
};

struct IdentityRows;

/// Resolves scenarios, remembering each answer by the scenario's settings (every setting of the
/// catalogue, as writeScenario writes them; the title and notes name a question, they do not
/// change its answer), so that applications that share their inputs cost one resolution. A key
/// is one number per setting: each setting's values are numbered as they are met, so a key
/// holds no text and comparing two is comparing numbers. Answers are numbered in the order
/// they are first computed.
class ResolutionCache {
public:
    /// The number of the scenario's answer, resolving it the first time it is asked.
    std::size_t ask(const Scenario &scenario);
    const CachedAnswer &answer(std::size_t number) const { return m_answers[number]; }
    const CachedAnswer &resolve(const Scenario &scenario) { return answer(ask(scenario)); }
    std::size_t resolved() const { return m_answers.size(); }
    std::size_t asked() const { return m_asked; }
    /// The time spent in the resolver (the answers computed), for the benchmark's floors.
    std::chrono::steady_clock::duration resolving() const { return m_resolving; }

private:
    friend std::optional<IdentityRows>
    identityRows(const std::vector<AppScenario> &applications,
                 const std::function<bool(std::size_t done, std::size_t total)> &progress);
    /// The answer moved out, for its last use (it is then empty: never asked for again).
    CachedAnswer take(std::size_t number) { return std::move(m_answers[number]); }
    struct ValueHash {
        std::size_t operator()(const SettingValue &value) const;
    };
    struct KeyHash {
        std::size_t operator()(const std::vector<std::uint32_t> &key) const;
    };
    /// Per catalogue setting (settings() order), each value met and its number.
    std::vector<std::unordered_map<SettingValue, std::uint32_t, ValueHash>> m_values;
    std::unordered_map<std::vector<std::uint32_t>, std::uint32_t, KeyHash> m_numbers;
    std::deque<CachedAnswer> m_answers; // a deque: growing never holds two copies
    std::size_t m_asked = 0;
    std::chrono::steady_clock::duration m_resolving{};
};

/// The report's row for one application: authentication, anonymous identity, and per handler
/// kind the identities of both requests.
CheckApplication identityRow(const AppScenario &app, ResolutionCache &cache);

/// identityRow for every application, in order, with each answer held once: an answer's last
/// row takes it from the cache instead of copying it (on 20,000 sites the answers are some
/// 100 MB). `progress` is called as in CheckOptions (done of total); nullopt when it cancels.
struct IdentityRows {
    std::vector<CheckApplication> rows;
    std::size_t asked = 0;    // the questions asked of the cache
    std::size_t computed = 0; // the resolutions computed
    std::chrono::steady_clock::duration resolving{};
};
std::optional<IdentityRows>
identityRows(const std::vector<AppScenario> &applications,
             const std::function<bool(std::size_t done, std::size_t total)> &progress);

/// The one question the explainer shows for an application (`iisid check --scenario`, the
/// desktop program's Explain): its first handler of code (else static files), asked by an
/// anonymous client where anonymous is on, else by an authenticated one; nullopt when no
/// request can reach it (no authentication method is enabled).
std::optional<LoadedScenario> explainedScenario(const AppScenario &app);

} // namespace iisid::check
