#include "LessonBrowser.h"

#include "ui/window/QtText.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace iisid::ui {

namespace {

/// The story's opening, cut at a word near maxLength.
QString preview(const std::string &story) {
    constexpr qsizetype maxLength = 110;
    QString text = toQString(story);
    if (text.size() <= maxLength)
        return text;
    qsizetype cut = text.lastIndexOf(QLatin1Char(' '), maxLength);
    if (cut < maxLength / 2)
        cut = maxLength;
    return text.left(cut) + QStringLiteral("\u2026");
}

} // namespace

LessonBrowser::LessonBrowser(QWidget *parent)
    : QWidget(parent) {
    setAccessibleName(tr("Lessons"));
    auto *heading = new QLabel(tr("Lessons: predict, then reveal"), this);
    QFont bold; // only the weight, so the size follows the browser's font
    bold.setBold(true);
    heading->setFont(bold);

    m_list = new QListWidget(this);
    m_list->setAccessibleName(tr("Lesson list"));
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSpacing(2);
    connect(m_list, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { emit lessonChosen(m_list->row(item)); });

    auto *open = new QPushButton(tr("Open lesson"), this);
    open->setAccessibleName(tr("Open the selected lesson"));
    connect(open, &QPushButton::clicked, this, [this] {
        if (m_list->currentRow() >= 0)
            emit lessonChosen(m_list->currentRow());
    });
    connect(m_list, &QListWidget::currentRowChanged, open,
            [open](int row) { open->setEnabled(row >= 0); });
    open->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(m_list, 1);
    layout->addWidget(open);
}

void LessonBrowser::setLessons(const std::vector<iisid::Lesson> &lessons) {
    m_list->clear();
    int number = 1;
    for (const Lesson &lesson : lessons) {
        const QString title = toQString(lesson.title);
        auto *item = new QListWidgetItem(
            QStringLiteral("%1. %2\n%3").arg(number).arg(title, preview(lesson.story)), m_list);
        item->setToolTip(toQString(lesson.story));
        item->setData(Qt::UserRole, toQString(lesson.id));
        item->setData(Qt::AccessibleTextRole, title);
        item->setData(Qt::AccessibleDescriptionRole, toQString(lesson.story));
        ++number;
    }
}

int LessonBrowser::count() const {
    return m_list->count();
}

int LessonBrowser::currentIndex() const {
    return m_list->currentRow();
}

void LessonBrowser::setCurrentIndex(int index) {
    m_list->setCurrentRow(index);
}

void LessonBrowser::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    // The list lays its wrapped entries out again after the resize: scroll once it has.
    QTimer::singleShot(0, m_list, [list = m_list] {
        if (QListWidgetItem *current = list->currentItem())
            list->scrollToItem(current);
    });
}

} // namespace iisid::ui
