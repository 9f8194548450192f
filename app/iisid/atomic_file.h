#pragma once

// File output of the command line (the model does no I/O): `iisid check --output FILE` is
// written atomically, so a reader never sees half a report and a failed run leaves the old file.

#include "model/diagnostic.h"

#include <functional>
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

/// Receives a file's text in pieces, in order; a piece is valid only during the call.
using TextSink = std::function<void(std::string_view piece)>;

/// The same, for a text too large to hold whole: `write` gives it to the sink piece by piece,
/// and each piece goes straight into the temporary file (after the first failed write the rest
/// are ignored, and the failure is reported once `write` returns).
Result<bool> writeFileAtomically(const std::string &path,
                                 const std::function<void(const TextSink &sink)> &write,
                                 std::span<const std::string> inputs = {});

} // namespace iisid::cli
