#include "model/matrix.h"
#include "model/resolver.h"
#include "model/scenario_io.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace iisid {
namespace {

/// The base from --set assignments, as `iisid matrix --set ...` builds it.
Scenario baseOf(const std::vector<std::string> &assignments) {
    LoadedScenario loaded;
    for (const std::string &text : assignments) {
        const std::optional<Diagnostic> problem = applyAssignment(loaded, text, "--set");
        EXPECT_FALSE(problem) << problem->toString();
    }
    return loaded.scenario;
}

Matrix built(const Scenario &base, const MatrixAxis &rows, const MatrixAxis &columns) {
    Result<Matrix> matrix = buildMatrix(base, rows, columns);
    EXPECT_TRUE(matrix.ok()) << (matrix ? "" : matrix.errors().front().toString());
    return std::move(matrix).value();
}

std::vector<std::string> labels(const MatrixSide &side) {
    std::vector<std::string> out;
    for (const MatrixHeading &heading : side.headings)
        out.push_back(heading.label);
    return out;
}

std::vector<std::string> messages(const Result<Matrix> &result) {
    std::vector<std::string> out;
    for (const Diagnostic &d : result.errors())
        out.push_back(d.toString());
    return out;
}

// --- Cells equal single resolutions -------------------------------------------------------------

struct AxisCase {
    std::string name;
    std::vector<std::string> base; // --set assignments
    MatrixAxis rows;
    MatrixAxis columns;
    std::size_t resolvedCells; // how many cells the resolver answers
};

std::ostream &operator<<(std::ostream &out, const AxisCase &c) {
    return out << c.name;
}

const AxisCase axisCases[] = {
    {"AspNetImpersonateByAnonymous",
     {"handler.kind=aspnet", "appPool.pipeline=classic", "authentication.windows.enabled=true",
      "request.user=CONTOSO\\alice"},
     {"authentication.anonymous.enabled", {}},
     {"aspnet.impersonate", {}},
     4},
    {"CgiCreateProcessAsUserByPoolIdentity",
     {"handler.kind=cgi"},
     {"appPool.identity", {}},
     {"handler.createProcessAsUser", {}},
     8},
    {"FastCgiImpersonateByScheme",
     {"handler.kind=fastcgi", "authentication.anonymous.enabled=false",
      "authentication.windows.enabled=true", "authentication.basic.enabled=true",
      "request.user=CONTOSO\\alice"},
     {"request.scheme", {"ntlm", "kerberos", "basic"}},
     {"handler.fastcgiImpersonate", {}},
     6},
    {"AnonymousAccountByVersion",
     {},
     {"server.iisVersion", {"6.0", "7.5", "10.0"}},
     {"authentication.anonymous.userName", {"null", "CONTOSO\\webanon"}},
     6},
    {"ChildProcessByPoolIdentity",
     {"handler.kind=aspnet", "aspnet.impersonate=true", "action=createProcess",
      "aspnet.validateIntegratedModeConfiguration=false", "authentication.windows.enabled=true",
      "request.user=CONTOSO\\alice"},
     {"appPool.identity", {}},
     {"request.sendsCredentials", {}},
     8},
};

class MatrixCells : public testing::TestWithParam<AxisCase> {};

TEST_P(MatrixCells, EqualSingleResolutions) {
    const AxisCase &c = GetParam();
    const Matrix matrix = built(baseOf(c.base), c.rows, c.columns);
    std::size_t resolved = 0;
    for (std::size_t r = 0; r < matrix.rows.headings.size(); ++r) {
        for (std::size_t col = 0; col < matrix.columns.headings.size(); ++col) {
            const MatrixCell &cell = matrix.cell(r, col);
            // What `iisid explain --set ... --set ROW --set COL` resolves.
            std::vector<std::string> assignments = c.base;
            assignments.push_back(matrix.rows.key + "=" + matrix.rows.headings[r].value);
            assignments.push_back(matrix.columns.key + "=" + matrix.columns.headings[col].value);
            const Scenario single = baseOf(assignments);
            SCOPED_TRACE(assignments.back() + " " + assignments[assignments.size() - 2]);
            EXPECT_EQ(writeScenario(cell.scenario), writeScenario(single));
            if (cell.state != CellState::Resolved)
                continue;
            ++resolved;
            const Resolution resolution = resolve(single);
            EXPECT_EQ(cell.http, resolution.http);
            EXPECT_EQ(cell.code, resolution.identities.code);
            EXPECT_EQ(cell.child, resolution.identities.child);
            EXPECT_EQ(cell.network, resolution.identities.network);
            EXPECT_EQ(cell.confidence, resolution.confidence);
        }
    }
    EXPECT_EQ(resolved, c.resolvedCells);
}

INSTANTIATE_TEST_SUITE_P(Axes, MatrixCells, testing::ValuesIn(axisCases),
                         [](const testing::TestParamInfo<AxisCase> &param) {
                             return param.param.name;
                         });

// --- Axes and headings
// ----------------------------------------------------------------------------

TEST(MatrixAxes, DefaultValuesAreTheVersionsOwn) {
    EXPECT_EQ(matrixAxisValues("appPool.identity", baseOf({})),
              (std::vector<std::string>{"LocalSystem", "LocalService", "NetworkService",
                                        "ApplicationPoolIdentity"}));
    // ApplicationPoolIdentity arrived with IIS 7.5.
    EXPECT_EQ(matrixAxisValues("appPool.identity", baseOf({"server.iisVersion=6.0"})),
              (std::vector<std::string>{"LocalSystem", "LocalService", "NetworkService"}));
    EXPECT_EQ(matrixAxisValues("aspnet.impersonate", baseOf({})),
              (std::vector<std::string>{"true", "false"}));
    EXPECT_EQ(matrixAxisValues("authentication.anonymous.userName", baseOf({})),
              (std::vector<std::string>{"null", "\"\"", "CONTOSO\\webanon"}));
    EXPECT_TRUE(matrixAxisValues("no.such", baseOf({})).empty());
}

TEST(MatrixAxes, HeadingsUseTheSettingsWords) {
    const Matrix matrix =
        built(baseOf({"server.iisVersion=6.0"}), {"authentication.anonymous.userName", {}},
              {"server.iisVersion", {"6.0", "10"}});
    EXPECT_EQ(matrix.rows.label, "Anonymous user");
    EXPECT_EQ(labels(matrix.rows),
              (std::vector<std::string>{"(default: IUSR_WEB01)", "CONTOSO\\webanon"}));
    EXPECT_EQ(matrix.columns.label, "IIS version");
    EXPECT_EQ(labels(matrix.columns), (std::vector<std::string>{"6.0", "10.0"}));
    EXPECT_EQ(matrix.title, "handler static");
}

TEST(MatrixAxes, TitleNamesVersionHandlerAndFixedSettings) {
    const Matrix matrix = built(baseOf({"handler.kind=aspnet", "appPool.pipeline=classic"}),
                                {"appPool.identity", {}}, {"aspnet.impersonate", {}});
    EXPECT_EQ(matrix.title, "IIS 10.0, handler aspnet; fixed: appPool.pipeline=classic");
}

TEST(MatrixAxes, ParsesKeyAndValues) {
    Result<MatrixAxis> axis =
        parseMatrixAxis("appPool.identity=LocalSystem,NetworkService", "--rows");
    ASSERT_TRUE(axis.ok());
    EXPECT_EQ(axis->key, "appPool.identity");
    EXPECT_EQ(axis->values, (std::vector<std::string>{"LocalSystem", "NetworkService"}));
    Result<MatrixAxis> keyOnly = parseMatrixAxis("aspnet.impersonate", "--cols");
    ASSERT_TRUE(keyOnly.ok());
    EXPECT_TRUE(keyOnly->values.empty());
}

// --- differsFromLeft ----------------------------------------------------------------------------

TEST(MatrixDiffers, MarksCellsUnlikeTheirLeftNeighbour) {
    const Matrix matrix =
        built(baseOf({}), {"appPool.identity", {"LocalSystem", "ApplicationPoolIdentity"}},
              {"authentication.anonymous.userName", {"null", "\"\"", "CONTOSO\\webanon"}});
    for (std::size_t r = 0; r < 2; ++r) {
        EXPECT_FALSE(matrix.cell(r, 0).differsFromLeft); // nothing to its left
        EXPECT_TRUE(matrix.cell(r, 1).differsFromLeft);  // IUSR, then the pool identity
        EXPECT_TRUE(matrix.cell(r, 2).differsFromLeft);  // then the named account
    }
    EXPECT_EQ(matrix.cell(1, 1).code, "IIS APPPOOL\\DefaultAppPool");
    EXPECT_EQ(cellSummary(matrix.cell(1, 1)), "200 · IIS APPPOOL\\DefaultAppPool");
}

TEST(MatrixDiffers, SameOutcomeIsNotMarked) {
    // A static file is served alike in either pipeline mode.
    const Matrix matrix =
        built(baseOf({}), {"appPool.identity", {"NetworkService"}}, {"appPool.pipeline", {}});
    EXPECT_EQ(matrix.cell(0, 1).state, CellState::Resolved);
    EXPECT_FALSE(matrix.cell(0, 1).differsFromLeft);
}

// --- Combinations that are not valid, settings with no effect -----------------------------------

TEST(MatrixCellsNotResolved, ValueTheVersionDoesNotHaveIsInvalid) {
    const Matrix matrix =
        built(baseOf({}), {"server.iisVersion", {"6.0", "10.0"}}, {"appPool.pipeline", {}});
    const MatrixCell &cell = matrix.cell(0, 1);
    EXPECT_EQ(cell.state, CellState::Invalid);
    EXPECT_EQ(cell.reason, "\"appPool.pipeline\": the managed pipeline mode exists on IIS 7.0 "
                           "and later, not on IIS 6.0");
    EXPECT_FALSE(cell.http);
    EXPECT_EQ(cellSummary(cell), "n/a (not valid)");
    EXPECT_EQ(cellDetail(cell), cell.reason);
    EXPECT_EQ(matrix.cell(1, 1).state, CellState::Resolved);
}

TEST(MatrixCellsNotResolved, SettingTheHandlerIgnoresIsInactive) {
    const Matrix matrix =
        built(baseOf({}), {"handler.kind", {"static", "cgi"}}, {"handler.createProcessAsUser", {}});
    EXPECT_EQ(matrix.cell(0, 0).state, CellState::Inactive);
    EXPECT_EQ(matrix.cell(0, 0).reason, "\"handler.createProcessAsUser\" has no effect: only "
                                        "used by the CGI handler; the handler is Static file");
    EXPECT_EQ(cellSummary(matrix.cell(0, 0)), "n/a (no effect)");
    EXPECT_EQ(matrix.cell(1, 0).state, CellState::Resolved);
    EXPECT_EQ(matrix.cell(1, 1).state, CellState::Resolved);
}

// --- Axes that cannot be built ------------------------------------------------------------------

TEST(MatrixErrors, UnknownKey) {
    const Result<Matrix> result = buildMatrix(baseOf({}), {"appPool.idenity", {}}, {"action", {}});
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(messages(result),
              (std::vector<std::string>{
                  "--rows:1:1: error: unknown setting \"appPool.idenity\"; settings in that "
                  "group: appPool.name, appPool.identity, appPool.userName, appPool.pipeline, "
                  "appPool.canReplaceProcessToken"}));
}

TEST(MatrixErrors, ValueTheSettingCannotTake) {
    const Result<Matrix> result =
        buildMatrix(baseOf({}), {"aspnet.impersonate", {"true", "maybe"}}, {"action", {}});
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(messages(result),
              (std::vector<std::string>{
                  "--rows:1:20: error: \"aspnet.impersonate\" must be true or false, not "
                  "\"maybe\""}));
}

TEST(MatrixErrors, SameKeyOnBothSides) {
    const Result<Matrix> result =
        buildMatrix(baseOf({}), {"aspnet.impersonate", {}}, {"aspnet.impersonate", {}});
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(messages(result),
              (std::vector<std::string>{"--cols: error: \"aspnet.impersonate\" is already the "
                                        "rows' setting; choose another for the columns"}));
}

TEST(MatrixErrors, NoValueForTheVersion) {
    const Result<Matrix> result =
        buildMatrix(baseOf({"server.iisVersion=5.0"}), {"appPool.identity", {}}, {"action", {}});
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(messages(result),
              (std::vector<std::string>{
                  "--rows: error: no value of \"appPool.identity\" fits the scenario: IIS 5.0 "
                  "has no application pools (applications run in inetinfo.exe or dllhost.exe; "
                  "set application.protection instead)"}));
}

TEST(MatrixErrors, ListValuesCannotBeListed) {
    const Result<MatrixAxis> axis = parseMatrixAxis("content.readableBy=a,b", "--cols");
    ASSERT_FALSE(axis.ok());
    EXPECT_EQ(axis.errors().front().toString(),
              "--cols: error: \"content.readableBy\" is a list: its values cannot be listed "
              "after '='; leave them out to use the catalogue's samples");
    EXPECT_FALSE(parseMatrixAxis("=true", "--rows").ok());
}

// --- Writers ------------------------------------------------------------------------------------

Matrix anonymousByPool() {
    return built(baseOf({}), {"appPool.identity", {"LocalSystem", "ApplicationPoolIdentity"}},
                 {"authentication.anonymous.userName", {"null", "\"\""}});
}

TEST(MatrixCsv, QuotesFieldsAsRfc4180Says) {
    const std::string csv = matrixCsv(anonymousByPool());
    EXPECT_EQ(csv.substr(0, csv.find("\r\n")),
              "Pool identity,Anonymous user,State,HTTP result,Code runs as,Child process runs "
              "as,Network sees,Confidence,Differs from left,Reason");
    // The heading "" (empty) is a field with quotes: quoted, quotes doubled.
    EXPECT_NE(csv.find("\r\nLocalSystem,\"\"\"\"\" (empty)\",resolved,200,NT AUTHORITY\\SYSTEM,NT "
                       "AUTHORITY\\SYSTEM,"),
              std::string::npos)
        << csv;
    const std::string withCommas = matrixCsv(
        built(baseOf({}), {"handler.kind", {"static"}}, {"handler.createProcessAsUser", {"true"}}));
    EXPECT_NE(withCommas.find(",\"\"\"handler.createProcessAsUser\"\" has no effect: only used "
                              "by the CGI handler; the handler is Static file\"\r\n"),
              std::string::npos)
        << withCommas;
}

TEST(MatrixText, GridWithMarkAndLegend) {
    EXPECT_EQ(matrixText(anonymousByPool()),
              "Identity matrix: IIS 10.0, handler static\n"
              "Rows: Pool identity (appPool.identity). Columns: Anonymous user "
              "(authentication.anonymous.userName).\n"
              "\n"
              "Pool identity \\ Anonymous user | (default: IUSR)         | \"\" (empty)\n"
              "-------------------------------+-------------------------+---------------------"
              "--------------\n"
              "LocalSystem                    | 200 · NT AUTHORITY\\IUSR | ≠ 200 · NT "
              "AUTHORITY\\SYSTEM\n"
              "ApplicationPoolIdentity        | 200 · NT AUTHORITY\\IUSR | ≠ 200 · IIS "
              "APPPOOL\\DefaultAppPool\n"
              "\n"
              "Each cell: HTTP result · Code runs as. ≠ differs from the cell to its left (HTTP "
              "result, code, child or network identity).\n");
}

TEST(MatrixMarkdown, TableEscapesPipes) {
    const std::string markdown = matrixMarkdown(anonymousByPool());
    EXPECT_NE(markdown.find("| Pool identity \\ Anonymous user | (default: IUSR) | \"\" (empty) |\n"
                            "|---|---|---|\n"
                            "| **LocalSystem** | 200 · NT AUTHORITY\\IUSR | ≠ 200 · NT "
                            "AUTHORITY\\SYSTEM |\n"),
              std::string::npos)
        << markdown;
}

TEST(MatrixHtml, MarksDifferingCellsBySymbolAndStyle) {
    const std::string html = matrixHtml(anonymousByPool());
    EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_NE(html.find("<title>Identity matrix: IIS 10.0, handler static</title>"),
              std::string::npos);
    EXPECT_NE(
        html.find("<td class=\"differs\" title=\"Child process: NT AUTHORITY\\SYSTEM&#10;Network "
                  "sees: CONTOSO\\WEB01$\"><span class=\"mark\""),
        std::string::npos)
        << html;
    EXPECT_NE(html.find("td.differs{"), std::string::npos);
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("http://"), std::string::npos); // self-contained
}

TEST(MatrixJson, CellsAndAxes) {
    const nlohmann::json json = nlohmann::json::parse(matrixJson(anonymousByPool()));
    EXPECT_EQ(json["format"], "iisid-matrix/1");
    EXPECT_EQ(json["rows"]["key"], "appPool.identity");
    EXPECT_EQ(json["columns"]["values"][1]["value"], "\"\"");
    const nlohmann::json &cell = json["cells"][1][1];
    EXPECT_EQ(cell["state"], "resolved");
    EXPECT_EQ(cell["http"]["status"], 200);
    EXPECT_EQ(cell["code"], "IIS APPPOOL\\DefaultAppPool");
    EXPECT_EQ(cell["differsFromLeft"], true);
    EXPECT_TRUE(cell["reason"].is_null());
}

} // namespace
} // namespace iisid
