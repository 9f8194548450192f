#pragma once

// The identity matrix: one base scenario, one setting varied along the rows and another along
// the columns, and in each cell the resolver's answer for that combination. What Microsoft's
// "ASP.NET identity matrix" showed for one handler on one version, for any of them.

#include "confidence.h"
#include "diagnostic.h"
#include "resolution.h"
#include "scenario.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iisid {

/// What varies along one side of the matrix: a setting of the catalogue (settings.h) and its
/// values, spelt as `iisid explain --set KEY=VALUE` spells them.
struct MatrixAxis {
    std::string key;
    /// Empty: every value of the setting the base's IIS version allows (matrixAxisValues()).
    std::vector<std::string> values;
};

/// Reads "KEY" or "KEY=v1,v2,..." (the argument of --rows and --cols). Values are split at
/// commas; a list setting's values cannot be given this way (each would split), so they are
/// refused. `origin` names the argument in diagnostics ("--rows").
Result<MatrixAxis> parseMatrixAxis(std::string_view text, const std::string &origin);

/// Every value of the setting with this id for `base`, in the catalogue's order: true and false,
/// the choices the base's IIS version allows, or for text the catalogue's samples ("null" where
/// the sample is the default or "none"). Empty for an unknown id.
std::vector<std::string> matrixAxisValues(std::string_view key, const Scenario &base);

/// One heading of the matrix: the value as --set spells it and as a person reads it.
struct MatrixHeading {
    std::string value; // "true", "ApplicationPoolIdentity", "null"
    std::string label; // "true", "ApplicationPoolIdentity", "(default: IUSR)"
};

/// One side of a built matrix.
struct MatrixSide {
    std::string key;   // "appPool.identity"
    std::string label; // the setting's label: "Pool identity"
    std::vector<MatrixHeading> headings;
};

enum class CellState {
    Resolved, // the resolver answered
    Invalid,  // the combination is not a valid scenario (e.g. a value the version does not have)
    Inactive, // the row's or column's setting has no effect here (e.g. a setting the handler
              // ignores): shown as such rather than as a result that would not depend on it
};

struct MatrixCell {
    CellState state = CellState::Resolved;
    /// The base with the row's and the column's value written: the scenario the cell opens.
    Scenario scenario;
    /// Invalid or Inactive: why, one sentence per problem, "; "-joined. Empty when Resolved.
    std::string reason;
    // Resolved: the resolver's answer for `scenario`, as `iisid explain` gives it.
    std::optional<HttpStatus> http;
    std::optional<std::string> code;
    std::optional<std::string> child;
    std::optional<std::string> network;
    Confidence confidence = Confidence::Confirmed;
    /// The cell's outcome (state, HTTP result, code, child and network identity, reason)
    /// differs from the cell to its left; false in the first column.
    bool differsFromLeft = false;
};

struct Matrix {
    Scenario base;
    /// "IIS 10.0, handler aspnet; fixed: aspnet.impersonate=true": the version, the handler and
    /// the settings the base writes (other than the two axes).
    std::string title;
    MatrixSide rows;
    MatrixSide columns;
    std::vector<std::vector<MatrixCell>> cells; // [row][column]

    const MatrixCell &cell(std::size_t row, std::size_t column) const { return cells[row][column]; }
};

/// Builds the matrix: for each row value and column value, the base with both written is
/// checked and resolved exactly as `iisid explain FILE --set ROW --set COL` would (applyAssignment,
/// checkScenario, resolve). A combination that fails the check is an Invalid cell with the
/// check's messages, one where the row's or column's setting has no effect (its inactiveReason)
/// an Inactive cell: reported, never guessed. Fails, with diagnostics naming `rows.key` or
/// `columns.key`, for an unknown key, a key used on both sides, a value its setting cannot take,
/// an axis left with no value for the base's version, or a base that is not valid apart from
/// the two axes.
Result<Matrix> buildMatrix(const Scenario &base, const MatrixAxis &rows, const MatrixAxis &columns);

/// A cell as the table shows it: "200 · IIS APPPOOL\\DefaultAppPool", "500.24 · (no code ran)",
/// with the confidence mark when not confirmed; "n/a" for an Invalid or Inactive cell.
std::string cellSummary(const MatrixCell &cell);
/// What the table shows on hover: the child and network identities (or the reason a cell is
/// not resolved), one per line.
std::string cellDetail(const MatrixCell &cell);

/// The mark beside a cell that differs from its left neighbour, and the legend that says so.
inline constexpr std::string_view differsMark = "≠";
inline constexpr std::string_view differsLegend =
    "≠ differs from the cell to its left (HTTP result, code, child or network identity)";

// Writers. Each is complete on its own (title, headings, cells, legend, notes).
std::string matrixText(const Matrix &matrix);
std::string matrixMarkdown(const Matrix &matrix);
/// A self-contained HTML page (inline style, no scripts): differing cells carry the mark and a
/// style, the title attribute holds cellDetail().
std::string matrixHtml(const Matrix &matrix);
/// One line per cell (RFC 4180: CRLF line ends, fields with a comma, quote or line break
/// quoted, quotes doubled): row value, column value, state, HTTP, code, child, network,
/// confidence, differs from left, reason.
std::string matrixCsv(const Matrix &matrix);
/// format "iisid-matrix/1": title, rows and columns with their values, cells [row][column].
std::string matrixJson(const Matrix &matrix);

} // namespace iisid
