// writeFileAtomically (app/iisid/atomic_file.*): `--output` replaces the file whole or not at all,
// leaves no temporary file behind, and never writes an input file.

#include "app/iisid/atomic_file.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;

class AtomicFile : public testing::Test {
protected:
    void SetUp() override {
        m_folder = fs::temp_directory_path() /
                   ("iisid-atomic-" + std::to_string(::getpid()) + "-" +
                    testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_folder);
        fs::create_directories(m_folder);
    }
    void TearDown() override { fs::remove_all(m_folder); }

    std::string path(const std::string &name) const { return (m_folder / name).string(); }

    static std::string read(const std::string &file) {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        return text.str();
    }

    std::vector<std::string> names() const {
        std::vector<std::string> out;
        for (const auto &entry : fs::directory_iterator(m_folder))
            out.push_back(entry.path().filename().string());
        std::sort(out.begin(), out.end());
        return out;
    }

    fs::path m_folder;
};

TEST_F(AtomicFile, WritesANewFile) {
    const auto written = iisid::cli::writeFileAtomically(path("report.json"), "{}\n");
    ASSERT_TRUE(written.ok());
    EXPECT_EQ(read(path("report.json")), "{}\n");
    EXPECT_EQ(names(), std::vector<std::string>{"report.json"});
}

TEST_F(AtomicFile, ReplacesAnExistingFileAndKeepsItsMode) {
    std::ofstream(path("report.txt")) << "old, longer content\n";
    ::chmod(path("report.txt").c_str(), 0640);
    ASSERT_TRUE(iisid::cli::writeFileAtomically(path("report.txt"), "new\n").ok());
    EXPECT_EQ(read(path("report.txt")), "new\n");
    struct stat info {};
    ASSERT_EQ(::stat(path("report.txt").c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0640u);
    EXPECT_EQ(names(), std::vector<std::string>{"report.txt"});
}

TEST_F(AtomicFile, AMissingFolderIsADiagnosticNamingTheFile) {
    const std::string target = path("no-such-folder/report.sarif");
    const auto written = iisid::cli::writeFileAtomically(target, "x");
    ASSERT_FALSE(written.ok());
    ASSERT_EQ(written.errors().size(), 1u);
    EXPECT_EQ(written.errors()[0].location.file, target);
    EXPECT_NE(written.errors()[0].message.find("cannot create a temporary file"),
              std::string::npos);
    EXPECT_TRUE(names().empty());
}

TEST_F(AtomicFile, RefusesToWriteAnInputFile) {
    std::ofstream(path("applicationHost.config")) << "<configuration/>";
    const std::vector<std::string> inputs{path("other.config"), path("applicationHost.config")};
    // The same file under another spelling is still the input.
    const auto written = iisid::cli::writeFileAtomically(
        (m_folder / "." / "applicationHost.config").string(), "report", inputs);
    ASSERT_FALSE(written.ok());
    EXPECT_NE(written.errors()[0].message.find("one of the input files"), std::string::npos);
    EXPECT_EQ(read(path("applicationHost.config")), "<configuration/>");
    EXPECT_EQ(names(), std::vector<std::string>{"applicationHost.config"});
}

TEST_F(AtomicFile, AStreamedTextIsWrittenPieceByPieceInOrder) {
    std::ofstream(path("report.json")) << "old, longer content\n";
    const auto written =
        iisid::cli::writeFileAtomically(path("report.json"), [](const iisid::cli::TextSink &sink) {
            sink("{");
            sink("");
            sink("\"format\": 1");
            sink("}\n");
        });
    ASSERT_TRUE(written.ok());
    EXPECT_EQ(read(path("report.json")), "{\"format\": 1}\n");
    EXPECT_EQ(names(), std::vector<std::string>{"report.json"});
}

TEST_F(AtomicFile, AStreamedTextIsNotEvenMadeForAnInputFile) {
    std::ofstream(path("applicationHost.config")) << "<configuration/>";
    const std::vector<std::string> inputs{path("applicationHost.config")};
    bool asked = false;
    const auto written = iisid::cli::writeFileAtomically(
        path("applicationHost.config"),
        [&asked](const iisid::cli::TextSink &sink) {
            asked = true;
            sink("report");
        },
        inputs);
    ASSERT_FALSE(written.ok());
    EXPECT_FALSE(asked);
    EXPECT_EQ(read(path("applicationHost.config")), "<configuration/>");
    EXPECT_EQ(names(), std::vector<std::string>{"applicationHost.config"});
}

} // namespace
