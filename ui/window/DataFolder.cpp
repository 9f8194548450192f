#include "DataFolder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace iisid::ui {

namespace {

QString subfolder(const QString &path, const char *name) {
    return path.isEmpty() ? QString() : QDir(path).filePath(QLatin1String(name));
}

} // namespace

DataFolder DataFolder::find() {
    Places places;
    places.environment = qEnvironmentVariable("IISID_DATA_DIR");
    places.executableDir = QCoreApplication::applicationDirPath();
#ifdef IISID_SOURCE_RESOURCES_DIR
    places.sourceResources = QStringLiteral(IISID_SOURCE_RESOURCES_DIR);
#endif
    return find(places);
}

DataFolder DataFolder::find(const Places &places) {
    QStringList candidates;
    if (!places.environment.isEmpty()) {
        candidates << places.environment;
    } else {
        if (!places.executableDir.isEmpty())
            candidates << QDir::cleanPath(places.executableDir + QStringLiteral("/../share/iisid"));
        if (!places.sourceResources.isEmpty())
            candidates << QDir::cleanPath(places.sourceResources);
    }
    DataFolder folder;
    for (const QString &candidate : candidates) {
        folder.m_searched << candidate;
        if (QFileInfo(candidate).isDir()) {
            folder.m_path = candidate;
            break;
        }
    }
    return folder;
}

QString DataFolder::lessons() const {
    return subfolder(m_path, "lessons");
}

QString DataFolder::scenarios() const {
    return subfolder(m_path, "scenarios");
}

} // namespace iisid::ui
