// The man page (docs/iisid.1) against the program: every command and every option that
// `iisid --help` and each command's --help list is documented, and the version matches.

#include "help_options.h"
#include "run_iisid.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

namespace iisid::cli_test {
namespace {

const std::string kManPage = std::string(IISID_SOURCE_DIR) + "/docs/iisid.1";

/// The commands `iisid --help` lists under "Subcommands:".
std::vector<std::string> commands() {
    const Outcome help = iisid({"--help"});
    std::vector<std::string> found;
    std::istringstream lines(help.out);
    std::string line;
    bool inList = false;
    while (std::getline(lines, line)) {
        if (line.rfind("Subcommands:", 0) == 0) {
            inList = true;
            continue;
        }
        if (inList && line.rfind("  ", 0) == 0 && line.size() > 2 && line[2] != ' ')
            found.push_back(line.substr(2, line.find(' ', 2) - 2));
    }
    return found;
}

TEST(ManPage, ListsTheThreeCommandsAtLeast) {
    const std::vector<std::string> listed = commands();
    for (const char *command : {"explain", "settings", "check"})
        EXPECT_NE(std::find(listed.begin(), listed.end(), command), listed.end()) << command;
}

TEST(ManPage, HasASectionPerCommand) {
    const std::string roff = readText(kManPage);
    ASSERT_FALSE(roff.empty()) << kManPage;
    for (const std::string &command : commands()) {
        EXPECT_NE(roff.find(".SS \"iisid " + command + "\""), std::string::npos)
            << kManPage << " has no section .SS \"iisid " << command
            << "\" for a command that iisid --help lists";
    }
}

struct HelpRow {
    const char *name;
    std::vector<std::string> arguments;
};

class ManPageOptions : public ::testing::TestWithParam<HelpRow> {};

TEST_P(ManPageOptions, DocumentsEveryOptionOfTheHelp) {
    const Outcome help = iisid(GetParam().arguments);
    ASSERT_EQ(help.exitCode, 0) << help.err;
    const std::set<std::string> options = longOptions(help.out);
    EXPECT_FALSE(options.empty()) << help.out;
    const std::string roff = readText(kManPage);
    for (const std::string &option : options)
        EXPECT_TRUE(manPageHasOption(roff, option))
            << kManPage << " does not document " << option << " (iisid " << GetParam().name
            << " --help lists it)";
}

INSTANTIATE_TEST_SUITE_P(Help, ManPageOptions,
                         ::testing::Values(HelpRow{"Iisid", {"--help"}},
                                           HelpRow{"Explain", {"explain", "--help"}},
                                           HelpRow{"Settings", {"settings", "--help"}},
                                           HelpRow{"Check", {"check", "--help"}},
                                           HelpRow{"Matrix", {"matrix", "--help"}}),
                         [](const testing::TestParamInfo<HelpRow> &row) {
                             return std::string(row.param.name);
                         });

TEST(ManPage, NamesTheVersionOfIisidVersion) {
    const Outcome version = iisid({"--version"});
    ASSERT_EQ(version.exitCode, 0);
    const std::string name = version.out.substr(0, version.out.find('\n')); // "iisid 0.1.0"
    EXPECT_NE(readText(kManPage).find("\"" + name + "\""), std::string::npos)
        << kManPage << "'s .TH line should name \"" << name << "\"";
}

TEST(ManPageOptionText, AnOptionThatOnlyStartsALongerOneIsNotFound) {
    EXPECT_TRUE(manPageHasOption(R"(.B \-\-help\-all, \-\-help)", "--help"));
    EXPECT_FALSE(manPageHasOption(R"(.B \-\-help\-all)", "--help"));
    EXPECT_FALSE(manPageHasOption(R"(.B \-\-helpful)", "--help"));
    EXPECT_TRUE(manPageHasOption(R"(.BI \-\-set " KEY")", "--set"));
}

TEST(ManPageOptionText, LongOptionsAreReadFromCli11AndQtHelp) {
    EXPECT_EQ(longOptions("  -h,--help   Print\n  --format TEXT:{a,b}  Out --set x\n"),
              (std::set<std::string>{"--format", "--help", "--set"}));
    EXPECT_EQ(longOptions("  -v, --version   Displays\n  --export-diagram <file>  Write\n"),
              (std::set<std::string>{"--export-diagram", "--version"}));
}

} // namespace
} // namespace iisid::cli_test
