#include "findingdetail.h"

#include "checkmodels.h"
#include "model/check/app_scenario.h"
#include "model/check/redact.h"
#include "ui/window/QtText.h"

#include <QApplication>
#include <QClipboard>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTextBlock>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace iisid::ui {

namespace {

/// Lines shown before and after the cause.
constexpr int contextLines = 6;

/// Lines first..last (1-based) of text, without their line ends.
std::vector<std::string_view> linesOf(std::string_view text, int first, int last) {
    std::vector<std::string_view> lines;
    int number = 1;
    std::size_t start = 0;
    while (start <= text.size() && number <= last) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        if (number >= first) {
            std::string_view line = text.substr(start, end - start);
            if (!line.empty() && line.back() == '\r')
                line.remove_suffix(1);
            lines.push_back(line);
        }
        if (end == text.size())
            break;
        start = end + 1;
        ++number;
    }
    return lines;
}

} // namespace

FindingDetail::FindingDetail(QWidget *parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("findingDetail"));
    m_icon = new QLabel(this);
    m_heading = new QLabel(this);
    m_heading->setWordWrap(true);
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_heading->setAccessibleName(tr("Finding"));
    m_copy = new QPushButton(tr("&Copy Finding"), this);
    m_copy->setAccessibleName(tr("Copy the finding as text"));
    m_copy->setEnabled(false);
    connect(m_copy, &QPushButton::clicked, this, &FindingDetail::copy);

    m_source = new QPlainTextEdit(this);
    m_source->setObjectName(QStringLiteral("findingSource"));
    m_source->setReadOnly(true);
    m_source->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_source->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_source->setAccessibleName(tr("Configuration lines around the cause"));
    m_source->setTabChangesFocus(true);
    m_source->setPlaceholderText(tr("Choose a finding to see the lines that cause it."));

    m_text = new QTextBrowser(this);
    m_text->setObjectName(QStringLiteral("findingText"));
    m_text->setOpenExternalLinks(true);
    m_text->setAccessibleName(tr("Message, fix and sources"));
    m_text->setTabChangesFocus(true);

    auto *head = new QHBoxLayout;
    head->addWidget(m_icon);
    head->addWidget(m_heading, 1);
    head->addWidget(m_copy);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_source);
    split->addWidget(m_text);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(head);
    layout->addWidget(split, 1);
    setFinding(nullptr, {}, false);
}

void FindingDetail::setFinding(const check::CheckFinding *checkFinding, std::string_view fileText,
                               bool show) {
    m_finding = checkFinding;
    m_show = show;
    m_line = 0;
    m_copy->setEnabled(checkFinding != nullptr);
    m_source->clear();
    m_source->setExtraSelections({});
    if (!checkFinding) {
        m_icon->clear();
        m_heading->setText(tr("No finding chosen."));
        m_text->clear();
        return;
    }
    auto redacted = [show](std::string_view text) { return toQString(check::redact(text, show)); };
    const Finding &finding = checkFinding->finding;
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(severityIcon(finding.severity).pixmap(iconSize, iconSize));
    QString heading =
        QStringLiteral("<b>%1</b> — %2 — %3")
            .arg(severityText(finding.severity), redacted(finding.rule).toHtmlEscaped(),
                 toQString(toString(finding.status)));
    if (!checkFinding->cis.empty())
        heading += tr(" — CIS %1").arg(redacted(checkFinding->cis).toHtmlEscaped());
    m_heading->setText(heading);

    // The file's lines around the cause, the cause's line marked (a margin arrow, not colour
    // alone) and highlighted.
    const SourceLocation &location = finding.location;
    if (location.line > 0 && !fileText.empty()) {
        const int first = std::max(1, location.line - contextLines);
        const std::vector<std::string_view> lines =
            linesOf(fileText, first, location.line + contextLines);
        const int width =
            static_cast<int>(QString::number(first + static_cast<int>(lines.size())).size());
        QStringList shown;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const int number = first + static_cast<int>(i);
            shown << QStringLiteral("%1 %2 │ %3")
                         .arg(number == location.line ? QStringLiteral("▶") : QStringLiteral(" "))
                         .arg(number, width)
                         .arg(toQString(check::redactConfigurationLine(lines[i], show)));
        }
        m_source->setPlainText(shown.join(QLatin1Char('\n')));
        const QTextBlock block = m_source->document()->findBlockByNumber(location.line - first);
        if (block.isValid()) {
            m_line = location.line;
            QTextEdit::ExtraSelection selection;
            selection.format.setBackground(palette().color(QPalette::Highlight).lighter(170));
            selection.format.setProperty(QTextFormat::FullWidthSelection, true);
            selection.cursor = QTextCursor(block);
            m_source->setExtraSelections({selection});
            m_source->setTextCursor(QTextCursor(block));
            m_source->centerCursor();
        }
    } else if (location.file.empty()) {
        m_source->setPlainText(tr("This finding is not tied to a line of a file."));
    } else {
        m_source->setPlainText(
            tr("%1: the file's text is not available.").arg(redacted(location.toString())));
    }

    QString html = QStringLiteral("<p>%1</p>").arg(redacted(finding.message).toHtmlEscaped());
    if (!location.file.empty())
        html += tr("<p><b>Where:</b> %1</p>").arg(redacted(location.toString()).toHtmlEscaped());
    if (!checkFinding->site.empty())
        html += tr("<p><b>Site/path:</b> %1</p>")
                    .arg(redacted(check::appName(checkFinding->site, checkFinding->path.empty()
                                                                         ? std::string_view("/")
                                                                         : checkFinding->path))
                             .toHtmlEscaped());
    if (!finding.fix.empty())
        html += tr("<p><b>Fix:</b> %1</p>").arg(redacted(finding.fix).toHtmlEscaped());
    html += tr("<p><b>Status:</b> %1</p>").arg(toQString(toString(finding.status)));
    if (!checkFinding->cis.empty())
        html += tr("<p><b>CIS benchmark item:</b> %1</p>")
                    .arg(redacted(checkFinding->cis).toHtmlEscaped());
    QStringList sources;
    if (!checkFinding->source.empty()) {
        const QString url = redacted(checkFinding->source).toHtmlEscaped();
        sources << QStringLiteral("<a href=\"%1\">%1</a>").arg(url);
    }
    for (std::string_view fact : finding.facts)
        sources << redacted(fact).toHtmlEscaped();
    if (!sources.isEmpty())
        html += tr("<p><b>Sources:</b> %1</p>").arg(sources.join(QStringLiteral(", ")));
    m_text->setHtml(html);
}

void FindingDetail::copy() {
    if (m_finding)
        QApplication::clipboard()->setText(findingText(*m_finding, m_show));
}

} // namespace iisid::ui
