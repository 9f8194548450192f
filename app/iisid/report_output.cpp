#include "report_output.h"

#include "atomic_file.h"
#include "model/report/report_html.h"
#include "model/report/report_markdown.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace iisid::cli {

report::ReportMeta reportMeta(std::vector<std::string> inputs, const std::string &toolVersion) {
    long long seconds = std::chrono::duration_cast<std::chrono::seconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
    if (const char *epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
        char *end = nullptr;
        const long long given = std::strtoll(epoch, &end, 10);
        if (end && *end == '\0')
            seconds = given;
    }
    return {toolVersion, std::move(inputs), report::formatUtc(seconds)};
}

bool isReportFormat(std::string_view format) {
    return format == "html" || format == "markdown";
}

std::string writeReport(const report::Document &document, std::string_view format) {
    return format == "html" ? report::toHtml(document) : report::toMarkdown(document);
}

Result<bool> writeReportFile(const report::Document &document, std::string_view format,
                             const std::string &path, std::span<const std::string> inputs) {
    if (format != "markdown")
        return writeFileAtomically(path, writeReport(document, format), inputs);
    const std::filesystem::path target(path);
    std::vector<Diagnostic> problems;
    const std::string text = report::toMarkdown(document, [&](const report::Figure &figure,
                                                              int number) {
        const std::string name =
            target.stem().string() + "-figure" + std::to_string(number) + ".svg";
        const std::string figurePath = (target.parent_path() / name).string();
        if (Result<bool> written = writeFileAtomically(figurePath, figure.svg, inputs); !written)
            problems.insert(problems.end(), written.errors().begin(), written.errors().end());
        return name;
    });
    if (!problems.empty())
        return problems;
    return writeFileAtomically(path, text, inputs);
}

} // namespace iisid::cli
