#pragma once

#include "confidence.h"
#include "finding.h"
#include "scenario.h"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iisid {

/// Where in the request's journey a step happens. The diagram lays its stations out from these.
enum class Stage {
    Worker,         // which process receives the request, with which token
    Configuration,  // reading web.config / applicationHost.config (IIS 7+)
    Authentication, // who the request is
    Authorization,  // may that identity reach the resource
    Filter,         // ISAPI filter code
    Handler,        // the handler chosen for the URL takes over
    Code,           // the code that runs (page, module, event)
    Content,        // the requested file or script is read
    ChildProcess,   // a process started by the code
    Network,        // the code reaches off the box
};

/// The stage's key as the JSON contract writes it: "childProcess".
std::string_view toString(Stage stage);
/// The stage as a heading for people: "Child process".
std::string_view stageLabel(Stage stage);

struct HttpStatus {
    int status = 200;
    int subStatus = 0;
    std::string toString() const; // "401.1", "200"
    friend bool operator==(const HttpStatus &, const HttpStatus &) = default;
};

/// One step of the trace: what happened, which tokens the process and thread held afterwards,
/// why (the rule, with its facts and sources), and how sure that rule is.
struct Step {
    Stage stage{};
    std::string host;      // the executable the step happens in: "w3wp.exe"
    std::string hostTitle; // the same host as a heading names it: "w3wp.exe", "CGI program"
    std::optional<std::string> process; // process token after the step
    std::optional<std::string> thread;  // impersonation token after the step (none: nullopt)
    std::string text;                   // what happened and why, for a person
    // Reference fact ids ("F3.40") and the URLs of their sources. Both point into the
    // program's static tables (reference.h), so they stay valid for the program's lifetime.
    std::vector<std::string_view> facts;
    std::vector<std::string_view> sources;
    Confidence confidence = Confidence::Confirmed;
    std::string uncertainty; // what is not certain, when confidence is not Confirmed
    bool fails = false;      // the request ends here with an error status
    /// What this step took for granted because the scenario says "unknown" (Setting::
    /// acceptsUnknown), with the outcome if it is otherwise; empty when nothing. Several are
    /// joined with "; ".
    std::string dependsOn;

    friend bool operator==(const Step &, const Step &) = default;
};

/// An input the scenario does not know that the result rests on: the request was followed
/// along the path where the input allows it.
struct Dependency {
    std::string setting; // the setting's id: "content.readableBy"
    std::string text;    // for a person, with the other outcome: "... if they refuse: 401.3"
    friend bool operator==(const Dependency &, const Dependency &) = default;
};

/// The identities of the result card, in the contract's order (scenario-format.md). Their keys,
/// labels and the member of Identities each one is live in one table: result_fields.h.
enum class IdentityField { Worker, Process, Thread, Code, Content, Child, Network };

inline constexpr std::size_t identityFieldCount = 7;

constexpr std::size_t index(IdentityField field) {
    return static_cast<std::size_t>(field);
}

/// One value per identity, indexed by index(IdentityField).
template <typename T> using PerIdentity = std::array<T, identityFieldCount>;

/// The identities of the result card. nullopt where the request failed before that point or
/// where nothing applies (no impersonation: thread is nullopt). The members follow IdentityField;
/// result_fields.cpp checks at compile time that none is missing from the table.
struct Identities {
    std::optional<std::string> worker;
    std::optional<std::string> process;
    std::optional<std::string> thread;
    std::optional<std::string> code;
    std::optional<std::string> content;
    std::optional<std::string> child;
    std::optional<std::string> network;
};

/// What the request brings that the trace does not repeat: who the browser sends, the handler
/// the URL maps to, the file it names, and whether inetinfo.exe or HTTP.sys listens. The diagram
/// (model/diagram) draws these beside the trace, so a Resolution alone is enough to draw it.
struct RequestFacts {
    std::optional<std::string> user; // nullopt: the browser sends no credentials
    Scheme scheme{};
    HandlerKind handler{};
    std::string contentPath;
    bool iis5ProcessModel = false; // IIS 5.x, or IIS 6.0 in IIS 5.0 isolation mode
    /// The handler hands the request to a process of its own (CGI, php-cgi.exe, aspnet_wp.exe,
    /// dotnet.exe): its module runs where the request was, its code in that process.
    bool handlerHasOwnProcess = false;
};

struct Resolution {
    RequestFacts request;
    std::optional<HttpStatus> http; // nullopt for code that runs outside a request
    Identities identities;
    std::string workerHost;  // "w3wp.exe", "inetinfo.exe", "dllhost.exe"
    std::string processHost; // the executable that runs the code, empty when none started
    std::vector<Step> steps;
    /// What the resolver found worth telling beside the trace, each with a stable rule id
    /// (`iisid explain` prints them as its warnings).
    std::vector<Finding> findings;
    /// The unknown inputs the result rests on, one per setting, in the order the trace met
    /// them (a setting met again with another text has it added, "; "-joined). Not a
    /// confidence: the rules are as sure as ever, the inputs are not known.
    std::vector<Dependency> dependsOn;
    /// The weakest confidence of all the rules used: the summary.
    Confidence confidence = Confidence::Confirmed;
    /// Per identity, the weakest confidence of the steps it rests on (confidencePerIdentity() in
    /// result_fields.h): a doubtful network rule does not make the code's identity doubtful.
    PerIdentity<Confidence> confidenceOf{};
};

} // namespace iisid
