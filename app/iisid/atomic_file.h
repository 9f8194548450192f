#pragma once

// File output of the command line (the model does no I/O): `iisid check --output FILE` is
// written atomically, so a reader never sees half a report and a failed run leaves the old file.

#include "model/diagnostic.h"

#include <span>
#include <string>
#include <string_view>

namespace iisid::cli {

/// Writes `text` to `path` through a temporary file in the same folder: write, fsync, rename
/// over `path`, fsync the folder. On failure the temporary file is removed, `path` is left as it
/// was, and the diagnostic names the file and the system's reason. Refuses (touching nothing)
/// when `path` is one of `inputs` (the same file, by device and inode), since input files are
/// never opened for writing.
Result<bool> writeFileAtomically(const std::string &path, std::string_view text,
                                 std::span<const std::string> inputs = {});

} // namespace iisid::cli
