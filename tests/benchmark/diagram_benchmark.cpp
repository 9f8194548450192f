// Not a test: prints figures. Build with -DIISID_BUILD_BENCHMARKS=ON -DIISID_BUILD_UI=ON, then
//   QT_QPA_PLATFORM=offscreen build-ui/tests/benchmark/diagram_benchmark
// Drives the real main window offscreen and times, each many times over:
//   setting change: a handler chosen in the editor -> the window's next frame, with the diagram
//   laid out anew and repainted (also with the pictures of lanes and boxes forgotten first);
//   presenter resize: the full-screen window resized (1920x1080 <-> 1280x720) -> the diagram
//   fitted to its pane and repainted.
// Prints the median, p90 and max in milliseconds of the GUI thread's CPU time (the goal: a median
// under 4 ms); on a machine shared with other work the wall time only adds the waiting.

#include "ui/diagram/cachedpaint.h"
#include "ui/diagram/diagramview.h"
#include "ui/editor/ScenarioEditor.h"
#include "ui/window/MainWindow.h"

#include "model/resolver.h"
#include "model/scenario.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QGraphicsView>
#include <QStandardPaths>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

namespace {

/// The CPU time of this thread: what the GUI thread spends, without the time it waits for a
/// core on a busy machine.
class CpuTimer {
public:
    void start() { m_start = now(); }
    double elapsedMs() const { return (now() - m_start) * 1e3; }

private:
    static double now() {
        timespec t{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
    }
    double m_start = 0;
};

void report(const char *what, std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    const auto at = [&ms](double q) {
        return ms[std::min(ms.size() - 1,
                           static_cast<std::size_t>(q * static_cast<double>(ms.size())))];
    };
    std::printf("%-36s n=%zu  median %.2f ms  p90 %.2f ms  max %.2f ms\n", what, ms.size(), at(0.5),
                at(0.9), ms.back());
}

/// Counts the paints a widget gets.
class PaintCounter : public QObject {
public:
    explicit PaintCounter(QWidget *widget) { widget->installEventFilter(this); }
    int count() const { return m_count; }

protected:
    bool eventFilter(QObject *, QEvent *event) override {
        if (event->type() == QEvent::Paint)
            ++m_count;
        return false;
    }

private:
    int m_count = 0;
};

/// Paints the diagram's viewport now, as the next frame would.
void repaintDiagram(iisid::ui::DiagramView *diagram) {
    QApplication::processEvents();
    diagram->graphicsView()->viewport()->repaint();
}

} // namespace

int main(int argc, char **argv) {
    QStandardPaths::setTestModeEnabled(true); // no settings of the user's are read or written
    QApplication app(argc, argv);
    constexpr int rounds = 200;

    iisid::ui::MainWindow window;
    window.resize(1920, 1080);
    window.show();
    iisid::ui::DiagramView *diagram = window.diagram();
    diagram->setReduceMotion(true);
    repaintDiagram(diagram);

    auto *handler = qobject_cast<QComboBox *>(window.editor()->control("handler.kind"));
    if (!handler) {
        std::fprintf(stderr, "no handler.kind control in the editor\n");
        return 1;
    }
    // A setting changed, up to the window's next frame with the new diagram: the edit handled
    // (the scenario resolved, the diagram laid out, the other panes filled), then the pending
    // events (layouts, and the paints of every widget that changed, the diagram's among them;
    // its viewport is painted here only where the events did not paint it).
    PaintCounter viewportPaints(diagram->graphicsView()->viewport());
    CpuTimer timer;
    CpuTimer part;
    const auto changeSetting = [&](int i, std::vector<double> &total, std::vector<double> *edit,
                                   std::vector<double> *events) {
        const int index = (i + 1) % handler->count();
        const int paintsBefore = viewportPaints.count();
        timer.start();
        part.start();
        handler->setCurrentIndex(index);
        emit handler->activated(index);
        if (edit)
            edit->push_back(part.elapsedMs());
        part.start();
        QApplication::processEvents();
        if (viewportPaints.count() == paintsBefore)
            diagram->graphicsView()->viewport()->repaint();
        if (events)
            events->push_back(part.elapsedMs());
        total.push_back(timer.elapsedMs());
    };
    std::vector<double> change;
    std::vector<double> edit;
    std::vector<double> events;
    for (int i = 0; i < rounds; ++i)
        changeSetting(i, change, &edit, &events);
    report("setting change -> repainted diagram", change);
    report("  of which: the edit handled", edit);
    report("  of which: layouts and paints", events);

    // The same with no picture kept from before (cachedpaint.h): a look never seen yet.
    std::vector<double> unseen;
    for (int i = 0; i < rounds; ++i) {
        iisid::ui::forgetPictures();
        changeSetting(i, unseen, nullptr, nullptr);
    }
    report("  the same, no picture kept", unseen);

    // The diagram's own share: a new resolution laid out, and its viewport repainted whole.
    const iisid::Resolution first = iisid::resolve(iisid::Scenario{});
    iisid::Scenario cgi;
    cgi.handler.kind = iisid::HandlerKind::FastCgi;
    const iisid::Resolution second = iisid::resolve(cgi);
    std::vector<double> layout;
    std::vector<double> paint;
    for (int i = 0; i < rounds; ++i) {
        timer.start();
        diagram->setResolution(i % 2 ? first : second);
        layout.push_back(timer.elapsedMs());
        timer.start();
        repaintDiagram(diagram);
        paint.push_back(timer.elapsedMs());
    }
    report("  the diagram alone: laid out", layout);
    report("  the diagram alone: repainted whole", paint);

    window.findChild<QAction *>(QStringLiteral("presenter"))->trigger();
    repaintDiagram(diagram);
    std::vector<double> resize;
    for (int i = 0; i < rounds; ++i) {
        const QSize size = i % 2 ? QSize(1920, 1080) : QSize(1280, 720);
        timer.start();
        window.setGeometry(QRect(QPoint(0, 0), size));
        repaintDiagram(diagram);
        resize.push_back(timer.elapsedMs());
    }
    report("presenter resize -> repainted diagram", resize);
    return 0;
}
