// The "Content" group: where the files are, the Connect-as account and who may read them.

#include "settings_catalogue.h"

namespace iisid::catalogue {

std::vector<Setting> contentSettings() {
    std::vector<Setting> list;
    Setting path = textSetting(
        {"content.path", group::content, "Physical path",
         "Where the site's files are: a local folder, or a UNC share (\\\\server\\share\\...).",
         "F2.51 F2.53"},
        field::contentPath, false);
    path.defaultNote = "C:\\inetpub\\wwwroot from IIS 7.0, C:\\Inetpub\\wwwroot before";
    path.samples = {SettingValue(), std::string("\\\\FS1\\web\\site1")};
    list.push_back(std::move(path));

    Setting connectAs = textSetting(
        {"content.connectAs", group::content, "Connect as",
         "The account configured on the virtual directory (\"Connect as\", IIS 6 UNCUserName) "
         "that reads the content (and on IIS 7+ the configuration files); none means pass-"
         "through.",
         "F2.51 F2.53 F2.54"},
        field::connectAs, true);
    connectAs.valueProblem = accountNameProblem;
    connectAs.samples = {SettingValue(), std::string("CONTOSO\\uncuser")};
    list.push_back(std::move(connectAs));

    Setting connectAsPassword =
        boolSetting({"content.connectAsPasswordValid", group::content, "Connect-as password valid",
                     "Whether the stored Connect-as password is right.", "F1.82 F2.52"},
                    field::connectAsPasswordValid);
    connectAsPassword.inactiveReason = [](const Scenario &s) -> Reason {
        if (!field::connectAs.written(s))
            return std::string("no Connect-as account is configured");
        return std::nullopt;
    };
    list.push_back(std::move(connectAsPassword));

    Setting readable = listSetting(
        {"content.readableBy", group::content, "Who can read the content",
         "The accounts and groups the NTFS (or share) permissions let read the content; absent "
         "means everyone. Use Everyone, IIS_IUSRS, Authenticated Users or account names. Denials "
         "give 401.3 (request identity) or 500.19 (the worker reading configuration).",
         "F3.40 F4.01 F4.02 F4.06"},
        field::readableBy);
    readable.valueProblem = accountNameProblem;
    readable.samples = {SettingValue(), std::vector<std::string>{"CONTOSO\\alice"}};
    list.push_back(std::move(readable));
    return list;
}

} // namespace iisid::catalogue
