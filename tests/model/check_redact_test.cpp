// redact(): what every writer hides unless secrets are shown (check-format.md "Secrets").

#include "model/check/redact.h"

#include <gtest/gtest.h>

#include <ostream>

namespace {

struct RedactRow {
    const char *name;
    const char *text;
    const char *redacted;
};

// Failures and ctest name the row, not its bytes.
void PrintTo(const RedactRow &row, std::ostream *out) {
    *out << row.name;
}

const RedactRow rows[] = {
    {"PlainTextIsKept", "Pool 'Legacy' runs as LocalSystem.", "Pool 'Legacy' runs as LocalSystem."},
    {"EncryptedBlob", "userName [enc:IISCngProvider:AbC+/=:enc] is set",
     "userName ******** is set"},
    {"TwoBlobs", "[enc:A:x:enc]/[enc:B:y:enc]", "********/********"},
    {"UnclosedBlobHidesTheRest", "value [enc:A:xyz", "value ********"},
    {"ConnectionStringPassword", "Server=db;User ID=app;Password=s3cr3t;Encrypt=true",
     "Server=db;User ID=app;Password=********;Encrypt=true"},
    {"PwdAnyCase", "server=db;PWD=s3cr3t", "server=db;PWD=********"},
    {"SpacesAroundEquals", "Password = s3cr3t; x", "Password = ********; x"},
    {"QuotedAttribute", "<add password=\"s3cr3t\" />", "<add password=\"********\" />"},
    {"SingleQuoted", "'Server=db;Password=s3cr3t'", "'Server=db;Password=********'"},
    {"QuotedValueInConnectionString", "Password='a;b';x=1", "Password='********';x=1"},
    {"EmptyValueStaysEmpty", "Password=;Server=db", "Password=;Server=db"},
    {"WordWithoutEqualsIsKept", "its password is stored", "its password is stored"},
    {"LongerKeyIsNotAPasswordKey", "passwordFormat=Clear", "passwordFormat=Clear"},
    {"SuffixIsNotAPasswordKey", "anonymousUserPwd=1", "anonymousUserPwd=1"},
};

class Redact : public testing::TestWithParam<RedactRow> {};

TEST_P(Redact, HidesSecretsUnlessShown) {
    EXPECT_EQ(iisid::check::redact(GetParam().text, false), GetParam().redacted);
    EXPECT_EQ(iisid::check::redact(GetParam().text, true), GetParam().text);
}

INSTANTIATE_TEST_SUITE_P(Check, Redact, testing::ValuesIn(rows),
                         [](const testing::TestParamInfo<RedactRow> &row) {
                             return std::string(row.param.name);
                         });

const RedactRow configurationRows[] = {
    {"AttributePassword", "<add password=\"s3cr3t\" />", "<add password=\"********\" />"},
    {"MetabaseUncPassword", "  UNCPassword=\"49634462500000\"", "  UNCPassword=\"********\""},
    {"MetabaseAnonymousUserPass", "AnonymousUserPass=\"4963\"", "AnonymousUserPass=\"********\""},
    {"MetabaseWamUserPass", "WAMUserPass=\"4963\"", "WAMUserPass=\"********\""},
    {"MetabaseLogOdbcPassword", "LogOdbcPassword=\"4963\"", "LogOdbcPassword=\"********\""},
    {"FlagsAreKept", "PasswordChangeFlags=\"6\"", "PasswordChangeFlags=\"6\""},
    {"UserNameIsKept", "AnonymousUserName=\"IUSR_WEB\"", "AnonymousUserName=\"IUSR_WEB\""},
};

class RedactConfigurationLine : public testing::TestWithParam<RedactRow> {};

TEST_P(RedactConfigurationLine, HidesSecretsUnlessShown) {
    EXPECT_EQ(iisid::check::redactConfigurationLine(GetParam().text, false), GetParam().redacted);
    EXPECT_EQ(iisid::check::redactConfigurationLine(GetParam().text, true), GetParam().text);
}

INSTANTIATE_TEST_SUITE_P(Check, RedactConfigurationLine, testing::ValuesIn(configurationRows),
                         [](const testing::TestParamInfo<RedactRow> &row) {
                             return std::string(row.param.name);
                         });

TEST(RedactSecretText, HidesAMarkedSecretWhole) {
    EXPECT_EQ(iisid::check::redact(iisid::check::SecretText{"hunter2", true}, false), "********");
    EXPECT_EQ(iisid::check::redact(iisid::check::SecretText{"hunter2", true}, true), "hunter2");
    EXPECT_EQ(iisid::check::redact(iisid::check::SecretText{"CONTOSO\\svc", false}, false),
              "CONTOSO\\svc");
}

} // namespace
