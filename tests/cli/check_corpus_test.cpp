// `iisid check` over every file of the shared corpus (shared/corpus, SOURCES.md says where each
// comes from), each file alone and each folder as a walk: no crash; the broken files (odd/) exit 2
// naming file:line:column; the others give a report (exit 0 or 1) or, when they are not IIS
// configuration (schema files, SOURCES.md), exit 2 saying what they look like.

#include "run_iisid.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using iisid::cli_test::iisid;
using iisid::cli_test::Outcome;

const fs::path kCorpus = IISID_CORPUS_DIR;

std::vector<fs::path> corpusFiles() {
    std::vector<fs::path> files;
    for (const fs::directory_entry &entry : fs::recursive_directory_iterator(kCorpus)) {
        if (entry.is_regular_file())
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string folderOf(const fs::path &file) {
    return fs::relative(file, kCorpus).parent_path().generic_string();
}

/// An exit by signal (a crash) is -1 in Outcome; every run must end by itself.
void expectNoCrash(const Outcome &run, const std::string &what) {
    EXPECT_GE(run.exitCode, 0) << what << " crashed\n" << run.err;
    EXPECT_LE(run.exitCode, 2) << what << "\n" << run.err;
}

TEST(CheckCorpus, EveryFileAlone) {
    const std::vector<fs::path> files = corpusFiles();
    ASSERT_GE(files.size(), 40u);
    const std::regex located(R"(:[0-9]+:[0-9]+: )");
    for (const fs::path &file : files) {
        const std::string folder = folderOf(file);
        const Outcome run = iisid({"check", file.string(), "--format", "json"});
        expectNoCrash(run, file.string());
        if (folder == "odd") {
            EXPECT_EQ(run.exitCode, 2) << file;
            EXPECT_TRUE(run.out.empty()) << file;
            EXPECT_TRUE(run.err.rfind(file.string() + ":", 0) == 0 &&
                        std::regex_search(run.err, located))
                << file << ": " << run.err;
        } else if (folder == "schema" || folder.empty() ||
                   file.filename().string().find("mbSchema") != std::string::npos) {
            // IIS schema files (IIS 7+ and the IIS 6 MBSchema.xml) and SOURCES.md are not
            // configuration: named, they are refused.
            EXPECT_EQ(run.exitCode, 2) << file;
            EXPECT_NE(run.err.find("not an IIS configuration file: it looks like"),
                      std::string::npos)
                << file << ": " << run.err;
        } else {
            EXPECT_LE(run.exitCode, 1) << file << ": " << run.err;
            const nlohmann::json doc = nlohmann::json::parse(run.out, nullptr, false);
            ASSERT_FALSE(doc.is_discarded()) << file;
            EXPECT_EQ(doc["format"], "iisid-check/1") << file;
            ASSERT_EQ(doc["inputs"].size(), 1u) << file;
            EXPECT_NE(doc["inputs"][0]["kind"], "skipped") << file;
            if (folder == "applicationhost" || folder == "webconfig" || folder == "metabase") {
                EXPECT_GE(doc["applications"].size(), 1u) << file;
            }
        }
    }
}

TEST(CheckCorpus, EveryFolderAsAWalk) {
    std::vector<fs::path> folders = {kCorpus};
    for (const fs::directory_entry &entry : fs::directory_iterator(kCorpus)) {
        if (entry.is_directory())
            folders.push_back(entry.path());
    }
    std::sort(folders.begin(), folders.end());
    for (const fs::path &folder : folders) {
        const Outcome run = iisid({"check", folder.string(), "--format", "json"});
        expectNoCrash(run, folder.string());
        if (run.exitCode == 2) {
            // Bad input names the file (and, for XML, line and column); nothing is reported.
            EXPECT_TRUE(run.out.empty()) << folder;
            EXPECT_NE(run.err.find(folder.string()), std::string::npos) << folder << run.err;
            continue;
        }
        const nlohmann::json doc = nlohmann::json::parse(run.out, nullptr, false);
        ASSERT_FALSE(doc.is_discarded()) << folder;
        for (const nlohmann::json &input : doc["inputs"]) {
            if (input["kind"] == "skipped") {
                EXPECT_FALSE(input["reason"].get<std::string>().empty()) << folder;
            }
        }
    }
}

} // namespace
