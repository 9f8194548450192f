#pragma once

#include <QSettings>
#include <QString>
#include <QStringList>

namespace iisid::ui {

// The File menus' recent lists (scenario files, configuration checks), kept in QSettings.

/// The list under `key`, most recent first.
inline QStringList recentEntries(const QString &key) {
    return QSettings().value(key).toStringList();
}

/// Puts `entry` first in the list under `key`, once, keeping at most `limit` entries.
inline void rememberRecent(const QString &key, const QString &entry, int limit) {
    QStringList entries = recentEntries(key);
    entries.removeAll(entry);
    entries.prepend(entry);
    while (entries.size() > limit)
        entries.removeLast();
    QSettings().setValue(key, entries);
}

} // namespace iisid::ui
