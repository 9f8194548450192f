// The IIS 6 MetaBase.xml reader (model/config/metabase*.h): one test per construct of
// config-semantics.md §3 (rule ids in the names), the corpus file read by hand, and hostile input.

#include "model/config/metabase.h"
#include "model/config/metabase_effective.h"
#include "model/config/metabase_schema.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

using namespace iisid::config;
using iisid::HandlerKind;
using iisid::SourceLocation;

std::string wrap(const std::string &keys,
                 const std::string &root =
                     "<configuration xmlns=\"urn:microsoft-catalog:XML_Metabase_V64_0\">") {
    return root + "\n<MBProperty>\n" + keys + "</MBProperty>\n</configuration>\n";
}

Metabase readOk(const std::string &text) {
    iisid::Result<Metabase> read = readMetabase(text, "MetaBase.xml");
    EXPECT_TRUE(read.ok()) << (read.ok() ? "" : read.errors().front().toString());
    return read.ok() ? std::move(read).value() : Metabase{};
}

std::string firstError(const std::string &text) {
    iisid::Result<Metabase> read = readMetabase(text, "MetaBase.xml");
    return read.ok() ? "(read)" : read.errors().front().toString();
}

SourceLocation at(int line, int column) {
    return SourceLocation{"MetaBase.xml", line, column};
}

std::string corpusFile(const std::string &relative) {
    std::ifstream in(std::filesystem::path(IISID_CORPUS_DIR) / relative, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// A small server: service, one site with ROOT, an application, a directory below it, pools.
const std::string server = wrap(R"(<IIsWebService	Location ="/LM/W3SVC"
		AnonymousUserName="IUSR_WEB"
		AnonymousUserPass="49634462700000"
		AuthFlags="AuthAnonymous | AuthNTLM"
		IIs5IsolationModeEnabled="FALSE"
		WAMUserName="IWAM_WEB"
	>
</IIsWebService>
<IIsWebServer	Location ="/LM/W3SVC/1"
		ServerBindings=":80:"
		ServerComment="Default Web Site"
	>
</IIsWebServer>
<IIsWebVirtualDir	Location ="/LM/W3SVC/1/ROOT"
		AppRoot="/LM/W3SVC/1/ROOT"
		AppPoolId="DefaultAppPool"
		Path="D:\www"
	>
</IIsWebVirtualDir>
<IIsWebDirectory	Location ="/LM/W3SVC/1/ROOT/shop"
		AppRoot="/LM/W3SVC/1/Root/shop"
		AppPoolId="ShopPool"
		AuthFlags="5"
	>
</IIsWebDirectory>
<IIsWebDirectory	Location ="/LM/W3SVC/1/ROOT/shop/admin"
		AuthFlags="AuthNTLM"
	>
</IIsWebDirectory>
<IIsApplicationPools	Location ="/LM/W3SVC/AppPools"
		AppPoolIdentityType="2"
	>
</IIsApplicationPools>
<IIsApplicationPool	Location ="/LM/W3SVC/AppPools/DefaultAppPool"
	>
</IIsApplicationPool>
<IIsApplicationPool	Location ="/LM/W3SVC/AppPools/ShopPool"
		AppPoolIdentityType="3"
		WAMUserName="SHOP\svc"
		WAMUserPass="4963446270000000"
	>
</IIsApplicationPool>
)");
// Lines of `server`: 1 <configuration>, 2 <MBProperty>, 3 IIsWebService, 4 AnonymousUserName,
// 5 AnonymousUserPass, 6 AuthFlags, 7 IIs5IsolationModeEnabled, 8 WAMUserName, 11 IIsWebServer,
// 12 ServerBindings, 13 ServerComment, 16 ROOT, 17 AppRoot, 18 AppPoolId, 19 Path, 22 shop,
// 23 AppRoot, 24 AppPoolId, 25 AuthFlags, 28 shop/admin, 29 AuthFlags, 32 AppPools, 33 type,
// 36 DefaultAppPool, 39 ShopPool, 40 type, 41 WAMUserName, 42 WAMUserPass.

// --- C3.2 file structure ------------------------------------------------------------------------

TEST(Metabase, C3_2_KeysAreTheElementsInsideMBPropertyWithTheirLocation) {
    const Metabase m = readOk(server);
    EXPECT_TRUE(m.namespaced);
    ASSERT_EQ(m.keys.size(), 8u);
    EXPECT_EQ(m.keys[0].type, "IIsWebService");
    EXPECT_EQ(m.keys[0].path, "/LM/W3SVC");
    EXPECT_EQ(m.keys[0].location, at(3, 1));
    const MetabaseEntry *name = m.keys[0].find("AnonymousUserName");
    ASSERT_NE(name, nullptr);
    EXPECT_EQ(name->value.text, "IUSR_WEB");
    EXPECT_EQ(name->value.location, at(4, 3));
}

TEST(Metabase, C3_2_WithoutTheNamespaceItStillReads) {
    const Metabase m = readOk(
        wrap("<IIsWebService Location=\"/LM/W3SVC\" AuthFlags=\"1\"/>\n", "<configuration>"));
    EXPECT_FALSE(m.namespaced);
    ASSERT_EQ(m.keys.size(), 1u);
    EXPECT_EQ(m.keys[0].find("AuthFlags")->value.text, "1");
}

TEST(Metabase, C3_2_PrefixedElementNamesMatchByLocalName) {
    const Metabase m = readOk(
        "<mb:configuration xmlns:mb=\"urn:microsoft-catalog:XML_Metabase_V64_0\"><mb:MBProperty>"
        "<mb:IIsWebServer Location=\"/LM/W3SVC/2\"/></mb:MBProperty></mb:configuration>");
    EXPECT_TRUE(m.namespaced);
    ASSERT_EQ(m.keys.size(), 1u);
    EXPECT_EQ(m.keys[0].type, "IIsWebServer");
}

TEST(Metabase, C3_2_CustomElementsArePropertiesWithTheirOwnAttributes) {
    const Metabase m = readOk(wrap(R"(<IIsWebService Location="/LM/W3SVC">
<Custom Name="AnonymousUserPass" ID="6021" Value="496344" Type="STRING" UserType="IIS_MD_UT_FILE" Attributes="INHERIT | SECURE"/>
<Custom Name="Private" ID="99999" Value="x" Type="STRING" Attributes="NO_ATTRIBUTES"/>
</IIsWebService>
)"));
    const MetabaseEntry *pass = m.keys[0].find("AnonymousUserPass");
    ASSERT_NE(pass, nullptr);
    EXPECT_TRUE(pass->value.secret);
    EXPECT_TRUE(pass->inherits);
    EXPECT_EQ(pass->value.location, at(4, 44));
    EXPECT_FALSE(m.keys[0].find("Private")->inherits);
}

TEST(Metabase, C3_2_OtherDocumentsAreNotAMetabase) {
    EXPECT_EQ(
        firstError("<configuration><system.webServer/></configuration>"),
        "MetaBase.xml:1:2: error: not an IIS 6 metabase: <configuration> has no <MBProperty>");
    EXPECT_EQ(firstError("<?xml version=\"1.0\"?>\n<root/>"),
              "MetaBase.xml:2:2: error: not an IIS 6 metabase: the root element is <root>, not "
              "<configuration>");
}

TEST(Metabase, C3_2_RecognisedByContent) {
    EXPECT_TRUE(looksLikeMetabase(server));
    EXPECT_TRUE(looksLikeMetabase(wrap("", "<configuration>")));
    EXPECT_FALSE(looksLikeMetabase("<configuration><system.applicationHost/></configuration>"));
    EXPECT_FALSE(looksLikeMetabase("[PHP]\nengine = On\n"));
}

TEST(Metabase, C3_2_AKeyWithoutLocationIsSkippedWithAWarning) {
    const Metabase m = readOk(wrap("<IIsWebServer ServerComment=\"x\"/>\n"));
    EXPECT_TRUE(m.keys.empty());
    ASSERT_EQ(m.warnings.size(), 1u);
    EXPECT_EQ(m.warnings[0].toString(), "MetaBase.xml:3:1: error: <IIsWebServer> has no Location "
                                        "attribute; it is not a metabase key and is ignored");
}

// --- C3.3 / C3.4 key paths
// ------------------------------------------------------------------------

TEST(Metabase, C3_3_SitesApplicationsAndPoolsByKeyPath) {
    const MetabaseServer s = describeMetabase(readOk(server));
    ASSERT_EQ(s.sites.size(), 1u);
    EXPECT_EQ(s.sites[0].id, "1");
    EXPECT_EQ(s.sites[0].serverComment.text, "Default Web Site");
    EXPECT_EQ(s.sites[0].serverBindings.text, ":80:");
    ASSERT_EQ(s.sites[0].applications.size(), 2u);
    EXPECT_EQ(s.sites[0].applications[0].urlPath, "/");
    EXPECT_FALSE(s.sites[0].applications[0].implicit);
    EXPECT_EQ(s.sites[0].applications[1].urlPath, "/shop");
    EXPECT_EQ(s.sites[0].applications[1].location, at(22, 1));
    ASSERT_EQ(s.pools.size(), 2u);
    EXPECT_EQ(s.pools[0].name, "DefaultAppPool");
    EXPECT_EQ(s.pools[1].name, "ShopPool");
    EXPECT_NE(s.findPool("shoppool"), nullptr);
}

TEST(Metabase, C3_4_LocationsCompareCaseInsensitively) {
    const Metabase m = readOk(server);
    ASSERT_NE(m.findKey("/lm/w3svc/1/root/SHOP/"), nullptr);
    EXPECT_EQ(m.findKey("/lm/w3svc/1/root/SHOP/")->path, "/LM/W3SVC/1/ROOT/shop");
    // AppRoot "/LM/W3SVC/1/Root/shop" names its own key "/LM/W3SVC/1/ROOT/shop" (C3.10).
    EXPECT_EQ(describeMetabase(m).sites[0].applications.size(), 2u);
}

// --- C3.5 value formats
// ---------------------------------------------------------------------------

struct FlagRow {
    const char *name;
    const char *text;
    std::optional<std::uint32_t> bits;
};

class FlagsAsNamesAndNumbers : public testing::TestWithParam<FlagRow> {};

TEST_P(FlagsAsNamesAndNumbers, C3_5_Reads) {
    EXPECT_EQ(parseMetabaseFlags(GetParam().text, schemaOf(MetabaseProperty::AuthFlags).flags),
              GetParam().bits);
}

INSTANTIATE_TEST_SUITE_P(C3_5, FlagsAsNamesAndNumbers,
                         testing::Values(FlagRow{"OneName", "AuthAnonymous", 1u},
                                         FlagRow{"TwoNames", "AuthAnonymous | AuthNTLM", 5u},
                                         FlagRow{"NoSpaces", "AuthBasic|AuthMD5", 18u},
                                         FlagRow{"Number", "5", 5u}, FlagRow{"Empty", "", 0u},
                                         FlagRow{"UnknownName", "AuthAnonymous | AuthKerberos",
                                                 std::nullopt},
                                         FlagRow{"Garbage", "5x", std::nullopt}),
                         [](const auto &row) { return std::string(row.param.name); });

TEST(Metabase, C3_5_AccessSslFlagsAreReadAsNamesOrNumbersAndInherit) {
    const MetabaseServer s = describeMetabase(readOk(wrap(
        "<IIsWebService Location=\"/LM/W3SVC\"/>\n"
        "<IIsWebServer Location=\"/LM/W3SVC/1\" AccessSSLFlags=\"AccessSSL | AccessSSL128\"/>\n"
        "<IIsWebServer Location=\"/LM/W3SVC/2\" AccessSSLFlags=\"40\"/>\n"
        "<IIsWebServer Location=\"/LM/W3SVC/3\"/>\n")));
    ASSERT_EQ(s.sites.size(), 3u);
    // The site roots (no ROOT key) inherit the site key's value (C3.7).
    EXPECT_EQ(s.sites[0].applications[0].settings.accessSslFlagBits, 8u | 256u);
    EXPECT_EQ(s.sites[0].applications[0].settings.accessSslFlags.origin, ValueOrigin::Inherited);
    EXPECT_EQ(s.sites[1].applications[0].settings.accessSslFlagBits, 40u);
    EXPECT_EQ(s.sites[2].applications[0].settings.accessSslFlagBits, 0u); // MBS L521 default 0
}

TEST(Metabase, C3_5_WebSvcExtRestrictionListIsOneEntryPerLine) {
    const MetabaseServer s = describeMetabase(readOk(
        wrap("<IIsWebService Location=\"/LM/W3SVC\"\n\t\tWebSvcExtRestrictionList=\"0,*.dll\n"
             "\t\t\t1,*.exe\n\t\t\t1,C:\\WINDOWS\\system32\\inetsrv\\asp.dll,0,ASP,Active "
             "Server Pages\"/>\n")));
    ASSERT_EQ(s.webServiceExtensions.size(), 3u);
    EXPECT_FALSE(s.webServiceExtensions[0].allowed);
    EXPECT_EQ(s.webServiceExtensions[0].path, "*.dll");
    EXPECT_TRUE(s.webServiceExtensions[1].allowed);
    EXPECT_EQ(s.webServiceExtensions[1].path, "*.exe");
    EXPECT_EQ(s.webServiceExtensions[1].location.toString(), "MetaBase.xml:5:4");
    EXPECT_EQ(s.webServiceExtensions[2].path, "C:\\WINDOWS\\system32\\inetsrv\\asp.dll");
}

TEST(Metabase, C3_5_BooleansAreTrueFalseOrNumbers) {
    EXPECT_EQ(parseMetabaseBool("TRUE"), true);
    EXPECT_EQ(parseMetabaseBool("false"), false);
    EXPECT_EQ(parseMetabaseBool("0"), false);
    EXPECT_EQ(parseMetabaseBool("1"), true);
    EXPECT_EQ(parseMetabaseBool("yes"), std::nullopt);
}

TEST(Metabase, C3_5_AnUnreadableFlagValueIsAWarningAtItsAttribute) {
    const MetabaseServer s = describeMetabase(
        readOk(wrap("<IIsWebService Location=\"/LM/W3SVC\"\n AuthFlags=\"AuthKerberos\"/>\n")));
    EXPECT_EQ(s.service.authFlagBits, std::nullopt);
    ASSERT_EQ(s.warnings.size(), 1u);
    EXPECT_EQ(s.warnings[0].toString(),
              "MetaBase.xml:4:2: error: AuthFlags \"AuthKerberos\" is not a "
              "set of AuthFlags names or a number");
}

const std::string scriptMapsKey = R"(<IIsWebService	Location ="/LM/W3SVC"
		ScriptMaps=".asp,C:\WINDOWS\system32\inetsrv\asp.dll,5,GET,HEAD,POST,TRACE
			.php,C:\PHP\php-cgi.exe,5
			*,C:\x\wild.dll,0"
	>
</IIsWebService>
)";

TEST(Metabase, C3_5_ScriptMapsAreOneEntryPerLineEachWithItsPlace) {
    const MetabaseServer s = describeMetabase(readOk(wrap(scriptMapsKey)));
    const std::vector<ScriptMap> &maps = *s.service.scriptMapList;
    ASSERT_EQ(maps.size(), 3u);
    EXPECT_EQ(maps[0].extension, ".asp");
    EXPECT_EQ(maps[0].processor, "C:\\WINDOWS\\system32\\inetsrv\\asp.dll");
    EXPECT_EQ(maps[0].flags, 5u);
    EXPECT_EQ(maps[0].verbs, "GET,HEAD,POST,TRACE");
    EXPECT_EQ(maps[0].kind, HandlerKind::Asp);
    EXPECT_EQ(maps[0].location, at(4, 3));
    EXPECT_EQ(maps[1].raw, ".php,C:\\PHP\\php-cgi.exe,5");
    EXPECT_EQ(maps[1].verbs, "");
    EXPECT_EQ(maps[1].kind, HandlerKind::Cgi);
    EXPECT_EQ(maps[1].location, at(5, 4));
    EXPECT_EQ(maps[2].extension, "*");
    EXPECT_EQ(maps[2].location, at(6, 4));
}

struct ProcessorRow {
    const char *name;
    const char *processor;
    std::optional<HandlerKind> kind;
};

class ScriptProcessorKind : public testing::TestWithParam<ProcessorRow> {};

TEST_P(ScriptProcessorKind, C3_5_ClassifiesTheExecutable) {
    EXPECT_EQ(classifyScriptProcessor(GetParam().processor), GetParam().kind);
}

INSTANTIATE_TEST_SUITE_P(
    C3_5, ScriptProcessorKind,
    testing::Values(
        ProcessorRow{"Asp", "C:\\WINDOWS\\system32\\inetsrv\\asp.dll", HandlerKind::Asp},
        ProcessorRow{"AspNet",
                     "C:\\WINDOWS\\Microsoft.NET\\Framework\\v2.0.50727\\aspnet_isapi.dll",
                     HandlerKind::AspNet},
        ProcessorRow{"PhpCgi", "C:\\PHP\\php-cgi.exe", HandlerKind::Cgi},
        ProcessorRow{"PhpExeWithArguments", "C:\\PHP\\PHP.EXE %s %s", HandlerKind::Cgi},
        ProcessorRow{"QuotedExe", "\"C:\\Program Files\\Perl\\perl.exe\" \"%s\" %s",
                     HandlerKind::Cgi},
        ProcessorRow{"Php5Isapi", "C:\\PHP\\php5isapi.dll", HandlerKind::IsapiExtension},
        ProcessorRow{"OtherDll", "C:\\WINDOWS\\system32\\inetsrv\\ssinc.dll",
                     HandlerKind::IsapiExtension},
        ProcessorRow{"DllInFolderNamedExe", "C:\\a.exe.d\\x.dll", HandlerKind::IsapiExtension},
        ProcessorRow{"Neither", "C:\\scripts\\handler.pl", std::nullopt}),
    [](const auto &row) { return std::string(row.param.name); });

// --- C3.6 secrets
// ---------------------------------------------------------------------------------

TEST(Metabase, C3_6_SecurePropertiesAreMarkedSecretAndKept) {
    const MetabaseServer s = describeMetabase(readOk(server));
    const MetabaseSettings &root = s.sites[0].applications[0].settings;
    EXPECT_TRUE(root.anonymousUserPass.secret);
    EXPECT_EQ(root.anonymousUserPass.text, "49634462700000");
    EXPECT_TRUE(root.uncPassword.secret);
    EXPECT_FALSE(root.anonymousUserName.secret);
    EXPECT_TRUE(s.findPool("ShopPool")->wamUserPass.secret);
    EXPECT_EQ(s.findPool("ShopPool")->wamUserPass.text, "4963446270000000");
}

// --- C3.7–C3.9 inheritance and defaults
// -----------------------------------------------------------

TEST(Metabase, C3_7_AKeyTakesTheNearestAncestorsValue) {
    const Metabase m = readOk(server);
    const EffectiveValue admin =
        effectiveValue(m, "/LM/W3SVC/1/ROOT/shop/admin", MetabaseProperty::AuthFlags);
    EXPECT_EQ(admin.text, "AuthNTLM");
    EXPECT_EQ(admin.origin, ValueOrigin::Set);
    const EffectiveValue pool =
        effectiveValue(m, "/LM/W3SVC/1/ROOT/shop/admin", MetabaseProperty::AppPoolId);
    EXPECT_EQ(pool.text, "ShopPool");
    EXPECT_EQ(pool.origin, ValueOrigin::Inherited);
    EXPECT_EQ(pool.fromKey, "/LM/W3SVC/1/ROOT/shop");
    EXPECT_EQ(pool.location, at(24, 3));
    // A key the file does not have inherits like one it has.
    const EffectiveValue user =
        effectiveValue(m, "/LM/W3SVC/1/ROOT/none/x.asp", MetabaseProperty::AnonymousUserName);
    EXPECT_EQ(user.text, "IUSR_WEB");
    EXPECT_EQ(user.location, at(4, 3));
}

TEST(Metabase, C3_7_IIs5IsolationModeEnabledDoesNotInherit) {
    const Metabase m = readOk(server);
    EXPECT_EQ(effectiveValue(m, "/LM/W3SVC", MetabaseProperty::IIs5IsolationModeEnabled).text,
              "FALSE");
    const EffectiveValue below =
        effectiveValue(m, "/LM/W3SVC/1", MetabaseProperty::IIs5IsolationModeEnabled);
    EXPECT_EQ(below.origin, ValueOrigin::SchemaDefault);
    EXPECT_EQ(below.text, "TRUE");
}

TEST(Metabase, C3_7_Q17_AbsentIsolationModeIsTheSchemaDefaultTrue) {
    const MetabaseServer s =
        describeMetabase(readOk(wrap("<IIsWebService Location=\"/LM/W3SVC\"/>\n")));
    EXPECT_EQ(s.iis5IsolationMode, true);
    EXPECT_EQ(s.iis5IsolationModeEnabled.origin, ValueOrigin::SchemaDefault);
    EXPECT_EQ(s.iis5IsolationModeEnabled.location.line, 0);
}

TEST(Metabase, C3_8_PoolsInheritFromAppPools) {
    const MetabaseServer s = describeMetabase(readOk(server));
    const MetabasePool *pool = s.findPool("DefaultAppPool");
    EXPECT_EQ(pool->identityTypeValue, 2u);
    EXPECT_EQ(pool->identityType.origin, ValueOrigin::Inherited);
    EXPECT_EQ(pool->identityType.fromKey, "/LM/W3SVC/AppPools");
    EXPECT_EQ(pool->identityType.location, at(33, 3));
    const MetabasePool *shop = s.findPool("ShopPool");
    EXPECT_EQ(shop->identityTypeValue, 3u);
    EXPECT_EQ(shop->wamUserName.text, "SHOP\\svc");
    EXPECT_EQ(shop->wamUserName.origin, ValueOrigin::Set);
}

TEST(Metabase, C3_9_UnsetAuthAccessAndPoolUseTheInternalDefault) {
    const MetabaseServer s =
        describeMetabase(readOk(wrap("<IIsWebServer Location=\"/LM/W3SVC/3\"/>\n")));
    const MetabaseSettings &root = s.sites[0].applications[0].settings;
    EXPECT_EQ(root.authFlags.origin, ValueOrigin::InternalDefault);
    EXPECT_EQ(root.authFlagBits, 5u);
    EXPECT_EQ(root.accessFlagBits, 513u);
    EXPECT_EQ(root.appPoolId.text, "DefaultAppPool");
    EXPECT_EQ(root.createProcessAsUserValue, true);
    EXPECT_EQ(root.appIsolatedValue, 2u);
    EXPECT_EQ(root.aspRunOnEndAnonymouslyValue, true);
}

// --- C3.10 applications
// ---------------------------------------------------------------------------

TEST(Metabase, C3_10_AnApplicationIsAKeyWhoseAppRootIsItself) {
    const MetabaseServer s = describeMetabase(readOk(server));
    const MetabaseApplication &shop = s.sites[0].applications[1];
    EXPECT_EQ(shop.key, "/LM/W3SVC/1/ROOT/shop");
    EXPECT_EQ(shop.settings.appPoolId.text, "ShopPool");
    EXPECT_EQ(shop.settings.authFlagBits, 5u); // "5": AuthAnonymous | AuthNTLM
    EXPECT_EQ(shop.settings.anonymousUserName.fromKey, "/LM/W3SVC");
    // shop/admin inherits AppRoot from shop: not an application of its own.
    EXPECT_EQ(s.sites[0].applications.size(), 2u);
}

TEST(Metabase, C3_10_PhysicalPathIsTheVirtualDirectoryPathPlusTheRest) {
    const MetabaseServer s = describeMetabase(readOk(server));
    EXPECT_EQ(s.sites[0].applications[0].settings.physicalPath, "D:\\www");
    EXPECT_EQ(s.sites[0].applications[1].settings.physicalPath, "D:\\www\\shop");
}

TEST(Metabase, C3_10_ASiteRootWithoutAppRootIsAnImplicitApplication) {
    const MetabaseServer s =
        describeMetabase(readOk(wrap("<IIsWebServer Location=\"/LM/W3SVC/7\"/>\n<IIsWebVirtualDir "
                                     "Location=\"/LM/W3SVC/7/Root\" Path=\"E:\\s\"/>\n")));
    ASSERT_EQ(s.sites.size(), 1u);
    const MetabaseApplication &root = s.sites[0].applications[0];
    EXPECT_TRUE(root.implicit);
    EXPECT_EQ(root.key, "/LM/W3SVC/7/Root");
    EXPECT_EQ(root.location, at(4, 1));
}

TEST(Metabase, C3_3_SiteTemplatesAreNotSites) {
    const MetabaseServer s = describeMetabase(
        readOk(wrap("<IIsWebServer Location=\"/LM/W3SVC/Info/Templates/Public Web Site\"/>\n")));
    EXPECT_TRUE(s.sites.empty());
}

// --- version
// ---------------------------------------------------------------------------------------

TEST(Metabase, C3_1_VersionIs60Or51WhereTheFileSaysSo) {
    const MetabaseServer six = describeMetabase(readOk(server));
    EXPECT_EQ(six.iisVersion, iisid::IisVersion::V6_0);
    EXPECT_EQ(six.iisVersionFrom.line, 0);
    const MetabaseServer five = describeMetabase(
        readOk(wrap("<IIsWebInfo Location=\"/LM/W3SVC/Info\"\n MajorIIsVersionNumber=\"5\" "
                    "MinorIIsVersionNumber=\"1\"/>\n")));
    EXPECT_EQ(five.iisVersion, iisid::IisVersion::V5_1);
    EXPECT_EQ(five.iisVersionFrom, at(4, 2));
}

// --- encodings and hostile input
// --------------------------------------------------------------------

std::string utf16(const std::string &ascii, bool bigEndian) {
    std::string out = bigEndian ? "\xFE\xFF" : "\xFF\xFE";
    for (char c : ascii) {
        out += bigEndian ? '\0' : c;
        out += bigEndian ? c : '\0';
    }
    return out;
}

TEST(Metabase, Utf16WithBomReadsWithTheSamePositions) {
    for (bool bigEndian : {false, true}) {
        const Metabase m = readOk(utf16(server, bigEndian));
        ASSERT_EQ(m.keys.size(), 8u);
        EXPECT_EQ(m.keys[0].find("AnonymousUserName")->value.location, at(4, 3));
    }
}

TEST(Metabase, Utf8BomIsSkippedAndColumnsCountCharacters) {
    const Metabase m =
        readOk("\xEF\xBB\xBF" + wrap("<IIsWebServer Location=\"/LM/W3SVC/1\" "
                                     "ServerComment=\"Caf\xC3\xA9\" AuthFlags=\"1\"/>\n"));
    EXPECT_EQ(m.keys[0].find("AuthFlags")->value.location, at(3, 59));
}

TEST(Metabase, NotWellFormedXmlNamesItsPlace) {
    EXPECT_EQ(firstError(wrap("<IIsWebServer Location=\"/LM/W3SVC/1\">\n")),
              "MetaBase.xml:4:3: error: not well-formed XML: Start-end tags mismatch");
    EXPECT_EQ(firstError("<configuration>\n<MBProperty>\n<IIsWebServer Location=\"a\" "
                         "Location=\"b\"/></MBProperty></configuration>"),
              "MetaBase.xml:3:28: error: not well-formed XML: attribute Location given twice");
}

TEST(Metabase, Windows1252IsRejectedWithItsPlace) {
    EXPECT_EQ(
        firstError(wrap("<IIsWebServer Location=\"/LM/W3SVC/1\" ServerComment=\"Caf\xE9\"/>\n")),
        "MetaBase.xml:3:56: error: invalid UTF-8: byte 0xE9 is not part of a UTF-8 character; "
        "the text must be UTF-8, and this looks like Windows-1252 or Latin-1 (save the "
        "file as UTF-8)");
}

TEST(Metabase, BillionLaughsIsNotExpanded) {
    const std::string laughs = R"(<?xml version="1.0"?>
<!DOCTYPE configuration [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<configuration><MBProperty><IIsWebServer Location="/LM/W3SVC/1" ServerComment="&lol9;"/></MBProperty></configuration>
)";
    const Metabase m = readOk(laughs);
    EXPECT_EQ(m.keys[0].find("ServerComment")->value.text, "&lol9;");
}

TEST(Metabase, ExternalEntitiesAreNeverFetched) {
    const std::string external = R"(<?xml version="1.0"?>
<!DOCTYPE configuration [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<configuration><MBProperty><IIsWebServer Location="/LM/W3SVC/1" ServerComment="&xxe;"/></MBProperty></configuration>
)";
    EXPECT_EQ(readOk(external).keys[0].find("ServerComment")->value.text, "&xxe;");
}

// --- the schema table against the corpus's MBSchema.xml
// ----------------------------------------------

TEST(Metabase, C3_7_SchemaTableMatchesMBSchemaXml) {
    const std::string schema = corpusFile(
        "metabase/modulogrc_modSIC__Modulo.Collect.Probe.Common.Test-Resources-mbSchemaSample.xml");
    ASSERT_FALSE(schema.empty());
    for (const MetabasePropertySchema &row : metabaseProperties()) {
        const std::size_t start = schema.find("InternalName =\"" + std::string(row.name) + "\"");
        ASSERT_NE(start, std::string::npos) << row.name;
        const std::string line = schema.substr(start, schema.find('\n', start) - start);
        EXPECT_EQ(line.find("INHERIT") != std::string::npos, row.inherits) << row.name;
        EXPECT_EQ(line.find("SECURE") != std::string::npos, row.secret) << row.name;
        const std::size_t d = line.find("DefaultValue=\"");
        if (row.schemaDefault) {
            ASSERT_NE(d, std::string::npos) << row.name;
            EXPECT_EQ(line.substr(d + 14, line.find('"', d + 14) - d - 14), *row.schemaDefault)
                << row.name;
        } else {
            EXPECT_EQ(d, std::string::npos) << row.name;
        }
    }
}

// --- the corpus MetaBase.xml, read by hand
// ------------------------------------------------------------ How the expectations were read: `tr
// -d '\r'` is not needed (LF only); attributes sit on their own line after two tabs (column 3);
// keys start in column 1. /LM/W3SVC (L591) sets AnonymousUserName L593, AnonymousUserPass L594,
// AppPoolId L597, AspRunOnEndAnonymously L627, AuthFlags="AuthAnonymous" L640,
// IIs5IsolationModeEnabled="FALSE" L693, ScriptMaps L713 (8 lines), WAMUserName L721, WAMUserPass
// L722. The only site /LM/W3SVC/1 (L755) sets AppPoolId L756, ServerBindings ":80:" L763,
// ServerComment L764. Its ROOT (L777) sets AccessFlags="AccessRead" L778, AppIsolated="2" L781,
// AppPoolId L782, AppRoot (itself) L783, AuthFlags="AuthNTLM" L784, Path="E:\inetpub\wwwroot" L785,
// UNCPassword L786 (no UNCUserName). /LM/W3SVC/AppPools (L789) sets AppPoolIdentityType="2" L791;
// pools DefaultAppPool L818 and oval L824 set no identity. /LM/W3SVC/Info (L901)
// MajorIIsVersionNumber="6" L953. Templates under /LM/W3SVC/Info are not sites. Nothing sets
// CreateProcessAsUser or NTAuthenticationProviders.

TEST(Metabase, CorpusMetabaseSampleReadByHand) {
    const std::string file =
        "metabase/modulogrc_modSIC__Modulo.Collect.Probe.Common.Test-Resources-metabaseSample.xml";
    iisid::Result<Metabase> read = readMetabase(corpusFile(file), "m.xml");
    ASSERT_TRUE(read.ok()) << read.errors().front().toString();
    EXPECT_FALSE(read->namespaced);
    const MetabaseServer s = describeMetabase(*read);
    const auto where = [](int line, int column) { return SourceLocation{"m.xml", line, column}; };
    EXPECT_TRUE(s.warnings.empty());
    EXPECT_EQ(s.iisVersion, iisid::IisVersion::V6_0);
    EXPECT_EQ(s.iisVersionFrom, where(953, 3));
    EXPECT_EQ(s.iis5IsolationMode, false);
    EXPECT_EQ(s.iis5IsolationModeEnabled.location, where(693, 3));
    EXPECT_EQ(s.serviceWamUserName.text, "IWAM_OVAL-IIS6-A");
    EXPECT_TRUE(s.serviceWamUserPass.secret);

    ASSERT_EQ(s.sites.size(), 1u);
    const MetabaseSite &site = s.sites[0];
    EXPECT_EQ(site.id, "1");
    EXPECT_EQ(site.location, where(755, 1));
    EXPECT_EQ(site.serverComment.text, "Default Web Site");
    EXPECT_EQ(site.serverBindings.text, ":80:");
    EXPECT_EQ(site.settings.authFlagBits, 1u);
    EXPECT_EQ(site.settings.authFlags.location, where(640, 3));

    ASSERT_EQ(site.applications.size(), 1u);
    const MetabaseApplication &root = site.applications[0];
    EXPECT_EQ(root.key, "/LM/W3SVC/1/ROOT");
    EXPECT_FALSE(root.implicit);
    EXPECT_EQ(root.location, where(777, 1));
    const MetabaseSettings &r = root.settings;
    EXPECT_EQ(r.appPoolId.text, "DefaultAppPool");
    EXPECT_EQ(r.appPoolId.location, where(782, 3));
    EXPECT_EQ(r.appIsolatedValue, 2u);
    EXPECT_EQ(r.authFlagBits, 4u); // AuthNTLM only: anonymous off at the root
    EXPECT_EQ(r.authFlags.origin, ValueOrigin::Set);
    EXPECT_EQ(r.authFlags.location, where(784, 3));
    EXPECT_EQ(r.accessFlagBits, 1u);
    EXPECT_EQ(r.anonymousUserName.text, "IUSR_OVAL-IIS6-A");
    EXPECT_EQ(r.anonymousUserName.origin, ValueOrigin::Inherited);
    EXPECT_EQ(r.anonymousUserName.fromKey, "/LM/W3SVC");
    EXPECT_EQ(r.anonymousUserName.location, where(593, 3));
    EXPECT_TRUE(r.anonymousUserPass.secret);
    EXPECT_EQ(r.anonymousUserPass.location, where(594, 3));
    EXPECT_TRUE(r.uncPassword.secret);
    EXPECT_EQ(r.uncPassword.location, where(786, 3));
    EXPECT_FALSE(r.uncUserName.isSet());
    EXPECT_EQ(r.path.text, "E:\\inetpub\\wwwroot");
    EXPECT_EQ(r.physicalPath, "E:\\inetpub\\wwwroot");
    EXPECT_EQ(r.createProcessAsUserValue, true);
    EXPECT_EQ(r.createProcessAsUser.origin, ValueOrigin::SchemaDefault);
    EXPECT_EQ(r.ntAuthenticationProviders.text, "");
    EXPECT_EQ(r.aspRunOnEndAnonymouslyValue, true);
    EXPECT_EQ(r.aspRunOnEndAnonymously.location, where(627, 3));
    ASSERT_EQ(r.scriptMapList->size(), 8u);
    EXPECT_EQ((*r.scriptMapList)[0].kind, HandlerKind::Asp);
    EXPECT_EQ((*r.scriptMapList)[0].location, where(713, 3));
    EXPECT_EQ((*r.scriptMapList)[4].extension, ".idc");
    EXPECT_EQ((*r.scriptMapList)[4].kind, HandlerKind::IsapiExtension);
    EXPECT_EQ((*r.scriptMapList)[4].location, where(717, 4));

    ASSERT_EQ(s.pools.size(), 2u);
    for (const MetabasePool &pool : s.pools) {
        EXPECT_EQ(pool.identityTypeValue, 2u) << pool.name; // NetworkService
        EXPECT_EQ(pool.identityType.location, where(791, 3));
        EXPECT_EQ(pool.wamUserName.text, "IWAM_OVAL-IIS6-A"); // inherited, unused by type 2
    }
    EXPECT_EQ(s.pools[0].name, "DefaultAppPool");
    EXPECT_EQ(s.pools[0].location, where(818, 1));
    EXPECT_EQ(s.pools[1].name, "oval");
}

TEST(Metabase, CorpusEveryMetabaseFileReadsAndTheOddOnesFailWithAPlace) {
    for (const auto &entry : std::filesystem::directory_iterator(
             std::filesystem::path(IISID_CORPUS_DIR) / "metabase")) {
        const std::string name = entry.path().filename().string();
        iisid::Result<Metabase> read = readMetabase(corpusFile("metabase/" + name), name);
        if (name.find("mbSchema") != std::string::npos) {
            // MBSchema.xml is the schema, not a metabase.
            ASSERT_FALSE(read.ok());
            EXPECT_GT(read.errors().front().location.line, 0);
        } else {
            EXPECT_TRUE(read.ok()) << name;
        }
    }
    for (const auto &entry :
         std::filesystem::directory_iterator(std::filesystem::path(IISID_CORPUS_DIR) / "odd")) {
        const std::string name = entry.path().filename().string();
        iisid::Result<Metabase> read = readMetabase(corpusFile("odd/" + name), name);
        ASSERT_FALSE(read.ok()) << name;
        EXPECT_GT(read.errors().front().location.line, 0) << name;
    }
}

} // namespace
