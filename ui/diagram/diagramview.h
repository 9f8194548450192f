#pragma once

#include <QWidget>

#include <memory>
#include <optional>

class QGraphicsScene;
class QGraphicsView;
class QString;

#include "model/diagram/diagram_layout.h"
#include "model/resolution.h"

namespace iisid::ui {

class DiagramScene;
class DiagramAnimator;

/// The animated request-flow diagram: a QGraphicsView over a DiagramScene, stepped and played by
/// a DiagramAnimator. The picture at a step is state; animation only decorates the way there.
class DiagramView : public QWidget {
    Q_OBJECT
public:
    explicit DiagramView(QWidget *parent = nullptr);
    ~DiagramView() override;

    /// Lays the diagram out anew and shows the final picture (the last step) at once; no auto-play.
    void setResolution(const iisid::Resolution &resolution);
    /// Lays the picture out again in another variant (presenter mode), keeping the step shown.
    void setLayoutOptions(const iisid::diagram::LayoutOptions &options);
    /// Compare: marks on this diagram the stations that end otherwise in A, the pinned
    /// scenario's resolution (nullopt: nothing pinned); kept across setResolution.
    void setComparedWith(const std::optional<iisid::Resolution> &a);
    int stepCount() const;
    int currentStep() const;
    bool isPlaying() const;
    /// A transition is on its way (the still picture of the step follows when it ends).
    bool isAnimating() const;
    /// How far the picture is zoomed beyond fitting its pane: 1 is "fit" (the whole picture as
    /// large as the pane allows, larger or smaller than its natural size), 2 twice that, and so
    /// on. The choice is remembered (QSettings "diagram/zoom") for the next window.
    double zoom() const { return m_zoom; }
    /// The width at which the whole picture fits at `height` (so a host can give the rest of
    /// its room to something else).
    int widthToFit(int height) const;
    /// The scale from scene units to the view's pixels now.
    double scale() const;
    QGraphicsScene *scene() const;
    QGraphicsView *graphicsView() const { return m_view; }

public slots:
    /// Jumps to a step without animation; the picture is the same as when animating to it.
    void setCurrentStep(int index);
    void play();
    void pause();
    void togglePlay();
    void stepForward();
    void stepBack();
    void restart();
    /// 0.5x to 3x.
    void setSpeed(double factor);
    void setReduceMotion(bool on);
    // Clicking a station or its badge shows the step where the request reaches it.
    /// Ctrl++, Ctrl+- and Ctrl+0 (and Ctrl+wheel) while the diagram has focus.
    void setZoom(double factor);
    void zoomIn();
    void zoomOut();
    void zoomToFit();

signals:
    void currentStepChanged(int index);
    void playingChanged(bool playing);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createZoomActions();
    void fitScene();

    DiagramScene *m_scene = nullptr;
    QGraphicsView *m_view = nullptr;
    DiagramAnimator *m_animator = nullptr;
    double m_zoom = 1.0;
    std::optional<iisid::Resolution> m_comparedWith;
};

/// Writes the fully resolved final picture to path (.png or .svg by suffix) without showing a
/// window. On failure returns false and, when error is given, says why.
bool exportDiagram(const iisid::Resolution &resolution, const QString &path, QString *error);

} // namespace iisid::ui
