#pragma once

#include <QString>
#include <QStringList>

namespace iisid::ui {

/// The folder of the program's bundled files: `lessons/` (lesson files) and `scenarios/`
/// (scenario files). The program looks in these places, in this order, and takes the first that
/// exists:
///   1. `$IISID_DATA_DIR`, when set (then nowhere else: the user chose);
///   2. `<folder of the executable>/../share/iisid`: an installed program, whatever the prefix;
///   3. the source tree's `resources/`: a program run from its build tree.
class DataFolder {
public:
    /// Where a search looks; empty members are skipped.
    struct Places {
        QString environment;     ///< the value of IISID_DATA_DIR
        QString executableDir;   ///< the folder holding the running executable
        QString sourceResources; ///< the source tree's resources/ folder
    };

    /// Searches the places of the running program (needs a QCoreApplication).
    static DataFolder find();
    /// Searches the given places.
    static DataFolder find(const Places &places);

    /// The folder found; empty when none exists.
    const QString &path() const { return m_path; }
    /// Every folder looked at, in order, for messages ("looked in A, B").
    const QStringList &searched() const { return m_searched; }

    /// `<path>/lessons` and `<path>/scenarios`; empty when no folder was found.
    QString lessons() const;
    QString scenarios() const;

private:
    QString m_path;
    QStringList m_searched;
};

} // namespace iisid::ui
