#include "reportfiles.h"

#include "reportpdf.h"

#include "model/report/report_from_files.h"
#include "model/report/report_html.h"
#include "model/report/report_markdown.h"
#include "ui/window/QtText.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace iisid::ui {

namespace {

QString suffixOf(const QString &path) {
    return QFileInfo(path).suffix().toLower();
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
    const std::string text = suffix.startsWith(QLatin1String("htm")) ? report::toHtml(document)
                                                                     : report::toMarkdown(document);
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
