#include "report_output.h"

#include "model/report/report_html.h"
#include "model/report/report_markdown.h"

#include <chrono>
#include <cstdlib>
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

} // namespace iisid::cli
