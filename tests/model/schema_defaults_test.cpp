// The schema table: the IIS 10 rows agree with the corpus IIS_schema.xml, and the earlier
// versions differ where config-semantics.md says they do.

#include "model/config/schema_defaults.h"
#include "model/config/xml_text.h"

#include "config_test_support.h"

#include <gtest/gtest.h>

namespace {

using namespace iisid::config;

/// The schema element at elementPath: sectionSchema by name, then element[@name] or
/// collection[@addElement] per segment.
pugi::xml_node schemaElement(pugi::xml_node root, std::string_view elementPath,
                             std::string_view attributeName) {
    for (pugi::xml_node section : root.children("sectionSchema")) {
        const std::string_view name = section.attribute("name").value();
        if (!elementPath.starts_with(name) ||
            (elementPath.size() > name.size() && elementPath[name.size()] != '/'))
            continue;
        std::string_view rest = elementPath.substr(name.size());
        std::vector<pugi::xml_node> level{section};
        while (!rest.empty()) {
            rest.remove_prefix(1);
            const std::string segment(rest.substr(0, rest.find('/')));
            rest = rest.find('/') == std::string_view::npos ? "" : rest.substr(rest.find('/'));
            std::vector<pugi::xml_node> next;
            for (pugi::xml_node node : level) {
                for (pugi::xml_node child : node.children()) {
                    if ((std::string_view(child.name()) == "element" &&
                         segment == child.attribute("name").value()) ||
                        (std::string_view(child.name()) == "collection" &&
                         segment == child.attribute("addElement").value()))
                        next.push_back(child);
                }
            }
            level = next;
        }
        for (pugi::xml_node node : level) {
            for (pugi::xml_node attribute : node.children("attribute"))
                if (attributeName == attribute.attribute("name").value())
                    return attribute;
        }
    }
    return {};
}

TEST(SchemaDefaults, C1_4_Iis10TableAgreesWithTheCorpusSchemaLineByLine) {
    const std::string dir = std::string(IISID_CORPUS_DIR) + "/schema/";
    for (const auto &[fileName, file] :
         {std::pair{"RedHatSE_windowcontainertest__config-Schema-IIS_schema.xml", SchemaFile::S10},
          std::pair{"RedHatSE_windowcontainertest__config-Schema-ASPNET_schema.xml",
                    SchemaFile::SA10}}) {
        const std::string bytes = test::readFileBytes(dir + fileName);
        ASSERT_FALSE(bytes.empty()) << fileName;
        const auto xml = XmlText::parse(bytes, fileName);
        ASSERT_TRUE(xml.ok());
        int checked = 0;
        for (const SchemaAttribute &row : iis10SchemaAttributes()) {
            if (row.file != file)
                continue;
            const pugi::xml_node attribute =
                schemaElement(xml.value()->root(), row.elementPath, row.name);
            ASSERT_TRUE(attribute) << row.elementPath << "@" << row.name;
            const pugi::xml_attribute value = attribute.attribute("defaultValue");
            EXPECT_EQ(row.defaultValue.has_value(), static_cast<bool>(value))
                << row.elementPath << "@" << row.name;
            if (value && row.defaultValue) {
                EXPECT_EQ(*row.defaultValue, value.value()) << row.elementPath << "@" << row.name;
            }
            EXPECT_EQ((row.flags & AttributeFlag::Encrypted) != 0,
                      std::string_view(attribute.attribute("encrypted").value()) == "true");
            EXPECT_EQ((row.flags & AttributeFlag::Expanded) != 0,
                      std::string_view(attribute.attribute("expanded").value()) == "true");
            EXPECT_EQ(xml.value()->location(attribute).line, row.line)
                << row.elementPath << "@" << row.name;
            ++checked;
        }
        EXPECT_GT(checked, file == SchemaFile::S10 ? 200 : 3);
    }
}

struct VersionRow {
    const char *name;
    SchemaVersion version;
    const char *elementPath;
    const char *attribute;
    const char *expected; // nullptr: the attribute does not exist in that version
};

class PerVersion : public ::testing::TestWithParam<VersionRow> {};

TEST_P(PerVersion, C1_49_DefaultsDifferPerIisVersion) {
    const SchemaAttribute *row =
        schemaAttribute(GetParam().version, GetParam().elementPath, GetParam().attribute);
    if (GetParam().expected == nullptr) {
        EXPECT_EQ(row, nullptr);
        return;
    }
    ASSERT_NE(row, nullptr);
    ASSERT_TRUE(row->defaultValue.has_value());
    EXPECT_EQ(*row->defaultValue, GetParam().expected);
}

constexpr const char *processModel = "system.applicationHost/applicationPools/add/processModel";
constexpr const char *pool = "system.applicationHost/applicationPools/add";

INSTANTIATE_TEST_SUITE_P(
    Rows, PerVersion,
    ::testing::Values(
        VersionRow{"IdentityNetworkServiceOn70", SchemaVersion::V7_0, processModel, "identityType",
                   "NetworkService"},
        VersionRow{"IdentityAppPoolIdentityOn75", SchemaVersion::V7_5, processModel, "identityType",
                   "ApplicationPoolIdentity"},
        VersionRow{"IdentityAppPoolIdentityOn10", SchemaVersion::V10_0, processModel,
                   "identityType", "ApplicationPoolIdentity"},
        VersionRow{"RuntimeV20On75", SchemaVersion::V7_5, pool, "managedRuntimeVersion", "v2.0"},
        VersionRow{"RuntimeEmptyOn80", SchemaVersion::V8_0, pool, "managedRuntimeVersion", ""},
        VersionRow{"PasswordAesOn85", SchemaVersion::V8_5, processModel, "password",
                   "[enc:IISWASOnlyAesProvider::enc]"},
        VersionRow{"PasswordCngOn10", SchemaVersion::V10_0, processModel, "password",
                   "[enc:IISWASOnlyCngProvider::enc]"},
        VersionRow{"NoLogonTypeOn70", SchemaVersion::V7_0, processModel, "logonType", nullptr},
        VersionRow{"NoUserOverrideOn70", SchemaVersion::V7_0, "system.webServer/serverRuntime",
                   "authenticatedUserOverride", nullptr},
        VersionRow{"AnonymousUserIusr", SchemaVersion::V7_0,
                   "system.webServer/security/authentication/anonymousAuthentication", "userName",
                   "IUSR"}),
    [](const auto &row) { return std::string(row.param.name); });

TEST(SchemaDefaults, C1_34_CollectionsCarryTheirDirectivesAndKeys) {
    const SchemaCollection *handlers = schemaCollection("system.webServer/handlers");
    ASSERT_NE(handlers, nullptr);
    EXPECT_FALSE(handlers->mergeAppend); // S10:L904
    EXPECT_TRUE(handlers->keyCaseSensitive);
    const SchemaCollection *fastCgi = schemaCollection("system.webServer/fastCgi");
    ASSERT_NE(fastCgi, nullptr);
    EXPECT_EQ(fastCgi->removeElement, ""); // S10:L851: no remove/clear
    EXPECT_EQ(fastCgi->keys, (std::vector<std::string_view>{"fullPath", "arguments"}));
}

TEST(SchemaDefaults, ParsesVersions) {
    EXPECT_EQ(parseIisVersion("8.5"), SchemaVersion::V8_5);
    EXPECT_EQ(parseIisVersion("10.0"), SchemaVersion::V10_0);
    EXPECT_EQ(parseIisVersion("6.0"), std::nullopt);
}

} // namespace
