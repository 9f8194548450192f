#include "diagramview.h"

#include "captionitem.h"
#include "diagramanimator.h"
#include "diagramscene.h"

#include <QAction>
#include <QGraphicsView>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QSettings>
#include <QStyle>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <cmath>

namespace iisid::ui {

namespace {
/// The system asks for no animation: Qt reports it through the style's animation duration
/// (0 when the desktop turned animations off).
bool systemReducesMotion(const QWidget *widget) {
    return widget->style()->styleHint(QStyle::SH_Widget_Animation_Duration, nullptr, widget) == 0;
}

constexpr char zoomKey[] = "diagram/zoom";
constexpr double zoomStep = 1.25;
constexpr double minimumZoom =
    1.0; // "fit" shows everything: zooming out further shows nothing more
constexpr double maximumZoom = 6.0;
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
    // Every item sets the pen, brush and font it paints with.
    m_view->setOptimizationFlags(QGraphicsView::DontSavePainterState);
    m_view->setFrameShape(QFrame::NoFrame);
    // The scene paints the background of every exposed part (DiagramScene::drawBackground), so
    // the viewport need not fill it first: that was a second fill of the whole pane per frame.
    m_view->viewport()->setAutoFillBackground(false);
    m_view->viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    m_view->setAlignment(Qt::AlignCenter);
    // Keys belong to the diagram (Space, arrows), not to the view's scrolling.
    m_view->setFocusPolicy(Qt::NoFocus);
    m_view->setAccessibleName(tr("Diagram of the request through IIS"));

    // The playback controls belong to whoever hosts the view (the main window's playback bar
    // and its shortcuts); the view itself answers Space, the arrows, R, Home and End when it has
    // focus.
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    connect(m_animator, &DiagramAnimator::currentStepChanged, this,
            &DiagramView::currentStepChanged);
    // Screen readers get the caption of the step the picture shows.
    connect(this, &DiagramView::currentStepChanged, this, [this] {
        const CaptionItem *caption = m_scene->caption();
        m_view->setAccessibleDescription(
            caption ? caption->heading() + QStringLiteral(": ") + caption->caption() : QString());
    });
    connect(m_animator, &DiagramAnimator::playingChanged, this, &DiagramView::playingChanged);

    // Ctrl+wheel zooms; the viewport gets the wheel first.
    m_view->viewport()->installEventFilter(this);
    createZoomActions();
    m_zoom = std::clamp(QSettings().value(QLatin1String(zoomKey), 1.0).toDouble(), minimumZoom,
                        maximumZoom);
}

void DiagramView::createZoomActions() {
    auto add = [this](const QString &text, QList<QKeySequence> keys, auto slot) {
        // The platform's zoom keys and ours may coincide; one sequence twice would make the
        // shortcut ambiguous, and it would do nothing.
        QList<QKeySequence> unique;
        for (const QKeySequence &key : keys) {
            if (!key.isEmpty() && !unique.contains(key))
                unique << key;
        }
        auto *action = new QAction(text, this);
        action->setShortcuts(unique);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
    };
    add(tr("Zoom in"),
        QKeySequence::keyBindings(QKeySequence::ZoomIn)
            << QKeySequence(Qt::CTRL | Qt::Key_Plus) << QKeySequence(Qt::CTRL | Qt::Key_Equal),
        &DiagramView::zoomIn);
    add(tr("Zoom out"),
        QKeySequence::keyBindings(QKeySequence::ZoomOut) << QKeySequence(Qt::CTRL | Qt::Key_Minus),
        &DiagramView::zoomOut);
    add(tr("Fit the diagram"), {QKeySequence(Qt::CTRL | Qt::Key_0)}, &DiagramView::zoomToFit);
}

DiagramView::~DiagramView() = default;

void DiagramView::setResolution(const iisid::Resolution &resolution) {
    // Stop first: the running animation targets items the relayout is about to delete.
    m_animator->pause();
    m_scene->setResolution(resolution);
    m_scene->setComparedWith(m_comparedWith);
    m_animator->reset();
    emit currentStepChanged(currentStep());
    fitScene();
}

void DiagramView::setLayoutOptions(const iisid::diagram::LayoutOptions &options) {
    if (options == m_scene->layoutOptions())
        return;
    const int step = currentStep();
    m_scene->setLayoutOptions(options);
    const iisid::Resolution resolution = m_scene->resolution();
    setResolution(resolution);
    setCurrentStep(step);
}

void DiagramView::setComparedWith(const std::optional<iisid::Resolution> &a) {
    m_comparedWith = a;
    m_scene->setComparedWith(a);
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
bool DiagramView::isAnimating() const {
    return m_animator->isAnimating();
}
QGraphicsScene *DiagramView::scene() const {
    return m_scene;
}

void DiagramView::setZoom(double factor) {
    const double zoom = std::clamp(factor, minimumZoom, maximumZoom);
    if (zoom == m_zoom)
        return;
    m_zoom = zoom;
    QSettings().setValue(QLatin1String(zoomKey), m_zoom);
    fitScene();
}

void DiagramView::zoomIn() {
    setZoom(m_zoom * zoomStep);
}

void DiagramView::zoomOut() {
    setZoom(m_zoom / zoomStep);
}

void DiagramView::zoomToFit() {
    setZoom(1.0);
}

int DiagramView::widthToFit(int height) const {
    const QRectF bounds = m_scene->sceneRect();
    if (bounds.isEmpty())
        return 0;
    // The frame and margins around the viewport stay as they are.
    const int chrome = height - m_view->maximumViewportSize().height();
    const int extra = width() - m_view->maximumViewportSize().width();
    return static_cast<int>(std::ceil(bounds.width() * (height - chrome) / bounds.height())) +
           extra;
}

double DiagramView::scale() const {
    return m_view->transform().m11();
}

bool DiagramView::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_view->viewport() && event->type() == QEvent::MouseButtonPress) {
        // Clicking a station (or its badge) shows the step where the request reaches it.
        auto *press = static_cast<QMouseEvent *>(event);
        const int station = m_scene->stationAt(m_view->mapToScene(press->position().toPoint()));
        if (press->button() == Qt::LeftButton && station >= 0) {
            const std::vector<int> &steps = m_scene->diagramLayout().stations[station].steps;
            if (!steps.empty()) {
                setFocus();
                pause();
                setCurrentStep(steps.front());
                return true;
            }
        }
    }
    if (watched == m_view->viewport() && event->type() == QEvent::Wheel) {
        auto *wheel = static_cast<QWheelEvent *>(event);
        if (wheel->modifiers() & Qt::ControlModifier) {
            const int steps = wheel->angleDelta().y() / 120;
            if (steps != 0)
                setZoom(m_zoom * std::pow(zoomStep, steps));
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
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

void DiagramView::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    switch (event->type()) {
    case QEvent::PaletteChange:
        // Light or dark: the items read the scene's palette when they paint.
        m_scene->setPalette(palette());
        break;
    case QEvent::StyleChange:
        m_animator->setSystemReducesMotion(systemReducesMotion(this));
        break;
    default:
        break;
    }
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
    // The room without scroll bars: with them counted, a picture that just fits would keep the
    // bars that an earlier, larger picture needed.
    const QSize room = m_view->maximumViewportSize();
    if (bounds.isEmpty() || room.isEmpty())
        return;
    // "Fit" makes the whole picture as large as the pane allows, in every mode and as docks
    // open and close: larger than its natural size on a projector, smaller in a narrow pane.
    // Zooming in from there scrolls.
    const double fit = std::min(room.width() / bounds.width(), room.height() / bounds.height());
    const double scale = fit * m_zoom;
    m_view->setTransform(QTransform::fromScale(scale, scale));
    // When the picture is taller than the room, keep its top (the lanes' titles and the browser)
    // in view rather than its middle.
    const double visibleHeight = room.height() / scale;
    const double centerY =
        visibleHeight < bounds.height() ? bounds.top() + visibleHeight / 2.0 : bounds.center().y();
    m_view->centerOn(bounds.center().x(), centerY);
}
} // namespace iisid::ui
