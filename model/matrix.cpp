#include "matrix.h"

#include "explanation.h"
#include "resolver.h"
#include "result_fields.h"
#include "scenario_io.h"
#include "settings.h"

#include <algorithm>
#include <utility>

namespace iisid {

namespace {

Diagnostic axisError(const std::string &origin, std::string message) {
    return Diagnostic{SourceLocation{origin, 0, 0}, std::move(message)};
}

std::string quoted(std::string_view text) {
    return "\"" + std::string(text) + "\"";
}

/// A value as --set spells it, so that applyAssignment reads it back unchanged. displayValue()
/// already does for booleans, text (an empty one as "") and "unknown".
std::string spelling(const SettingValue &value) {
    if (std::holds_alternative<std::monostate>(value))
        return "null"; // the setting removed: its default, or "none"
    if (const auto *list = std::get_if<std::vector<std::string>>(&value)) {
        std::string out;
        for (const std::string &item : *list)
            out += (out.empty() ? "" : ",") + item;
        return out;
    }
    return displayValue(value);
}

std::string assignment(const std::string &key, const std::string &value) {
    return key + "=" + value;
}

/// The heading of one value: what the setting holds once the value is written.
std::string headingLabel(const Setting &setting, const Scenario &withValue) {
    const SettingValue written = setting.get(withValue);
    if (const std::string *text = std::get_if<std::string>(&written); text && text->empty())
        return displayValue(written) + " (empty)"; // a bare "" reads as a typo in a heading
    if (!std::holds_alternative<std::monostate>(written))
        return displayValue(written);
    const SettingValue fallback = setting.defaultValue(withValue);
    if (std::holds_alternative<std::monostate>(fallback))
        return "(none)";
    return "(default: " + displayValue(fallback) + ")";
}

/// Checks one axis against the base and fills its side; the values each pass applyAssignment.
Result<MatrixSide> buildSide(const LoadedScenario &base, const MatrixAxis &axis,
                             const std::string &origin) {
    const Setting *setting = findSetting(axis.key);
    if (!setting) {
        // The same message, with the keys of the group, as --set gives for the key.
        LoadedScenario scratch = base;
        if (std::optional<Diagnostic> unknownKey =
                applyAssignment(scratch, assignment(axis.key, ""), origin))
            return *unknownKey;
        return axisError(origin, quoted(axis.key) + " is not a setting that can vary");
    }
    MatrixSide side{setting->id, setting->label, {}};
    const std::vector<std::string> values =
        axis.values.empty() ? matrixAxisValues(axis.key, base.scenario) : axis.values;
    std::vector<Diagnostic> errors;
    for (const std::string &value : values) {
        LoadedScenario scratch = base;
        if (std::optional<Diagnostic> bad =
                applyAssignment(scratch, assignment(setting->id, value), origin)) {
            errors.push_back(std::move(*bad));
            continue;
        }
        side.headings.push_back({value, headingLabel(*setting, scratch.scenario)});
    }
    if (!errors.empty())
        return errors;
    if (side.headings.empty()) {
        const std::optional<std::string> why = setting->problem(base.scenario);
        return axisError(origin, "no value of " + quoted(setting->id) + " fits the scenario" +
                                     (why ? ": " + *why : std::string()));
    }
    return side;
}

/// Why the cell's scenario is not valid, or why one of the axes' settings has no effect in it.
void judge(MatrixCell &cell, const LoadedScenario &loaded, const Setting &row,
           const Setting &column) {
    std::vector<std::string> reasons;
    for (const Diagnostic &problem : checkScenario(loaded))
        reasons.push_back(problem.message);
    cell.state = reasons.empty() ? CellState::Resolved : CellState::Invalid;
    if (reasons.empty()) {
        for (const Setting *axis : {&row, &column}) {
            if (std::optional<std::string> why = axis->inactiveReason(loaded.scenario))
                reasons.push_back(quoted(axis->id) + " has no effect: " + *why);
        }
        if (!reasons.empty())
            cell.state = CellState::Inactive;
    }
    for (const std::string &reason : reasons)
        cell.reason += (cell.reason.empty() ? "" : "; ") + reason;
}

bool sameOutcome(const MatrixCell &a, const MatrixCell &b) {
    return a.state == b.state && a.reason == b.reason && a.http == b.http && a.code == b.code &&
           a.child == b.child && a.network == b.network;
}

std::string title(const Scenario &base, const Setting &row, const Setting &column) {
    const auto isAxis = [&](const Setting &s) { return s.id == row.id || s.id == column.id; };
    std::string out;
    std::string fixed;
    for (const Setting &setting : settings()) {
        if (isAxis(setting))
            continue;
        if (setting.id == "server.iisVersion") {
            out += "IIS " + displayValue(effectiveValue(setting, base));
        } else if (setting.id == "handler.kind") {
            out += std::string(out.empty() ? "" : ", ") + "handler " +
                   displayValue(effectiveValue(setting, base));
        } else if (const SettingValue written = setting.get(base);
                   !std::holds_alternative<std::monostate>(written)) {
            fixed += (fixed.empty() ? "" : ", ") + setting.id + "=" + displayValue(written);
        }
    }
    return fixed.empty() ? out : out + "; fixed: " + fixed;
}

} // namespace

Result<MatrixAxis> parseMatrixAxis(std::string_view text, const std::string &origin) {
    const std::size_t equals = text.find('=');
    MatrixAxis axis{std::string(text.substr(0, equals)), {}};
    if (axis.key.empty())
        return axisError(origin, "expected KEY or KEY=VALUE,VALUE,... (e.g. appPool.identity), "
                                 "not " +
                                     quoted(text));
    if (equals == std::string_view::npos)
        return axis;
    const Setting *setting = findSetting(axis.key);
    if (setting && setting->type == SettingType::TextList)
        return axisError(origin, quoted(axis.key) +
                                     " is a list: its values cannot be listed after '='; "
                                     "leave them out to use the catalogue's samples");
    std::string_view rest = text.substr(equals + 1);
    while (true) {
        const std::size_t comma = rest.find(',');
        axis.values.emplace_back(rest.substr(0, comma));
        if (comma == std::string_view::npos)
            break;
        rest.remove_prefix(comma + 1);
    }
    return axis;
}

std::vector<std::string> matrixAxisValues(std::string_view key, const Scenario &base) {
    const Setting *setting = findSetting(key);
    if (!setting)
        return {};
    std::vector<std::string> out;
    for (const SettingValue &sample : setting->samples) {
        // A value the base's version does not have is left out (e.g. ApplicationPoolIdentity
        // before IIS 7.5): the axis shows what the version offers.
        Scenario scratch = base;
        setting->set(scratch, sample);
        std::string value = spelling(sample);
        if (!setting->problem(scratch) && std::find(out.begin(), out.end(), value) == out.end())
            out.push_back(std::move(value));
    }
    return out;
}

Result<Matrix> buildMatrix(const Scenario &base, const MatrixAxis &rows,
                           const MatrixAxis &columns) {
    const LoadedScenario loadedBase{base, {}};
    Result<MatrixSide> rowSide = buildSide(loadedBase, rows, "--rows");
    Result<MatrixSide> columnSide = buildSide(loadedBase, columns, "--cols");
    std::vector<Diagnostic> errors;
    for (const Result<MatrixSide> *side : {&rowSide, &columnSide}) {
        if (!*side)
            errors.insert(errors.end(), side->errors().begin(), side->errors().end());
    }
    if (!errors.empty())
        return errors;
    if (rows.key == columns.key)
        return axisError("--cols", quoted(columns.key) +
                                       " is already the rows' setting; choose another for the "
                                       "columns");
    const Setting &row = *findSetting(rows.key);
    const Setting &column = *findSetting(columns.key);

    // The base must be valid apart from the two axes, whose values the cells write anyway.
    Scenario withoutAxes = base;
    row.set(withoutAxes, std::monostate{});
    column.set(withoutAxes, std::monostate{});
    for (const auto &[id, problem] : validate(withoutAxes))
        errors.push_back(axisError("scenario", quoted(id) + ": " + problem));
    if (!errors.empty())
        return errors;

    Matrix matrix;
    matrix.base = base;
    matrix.title = title(base, row, column);
    matrix.rows = std::move(rowSide).value();
    matrix.columns = std::move(columnSide).value();
    for (const MatrixHeading &rowValue : matrix.rows.headings) {
        std::vector<MatrixCell> &line = matrix.cells.emplace_back();
        for (const MatrixHeading &columnValue : matrix.columns.headings) {
            // The path of `iisid explain --set ROW --set COL`: the values were checked above.
            LoadedScenario loaded = loadedBase;
            applyAssignment(loaded, assignment(row.id, rowValue.value), "--rows");
            applyAssignment(loaded, assignment(column.id, columnValue.value), "--cols");
            MatrixCell &cell = line.emplace_back();
            cell.scenario = loaded.scenario;
            judge(cell, loaded, row, column);
            if (cell.state == CellState::Resolved) {
                const Resolution resolution = resolve(loaded.scenario);
                cell.http = resolution.http;
                cell.code = resolution.identities.code;
                cell.child = resolution.identities.child;
                cell.network = resolution.identities.network;
                cell.confidence = resolution.confidence;
            }
            cell.differsFromLeft = line.size() > 1 && !sameOutcome(line[line.size() - 2], cell);
        }
    }
    return matrix;
}

std::string cellSummary(const MatrixCell &cell) {
    switch (cell.state) {
    case CellState::Invalid:
        return "n/a (not valid)";
    case CellState::Inactive:
        return "n/a (no effect)";
    case CellState::Resolved:
        break;
    }
    std::string out = cell.http ? cell.http->toString() : std::string("(no request)");
    out += " · " + cell.code.value_or(std::string(fieldInfo(IdentityField::Code).none));
    if (cell.confidence != Confidence::Confirmed)
        out += " " + confidenceMark(cell.confidence);
    return out;
}

std::string cellDetail(const MatrixCell &cell) {
    if (cell.state != CellState::Resolved)
        return cell.reason;
    std::string out;
    for (IdentityField field : {IdentityField::Child, IdentityField::Network}) {
        const IdentityFieldInfo &info = fieldInfo(field);
        const std::optional<std::string> &value =
            field == IdentityField::Child ? cell.child : cell.network;
        out += (out.empty() ? "" : "\n") + std::string(info.caption) + ": " +
               value.value_or(std::string(info.none));
    }
    return out;
}

} // namespace iisid
