#pragma once

// Small inline servers for the pool, content and IIS 6 findings tests: an applicationHost.config
// or a MetaBase.xml built from a few elements, run through the whole check, and the findings of
// one rule picked out.

#include "model/check/check_engine.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace iisid::check::testing {

/// An applicationHost.config with these <applicationPools> and <sites> children, and any other
/// <system.applicationHost> / <location> text after them.
inline std::string appHost(const std::string &pools, const std::string &sites,
                           const std::string &rest = {}) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<configuration>\n"
           "<system.applicationHost>\n<applicationPools>\n" +
           pools + "</applicationPools>\n<sites>\n" + sites +
           "</sites>\n</system.applicationHost>\n" + rest + "</configuration>\n";
}

/// A site with one root application in the pool, content in C:\inetpub\<name>.
inline std::string site(const std::string &name, int id, const std::string &pool) {
    return "<site name=\"" + name + "\" id=\"" + std::to_string(id) +
           "\"><application path=\"/\" applicationPool=\"" + pool +
           "\"><virtualDirectory path=\"/\" physicalPath=\"C:\\inetpub\\" + name +
           "\" /></application></site>\n";
}

/// A MetaBase.xml with these keys inside <MBProperty>.
inline std::string metabase(const std::string &keys) {
    return "<?xml version =\"1.0\"?>\n<configuration "
           "xmlns=\"urn:microsoft-catalog:XML_Metabase_V64_0\">\n<MBProperty>\n" +
           keys + "</MBProperty>\n</configuration>\n";
}

/// The whole check of one file; a failed read fails the test and gives an empty run.
inline CheckRun check(const std::string &bytes,
                      const std::string &name = "applicationHost.config") {
    Result<CheckRun> run = runCheck({CheckInputFile{name, name, bytes, true}}, {});
    EXPECT_TRUE(run.ok()) << (run.ok() ? "" : run.errors().front().toString());
    return run.ok() ? std::move(run).value() : CheckRun{};
}

/// The findings of one rule, in report order.
inline std::vector<CheckFinding> findingsOf(const CheckRun &run, std::string_view rule) {
    std::vector<CheckFinding> out;
    for (const CheckFinding &finding : run.report.findings) {
        if (finding.finding.rule == rule)
            out.push_back(finding);
    }
    return out;
}

} // namespace iisid::check::testing
