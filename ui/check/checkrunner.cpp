#include "checkrunner.h"

#include "checkmodels.h"
#include "ui/window/QtText.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <algorithm>

namespace iisid::ui {

namespace {

/// How often progress reaches the UI thread at most: often enough for a smooth bar, rarely
/// enough that 20,000 applications do not flood the event loop.
constexpr qint64 progressIntervalMs = 50;

bool readBytes(const QString &path, std::string &bytes, QString &error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = file.errorString();
        return false;
    }
    const QByteArray data = file.readAll();
    bytes.assign(data.constData(), static_cast<std::size_t>(data.size()));
    return true;
}

} // namespace

CheckRunner::CheckRunner(QObject *parent)
    : QObject(parent) {}

CheckRunner::~CheckRunner() {
    if (m_thread) {
        m_shared->cancelled = true;
        m_thread->wait();
        delete m_thread;
    }
}

Result<std::vector<check::CheckInputFile>>
CheckRunner::gatherInputs(const QStringList &paths, std::vector<check::CheckInput> &unreadable) {
    std::vector<check::CheckInputFile> files;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            QStringList found;
            QDirIterator it(path, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                            QDirIterator::Subdirectories);
            while (it.hasNext())
                found << it.next();
            std::sort(found.begin(), found.end());
            for (const QString &file : found) {
                check::CheckInputFile input;
                input.name = toStdString(QDir::cleanPath(file));
                input.localPath = toStdString(QFileInfo(file).absoluteFilePath());
                input.named = false;
                QString error;
                if (!readBytes(file, input.bytes, error)) {
                    check::CheckInput skipped;
                    skipped.file = input.name;
                    skipped.kind = std::string(check::toString(check::InputKind::Unknown));
                    skipped.reason = "cannot read the file (" + toStdString(error) + ")";
                    unreadable.push_back(std::move(skipped));
                    continue;
                }
                files.push_back(std::move(input));
            }
            continue;
        }
        check::CheckInputFile input;
        input.name = toStdString(path);
        input.localPath = toStdString(info.absoluteFilePath());
        QString error;
        if (!readBytes(path, input.bytes, error))
            return Diagnostic{SourceLocation{input.name, 0, 0},
                              "cannot open the file (" + toStdString(error) + ")"};
        files.push_back(std::move(input));
    }
    return files;
}

Result<CheckOutcome> CheckRunner::check(const QStringList &paths,
                                        std::vector<config::PathMapping> maps,
                                        const check::CheckOptions &options) {
    std::vector<check::CheckInput> unreadable;
    Result<std::vector<check::CheckInputFile>> files = gatherInputs(paths, unreadable);
    if (!files)
        return files.errors();
    CheckOutcome outcome;
    for (const check::CheckInputFile &file : *files)
        outcome.fileTexts.emplace(file.name, file.bytes);
    outcome.maps = maps;
    check::CheckOptions withMaps = options;
    withMaps.maps = std::move(maps);
    Result<check::CheckRun> run = check::runCheck(std::move(files.value()), withMaps);
    if (!run)
        return run.errors();
    outcome.run = std::move(run.value());
    for (check::CheckInput &skipped : unreadable)
        outcome.run.report.inputs.push_back(std::move(skipped));
    outcome.index = std::make_shared<const CheckIndex>(outcome.run.report);
    return outcome;
}

bool CheckRunner::start(const QStringList &paths, std::vector<config::PathMapping> maps) {
    if (m_thread)
        return false;
    m_shared = std::make_shared<Shared>();
    m_result = std::make_shared<std::optional<Result<CheckOutcome>>>();
    check::CheckOptions options;
    // The engine calls back on the worker thread: post at most every progressIntervalMs (and
    // the last call), queued to this object, so the UI thread only draws.
    options.progress = [this, shared = m_shared](std::size_t done, std::size_t total) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (done == total || now - shared->lastPost.load() >= progressIntervalMs) {
            shared->lastPost = now;
            QMetaObject::invokeMethod(
                this,
                [this, done, total] {
                    emit progress(static_cast<qint64>(done), static_cast<qint64>(total));
                },
                Qt::QueuedConnection);
        }
        return !shared->cancelled.load();
    };
    m_thread =
        QThread::create([paths, maps = std::move(maps), options, result = m_result]() mutable {
            result->emplace(check(paths, std::move(maps), options));
        });
    connect(m_thread, &QThread::finished, this, [this] {
        m_thread->deleteLater();
        m_thread = nullptr;
        auto outcome = std::make_shared<const Result<CheckOutcome>>(std::move(**m_result));
        m_result.reset();
        emit finished(outcome);
    });
    m_thread->start();
    return true;
}

void CheckRunner::cancel() {
    if (m_shared)
        m_shared->cancelled = true;
}

} // namespace iisid::ui
