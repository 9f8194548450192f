#include "scenario_io.h"

#include "json_document.h"
#include "settings.h"
#include "text_encoding.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace iisid {

namespace {

std::string inQuotes(std::string_view text) {
    return "\"" + std::string(text) + "\"";
}

/// The values a boolean setting takes, for a message: "true or false", or "true, false or
/// \"unknown\"" (quoted as in a file; quote = false for the command line).
std::string allowedBool(const Setting &setting, bool quote) {
    if (!setting.acceptsUnknown)
        return "true or false";
    return "true, false or " + (quote ? inQuotes(unknownSpelling) : std::string(unknownSpelling));
}

/// " or \"unknown\"" for a setting that accepts it, else "".
std::string orUnknown(const Setting &setting) {
    return setting.acceptsUnknown ? " or " + inQuotes(unknownSpelling) : std::string();
}

std::string joinChoices(const std::vector<std::string> &choices) {
    std::string out;
    for (const std::string &choice : choices)
        out += (out.empty() ? "" : ", ") + choice;
    return out;
}

/// The keys allowed directly under a prefix ("" for the top level, "authentication." ...).
std::vector<std::string> keysUnder(std::string_view prefix) {
    std::vector<std::string> keys;
    if (prefix.empty())
        keys = {"format", "title", "notes"};
    for (const Setting &setting : settings()) {
        if (setting.id.rfind(prefix, 0) != 0)
            continue;
        std::string rest = setting.id.substr(prefix.size());
        rest = rest.substr(0, rest.find('.'));
        if (std::find(keys.begin(), keys.end(), rest) == keys.end())
            keys.push_back(rest);
    }
    return keys;
}

bool isGroup(std::string_view id) {
    const std::string prefix = std::string(id) + ".";
    return std::any_of(settings().begin(), settings().end(),
                       [&](const Setting &s) { return s.id.rfind(prefix, 0) == 0; });
}

class Reader {
public:
    Result<LoadedScenario> run(const json::Value &root) {
        if (root.kind != json::Value::Kind::Object) {
            error(root.position,
                  "a scenario must be a JSON object, not " + json::describe(root.kind));
            return m_errors;
        }
        const json::Value *format = root.find("format");
        if (!format) {
            error(root.position, "missing \"format\": a scenario file starts with \"format\": " +
                                     inQuotes(scenarioFormat));
        } else if (format->kind != json::Value::Kind::String || format->text != scenarioFormat) {
            error(format->position,
                  "unsupported format " +
                      (format->kind == json::Value::Kind::String ? inQuotes(format->text)
                                                                 : json::describe(format->kind)) +
                      "; this program reads " + inQuotes(scenarioFormat));
        }
        readObject(root, "");
        if (!m_errors.empty())
            return m_errors;
        return std::move(m_loaded);
    }

private:
    void error(const SourceLocation &at, std::string message) {
        m_errors.push_back(Diagnostic{at, std::move(message)});
    }

    void readObject(const json::Value &object, const std::string &prefix) {
        for (const json::Value::Member &member : object.members) {
            const std::string id = prefix + member.key;
            if (prefix.empty() && (member.key == "format"))
                continue;
            if (prefix.empty() && (member.key == "title" || member.key == "notes")) {
                if (member.value.kind != json::Value::Kind::String &&
                    member.value.kind != json::Value::Kind::Null) {
                    error(member.value.position, inQuotes(member.key) + " must be a string, not " +
                                                     json::describe(member.value.kind));
                    continue;
                }
                (member.key == "title" ? m_loaded.scenario.title : m_loaded.scenario.notes) =
                    member.value.text;
                continue;
            }
            if (const Setting *setting = findSetting(id)) {
                readSetting(*setting, member.value);
                continue;
            }
            if (isGroup(id)) {
                if (member.value.kind != json::Value::Kind::Object) {
                    error(member.value.position, inQuotes(id) + " must be an object, not " +
                                                     json::describe(member.value.kind));
                    continue;
                }
                readObject(member.value, id + ".");
                continue;
            }
            const std::string where = prefix.empty()
                                          ? std::string("at the top level")
                                          : "in " + inQuotes(prefix.substr(0, prefix.size() - 1));
            error(member.keyPosition, "unknown key " + inQuotes(member.key) + " " + where +
                                          "; allowed: " + joinChoices(keysUnder(prefix)));
        }
    }

    void readSetting(const Setting &setting, const json::Value &value) {
        using Kind = json::Value::Kind;
        if (value.kind == Kind::Null) {
            // null is "not set": the default applies (for request.user: no credentials).
            m_loaded.locations[setting.id] = value.position;
            return;
        }
        SettingValue parsed;
        if (setting.acceptsUnknown && value.kind == Kind::String && value.text == unknownSpelling) {
            setting.set(m_loaded.scenario, unknown);
            m_loaded.locations[setting.id] = value.position;
            return;
        }
        switch (setting.type) {
        case SettingType::Bool:
            if (value.kind != Kind::Bool) {
                error(value.position, inQuotes(setting.id) + " must be " +
                                          allowedBool(setting, true) + ", not " +
                                          describeValue(value));
                return;
            }
            parsed = value.boolean;
            break;
        case SettingType::Choice: {
            std::string text;
            if (value.kind == Kind::String)
                text = value.text;
            else if (value.kind == Kind::Number) // "iisVersion": 7.5 is forgiven
                text = value.text.find('.') == std::string::npos ? value.text + ".0" : value.text;
            if (std::find(setting.choices.begin(), setting.choices.end(), text) ==
                setting.choices.end()) {
                error(value.position, "invalid value " + describeValue(value) + " for " +
                                          inQuotes(setting.id) +
                                          "; allowed: " + joinChoices(setting.choices));
                return;
            }
            parsed = text;
            break;
        }
        case SettingType::Text:
            if (value.kind != Kind::String) {
                error(value.position,
                      inQuotes(setting.id) + " must be a string, not " + describeValue(value));
                return;
            }
            parsed = value.text;
            break;
        case SettingType::TextList: {
            if (value.kind != Kind::Array) {
                error(value.position, inQuotes(setting.id) + " must be an array of strings" +
                                          orUnknown(setting) + ", not " + describeValue(value));
                return;
            }
            std::vector<std::string> items;
            for (const json::Value &item : value.items) {
                if (item.kind != Kind::String) {
                    error(item.position, "the items of " + inQuotes(setting.id) +
                                             " must be strings, not " + describeValue(item));
                    return;
                }
                items.push_back(item.text);
            }
            parsed = std::move(items);
            break;
        }
        }
        setting.set(m_loaded.scenario, parsed);
        m_loaded.locations[setting.id] = value.position;
    }

    static std::string describeValue(const json::Value &value) {
        switch (value.kind) {
        case json::Value::Kind::String:
            return inQuotes(value.text);
        case json::Value::Kind::Number:
            return value.text;
        case json::Value::Kind::Bool:
            return value.boolean ? "true" : "false";
        default:
            return json::describe(value.kind);
        }
    }

    LoadedScenario m_loaded;
    std::vector<Diagnostic> m_errors;
};

/// A problem with a --set argument, at a column of it.
Diagnostic argumentError(const std::string &origin, int column, std::string message) {
    Diagnostic error;
    error.location = {origin, 1, column};
    error.message = std::move(message);
    return error;
}

std::vector<std::string> splitList(std::string_view text) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(',', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view item = text.substr(start, end - start);
        while (!item.empty() && item.front() == ' ')
            item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ')
            item.remove_suffix(1);
        if (!item.empty())
            items.emplace_back(item);
        start = end + 1;
    }
    return items;
}

} // namespace

Result<LoadedScenario> readScenario(std::string_view text, const std::string &fileName) {
    Result<json::Value> document = json::parse(text, fileName);
    if (!document)
        return document.errors();
    return readScenario(*document);
}

Result<LoadedScenario> readScenario(const json::Value &root) {
    return Reader().run(root);
}

std::optional<Diagnostic> applyAssignment(LoadedScenario &target, std::string_view assignment,
                                          const std::string &origin) {
    if (std::optional<Diagnostic> encoding = checkUtf8(assignment, origin))
        return encoding;
    const std::size_t equals = assignment.find('=');
    if (equals == std::string_view::npos || equals == 0)
        return argumentError(
            origin, 1, "expected KEY=VALUE (e.g. handler.kind=cgi), not " + inQuotes(assignment));
    const std::string key(assignment.substr(0, equals));
    const std::string_view text = assignment.substr(equals + 1);
    const int valueColumn = static_cast<int>(equals) + 2;
    if (key == "title" || key == "notes") {
        (key == "title" ? target.scenario.title : target.scenario.notes) = std::string(text);
        return std::nullopt;
    }
    const Setting *setting = findSetting(key);
    if (!setting) {
        std::vector<std::string> near;
        const std::string group = key.substr(0, key.find('.') + 1);
        for (const Setting &s : settings()) {
            if (!group.empty() && s.id.rfind(group, 0) == 0)
                near.push_back(s.id);
        }
        return argumentError(origin, 1,
                             "unknown setting " + inQuotes(key) +
                                 (near.empty() ? "; 'iisid settings' lists them all"
                                               : "; settings in that group: " + joinChoices(near)));
    }
    SettingValue value;
    if (setting->acceptsUnknown && text == unknownSpelling) {
        setting->set(target.scenario, unknown);
        target.locations[setting->id] = SourceLocation{origin, 1, valueColumn};
        return std::nullopt;
    }
    switch (setting->type) {
    case SettingType::Bool:
        if (text == "true")
            value = true;
        else if (text == "false")
            value = false;
        else
            return argumentError(origin, valueColumn,
                                 inQuotes(key) + " must be " + allowedBool(*setting, false) +
                                     ", not " + inQuotes(text));
        break;
    case SettingType::Choice: {
        // "10" means "10.0", as a number written in a file does.
        std::string choice(text);
        if (setting->id == "server.iisVersion" && !choice.empty() &&
            choice.find('.') == std::string::npos)
            choice += ".0";
        if (std::find(setting->choices.begin(), setting->choices.end(), choice) ==
            setting->choices.end())
            return argumentError(origin, valueColumn,
                                 "invalid value " + inQuotes(text) + " for " + inQuotes(key) +
                                     "; allowed: " + joinChoices(setting->choices));
        value = choice;
        break;
    }
    case SettingType::Text:
        if (text == "null") {
            value = std::monostate{};
        } else if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
            // A JSON string, as in a file: --set 'authentication.anonymous.userName=""'.
            Result<json::Value> quoted = json::parse(text, origin);
            if (!quoted || quoted->kind != json::Value::Kind::String)
                return argumentError(origin, valueColumn,
                                     inQuotes(key) + " must be text or a JSON string, not " +
                                         std::string(text));
            value = quoted->text;
        } else
            value = std::string(text);
        break;
    case SettingType::TextList:
        if (!text.empty() && text.front() == '[') {
            Result<json::Value> array = json::parse(text, origin);
            if (!array) {
                Diagnostic d = array.errors().front();
                d.location.column += valueColumn - 1;
                return d;
            }
            std::vector<std::string> items;
            for (const json::Value &item : array->items) {
                if (item.kind != json::Value::Kind::String)
                    return argumentError(origin, valueColumn + item.position.column - 1,
                                         "the items of " + inQuotes(key) + " must be strings");
                items.push_back(item.text);
            }
            value = std::move(items);
        } else if (text == "null") {
            value = std::monostate{};
        } else {
            value = splitList(text);
        }
        break;
    }
    setting->set(target.scenario, value);
    target.locations[setting->id] = SourceLocation{origin, 1, valueColumn};
    return std::nullopt;
}

std::vector<Diagnostic> checkScenario(const LoadedScenario &loaded) {
    std::vector<Diagnostic> out;
    for (auto &[id, problem] : validate(loaded.scenario)) {
        Diagnostic d;
        if (const auto it = loaded.locations.find(id); it != loaded.locations.end())
            d.location = it->second;
        d.message = inQuotes(id) + ": " + problem;
        out.push_back(std::move(d));
    }
    return out;
}

std::string writeScenario(const Scenario &scenario) {
    nlohmann::ordered_json root;
    root["format"] = scenarioFormat;
    if (!scenario.title.empty())
        root["title"] = scenario.title;
    if (!scenario.notes.empty())
        root["notes"] = scenario.notes;
    for (const Setting &setting : settings()) {
        const SettingValue value = setting.get(scenario);
        if (std::holds_alternative<std::monostate>(value))
            continue;
        nlohmann::ordered_json *node = &root;
        std::string_view rest = setting.id;
        for (std::size_t dot = rest.find('.'); dot != std::string_view::npos;
             dot = rest.find('.')) {
            node = &(*node)[std::string(rest.substr(0, dot))];
            rest.remove_prefix(dot + 1);
        }
        nlohmann::ordered_json &leaf = (*node)[std::string(rest)];
        if (const bool *b = std::get_if<bool>(&value))
            leaf = *b;
        else if (const std::string *text = std::get_if<std::string>(&value))
            leaf = *text;
        else if (const auto *list = std::get_if<std::vector<std::string>>(&value))
            leaf = *list;
        else if (std::holds_alternative<Unknown>(value))
            leaf = std::string(unknownSpelling);
    }
    // Text from the readers is UTF-8; a Scenario built otherwise must not make the writer throw.
    return root.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

} // namespace iisid
