#pragma once

#include "model/lesson.h"
#include "model/resolution.h"

#include <QStringList>
#include <QWidget>

#include <optional>
#include <vector>

class QButtonGroup;
class QLabel;
class QPushButton;
class QRadioButton;
class QGridLayout;
class QVBoxLayout;

namespace iisid::ui {

/// Predict, then reveal: the story, the question and its choices as radio buttons. Reveal
/// shows whether the prediction was right, the right answer (correctChoice with the model's
/// resolution of the lesson's scenario) and the deciding trace step's text. Keyboard: 1-4
/// choose, Enter reveals (for presenter mode).
class LessonPanel : public QWidget {
    Q_OBJECT
public:
    explicit LessonPanel(QWidget *parent = nullptr);

    void setLesson(const iisid::Lesson &lesson);
    void choose(int index);
    void reveal();
    bool isRevealed() const { return m_revealed; }
    /// The lesson shown, or nullptr before the first.
    const iisid::Lesson *lesson() const { return m_lesson ? &*m_lesson : nullptr; }

    /// The chosen index, or -1 before a choice.
    int chosen() const { return m_chosen; }
    /// The model's answer for the current lesson, or nullopt when no choice matches.
    std::optional<int> correctIndex() const { return m_correct; }
    /// The revealed verdict and reason, as shown (empty before reveal).
    QString verdictText() const;
    QString reasonText() const;
    /// The choices in this many columns (1, the default; 2 where the panel is a wide, low strip
    /// under the diagram in presenter mode), filled row by row so 1-2 / 3-4 read in order.
    void setChoiceColumns(int columns);
    int choiceColumns() const { return m_choiceColumns; }
    /// The height the panel needs at this width from its question down (the question, the
    /// choices, Reveal, the verdict and why): what must stay in view when the story scrolls away.
    int heightFromQuestion(int width) const;
    /// Where the question starts in the panel as laid out (with the gap above it): the top of
    /// what must stay in view.
    int questionTop() const;

signals:
    void revealRequested();
    void choiceMade(int index);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void clearChoices();
    void updateTitleFont();
    void showVerdict();
    void placeChoices();

    std::optional<iisid::Lesson> m_lesson;
    iisid::Resolution m_resolution;
    std::optional<int> m_correct;
    int m_chosen = -1;
    bool m_revealed = false;

    QLabel *m_title = nullptr;
    QLabel *m_story = nullptr;
    QVBoxLayout *m_layout = nullptr;
    QLabel *m_question = nullptr;
    QGridLayout *m_choiceLayout = nullptr;
    int m_choiceColumns = 1;
    QButtonGroup *m_choiceGroup = nullptr;
    std::vector<QRadioButton *> m_choiceButtons;
    QStringList m_choiceTexts; // the choices as shown, without the "&1" mnemonic
    QPushButton *m_revealButton = nullptr;
    QLabel *m_verdict = nullptr;
    QLabel *m_reason = nullptr;
    QLabel *m_hint = nullptr;
};

} // namespace iisid::ui
