#pragma once
// Helpers shared by the configuration reader tests: build a ConfigSet from inline files.

#include "model/config/effective_config.h"

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace iisid::config::test {

inline std::unique_ptr<ConfigSet> readSet(std::vector<InputFile> files,
                                          ConfigSetOptions options = {}) {
    Result<std::unique_ptr<ConfigSet>> set = ConfigSet::read(std::move(files), options);
    if (!set) {
        ADD_FAILURE() << set.errors().front().toString();
        return nullptr;
    }
    return std::move(set.value());
}

/// An applicationHost.config with the given sections inside <configuration>, after a
/// <system.applicationHost> holding sitesAndPools.
inline std::string appHost(const std::string &sitesAndPools, const std::string &rest = "",
                           const std::string &configSections = "") {
    return "<configuration>\n" + configSections + "<system.applicationHost>\n" + sitesAndPools +
           "\n</system.applicationHost>\n" + rest + "\n</configuration>\n";
}

/// One site "S" (id 1) with its root application in pool "P" at C:\site, one pool "P".
inline std::string oneSite(const std::string &extraApplications = "") {
    return "<applicationPools><add name=\"P\" /></applicationPools>\n"
           "<sites><site name=\"S\" id=\"1\"><bindings><binding protocol=\"http\" "
           "bindingInformation=\"*:80:\" /></bindings>\n"
           "<application path=\"/\" applicationPool=\"P\"><virtualDirectory path=\"/\" "
           "physicalPath=\"C:\\site\" /></application>\n" +
           extraApplications + "</site></sites>";
}

inline std::string readFileBytes(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

} // namespace iisid::config::test
