// The findings catalogue of config-semantics.md §5 as data, one row per finding; catalogue.cpp
// resolves the source keys and serves it.

#include "catalogue.h"

namespace iisid::check::detail {

// §5 as written: one row per finding. `sources` holds keys only; catalogue() resolves them.
// Where §5 cites a config-semantics rule or a fact instead of a source (#9 C1.40, #12 F1.74,
// #22 F3.84, #39 C1.18, #40 C1.3/C1.9/C1.40/C4.2), the source that rule rests on stands in.
// Rows name only the fields they set; GCC 12 still warns about the designated initialisers left
// out (their defaults are the point), so the warning is off for this table alone.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
std::vector<CatalogueEntry> catalogueRows() {
    using enum Severity;
    using enum Confidence;
    auto keys = [](std::initializer_list<std::string_view> list) {
        std::vector<RuleSource> out;
        for (std::string_view key : list)
            out.push_back({key, {}});
        return out;
    };
    return {
        {.id = "IISID-POOL-LOCALSYSTEM",
         .number = 1,
         .severity = High,
         .name = "PoolLocalSystem",
         .shortDescription =
             "All code, filters and FastCGI/CGI children of that pool run as SYSTEM.",
         .fullDescription =
             "A pool that serves at least one application runs as LocalSystem (processModel "
             "identityType LocalSystem; on IIS 6 in worker process mode, AppPoolIdentityType 0). "
             "All code, filters and FastCGI/CGI children of that pool run as SYSTEM. Some products "
             "require it (the Exchange 2007 BPA says its pools should run as Local System); the "
             "finding then names the product.",
         .fix = "Set processModel identityType to ApplicationPoolIdentity (IIS 6: "
                "AppPoolIdentityType 3 with a dedicated low-privilege account) and grant that "
                "identity only what the application needs.",
         .status = Confirmed,
         .cis = {"1.4"},
         .benchmarks = {"BPA"},
         .sources = keys({"IIS-PM", "BPA-POOL", "SDK6-POOLTYPE"})},
        {.id = "IISID-POOL-BUILTIN-ACCOUNT",
         .number = 2,
         .severity = Low,
         .severityRule = "info on IIS 6, which has no better built-in account",
         .name = "PoolBuiltinAccount",
         .shortDescription = "The identity is shared with other pools and services; "
                             "NetworkService is DOMAIN\\MACHINE$ off the machine.",
         .fullDescription =
             "A pool's identityType is NetworkService or LocalService (IIS 6: AppPoolIdentityType "
             "1 or 2). The identity is shared with other pools and services; NetworkService is "
             "DOMAIN\\MACHINE$ off the machine. Code running under one can read what the others "
             "may read.",
         .fix = "Set processModel identityType to ApplicationPoolIdentity, so that the pool runs "
                "as its own account (IIS APPPOOL\\<pool>).",
         .status = Confirmed,
         .cis = {"1.4"},
         .rules = {"F2.41"},
         .sources = keys({"IIS-PM", "IIS-APID"})},
        {.id = "IISID-POOL-PRIVILEGED-ACCOUNT",
         .number = 3,
         .severity = High,
         .name = "PoolPrivilegedAccount",
         .shortDescription = "A pool running as an administrator owns the machine.",
         .fullDescription =
             "A pool runs as SpecificUser (IIS 6: AppPoolIdentityType 3 with WAMUserName) and the "
             "account part of its userName matches the privileged-name list (administrator, "
             "admin, names containing admin, sa, system), or equals the anonymous or Connect-as "
             "account of another site. A pool running as an administrator owns the machine. The "
             "check goes by name only: group membership cannot be seen offline.",
         .fix = "Run the pool as ApplicationPoolIdentity, or as a dedicated account that has no "
                "administrative rights and serves no other purpose, and grant it only what the "
                "application needs.",
         .status = Unconfirmed,
         .statusNote = "UNCONFIRMED (heuristic)",
         .cis = {"1.4"},
         .benchmarks = {"BPA"},
         .sources = keys({"BPA-POOL"})},
        {.id = "IISID-POOL-SPECIFICUSER-EMPTY",
         .number = 4,
         .severity = Error,
         .name = "PoolSpecificUserEmpty",
         .shortDescription = "The pool cannot log on its account, so its applications cannot be "
                             "served, or the file was redacted before it was shared.",
         .fullDescription =
             "A pool's identityType is SpecificUser but its userName is empty or absent (IIS 6: "
             "AppPoolIdentityType 3 with an empty WAMUserName). The pool cannot log on its "
             "account, so its applications cannot be served, or the file was redacted before it "
             "was shared.",
         .fix = "Set processModel userName and password to the account the pool should run as, "
                "or set identityType to ApplicationPoolIdentity.",
         .status = Unconfirmed,
         .statusNote = "UNCONFIRMED (failure mode)",
         .rules = {"corpus NCIOCPL_pubslocator"},
         .sources = keys({"IIS-PM"})},
        {.id = "IISID-POOL-IGNORED-CREDENTIALS",
         .number = 5,
         .severity = Low,
         .name = "PoolIgnoredCredentials",
         .shortDescription = "The pool stores an account secret that is not in use, usually left "
                             "over from an earlier identity.",
         .fullDescription =
             "processModel userName or a non-empty password is set on a pool (or on "
             "applicationPoolDefaults) whose identityType is not SpecificUser. IIS uses them only "
             "with SpecificUser. The pool stores an account secret that is not in use, usually "
             "left over from an earlier identity.",
         .fix = "Remove processModel userName and password from the pool (or from "
                "applicationPoolDefaults), and change that account's password if the file has "
                "been shared.",
         .status = Confirmed,
         .sources = keys({"IIS-PM"})},
        {.id = "IISID-POOL-UNDEFINED",
         .number = 6,
         .severity = Error,
         .name = "PoolUndefined",
         .shortDescription = "The application cannot be activated; its identity cannot be "
                             "determined.",
         .fullDescription =
             "An application's effective applicationPool is empty or names no pool defined under "
             "applicationPools (compared case-insensitively); on IIS 6, its effective AppPoolId "
             "names no IIsApplicationPool key in worker process mode. The application cannot be "
             "activated; its identity cannot be determined.",
         .fix = "Set the application's applicationPool to a defined pool, or add the missing pool "
                "under system.applicationHost/applicationPools.",
         .status = Partial,
         .rules = {"C1.48"},
         .sources = keys({"DOC-SITES", "MB-PROP AppPoolId"})},
        {.id = "IISID-POOL-SHARED-BY-SITES",
         .number = 7,
         .severity = Medium,
         .name = "PoolSharedBySites",
         .shortDescription = "Sites share a process identity: code in one site can read the "
                             "other's files and secrets.",
         .fullDescription =
             "One pool serves applications of two or more different sites (pools that serve no "
             "application are not reported, nor SharePoint and Exchange pools where they are "
             "recognised). Sites share a process identity: code in one site can read the other's "
             "files and secrets.",
         .fix = "Give each site its own application pool, and so its own IIS APPPOOL identity.",
         .status = Confirmed,
         .cis = {"1.5"},
         .benchmarks = {"STIG SV-218771"},
         .sources = keys({"CIS"})},
        {.id = "IISID-POOL-PROFILE-NOT-LOADED",
         .number = 8,
         .severity = Info,
         .name = "PoolProfileNotLoaded",
         .shortDescription = "No user profile is loaded: %TEMP% is \\Windows\\Temp, and the DPAPI "
                             "user store and some SQL Server Express features fail.",
         .fullDescription =
             "A pool's loadUserProfile is false and its identityType is ApplicationPoolIdentity "
             "or SpecificUser. No user profile is loaded: %TEMP% is \\Windows\\Temp, and the DPAPI "
             "user store and some SQL Server Express features fail.",
         .fix = "Set processModel loadUserProfile to true if the application needs a profile, a "
                "private temporary folder or the DPAPI user store.",
         .status = Confirmed,
         .rules = {"F2.26", "F2.27"},
         .sources = keys({"IIS-APID", "IIS-APID-SQLX"})},
        {.id = "IISID-CRED-CLEARTEXT",
         .number = 9,
         .severity = High,
         .name = "CredCleartext",
         .shortDescription = "A Windows account's password can be read by anyone who can read the "
                             "file, or a backup of it.",
         .fullDescription =
             "An attribute the schema encrypts (the password of processModel, virtualDirectory or "
             "virtualDirectoryDefaults, anonymousAuthentication, a certificate mapping or "
             "configurationRedirection) holds a non-empty value that no configuration provider "
             "encrypted; or system.web/identity holds a password that is not in the registry: "
             "form in a section that is not protected. A Windows account's password can be read "
             "by anyone who can read the file, or a backup of it. The value itself is never "
             "printed.",
         .fix = "Store the password encrypted (IIS Manager and appcmd encrypt it; for "
                "system.web/identity use aspnet_regiis -pe or the registry: form) and change it, "
                "since it has been readable.",
         .status = Partial,
         .cis = {"2.8"},
         .rules = {"C1.40", "C1.41"},
         .sources =
             keys({"DOC-ENC", "NET-IDENTITY", "WMI-IDENT", "IIS-PM", "IIS-ANON", "IIS-VDIR"})},
        {.id = "IISID-ANON-NOT-POOL-IDENTITY",
         .number = 10,
         .severity = Low,
         .name = "AnonNotPoolIdentity",
         .shortDescription = "All sites share IUSR, so ASP, static and impersonating PHP code of "
                             "one site can read another's content; CIS asks for the pool "
                             "identity.",
         .fullDescription =
             "At an application root anonymous authentication is enabled and its userName is not "
             "empty (this includes the default IUSR and an absent attribute). All sites share "
             "IUSR, so ASP, static and impersonating PHP code of one site can read another's "
             "content; CIS asks for the pool identity.",
         .fix = "Set anonymousAuthentication userName to an empty string (and no password), so "
                "that anonymous requests use the application pool identity.",
         .status = Confirmed,
         .cis = {"1.6"},
         .rules = {"C2.2"},
         .sources = keys({"CIS", "IIS-APIDANON"})},
        {.id = "IISID-ANON-NAMED-ACCOUNT",
         .number = 11,
         .severity = Medium,
         .severityRule = "high if the account has a domain part other than the machine",
         .name = "AnonNamedAccount",
         .shortDescription = "A real account with a stored password becomes every visitor's "
                             "identity; with logonMethod ClearText (the default) its token can "
                             "reach other servers.",
         .fullDescription =
             "Anonymous authentication is enabled with a userName that is neither empty nor IUSR "
             "(IIS 6: an AnonymousUserName that is not IUSR_* or <machine>\\IUSR_*). A real "
             "account with a stored password becomes every visitor's identity; with logonMethod "
             "ClearText (the default) its token can reach other servers.",
         .fix = "Set anonymousAuthentication userName to an empty string (the pool identity) or to "
                "IUSR and remove the stored password; if a named account is unavoidable, use a "
                "dedicated local one.",
         .status = Confirmed,
         .benchmarks = {"STIG SV-218750"},
         .rules = {"F1.10"},
         .sources = keys({"IIS-ANON"})},
        {.id = "IISID-AUTH-NONE-ENABLED",
         .number = 12,
         .severity = Medium,
         .name = "AuthNoneEnabled",
         .shortDescription = "Every request is rejected with 401.2.",
         .fullDescription =
             "At a path that serves content, anonymous, Basic, Digest and Windows authentication "
             "and both client-certificate mappings are all disabled. Every request is rejected "
             "with 401.2. That is by design only when a web.config turns a scheme on, which is "
             "looked for before this is reported.",
         .fix = "Enable the authentication method the application expects (anonymous or Windows "
                "authentication) at this path, in applicationHost.config or in an unlocked "
                "web.config.",
         .status = Partial,
         .rules = {"F1.74", "corpus microsoft_IIS.Administration"},
         .sources = keys({"KB-STATUS"})},
        {.id = "IISID-BASIC-WITHOUT-SSL",
         .number = 13,
         .severity = High,
         .name = "BasicWithoutSsl",
         .shortDescription = "Basic authentication sends the Windows password, base64-encoded, on "
                             "every request.",
         .fullDescription =
             "Basic authentication is enabled at a path whose access sslFlags do not require Ssl, "
             "or whose site has no https binding (IIS 6: AuthBasic in AuthFlags without AccessSSL "
             "in AccessSSLFlags). Basic authentication sends the Windows password, base64-encoded, "
             "on every request.",
         .fix = "Require SSL at that path (system.webServer/security/access sslFlags=\"Ssl\") on a "
                "site with an https binding, or use Windows authentication instead of Basic.",
         .status = Confirmed,
         .cis = {"2.6"},
         .sources = keys({"CIS", "IIS-BASIC"})},
        {.id = "IISID-KERBEROS-CUSTOM-IDENTITY",
         .number = 14,
         .severity = Medium,
         .name = "KerberosCustomIdentity",
         .shortDescription = "If the site's SPN is registered on the pool account, HTTP.sys cannot "
                             "decrypt the Kerberos ticket with the machine key: Kerberos fails "
                             "(401 or an NTLM fallback, no delegation).",
         .fullDescription =
             "Windows authentication is enabled with Negotiate among its providers (or the list "
             "left unchanged), the pool runs as a domain account (SpecificUser), useKernelMode is "
             "true and useAppPoolCredentials is false. If the site's SPN is registered on the pool "
             "account, HTTP.sys cannot decrypt the Kerberos ticket with the machine key: Kerberos "
             "fails (401 or an NTLM fallback, no delegation). SPNs cannot be seen offline, so this "
             "asks to verify where the SPN is registered.",
         .fix =
             "Set windowsAuthentication useAppPoolCredentials to true when the SPN is registered "
             "on the pool account, or register the SPN on the machine account instead.",
         .status = Confirmed,
         .rules = {"C2.3", "F1.41"},
         .sources = keys({"KM-AMOL", "KM-AUTZ", "IIS-WINAUTH"})},
        {.id = "IISID-FORMS-WITH-WINDOWS-AUTH",
         .number = 15,
         .severity = Medium,
         .name = "FormsWithWindowsAuth",
         .shortDescription = "Forms authentication cannot be combined with an IIS "
                             "Windows-credential scheme in Integrated mode.",
         .fullDescription =
             "The pool runs in Integrated mode, the application's system.web/authentication mode "
             "is Forms, and Windows, Basic or Digest authentication is enabled at the same path. "
             "Forms authentication cannot be combined with an IIS Windows-credential scheme in "
             "Integrated mode.",
         .fix = "Disable Windows, Basic and Digest authentication where Forms is used (keep "
                "anonymous on), or move the Windows-authenticated part to its own application.",
         .status = Confirmed,
         .sources = keys({"IIS-BRK"})},
        {.id = "IISID-CONFIG-SECTION-LOCKED",
         .number = 16,
         .severity = Error,
         .name = "ConfigSectionLocked",
         .shortDescription = "Requests under that path fail with 500.19 (0x80070021); the identity "
                             "the author intended never applies.",
         .fullDescription =
             "A web.config (or a location tag in a lower file) sets a section whose effective "
             "override mode at that path is Deny, or an attribute, element or collection item "
             "locked above it; typically windowsAuthentication enabled in an application's "
             "web.config on a stock server. Requests under that path fail with 500.19 "
             "(0x80070021); the identity the author intended never applies.",
         .fix = "Move the setting into applicationHost.config, in a location tag for that path, or "
                "unlock the section for that path there (overrideMode=\"Allow\").",
         .status = Confirmed,
         .rules = {"C1.24"},
         .sources = keys({"KB-50019", "DOC-LOCK"})},
        {.id = "IISID-ASPNET-500-24",
         .number = 17,
         .severity = Error,
         .name = "AspNet50024",
         .shortDescription = "Every ASP.NET request fails with 500.24.",
         .fullDescription =
             "The pool runs in Integrated mode with a managed runtime, system.web/identity "
             "impersonate is true, validation validateIntegratedModeConfiguration is true, and "
             "the application has managed handlers. Every ASP.NET request fails with 500.24.",
         .fix = "Remove impersonate=\"true\" or run the application in a Classic pool; if "
                "impersonation is required, set system.webServer/validation "
                "validateIntegratedModeConfiguration to false and accept that the early pipeline "
                "stages run as the pool.",
         .status = Unconfirmed,
         .statusNote = "CONFIRMED without userName; UNCONFIRMED with userName (F3.70)",
         .rules = {"C2.13", "F3.70"},
         .sources = keys({"IIS-BRK", "IIS-VALID", "KB-STATUS"})},
        {.id = "IISID-ASPNET-IMPERSONATION-EARLY-STAGES",
         .number = 18,
         .severity = Low,
         .name = "AspNetImpersonationEarlyStages",
         .shortDescription = "The 500.24 is suppressed, but BeginRequest and AuthenticateRequest "
                             "modules and Application_Start still run as the pool identity.",
         .fullDescription =
             "The pool runs in Integrated mode, impersonate is true and "
             "validateIntegratedModeConfiguration is false. The 500.24 is suppressed, but "
             "BeginRequest and AuthenticateRequest modules and Application_Start still run as the "
             "pool identity.",
         .fix = "Grant the pool identity what the early stages touch (or move that work after "
                "authentication), or remove impersonation if the application does not need it.",
         .status = Confirmed,
         .rules = {"F3.64", "F3.71"},
         .sources = keys({"IIS-BRK", "IIS-UPG11"})},
        {.id = "IISID-ASPNET-APP-IMPERSONATION",
         .number = 19,
         .severity = Medium,
         .severityRule = "error if the password is missing or empty (and not registry:) or the "
                         "userName is a virtual account (IIS APPPOOL\\..., NT SERVICE\\...)",
         .name = "AspNetAppImpersonation",
         .shortDescription = "Every request runs as one fixed account regardless of the user.",
         .fullDescription =
             "system.web/identity impersonate is true with a non-empty userName. Every request "
             "runs as one fixed account regardless of the user. That account's password is "
             "stored in configuration, and a virtual account has no password to log on with.",
         .fix = "Run the pool as that account instead (processModel SpecificUser) and remove "
                "userName and password from system.web/identity; if they must stay, store the "
                "password encrypted.",
         .status = Unconfirmed,
         .statusNote = "PARTIAL (logon failure UNCONFIRMED)",
         .rules = {"F3.62", "corpus aws_cta"},
         .sources = keys({"NET-IDENTITY", "TN-NETIMP", "IIS-APID"})},
        {.id = "IISID-ASPNET-ENCRYPTED-IDENTITY",
         .number = 20,
         .severity = Error,
         .severityRule = "error in Integrated mode with validation on, else info",
         .name = "AspNetEncryptedIdentity",
         .shortDescription = "In Integrated mode IIS answers 500.19 \"Configuration section "
                             "encryption is not supported\"; offline the impersonation setting "
                             "is unknown.",
         .fullDescription =
             "The system.web/identity section is protected (configProtectionProvider or "
             "EncryptedData). In Integrated mode IIS answers 500.19 \"Configuration section "
             "encryption is not supported\"; offline the impersonation setting is unknown.",
         .fix = "Decrypt system.web/identity and keep its password in the registry: form "
                "instead, or run the application in a Classic pool; better still, make that "
                "account the pool identity.",
         .status = Confirmed,
         .rules = {"C2.10"},
         .sources = keys({"IIS-BRK"})},
        {.id = "IISID-ASPNET-FORMS-IMPERSONATE",
         .number = 21,
         .severity = Medium,
         .name = "AspNetFormsImpersonate",
         .shortDescription = "The thread runs as the anonymous account (IUSR or the pool), never "
                             "as the signed-in forms user.",
         .fullDescription =
             "system.web/identity impersonate is true without a userName and authentication "
             "mode is Forms. The thread runs as the anonymous account (IUSR or the pool), never "
             "as the signed-in forms user. In Integrated mode this combination is unsupported.",
         .fix = "Remove impersonate=\"true\" and grant the resources to the pool identity (or to "
                "the anonymous account) instead.",
         .status = Confirmed,
         .rules = {"F1.60", "F1.62"},
         .sources = keys({"IIS-BRK", "KB-815171"})},
        {.id = "IISID-SETTINGS-WITHOUT-EFFECT",
         .number = 22,
         .severity = Info,
         .name = "SettingsWithoutEffect",
         .shortDescription = "The setting the author relies on does not change the identity.",
         .fullDescription =
             "A setting that looks identity-relevant has no effect: the pool has "
             "enableConfigurationOverride false while web.config files set identity sections; "
             "system.web/identity or authentication is set in an application served by the "
             "ASP.NET Core Module or in a pool without a managed runtime; or an authentication "
             "section is enabled but its module is not loaded. The setting the author relies on "
             "does not change the identity.",
         .fix = "Remove the setting, or make it take effect: allow configuration override on the "
                "pool, use a managed runtime, or load the authentication module.",
         .status = Partial,
         .rules = {"C1.30", "C2.11", "F3.84", "C2.4"},
         .sources = keys({"IIS-POOLADD", "CORE-INPROC", "CORE-IIS"})},
        {.id = "IISID-CGI-RUNS-AS-PROCESS",
         .number = 23,
         .severity = Medium,
         .severityRule = "high if the pool is LocalSystem or IIS runs in IIS 5 isolation mode",
         .name = "CgiRunsAsProcess",
         .shortDescription = "CGI programs run with the worker's identity instead of the "
                             "requesting user.",
         .fullDescription =
             "A CgiModule handler is reachable and cgi createProcessAsUser is false (IIS 6: "
             "CreateProcessAsUser FALSE with an .exe script map or executable content under "
             "AccessExecute). CGI programs run with the worker's identity instead of the "
             "requesting user. Sources disagree on what createProcessAsUser true does (F3.22).",
         .fix = "Set system.webServer/cgi createProcessAsUser to true, or run the pool as a "
                "low-privilege identity that the CGI programs may run as.",
         .status = Conflict,
         .statusNote = "PARTIAL (CONFLICT F3.22)",
         .rules = {"F3.20", "F3.21", "F3.22"},
         .sources = keys({"TN-CPAU6", "IIS-CGI"})},
        {.id = "IISID-CGI-PRIVILEGE-REQUIRED",
         .number = 24,
         .severity = Info,
         .name = "CgiPrivilegeRequired",
         .shortDescription = "The pool account needs \"Replace a process level token\" and "
                             "\"Adjust memory quotas for a process\", else CGI requests fail with "
                             "403.19.",
         .fullDescription =
             "A CgiModule handler is reachable, createProcessAsUser is true and the pool runs as "
             "SpecificUser or ApplicationPoolIdentity. The pool account needs \"Replace a process "
             "level token\" and \"Adjust memory quotas for a process\", else CGI requests fail "
             "with 403.19.",
         .fix = "Grant the pool account the user rights \"Replace a process level token\" and "
                "\"Adjust memory quotas for a process\", or set createProcessAsUser to false.",
         .status = Partial,
         .rules = {"F3.23"},
         .sources = keys({"TN-ACC6", "KB-STATUS"})},
        {.id = "IISID-PHP-NOT-IMPERSONATING",
         .number = 25,
         .severity = Low,
         .severityRule = "medium if the pool serves two or more sites",
         .name = "PhpNotImpersonating",
         .shortDescription = "PHP file, SQL (integrated) and process access all use the pool "
                             "identity; sites sharing the pool are not isolated.",
         .fullDescription =
             "A reachable FastCgiModule handler runs php-cgi.exe and the effective "
             "fastcgi.impersonate is 0 or unset. PHP file, SQL (integrated) and process access all "
             "use the pool identity; sites sharing the pool are not isolated. Microsoft "
             "recommends fastcgi.impersonate = 1.",
         .fix = "Set fastcgi.impersonate = 1 in the php.ini that php-cgi.exe reads, or give each "
                "site its own pool.",
         .status = Confirmed,
         .rules = {"F3.31", "F3.32", "F3.33", "F3.34"},
         .sources = keys({"DOC-FCGIPHP", "IIS-PHPIMP", "PHP-CGI-MAIN"})},
        {.id = "IISID-PHP-IMPERSONATE-OVER-TCP",
         .number = 26,
         .severity = Medium,
         .name = "PhpImpersonateOverTcp",
         .shortDescription = "php-cgi only impersonates named-pipe clients: impersonation silently "
                             "does not happen.",
         .fullDescription =
             "The effective fastcgi.impersonate is 1 and the matching fastCgi application has "
             "protocol Tcp. php-cgi only impersonates named-pipe clients: impersonation silently "
             "does not happen.",
         .fix = "Set the fastCgi application's protocol to NamedPipe, or stop relying on "
                "impersonation and grant the pool identity what PHP needs.",
         .status = Confirmed,
         .rules = {"F3.32"},
         .sources = keys({"PHP-FCGI", "IIS-FCGI"})},
        {.id = "IISID-PHP-IMPERSONATES-ANONYMOUS",
         .number = 27,
         .severity = Info,
         .name = "PhpImpersonatesAnonymous",
         .shortDescription = "PHP reads and writes as IUSR: folders ACLed only to the pool "
                             "identity fail, and every site using IUSR can read the others' "
                             "files.",
         .fullDescription =
             "The effective fastcgi.impersonate is 1 and the anonymous userName is IUSR (or a "
             "named account shared by several sites). PHP reads and writes as IUSR: folders "
             "ACLed only to the pool identity fail, and every site using IUSR can read the "
             "others' files.",
         .fix = "Set anonymousAuthentication userName to an empty string, so that anonymous "
                "requests (and PHP) use the pool identity, and grant the site's folders to that "
                "identity.",
         .status = Confirmed,
         .rules = {"C4.9"},
         .sources = keys({"IIS-PHPIMP", "DOC-PHPIMP-SRC", "IIS-ACL"})},
        {.id = "IISID-HANDLER-WRITE-AND-EXECUTE",
         .number = 28,
         .severity = High,
         .name = "HandlerWriteAndExecute",
         .shortDescription = "Files uploaded to the location can be executed.",
         .fullDescription =
             "handlers accessPolicy contains Write together with Script or Execute at some path "
             "(IIS 6: AccessFlags with AccessWrite and AccessExecute or AccessScript). Files "
             "uploaded to the location can be executed.",
         .fix = "Remove Write from handlers accessPolicy (IIS 6: AccessWrite from AccessFlags), "
                "or remove Script and Execute where uploads are stored.",
         .status = Confirmed,
         .cis = {"4.8"},
         .benchmarks = {"BPA"},
         .rules = {"IIS 5 AccessFlags caution"},
         .sources = keys({"CIS", "BPA-HANDLER"})},
        {.id = "IISID-HANDLER-EXEC-REQUIREACCESS-LOWERED",
         .number = 29,
         .severity = Medium,
         .name = "HandlerExecRequireAccessLowered",
         .shortDescription = "ISAPI and CGI binaries then run wherever Read or Script is "
                             "allowed.",
         .fullDescription =
             "A handler with modules IsapiModule or CgiModule for *.dll, *.exe or * has a "
             "requireAccess other than Execute. ISAPI and CGI binaries then run wherever Read or "
             "Script is allowed.",
         .fix = "Set requireAccess=\"Execute\" on that handler mapping.",
         .status = Confirmed,
         .rules = {"STOCK10 L822"},
         .sources = keys({"TN-FEATPERM"})},
        {.id = "IISID-RESTRICTION-UNLISTED-ALLOWED",
         .number = 30,
         .severity = Medium,
         .severityRule = "info on IIS Express files, which allow both by default",
         .name = "RestrictionUnlistedAllowed",
         .shortDescription = "Any ISAPI DLL or CGI executable reachable by a handler may run.",
         .fullDescription =
             "isapiCgiRestriction notListedIsapisAllowed or notListedCgisAllowed is true (IIS 6: "
             "WebSvcExtRestrictionList contains 1,*.dll or 1,*.exe). Any ISAPI DLL or CGI "
             "executable reachable by a handler may run.",
         .fix = "Set notListedIsapisAllowed and notListedCgisAllowed to false and list the allowed "
                "DLLs and executables in isapiCgiRestriction (IIS 6: set the *.dll and *.exe "
                "entries to 0).",
         .status = Partial,
         .statusNote = "CONFIRMED (IIS 6 format PARTIAL)",
         .cis = {"4.9", "4.10"},
         .benchmarks = {"BPA"},
         .sources = keys({"CIS", "BPA-ISAPI", "BPA-CGI", "MB-SAMPLE"})},
        {.id = "IISID-VDIR-CONNECT-AS",
         .number = 31,
         .severity = Info,
         .severityRule = "medium if the account matches the privileged-name list",
         .name = "VdirConnectAs",
         .shortDescription = "That account reads content and web.config for every user of the "
                             "virtual directory; its password is stored.",
         .fullDescription =
             "A virtual directory has a non-empty userName (also through "
             "virtualDirectoryDefaults; IIS 6: UNCUserName). That account reads content and "
             "web.config for every user of the virtual directory; its password is stored.",
         .fix = "Prefer pass-through authentication with the share granted to the pool identity "
                "and the users; if Connect as stays, use a dedicated low-privilege account.",
         .status = Confirmed,
         .rules = {"C2.5"},
         .sources = keys({"IIS-VDIR", "TN-UNC6"})},
        {.id = "IISID-VDIR-UNC-PASSTHROUGH",
         .number = 32,
         .severity = Medium,
         .name = "VdirUncPassthrough",
         .shortDescription = "Every user's token must reach the share (IUSR is anonymous on the "
                             "network), and with a built-in identity the pool reads web.config as "
                             "DOMAIN\\MACHINE$: a frequent 500.19 (0x80070005).",
         .fullDescription =
             "A physicalPath is a UNC path and the virtual directory's userName is empty (IIS 6: "
             "a UNC Path with an empty UNCUserName). Every user's token must reach the share (IUSR "
             "is anonymous on the network), and with a built-in identity the pool reads "
             "web.config as DOMAIN\\MACHINE$: a frequent 500.19 (0x80070005).",
         .fix = "Grant the share and folder to the pool identity (its machine account off the "
                "box) and to the users, or set Connect as to a dedicated account.",
         .status = Confirmed,
         .rules = {"F2.51", "F2.55", "F1.10"},
         .sources = keys({"KB-50019", "SF-PASSTHRU"})},
        {.id = "IISID-ANCM-INPROCESS-SHARED-POOL",
         .number = 33,
         .severity = Medium,
         .name = "AncmInProcessSharedPool",
         .shortDescription = "In-process hosting supports one application per pool; the second "
                             "application fails to start.",
         .fullDescription =
             "Two or more applications in one pool resolve to an aspNetCore handler with "
             "hostingModel inprocess. In-process hosting supports one application per pool; the "
             "second application fails to start.",
         .fix = "Give each in-process ASP.NET Core application its own application pool, or set "
                "hostingModel=\"outofprocess\".",
         .status = Confirmed,
         .sources = keys({"CORE-INPROC"})},
        {.id = "IISID-ANCM-HOSTINGMODEL-IMPLICIT",
         .number = 34,
         .severity = Info,
         .name = "AncmHostingModelImplicit",
         .shortDescription = "ANCM V2 then runs the application out of process (a child dotnet "
                             "process, still the pool identity), the opposite of what the "
                             "documentation calls the default.",
         .fullDescription =
             "An aspNetCore element has no hostingModel, or an empty one. ANCM V2 then runs the "
             "application out of process (a child dotnet process, still the pool identity), the "
             "opposite of what the documentation calls the default. With forwardWindowsAuthToken "
             "true the Windows token is forwarded.",
         .fix = "Set hostingModel explicitly to \"inprocess\" or \"outofprocess\" on the "
                "aspNetCore element.",
         .status = Confirmed,
         .sources = keys({"ANCM-SHIM", "SANCM", "CORE-ANCM"})},
        {.id = "IISID-RUNTIME-WORKER-USER",
         .number = 35,
         .severity = Info,
         .name = "RuntimeWorkerUser",
         .shortDescription = "Static files, ASP and other impersonating modules use the pool "
                             "identity instead of the authenticated user.",
         .fullDescription =
             "serverRuntime authenticatedUserOverride is UseWorkerProcessUser. Static files, ASP "
             "and other impersonating modules use the pool identity instead of the authenticated "
             "user.",
         .fix = "Set serverRuntime authenticatedUserOverride to UseAuthenticatedUser unless the "
                "pool identity is meant to read the content.",
         .status = Confirmed,
         .rules = {"F3.42"},
         .sources = keys({"IIS-RUNTIME"})},
        {.id = "IISID-IIS6-IIS5-ISOLATION",
         .number = 36,
         .severity = High,
         .name = "Iis6Iis5Isolation",
         .shortDescription = "Filters and in-process applications run in inetinfo.exe as "
                             "LocalSystem; pools and their identities are ignored.",
         .fullDescription =
             "/LM/W3SVC has IIs5IsolationModeEnabled TRUE, or the property is absent (the schema "
             "default is TRUE). Filters and in-process applications run in inetinfo.exe as "
             "LocalSystem; pools and their identities are ignored.",
         .fix = "Set IIs5IsolationModeEnabled to FALSE at /LM/W3SVC (worker process isolation "
                "mode) and assign each application a pool.",
         .status = Partial,
         .statusNote = "CONFIRMED (absent case PARTIAL, Q17)",
         .rules = {"F2.12"},
         .sources =
             keys({"MB-PROP IIs5IsolationModeEnabled", "TN-ISO", "TN-ISOMODES", "MBS-SAMPLE"})},
        {.id = "IISID-IIS6-INPROCESS-APP",
         .number = 37,
         .severity = High,
         .name = "Iis6InProcessApp",
         .shortDescription = "The application's code runs inside inetinfo.exe as LocalSystem "
                             "(WScript.Shell.Run, for example, runs as SYSTEM).",
         .fullDescription =
             "On IIS 5, or on IIS 6 in IIS 5 isolation mode, an application root has AppIsolated "
             "0. The application's code runs inside inetinfo.exe as LocalSystem "
             "(WScript.Shell.Run, for example, runs as SYSTEM).",
         .fix = "Set AppIsolated to 2 (pooled) or 1 (isolated), or move IIS 6 to worker process "
                "isolation mode.",
         .status = Confirmed,
         .rules = {"F2.01", "F3.58"},
         .sources = keys({"MB-PROP AppIsolated", "KB-278319"})},
        {.id = "IISID-ASPNET-PROCESSMODEL-SYSTEM",
         .number = 38,
         .severity = High,
         .name = "AspNetProcessModelSystem",
         .shortDescription = "aspnet_wp.exe, and so all ASP.NET code, runs as SYSTEM.",
         .fullDescription =
             "On IIS 5, or on IIS 6 in IIS 5 isolation mode, machine.config has processModel "
             "userName=\"System\". aspnet_wp.exe, and so all ASP.NET code, runs as SYSTEM.",
         .fix = "Set machine.config processModel userName to \"Machine\" (the ASPNET account) or "
                "to a dedicated low-privilege account.",
         .status = Confirmed,
         .rules = {"ProcessModelSection.UserName"},
         .sources = keys({"NET-PROCID"})},
        {.id = "IISID-LOCATION-ORPHAN",
         .number = 39,
         .severity = Low,
         .name = "LocationOrphan",
         .shortDescription = "Settings (often authentication or credentials) that the author "
                             "believes are active have no effect.",
         .fullDescription =
             "A location path in applicationHost.config names no defined site, or a path with no "
             "existing application or virtual directory prefix. Settings (often authentication "
             "or credentials) that the author believes are active have no effect.",
         .fix = "Correct the location path to the site and application it is meant for, or "
                "remove the location tag.",
         .status = Unconfirmed,
         .rules = {"C1.18", "corpus jexuswebserver_JexusManager"},
         .sources = keys({"DOC-DEEP"})},
        {.id = "IISID-INPUT-SCOPE",
         .number = 40,
         .severity = Info,
         .name = "InputScope",
         .shortDescription = "The result may not reflect the live server; the message says which "
                             "assumption was made.",
         .fullDescription =
             "The files cannot tell everything: redirection.config is enabled; the file is IIS "
             "Express's; a configSource file was not supplied; values are encrypted, so passwords "
             "and accounts cannot be verified; the IIS version, and so the schema defaults, was "
             "assumed; a php.ini is not tied to a FastCGI application; or resourceType File was "
             "assumed. The result may not reflect the live server; the message says which "
             "assumption was made.",
         .fix = "Supply the missing files (the redirected configuration, configSource files, the "
                "php.ini of each FastCGI application) or give --iis-version, then check again.",
         .status = Confirmed,
         .statusNote = "CONFIRMED (as a limitation)",
         .rules = {"C1.3", "C1.9", "C1.31", "C1.40", "C1.51", "C4.2", "C2.18"},
         .sources = keys({"DOC-REDIR", "IISX", "DOC-ENC", "DOC-FCGIPHP"})},
    };
}

#pragma GCC diagnostic pop

} // namespace iisid::check::detail
