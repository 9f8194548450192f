// Not a test: prints figures. Build with -DIISID_BUILD_BENCHMARKS=ON, then
//   python3 tests/benchmark/generate_apphost.py /tmp/big.config
//   build/tests/benchmark/apphost_benchmark /tmp/big.config [bare|read|query]
// bare = a bare pugixml parse of the file; read = ConfigSet::read (sites, applications,
// virtual directories, pools, placements); query = read, then the anonymous section of every
// application. The peak resident memory is per process, so each mode runs in its own process
// (default: all three, one after the other, through fork).

#include "model/config/effective_config.h"

#include <pugixml.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

long peakKilobytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

int run(std::string bytes, const std::string &mode) {
    const long before = peakKilobytes();
    const auto start = std::chrono::steady_clock::now();
    std::size_t count = 0;
    if (mode == "bare") {
        pugi::xml_document document;
        const pugi::xml_parse_result parsed = document.load_buffer(bytes.data(), bytes.size());
        if (!parsed)
            return 1;
        count = 1;
    } else {
        const std::size_t size = bytes.size();
        std::vector<iisid::config::InputFile> files(1);
        files[0] = {"big.config", "big.config", std::move(bytes)};
        auto set = iisid::config::ConfigSet::read(std::move(files), {});
        bytes.assign(size, ' '); // for the size printed below (not counted: measured before)
        if (!set)
            return 1;
        for (const auto &site : set.value()->host().sites)
            count += site.applications.size();
        if (mode == "query") {
            for (const auto &site : set.value()->host().sites) {
                for (const auto &application : site.applications)
                    (void)set.value()->effectiveSection(
                        site.name.text, application.path.text,
                        "system.webServer/security/authentication/anonymousAuthentication");
            }
        }
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const long peak = peakKilobytes();
    std::printf(
        "%-6s %8.3f s  peak RSS %7.1f MB (%.1f MB before; file %.1f MB)  %zu applications\n",
        mode.c_str(), seconds, static_cast<double>(peak) / 1024.0,
        static_cast<double>(before) / 1024.0,
        static_cast<double>(bytes.size()) / 1e6 * 1e6 / 1048576.0, count);
    return 0;
}

} // namespace

int main(int argc, char **argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s FILE [bare|read|query]\n", argv[0]);
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary | std::ios::ate);
    std::string bytes(static_cast<std::size_t>(in.tellg()), '\0');
    in.seekg(0);
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (argc > 2)
        return run(std::move(bytes), argv[2]);
    for (const char *mode : {"bare", "read", "query"}) {
        const pid_t child = fork();
        if (child == 0)
            return run(std::move(bytes), mode);
        int status = 0;
        waitpid(child, &status, 0);
    }
    return 0;
}
