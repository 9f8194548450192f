#include "LessonLibrary.h"

#include "ui/window/DataFolder.h"
#include "ui/window/QtText.h"

#include <QDir>
#include <QFile>

namespace iisid::ui {

LessonLibrary::LessonLibrary() {
    const DataFolder data = DataFolder::find();
    if (data.path().isEmpty()) {
        Diagnostic error;
        error.location.file = "lessons";
        error.message = "no folder of bundled lessons found; looked in " +
                        toStdString(data.searched().join(QStringLiteral(", "))) +
                        " (IISID_DATA_DIR names the folder that holds lessons/)";
        m_errors.push_back(std::move(error));
        return;
    }
    load(data.lessons());
}

LessonLibrary::LessonLibrary(const QString &directory) {
    load(directory);
}

const Lesson *LessonLibrary::find(std::string_view id) const {
    for (const Lesson &lesson : m_lessons) {
        if (lesson.id == id)
            return &lesson;
    }
    return nullptr;
}

void LessonLibrary::load(const QString &directory) {
    m_directory = directory;
    const QDir dir(directory);
    if (!dir.exists()) {
        Diagnostic error;
        error.location.file = toStdString(directory);
        error.message = "no such folder";
        m_errors.push_back(std::move(error));
        return;
    }
    const QStringList names =
        dir.entryList({QStringLiteral("*.json")}, QDir::Files | QDir::Readable, QDir::Name);
    for (const QString &name : names) {
        // Diagnostics name the whole path: the folder may be an installed one.
        const std::string path = toStdString(dir.filePath(name));
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly)) {
            Diagnostic error;
            error.location.file = path;
            error.message = toStdString(file.errorString());
            m_errors.push_back(std::move(error));
            continue;
        }
        const QByteArray text = file.readAll();
        Result<Lesson> lesson = readLesson(
            std::string_view(text.constData(), static_cast<std::size_t>(text.size())), path);
        if (lesson.ok())
            m_lessons.push_back(std::move(lesson).value());
        else
            m_errors.insert(m_errors.end(), lesson.errors().begin(), lesson.errors().end());
    }
}

int LessonLibrary::indexOf(std::string_view id) const {
    for (int index = 0; index < size(); ++index) {
        if (at(index).id == id)
            return index;
    }
    return -1;
}

} // namespace iisid::ui
