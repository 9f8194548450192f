// The resolver's domain rules, one by one. Every row is a small scenario written as --set
// assignments and the result the reference (iis-identity-reference.md, cited by fact id) and
// scenario-format.md say it must give. The expectations were derived from those documents, not
// from the program's output: a failing row is a disagreement to be settled against the reference.

#include "model/resolution.h"
#include "model/resolver.h"
#include "model/scenario_io.h"

#include "accounts.h"
#include "rule_case.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace {

using iisid::Confidence;
using iisid::HttpStatus;
using iisid::Identities;

using namespace iisid::test;

const std::vector<RuleCase> &rules() {
    static const std::vector<RuleCase> rows = {
        // --- 1.1 Anonymous -----------------------------------------------------------------
        {"AnonymousIis10DefaultIsBuiltinIusr",
         {"F1.06", "F1.07"},
         {},
         http(200),
         {kPool, kPool, kIusr, kIusr, kIusr, kPool, kAnonymousLogon},
         Confidence::Confirmed},
        {"AnonymousExplicitIusrIsBuiltinIusr",
         {"F1.06", "F1.07"},
         {"authentication.anonymous.userName=IUSR"},
         http(200),
         {kPool, kPool, kIusr, kIusr, kIusr, kPool, kAnonymousLogon},
         Confidence::Confirmed},
        {"AnonymousIis6DefaultIsIusrMachine",
         {"F1.01"},
         {kIis6},
         http(200),
         {kNetworkService, kNetworkService, kIusr6, kIusr6, kIusr6, kNetworkService,
          kAnonymousLogon},
         Confidence::Partial},
        {"AnonymousIis6UsesScenarioMachineName",
         {"F1.01"},
         {kIis6, "server.machine=SRV7"},
         http(200),
         {kNetworkService, kNetworkService, "SRV7\\IUSR_SRV7", "SRV7\\IUSR_SRV7", "SRV7\\IUSR_SRV7",
          kNetworkService, kAnonymousLogon},
         Confidence::Partial},
        {"AnonymousIis5StaticServedByInetinfo",
         {"F1.01", "F2.01"},
         {kIis5},
         http(200),
         {kSystem, kSystem, kIusr6, kIusr6, kIusr6, kSystem, kAnonymousLogon},
         Confidence::Partial},
        {"AnonymousBlankUserNameIsPoolIdentity",
         {"F1.08", "F3.41"},
         {"authentication.anonymous.userName="},
         http(200),
         {kPool, kPool, kPool, kPool, kPool, kPool, kMachine},
         Confidence::Confirmed},
        {"AnonymousDomainAccountCanHop",
         {"F2.46"},
         {"authentication.anonymous.userName=CONTOSO\\webanon"},
         http(200),
         {kPool, kPool, "CONTOSO\\webanon", "CONTOSO\\webanon", "CONTOSO\\webanon", kPool,
          "CONTOSO\\webanon"},
         Confidence::Confirmed},
        {"AnonymousWrongPasswordIis6",
         {"F1.02"},
         {kIis6, "authentication.anonymous.passwordValid=false"},
         http(401, 1),
         {kNetworkService, kNetworkService, kNull, kNull, kNull, kNull, kNull},
         Confidence::Confirmed},
        {"AnonymousWrongPasswordIis10IsUnconfirmed",
         {"F1.11"},
         {"authentication.anonymous.userName=CONTOSO\\webanon",
          "authentication.anonymous.passwordValid=false"},
         http(401, 1),
         {kPool, kPool, kNull, kNull, kNull, kNull, kNull},
         Confidence::Unconfirmed},
        {"AnonymousWrongPasswordThenWindowsChallenge",
         {"F1.02", "F1.70"},
         {kIis6, "authentication.anonymous.passwordValid=false", kAlicen},
         http(200),
         {kNetworkService, kNetworkService, kAlice, kAlice, kAlice, kNetworkService,
          kAnonymousLogon},
         Confidence::Unconfirmed},

        // --- 1.7 Several methods, or none ----------------------------------------------------
        {"NoMethodEnabled401_2",
         {"F1.74"},
         {kNoAnonymous},
         http(401, 2),
         {kPool, kPool, kNull, kNull, kNull, kNull, kNull},
         Confidence::Partial},
        {"SeveralEnabledAnonymousWins",
         {"F1.70"},
         {kWindows, kAlicen},
         http(200),
         {kPool, kPool, kIusr, kIusr, kIusr, kPool, kAnonymousLogon},
         Confidence::Confirmed},
        {"SeveralEnabledAclDenialThenChallenge",
         {"F1.70", "F3.40"},
         {kWindows, kAlicen, "content.readableBy=CONTOSO\\alice,IIS_IUSRS"},
         http(200),
         {kPool, kPool, kAlice, kAlice, kAlice, kPool, kAnonymousLogon},
         Confidence::Unconfirmed},
        {"SeveralEnabledAclDenialWithoutCredentials401_3",
         {"F3.40"},
         {kWindows, "content.readableBy=IIS_IUSRS"},
         http(401, 3),
         {kPool, kPool, kIusr, kIusr, kIusr, kNull, kNull},
         Confidence::Confirmed},

        // --- 1.2-1.5 Basic, Digest, Windows, client certificates ------------------------------
        {"BasicUserIsImpersonatedAndCanHop",
         {"F1.20", "F1.21"},
         {kNoAnonymous, "authentication.basic.enabled=true", kAlicen, "request.scheme=basic"},
         http(200),
         {kPool, kPool, kAlice, kAlice, kAlice, kPool, kAlice},
         Confidence::Confirmed},
        {"BasicWrongPassword401_1",
         {"F1.80"},
         {kNoAnonymous, "authentication.basic.enabled=true", kAlicen, "request.scheme=basic",
          "request.credentialsValid=false"},
         http(401, 1),
         {kPool, kPool, kNull, kNull, kNull, kNull, kNull},
         Confidence::Confirmed},
        {"BasicNetworkLogonCannotHop",
         {"F2.46"},
         {kNoAnonymous, "authentication.basic.enabled=true",
          "authentication.basic.logonMethod=network", kAlicen, "request.scheme=basic"},
         http(200),
         {kPool, kPool, kAlice, kAlice, kAlice, kPool, kAnonymousLogon},
         Confidence::Unconfirmed},
        {"DigestUserIsImpersonated",
         {"F1.30", "F1.33"},
         {kNoAnonymous, "authentication.digest.enabled=true", kAlicen, "request.scheme=digest"},
         http(200),
         {kPool, kPool, kAlice, kAlice, kAlice, kPool, kAnonymousLogon},
         Confidence::Unconfirmed},
        {"WindowsNtlmCannotHop",
         {"F1.43"},
         {kNoAnonymous, kWindows, kAlicen, "request.scheme=ntlm"},
         http(200),
         {kPool, kPool, kAlice, kAlice, kAlice, kPool, kAnonymousLogon},
         Confidence::Unconfirmed},
        {"WindowsKerberosWithoutDelegationCannotHop",
         {"F1.43"},
         {kNoAnonymous, kWindows, kAlicen, "request.scheme=kerberos"},
         http(200),
         {kPool, kPool, kAlice, kAlice, kAlice, kPool, kAnonymousLogon},
         Confidence::Unconfirmed},
        {"WindowsKerberosWithDelegationHops",
         {"F1.43", "F2.46"},
         {"server.kerberosDelegation=true", kNoAnonymous, kWindows, kAlicen,
          "request.scheme=kerberos"},
         http(200),
         {kPool, kPool, kAlice, kAlice, kAlice, kPool, kAlice},
         Confidence::Confirmed},
        {"KerberosCustomPoolKernelMode401_2",
         {"F1.41"},
         {"appPool.identity=SpecificUser", "appPool.userName=CONTOSO\\svcweb", kNoAnonymous,
          kWindows, kAlicen, "request.scheme=kerberos"},
         http(401, 2),
         {kSvcWeb, kSvcWeb, kNull, kNull, kNull, kNull, kNull},
         Confidence::Confirmed},
        {"KerberosCustomPoolUseAppPoolCredentials",
         {"F1.41"},
         {"appPool.identity=SpecificUser", "appPool.userName=CONTOSO\\svcweb", kNoAnonymous,
          kWindows, "authentication.windows.useAppPoolCredentials=true", kAlicen,
          "request.scheme=kerberos", "server.kerberosDelegation=true"},
         http(200),
         {kSvcWeb, kSvcWeb, kAlice, kAlice, kAlice, kSvcWeb, kAlice},
         Confidence::Confirmed},
        {"ClientCertificateRequiredAndAbsent403_7",
         {"F1.54"},
         {"authentication.clientCertificate.required=true"},
         http(403, 7),
         {kPool, kPool, kNull, kNull, kNull, kNull, kNull},
         Confidence::Confirmed},
        {"ClientCertificateInvalid403_16",
         {"F1.54"},
         {kNoAnonymous, "authentication.clientCertificate.enabled=true",
          "request.user=CONTOSO\\bob", "request.scheme=clientCertificate",
          "request.credentialsValid=false"},
         http(403, 16),
         {kPool, kPool, kNull, kNull, kNull, kNull, kNull},
         Confidence::Confirmed},
        {"KerberosCustomPoolKernelModeOff",
         {"F1.41"},
         {"appPool.identity=SpecificUser", "appPool.userName=CONTOSO\\svcweb", kNoAnonymous,
          kWindows, "authentication.windows.useKernelMode=false", kAlicen,
          "request.scheme=kerberos", "server.kerberosDelegation=true"},
         http(200),
         {kSvcWeb, kSvcWeb, kAlice, kAlice, kAlice, kSvcWeb, kAlice},
         Confidence::Confirmed},
        {"KerberosCustomPoolIis6HasNoKernelMode",
         {"F0.02"},
         {kIis6, "appPool.identity=SpecificUser", "appPool.userName=CONTOSO\\svcweb", kNoAnonymous,
          kAlicen, "request.scheme=kerberos", "server.kerberosDelegation=true"},
         http(200),
         {kSvcWeb, kSvcWeb, kAlice, kAlice, kAlice, kSvcWeb, kAlice},
         Confidence::Confirmed},
        {"PreauthenticatingClientIsNotServedAnonymously",
         {"F1.40"},
         {kWindows, kAlicen, "request.scheme=kerberos", "request.sendsCredentials=always",
          "server.kerberosDelegation=true"},
         http(200),
         {kPool, kPool, kAlice, kAlice, kAlice, kPool, kAlice},
         Confidence::Confirmed},
        {"ClientCertificateMappedAccount",
         {"F1.50", "F1.52"},
         {kNoAnonymous, "authentication.clientCertificate.enabled=true",
          "authentication.clientCertificate.required=true", "request.user=CONTOSO\\bob",
          "request.scheme=clientCertificate"},
         http(200),
         {kPool, kPool, "CONTOSO\\bob", "CONTOSO\\bob", "CONTOSO\\bob", kPool, "CONTOSO\\bob"},
         Confidence::Partial},

        // --- 1.6 Forms, as IIS sees it ---------------------------------------------------------
        {"FormsUserIsAnonymousToIis",
         {"F1.60"},
         {"handler.kind=aspnet", "appPool.pipeline=classic", "aspnet.impersonate=true",
          "aspnet.authenticationMode=forms", kAlicen, "request.scheme=forms"},
         http(200),
         {kPool, kPool, kIusr, kIusr, kPool, kPool, kAnonymousLogon},
         Confidence::Confirmed},

        // --- 2.1-2.3 Process identity per version and isolation mode
        // ------------------------------
        {"Iis5LowProtectionAspRunsInInetinfo",
         {"F2.01", "F3.50"},
         {kIis5, "application.protection=low", "handler.kind=asp"},
         http(200),
         {kSystem, kSystem, kIusr6, kIusr6, kIusr6, kSystem, kAnonymousLogon},
         Confidence::Partial},
        {"Iis5MediumProtectionAspRunsInDllhostAsIwam",
         {"F2.01", "F2.04"},
         {kIis5, "application.protection=medium", "handler.kind=asp"},
         http(200),
         {kIwam, kIwam, kIusr6, kIusr6, kIusr6, kIwam, kAnonymousLogon},
         Confidence::Conflict},
        {"Iis5HighProtectionAspRunsInDllhostAsIwam",
         {"F2.01", "F2.04"},
         {kIis5, "application.protection=high", "handler.kind=asp"},
         http(200),
         {kIwam, kIwam, kIusr6, kIusr6, kIusr6, kIwam, kAnonymousLogon},
         Confidence::Conflict},
        {"Iis5AspNetRunsInAspnetWp",
         {"F2.03"},
         {kIis5, "handler.kind=aspnet"},
         http(200),
         {kIwam, kAspnet, kNull, kAspnet, kAspnet, kAspnet, kAnonymousLogon},
         Confidence::Partial},
        // F2.03: userName="System" in machine.config runs aspnet_wp.exe as SYSTEM.
        {"Iis5AspNetProcessModelSystemRunsAspnetWpAsSystem",
         {"F2.03"},
         {kIis5, "handler.kind=aspnet", "aspnet.processModelUserName=System"},
         http(200),
         {kIwam, kSystem, kNull, kSystem, kSystem, kSystem, kMachine},
         Confidence::Confirmed},
        // F2.03, F2.12: IIS 6 in IIS 5 isolation mode reads the same <processModel userName>.
        {"Iis6Iis5IsolationAspNetProcessModelAccount",
         {"F2.03", "F2.12"},
         {kIis6, "server.iis6Mode=iis5Isolation", "handler.kind=aspnet",
          "aspnet.processModelUserName=CONTOSO\\aspnetsvc"},
         http(200),
         {kIwam, "CONTOSO\\aspnetsvc", kNull, "CONTOSO\\aspnetsvc", "CONTOSO\\aspnetsvc",
          "CONTOSO\\aspnetsvc", "CONTOSO\\aspnetsvc"},
         Confidence::Partial},
        {"Iis6WorkerProcessModeDefaultNetworkService",
         {"F2.10", "F2.11"},
         {kIis6, "handler.kind=asp"},
         http(200),
         {kNetworkService, kNetworkService, kIusr6, kIusr6, kIusr6, kNetworkService,
          kAnonymousLogon},
         Confidence::Partial},
        {"Iis6Iis5IsolationAspRunsInDllhost",
         {"F2.12", "F3.10"},
         {kIis6, "server.iis6Mode=iis5Isolation", "handler.kind=asp"},
         http(200),
         {kIwam, kIwam, kIusr6, kIusr6, kIusr6, kIwam, kAnonymousLogon},
         Confidence::Partial},
        {"Iis6SpecificUserPool",
         {"F2.11", "F2.44"},
         {kIis6, "appPool.identity=SpecificUser", "appPool.userName=CONTOSO\\svcweb",
          "handler.kind=aspnet"},
         http(200),
         {kSvcWeb, kSvcWeb, kNull, kSvcWeb, kSvcWeb, kSvcWeb, kSvcWeb},
         Confidence::Partial},
        {"Iis6LocalServicePoolIsAnonymousOffBox",
         {"F2.11", "F2.43"},
         {kIis6, "appPool.identity=LocalService", "handler.kind=aspnet"},
         http(200),
         {kLocalService, kLocalService, kNull, kLocalService, kLocalService, kLocalService,
          kAnonymousLogon},
         Confidence::Confirmed},
        {"Iis70DefaultPoolIsNetworkService",
         {"F2.20", "F2.41"},
         {kIis70, "handler.kind=aspnet"},
         http(200),
         {kNetworkService, kNetworkService, kNull, kNetworkService, kNetworkService,
          kNetworkService, kMachine},
         Confidence::Confirmed},
        {"Iis75DefaultPoolIsApplicationPoolIdentity",
         {"F2.20", "F2.22", "F2.42"},
         {kIis75, "appPool.name=Shop", "handler.kind=aspnet"},
         http(200),
         {"IIS APPPOOL\\Shop", "IIS APPPOOL\\Shop", kNull, "IIS APPPOOL\\Shop", "IIS APPPOOL\\Shop",
          "IIS APPPOOL\\Shop", kMachine},
         Confidence::Confirmed},
        {"LocalSystemPoolActsAsComputer",
         {"F2.40"},
         {"appPool.identity=LocalSystem", "handler.kind=aspnet"},
         http(200),
         {kSystem, kSystem, kNull, kSystem, kSystem, kSystem, kMachine},
         Confidence::Confirmed},
        {"SpecificUserPoolPresentsItsOwnCredentials",
         {"F2.44"},
         {"appPool.identity=SpecificUser", "appPool.userName=CONTOSO\\svcweb",
          "handler.kind=aspnet"},
         http(200),
         {kSvcWeb, kSvcWeb, kNull, kSvcWeb, kSvcWeb, kSvcWeb, kSvcWeb},
         Confidence::Partial},

        // --- 2.5 UNC content and Connect as
        // -------------------------------------------------------
        {"UncPassThroughDomainAnonymousAccount",
         {"F2.55"},
         {"content.path=\\\\FS1\\web", "authentication.anonymous.userName=CONTOSO\\webanon",
          "content.readableBy=CONTOSO\\WEB01$,CONTOSO\\webanon"},
         http(200),
         {kPool, kPool, "CONTOSO\\webanon", "CONTOSO\\webanon", "CONTOSO\\webanon", kPool,
          "CONTOSO\\webanon"},
         Confidence::Confirmed},
        {"UncPassThroughIusrIsAnonymousOnTheShare401_3",
         {"F2.55", "F3.40"},
         {"content.path=\\\\FS1\\web", "content.readableBy=CONTOSO\\WEB01$"},
         http(401, 3),
         {kPool, kPool, kIusr, kIusr, kAnonymousLogon, kNull, kNull},
         Confidence::Confirmed},
        {"UncPassThroughWorkerCannotReadConfig500_19",
         {"F2.56"},
         {"content.path=\\\\FS1\\web", "content.readableBy=CONTOSO\\WebEditors"},
         http(500, 19),
         {kPool, kPool, kNull, kNull, kNull, kNull, kNull},
         Confidence::Confirmed},
        {"UncConnectAsReadsContent",
         {"F2.53", "F2.54"},
         {"content.path=\\\\FS1\\web", "content.connectAs=CONTOSO\\uncuser",
          "content.readableBy=CONTOSO\\uncuser", "handler.kind=asp"},
         http(200),
         {kPool, kPool, kIusr, kIusr, "CONTOSO\\uncuser", kPool, kAnonymousLogon},
         Confidence::Confirmed},
        {"UncConnectAsWrongPasswordIis10_500_19",
         {"F1.82", "F2.53"},
         {"content.path=\\\\FS1\\web", "content.connectAs=CONTOSO\\uncuser",
          "content.connectAsPasswordValid=false"},
         http(500, 19),
         {kPool, kPool, kNull, kNull, kNull, kNull, kNull},
         Confidence::Partial},
        {"UncConnectAsWrongPasswordIis6IsConflict",
         {"F2.52"},
         {kIis6, "content.path=\\\\FS1\\web", "content.connectAs=CONTOSO\\uncuser",
          "content.connectAsPasswordValid=false"},
         http(500, 13),
         {kNetworkService, kNetworkService, kNull, kNull, kNull, kNull, kNull},
         Confidence::Conflict},

        // --- 3.1 ISAPI filters
        // ---------------------------------------------------------------------
        {"IsapiFilterIis6RunsAsProcessWithoutThreadToken",
         {"F3.02", "F3.03"},
         {kIis6, "handler.kind=isapiFilter"},
         http(200),
         {kNetworkService, kNetworkService, kNull, kNetworkService, kIusr6, kNetworkService,
          kMachine},
         Confidence::Partial},
        {"IsapiFilterIis5RunsAsSystem",
         {"F3.01", "F2.02"},
         {kIis5, "handler.kind=isapiFilter"},
         http(200),
         {kSystem, kSystem, kNull, kSystem, kIusr6, kSystem, kMachine},
         Confidence::Partial},

        // --- 3.2 ISAPI extensions
        // ------------------------------------------------------------------
        {"IsapiExtensionIis6ImpersonatesTheUser",
         {"F3.10"},
         {kIis6, "handler.kind=isapiExtension"},
         http(200),
         {kNetworkService, kNetworkService, kIusr6, kIusr6, kIusr6, kNetworkService,
          kAnonymousLogon},
         Confidence::Partial},
        {"IsapiExtensionIis10ImpersonationIsPartial",
         {"F3.10"},
         {"handler.kind=isapiExtension"},
         http(200),
         {kPool, kPool, kIusr, kIusr, kIusr, kPool, kAnonymousLogon},
         Confidence::Partial},

        // --- 3.3 CGI
        // -------------------------------------------------------------------------------
        {"CgiIis6CreateProcessAsUserRunsAsUser",
         {"F3.20"},
         {kIis6, "handler.kind=cgi"},
         http(200),
         {kNetworkService, kIusr6, kNull, kIusr6, kIusr6, kIusr6, kAnonymousLogon},
         Confidence::Partial},
        {"CgiWithoutCreateProcessAsUser",
         {"F3.20"},
         {kIis6, "handler.kind=cgi", "handler.createProcessAsUser=false"},
         http(200),
         {kNetworkService, kNetworkService, kNull, kNetworkService, kNetworkService,
          kNetworkService, kMachine},
         Confidence::Confirmed},
        {"CgiIis10CreateProcessAsUserIsConflict",
         {"F3.22"},
         {"appPool.identity=NetworkService", "handler.kind=cgi"},
         http(200),
         {kNetworkService, kIusr, kNull, kIusr, kIusr, kIusr, kAnonymousLogon},
         Confidence::Conflict},
        {"CgiSpecificUserPoolWithoutPrivilege403_19",
         {"F3.23", "F1.81"},
         {"appPool.identity=SpecificUser", "appPool.userName=CONTOSO\\svcweb", "handler.kind=cgi"},
         http(403, 19),
         {kSvcWeb, kNull, kNull, kNull, kNull, kNull, kNull},
         Confidence::Conflict},
        {"CgiSpecificUserPoolGrantedPrivilege",
         {"F3.22"},
         {"appPool.identity=SpecificUser", "appPool.userName=CONTOSO\\svcweb",
          "appPool.canReplaceProcessToken=true", "handler.kind=cgi"},
         http(200),
         {kSvcWeb, kIusr, kNull, kIusr, kIusr, kIusr, kAnonymousLogon},
         Confidence::Conflict},
        {"CgiScriptUnreadableByItsProcess502_2",
         {"F3.24"},
         {kIis6, "handler.kind=cgi", "handler.createProcessAsUser=false",
          "content.readableBy=WEB01\\IUSR_WEB01"},
         http(502, 2),
         {kNetworkService, kNetworkService, kNull, kNetworkService, kNetworkService, kNull, kNull},
         Confidence::Partial},

        // --- 3.4 FastCGI and PHP
        // -------------------------------------------------------------------
        {"FastCgiDefaultDoesNotImpersonate",
         {"F3.30", "F3.31"},
         {"handler.kind=fastcgi"},
         http(200),
         {kPool, kPool, kNull, kPool, kPool, kPool, kMachine},
         Confidence::Partial},
        {"FastCgiImpersonateRunsAsIusr",
         {"F3.31", "F3.33", "F3.36"},
         {"handler.kind=fastcgi", "handler.fastcgiImpersonate=true"},
         http(200),
         {kPool, kPool, kIusr, kIusr, kIusr, kIusr, kAnonymousLogon},
         Confidence::Partial},
        {"FastCgiImpersonateOverTcpHasNoEffect",
         {"F3.31", "F3.32"},
         {"handler.kind=fastcgi", "handler.fastcgiImpersonate=true", "handler.fastcgiProtocol=tcp"},
         http(200),
         {kPool, kPool, kNull, kPool, kPool, kPool, kMachine},
         Confidence::Partial},
        {"FastCgiImpersonateWindowsUser",
         {"F3.31", "F1.43"},
         {"handler.kind=fastcgi", "handler.fastcgiImpersonate=true", kNoAnonymous, kWindows,
          kAlicen},
         http(200),
         {kPool, kPool, kAlice, kAlice, kAlice, kAlice, kAnonymousLogon},
         Confidence::Unconfirmed},

        // --- 3.5 Static files and NTFS
        // -------------------------------------------------------------
        {"StaticIis6AclDenial401_3",
         {"F3.40"},
         {kIis6, "content.readableBy=CONTOSO\\alice"},
         http(401, 3),
         {kNetworkService, kNetworkService, kIusr6, kIusr6, kIusr6, kNull, kNull},
         Confidence::Confirmed},
        {"StaticIusrIsNotInIisIusrs401_3",
         {"F3.40", "F4.07"},
         {"content.readableBy=IIS_IUSRS"},
         http(401, 3),
         {kPool, kPool, kIusr, kIusr, kIusr, kNull, kNull},
         Confidence::Confirmed},
        {"DefaultWwwrootAclServesAnonymousThroughUsers",
         {"F4.08", "F3.40"},
         {"content.readableBy=BUILTIN\\Users,BUILTIN\\IIS_IUSRS,BUILTIN\\Administrators,NT "
          "AUTHORITY\\SYSTEM"},
         http(200, 0),
         {kPool, kPool, kIusr, kIusr, kIusr, kPool, kAnonymousLogon},
         Confidence::Confirmed},
        {"AspNetIntegratedPoolOnlyAclIsNotRefusedOnAnUnconfirmedRule",
         {"F4.06", "F4.09"},
         {"handler.kind=aspnet", "content.readableBy=IIS APPPOOL\\DefaultAppPool"},
         http(200, 0),
         {kPool, kPool, kNull, kPool, kPool, kPool, kMachine},
         Confidence::Unconfirmed},
        {"Iis5DllhostCreateProcessAsUserIsUnconfirmed",
         {"F3.91", "F3.23"},
         {"server.iisVersion=5.0", "handler.kind=asp", "action=createProcessAsUser"},
         http(200),
         {kIwam, kIwam, kIusr6, kIusr6, kIusr6, kIusr6, kAnonymousLogon},
         Confidence::Conflict},
        {"PoolCannotReadConfiguration500_19",
         {"F4.01", "F4.02"},
         {"content.readableBy=NT AUTHORITY\\IUSR"},
         http(500, 19),
         {kPool, kPool, kNull, kNull, kNull, kNull, kNull},
         Confidence::Confirmed},
        {"StaticIis70DefaultNetworkService",
         {"F2.20", "F3.40"},
         {kIis70},
         http(200),
         {kNetworkService, kNetworkService, kIusr, kIusr, kIusr, kNetworkService, kAnonymousLogon},
         Confidence::Confirmed},

        // --- 3.6 Classic ASP
        // -----------------------------------------------------------------------
        {"AspImpersonatesTheAnonymousAccount",
         {"F3.50", "F3.51"},
         {"handler.kind=asp"},
         http(200),
         {kPool, kPool, kIusr, kIusr, kIusr, kPool, kAnonymousLogon},
         Confidence::Confirmed},
        {"AspSessionOnEndIis6RunsAnonymously",
         {"F3.53"},
         {kIis6, "handler.kind=asp", "action=sessionOnEnd"},
         std::nullopt,
         {kNetworkService, kNetworkService, kIusr6, kIusr6, kNull, kNetworkService,
          kAnonymousLogon},
         Confidence::Partial},
        {"AspSessionOnEndIis5RunsAsProcess",
         {"F3.53"},
         {kIis5, "application.protection=low", "handler.kind=asp", "action=sessionOnEnd"},
         std::nullopt,
         {kSystem, kSystem, kNull, kSystem, kNull, kSystem, kMachine},
         Confidence::Confirmed},
        {"AspSessionOnEndWithAnonymousOffRunsAsTheConfiguredAccount",
         {"F3.53"},
         {"handler.kind=asp", "action=sessionOnEnd", kNoAnonymous, kWindows},
         std::nullopt,
         {kPool, kPool, kIusr, kIusr, kNull, kPool, kAnonymousLogon},
         Confidence::Confirmed},
        {"AspSessionOnEndNotAnonymouslyRunsAsProcess",
         {"F3.53"},
         {"handler.kind=asp", "action=sessionOnEnd", "asp.runOnEndAnonymously=false"},
         std::nullopt,
         {kPool, kPool, kNull, kPool, kNull, kPool, kMachine},
         Confidence::Partial},

        // --- 3.7 ASP.NET <identity>, pipelines, Application_Start
        // ---------------------------------
        {"AspNetDefaultDoesNotImpersonate",
         {"F3.60"},
         {"handler.kind=aspnet", kNoAnonymous, kWindows, kAlicen},
         http(200),
         {kPool, kPool, kNull, kPool, kPool, kPool, kMachine},
         Confidence::Confirmed},
        {"AspNetImpersonateTrueClassicTakesTheUser",
         {"F3.61", "F3.73"},
         {"handler.kind=aspnet", "appPool.pipeline=classic", "aspnet.impersonate=true",
          kNoAnonymous, kWindows, kAlicen},
         http(200),
         {kPool, kPool, kAlice, kAlice, kPool, kPool, kAnonymousLogon},
         Confidence::Unconfirmed},
        {"AspNetApplicationImpersonation",
         {"F3.62"},
         {"handler.kind=aspnet", "appPool.pipeline=classic", "aspnet.impersonate=true",
          "aspnet.userName=CONTOSO\\svcapp"},
         http(200),
         {kPool, kPool, kSvcApp, kSvcApp, kPool, kPool, kSvcApp},
         Confidence::Confirmed},
        {"AspNetApplicationImpersonationIis6",
         {"F3.62"},
         {kIis6, "handler.kind=aspnet", "aspnet.impersonate=true",
          "aspnet.userName=CONTOSO\\svcapp"},
         http(200),
         {kNetworkService, kNetworkService, kSvcApp, kSvcApp, kNetworkService, kNetworkService,
          kSvcApp},
         Confidence::Confirmed},
        {"AspNetImpersonateIntegrated500_24",
         {"F3.70"},
         {"handler.kind=aspnet", "aspnet.impersonate=true"},
         http(500, 24),
         {kPool, kPool, kNull, kNull, kNull, kNull, kNull},
         Confidence::Confirmed},
        {"AspNetApplicationImpersonationIntegrated500_24IsUnconfirmed",
         {"F3.70"},
         {"handler.kind=aspnet", "aspnet.impersonate=true", "aspnet.userName=CONTOSO\\svcapp"},
         http(500, 24),
         {kPool, kPool, kNull, kNull, kNull, kNull, kNull},
         Confidence::Unconfirmed},
        {"AspNetImpersonateValidationOff",
         {"F3.70", "F3.71"},
         {"handler.kind=aspnet", "aspnet.impersonate=true",
          "aspnet.validateIntegratedModeConfiguration=false"},
         http(200),
         {kPool, kPool, kIusr, kIusr, kPool, kPool, kAnonymousLogon},
         Confidence::Confirmed},
        {"AspNetImpersonateClassicNo500_24",
         {"F3.73"},
         {"handler.kind=aspnet", "appPool.pipeline=classic", "aspnet.impersonate=true"},
         http(200),
         {kPool, kPool, kIusr, kIusr, kPool, kPool, kAnonymousLogon},
         Confidence::Confirmed},
        {"AspNetBeginRequestModuleRunsAsProcess",
         {"F3.71"},
         {"handler.kind=aspnet", "aspnet.impersonate=true",
          "aspnet.validateIntegratedModeConfiguration=false", "action=beginRequestModule"},
         http(200),
         {kPool, kPool, kNull, kPool, kPool, kPool, kMachine},
         Confidence::Confirmed},
        {"AspNetApplicationStartIis6RunsAsProcess",
         {"F3.64"},
         {kIis6, "handler.kind=aspnet", "aspnet.impersonate=true", kNoAnonymous, kAlicen,
          "action=applicationStart"},
         http(200),
         {kNetworkService, kNetworkService, kNull, kNetworkService, kNetworkService,
          kNetworkService, kMachine},
         Confidence::Confirmed},
        {"AspNetApplicationStartIis10IsUnconfirmed",
         {"F3.64"},
         {"handler.kind=aspnet", "appPool.pipeline=classic", "aspnet.impersonate=true",
          "action=applicationStart"},
         http(200),
         {kPool, kPool, kNull, kPool, kPool, kPool, kMachine},
         Confidence::Unconfirmed},
        {"AspNetApplicationStartWithApplicationImpersonation",
         {"F3.64"},
         {kIis6, "handler.kind=aspnet", "aspnet.impersonate=true",
          "aspnet.userName=CONTOSO\\svcapp", "action=applicationStart"},
         http(200),
         {kNetworkService, kNetworkService, kSvcApp, kSvcApp, kNetworkService, kNetworkService,
          kSvcApp},
         Confidence::Confirmed},

        {"AspNetApplicationStartOnUncRunsAsTheUncAccount",
         {"F3.64"},
         {kIis6, "handler.kind=aspnet", "content.path=\\\\FS1\\app",
          "content.connectAs=CONTOSO\\uncapp", "action=applicationStart"},
         http(200),
         {kNetworkService, kNetworkService, "CONTOSO\\uncapp", "CONTOSO\\uncapp", "CONTOSO\\uncapp",
          kNetworkService, "CONTOSO\\uncapp"},
         Confidence::Confirmed},

        // --- 3.8 ASP.NET Core
        // ----------------------------------------------------------------------
        {"AspNetCoreInProcessRunsAsPool",
         {"F3.80", "F3.83"},
         {"handler.kind=aspnetCore", kNoAnonymous, kWindows, kAlicen},
         http(200),
         {kPool, kPool, kNull, kPool, kPool, kPool, kMachine},
         Confidence::Confirmed},
        {"AspNetCoreOutOfProcessRunsAsPool",
         {"F3.81"},
         {"handler.kind=aspnetCore", "handler.hostingModel=outOfProcess", kNoAnonymous, kWindows,
          kAlicen},
         http(200),
         {kPool, kPool, kNull, kPool, kPool, kPool, kMachine},
         Confidence::Partial},
        {"AspNetCoreRunImpersonated",
         {"F3.83"},
         {"handler.kind=aspnetCore", "server.kerberosDelegation=true", kNoAnonymous, kWindows,
          kAlicen, "request.scheme=kerberos", "action=runImpersonated"},
         http(200),
         {kPool, kPool, kAlice, kAlice, kPool, kPool, kAlice},
         Confidence::Confirmed},
        {"AspNetCoreRunImpersonatedWithoutForwardedToken",
         {"F3.82"},
         {"handler.kind=aspnetCore", "handler.hostingModel=outOfProcess",
          "handler.forwardWindowsAuthToken=false", kNoAnonymous, kWindows, kAlicen,
          "action=runImpersonated"},
         http(200),
         {kPool, kPool, kNull, kPool, kPool, kPool, kMachine},
         Confidence::Partial},

        // --- 3.9 Child processes and 3.2 RevertToSelf
        // ----------------------------------------------
        {"CreateProcessGivesTheProcessToken",
         {"F3.90"},
         {"handler.kind=asp", "action=createProcess"},
         http(200),
         {kPool, kPool, kIusr, kIusr, kIusr, kPool, kAnonymousLogon},
         Confidence::Confirmed},
        {"Iis5InProcessWScriptShellRunsAsSystem",
         {"F3.58"},
         {kIis5, "application.protection=low", "handler.kind=asp", "action=createProcess"},
         http(200),
         {kSystem, kSystem, kIusr6, kIusr6, kIusr6, kSystem, kAnonymousLogon},
         Confidence::Partial},
        {"CreateProcessAsUserGivesTheThreadToken",
         {"F3.91"},
         {"appPool.identity=NetworkService", "handler.kind=asp", "action=createProcessAsUser"},
         http(200),
         {kNetworkService, kNetworkService, kIusr, kIusr, kIusr, kIusr, kAnonymousLogon},
         Confidence::Confirmed},
        {"CreateProcessAsUserWithoutPrivilegeStartsNothing",
         {"F3.91"},
         {"appPool.identity=SpecificUser", "appPool.userName=CONTOSO\\svcweb", "handler.kind=asp",
          "action=createProcessAsUser"},
         http(200),
         {kSvcWeb, kSvcWeb, kIusr, kIusr, kIusr, kNull, kAnonymousLogon},
         Confidence::Confirmed},
        {"CreateProcessAsUserFromApplicationPoolIdentityHoldsTheRight",
         {"F3.23", "F3.91"},
         {"handler.kind=asp", "action=createProcessAsUser"},
         http(200),
         {kPool, kPool, kIusr, kIusr, kIusr, kIusr, kAnonymousLogon},
         Confidence::Confirmed},
        {"RevertToSelfDropsTheImpersonation",
         {"F3.13"},
         {"handler.kind=asp", "action=revertToSelf"},
         http(200),
         {kPool, kPool, kNull, kPool, kIusr, kPool, kMachine},
         Confidence::Confirmed},
        {"RevertToSelfWithoutImpersonationChangesNothing",
         {"F3.13"},
         {"handler.kind=aspnet", "action=revertToSelf"},
         http(200),
         {kPool, kPool, kNull, kPool, kPool, kPool, kMachine},
         Confidence::Confirmed},
    };
    return rows;
}

class ResolverRule : public testing::TestWithParam<RuleCase> {
protected:
    static iisid::Resolution resolveRow(const RuleCase &row) { return resolveAssignments(row.set); }
};

TEST_P(ResolverRule, GivesTheReferenceResult) {
    const RuleCase &row = GetParam();
    const iisid::Resolution r = resolveRow(row);

    expectResult(r, row.http, row.expected, row.confidence);
}

TEST_P(ResolverRule, CitesTheFactsItApplies) {
    const RuleCase &row = GetParam();
    for (const std::string &fact : uncitedFacts(row, resolveRow(row)))
        ADD_FAILURE() << "no step cites " << fact;
}

TEST_P(ResolverRule, EveryStepHasASourceAndTheResultTheWeakestConfidence) {
    const iisid::Resolution r = resolveRow(GetParam());
    ASSERT_FALSE(r.steps.empty());
    Confidence weakest = Confidence::Confirmed;
    for (std::size_t i = 0; i < r.steps.size(); ++i) {
        const iisid::Step &s = r.steps[i];
        EXPECT_FALSE(s.sources.empty()) << "step " << i + 1 << " has no source URL: " << s.text;
        EXPECT_FALSE(s.facts.empty()) << "step " << i + 1 << " cites no fact: " << s.text;
        for (std::string_view url : s.sources)
            EXPECT_EQ(url.rfind("http", 0), 0u) << "step " << i + 1 << " source " << url;
        if (s.confidence != Confidence::Confirmed) {
            EXPECT_FALSE(s.uncertainty.empty())
                << "step " << i + 1 << " is " << iisid::toString(s.confidence)
                << " without saying what is uncertain";
        }
        weakest = std::max(weakest, s.confidence);
    }
    EXPECT_EQ(iisid::toString(r.confidence), iisid::toString(weakest));
}

INSTANTIATE_TEST_SUITE_P(Reference, ResolverRule, testing::ValuesIn(rules()),
                         [](const testing::TestParamInfo<RuleCase> &param) {
                             return param.param.name;
                         });

// --- Inputs the scenario does not know ("unknown") -----------------------------------------
// The request goes on where the unknown input allows it; every step that relied on it says so,
// with the outcome if it is otherwise, and the resolution lists each setting once.

struct UnknownCase {
    std::string name;
    std::vector<std::string> set;
    std::optional<HttpStatus> http;
    /// The steps that say what they rest on: stage and Step::dependsOn, in trace order.
    std::vector<std::pair<iisid::Stage, std::string>> steps;
    std::vector<iisid::Dependency> dependsOn; // Resolution::dependsOn, exactly
};

std::ostream &operator<<(std::ostream &out, const UnknownCase &row) {
    return out << row.name;
}

const std::string kIusrAcl = "the NTFS permissions of D:\\web\\site1 for NT AUTHORITY\\IUSR — the "
                             "configuration does not show them";
const std::string kPoolAcl = "the NTFS permissions of D:\\web\\site1 for IIS "
                             "APPPOOL\\DefaultAppPool — the configuration does not show them";

const std::vector<UnknownCase> &unknownCases() {
    using iisid::Stage;
    static const std::vector<UnknownCase> rows = {
        {"Iis10StaticAclUnknown",
         {"content.path=D:\\web\\site1", "content.readableBy=unknown"},
         http(200),
         {{Stage::Configuration,
           kPoolAcl + "; if they refuse: 500.19 (IIS cannot read web.config)"},
          {Stage::Handler, kIusrAcl + "; if they refuse: 401.3"},
          {Stage::Content, kIusrAcl + "; if they refuse: the content cannot be read"}},
         {{"content.readableBy", kPoolAcl +
                                     "; if they refuse: 500.19 (IIS cannot read web.config); " +
                                     kIusrAcl + "; if they refuse: 401.3"}}},
        {"Iis6AnonymousPasswordUnknown",
         {kIis6, "authentication.anonymous.userName=CONTOSO\\anon",
          "authentication.anonymous.passwordValid=unknown"},
         http(200),
         {{Stage::Authentication,
           "whether the stored password of CONTOSO\\anon is right; if it is wrong: 401.1"}},
         {{"authentication.anonymous.passwordValid",
           "whether the stored password of CONTOSO\\anon is right; if it is wrong: 401.1"}}},
        {"Iis10UncConnectAsPasswordUnknown",
         {"content.path=\\\\FS1\\web", "content.connectAs=CONTOSO\\uncuser",
          "content.connectAsPasswordValid=unknown"},
         http(200),
         {{Stage::Configuration,
           "whether the stored password of the Connect-as account CONTOSO\\uncuser is right; if "
           "it is wrong: 500.19 (IIS cannot read web.config)"}},
         {{"content.connectAsPasswordValid",
           "whether the stored password of the Connect-as account CONTOSO\\uncuser is right; if "
           "it is wrong: 500.19 (IIS cannot read web.config)"}}},
        {"Iis6UncPasswordUnknown",
         {kIis6, "content.path=\\\\FS1\\web", "content.connectAs=CONTOSO\\uncuser",
          "content.connectAsPasswordValid=unknown"},
         http(200),
         {{Stage::Handler, "whether the stored password of the UNC account CONTOSO\\uncuser is "
                           "right; if it is wrong: 500.13"}},
         {{"content.connectAsPasswordValid", "whether the stored password of the UNC account "
                                             "CONTOSO\\uncuser is right; if it is wrong: 500.13"}}},
        {"WindowsCredentialsUnknown",
         {kWindows, kNoAnonymous, kAlicen, "request.credentialsValid=unknown"},
         http(200),
         {{Stage::Authentication,
           "whether the credentials CONTOSO\\alice gives are right; if they are wrong: 401.1"}},
         {{"request.credentialsValid",
           "whether the credentials CONTOSO\\alice gives are right; if they are wrong: 401.1"}}},
    };
    return rows;
}

iisid::Resolution resolveAssignments(const std::vector<std::string> &set) {
    iisid::LoadedScenario loaded;
    for (const std::string &assignment : set)
        EXPECT_FALSE(iisid::applyAssignment(loaded, assignment, "--set")) << assignment;
    EXPECT_TRUE(iisid::checkScenario(loaded).empty());
    return iisid::resolve(loaded.scenario);
}

/// The same assignments with each unknown made the value that lets the request on: true for a
/// password, no list (everyone reads) for the ACL.
std::vector<std::string> allowing(const std::vector<std::string> &set) {
    std::vector<std::string> out;
    for (const std::string &assignment : set) {
        const std::size_t at = assignment.rfind("=unknown");
        if (at == std::string::npos || at + 8 != assignment.size())
            out.push_back(assignment);
        else if (assignment.rfind("content.readableBy=", 0) != 0)
            out.push_back(assignment.substr(0, at) + "=true");
    }
    return out;
}

class UnknownInput : public testing::TestWithParam<UnknownCase> {};

TEST_P(UnknownInput, GoesOnWhereItAllowsAndSaysWhatRestsOnIt) {
    const UnknownCase &row = GetParam();
    const iisid::Resolution r = resolveAssignments(row.set);
    EXPECT_EQ(r.http, row.http);
    std::vector<std::pair<iisid::Stage, std::string>> steps;
    for (const iisid::Step &s : r.steps) {
        if (!s.dependsOn.empty())
            steps.emplace_back(s.stage, s.dependsOn);
    }
    EXPECT_EQ(steps, row.steps);
    EXPECT_EQ(r.dependsOn, row.dependsOn);
}

TEST_P(UnknownInput, IsNotAConfidence) {
    // The rules are as sure as with the input known to allow the request: same identities,
    // same confidence, same trace apart from the dependencies.
    const UnknownCase &row = GetParam();
    const iisid::Resolution unknown = resolveAssignments(row.set);
    const iisid::Resolution known = resolveAssignments(allowing(row.set));
    EXPECT_EQ(unknown.confidence, known.confidence);
    EXPECT_EQ(unknown.confidenceOf, known.confidenceOf);
    expectResult(unknown, known.http, known.identities, known.confidence);
    ASSERT_EQ(unknown.steps.size(), known.steps.size());
    for (std::size_t i = 0; i < known.steps.size(); ++i)
        EXPECT_EQ(unknown.steps[i].text, known.steps[i].text) << "step " << i + 1;
    EXPECT_TRUE(known.dependsOn.empty());
}

INSTANTIATE_TEST_SUITE_P(Unknown, UnknownInput, testing::ValuesIn(unknownCases()),
                         [](const testing::TestParamInfo<UnknownCase> &param) {
                             return param.param.name;
                         });

TEST(UnknownInput, AnAclTheScenarioDoesNotKnowIsNotCheckedAsEmpty) {
    // An empty list refuses everyone; "unknown" must not: the request is served.
    EXPECT_EQ(resolveAssignments({"content.readableBy=[]"}).http, http(500, 19));
    const iisid::Resolution r = resolveAssignments({"content.readableBy=unknown"});
    EXPECT_EQ(r.http, http(200));
    EXPECT_TRUE(r.findings.empty());
}

// A rule the reference marks UNCONFIRMED or CONFLICT must lower the result, whatever else is
// confirmed.
TEST(ResolverConfidence, AnUnconfirmedRuleLowersTheResult) {
    iisid::LoadedScenario loaded;
    ASSERT_FALSE(
        iisid::applyAssignment(loaded, "authentication.anonymous.userName=CONTOSO\\x", "a"));
    ASSERT_FALSE(
        iisid::applyAssignment(loaded, "authentication.anonymous.passwordValid=false", "b"));
    const iisid::Resolution r = iisid::resolve(loaded.scenario);
    EXPECT_EQ(r.confidence, Confidence::Unconfirmed);
    const bool stepSaysSo = std::any_of(r.steps.begin(), r.steps.end(), [](const iisid::Step &s) {
        return s.confidence == Confidence::Unconfirmed && !s.uncertainty.empty();
    });
    EXPECT_TRUE(stepSaysSo);
}

TEST(ResolverConfidence, AConflictLowersTheResultBelowUnconfirmed) {
    iisid::LoadedScenario loaded;
    ASSERT_FALSE(iisid::applyAssignment(loaded, "handler.kind=cgi", "a"));
    const iisid::Resolution r = iisid::resolve(loaded.scenario);
    EXPECT_EQ(r.confidence, Confidence::Conflict);
    const bool stepSaysSo = std::any_of(r.steps.begin(), r.steps.end(), [](const iisid::Step &s) {
        return s.confidence == Confidence::Conflict &&
               std::find(s.facts.begin(), s.facts.end(), "F3.22") != s.facts.end();
    });
    EXPECT_TRUE(stepSaysSo);
}

TEST(ResolverConfidence, TheSameRuleIsConfirmedWhereTheReferenceConfirmsIt) {
    // CGI on IIS 6: F3.20 is CONFIRMED there, while on IIS 7+ F3.22 is a CONFLICT.
    iisid::LoadedScenario loaded;
    ASSERT_FALSE(iisid::applyAssignment(loaded, "server.iisVersion=6.0", "a"));
    ASSERT_FALSE(iisid::applyAssignment(loaded, "handler.kind=cgi", "b"));
    ASSERT_FALSE(iisid::applyAssignment(loaded, "handler.createProcessAsUser=false", "c"));
    EXPECT_EQ(iisid::resolve(loaded.scenario).confidence, Confidence::Confirmed);
}

} // namespace
