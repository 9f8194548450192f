#pragma once

#include "model/check/check_engine.h"
#include "model/diagnostic.h"

#include <QObject>
#include <QStringList>

#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

class QThread;

namespace iisid::ui {

struct CheckIndex;

/// A finished check with what the view needs beside the report: the text of every file read,
/// so the findings' lines can be shown (read-only; nothing is ever written to the input).
struct CheckOutcome {
    iisid::check::CheckRun run;
    std::map<std::string, std::string, std::less<>> fileTexts; // by the report's file name
    /// The folder mappings the check used (--map), for the report's assumptions.
    std::vector<iisid::config::PathMapping> maps;
    /// The report grouped for the views, built off the UI thread too.
    std::shared_ptr<const CheckIndex> index;
};

/// Runs `iisid check` (iisid::check::runCheck) off the UI thread: reads the files and folders
/// named, checks them, and reports progress (throttled, queued to the UI thread) and the outcome.
/// One check at a time; cancel() stops it at the engine's next progress call.
class CheckRunner : public QObject {
    Q_OBJECT
public:
    explicit CheckRunner(QObject *parent = nullptr);
    ~CheckRunner() override;

    /// Starts checking; false (and nothing happens) while a check is running.
    bool start(const QStringList &paths, std::vector<iisid::config::PathMapping> maps);
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }

    /// Reads the files named and every file below a folder named (in name order). A named file
    /// that cannot be read is an error; a file below a folder that cannot be read is listed as
    /// skipped with the reason, as files of no known kind are.
    static iisid::Result<std::vector<iisid::check::CheckInputFile>>
    gatherInputs(const QStringList &paths, std::vector<iisid::check::CheckInput> &unreadable);

    /// The whole job, on the caller's thread (the runner calls it on its worker thread).
    static iisid::Result<CheckOutcome> check(const QStringList &paths,
                                             std::vector<iisid::config::PathMapping> maps,
                                             const iisid::check::CheckOptions &options);

signals:
    void progress(qint64 done, qint64 total);
    /// The check ended: an outcome, or the diagnostics (file:line:column) of why there is none
    /// ("check cancelled" when cancelled).
    void finished(std::shared_ptr<const iisid::Result<CheckOutcome>> outcome);

private:
    struct Shared {
        std::atomic<bool> cancelled{false};
        std::atomic<qint64> lastPost{0};
    };
    QThread *m_thread = nullptr;
    std::shared_ptr<Shared> m_shared;
    std::shared_ptr<std::optional<iisid::Result<CheckOutcome>>> m_result;
};

} // namespace iisid::ui
