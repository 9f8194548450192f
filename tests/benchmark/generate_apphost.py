#!/usr/bin/env python3
"""Writes a large applicationHost.config for the configuration reader benchmark:
20,000 sites (3 applications each), pools of every identity type, some <location> blocks;
about 22 MB. Usage: generate_apphost.py OUTPUT [SITES]"""
import sys

IDENTITIES = ["ApplicationPoolIdentity", "NetworkService", "LocalService", "LocalSystem",
              "SpecificUser"]


def main():
    out_path = sys.argv[1]
    sites = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
    pools = 500
    with open(out_path, "w", encoding="utf-8", newline="\r\n") as out:
        w = out.write
        w('<?xml version="1.0" encoding="UTF-8"?>\n<configuration>\n')
        w('  <configSections>\n    <sectionGroup name="system.webServer">\n'
          '      <section name="handlers" overrideModeDefault="Deny" />\n'
          '      <sectionGroup name="security"><sectionGroup name="authentication">\n'
          '        <section name="anonymousAuthentication" overrideModeDefault="Deny" />\n'
          '        <section name="windowsAuthentication" overrideModeDefault="Deny" />\n'
          '      </sectionGroup></sectionGroup>\n    </sectionGroup>\n  </configSections>\n')
        w('  <configProtectedData><providers><add name="IISCngProvider" type="x" /></providers>'
          '</configProtectedData>\n')
        w('  <system.applicationHost>\n    <applicationPools>\n')
        for p in range(pools):
            identity = IDENTITIES[p % len(IDENTITIES)]
            user = (' userName="CONTOSO\\svc%d" password="[enc:IISWASOnlyCngProvider:'
                    'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=:enc]"' % p) if identity == "SpecificUser" else ""
            mode = ' managedPipelineMode="Classic"' if p % 7 == 0 else ""
            w('      <add name="Pool%d" managedRuntimeVersion="v4.0"%s>\n'
              '        <processModel identityType="%s"%s loadUserProfile="true" />\n'
              '      </add>\n' % (p, mode, identity, user))
        w('      <applicationPoolDefaults managedRuntimeVersion="v4.0">\n'
          '        <processModel identityType="ApplicationPoolIdentity" loadUserProfile="true" '
          'setProfileEnvironment="false" />\n      </applicationPoolDefaults>\n')
        w('    </applicationPools>\n    <sites>\n')
        for s in range(1, sites + 1):
            pool = "Pool%d" % (s % pools)
            w('      <site name="Site %05d.example.com" id="%d" serverAutoStart="true">\n' % (s, s))
            for a, app in enumerate(["/", "/api", "/legacy/app"]):
                extra = (' userName="CONTOSO\\content%d" password="[enc:IISCngProvider:'
                         'QUJDREVGR0hJSktMTU5PUFFS:enc]"' % s) if a == 2 else ""
                w('        <application path="%s" applicationPool="%s">\n'
                  '          <virtualDirectory path="/" physicalPath="D:\\sites\\site%05d%s"%s />\n'
                  '        </application>\n' % (app, pool, s, app.replace("/", "\\").rstrip("\\"), extra))
            w('        <bindings>\n'
              '          <binding protocol="http" bindingInformation="*:80:site%05d.example.com" />\n'
              '          <binding protocol="https" bindingInformation="*:443:site%05d.example.com" sslFlags="1" />\n'
              '        </bindings>\n'
              '        <logFile directory="D:\\logs\\site%05d" />\n'
              '        <traceFailedRequestsLogging enabled="false" directory="D:\\trace\\site%05d" />\n'
              '      </site>\n' % (s, s, s, s))
        w('      <siteDefaults><logFile logFormat="W3C" directory="%SystemDrive%\\inetpub\\logs\\LogFiles" />'
          '</siteDefaults>\n      <applicationDefaults applicationPool="Pool0" />\n'
          '      <virtualDirectoryDefaults allowSubDirConfig="true" />\n    </sites>\n'
          '  </system.applicationHost>\n')
        w('  <system.webServer>\n    <security><authentication>\n'
          '      <anonymousAuthentication enabled="true" userName="IUSR" />\n'
          '      <windowsAuthentication enabled="false" />\n    </authentication></security>\n'
          '    <handlers accessPolicy="Read, Script">\n'
          '      <add name="PageHandlerFactory-Integrated-4.0" path="*.aspx" verb="GET,HEAD,POST,DEBUG" '
          'type="System.Web.UI.PageHandlerFactory" preCondition="integratedMode,runtimeVersionv4.0" />\n'
          '      <add name="StaticFile" path="*" verb="*" modules="StaticFileModule,DefaultDocumentModule" '
          'resourceType="Either" requireAccess="Read" />\n    </handlers>\n  </system.webServer>\n')
        for s in range(1, sites + 1, 10):
            w('  <location path="Site %05d.example.com/api">\n    <system.webServer><security>'
              '<authentication>\n      <anonymousAuthentication userName="" />\n'
              '      <windowsAuthentication enabled="true" />\n'
              '    </authentication></security></system.webServer>\n  </location>\n' % s)
        w('</configuration>\n')


main()
