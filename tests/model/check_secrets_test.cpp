// Secrets in every format (check-format.md "Secrets"): none of the secrets planted in the sample
// report appears in the JSON, SARIF or text output unless they are asked for, and each format
// shows the ones it prints when they are.

#include "check_report_fixture.h"

#include "model/check/check_json.h"
#include "model/check/check_sarif.h"
#include "model/check/check_text.h"

#include <gtest/gtest.h>

#include <ostream>

#include <functional>

namespace {

using iisid::check::CheckReport;

struct FormatRow {
    const char *name;
    std::function<std::string(const CheckReport &, bool)> write;
    std::vector<std::string_view> shown; // the planted secrets this format prints
};

// Failures and ctest name the row, not its bytes.
void PrintTo(const FormatRow &row, std::ostream *out) {
    *out << row.name;
}

const FormatRow formats[] = {
    {"Json",
     [](const CheckReport &r, bool show) { return iisid::check::checkJson(r, show); },
     {"SECRET01", "SECRET02", "SECRET03", "SECRET04", "SECRET05", "SECRET06", "SECRET07",
      "SECRET08", "SECRET09"}},
    {"Sarif",
     [](const CheckReport &r, bool show) { return iisid::check::checkSarif(r, show); },
     {"SECRET05", "SECRET06", "SECRET07", "SECRET08", "SECRET09"}},
    {"Text",
     [](const CheckReport &r, bool show) { return iisid::check::checkText(r, show); },
     {"SECRET01", "SECRET03", "SECRET04", "SECRET05", "SECRET06", "SECRET07", "SECRET08",
      "SECRET09"}},
};

class Secrets : public testing::TestWithParam<FormatRow> {};

TEST_P(Secrets, AreHiddenWithoutShowSecrets) {
    const std::string out = GetParam().write(iisid::check::testing::sampleReport(), false);
    for (std::string_view secret : iisid::check::testing::plantedSecrets)
        EXPECT_EQ(out.find(secret), std::string::npos) << secret;
    EXPECT_EQ(out.find("[enc:"), std::string::npos);
    EXPECT_NE(out.find("********"), std::string::npos);
}

TEST_P(Secrets, AreShownWithShowSecrets) {
    const std::string out = GetParam().write(iisid::check::testing::sampleReport(), true);
    for (std::string_view secret : GetParam().shown)
        EXPECT_NE(out.find(secret), std::string::npos) << secret;
    EXPECT_EQ(out.find("********"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Check, Secrets, testing::ValuesIn(formats),
                         [](const testing::TestParamInfo<FormatRow> &row) {
                             return std::string(row.param.name);
                         });

} // namespace
