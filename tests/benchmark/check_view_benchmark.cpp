// Not a test: prints figures. Build with -DIISID_BUILD_BENCHMARKS=ON -DIISID_BUILD_UI=ON, then
//   python3 tests/benchmark/generate_apphost.py /tmp/big.config
//   QT_QPA_PLATFORM=offscreen build-ui/tests/benchmark/check_view_benchmark /tmp/big.config
// How the desktop program's check view stays responsive on a big file: a 5 ms QTimer probe on
// the UI thread records the longest time the event loop did not run (while the check runs off
// the UI thread, while the result is put into the views, and while the first screen is drawn),
// and the time from "open" to the first rows on screen.

#include "ui/check/checkview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTableView>
#include <QTimer>
#include <QTreeView>

#include <cstdio>

int main(int argc, char **argv) {
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: check_view_benchmark FILE\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    iisid::ui::CheckView view;
    view.resize(1600, 1000);
    view.show();

    QElapsedTimer clock;
    qint64 lastTick = 0;
    qint64 longestWhileRunning = 0;
    qint64 longestOverall = 0;
    qint64 longestAt = 0;
    qint64 progressCalls = 0;
    bool running = true;
    QTimer probe;
    probe.setInterval(5);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        const qint64 gap = now - lastTick;
        if (gap > longestOverall) {
            longestOverall = gap;
            longestAt = now;
        }
        if (running)
            longestWhileRunning = std::max(longestWhileRunning, gap);
        lastTick = now;
    });
    QObject::connect(view.findChild<iisid::ui::CheckRunner *>(), &iisid::ui::CheckRunner::progress,
                     [&] { ++progressCalls; });

    qint64 finishedAt = 0;
    qint64 rowsAt = 0;
    qint64 baseline = 0;
    bool succeeded = false;
    QObject::connect(&view, &iisid::ui::CheckView::checkFinished, [&](bool ok) {
        // Runs after the view has put the result in its models (the same signal, connected
        // later): the time the handler took is part of the gap the probe sees.
        succeeded = ok;
        running = false;
        finishedAt = clock.elapsed();
        // The first rows are on screen once the next paint has happened.
        QTimer::singleShot(0, [&] {
            view.serverTree()->viewport()->repaint();
            view.findingsTable()->viewport()->repaint();
            rowsAt = clock.elapsed();
            QTimer::singleShot(500, &app, &QApplication::quit);
        });
    });

    // The machine's own noise first: the probe on an idle event loop for two seconds.
    clock.start();
    probe.start();
    QTimer::singleShot(2000, [&] {
        baseline = longestOverall;
        longestOverall = 0;
        clock.restart();
        lastTick = 0;
        view.openPaths({path});
    });
    app.exec();

    std::printf("file: %s\n", argv[1]);
    std::printf("check %s: %.1f s (off the UI thread), %lld progress updates reached the UI\n",
                succeeded ? "succeeded" : "failed", static_cast<double>(finishedAt) / 1000.0,
                progressCalls);
    std::printf("longest event-loop gap on an idle loop before the check (the machine's noise): "
                "%lld ms\n",
                baseline);
    std::printf("longest event-loop block while checking: %lld ms\n", longestWhileRunning);
    std::printf("longest event-loop block overall: %lld ms (ending at %.2f s; the result put "
                "into the views and the first paint)\n",
                longestOverall, static_cast<double>(longestAt) / 1000.0);
    std::printf("time to the first rows on screen: %.2f s (%d sites, %d findings)\n",
                static_cast<double>(rowsAt) / 1000.0, view.serverTree()->model()->rowCount(),
                view.findingsTable()->model()->rowCount());
    return succeeded ? 0 : 1;
}
