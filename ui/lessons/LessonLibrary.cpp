#include "LessonLibrary.h"

#include "ui/window/QtText.h"

#include <QDir>
#include <QFile>

namespace iisid::ui {

LessonLibrary::LessonLibrary()
    : LessonLibrary(QStringLiteral(":/lessons")) {}

LessonLibrary::LessonLibrary(const QString &directory) {
    load(directory);
}

void LessonLibrary::load(const QString &directory) {
    const QDir dir(directory);
    const QStringList names =
        dir.entryList({QStringLiteral("*.json")}, QDir::Files | QDir::Readable, QDir::Name);
    for (const QString &name : names) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly)) {
            Diagnostic error;
            error.location.file = toStdString(name);
            error.message = toStdString(file.errorString());
            m_errors.push_back(std::move(error));
            continue;
        }
        const QByteArray text = file.readAll();
        Result<Lesson> lesson =
            readLesson(std::string_view(text.constData(), static_cast<std::size_t>(text.size())),
                       toStdString(name));
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
