// Writes the SARIF log of the sample check report (tests/model/check_report_fixture.h) to the
// file named by the first argument, for validate_sarif.py to check against the SARIF schema.
// A second argument "--show-secrets" writes it with secrets shown.

#include "check_report_fixture.h"

#include "model/check/check_sarif.h"

#include <cstring>
#include <fstream>
#include <iostream>

int main(int argc, char **argv) {
    if (argc < 2) {
        std::cerr << "usage: write_check_sarif OUTPUT [--show-secrets]\n";
        return 2;
    }
    const bool show = argc > 2 && std::strcmp(argv[2], "--show-secrets") == 0;
    iisid::check::SarifContext context;
    context.currentDirectory = "/work/project";
    context.informationUri = "https://example.org/iisid";
    iisid::check::CheckReport report = iisid::check::testing::sampleReport();
    // One absolute path, to show it comes out relative to the current folder.
    report.findings[1].finding.location.file = "/work/project/config/applicationHost.config";
    std::ofstream out(argv[1], std::ios::binary);
    out << iisid::check::checkSarif(report, show, context);
    return out ? 0 : 1;
}
