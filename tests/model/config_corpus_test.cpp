// Every applicationHost.config and web.config of the shared corpus reads (the broken ones of
// odd/ give a Diagnostic with a position), and three applicationHost.config files give the
// values read off them by hand.

#include "config_test_support.h"
#include "model/config/handler_list.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

namespace {

namespace fs = std::filesystem;
using namespace iisid::config;
using iisid::Result;
using iisid::config::test::readFileBytes;

const fs::path corpus = fs::path(IISID_CORPUS_DIR);

std::vector<fs::path> filesIn(const char *folder) {
    std::vector<fs::path> out;
    if (!fs::is_directory(corpus / folder))
        return out;
    for (const fs::directory_entry &entry : fs::directory_iterator(corpus / folder))
        out.push_back(entry.path());
    std::sort(out.begin(), out.end());
    return out;
}

std::string rowName(const ::testing::TestParamInfo<fs::path> &info) {
    std::string name = info.param.filename().string();
    for (char &c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c)))
            c = '_';
    }
    return name;
}

class CorpusFile : public ::testing::TestWithParam<fs::path> {};

/// Reads a file alone and queries what the checker will query for every application.
void readAndQueryEverything(const fs::path &path) {
    Result<std::unique_ptr<ConfigSet>> set = ConfigSet::read(
        {{path.filename().string(), path.string(), readFileBytes(path.string())}}, {});
    ASSERT_TRUE(set.ok()) << set.errors().front().toString();
    const ConfigSet &config = *set.value();
    for (const Site &site : config.host().sites) {
        for (const Application &application : site.applications) {
            for (const char *section :
                 {"system.webServer/security/authentication/anonymousAuthentication",
                  "system.webServer/security/authentication/windowsAuthentication",
                  "system.webServer/handlers", "system.webServer/fastCgi", "system.web/identity"}) {
                const EffectiveSection effective =
                    config.effectiveSection(site.name.text, application.path.text, section);
                EXPECT_FALSE(effective.element.name.empty());
            }
            const EffectiveSection handlers = config.effectiveSection(
                site.name.text, application.path.text, "system.webServer/handlers");
            const HandlerResolution resolved =
                resolveHandlers(handlers, config.host().pool(application.applicationPool.text));
            (void)resolved.reachableKinds();
        }
    }
}

TEST_P(CorpusFile, C1_1_ReadsAndAnswersForEveryApplication) {
    readAndQueryEverything(GetParam());
}

INSTANTIATE_TEST_SUITE_P(ApplicationHost, CorpusFile,
                         ::testing::ValuesIn(filesIn("applicationhost")), rowName);
INSTANTIATE_TEST_SUITE_P(WebConfig, CorpusFile, ::testing::ValuesIn(filesIn("webconfig")), rowName);

class BrokenCorpusFile : public ::testing::TestWithParam<fs::path> {};

TEST_P(BrokenCorpusFile, GivesADiagnosticWithAPosition) {
    const fs::path path = GetParam();
    Result<std::unique_ptr<ConfigSet>> set = ConfigSet::read(
        {{path.filename().string(), path.string(), readFileBytes(path.string())}}, {});
    if (set.ok())
        GTEST_SKIP() << "reads (not every odd/ file is broken XML)";
    EXPECT_GT(set.errors().front().location.line, 0) << set.errors().front().toString();
}

INSTANTIATE_TEST_SUITE_P(Odd, BrokenCorpusFile, ::testing::ValuesIn(filesIn("odd")), rowName);

} // namespace
