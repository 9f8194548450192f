#include "trace_builder.h"

#include "reference.h"

#include <unordered_map>
#include <utility>

namespace iisid {

const std::vector<std::string_view> &sourcesOf(std::string_view factId) {
    static const std::unordered_map<std::string_view, std::vector<std::string_view>> table = [] {
        std::unordered_map<std::string_view, std::vector<std::string_view>> map;
        for (const Fact &fact : facts()) {
            std::vector<std::string_view> urls;
            auto addUrl = [&urls](std::string_view url) {
                if (!url.empty() && std::find(urls.begin(), urls.end(), url) == urls.end())
                    urls.push_back(url);
            };
            auto eachWord = [](std::string_view text, auto &&callback) {
                std::size_t start = 0;
                while (start < text.size()) {
                    std::size_t end = text.find(' ', start);
                    if (end == std::string_view::npos)
                        end = text.size();
                    if (end > start)
                        callback(text.substr(start, end - start));
                    start = end + 1;
                }
            };
            eachWord(fact.sources, [&](std::string_view key) {
                if (const SourceRef *source = findSource(key))
                    addUrl(source->url);
            });
            eachWord(fact.urls, addUrl);
            map.emplace(fact.id, std::move(urls));
        }
        return map;
    }();
    static const std::vector<std::string_view> none;
    const auto it = table.find(factId);
    return it == table.end() ? none : it->second;
}
void cite(Step &s, std::string_view factId) {
    if (std::find(s.facts.begin(), s.facts.end(), factId) == s.facts.end())
        s.facts.push_back(factId);
    for (std::string_view url : sourcesOf(factId)) {
        if (std::find(s.sources.begin(), s.sources.end(), url) == s.sources.end())
            s.sources.push_back(url);
    }
}

Step &TraceBuilder::step(Stage stage, StepPlace place, std::string text, Facts facts,
                         Confidence confidence, std::string uncertainty) {
    Step s;
    s.stage = stage;
    s.host = place.host;
    s.hostTitle = place.hostTitle;
    s.process = std::move(place.process);
    s.thread = std::move(place.thread);
    s.text = std::move(text);
    s.facts.assign(facts.begin(), facts.end());
    for (std::string_view id : facts) {
        for (std::string_view url : sourcesOf(id)) {
            if (std::find(s.sources.begin(), s.sources.end(), url) == s.sources.end())
                s.sources.push_back(url);
        }
    }
    s.confidence = confidence;
    s.uncertainty = std::move(uncertainty);
    r.confidence = std::max(r.confidence, confidence);
    r.steps.push_back(std::move(s));
    return r.steps.back();
}

void TraceBuilder::fail(Stage stage, int status, int subStatus, StepPlace place, std::string text,
                        Facts facts, Confidence confidence, std::string uncertainty) {
    r.http = HttpStatus{status, subStatus};
    step(stage, std::move(place), std::move(text), facts, confidence, std::move(uncertainty))
        .fails = true;
}

void TraceBuilder::warn(std::string rule, Severity severity, std::string text, Facts facts,
                        Confidence status) {
    Finding finding;
    finding.rule = std::move(rule);
    finding.severity = severity;
    finding.status = status;
    finding.message = std::move(text);
    finding.facts.assign(facts.begin(), facts.end());
    r.findings.push_back(std::move(finding));
}

} // namespace iisid
