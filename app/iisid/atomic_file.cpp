#include "atomic_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace iisid::cli {

namespace {

Diagnostic failure(const std::string &path, const std::string &what, int error) {
    Diagnostic failed;
    failed.location.file = path;
    failed.message = what + " (" + std::strerror(error) + ")";
    return failed;
}

bool sameFile(const std::string &a, const std::string &b) {
    struct stat sa {};
    struct stat sb {};
    return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

bool writeAll(int fd, std::string_view text) {
    while (!text.empty()) {
        const ssize_t written = ::write(fd, text.data(), text.size());
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        text.remove_prefix(static_cast<std::size_t>(written));
    }
    return true;
}

/// The mode a new file gets (0666 less the umask), or the existing file's mode when replacing.
mode_t targetMode(const std::string &path) {
    struct stat existing {};
    if (::stat(path.c_str(), &existing) == 0)
        return existing.st_mode & 07777;
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return 0666 & ~mask;
}

} // namespace

Result<bool> writeFileAtomically(const std::string &path, std::string_view text,
                                 std::span<const std::string> inputs) {
    return writeFileAtomically(
        path, [text](const TextSink &sink) { sink(text); }, inputs);
}

Result<bool> writeFileAtomically(const std::string &path,
                                 const std::function<void(const TextSink &sink)> &write,
                                 std::span<const std::string> inputs) {
    for (const std::string &input : inputs) {
        if (sameFile(path, input)) {
            // Built field by field: g++ 12 warns (maybe-uninitialized) on the nested braces.
            Diagnostic refused;
            refused.location.file = path;
            refused.message = "the output file is one of the input files; inputs are never "
                              "written";
            return refused;
        }
    }
    const std::filesystem::path target(path);
    const std::filesystem::path folder =
        target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
    std::string temporary =
        (folder / ("." + target.filename().string() + ".iisid-XXXXXX")).string();
    const int fd = ::mkstemp(temporary.data());
    if (fd < 0)
        return failure(path, "cannot create a temporary file in " + folder.string(), errno);
    auto abandon = [&](const std::string &what) {
        const int error = errno;
        ::close(fd);
        ::unlink(temporary.c_str());
        return failure(path, what, error);
    };
    if (::fchmod(fd, targetMode(path)) != 0)
        return abandon("cannot set the permissions of " + temporary);
    bool written = true;
    int writeError = 0;
    try {
        write([&](std::string_view piece) {
            if (written && !writeAll(fd, piece)) {
                written = false;
                writeError = errno;
            }
        });
    } catch (...) {
        // The text is made while it is written: a failure half way leaves no partial file.
        ::close(fd);
        ::unlink(temporary.c_str());
        throw;
    }
    if (!written) {
        errno = writeError;
        return abandon("cannot write " + temporary);
    }
    if (::fsync(fd) != 0)
        return abandon("cannot flush " + temporary);
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(temporary.c_str());
        return failure(path, "cannot close " + temporary, error);
    }
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
        const int error = errno;
        ::unlink(temporary.c_str());
        return failure(path, "cannot replace the file", error);
    }
    // The rename is durable only once the folder's entry is on disk.
    const int folderFd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
    if (folderFd >= 0) {
        ::fsync(folderFd);
        ::close(folderFd);
    }
    return true;
}

} // namespace iisid::cli
