// The php.ini reader (model/config/php_ini.h): one test per construct of config-semantics.md §4
// (rule ids in the names), the corpus files, and which php.ini a php-cgi.exe reads (C4.1).

#include "model/config/php_ini.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace iisid::config;
using iisid::SourceLocation;

PhpIni readOk(const std::string &text, HashComments reading = HashComments::FromPhp7) {
    iisid::Result<PhpIni> read = readPhpIni(text, "php.ini", reading);
    EXPECT_TRUE(read.ok()) << (read.ok() ? "" : read.errors().front().toString());
    return read.ok() ? std::move(read).value() : PhpIni{};
}

std::string valueOf(const std::string &text, const std::string &name) {
    const PhpIni ini = readOk(text);
    const PhpIniEntry *entry = ini.find(name);
    return entry ? entry->value : "(unset)";
}

SourceLocation at(int line, int column) {
    return SourceLocation{"php.ini", line, column};
}

// --- C4.3 line syntax
// -----------------------------------------------------------------------------

struct ValueRow {
    const char *name;
    const char *line;
    const char *value;
};

class PhpIniValue : public testing::TestWithParam<ValueRow> {};

TEST_P(PhpIniValue, C4_3_Reads) {
    EXPECT_EQ(valueOf(GetParam().line, "x"), GetParam().value);
}

INSTANTIATE_TEST_SUITE_P(
    C4_3, PhpIniValue,
    testing::Values(ValueRow{"Plain", "x=abc", "abc"},
                    ValueRow{"BlanksAroundEquals", "x   =   abc  ", "abc"},
                    ValueRow{"CommentAfterValue", "x = abc ; note", "abc"},
                    ValueRow{"DoubleQuoted", "x = \"a;b c\" ; note", "a;b c"},
                    ValueRow{"DoubleQuotedEscapes", R"(x = "a\"b\\c\$d\n")", "a\"b\\c$d\\n"},
                    ValueRow{"SingleQuotedRaw", R"(x = 'a\"${y}')", "a\\\"${y}"},
                    ValueRow{"QuotedAndUnquotedConcatenate", "x = \"C:\\a\" b", "C:\\a b"},
                    ValueRow{"OnIsOne", "x = On", "1"}, ValueRow{"YesIsOne", "x = yes", "1"},
                    ValueRow{"TrueIsOne", "x = TRUE", "1"}, ValueRow{"OffIsEmpty", "x = Off", ""},
                    ValueRow{"NoIsEmpty", "x = No", ""}, ValueRow{"FalseIsEmpty", "x = false", ""},
                    ValueRow{"NoneIsEmpty", "x = None", ""},
                    ValueRow{"NullIsEmpty", "x = null", ""}, ValueRow{"EmptyIsEmpty", "x =", ""},
                    ValueRow{"QuotedOnStaysText", "x = \"On\"", "On"},
                    ValueRow{"WindowsPath", "x = C:\\inetpub\\wwwroot", "C:\\inetpub\\wwwroot"},
                    ValueRow{"Expression", "x = E_ALL & ~E_NOTICE", "E_ALL & ~E_NOTICE"}),
    [](const auto &row) { return std::string(row.param.name); });

struct BoolRow {
    const char *name;
    const char *value;
    bool on;
};

class PhpIniBoolean : public testing::TestWithParam<BoolRow> {};

TEST_P(PhpIniBoolean, C4_3_Reads) {
    EXPECT_EQ(iniBoolean(GetParam().value), GetParam().on);
}

INSTANTIATE_TEST_SUITE_P(C4_3, PhpIniBoolean,
                         testing::Values(BoolRow{"One", "1", true}, BoolRow{"On", "On", true},
                                         BoolRow{"Yes", "YES", true}, BoolRow{"True", "true", true},
                                         BoolRow{"Two", "2", true}, BoolRow{"Zero", "0", false},
                                         BoolRow{"Off", "off", false}, BoolRow{"No", "no", false},
                                         BoolRow{"False", "False", false},
                                         BoolRow{"None", "none", false},
                                         BoolRow{"Empty", "", false},
                                         BoolRow{"Word", "enabled", false}),
                         [](const auto &row) { return std::string(row.param.name); });

TEST(PhpIni, C4_3_EveryEntryKeepsItsPlace) {
    const PhpIni ini =
        readOk("; comment\n[PHP]\n  cgi.force_redirect = 0\n\tfastcgi.impersonate=1\n");
    ASSERT_EQ(ini.entries.size(), 2u);
    EXPECT_EQ(ini.entries[0].name, "cgi.force_redirect");
    EXPECT_EQ(ini.entries[0].location, at(3, 3));
    EXPECT_EQ(ini.entries[0].valueLocation, at(3, 24));
    EXPECT_EQ(ini.entries[1].location, at(4, 2));
    EXPECT_EQ(ini.entries[1].raw, "1");
}

TEST(PhpIni, C4_3_NamesAreCaseSensitive) {
    const PhpIni ini = readOk("FASTCGI.IMPERSONATE = 1\n");
    EXPECT_EQ(ini.find("fastcgi.impersonate"), nullptr);
    EXPECT_NE(ini.find("FASTCGI.IMPERSONATE"), nullptr);
}

TEST(PhpIni, C4_3_HashLinesAreCommentsOnlyBeforePhp7) {
    const std::string text = "# fastcgi.impersonate = 1\nx = 2\n";
    const PhpIni old = readOk(text, HashComments::BeforePhp7);
    EXPECT_EQ(old.entries.size(), 1u);
    ASSERT_EQ(old.hashLines.size(), 1u);
    EXPECT_EQ(old.hashLines[0], at(1, 1));
    const PhpIni now = readOk(text, HashComments::FromPhp7);
    ASSERT_EQ(now.entries.size(), 2u);
    EXPECT_EQ(now.entries[0].name, "# fastcgi.impersonate");
    EXPECT_EQ(now.find("fastcgi.impersonate"), nullptr);
}

TEST(PhpIni, C4_3_OtherSectionHeadersAreIgnored) {
    const PhpIni ini = readOk("[PHP]\na = 1\n[Session]\nb = 2\n");
    EXPECT_EQ(ini.find("a")->scope, IniScope::Global);
    EXPECT_EQ(ini.find("b")->scope, IniScope::Global);
}

TEST(PhpIni, C4_3_ReferencesTakeAnEarlierDirective) {
    const PhpIni ini =
        readOk("base = C:\\sites\nopen_basedir = \"${base}\\a\"\nlog = ${TEMP}\\php\n");
    EXPECT_EQ(ini.find("open_basedir")->value, "C:\\sites\\a");
    EXPECT_FALSE(ini.find("open_basedir")->unresolvedReference);
    EXPECT_EQ(ini.find("log")->value, "${TEMP}\\php");
    EXPECT_TRUE(ini.find("log")->unresolvedReference);
}

TEST(PhpIni, C4_3_ExpressionsAreKeptAsWritten) {
    const PhpIni ini = readOk("error_reporting = E_ALL & ~E_DEPRECATED ; x\n");
    EXPECT_TRUE(ini.find("error_reporting")->expression);
    EXPECT_EQ(ini.find("error_reporting")->raw, "E_ALL & ~E_DEPRECATED");
}

TEST(PhpIni, C4_3_ABareNameSetsNothing) {
    const PhpIni ini = readOk("engine\nx = 1\n");
    EXPECT_EQ(ini.entries.size(), 1u);
    ASSERT_EQ(ini.warnings.size(), 1u);
    EXPECT_EQ(ini.warnings[0].toString(),
              "php.ini:1:1: error: \"engine\" has no '=' and sets nothing");
}

TEST(PhpIni, C4_3_AQuotedValueMaySpanLines) {
    EXPECT_EQ(valueOf("x = \"a\nb\"\ny = 1\n", "x"), "a\nb");
}

TEST(PhpIni, C4_3_AnUnclosedQuoteIsAnErrorAtTheQuote) {
    iisid::Result<PhpIni> read = readPhpIni("a = 1\nopen_basedir = \"C:\\x\n", "php.ini");
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.errors().front().toString(),
              "php.ini:2:16: error: the quoted value of open_basedir is not closed (PHP stops "
              "reading here)");
}

// --- C4.4 last wins
// ---------------------------------------------------------------------------------

TEST(PhpIni, C4_4_TheLastOccurrenceWinsAndExtensionsAccumulate) {
    const PhpIni ini =
        readOk("fastcgi.impersonate = 1\nextension=a\nfastcgi.impersonate = 0\nextension=b\n");
    EXPECT_EQ(ini.find("fastcgi.impersonate")->value, "0");
    EXPECT_EQ(ini.find("fastcgi.impersonate")->location, at(3, 1));
    ASSERT_EQ(ini.findAll("extension").size(), 2u);
    EXPECT_EQ(ini.findAll("extension")[1]->value, "b");
}

// --- C4.6 [PATH=] and [HOST=]
// -------------------------------------------------------------------------

TEST(PhpIni, C4_6_PathAndHostSectionsAreScopedAndNotGlobal) {
    const PhpIni ini = readOk("[PATH=C:\\Sites\\A\\]\nopen_basedir = C:\\Sites\\A\n"
                              "[HOST=WWW.Example.com]\nfastcgi.impersonate = 1\n[PHP]\nx = 1\n");
    EXPECT_EQ(ini.find("open_basedir"), nullptr);
    EXPECT_EQ(ini.find("fastcgi.impersonate"), nullptr);
    const std::vector<const PhpIniEntry *> scoped = ini.findAll("open_basedir");
    ASSERT_EQ(scoped.size(), 1u);
    EXPECT_EQ(scoped[0]->scope, IniScope::Path);
    EXPECT_EQ(scoped[0]->scopeName, "c:/sites/a");
    EXPECT_EQ(ini.findAll("fastcgi.impersonate")[0]->scope, IniScope::Host);
    EXPECT_EQ(ini.findAll("fastcgi.impersonate")[0]->scopeName, "www.example.com");
    EXPECT_EQ(ini.find("x")->scope, IniScope::Global);
}

// --- §4.3 effective values with defaults, C4.5 -d
// -------------------------------------------------------

TEST(PhpIni, C4_3_AbsentImpersonateIsTheDefaultZero) {
    const PhpIni ini = readOk(";fastcgi.impersonate = 1\n");
    const EffectiveDirective impersonate = effectiveDirective(&ini, {}, "fastcgi.impersonate");
    EXPECT_EQ(impersonate.value, "0");
    EXPECT_EQ(impersonate.origin, DirectiveOrigin::Default);
    EXPECT_EQ(effectiveDirective(nullptr, {}, "cgi.force_redirect").value, "1");
    EXPECT_EQ(effectiveDirective(nullptr, {}, "open_basedir").value, "");
}

TEST(PhpIni, C4_5_DefineArgumentsOverridePhpIni) {
    const PhpIni ini = readOk("fastcgi.impersonate = 0\n");
    const SourceLocation arguments{"applicationHost.config", 12, 40};
    const std::vector<PhpDefine> defines{{"fastcgi.impersonate", "1"}};
    const EffectiveDirective e =
        effectiveDirective(&ini, defines, "fastcgi.impersonate", arguments);
    EXPECT_EQ(e.value, "1");
    EXPECT_EQ(e.origin, DirectiveOrigin::Define);
    EXPECT_EQ(e.location, arguments);
    EXPECT_EQ(effectiveDirective(&ini, {}, "fastcgi.impersonate").origin, DirectiveOrigin::IniFile);
}

// --- C4.1 which php.ini
// -------------------------------------------------------------------------------

struct ChoiceRow {
    const char *name;
    const char *arguments;
    const char *phprc;
    PhpIniChoiceKind kind;
    std::size_t index;
    const char *reason;
};

class WhichPhpIni : public testing::TestWithParam<ChoiceRow> {};

TEST_P(WhichPhpIni, C4_1_Chooses) {
    const std::vector<std::string> given{"C:\\PHP\\php.ini",      "D:\\conf\\site.ini",
                                         "D:\\conf\\php.ini",     "C:\\Windows\\php.ini",
                                         "C:\\PHP\\ext\\php.ini", "E:\\only\\php.ini"};
    PhpCgiLaunch launch;
    launch.fullPath = "C:\\PHP\\php-cgi.exe";
    launch.arguments = GetParam().arguments;
    if (*GetParam().phprc)
        launch.environment.emplace_back("PHPRC", GetParam().phprc);
    const PhpIniChoice choice = choosePhpIni(launch, given);
    EXPECT_EQ(choice.kind, GetParam().kind);
    if (choice.kind == PhpIniChoiceKind::Given) {
        EXPECT_EQ(given[choice.index], given[GetParam().index]);
    }
    EXPECT_EQ(choice.reason, GetParam().reason);
}

INSTANTIATE_TEST_SUITE_P(
    C4_1, WhichPhpIni,
    testing::Values(
        ChoiceRow{"NoIniWithN", "-n", "", PhpIniChoiceKind::NoIni, 0, "-n"},
        ChoiceRow{"DashCFile", "-c D:\\conf\\site.ini", "", PhpIniChoiceKind::Given, 1, "-c"},
        ChoiceRow{"DashCFolder", "-c \"D:\\conf\"", "", PhpIniChoiceKind::Given, 2, "-c"},
        ChoiceRow{"DashCReplacesTheSearch", "-c F:\\none", "", PhpIniChoiceKind::NotGiven, 0, ""},
        ChoiceRow{"PhprcFile", "", "D:\\CONF\\SITE.INI", PhpIniChoiceKind::Given, 1, "PHPRC file"},
        ChoiceRow{"PhprcFolder", "", "D:\\conf\\", PhpIniChoiceKind::Given, 2, "PHPRC folder"},
        ChoiceRow{"BinaryFolder", "", "", PhpIniChoiceKind::Given, 0, "php-cgi.exe folder"},
        ChoiceRow{"PhprcFolderWithoutIni", "", "F:\\empty", PhpIniChoiceKind::Given, 0,
                  "php-cgi.exe folder"}),
    [](const auto &row) { return std::string(row.param.name); });

TEST(PhpIni, C4_1_PhpCgiFcgiIniAnywhereBeatsPhpIni) {
    const std::vector<std::string> given{"D:\\conf\\php.ini", "C:\\PHP\\php-cgi-fcgi.ini"};
    const PhpCgiLaunch launch{"C:\\PHP\\php-cgi.exe", "", {{"PHPRC", "D:\\conf"}}, {}};
    const PhpIniChoice choice = choosePhpIni(launch, given);
    EXPECT_EQ(choice.index, 1u);
    EXPECT_EQ(choice.reason, "php-cgi.exe folder");
    EXPECT_EQ(choice.searched, (std::vector<std::string>{"d:/conf", "c:/php", "c:/windows"}));
}

TEST(PhpIni, C4_1_BinaryFolderThenWindowsFolder) {
    const std::vector<std::string> given{"C:\\Windows\\php.ini", "C:\\PHP\\php.ini"};
    PhpCgiLaunch launch{
        "c:/php/PHP-CGI.EXE", "-d fastcgi.impersonate=1 -dopen_basedir=C:\\a -d x", {}, {}};
    PhpIniChoice choice = choosePhpIni(launch, given);
    EXPECT_EQ(choice.index, 1u);
    EXPECT_EQ(choice.searched, (std::vector<std::string>{"c:/php", "c:/windows"}));
    ASSERT_EQ(choice.defines.size(), 3u);
    EXPECT_EQ(choice.defines[0].name, "fastcgi.impersonate");
    EXPECT_EQ(choice.defines[0].value, "1");
    EXPECT_EQ(choice.defines[1].name, "open_basedir");
    EXPECT_EQ(choice.defines[1].value, "C:\\a");
    EXPECT_EQ(choice.defines[2].value, "1"); // -d x sets x to "1"
    launch.fullPath = "D:\\other\\php-cgi.exe";
    choice = choosePhpIni(launch, given);
    EXPECT_EQ(choice.index, 0u);
    EXPECT_EQ(choice.reason, "Windows folder");
    launch.environment = {{"PHP_INI_SCAN_DIR", "C:\\php\\conf.d"}};
    EXPECT_EQ(choosePhpIni(launch, {}).kind, PhpIniChoiceKind::NotGiven);
    EXPECT_EQ(choosePhpIni(launch, {}).scanDir, "C:\\php\\conf.d");
}

// --- recognition, encodings
// ------------------------------------------------------------------------------

TEST(PhpIni, RecognisedByContent) {
    EXPECT_TRUE(looksLikePhpIni("[PHP]\n"));
    EXPECT_TRUE(looksLikePhpIni("; c\nmemory_limit = 128M\n"));
    EXPECT_FALSE(looksLikePhpIni("<configuration/>\nengine = On\n"));
    EXPECT_FALSE(looksLikePhpIni("[core]\nbare = true\n"));
}

TEST(PhpIni, Utf16WithBomReadsWithTheSamePositions) {
    const std::string ascii = "[PHP]\n x = 1\n";
    std::string bytes = "\xFF\xFE";
    for (char c : ascii) {
        bytes += c;
        bytes += '\0';
    }
    const PhpIni ini = readOk(bytes);
    EXPECT_EQ(ini.find("x")->location, at(2, 2));
}

TEST(PhpIni, Utf16WithoutBomIsRejected) {
    iisid::Result<PhpIni> read = readPhpIni(std::string("x\0=\0001\0", 6), "php.ini");
    EXPECT_FALSE(read.ok());
}

// --- corpus
// -------------------------------------------------------------------------------------------------
// Read by hand (grep -n): jbtyndall fastcgi.impersonate = 1 at L814, cgi.force_redirect = 0 at
// L782; Flodu31 fastcgi.impersonate = 1 at L769, open_basedir = C:\inetpub\wwwroot at L294,
// cgi.force_redirect = 0 at L741; philippelamny and CurlyBytes leave ";fastcgi.impersonate = 1"
// commented, so the default 0 applies (SOURCES.md).

struct CorpusRow {
    const char *name;
    const char *file;
    const char *impersonate;
    int line;
};

class PhpIniCorpus : public testing::TestWithParam<CorpusRow> {};

TEST_P(PhpIniCorpus, C4_3_FastcgiImpersonate) {
    const std::filesystem::path path =
        std::filesystem::path(IISID_CORPUS_DIR) / "phpini" / GetParam().file;
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    ASSERT_TRUE(looksLikePhpIni(bytes.str()));
    for (HashComments reading : {HashComments::BeforePhp7, HashComments::FromPhp7}) {
        iisid::Result<PhpIni> read = readPhpIni(bytes.str(), "p.ini", reading);
        ASSERT_TRUE(read.ok()) << read.errors().front().toString();
        const EffectiveDirective e = effectiveDirective(&*read, {}, "fastcgi.impersonate");
        EXPECT_EQ(e.value, GetParam().impersonate);
        EXPECT_EQ(e.location.line, GetParam().line);
    }
}

INSTANTIATE_TEST_SUITE_P(
    Corpus, PhpIniCorpus,
    testing::Values(
        CorpusRow{"Jbtyndall", "jbtyndall_aws-wordpress-iis__php.ini", "1", 814},
        CorpusRow{"Flodu31", "Flodu31_Wordpress-IIS__php.ini", "1", 769},
        CorpusRow{"Philippelamny", "philippelamny_docker-compose-iis-php7__php.ini", "0", 0},
        CorpusRow{"CurlyBytes", "CurlyBytes_iis-php_docker__build-files-php-php.ini", "0", 0}),
    [](const auto &row) { return std::string(row.param.name); });

TEST(PhpIni, CorpusFlodu31OpenBasedirAndForceRedirect) {
    std::ifstream in(std::filesystem::path(IISID_CORPUS_DIR) / "phpini" /
                         "Flodu31_Wordpress-IIS__php.ini",
                     std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const PhpIni ini = readOk(bytes.str());
    EXPECT_EQ(ini.find("open_basedir")->value, "C:\\inetpub\\wwwroot");
    EXPECT_EQ(ini.find("open_basedir")->location, at(294, 1));
    EXPECT_EQ(ini.find("cgi.force_redirect")->value, "0");
    EXPECT_EQ(ini.find("cgi.force_redirect")->location, at(741, 1));
    EXPECT_FALSE(iniBoolean(effectiveDirective(&ini, {}, "cgi.force_redirect").value));
}

TEST(PhpIni, CorpusOtherKindsAreNotPhpIni) {
    for (const char *folder : {"metabase", "odd", "applicationhost"}) {
        for (const auto &entry : std::filesystem::directory_iterator(
                 std::filesystem::path(IISID_CORPUS_DIR) / folder)) {
            std::ifstream in(entry.path(), std::ios::binary);
            std::ostringstream bytes;
            bytes << in.rdbuf();
            EXPECT_FALSE(looksLikePhpIni(bytes.str())) << entry.path();
        }
    }
}

} // namespace
