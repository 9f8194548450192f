#include "diagramview.h"

#include "diagramanimator.h"
#include "diagramscene.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QGraphicsView>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace iisid::ui {

namespace {
/// The system asks for no animation: Qt reports it through the style's animation duration
/// (0 when the desktop turned animations off).
bool systemReducesMotion(const QWidget *widget) {
    return widget->style()->styleHint(QStyle::SH_Widget_Animation_Duration, nullptr, widget) == 0;
}
} // namespace

DiagramView::DiagramView(QWidget *parent)
    : QWidget(parent) {
    setAccessibleName(tr("Request-flow diagram"));
    setFocusPolicy(Qt::StrongFocus);
    m_scene = new DiagramScene(this);
    m_animator = new DiagramAnimator(m_scene, this);
    m_animator->setSystemReducesMotion(systemReducesMotion(this));

    m_view = new QGraphicsView(m_scene, this);
    m_view->setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                           QPainter::SmoothPixmapTransform);
    m_view->setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setAlignment(Qt::AlignCenter);
    // Keys belong to the diagram (Space, arrows), not to the view's scrolling.
    m_view->setFocusPolicy(Qt::NoFocus);
    m_view->setAccessibleName(tr("Diagram of the request through IIS"));

    auto *restartButton = new QToolButton(this);
    restartButton->setIcon(style()->standardIcon(QStyle::SP_MediaSkipBackward));
    restartButton->setToolTip(tr("Restart (R)"));
    restartButton->setAccessibleName(tr("Restart the animation"));
    auto *backButton = new QToolButton(this);
    backButton->setIcon(style()->standardIcon(QStyle::SP_MediaSeekBackward));
    backButton->setToolTip(tr("Step back (Left)"));
    backButton->setAccessibleName(tr("Step back"));
    auto *playButton = new QToolButton(this);
    playButton->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    playButton->setToolTip(tr("Play or pause (Space)"));
    playButton->setAccessibleName(tr("Play"));
    auto *forwardButton = new QToolButton(this);
    forwardButton->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
    forwardButton->setToolTip(tr("Step forward (Right)"));
    forwardButton->setAccessibleName(tr("Step forward"));
    auto *stepLabel = new QLabel(this);
    stepLabel->setAccessibleName(tr("Current step"));
    auto *speedBox = new QComboBox(this);
    speedBox->setAccessibleName(tr("Animation speed"));
    speedBox->setToolTip(tr("Animation speed"));
    for (double speed : {0.5, 1.0, 1.5, 2.0, 3.0})
        speedBox->addItem(QStringLiteral("%1\u00d7").arg(speed), speed);
    speedBox->setCurrentIndex(1);
    auto *reduceBox = new QCheckBox(tr("Reduce motion"), this);
    reduceBox->setAccessibleName(tr("Reduce motion"));
    reduceBox->setToolTip(tr("Show each step's final picture at once, without animation"));

    auto *controls = new QHBoxLayout;
    controls->setContentsMargins(6, 2, 6, 2);
    controls->addWidget(restartButton);
    controls->addWidget(backButton);
    controls->addWidget(playButton);
    controls->addWidget(forwardButton);
    controls->addSpacing(8);
    controls->addWidget(stepLabel);
    controls->addStretch(1);
    controls->addWidget(speedBox);
    controls->addWidget(reduceBox);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_view, 1);
    layout->addLayout(controls);

    connect(restartButton, &QToolButton::clicked, this, &DiagramView::restart);
    connect(backButton, &QToolButton::clicked, this, &DiagramView::stepBack);
    connect(playButton, &QToolButton::clicked, this, &DiagramView::togglePlay);
    connect(forwardButton, &QToolButton::clicked, this, &DiagramView::stepForward);
    connect(speedBox, &QComboBox::currentIndexChanged, this,
            [this, speedBox](int index) { setSpeed(speedBox->itemData(index).toDouble()); });
    connect(reduceBox, &QCheckBox::toggled, this, &DiagramView::setReduceMotion);
    connect(m_animator, &DiagramAnimator::currentStepChanged, this,
            &DiagramView::currentStepChanged);
    connect(m_animator, &DiagramAnimator::playingChanged, this, &DiagramView::playingChanged);
    auto updateControls = [this, stepLabel, playButton, backButton, forwardButton] {
        const int count = stepCount();
        const int current = currentStep();
        stepLabel->setText(count > 0 ? tr("Step %1 of %2").arg(current + 1).arg(count)
                                     : tr("No steps"));
        playButton->setIcon(
            style()->standardIcon(isPlaying() ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
        playButton->setAccessibleName(isPlaying() ? tr("Pause") : tr("Play"));
        backButton->setEnabled(current > 0);
        forwardButton->setEnabled(current < count - 1);
    };
    connect(m_animator, &DiagramAnimator::currentStepChanged, this, updateControls);
    connect(m_animator, &DiagramAnimator::playingChanged, this, updateControls);
    updateControls();
}

DiagramView::~DiagramView() = default;

void DiagramView::setResolution(const iisid::EffectiveScenario &scenario,
                                const iisid::Resolution &resolution) {
    m_scene->setResolution(scenario, resolution);
    m_animator->reset();
    emit currentStepChanged(currentStep());
    fitScene();
}

int DiagramView::stepCount() const {
    return m_scene->stepCount();
}
int DiagramView::currentStep() const {
    return m_animator->currentStep();
}
bool DiagramView::isPlaying() const {
    return m_animator->isPlaying();
}
QGraphicsScene *DiagramView::scene() const {
    return m_scene;
}

void DiagramView::setPresentationScale(double factor) {
    m_presentationScale = std::clamp(factor, 0.5, 4.0);
    fitScene();
}

void DiagramView::setCurrentStep(int index) {
    m_animator->setCurrentStep(index);
}
void DiagramView::play() {
    m_animator->play();
}
void DiagramView::pause() {
    m_animator->pause();
}
void DiagramView::togglePlay() {
    m_animator->togglePlay();
}
void DiagramView::stepForward() {
    m_animator->stepForward();
}
void DiagramView::stepBack() {
    m_animator->stepBack();
}
void DiagramView::restart() {
    m_animator->restart();
}
void DiagramView::setSpeed(double factor) {
    m_animator->setSpeed(factor);
}
void DiagramView::setReduceMotion(bool on) {
    m_animator->setReduceMotion(on);
}

void DiagramView::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    fitScene();
}

void DiagramView::keyPressEvent(QKeyEvent *event) {
    switch (event->key()) {
    case Qt::Key_Space:
        togglePlay();
        break;
    case Qt::Key_Left:
        stepBack();
        break;
    case Qt::Key_Right:
        stepForward();
        break;
    case Qt::Key_Home:
    case Qt::Key_R:
        restart();
        break;
    case Qt::Key_End:
        setCurrentStep(stepCount() - 1);
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void DiagramView::fitScene() {
    const QRectF bounds = m_scene->sceneRect();
    const QSize room = m_view->viewport()->size();
    if (bounds.isEmpty() || room.isEmpty())
        return;
    // Fill the view, but keep type readable: below half size the view scrolls instead, and
    // only presenter mode may blow the picture up beyond 1.25x.
    const double fit = std::min(room.width() / bounds.width(), room.height() / bounds.height());
    const double scale = std::clamp(fit, 0.5 * m_presentationScale, 1.25 * m_presentationScale);
    m_view->setTransform(QTransform::fromScale(scale, scale));
    m_view->centerOn(bounds.center());
}

} // namespace iisid::ui
