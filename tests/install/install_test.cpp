// The installed tree: this build is installed (`cmake --install BUILD --prefix P`) into a fresh
// prefix outside the build and source trees, and the installed programs are run from there. The
// files are exactly those expected, `iisid` explains an installed scenario and checks a
// configuration, the man pages match the programs' --help, and `iisid-gui` (when built) finds
// the installed lessons.

#include "../cli/help_options.h"
#include "../cli/run_iisid.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

namespace iisid::cli_test {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = IISID_SOURCE_DIR;

/// The prefix, installed once for the whole suite and removed after it.
class InstalledTree : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        // A data folder named by the environment would hide what the installed program finds.
        ::unsetenv("IISID_DATA_DIR");
        char pattern[] = "/tmp/iisid-install-test-XXXXXX";
        ASSERT_NE(::mkdtemp(pattern), nullptr);
        s_prefix = pattern;
        const Outcome install =
            run(IISID_CMAKE_COMMAND, {"--install", IISID_BUILD_DIR, "--prefix", s_prefix.string()});
        s_installed = install.exitCode == 0;
        ASSERT_TRUE(s_installed) << install.out << install.err;
    }
    static void TearDownTestSuite() { fs::remove_all(s_prefix); }

    void SetUp() override { ASSERT_TRUE(s_installed); }

    static fs::path installed(const std::string &relative) { return s_prefix / relative; }
    static std::string bin(const std::string &program) {
        return installed("bin/" + program).string();
    }

    static inline fs::path s_prefix;
    static inline bool s_installed = false;
};

/// The files of a source folder, as they are installed under share/iisid/<folder>.
std::set<std::string> bundled(const std::string &folder) {
    std::set<std::string> files;
    for (const fs::directory_entry &entry : fs::directory_iterator(kSource / "resources" / folder))
        files.insert("share/iisid/" + folder + "/" + entry.path().filename().string());
    return files;
}

std::set<std::string> expectedFiles() {
    std::set<std::string> files = bundled("scenarios");
    files.insert({"bin/iisid", "share/man/man1/iisid.1", "share/doc/iisid/README.md",
                  "share/doc/iisid/scenario-format.md", "share/doc/iisid/check-format.md"});
#ifdef IISID_INSTALLS_GUI
    files.merge(bundled("lessons"));
    files.insert({"bin/iisid-gui", "share/man/man1/iisid-gui.1", "share/applications/iisid.desktop",
                  "share/icons/hicolor/scalable/apps/iisid.svg"});
#endif
    return files;
}

TEST_F(InstalledTree, HoldsExactlyTheProgramsDataAndDocuments) {
    std::set<std::string> files;
    for (const fs::directory_entry &entry : fs::recursive_directory_iterator(s_prefix)) {
        if (!entry.is_directory())
            files.insert(fs::relative(entry.path(), s_prefix).string());
    }
    EXPECT_EQ(files, expectedFiles());
    EXPECT_GE(bundled("scenarios").size(), 20u);
}

TEST_F(InstalledTree, IisidExplainsAnInstalledScenario) {
    const Outcome explained =
        run(bin("iisid"),
            {"explain",
             installed("share/iisid/scenarios/seed-stsadm-wscript-shell-network-service.iisid.json")
                 .string(),
             "--format", "json"});
    ASSERT_EQ(explained.exitCode, 0) << explained.err;
    const nlohmann::json result = nlohmann::json::parse(explained.out);
    EXPECT_EQ(result["identities"]["child"], "NT AUTHORITY\\NETWORK SERVICE");
}

TEST_F(InstalledTree, IisidChecksAWebConfig) {
    const fs::path config = s_prefix / "web.config";
    std::ofstream(config) << "<configuration><system.web><identity impersonate=\"false\" />"
                             "</system.web></configuration>\n";
    const Outcome checked =
        run(bin("iisid"), {"check", config.string(), "--format", "json", "--fail-on", "never"});
    fs::remove(config);
    ASSERT_EQ(checked.exitCode, 0) << checked.err;
    const nlohmann::json report = nlohmann::json::parse(checked.out);
    EXPECT_EQ(report["format"], "iisid-check/1");
    ASSERT_EQ(report["applications"].size(), 1u);
    EXPECT_EQ(report["applications"][0]["worker"], "IIS APPPOOL\\DefaultAppPool");
    EXPECT_EQ(report["applications"][0]["authentication"]["anonymousIdentity"],
              "NT AUTHORITY\\IUSR");
}

TEST_F(InstalledTree, IisidManPageDocumentsEveryCommandOption) {
    const std::string roff = readText(installed("share/man/man1/iisid.1").string());
    for (const std::vector<std::string> &help :
         {std::vector<std::string>{"--help"}, {"explain", "--help"}, {"check", "--help"}}) {
        const Outcome listed = run(bin("iisid"), help);
        ASSERT_EQ(listed.exitCode, 0) << listed.err;
        for (const std::string &option : longOptions(listed.out))
            EXPECT_TRUE(manPageHasOption(roff, option)) << help.front() << ": " << option;
    }
}

#ifdef IISID_INSTALLS_GUI

TEST_F(InstalledTree, IisidGuiExportsTheDiagramOfAnInstalledLesson) {
    const fs::path png = s_prefix / "lesson.png";
    const Outcome exported =
        run(bin("iisid-gui"), {"--export-diagram", png.string(), "--lesson", "double-hop"});
    EXPECT_EQ(exported.exitCode, 0) << exported.err;
    EXPECT_GT(fs::exists(png) ? fs::file_size(png) : 0, 1000u);
    fs::remove(png);
}

TEST_F(InstalledTree, IisidGuiReadsItsLessonsFromTheInstalledShareFolder) {
    const Outcome unknown =
        run(bin("iisid-gui"),
            {"--export-diagram", (s_prefix / "x.png").string(), "--lesson", "no-such-lesson"});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_NE(unknown.err.find("--lesson no-such-lesson: error: no lesson in " +
                               installed("share/iisid/lessons").string() +
                               " has this id; the lessons are: wrong-iusr-password, "),
              std::string::npos)
        << unknown.err;
    EXPECT_FALSE(fs::exists(s_prefix / "x.png"));
}

TEST_F(InstalledTree, IisidGuiManPageDocumentsEveryOption) {
    const Outcome help = run(bin("iisid-gui"), {"--help"});
    ASSERT_EQ(help.exitCode, 0) << help.err;
    const std::string roff = readText(installed("share/man/man1/iisid-gui.1").string());
    for (const std::string &option : longOptions(help.out))
        EXPECT_TRUE(manPageHasOption(roff, option)) << option;
    EXPECT_NE(roff.find("\"iisid " IISID_VERSION "\""), std::string::npos);
}

TEST_F(InstalledTree, DesktopFileStartsTheInstalledProgramWithItsIcon) {
    const std::string desktop = readText(installed("share/applications/iisid.desktop").string());
    EXPECT_NE(desktop.find("\nExec=iisid-gui %f\n"), std::string::npos) << desktop;
    EXPECT_NE(desktop.find("\nIcon=iisid\n"), std::string::npos) << desktop;
}

#endif

} // namespace
} // namespace iisid::cli_test
