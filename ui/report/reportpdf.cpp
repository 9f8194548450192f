#include "reportpdf.h"

#include "model/report/report_html.h"
#include "ui/window/QtText.h"

#include <QAbstractTextDocumentLayout>
#include <QImage>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgRenderer>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextFrameFormat>
#include <QUrl>

#include <algorithm>
#include <cmath>

namespace iisid::ui {

namespace {

/// The PDF is laid out in CSS pixels (96 per inch), as the rich-text renderer measures.
constexpr double layoutDpi = 96.0;
constexpr double captionHeight = 22.0;

/// Consecutive text blocks; a figure or a page break ends a run. A figure run holds the heading
/// just before the figure, so that the two stay on one page.
struct Run {
    std::vector<report::Block> blocks;
    const report::Figure *figure = nullptr; // set for a figure run
    bool pageBreak = false;
};

std::vector<Run> runsOf(const report::Document &document) {
    std::vector<Run> runs(1);
    for (const report::Block &block : document.blocks) {
        if (const auto *figure = std::get_if<report::Figure>(&block)) {
            Run run;
            run.figure = figure;
            std::vector<report::Block> &before = runs.back().blocks;
            if (!before.empty() && std::holds_alternative<report::Heading>(before.back())) {
                run.blocks.push_back(before.back());
                before.pop_back();
            }
            runs.push_back(std::move(run));
            runs.emplace_back();
        } else if (std::holds_alternative<report::PageBreak>(block)) {
            runs.push_back(Run{{}, nullptr, true});
            runs.emplace_back();
        } else {
            runs.back().blocks.push_back(block);
        }
    }
    return runs;
}

class PdfComposer {
public:
    PdfComposer(QPdfWriter &writer, QPainter &painter)
        : m_writer(writer)
        , m_painter(painter) {
        const double scale = m_writer.resolution() / layoutDpi;
        m_painter.scale(scale, scale);
        m_page = QSizeF(m_writer.width() / scale, m_writer.height() / scale);
    }

    void newPage() {
        if (m_y <= 0)
            return;
        m_writer.newPage();
        m_y = 0;
    }

    /// Rich text from the current position on, page after page. The document's top margin is
    /// where the text starts on the current page, so its own pagination (no line cut in two,
    /// table rows kept whole) falls on the PDF's page boundaries.
    void text(const QString &html) {
        if (html.isEmpty())
            return;
        QTextDocument document;
        prepare(document, html);
        QTextFrameFormat root = document.rootFrame()->frameFormat();
        root.setTopMargin(m_y);
        root.setBottomMargin(0);
        document.rootFrame()->setFrameFormat(root);
        const double height = document.documentLayout()->documentSize().height();
        const int pages = std::max(1, static_cast<int>(std::ceil(height / m_page.height())));
        for (int page = 0; page < pages; ++page) {
            if (page > 0)
                m_writer.newPage();
            m_painter.save();
            m_painter.translate(0, -page * m_page.height());
            const QRectF clip(0, page * m_page.height(), m_page.width(), m_page.height());
            QAbstractTextDocumentLayout::PaintContext context;
            context.clip = clip;
            m_painter.setClipRect(clip);
            document.documentLayout()->draw(&m_painter, context);
            m_painter.restore();
        }
        m_y = height - (pages - 1) * m_page.height();
    }

    /// The height `html` takes on a page.
    double heightOf(const QString &html) const {
        if (html.isEmpty())
            return 0;
        QTextDocument document;
        prepare(document, html);
        return document.documentLayout()->documentSize().height();
    }

    /// The figure as vectors, as wide as the page allows (never wider than drawn), with `lead`
    /// (its heading) above it, both on the next page when they do not fit below the text; the
    /// caption under it.
    void figure(const report::Figure &figure, const QString &lead) {
        QSvgRenderer renderer(QByteArray::fromStdString(figure.svg));
        if (!renderer.isValid())
            return;
        QSizeF size = renderer.viewBoxF().size();
        if (size.isEmpty())
            size = renderer.defaultSize();
        if (size.isEmpty())
            return;
        const double leadHeight = heightOf(lead);
        const double room = m_page.height() - leadHeight - captionHeight - 12;
        double scale = std::min(1.0, m_page.width() / size.width());
        scale = std::min(scale, room / size.height());
        const QSizeF drawn = size * scale;
        if (m_y + leadHeight + drawn.height() + captionHeight + 12 > m_page.height())
            newPage();
        text(lead);
        const QRectF target((m_page.width() - drawn.width()) / 2, m_y + 6, drawn.width(),
                            drawn.height());
        renderer.render(&m_painter, target);
        m_y = target.bottom();
        if (!figure.caption.empty()) {
            m_painter.save();
            QFont font = m_painter.font();
            font.setPixelSize(11); // layout pixels, as the text's

            m_painter.setFont(font);
            m_painter.setPen(QColor(0x4a, 0x5a, 0x70));
            m_painter.drawText(QRectF(0, m_y + 2, m_page.width(), captionHeight),
                               Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap,
                               toQString(figure.caption));
            m_painter.restore();
        }
        m_y += captionHeight + 6;
    }

private:
    void prepare(QTextDocument &document, const QString &html) const {
        document.setDefaultStyleSheet(richTextStyleSheet());
        document.setDocumentMargin(0);
        document.setHtml(html);
        document.setPageSize(m_page);
    }

    QPdfWriter &m_writer;
    QPainter &m_painter;
    QSizeF m_page;
    double m_y = 0;
};

} // namespace

QString richTextStyleSheet() {
    return QStringLiteral(
        "body { font-family: 'DejaVu Sans', 'Segoe UI', Arial, sans-serif; font-size: 9.5pt; "
        "color: #1b1b1b; }"
        "h1 { font-size: 17pt; margin-top: 2px; margin-bottom: 4px; }"
        "h2 { font-size: 13pt; margin-top: 16px; margin-bottom: 6px; color: #2b4a6f; }"
        "h3 { font-size: 11pt; margin-top: 12px; margin-bottom: 4px; }"
        "p { margin-top: 3px; margin-bottom: 3px; }"
        "p.kind { font-size: 7.5pt; color: #4a5a70; }"
        "p.provenance { color: #4a5a70; margin-bottom: 10px; }"
        "p.note { background-color: #f2f6fb; }"
        "p.warning { background-color: #fff4e0; }"
        "table { border-collapse: collapse; border-color: #b8bfc9; margin-top: 4px; "
        "margin-bottom: 8px; }"
        "th { background-color: #e9eef5; font-weight: bold; }"
        "code { font-family: 'DejaVu Sans Mono', monospace; font-size: 8.5pt; "
        "background-color: #f1f3f6; }"
        "li { margin-bottom: 4px; }"
        "a { color: #0b57d0; }");
}

QString previewHtml(const report::Document &document, QTextDocument *target) {
    QString html = toQString(report::headerHtml(document));
    std::vector<report::Block> pending;
    int figureNumber = 0;
    auto flush = [&] {
        html += toQString(report::blocksHtml(pending));
        pending.clear();
    };
    for (const report::Block &block : document.blocks) {
        const auto *figure = std::get_if<report::Figure>(&block);
        if (std::holds_alternative<report::PageBreak>(block)) {
            flush();
            html += QStringLiteral("<hr/>"); // where the printed page ends
            continue;
        }
        if (!figure) {
            pending.push_back(block);
            continue;
        }
        flush();
        QSvgRenderer renderer(QByteArray::fromStdString(figure->svg));
        const QSize size = renderer.defaultSize();
        if (!renderer.isValid() || size.isEmpty())
            continue;
        // As wide as the preview shows without scrolling sideways; the picture keeps its shape.
        constexpr int previewWidth = 720;
        const QSize shown = size.width() > previewWidth
                                ? QSize(previewWidth, size.height() * previewWidth / size.width())
                                : size;
        QImage image(shown * 2, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(2);
        image.fill(Qt::white);
        QPainter painter(&image);
        renderer.render(&painter, QRectF(QPointF(0, 0), QSizeF(shown)));
        painter.end();
        const QString name = QStringLiteral("iisid-figure:%1").arg(++figureNumber);
        target->addResource(QTextDocument::ImageResource, QUrl(name), image);
        html += QStringLiteral("<p align=\"center\"><img src=\"%1\" width=\"%2\" height=\"%3\"/>"
                               "<br/><span style=\"color:#4a5a70\">%4</span></p>")
                    .arg(name)
                    .arg(shown.width())
                    .arg(shown.height())
                    .arg(toQString(report::escapeHtml(figure->caption)));
    }
    flush();
    return html;
}

bool writeReportPdf(const report::Document &document, const QString &path, QString *error) {
    QPdfWriter writer(path);
    const bool inches = QLocale().measurementSystem() == QLocale::ImperialUSSystem;
    writer.setPageLayout(QPageLayout(QPageSize(inches ? QPageSize::Letter : QPageSize::A4),
                                     QPageLayout::Portrait, QMarginsF(15, 15, 15, 15),
                                     QPageLayout::Millimeter));
    writer.setResolution(300);
    writer.setTitle(toQString(document.title));
    writer.setCreator(QStringLiteral("iisid %1").arg(toQString(document.meta.toolVersion)));
    QPainter painter;
    if (!painter.begin(&writer)) {
        if (error)
            *error = QStringLiteral("cannot write the PDF file");
        return false;
    }
    PdfComposer composer(writer, painter);
    bool first = true;
    for (const Run &run : runsOf(document)) {
        if (run.figure) {
            composer.figure(*run.figure, toQString(report::blocksHtml(run.blocks)));
        } else if (run.pageBreak) {
            composer.newPage();
        } else if (first || !run.blocks.empty()) {
            composer.text((first ? toQString(report::headerHtml(document)) : QString()) +
                          toQString(report::blocksHtml(run.blocks)));
        }
        first = false;
    }
    if (!painter.end()) {
        if (error)
            *error = QStringLiteral("cannot finish the PDF file");
        return false;
    }
    return true;
}

} // namespace iisid::ui
