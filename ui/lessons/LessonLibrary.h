#pragma once

#include "model/diagnostic.h"
#include "model/lesson.h"

#include <QString>

#include <string_view>
#include <vector>

namespace iisid::ui {

/// The lessons in a folder (`*.json`), read with the model's readLesson, sorted by file name. A
/// file that does not read is kept out of lessons() and its diagnostics are listed in errors(),
/// as is a folder that does not exist.
class LessonLibrary {
public:
    /// Loads the program's bundled lessons: the `lessons/` folder of DataFolder::find().
    LessonLibrary();
    /// Loads every *.json in a directory (a folder on disk or a Qt resource path).
    explicit LessonLibrary(const QString &directory);

    /// The folder the lessons were read from; empty when no data folder was found.
    const QString &directory() const { return m_directory; }
    /// The lesson with this id; nullptr when there is none.
    const iisid::Lesson *find(std::string_view id) const;

    const std::vector<iisid::Lesson> &lessons() const { return m_lessons; }
    const std::vector<iisid::Diagnostic> &errors() const { return m_errors; }
    int size() const { return static_cast<int>(m_lessons.size()); }
    const iisid::Lesson &at(int index) const {
        return m_lessons.at(static_cast<std::size_t>(index));
    }

    /// The index of the lesson with this id, or -1.
    int indexOf(std::string_view id) const;

private:
    void load(const QString &directory);

    QString m_directory;
    std::vector<iisid::Lesson> m_lessons;
    std::vector<iisid::Diagnostic> m_errors;
};

} // namespace iisid::ui
