// One libFuzzer target per reader: the build compiles this file once per target with
// IISID_FUZZ_CHECK naming the function of reader_checks.h that the target runs.
#include "reader_checks.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const std::string wrong =
        iisid::fuzz::IISID_FUZZ_CHECK(std::string_view(reinterpret_cast<const char *>(data), size));
    if (!wrong.empty()) {
        std::fprintf(stderr, "%s\n", wrong.c_str());
        std::abort();
    }
    return 0;
}
