#include "reportfiles.h"

#include "reportpdf.h"

#include "model/report/check_document.h"
#include "model/report/lesson_handout.h"
#include "model/report/report_from_files.h"
#include "model/report/report_html.h"
#include "model/report/report_markdown.h"
#include "ui/check/checkrunner.h"
#include "ui/window/QtText.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace iisid::ui {

namespace {

QString suffixOf(const QString &path) {
    return QFileInfo(path).suffix().toLower();
}

/// `text` written to `path` atomically; false with `error` set on failure.
bool writeText(const QString &path, const std::string &text, QString *error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(text.data(), static_cast<qint64>(text.size())) !=
            static_cast<qint64>(text.size()) ||
        !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace

report::ReportMeta reportMeta(const QStringList &inputs) {
    qint64 seconds = QDateTime::currentSecsSinceEpoch();
    bool given = false;
    const qint64 epoch = qEnvironmentVariable("SOURCE_DATE_EPOCH").toLongLong(&given);
    if (given)
        seconds = epoch;
    report::ReportMeta meta;
    meta.toolVersion = IISID_VERSION;
    for (const QString &input : inputs)
        meta.inputs.push_back(toStdString(input));
    meta.generatedAt = report::formatUtc(seconds);
    return meta;
}

report::Document checkReport(const CheckOutcome &outcome, const QStringList &paths,
                             bool showSecrets) {
    report::CheckAssumptions assumptions;
    for (const config::PathMapping &map : outcome.maps)
        assumptions.maps.emplace_back(map.windowsDirectory, map.localDirectory);
    return report::checkDocument(outcome.run.report, assumptions, reportMeta(paths), showSecrets);
}

report::Document handoutReport(const std::vector<Lesson> &lessons) {
    std::vector<report::HandoutLesson> handout;
    for (const Lesson &lesson : lessons)
        handout.push_back(report::handoutLesson(lesson));
    // The titles follow in the handout; the provenance names where they came from.
    const QString from =
        lessons.size() == 1
            ? QCoreApplication::translate("reportfiles", "1 bundled lesson")
            : QCoreApplication::translate("reportfiles", "%1 bundled lessons").arg(lessons.size());
    return report::lessonHandout(handout, reportMeta({from}));
}

bool isReportFileName(const QString &path) {
    const QString suffix = suffixOf(path);
    return suffix == QLatin1String("html") || suffix == QLatin1String("htm") ||
           suffix == QLatin1String("md") || suffix == QLatin1String("markdown") ||
           suffix == QLatin1String("pdf");
}

bool writeReportFile(const report::Document &document, const QString &path, QString *error) {
    const QString suffix = suffixOf(path);
    if (suffix == QLatin1String("pdf"))
        return writeReportPdf(document, path, error);
    if (!isReportFileName(path)) {
        if (error)
            *error = QStringLiteral("a report is written as .html, .md or .pdf");
        return false;
    }
    if (suffix.startsWith(QLatin1String("htm")))
        return writeText(path, report::toHtml(document), error);
    // Markdown shows no inline drawing: each figure is written beside the file and linked.
    const QFileInfo info(path);
    bool written = true;
    const std::string text =
        report::toMarkdown(document, [&](const report::Figure &figure, int number) {
            const QString name =
                QStringLiteral("%1-figure%2.svg").arg(info.completeBaseName()).arg(number);
            written = written && writeText(info.dir().filePath(name), figure.svg, error);
            return toStdString(name);
        });
    return written && writeText(path, text, error);
}

Result<report::Document> reportFromPaths(const QStringList &paths) {
    std::vector<report::ReportInputFile> files;
    for (const QString &path : paths) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            Diagnostic error;
            error.location.file = toStdString(path);
            error.message = "cannot open the file (" + toStdString(file.errorString()) + ")";
            return error;
        }
        const QByteArray bytes = file.readAll();
        files.push_back({toStdString(path), toStdString(QFileInfo(path).absoluteFilePath()),
                         std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()))});
    }
    return report::reportFromFiles(files, reportMeta(paths));
}

} // namespace iisid::ui
