#include "catalogue.h"

#include "model/reference.h"

#include <algorithm>

namespace iisid::check {

namespace detail {
/// §5 as written (catalogue_rows.cpp): source keys without their URLs.
std::vector<CatalogueEntry> catalogueRows();
} // namespace detail

namespace {

// The keys config-semantics.md adds ("Sources added by this document"). Their URLs live only
// here: model/reference.cpp is generated from the reference, which does not define them. Where
// the document names a repository file (repository, commit, path), the URL is that file on
// GitHub at that commit. Corpus files and the DISA STIG have no public address in the document;
// entries cite those in `rules` instead.
constexpr RuleSource addedSources[] = {
    {"DOC-SITES",
     "https://learn.microsoft.com/en-us/iis/get-started/planning-your-iis-architecture/"
     "understanding-sites-applications-and-virtual-directories-on-iis"},
    {"DOC-DEEP", "https://learn.microsoft.com/en-us/iis/get-started/planning-your-iis-architecture/"
                 "deep-dive-into-iis-configuration-with-iis-7-and-iis-8"},
    {"DOC-LOCK", "https://learn.microsoft.com/en-us/iis/get-started/planning-for-security/"
                 "how-to-use-locking-in-iis-configuration"},
    {"DOC-REDIR", "https://learn.microsoft.com/en-us/iis/configuration/configurationredirection"},
    {"DOC-ENC", "https://learn.microsoft.com/en-us/iis/manage/configuring-security/"
                "using-encryption-to-protect-passwords"},
    {"DOC-FCGIPHP", "https://github.com/MicrosoftDocs/iis-docs/blob/3a8d069/iis/"
                    "application-frameworks/install-and-configure-php-applications-on-iis/"
                    "using-fastcgi-to-host-php-applications-on-iis.md"},
    {"DOC-PHPIMP-SRC", "https://github.com/MicrosoftDocs/iis-docs/blob/3a8d069/iis/"
                       "application-frameworks/install-and-configure-php-on-iis/"
                       "secure-content-in-iis-through-impersonation.md"},
    {"TN-FEATPERM", "https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/"
                    "windows-server-2008-R2-and-2008/cc725855(v=ws.10)"},
    {"WMI-IDENT", "https://learn.microsoft.com/en-us/iis/wmi-provider/identitysection-class"},
    {"NET-IDENTITY", "https://learn.microsoft.com/en-us/previous-versions/dotnet/netframework-4.0/"
                     "72wdk8cc(v=vs.100)"},
    {"SANCM", "https://github.com/lextm/iis_schema/blob/fe51c91/aspnetcore_schema_v2.xml"},
    {"ANCM-SHIM", "https://github.com/dotnet/aspnetcore/blob/ad90000c/src/Servers/IIS/"
                  "AspNetCoreModuleV2/AspNetCore/ShimOptions.cpp"},
    {"IISX", "https://learn.microsoft.com/en-us/iis/extensions/introduction-to-iis-express/"
             "iis-80-express-readme"},
    {"MB-PROP AppPoolId",
     "https://learn.microsoft.com/en-us/previous-versions/iis/6.0-sdk/ms524723(v=vs.90)"},
    {"MB-PROP AppIsolated",
     "https://learn.microsoft.com/en-us/previous-versions/iis/6.0-sdk/ms525400(v=vs.90)"},
    {"MB-PROP IIs5IsolationModeEnabled",
     "https://learn.microsoft.com/en-us/previous-versions/iis/6.0-sdk/ms525697(v=vs.90)"},
    {"TN-ISOMODES", "https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/"
                    "windows-server-2003/cc787765(v=ws.10)"},
    {"MB-SAMPLE", "https://github.com/modulogrc/modSIC/blob/abd90f0/"
                  "Modulo.Collect.Probe.Common.Test/Resources/metabaseSample.xml"},
    {"MBS-SAMPLE", "https://github.com/modulogrc/modSIC/blob/abd90f0/"
                   "Modulo.Collect.Probe.Common.Test/Resources/mbSchemaSample.xml"},
    {"PHP-CGI-MAIN", "https://github.com/php/php-src/blob/master/sapi/cgi/cgi_main.c"},
    {"CIS", "https://tenable.com/audits/items/"
            "CIS_v1.1.1_MS_IIS_10_Level_1.audit:42d095aa7eeaf001e1837a7a0d396db7"},
    {"BPA-POOL", "https://technet.microsoft.com/en-us/library/dd378907.aspx"},
    {"BPA-HANDLER", "http://technet.microsoft.com/en-us/library/dd391910(v=ws.10).aspx"},
    {"BPA-ISAPI", "https://technet.microsoft.com/en-us/library/dd378846(v=ws.10).aspx"},
    {"BPA-CGI", "http://technet.microsoft.com/en-us/library/dd391919(v=ws.10).aspx"},
};

std::string_view addedSourceUrl(std::string_view key) {
    const auto it = std::find_if(std::begin(addedSources), std::end(addedSources),
                                 [key](const RuleSource &s) { return s.key == key; });
    return it == std::end(addedSources) ? std::string_view() : it->url;
}

std::vector<CatalogueEntry> build() {
    std::vector<CatalogueEntry> entries = detail::catalogueRows();
    for (CatalogueEntry &entry : entries) {
        for (RuleSource &source : entry.sources)
            source.url = sourceUrl(source.key);
        if (!entry.sources.empty())
            entry.helpUri = entry.sources.front().url;
    }
    return entries;
}

} // namespace

std::string CatalogueEntry::cisText() const {
    std::string out;
    for (std::string_view item : cis) {
        if (!out.empty())
            out += ", ";
        out += item;
    }
    return out;
}

std::string_view sourceUrl(std::string_view key) {
    if (const SourceRef *source = findSource(key))
        return source->url;
    return addedSourceUrl(key);
}

CheckFinding catalogueFinding(const CatalogueEntry &entry, std::string message,
                              SourceLocation location) {
    CheckFinding out;
    out.finding.rule = std::string(entry.id);
    out.finding.severity = entry.severity;
    out.finding.status = entry.status;
    out.finding.message = std::move(message);
    out.finding.location = std::move(location);
    out.finding.fix = std::string(entry.fix);
    for (std::string_view rule : entry.rules) {
        if (findFact(rule) != nullptr)
            out.finding.facts.push_back(rule);
    }
    out.cis = entry.cisText();
    out.source = std::string(entry.helpUri);
    return out;
}

const std::vector<CatalogueEntry> &catalogue() {
    static const std::vector<CatalogueEntry> entries = build();
    return entries;
}

const CatalogueEntry *findRule(std::string_view id) {
    const std::vector<CatalogueEntry> &entries = catalogue();
    const auto it = std::find_if(entries.begin(), entries.end(),
                                 [id](const CatalogueEntry &e) { return e.id == id; });
    return it == entries.end() ? nullptr : &*it;
}

} // namespace iisid::check
