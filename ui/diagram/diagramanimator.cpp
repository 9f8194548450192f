#include "diagramanimator.h"

#include "captionitem.h"
#include "diagramscene.h"
#include "laneitem.h"
#include "requestmarkeritem.h"
#include "stationitem.h"
#include "tokenbadgeitem.h"

#include "ui/window/QtText.h"

#include <QLineF>
#include <QParallelAnimationGroup>
#include <QPauseAnimation>
#include <QPropertyAnimation>
#include <QSequentialAnimationGroup>

#include <algorithm>

namespace iisid::ui {

namespace {
constexpr double travelPixelsPerSecond = 650;
constexpr double minimumTravel = 280;
constexpr double maximumTravel = 1300;
constexpr double tokenTime = 650;
constexpr double captionTime = 250;
constexpr double dwellTime = 1200;

QPropertyAnimation *animate(QObject *target, const char *property, const QVariant &from,
                            const QVariant &to, int ms,
                            QEasingCurve::Type easing = QEasingCurve::InOutCubic) {
    auto *animation = new QPropertyAnimation(target, property);
    animation->setStartValue(from);
    animation->setEndValue(to);
    animation->setDuration(ms);
    animation->setEasingCurve(easing);
    return animation;
}
} // namespace

DiagramAnimator::DiagramAnimator(DiagramScene *scene, QObject *parent)
    : QObject(parent)
    , m_scene(scene) {}

DiagramAnimator::~DiagramAnimator() {
    if (m_transition) {
        // Stopping must not re-enter (finished() is not emitted by stop()), but be explicit.
        m_transition->disconnect(this);
        m_transition->stop();
    }
}

bool DiagramAnimator::isAnimating() const {
    return m_transition != nullptr;
}

int DiagramAnimator::duration(double milliseconds) const {
    return std::max(1, static_cast<int>(milliseconds / m_speed));
}

void DiagramAnimator::reset() {
    if (m_transition) {
        m_transition->disconnect(this);
        m_transition->stop();
        m_transition->deleteLater();
        m_transition = nullptr;
    }
    setPlaying(false);
    m_current = m_scene->stepCount() - 1;
    m_scene->applyFrame(m_scene->frameAt(m_current));
}

void DiagramAnimator::setCurrentStep(int index) {
    if (m_scene->stepCount() == 0)
        return;
    setPlaying(false);
    finishTransition();
    index = std::clamp(index, 0, m_scene->stepCount() - 1);
    m_scene->applyFrame(m_scene->frameAt(index));
    if (index != m_current) {
        m_current = index;
        emit currentStepChanged(m_current);
    }
}

void DiagramAnimator::play() {
    const int last = m_scene->stepCount() - 1;
    if (last < 0)
        return;
    if (reducesMotion()) {
        // Reduce motion: the picture the animation would end on, at once.
        setCurrentStep(last);
        return;
    }
    if (m_playing)
        return;
    setPlaying(true);
    if (m_current >= last)
        goTo(0, Origin::Browser);
    else
        goTo(m_current + 1, Origin::PreviousStep);
}

void DiagramAnimator::pause() {
    setPlaying(false);
    finishTransition();
}

void DiagramAnimator::togglePlay() {
    if (m_playing)
        pause();
    else
        play();
}

void DiagramAnimator::stepForward() {
    pause();
    if (m_current < m_scene->stepCount() - 1)
        goTo(m_current + 1, Origin::PreviousStep);
}

void DiagramAnimator::stepBack() {
    pause();
    if (m_current > 0)
        goTo(m_current - 1, Origin::PreviousStep);
}

void DiagramAnimator::restart() {
    if (m_scene->stepCount() == 0)
        return;
    pause();
    if (reducesMotion()) {
        setCurrentStep(0);
        return;
    }
    setPlaying(true);
    goTo(0, Origin::Browser);
}

void DiagramAnimator::setSpeed(double factor) {
    m_speed = std::clamp(factor, 0.5, 3.0);
}

void DiagramAnimator::setReduceMotion(bool on) {
    m_reduceMotion = on;
    if (reducesMotion())
        finishTransition();
}

void DiagramAnimator::setSystemReducesMotion(bool on) {
    m_systemReducesMotion = on;
    if (reducesMotion())
        finishTransition();
}

void DiagramAnimator::setPlaying(bool playing) {
    if (m_playing == playing)
        return;
    m_playing = playing;
    emit playingChanged(playing);
}

void DiagramAnimator::finishTransition() {
    if (!m_transition)
        return;
    QSequentialAnimationGroup *transition = m_transition;
    m_transition = nullptr;
    transition->disconnect(this);
    transition->stop();
    transition->deleteLater();
    m_scene->applyFrame(m_scene->frameAt(m_current));
}

void DiagramAnimator::goTo(int index, Origin origin) {
    finishTransition();
    const int from = m_current;
    // State first: the step is current now, whatever the animation does.
    m_current = index;
    m_scene->applyFrame(m_scene->frameAt(index));
    emit currentStepChanged(index);
    if (reducesMotion()) {
        if (m_playing)
            setCurrentStep(m_scene->stepCount() - 1);
        return;
    }
    m_transition = static_cast<QSequentialAnimationGroup *>(buildTransition(from, index, origin));
    connect(m_transition, &QAbstractAnimation::finished, this,
            &DiagramAnimator::onTransitionFinished);
    m_transition->start();
}

void DiagramAnimator::onTransitionFinished() {
    QSequentialAnimationGroup *transition = m_transition;
    m_transition = nullptr;
    if (transition)
        transition->deleteLater();
    m_scene->applyFrame(m_scene->frameAt(m_current));
    if (!m_playing)
        return;
    if (m_current < m_scene->stepCount() - 1)
        goTo(m_current + 1, Origin::PreviousStep);
    else
        setPlaying(false);
}

QAbstractAnimation *DiagramAnimator::buildTransition(int fromStep, int toStep, Origin origin) {
    const DiagramLayout &layout = m_scene->diagramLayout();
    const DiagramFrame before = origin == Origin::Browser || fromStep < 0
                                    ? m_scene->frameAt(-1)
                                    : m_scene->frameAt(fromStep);
    const DiagramFrame after = m_scene->frameAt(toStep);
    const bool fromBrowser = origin == Origin::Browser || fromStep < 0;
    // Code that runs outside a request (Session_OnEnd) does not come from the browser.
    const int fromStation = !fromBrowser            ? before.station
                            : layout.outsideRequest ? after.station
                                                    : 0;
    const int toStation = after.station;
    const bool forward = fromBrowser || toStep > fromStep;

    auto *group = new QSequentialAnimationGroup(this);
    auto *travel = new QParallelAnimationGroup;
    group->addAnimation(travel);

    // The caption fades in with the new text.
    m_scene->caption()->setOpacity(0.15);
    travel->addAnimation(animate(m_scene->caption(), "opacity", 0.15, 1.0, duration(captionTime)));

    // The request travels along the arrows (straight back when stepping back).
    int travelMs = duration(minimumTravel);
    if (fromStation != toStation) {
        std::vector<QPointF> points = forward
                                          ? m_scene->path(fromStation, toStation)
                                          : std::vector<QPointF>{m_scene->dockPoint(fromStation),
                                                                 m_scene->dockPoint(toStation)};
        double length = 0;
        for (std::size_t i = 1; i < points.size(); ++i)
            length += QLineF(points[i - 1], points[i]).length();
        travelMs = duration(
            std::clamp(length / travelPixelsPerSecond * 1000.0, minimumTravel, maximumTravel));
        auto *move = new QPropertyAnimation(m_scene->marker(), "pos");
        move->setDuration(travelMs);
        move->setEasingCurve(QEasingCurve::InOutSine);
        double walked = 0;
        move->setKeyValueAt(0, points.front());
        for (std::size_t i = 1; i < points.size(); ++i) {
            walked += QLineF(points[i - 1], points[i]).length();
            move->setKeyValueAt(length > 0 ? walked / length : 1.0, points[i]);
        }
        m_scene->marker()->setPos(points.front());
        travel->addAnimation(move);
    }

    // Stations the request reaches (or leaves, stepping back) fade to their new state.
    for (std::size_t i = 0; i < after.stations.size(); ++i) {
        const double from = StationItem::opacityFor(before.stations[i].state);
        const double to = StationItem::opacityFor(after.stations[i].state);
        if (qFuzzyCompare(from, to))
            continue;
        StationItem *item = m_scene->station(static_cast<int>(i));
        item->setOpacity(from);
        auto *fade = new QSequentialAnimationGroup;
        fade->addPause(forward ? std::max(0, travelMs - duration(tokenTime) / 2) : 0);
        fade->addAnimation(animate(item, "opacity", from, to, duration(tokenTime) / 2));
        travel->addAnimation(fade);
    }

    // Tokens change hands: a badge flies from where the token was to where it goes.
    auto *tokens = new QParallelAnimationGroup;
    TokenBadgeItem *flyer = m_scene->flyer();
    StationItem *target = m_scene->station(toStation);
    const QPointF targetBadge = target->badge()->scenePos();
    const int laneIndex = layout.stations.at(toStation).lane;
    TokenBadgeItem *laneBadge = m_scene->lane(laneIndex)->processBadge();
    auto fly = [&](TokenBadgeItem::Role role, const QString &label, const QString &account,
                   QPointF from, QPointF to, bool fadeOut) {
        flyer->setRole(role);
        flyer->setToken(label, account);
        flyer->setPos(from);
        flyer->setOpacity(0);
        flyer->show();
        auto *path = new QSequentialAnimationGroup;
        path->addAnimation(animate(flyer, "opacity", 0.0, 1.0, duration(tokenTime) / 4));
        path->addAnimation(animate(flyer, "pos", from, to, duration(tokenTime)));
        path->addAnimation(
            animate(flyer, "opacity", 1.0, fadeOut ? 0.0 : 1.0, duration(tokenTime) / 4));
        tokens->addAnimation(path);
    };
    auto pop = [&](TokenBadgeItem *badge, int delay) {
        badge->setOpacity(0);
        auto *sequence = new QSequentialAnimationGroup;
        sequence->addPause(delay);
        auto *grow = new QParallelAnimationGroup;
        grow->addAnimation(animate(badge, "opacity", 0.0, 1.0, duration(tokenTime) / 2));
        grow->addAnimation(
            animate(badge, "scale", 0.6, 1.0, duration(tokenTime) / 2, QEasingCurve::OutBack));
        sequence->addAnimation(grow);
        tokens->addAnimation(sequence);
    };
    const int flight = duration(tokenTime) * 3 / 2;
    if (forward) {
        const StationFrame &was = before.stations[toStation];
        const StationFrame &now = after.stations[toStation];
        const QString previousThread =
            toStep > 0 && !fromBrowser ? toQString(before.stations[fromStation].token) : QString();
        const QPointF sourceBadge =
            fromBrowser ? targetBadge : m_scene->station(fromStation)->badge()->scenePos();
        switch (after.change) {
        case TokenChange::Impersonate:
        case TokenChange::SwitchThread:
            fly(TokenBadgeItem::Role::Thread, toQString(now.tokenLabel), toQString(now.token),
                sourceBadge, targetBadge, true);
            pop(target->badge(), flight);
            break;
        case TokenChange::Revert:
            // The impersonation token is dropped from the thread (it slides off and fades); the
            // process token, pulsing in the lane's header, is what the code acts with now.
            fly(TokenBadgeItem::Role::Thread, QStringLiteral("thread"), previousThread, targetBadge,
                targetBadge + QPointF(140, 0), true);
            pop(laneBadge, flight / 2);
            pop(target->badge(), flight);
            break;
        case TokenChange::CreateProcess:
        case TokenChange::Arrive: {
            const int previousLane = fromBrowser ? 1 : layout.stations.at(fromStation).lane;
            const QPointF start = m_scene->lane(previousLane)->processBadge()->isVisible()
                                      ? m_scene->lane(previousLane)->processBadge()->scenePos()
                                      : m_scene->station(0)->badge()->scenePos();
            fly(TokenBadgeItem::Role::Process, QStringLiteral("process"), laneBadge->account(),
                start, laneBadge->scenePos(), true);
            pop(laneBadge, flight);
            pop(target->badge(), flight);
            break;
        }
        case TokenChange::Fail: {
            RequestMarkerItem *marker = m_scene->marker();
            auto *pulse = new QSequentialAnimationGroup;
            pulse->addAnimation(animate(marker, "scale", 1.0, 1.7, duration(tokenTime) / 2));
            pulse->addAnimation(animate(marker, "scale", 1.7, 1.0, duration(tokenTime) / 2));
            tokens->addAnimation(pulse);
            pop(target->badge(), 0);
            break;
        }
        case TokenChange::None:
            if (was.token != now.token || was.state == StationState::Pending)
                pop(target->badge(), 0);
            break;
        }
    }
    if (tokens->animationCount() > 0)
        group->addAnimation(tokens);
    else
        delete tokens;
    if (m_playing)
        group->addPause(duration(dwellTime));
    return group;
}

} // namespace iisid::ui
