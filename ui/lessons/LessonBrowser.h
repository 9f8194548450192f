#pragma once

#include "model/lesson.h"

#include <QWidget>

#include <vector>

class QListWidget;

namespace iisid::ui {

/// The list of lessons: title in bold, the start of the story beneath. Activating an entry
/// (double click, Enter) emits lessonChosen with its index in the list given to setLessons.
class LessonBrowser : public QWidget {
    Q_OBJECT
public:
    explicit LessonBrowser(QWidget *parent = nullptr);

    void setLessons(const std::vector<iisid::Lesson> &lessons);
    int count() const;
    int currentIndex() const;
    void setCurrentIndex(int index);

signals:
    void lessonChosen(int index);

protected:
    /// A lower list (the answer comes under the lesson at the reveal) keeps the current lesson
    /// in view.
    void resizeEvent(QResizeEvent *event) override;

private:
    QListWidget *m_list = nullptr;
};

} // namespace iisid::ui
