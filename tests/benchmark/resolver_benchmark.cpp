// Resolver throughput over the input space the settings catalogue declares.
//
// Walks every combination of the catalogue's values depth-first, in catalogue order: a setting
// takes each of its sample values (every choice, both booleans, the representative texts), is
// skipped while it has no effect given the settings before it (Setting::inactiveReason), and a
// value the version does not allow (Setting::problem) is not tried. Each complete scenario is
// resolved in full, trace included. Prints the count and scenarios per second.
//
// The declared space is far larger than can be walked (over 10^9 combinations: the count-only
// walk passes a billion in a minute without finishing), so by default the benchmark resolves a
// fixed-seed random sample drawn from the same space: every setting that matters given the ones
// before it takes one of its sample values with equal chance. --walk walks it in order instead.
//
//   resolver_benchmark [--random N]          N random scenarios (default 1000000)
//   resolver_benchmark --walk [--limit N]    the ordered walk (stops after N when given)
//   resolver_benchmark --walk --only-count   count only, no resolution
//
// Single-threaded: the figure is per core.

#include "model/resolver.h"
#include "model/settings.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace {

struct Walk {
    const std::vector<iisid::Setting> &catalogue = iisid::settings();
    std::uint64_t limit = 0;
    bool resolveEach = true;
    std::uint64_t count = 0;
    std::uint64_t steps = 0;
    std::uint64_t http200 = 0;
    bool stopped = false;

    void visit(iisid::Scenario &scenario, std::size_t index) {
        if (stopped)
            return;
        if (index == catalogue.size()) {
            ++count;
            if (resolveEach) {
                const iisid::Resolution resolution = iisid::resolve(scenario);
                steps += resolution.steps.size();
                if (resolution.http && resolution.http->status == 200)
                    ++http200;
            }
            if (limit != 0 && count >= limit)
                stopped = true;
            return;
        }
        const iisid::Setting &setting = catalogue[index];
        if (setting.inactiveReason(scenario)) {
            visit(scenario, index + 1);
            return;
        }
        for (const iisid::SettingValue &value : setting.samples) {
            setting.set(scenario, value);
            if (!std::holds_alternative<std::monostate>(value) && setting.problem(scenario))
                continue;
            visit(scenario, index + 1);
            if (stopped)
                break;
        }
        setting.set(scenario, iisid::SettingValue());
    }
};

/// One scenario drawn at random from the declared space.
iisid::Scenario randomScenario(std::mt19937_64 &random) {
    iisid::Scenario scenario;
    for (const iisid::Setting &setting : iisid::settings()) {
        if (setting.inactiveReason(scenario))
            continue;
        std::vector<const iisid::SettingValue *> allowed;
        for (const iisid::SettingValue &value : setting.samples) {
            setting.set(scenario, value);
            if (std::holds_alternative<std::monostate>(value) || !setting.problem(scenario))
                allowed.push_back(&value);
        }
        std::uniform_int_distribution<std::size_t> pick(0, allowed.size() - 1);
        setting.set(scenario, *allowed[pick(random)]);
    }
    return scenario;
}

int runRandom(std::uint64_t n) {
    std::mt19937_64 random(20261126);
    std::vector<iisid::Scenario> scenarios;
    scenarios.reserve(n);
    for (std::uint64_t i = 0; i < n; ++i)
        scenarios.push_back(randomScenario(random));
    std::set<int> statuses;
    std::uint64_t steps = 0;
    std::uint64_t http200 = 0;
    const auto start = std::chrono::steady_clock::now();
    for (const iisid::Scenario &scenario : scenarios) {
        const iisid::Resolution resolution = iisid::resolve(scenario);
        steps += resolution.steps.size();
        if (resolution.http) {
            statuses.insert(resolution.http->status * 100 + resolution.http->subStatus);
            if (resolution.http->status == 200)
                ++http200;
        }
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("scenarios: %llu drawn at random from the declared input space (seed 20261126)\n",
                static_cast<unsigned long long>(n));
    std::printf("seconds: %.2f\n", seconds);
    std::printf("full resolutions per second (one core, trace included): %.0f\n",
                static_cast<double>(n) / seconds);
    std::printf("average steps per trace: %.1f; HTTP 200 in %.1f%%; distinct results:",
                static_cast<double>(steps) / static_cast<double>(n),
                100.0 * static_cast<double>(http200) / static_cast<double>(n));
    for (int status : statuses)
        std::printf(" %d.%d", status / 100, status % 100);
    std::printf("\n");

    // Failed requests stop early; time the requests that go all the way through on their own.
    std::vector<iisid::Scenario> complete;
    for (const iisid::Scenario &scenario : scenarios) {
        const iisid::Resolution resolution = iisid::resolve(scenario);
        if (resolution.http && resolution.http->status == 200)
            complete.push_back(scenario);
    }
    std::uint64_t completeSteps = 0;
    const auto completeStart = std::chrono::steady_clock::now();
    for (const iisid::Scenario &scenario : complete)
        completeSteps += iisid::resolve(scenario).steps.size();
    const double completeSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - completeStart).count();
    std::printf("requests that succeed (%zu, %.1f steps each): %.0f full resolutions per second\n",
                complete.size(),
                static_cast<double>(completeSteps) / static_cast<double>(complete.size()),
                static_cast<double>(complete.size()) / completeSeconds);
    return 0;
}

} // namespace

int main(int argc, char **argv) {
    Walk walk;
    bool ordered = false;
    std::uint64_t randomCount = 1000000;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--walk") == 0)
            ordered = true;
        else if (std::strcmp(argv[i], "--random") == 0 && i + 1 < argc)
            randomCount = std::strtoull(argv[++i], nullptr, 10);
        else if (std::strcmp(argv[i], "--limit") == 0 && i + 1 < argc)
            walk.limit = std::strtoull(argv[++i], nullptr, 10);
        else if (std::strcmp(argv[i], "--only-count") == 0)
            walk.resolveEach = false;
        else {
            std::fprintf(stderr, "usage: %s [--random N] | --walk [--limit N] [--only-count]\n",
                         argv[0]);
            return 2;
        }
    }
    if (!ordered)
        return runRandom(randomCount);
    iisid::Scenario scenario;
    const auto start = std::chrono::steady_clock::now();
    walk.visit(scenario, 0);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("scenarios: %llu%s\n", static_cast<unsigned long long>(walk.count),
                walk.stopped ? " (stopped at --limit)" : " (the whole declared input space)");
    std::printf("seconds: %.2f\n", seconds);
    if (walk.resolveEach) {
        std::printf("full resolutions per second (one core, trace included): %.0f\n",
                    static_cast<double>(walk.count) / seconds);
        std::printf("average steps per trace: %.1f; HTTP 200 in %.1f%%\n",
                    static_cast<double>(walk.steps) / static_cast<double>(walk.count),
                    100.0 * static_cast<double>(walk.http200) / static_cast<double>(walk.count));
    }
    return 0;
}
