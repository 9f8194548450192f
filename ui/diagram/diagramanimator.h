#pragma once

#include <QObject>
#include <QPointF>

class QAbstractAnimation;
class QSequentialAnimationGroup;

namespace iisid::ui {

class DiagramScene;

/// Owns the animations of the diagram. The current step is state and changes at once; the
/// animation only shows the way there (the request travelling, tokens changing hands) and
/// always ends on the still picture of the step, so jumping, stepping, reduce motion and
/// playing all agree. Nothing here waits: input during an animation finishes it at once.
class DiagramAnimator : public QObject {
    Q_OBJECT
public:
    explicit DiagramAnimator(DiagramScene *scene, QObject *parent = nullptr);
    ~DiagramAnimator() override;

    /// After the scene was laid out anew: stops, and takes the last step as current. Silent: the
    /// caller says that the step changed (its content did, even where its index did not).
    void reset();

    int currentStep() const { return m_current; }
    bool isPlaying() const { return m_playing; }
    bool isAnimating() const;
    double speed() const { return m_speed; }
    /// The user's choice or the system's: either one turns animation off.
    bool reducesMotion() const { return m_reduceMotion || m_systemReducesMotion; }

    void setCurrentStep(int index);
    void play();
    void pause();
    void togglePlay();
    void stepForward();
    void stepBack();
    /// Back to the request leaving the browser, then play (with reduce motion: the first step).
    void restart();
    void setSpeed(double factor);
    void setReduceMotion(bool on);
    void setSystemReducesMotion(bool on);

signals:
    void currentStepChanged(int index);
    void playingChanged(bool playing);

private:
    enum class Origin { PreviousStep, Browser };
    void goTo(int index, Origin origin);
    QAbstractAnimation *buildTransition(int fromStep, int toStep, Origin origin);
    void finishTransition();
    void onTransitionFinished();
    void setPlaying(bool playing);
    int duration(double milliseconds) const;

    DiagramScene *m_scene;
    QSequentialAnimationGroup *m_transition = nullptr;
    int m_current = -1;
    bool m_playing = false;
    double m_speed = 1.0;
    bool m_reduceMotion = false;
    bool m_systemReducesMotion = false;
};

} // namespace iisid::ui
