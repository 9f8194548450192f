#include "LessonPanel.h"

#include "model/compare.h"
#include "model/resolver.h"
#include "ui/window/QtText.h"

#include <QButtonGroup>
#include <QEvent>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include <algorithm>

namespace iisid::ui {

namespace {

/// A choice: a radio button as tall as its font's line clips the underscore of
/// "WEB01\IUSR_WEB01" (seen under Xvfb with DejaVu Sans, at every size), so it asks for a
/// little room below the text, in proportion to the font as the presenter mode enlarges it.
class ChoiceButton : public QRadioButton {
public:
    using QRadioButton::QRadioButton;
    QSize sizeHint() const override { return withRoom(QRadioButton::sizeHint()); }
    QSize minimumSizeHint() const override { return withRoom(QRadioButton::minimumSizeHint()); }

private:
    QSize withRoom(QSize size) const {
        size.rheight() += fontMetrics().descent() / 3 + 1;
        return size;
    }
};

} // namespace

namespace {

QLabel *textLabel(QWidget *parent, const QString &objectName, const QString &accessibleName) {
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAccessibleName(accessibleName);
    return label;
}

/// The room between the story and the question.
constexpr int storyGap = 6;

/// Bold and nothing else, so the size still follows the panel (presenter mode enlarges it).
QFont boldFont() {
    QFont font;
    font.setBold(true);
    return font;
}

} // namespace

LessonPanel::LessonPanel(QWidget *parent)
    : QWidget(parent) {
    setAccessibleName(tr("Lesson"));
    setFocusPolicy(Qt::StrongFocus);

    m_title = textLabel(this, QStringLiteral("lessonTitle"), tr("Lesson title"));
    updateTitleFont();
    m_story = textLabel(this, QStringLiteral("lessonStory"), tr("Story"));
    m_question = textLabel(this, QStringLiteral("lessonQuestion"), tr("Question"));
    m_question->setFont(boldFont());

    m_choiceGroup = new QButtonGroup(this);
    m_choiceGroup->setExclusive(true);
    connect(m_choiceGroup, &QButtonGroup::idClicked, this, [this](int id) { choose(id); });

    m_revealButton = new QPushButton(tr("Reveal"), this);
    m_revealButton->setAccessibleName(tr("Reveal the answer"));
    m_revealButton->setToolTip(tr("Show the model's answer (Enter)"));
    connect(m_revealButton, &QPushButton::clicked, this, &LessonPanel::reveal);

    m_verdict = textLabel(this, QStringLiteral("lessonVerdict"), tr("Verdict"));
    m_verdict->setFont(boldFont());
    m_reason = textLabel(this, QStringLiteral("lessonReason"), tr("Reason"));

    m_hint = new QLabel(tr("Keys: 1\u20134 choose, Enter reveals."), this);
    m_hint->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    m_layout = layout;
    layout->addWidget(m_title);
    layout->addWidget(m_story);
    layout->addSpacing(storyGap);
    layout->addWidget(m_question);
    m_choiceLayout = new QGridLayout;
    m_choiceLayout->setVerticalSpacing(0); // each choice has its own room below its text
                                           // (ChoiceButton)
    layout->addLayout(m_choiceLayout);
    layout->addWidget(m_revealButton, 0, Qt::AlignLeft);
    layout->addWidget(m_verdict);
    layout->addWidget(m_reason);
    layout->addStretch(1);
    layout->addWidget(m_hint);

    m_title->setText(tr("No lesson chosen"));
    m_revealButton->setEnabled(false);
    m_verdict->hide();
    m_reason->hide();
}

void LessonPanel::setLesson(const iisid::Lesson &lesson) {
    clearChoices();
    m_lesson = lesson;
    m_resolution = resolve(lesson.scenario);
    m_correct = correctChoice(lesson, m_resolution);
    m_chosen = -1;
    m_revealed = false;

    m_title->setText(toQString(lesson.title));
    m_story->setText(toQString(lesson.story));
    m_question->setText(toQString(lesson.question));
    const bool status = lesson.answerField == "http";
    for (std::size_t i = 0; i < lesson.choices.size(); ++i) {
        const QString choice =
            (status ? QStringLiteral("HTTP ") : QString()) + toQString(lesson.choices[i]);
        // "&&": an ampersand in a choice is text, not a mnemonic.
        auto *button =
            new ChoiceButton(QStringLiteral("&%1  %2").arg(i + 1).arg(
                                 QString(choice).replace(QLatin1Char('&'), QStringLiteral("&&"))),
                             this);
        button->setObjectName(QStringLiteral("lessonChoice_%1").arg(i));
        button->setAccessibleName(tr("Choice %1: %2").arg(i + 1).arg(choice));
        m_choiceGroup->addButton(button, static_cast<int>(i));
        m_choiceButtons.push_back(button);
        m_choiceTexts.push_back(choice);
    }
    placeChoices();
    // Tab order as read: the choices, then Reveal (the buttons were created after Reveal).
    for (std::size_t i = 1; i < m_choiceButtons.size(); ++i)
        setTabOrder(m_choiceButtons[i - 1], m_choiceButtons[i]);
    if (!m_choiceButtons.empty())
        setTabOrder(m_choiceButtons.back(), m_revealButton);
    m_revealButton->setEnabled(true);
    m_hint->show();
    m_verdict->clear();
    m_verdict->hide();
    m_reason->clear();
    m_reason->hide();
}

void LessonPanel::setChoiceColumns(int columns) {
    columns = std::max(1, columns);
    if (columns == m_choiceColumns)
        return;
    m_choiceColumns = columns;
    placeChoices();
}

int LessonPanel::heightFromQuestion(int width) const {
    const QMargins margins = m_layout->contentsMargins();
    const int inner = width - margins.left() - margins.right();
    // The title and the story, each followed by the layout's spacing, then the gap (a spacer,
    // which takes no spacing of its own).
    const int spacing = std::max(m_layout->spacing(), 0);
    const int above =
        m_title->heightForWidth(inner) + m_story->heightForWidth(inner) + 2 * spacing + storyGap;
    return std::max(0, heightForWidth(width) - above);
}

int LessonPanel::questionTop() const {
    return std::max(0, m_question->y() - storyGap);
}

void LessonPanel::placeChoices() {
    for (QRadioButton *button : m_choiceButtons)
        m_choiceLayout->removeWidget(button);
    for (std::size_t i = 0; i < m_choiceButtons.size(); ++i) {
        const int index = static_cast<int>(i);
        m_choiceLayout->addWidget(m_choiceButtons[i], index / m_choiceColumns,
                                  index % m_choiceColumns);
    }
}

void LessonPanel::clearChoices() {
    for (QRadioButton *button : m_choiceButtons) {
        m_choiceGroup->removeButton(button);
        delete button;
    }
    m_choiceButtons.clear();
    m_choiceTexts.clear();
}

void LessonPanel::choose(int index) {
    if (!m_lesson || m_revealed || index < 0 || index >= static_cast<int>(m_choiceButtons.size()))
        return;
    m_choiceButtons[static_cast<std::size_t>(index)]->setChecked(true);
    if (m_chosen == index)
        return;
    m_chosen = index;
    emit choiceMade(index);
}

void LessonPanel::reveal() {
    if (!m_lesson || m_revealed)
        return;
    m_revealed = true;
    // The prediction is locked, but the choices stay readable at full contrast: they ignore the
    // mouse and the keyboard instead of being greyed out.
    for (QRadioButton *button : m_choiceButtons) {
        button->setAttribute(Qt::WA_TransparentForMouseEvents);
        button->setFocusPolicy(Qt::NoFocus);
    }
    m_revealButton->setEnabled(false);
    m_hint->hide(); // the keys have done their part
    showVerdict();
    emit revealRequested();
}

QString LessonPanel::verdictText() const {
    return m_verdict->text();
}

QString LessonPanel::reasonText() const {
    return m_reason->text();
}

void LessonPanel::showVerdict() {
    const std::optional<std::string> value = fieldValue(m_resolution, m_lesson->answerField);
    QString answer;
    if (m_correct) {
        answer = m_choiceTexts.at(*m_correct);
        QRadioButton *right = m_choiceButtons[static_cast<std::size_t>(*m_correct)];
        // The marks only (the verdict below says it in words, and so do the names a screen
        // reader reads), so a choice stays narrow enough for the lesson's column in presenter
        // mode.
        right->setText(right->text() + QStringLiteral("  \u2714"));
        right->setAccessibleName(right->accessibleName() + QLatin1Char(' ') + tr("(the answer)"));
        right->setFont(boldFont());
        if (m_chosen >= 0 && m_chosen != *m_correct) {
            QRadioButton *wrong = m_choiceButtons[static_cast<std::size_t>(m_chosen)];
            wrong->setText(wrong->text() + QStringLiteral("  \u2718"));
            wrong->setAccessibleName(wrong->accessibleName() + QLatin1Char(' ') +
                                     tr("(your prediction)"));
        }
    } else {
        answer = value ? toQString(*value) : toQString(noneChoice);
    }

    QString verdict;
    if (!m_correct)
        verdict = tr("The model resolves %1, which is none of the choices.").arg(answer);
    else if (m_chosen < 0)
        verdict = tr("No prediction made. The answer: %1.").arg(answer);
    else if (m_chosen == *m_correct)
        verdict = tr("\u2714 Right: %1.").arg(answer);
    else
        verdict = tr("\u2718 Not quite: you chose %1; the answer is %2.")
                      .arg(m_choiceTexts.at(m_chosen), answer);
    m_verdict->setText(verdict);
    m_verdict->show();

    if (std::optional<std::size_t> step = decidingStep(m_resolution, m_lesson->answerField)) {
        m_reason->setText(
            tr("Why (step %1): %2").arg(*step + 1).arg(toQString(m_resolution.steps[*step].text)));
        m_reason->show();
    }
}

void LessonPanel::updateTitleFont() {
    QFont title = font();
    title.setBold(true);
    if (title.pointSizeF() > 0)
        title.setPointSizeF(title.pointSizeF() * 1.3);
    else
        title.setPixelSize(title.pixelSize() * 13 / 10);
    m_title->setFont(title);
}

void LessonPanel::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateTitleFont();
}

void LessonPanel::keyPressEvent(QKeyEvent *event) {
    const int key = event->key();
    if (key >= Qt::Key_1 && key <= Qt::Key_4 && event->modifiers() == Qt::NoModifier) {
        choose(key - Qt::Key_1);
        event->accept();
        return;
    }
    if (key == Qt::Key_Return || key == Qt::Key_Enter) {
        reveal();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace iisid::ui
