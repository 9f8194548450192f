// Not a test: prints figures. Build with -DIISID_BUILD_BENCHMARKS=ON, then
//   python3 tests/benchmark/generate_apphost.py /tmp/big.config
//   build/tests/benchmark/check_benchmark /tmp/big.config
// Measured in the same run, each in its own process (the peak resident memory is per process):
// bare = a bare pugixml parse of the file; check = what `iisid check --format json` does with it
// (runCheck, then the JSON writer streaming to a byte count, as the CLI streams to stdout). Prints
// the time and peak memory of each, the check's cost against the parse and against the file size
// (the goal: at most 2x the parse, under 4x the file), and the resolutions the identity map asked
// for against those it computed.
// Then the floors no check can go under, measured in the same run: the output floor (writing the
// JSON bytes the check produced, already formatted, to a file: the CLI must write them all), the
// DOM floor (the bare parse's peak memory: the reader keeps the pugixml document) and the time
// the resolver took for the resolutions computed.

#include "model/check/check_engine.h"
#include "model/check/check_json.h"

#include <pugixml.hpp>

#include <chrono>
#include <cstdio>
#include <fcntl.h>
#include <fstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

enum class Mode { Bare, Check, OutputFloor };

struct Figures {
    double seconds = 0;
    double cpuSeconds = 0; // user + system: the machine may be shared, the wall clock is not fair
    long peakKilobytes = 0;
    std::size_t applications = 0;
    std::size_t asked = 0;
    std::size_t computed = 0;
    std::size_t jsonBytes = 0;
    double resolvingSeconds = 0;
    double jsonCpuSeconds = 0; // Check: the JSON writer's share (formatting, no file)
    double writeSeconds = 0;   // OutputFloor: writing the JSON bytes to a file
    int status = 0;
};

double cpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval &t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

long peakKilobytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

std::string readAll(const char *path) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    std::string bytes(static_cast<std::size_t>(in.tellg()), '\0');
    in.seekg(0);
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return bytes;
}

/// Checks the file untimed, keeps the JSON it writes, then times writing those bytes to a file
/// (what the CLI cannot avoid however fast the check gets).
Figures outputFloor(const char *path) {
    Figures figures;
    std::vector<iisid::check::CheckInputFile> files(1);
    files[0].name = "big.config";
    files[0].localPath = path;
    files[0].bytes = readAll(path);
    iisid::check::CheckOptions options;
    options.toolVersion = "benchmark";
    iisid::Result<iisid::check::CheckRun> run = iisid::check::runCheck(std::move(files), options);
    if (!run) {
        figures.status = 1;
        return figures;
    }
    const std::string json = iisid::check::checkJson(run->report, false);
    const std::string target = "/tmp/check_benchmark_output_floor.json";
    const auto start = std::chrono::steady_clock::now();
    const double cpuStart = cpuSeconds();
    const int fd = open(target.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::size_t done = 0;
    while (fd >= 0 && done < json.size()) {
        const ssize_t written = write(fd, json.data() + done, json.size() - done);
        if (written <= 0)
            break;
        done += static_cast<std::size_t>(written);
    }
    if (fd < 0 || close(fd) != 0 || done != json.size())
        figures.status = 1;
    figures.writeSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    figures.cpuSeconds = cpuSeconds() - cpuStart;
    figures.jsonBytes = json.size();
    unlink(target.c_str());
    return figures;
}

Figures measure(const char *path, Mode mode) {
    if (mode == Mode::OutputFloor)
        return outputFloor(path);
    Figures figures;
    std::string bytes = readAll(path);
    const auto start = std::chrono::steady_clock::now();
    const double cpuStart = cpuSeconds();
    if (mode == Mode::Bare) {
        pugi::xml_document document;
        if (!document.load_buffer(bytes.data(), bytes.size()))
            figures.status = 1;
    } else {
        std::vector<iisid::check::CheckInputFile> files(1);
        files[0].name = "big.config";
        files[0].localPath = path;
        files[0].bytes = std::move(bytes);
        iisid::check::CheckOptions options;
        options.toolVersion = "benchmark";
        iisid::Result<iisid::check::CheckRun> run =
            iisid::check::runCheck(std::move(files), options);
        if (!run) {
            figures.status = 1;
        } else {
            // As `iisid check --format json` writes to its standard output: streamed.
            const double jsonStart = cpuSeconds();
            iisid::check::writeCheckJson(run->report, false, [&figures](std::string_view piece) {
                figures.jsonBytes += piece.size();
            });
            figures.jsonCpuSeconds = cpuSeconds() - jsonStart;
            figures.applications = run->report.applications.size();
            figures.asked = run->resolutionsAsked;
            figures.computed = run->resolutionsComputed;
            figures.resolvingSeconds = run->resolvingSeconds;
        }
    }
    figures.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    figures.cpuSeconds = cpuSeconds() - cpuStart;
    figures.peakKilobytes = peakKilobytes();
    return figures;
}

/// Runs one measurement in a child process and reads its figures back through a pipe.
Figures inChild(const char *path, Mode mode) {
    int fds[2];
    if (pipe(fds) != 0)
        return {};
    const pid_t child = fork();
    if (child == 0) {
        close(fds[0]);
        const Figures figures = measure(path, mode);
        const ssize_t written = write(fds[1], &figures, sizeof figures);
        _exit(written == static_cast<ssize_t>(sizeof figures) ? 0 : 1);
    }
    close(fds[1]);
    Figures figures;
    if (read(fds[0], &figures, sizeof figures) != static_cast<ssize_t>(sizeof figures))
        figures.status = 1;
    close(fds[0]);
    int status = 0;
    waitpid(child, &status, 0);
    return figures;
}

} // namespace

int main(int argc, char **argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s FILE [ROUNDS]\n", argv[0]);
        return 2;
    }
    const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    std::ifstream in(argv[1], std::ios::binary | std::ios::ate);
    const double fileMb = static_cast<double>(in.tellg()) / 1048576.0;
    Figures bare, check;
    for (int round = 0; round < rounds; ++round) {
        const Figures b = inChild(argv[1], Mode::Bare);
        const Figures c = inChild(argv[1], Mode::Check);
        if (b.status != 0 || c.status != 0) {
            std::fprintf(stderr, "the parse or the check failed\n");
            return 1;
        }
        if (round == 0 || b.cpuSeconds < bare.cpuSeconds)
            bare = b;
        if (round == 0 || c.cpuSeconds < check.cpuSeconds)
            check = c;
    }
    const Figures floor = inChild(argv[1], Mode::OutputFloor);
    if (floor.status != 0) {
        std::fprintf(stderr, "writing the output floor failed\n");
        return 1;
    }
    const double checkMb = static_cast<double>(check.peakKilobytes) / 1024.0;
    const double bareMb = static_cast<double>(bare.peakKilobytes) / 1024.0;
    std::printf("file               %8.1f MB\n", fileMb);
    std::printf("bare pugixml parse %8.3f s CPU (%.3f s wall)   peak RSS %7.1f MB\n",
                bare.cpuSeconds, bare.seconds, static_cast<double>(bare.peakKilobytes) / 1024.0);
    std::printf("check --format json%8.3f s CPU (%.3f s wall)   peak RSS %7.1f MB   %zu "
                "applications, JSON %.1f MB\n",
                check.cpuSeconds, check.seconds, checkMb, check.applications,
                static_cast<double>(check.jsonBytes) / 1048576.0);
    std::printf("  of which         %8.3f s CPU runCheck, %.3f s CPU formatting the JSON\n",
                check.cpuSeconds - check.jsonCpuSeconds, check.jsonCpuSeconds);
    std::printf("check / parse      %8.2fx CPU, %.2fx wall  (goal <= 2x; best of %d rounds)\n",
                check.cpuSeconds / bare.cpuSeconds, check.seconds / bare.seconds, rounds);
    std::printf("check peak / file  %8.2fx  (goal < 4x)\n", checkMb / fileMb);
    std::printf("resolutions        %zu asked, %zu computed, %.3f s in the resolver (%.0f%% of "
                "the check's wall time)\n",
                check.asked, check.computed, check.resolvingSeconds,
                100.0 * check.resolvingSeconds / check.seconds);
    std::printf("floors, measured in this run:\n");
    std::printf(
        "  output floor     %8.3f s CPU (%.3f s wall) to write the %.1f MB of JSON (already "
        "formatted) to a file;\n                   parse + that = %.2fx the parse CPU "
        "(%.2fx wall): the least check / parse with this output\n",
        floor.cpuSeconds, floor.writeSeconds, static_cast<double>(floor.jsonBytes) / 1048576.0,
        (bare.cpuSeconds + floor.cpuSeconds) / bare.cpuSeconds,
        (bare.seconds + floor.writeSeconds) / bare.seconds);
    std::printf("  DOM floor        %8.1f MB peak RSS of the bare parse = %.2fx the file: the "
                "least peak / file while the reader keeps the pugixml document\n",
                bareMb, bareMb / fileMb);
    return 0;
}
