#pragma once

#include "model/diagnostic.h"
#include "model/lesson.h"

#include <QString>

#include <string_view>
#include <vector>

namespace iisid::ui {

/// The lessons bundled in the program's resources (":/lessons/*.json"), read with the model's
/// readLesson, sorted by file name. A file that does not read is kept out of lessons() and its
/// diagnostics are listed in errors().
class LessonLibrary {
public:
    /// Loads from the bundled resources.
    LessonLibrary();
    /// Loads every *.json in a directory (a Qt resource path or a folder on disk).
    explicit LessonLibrary(const QString &directory);

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

    std::vector<iisid::Lesson> m_lessons;
    std::vector<iisid::Diagnostic> m_errors;
};

} // namespace iisid::ui
