// Generated from ../shared/docs/iis-identity-reference.md (fact ids, statuses and source keys)
// by tests/reference/generate_reference.py. Regenerate when the reference changes; the resolver
// cites these ids.
#include "reference.h"

#include <algorithm>

namespace iisid {

namespace {

constexpr SourceRef sourceTable[] = {
    {"BSWAN", 'B',
     "https://learn.microsoft.com/en-us/archive/blogs/brian_swan/"
     "sql-server-driver-for-php-understanding-windows-authentication"},
    {"CERTCITIES", 'C', "https://certcities.com/editorial/columns/print.asp?EditorialsID=395"},
    {"CORE-ANCM", 'A',
     "https://learn.microsoft.com/en-us/aspnet/core/host-and-deploy/aspnet-core-module"},
    {"CORE-IIS", 'A', "https://learn.microsoft.com/en-us/aspnet/core/host-and-deploy/iis/"},
    {"CORE-INPROC", 'A',
     "https://learn.microsoft.com/en-us/aspnet/core/host-and-deploy/iis/in-process-hosting"},
    {"CORE-WINAUTH", 'A',
     "https://learn.microsoft.com/en-us/aspnet/core/security/authentication/windowsauth"},
    {"DW-401", 'B',
     "https://blogs.msdn.microsoft.com/david.wang/2005/07/15/"
     "howto-diagnose-401-x-http-errors-on-iis/"},
    {"DW-SYNC", 'B',
     "https://blogs.msdn.microsoft.com/david.wang/2005/12/07/"
     "howto-synchronize-user-credentials-in-iis/"},
    {"DW-TOKEN", 'B',
     "https://docs.microsoft.com/en-us/archive/blogs/david.wang/"
     "howto-change-iis-user-impersonation-token"},
    {"IIS-ACL", 'A',
     "https://learn.microsoft.com/en-us/iis/get-started/planning-for-security/"
     "secure-content-in-iis-through-file-system-acls"},
    {"IIS-ANON", 'A',
     "https://learn.microsoft.com/en-us/iis/configuration/system.webserver/security/authentication/"
     "anonymousauthentication"},
    {"IIS-APID", 'A',
     "https://learn.microsoft.com/en-us/iis/manage/configuring-security/"
     "application-pool-identities"},
    {"IIS-APID-SQLX", 'A',
     "https://learn.microsoft.com/en-us/iis/manage/configuring-security/"
     "application-pool-identities-and-sql-server-express"},
    {"IIS-APIDANON", 'A',
     "https://learn.microsoft.com/en-us/iis/web-hosting/web-server-for-shared-hosting/"
     "application-pool-identity-as-anonymous-user"},
    {"IIS-ASP", 'A', "https://learn.microsoft.com/en-us/iis/configuration/system.webserver/asp/"},
    {"IIS-ASPACCESS", 'A',
     "https://learn.microsoft.com/en-us/iis/application-frameworks/"
     "running-classic-asp-applications-on-iis-7-and-iis-8/"
     "using-classic-asp-with-microsoft-access-databases-on-iis"},
    {"IIS-BASIC", 'A',
     "https://learn.microsoft.com/en-us/iis/configuration/system.webserver/security/authentication/"
     "basicauthentication"},
    {"IIS-BRK", 'A',
     "https://learn.microsoft.com/en-us/iis/application-frameworks/"
     "building-and-running-aspnet-applications/aspnet-20-breaking-changes-on-iis"},
    {"IIS-BUILTIN", 'A',
     "https://learn.microsoft.com/en-us/iis/get-started/planning-for-security/"
     "understanding-built-in-user-and-group-accounts-in-iis"},
    {"IIS-CERT-AD", 'A',
     "https://learn.microsoft.com/en-us/iis/configuration/system.webserver/security/authentication/"
     "clientcertificatemappingauthentication"},
    {"IIS-CERT-IIS", 'A',
     "https://learn.microsoft.com/en-us/iis/configuration/system.webserver/security/authentication/"
     "iisclientcertificatemappingauthentication/"},
    {"IIS-CGI", 'A', "https://learn.microsoft.com/en-us/iis/configuration/system.webserver/cgi"},
    {"IIS-CGI-WMI", 'A', "https://learn.microsoft.com/en-us/iis/wmi-provider/cgisection-class"},
    {"IIS-CREATESITE", 'A',
     "https://learn.microsoft.com/en-us/iis/get-started/getting-started-with-iis/"
     "create-a-web-site"},
    {"IIS-DIGEST", 'A',
     "https://learn.microsoft.com/en-us/iis/configuration/system.webserver/security/authentication/"
     "digestauthentication"},
    {"IIS-DIGEST-WMI", 'A',
     "https://learn.microsoft.com/en-us/iis/wmi-provider/digestauthenticationsection-class"},
    {"IIS-FCGI", 'A',
     "https://learn.microsoft.com/en-us/iis/configuration/system.webserver/fastcgi/application/"},
    {"IIS-INTEG", 'A',
     "https://learn.microsoft.com/en-us/iis/application-frameworks/"
     "building-and-running-aspnet-applications/aspnet-integration-with-iis"},
    {"IIS-PHPIMP", 'A',
     "https://docs.microsoft.com/en-us/iis/application-frameworks/install-and-configure-php-on-iis/"
     "secure-content-in-iis-through-impersonation"},
    {"IIS-PM", 'A',
     "https://learn.microsoft.com/en-us/iis/configuration/system.applicationhost/applicationpools/"
     "add/processmodel"},
    {"IIS-POOLADD", 'A',
     "https://learn.microsoft.com/en-us/iis/configuration/system.applicationhost/applicationpools/"
     "add/"},
    {"IIS-RUNTIME", 'A',
     "https://learn.microsoft.com/en-us/iis/configuration/system.webserver/serverruntime"},
    {"IIS-SECCHG", 'A',
     "https://learn.microsoft.com/en-us/iis/get-started/whats-new-in-iis-7/"
     "changes-in-security-between-iis-60-and-iis-7-and-above"},
    {"IIS-UPG11", 'A',
     "https://learn.microsoft.com/en-us/iis/application-frameworks/"
     "building-and-running-aspnet-applications/"
     "upgrading-aspnet-11-to-iis-on-windows-vista-and-windows-server-2008"},
    {"IIS-VALID", 'A',
     "https://learn.microsoft.com/en-us/iis/configuration/system.webserver/validation"},
    {"IIS-VDIR", 'A',
     "https://learn.microsoft.com/en-us/iis/configuration/system.applicationhost/sites/site/"
     "application/virtualdirectory"},
    {"IIS-WINAUTH", 'A',
     "https://learn.microsoft.com/en-us/iis/configuration/system.webserver/security/authentication/"
     "windowsauthentication/"},
    {"KB-184270", 'A',
     "https://library.thedatadungeon.com/msdn-2000-04/kbmsg/Source/mapi/q184270.content.htm"},
    {"KB-216828", 'A',
     "https://support.microsoft.com/en-us/help/216828/"
     "password-synchronization-allow-iis-to-control-password-may-cause-probl"},
    {"KB-218756", 'A', "https://jeffpar.github.io/kbarchive/kb/218/Q218756/"},
    {"KB-248187", 'A',
     "https://ftp.zx.net.nz/pub/archive/ftp.microsoft.com/MISC/KB/en-us/248/187.HTM"},
    {"KB-278319", 'A', "http://support2.microsoft.com/default.aspx?scid=kb;EN-US;q278319"},
    {"KB-319067", 'A', "https://jeffpar.github.io/kbarchive/kb/319/Q319067/"},
    {"KB-332167", 'A',
     "https://ftp.zx.net.nz/pub/archive/ftp.microsoft.com/MISC/KB/en-us/332/167.HTM"},
    {"KB-50019", 'A',
     "https://learn.microsoft.com/en-us/troubleshoot/developer/webapps/iis/"
     "health-diagnostic-performance/http-error-500-19-webpage"},
    {"KB-5022", 'A',
     "https://learn.microsoft.com/en-us/troubleshoot/developer/webapps/iis/"
     "site-behavior-performance/troubleshoot-502-2-bad-gateway-error-in-cgi-apps"},
    {"KB-815171", 'A', "https://support.microsoft.com/en-us/kb/815171"},
    {"KB-889251", 'A',
     "https://learn.microsoft.com/en-us/troubleshoot/developer/webapps/aspnet/development/"
     "spawn-process-under-impersonated-user"},
    {"KB-909887", 'A', "http://support.microsoft.com/kb/909887"},
    {"KB-921484", 'A', "http://support.microsoft.com/?id=921484"},
    {"KB-IDENT", 'A',
     "https://learn.microsoft.com/en-us/troubleshoot/developer/webapps/iis/"
     "www-authentication-authorization/understanding-identities"},
    {"KB-KERB", 'A',
     "https://learn.microsoft.com/en-us/troubleshoot/developer/webapps/iis/"
     "www-authentication-authorization/kerberos-double-hop-authentication-edge-chromium"},
    {"KB-STATUS", 'A',
     "https://learn.microsoft.com/en-us/troubleshoot/developer/webapps/iis/"
     "health-diagnostic-performance/http-status-code"},
    {"KM-AMOL", 'B',
     "https://docs.microsoft.com/en-us/archive/blogs/amol/"
     "understanding-kernel-mode-authentication-in-iis-7"},
    {"KM-AUTZ", 'B',
     "https://docs.microsoft.com/en-gb/archive/blogs/autz_auth_stuff/kernel-mode-authentication"},
    {"KM-KEN", 'C', "http://adopenstatic.com/cs/blogs/ken/archive/2008/02/12/16189.aspx"},
    {"KM-TMARQ", 'B',
     "https://blogs.msdn.microsoft.com/tmarq/2007/08/29/iis7-kernel-mode-authentication/"},
    {"NET-FILEAUTHZ", 'A',
     "https://learn.microsoft.com/en-us/dotnet/api/system.web.security.fileauthorizationmodule"},
    {"NET-FLOW", 'A', "http://msdn.microsoft.com/en-us/library/6bs4szyc.aspx"},
    {"NET-HOSTIMP", 'A',
     "https://learn.microsoft.com/en-us/dotnet/api/"
     "system.web.hosting.hostingenvironment.impersonate"},
    {"NET-IMP", 'A',
     "https://learn.microsoft.com/en-us/previous-versions/dotnet/netframework-1.1/"
     "xh507fc5(v=vs.71)"},
    {"NET-PROCID", 'A',
     "https://learn.microsoft.com/en-us/previous-versions/aspnet/dwc1xthy(v=vs.100)"},
    {"NET-WINPROV", 'A',
     "https://learn.microsoft.com/en-ca/previous-versions/aspnet/907hb5w9(v=vs.100)"},
    {"PARVEZ", 'B', "https://blogs.msdn.microsoft.com/parvez/authentication-precedence-in-iis"},
    {"PHP-CGI", 'C', "https://github.com/php/php-src/blob/master/sapi/cgi/cgi_main.c"},
    {"PHP-FCGI", 'C', "https://github.com/php/php-src/blob/master/main/fastcgi.c"},
    {"PHP-TSRM", 'C', "https://github.com/php/php-src/blob/master/TSRM/tsrm_win32.c"},
    {"SDK4-MULTI", 'A',
     "https://library.thedatadungeon.com/msdn-1998-06/IISRef/devdoc/good/iishelp/iis/htm/sdk/"
     "eadg_3zce.content.htm"},
    {"SDK5-CTX", 'A',
     "https://library.thedatadungeon.com/msdn-2000-04/iisref/asp/eadg3wqc.content.htm"},
    {"SDK5-ISAPI", 'A',
     "https://library.thedatadungeon.com/msdn-2000-04/iisref/asp/isgu6wfn.content.htm"},
    {"SDK6-APPID", 'A',
     "https://learn.microsoft.com/en-us/previous-versions/iis/6.0-sdk/ms526063(v=vs.90)"},
    {"SDK6-COMPLUS", 'A',
     "https://learn.microsoft.com/en-us/previous-versions/iis/6.0-sdk/ms526018(v=vs.90)"},
    {"SDK6-FILTER", 'A',
     "https://learn.microsoft.com/en-us/previous-versions/iis/6.0-sdk/ms525612(v=vs.90)"},
    {"SDK6-ISAPIID", 'A',
     "https://learn.microsoft.com/en-us/previous-versions/iis/6.0-sdk/ms525338(v=vs.90)"},
    {"SDK6-POOLTYPE", 'A',
     "https://learn.microsoft.com/en-us/previous-versions/iis/6.0-sdk/ms524908(v=vs.90)"},
    {"SEED", 'B',
     "https://blogs.msdn.microsoft.com/david.wang/2005/06/29/"
     "what-user-identity-does-iis-use-to-run-code-like-isapi-and-cgi-part-2/"},
    {"SF-179627", 'C',
     "https://serverfault.com/questions/179627/"
     "how-come-when-i-add-iis-iusrs-rw-access-to-a-folder-it-doesnt-automatically-al/184778"},
    {"SF-247509", 'C',
     "https://serverfault.com/questions/247509/"
     "what-role-does-app-pool-identity-play-for-an-application-pool"},
    {"SF-282806", 'C',
     "https://serverfault.com/questions/282806/should-i-impersonate-php-via-fastcgi"},
    {"SF-38181", 'C',
     "https://serverfault.com/questions/38181/"
     "why-does-my-site-use-the-iusr-account-when-configured-for-pass-through-authentic"},
    {"SF-780325", 'C',
     "https://serverfault.com/questions/780325/"
     "iis-iusrs-can-access-a-file-but-application-pool-identity-user-cannot"},
    {"SF-PASSTHRU", 'C',
     "https://syntaxfix.com/question/38382/what-is-pass-through-authentication-in-iis-7"},
    {"SQLMAG-UNC", 'C',
     "http://www.sqlmag.com/content1/topic/"
     "virtual-directories-targeting-local-directories-and-network-shares/page/3/catpath/"
     "virtualization"},
    {"TN-401", 'A',
     "https://docs.microsoft.com/en-us/previous-versions/windows/it-pro/windows-server-2003/"
     "cc786094(v=ws.10)"},
    {"TN-ACC6", 'A', "https://technet.microsoft.com/en-us/library/cc779635(v=ws.10)"},
    {"TN-ASPIMP", 'A', "http://technet.microsoft.com/en-us/library/cc785940(v=ws.10)"},
    {"TN-CPAU6", 'A',
     "https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-server-2003/"
     "cc757667(v=ws.10)"},
    {"TN-DIGEST6", 'A',
     "https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-server-2003/"
     "cc738422(v=ws.10)"},
    {"TN-IMPEVAL", 'A', "https://technet.microsoft.com/en-us/library/cc780802(v=ws.10)"},
    {"TN-ISO", 'A',
     "http://www.microsoft.com/technet/prodtechnol/WindowsServer2003/Library/IIS/"
     "b6e6c32e-d976-4b53-b0c2-f25202265113.mspx"},
    {"TN-NETIMP", 'A', "http://technet.microsoft.com/en-us/library/cc776604(v=ws.10)"},
    {"TN-ONEND6", 'A',
     "https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-server-2003/"
     "cc776531(v=ws.10)"},
    {"TN-PMMODES", 'A',
     "https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-server-2003/"
     "cc778754(v=ws.10)"},
    {"TN-POOLID6", 'A',
     "https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-server-2003/"
     "cc739233(v=ws.10)"},
    {"TN-PWSYNC", 'A', "http://technet.microsoft.com/ko-kr/library/cc737387(v=ws.10)"},
    {"TN-UNC6", 'A', "http://technet.microsoft.com/en-us/library/cc781605(v=ws.10)"},
    {"TN-UNCUSER", 'A',
     "https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-server-2003/"
     "cc778553(v=ws.10)"},
    {"VB-UNC", 'C', "http://www.visualbuilder.com/aspnet/security/tutorial/pageorder/16/"},
    {"W32-CLOAK", 'A', "https://learn.microsoft.com/en-us/windows/win32/cossdk/cloaking"},
    {"W32-COMID", 'A',
     "https://github.com/MicrosoftDocs/win32/blob/docs/desktop-src/com/application-identity.md"},
    {"W32-CP", 'A',
     "https://learn.microsoft.com/en-us/windows/win32/api/processthreadsapi/"
     "nf-processthreadsapi-createprocessa"},
    {"W32-CPAU", 'A',
     "https://learn.microsoft.com/en-us/windows/win32/api/processthreadsapi/"
     "nf-processthreadsapi-createprocessasuserw"},
    {"W32-RUNAS", 'A', "https://learn.microsoft.com/windows/win32/com/runas"},
    {"WROX", 'B', ""},
};

constexpr Fact factTable[] = {
    {"F0.01", "IIS5, IIS6, IIS7+", "CONFIRMED", "SDK6-APPID TN-IMPEVAL SEED", ""},
    {"F0.02", "IIS5, IIS6, IIS7+", "CONFIRMED", "SEED", ""},
    {"F0.03", "IIS6", "CONFIRMED", "TN-IMPEVAL", ""},
    {"F0.04", "IIS7+", "CONFIRMED", "IIS-ACL", ""},
    {"F0.05", "IIS7+", "CONFIRMED", "IIS-ACL", ""},
    {"F1.01", "IIS5, IIS6", "CONFIRMED", "IIS-BUILTIN",
     "https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-server-2003/"
     "cc775569(v=ws.10)"},
    {"F1.02", "IIS5, IIS6", "CONFIRMED", "SEED KB-909887 DW-SYNC", ""},
    {"F1.03", "IIS4, IIS5", "CONFIRMED", "KB-216828 KB-218756", ""},
    {"F1.04", "IIS6", "CONFIRMED", "TN-PWSYNC KB-332167", ""},
    {"F1.05", "IIS4, IIS5", "CONFIRMED", "KB-909887",
     "https://library.thedatadungeon.com/msdn-1998-06/IISRef/devdoc/good/iishelp/iis/htm/sdk/"
     "eadg_31ym.content.htm"},
    {"F1.06", "IIS7+", "CONFIRMED", "IIS-BUILTIN KB-IDENT CERTCITIES", ""},
    {"F1.07", "IIS7+", "CONFIRMED", "IIS-ANON", ""},
    {"F1.08", "IIS7+", "CONFIRMED", "IIS-ANON IIS-APIDANON IIS-SECCHG", ""},
    {"F1.09", "IIS7+", "CONFIRMED", "IIS-POOLADD", ""},
    {"F1.10", "IIS7+", "CONFIRMED", "IIS-BUILTIN", ""},
    {"F1.11", "IIS7+", "UNCONFIRMED", "", ""},
    {"F1.12", "IIS5", "PARTIAL", "KB-332167 KB-218756 KB-216828", ""},
    {"F1.13", "IIS5, IIS6", "PARTIAL", "", "https://support.microsoft.com/kb/981949"},
    {"F1.20", "IIS5, IIS6, IIS7+", "CONFIRMED", "IIS-BASIC IIS-INTEG SDK5-ISAPI", ""},
    {"F1.21", "IIS7+", "CONFIRMED", "IIS-BASIC", ""},
    {"F1.30", "IIS6 \"Advanced Digest\", IIS7+", "CONFIRMED", "IIS-DIGEST-WMI", ""},
    {"F1.31", "IIS6", "CONFIRMED", "TN-DIGEST6", ""},
    {"F1.32", "IIS7+", "CONFIRMED", "IIS-DIGEST", ""},
    {"F1.33", "IIS6, IIS7+", "PARTIAL", "IIS-DIGEST-WMI", ""},
    {"F1.40", "IIS7+", "CONFIRMED", "IIS-WINAUTH", ""},
    {"F1.41", "IIS7+", "CONFIRMED", "KM-AMOL KM-AUTZ KM-KEN IIS-WINAUTH", ""},
    {"F1.42", "IIS7.0", "CONFIRMED PARTIAL", "IIS-BRK KM-TMARQ",
     "https://support.microsoft.com/kb/2749007"},
    {"F1.43", "all", "CONFIRMED UNCONFIRMED", "TN-UNCUSER KB-KERB", ""},
    {"F1.44", "IIS6, IIS7+", "CONFIRMED", "DW-401", ""},
    {"F1.45", "IIS7+", "CONFIRMED", "KB-IDENT", ""},
    {"F1.50", "IIS7+", "CONFIRMED", "IIS-CERT-AD IIS-CERT-IIS", ""},
    {"F1.51", "IIS7+", "CONFIRMED", "IIS-CERT-IIS", ""},
    {"F1.52", "IIS7+", "PARTIAL UNCONFIRMED", "IIS-CERT-IIS", ""},
    {"F1.53", "IIS6", "CONFIRMED", "IIS-SECCHG", ""},
    {"F1.54", "IIS6, IIS7+", "CONFIRMED", "KB-STATUS", ""},
    {"F1.60", "IIS5, IIS6, IIS7 classic", "CONFIRMED", "IIS-UPG11 KB-IDENT KB-815171 TN-NETIMP",
     ""},
    {"F1.61", "IIS7+ int", "CONFIRMED", "IIS-INTEG", ""},
    {"F1.62", "IIS7+ int", "CONFIRMED", "IIS-BRK IIS-UPG11", ""},
    {"F1.63", "ASP.NET 1.x–4.x", "CONFIRMED", "NET-WINPROV", ""},
    {"F1.64", "IIS7+", "CONFIRMED", "IIS-SECCHG", ""},
    {"F1.70", "IIS4, IIS5, IIS6", "CONFIRMED", "SDK4-MULTI TN-401", ""},
    {"F1.71", "IIS7+ hosting ASP.NET Core", "CONFIRMED", "CORE-WINAUTH", ""},
    {"F1.72", "IIS7+ int", "CONFIRMED", "IIS-UPG11", ""},
    {"F1.73", "IIS6", "CONFIRMED", "PARVEZ", ""},
    {"F1.74", "IIS6, IIS7+", "PARTIAL", "KB-STATUS SEED", ""},
    {"F1.80", "IIS6, IIS7+", "CONFIRMED", "KB-STATUS DW-401", ""},
    {"F1.81", "IIS7+", "CONFIRMED", "KB-STATUS", ""},
    {"F1.82", "IIS7+", "CONFIRMED", "KB-STATUS KB-50019", ""},
    {"F1.83", "IIS6, IIS7+", "CONFIRMED", "KB-STATUS KB-5022", ""},
    {"F1.84", "ASP.NET Core Module", "CONFIRMED", "CORE-ANCM", ""},
    {"F2.01", "IIS5", "CONFIRMED", "KB-319067 SDK5-ISAPI KB-278319", ""},
    {"F2.02", "IIS5", "CONFIRMED", "SDK6-FILTER", ""},
    {"F2.03", "IIS5", "CONFIRMED", "NET-PROCID KB-815171", ""},
    {"F2.04", "IIS5", "CONFLICT", "KB-248187 SDK5-CTX",
     "https://www.websupergoo.com/helpupload/source/4-objectref/1-xform/1-methods/setuser.htm"},
    {"F2.05", "IIS5", "CONFIRMED", "KB-184270", ""},
    {"F2.10", "IIS6", "CONFIRMED", "TN-ISO", ""},
    {"F2.11", "IIS6-WP", "CONFIRMED", "TN-POOLID6 SDK6-POOLTYPE", ""},
    {"F2.12", "IIS6-I5", "CONFIRMED", "TN-ISO TN-PMMODES", ""},
    {"F2.13", "IIS6-WP", "CONFIRMED", "TN-ISO",
     "https://learn.microsoft.com/en-us/previous-versions/hs0d274s(v=vs.80)"},
    {"F2.14", "IIS6", "CONFIRMED", "IIS-BUILTIN NET-PROCID", ""},
    {"F2.15", "IIS6", "CONFIRMED", "TN-ACC6", ""},
    {"F2.16", "IIS6 / Windows Server 2003", "CONFIRMED", "TN-ACC6", ""},
    {"F2.20", "IIS7+", "CONFIRMED", "IIS-PM", ""},
    {"F2.21", "IIS7.0 SP2, IIS7.5+", "CONFIRMED", "IIS-APID", ""},
    {"F2.22", "IIS7+", "CONFIRMED", "IIS-APID IIS-PM",
     "https://serverfault.com/questions/81165/"
     "how-to-assign-permissions-to-applicationpoolidentity-account"},
    {"F2.23", "IIS7.5+", "CONFIRMED", "IIS-APID", ""},
    {"F2.24", "IIS7+", "CONFIRMED", "IIS-BUILTIN IIS-PM KB-IDENT", ""},
    {"F2.25", "IIS7.5+", "CONFIRMED", "IIS-PM", ""},
    {"F2.26", "IIS7+", "CONFIRMED UNCONFIRMED", "IIS-PM IIS-APID-SQLX", ""},
    {"F2.27", "IIS7+", "CONFIRMED", "IIS-APID IIS-APID-SQLX IIS-ASPACCESS", ""},
    {"F2.28", "IIS7+", "CONFIRMED", "KB-IDENT", ""},
    {"F2.40", "IIS6, IIS7+", "CONFIRMED", "IIS-PM", ""},
    {"F2.41", "IIS6, IIS7+", "CONFIRMED", "IIS-PM IIS-APID", ""},
    {"F2.42", "IIS7.0 SP2+", "CONFIRMED", "IIS-APID", ""},
    {"F2.43", "IIS6, IIS7+", "CONFIRMED", "IIS-PM KB-IDENT", ""},
    {"F2.44", "IIS6, IIS7+", "PARTIAL", "KB-IDENT IIS-BUILTIN", ""},
    {"F2.45", "IIS7+", "PARTIAL UNCONFIRMED", "IIS-BUILTIN KB-216828", ""},
    {"F2.46", "all", "CONFIRMED", "", ""},
    {"F2.47", "all", "PARTIAL", "IIS-APID", ""},
    {"F2.50", "IIS4, IIS5", "CONFIRMED-3P", "SQLMAG-UNC TN-UNC6", ""},
    {"F2.51", "IIS6", "CONFIRMED", "TN-UNC6", ""},
    {"F2.52", "IIS6", "CONFLICT", "TN-UNC6 TN-UNCUSER", ""},
    {"F2.53", "IIS7+", "CONFIRMED", "IIS-VDIR IIS-CREATESITE", ""},
    {"F2.54", "IIS7+", "CONFIRMED", "KB-IDENT IIS-SECCHG", ""},
    {"F2.55", "IIS7+", "CONFIRMED-3P", "SF-38181 SF-PASSTHRU", ""},
    {"F2.56", "IIS7+", "CONFIRMED", "KB-50019", ""},
    {"F3.01", "IIS5, IIS6-I5", "CONFIRMED", "SDK6-FILTER", ""},
    {"F3.02", "IIS6-WP, IIS7+", "CONFIRMED", "SDK6-FILTER", ""},
    {"F3.03", "IIS5, IIS6", "PARTIAL", "SDK6-FILTER SEED", ""},
    {"F3.04", "IIS6", "CONFIRMED", "DW-TOKEN", ""},
    {"F3.10", "IIS5, IIS6, IIS7+", "CONFIRMED PARTIAL", "SDK5-ISAPI TN-IMPEVAL SDK6-APPID IIS-ACL",
     ""},
    {"F3.11", "IIS5, IIS6", "CONFIRMED", "SDK5-ISAPI SDK6-ISAPIID", ""},
    {"F3.12", "IIS5, IIS6", "CONFIRMED UNCONFIRMED", "SDK5-ISAPI SDK6-ISAPIID", ""},
    {"F3.13", "all", "CONFIRMED", "SDK6-APPID", ""},
    {"F3.14", "IIS6", "CONFIRMED", "DW-TOKEN", ""},
    {"F3.15", "IIS6 \"Web Service Extensions\", IIS7+ `<isapiCgiRestriction>`", "CONFIRMED",
     "IIS-SECCHG KB-STATUS", ""},
    {"F3.20", "IIS5, IIS6", "CONFIRMED", "TN-CPAU6 SEED", ""},
    {"F3.21", "IIS7+", "CONFIRMED", "IIS-CGI", ""},
    {"F3.22", "IIS7+", "CONFLICT", "IIS-CGI-WMI IIS-CGI TN-CPAU6", ""},
    {"F3.23", "IIS6, IIS7+", "CONFIRMED", "TN-ACC6 KB-STATUS W32-CPAU",
     "https://support.microsoft.com/kb/981949"},
    {"F3.24", "IIS6, IIS7+", "CONFIRMED", "KB-5022 KB-STATUS KB-921484", ""},
    {"F3.25", "all", "CONFIRMED", "W32-CPAU", ""},
    {"F3.30", "IIS7+, IIS5.1/6 with the FastCGI extension", "PARTIAL", "IIS-ACL SF-282806 SEED",
     ""},
    {"F3.31", "PHP on Windows", "CONFIRMED", "PHP-CGI PHP-FCGI", ""},
    {"F3.32", "IIS7+", "CONFIRMED", "IIS-FCGI PHP-FCGI", ""},
    {"F3.33", "IIS7+", "CONFIRMED", "IIS-PHPIMP IIS-ACL", ""},
    {"F3.34", "IIS7+", "CONFIRMED", "SF-282806 BSWAN", ""},
    {"F3.35", "IIS5, IIS6", "PARTIAL", "", ""},
    {"F3.36", "PHP on Windows", "CONFIRMED UNCONFIRMED", "PHP-TSRM", ""},
    {"F3.40", "IIS5, IIS6, IIS7+", "CONFIRMED", "TN-IMPEVAL KB-STATUS SF-179627", ""},
    {"F3.41", "IIS7+", "CONFIRMED", "SF-780325 IIS-SECCHG", ""},
    {"F3.42", "IIS7.5+", "CONFIRMED", "IIS-RUNTIME", ""},
    {"F3.43", "IIS7+", "CONFIRMED", "IIS-ACL", ""},
    {"F3.50", "IIS4–IIS10", "CONFIRMED", "TN-ASPIMP KB-248187 IIS-APID-SQLX", ""},
    {"F3.51", "IIS7+", "CONFIRMED", "IIS-ASPACCESS", ""},
    {"F3.52", "IIS5", "CONFIRMED", "SDK5-CTX", ""},
    {"F3.53", "IIS4, IIS5", "CONFIRMED PARTIAL", "KB-248187 TN-ONEND6 IIS-ASP", ""},
    {"F3.54", "IIS5, IIS6", "CONFIRMED", "IIS-APIDANON", ""},
    {"F3.55", "IIS7+", "CONFIRMED", "IIS-APIDANON IIS-SECCHG", ""},
    {"F3.56", "IIS6", "CONFIRMED", "SDK6-COMPLUS", ""},
    {"F3.57", "IIS7+", "CONFIRMED", "IIS-ASP", ""},
    {"F3.58", "IIS4, IIS5", "CONFIRMED", "KB-278319", ""},
    {"F3.60", "IIS5, IIS6, IIS7+", "CONFIRMED", "TN-NETIMP NET-IMP KB-IDENT", ""},
    {"F3.61", "IIS5, IIS6, IIS7+", "CONFIRMED", "NET-IMP TN-NETIMP KB-IDENT", ""},
    {"F3.62", "IIS5, IIS6, IIS7+", "CONFIRMED", "TN-NETIMP WROX", ""},
    {"F3.63", "ASP.NET", "CONFIRMED", "NET-IMP", ""},
    {"F3.64", "IIS6 / ASP.NET 2.0", "CONFIRMED UNCONFIRMED", "WROX", ""},
    {"F3.65", "ASP.NET 2.0", "CONFIRMED", "WROX", ""},
    {"F3.66", "IIS6", "CONFIRMED-3P", "VB-UNC", ""},
    {"F3.67", "ASP.NET 2.0+", "CONFIRMED", "NET-FLOW", ""},
    {"F3.68", "ASP.NET 2.0+", "CONFIRMED", "NET-HOSTIMP", ""},
    {"F3.69", "ASP.NET", "CONFIRMED", "NET-FILEAUTHZ", ""},
    {"F3.70", "IIS7+ int", "CONFIRMED UNCONFIRMED", "IIS-BRK IIS-VALID KB-STATUS", ""},
    {"F3.71", "IIS7+ int, validation off", "CONFIRMED", "IIS-UPG11 IIS-BRK", ""},
    {"F3.72", "IIS7+ int", "CONFIRMED", "KB-STATUS IIS-VALID IIS-BRK", ""},
    {"F3.73", "IIS7+ classic", "CONFIRMED", "IIS-SECCHG IIS-INTEG", ""},
    {"F3.74", "IIS7+ int", "CONFIRMED", "IIS-BRK", ""},
    {"F3.75", "IIS7+", "CONFIRMED", "KB-IDENT",
     "https://learn.microsoft.com/en-us/iis/application-frameworks/"
     "scenario-build-an-aspnet-website-on-iis/configuring-step-4-configure-application-security"},
    {"F3.76", "IIS7+", "PARTIAL", "IIS-VALID", ""},
    {"F3.80", "IIS7.5+ with ANCM", "CONFIRMED", "CORE-INPROC CORE-ANCM", ""},
    {"F3.81", "IIS7.5+ with ANCM", "PARTIAL", "CORE-ANCM CORE-WINAUTH", ""},
    {"F3.82", "ANCM", "CONFIRMED", "CORE-ANCM", ""},
    {"F3.83", "ASP.NET Core", "CONFIRMED", "CORE-WINAUTH", ""},
    {"F3.84", "ASP.NET Core on IIS", "CONFIRMED", "CORE-INPROC CORE-IIS", ""},
    {"F3.90", "all Windows", "CONFIRMED", "W32-CP", ""},
    {"F3.91", "ASP.NET", "CONFIRMED", "KB-889251", ""},
    {"F3.92", "all Windows", "CONFIRMED", "W32-CPAU", ""},
    {"F3.100", "all Windows", "CONFIRMED", "W32-COMID", ""},
    {"F3.101", "all Windows", "CONFIRMED", "W32-COMID W32-RUNAS", ""},
    {"F3.102", "all Windows", "CONFIRMED", "W32-CLOAK", ""},
    {"F3.103", "IIS", "UNCONFIRMED", "", ""},
    {"F4.01", "IIS7+", "CONFIRMED", "KB-50019", ""},
    {"F4.02", "IIS7+", "CONFIRMED", "SF-247509 KB-50019", ""},
    {"F4.03", "ASP.NET", "CONFIRMED", "NET-IMP", ""},
    {"F4.04", "IIS7+", "CONFIRMED", "IIS-VDIR", ""},
    {"F4.05", "IIS7+", "CONFIRMED", "KB-IDENT", ""},
    {"F4.06", "IIS7+", "CONFIRMED", "IIS-ACL SF-179627 SF-282806", ""},
    {"F4.07", "IIS7+", "CONFIRMED-3P", "SF-179627", ""},
    {"F4.08", "IIS7+", "CONFIRMED", "KB-IDENT", ""},
    {"F4.09", "IIS7+ int, ASP.NET impersonate=false, anonymous", "UNCONFIRMED", "", ""},
    {"F4.10", "ASP.NET on UNC", "CONFIRMED", "WROX", ""},
};

} // namespace

std::span<const SourceRef> sources() {
    return sourceTable;
}

std::span<const Fact> facts() {
    return factTable;
}

const SourceRef *findSource(std::string_view key) {
    const auto it = std::find_if(std::begin(sourceTable), std::end(sourceTable),
                                 [key](const SourceRef &s) { return s.key == key; });
    return it == std::end(sourceTable) ? nullptr : &*it;
}

const Fact *findFact(std::string_view id) {
    const auto it = std::find_if(std::begin(factTable), std::end(factTable),
                                 [id](const Fact &f) { return f.id == id; });
    return it == std::end(factTable) ? nullptr : &*it;
}

} // namespace iisid
