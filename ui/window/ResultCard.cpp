#include "ResultCard.h"

#include "QtText.h"
#include "model/explanation.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QGridLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QPushButton>

namespace iisid::ui {

namespace {

QString orNone(const std::optional<std::string> &value, const QString &none) {
    return value ? toQString(*value) : none;
}

} // namespace

ResultCard::ResultCard(QWidget *parent)
    : QFrame(parent) {
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Result"));
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);

    auto *grid = new QGridLayout(this);
    grid->setColumnStretch(1, 1);
    m_hiddenNote =
        new QLabel(tr("Predict first: choose your answer in the lesson, then reveal."), this);
    m_hiddenNote->setWordWrap(true);
    m_hiddenNote->setAlignment(Qt::AlignCenter);
    grid->addWidget(m_hiddenNote, 0, 0, 1, 3);
    m_problems = new QLabel(this);
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_problems->setAccessibleName(tr("Input problems"));
    grid->addWidget(m_problems, 1, 0, 1, 3);

    // The identity the code runs as comes first and spans the card: the question people ask.
    m_code = addRow(tr("Code runs as"), tr("Identity the code runs as"), 2);
    grid->removeWidget(m_code.value);
    grid->addWidget(m_code.value, 3, 0, 1, 3);
    m_http = addRow(tr("HTTP result"), tr("HTTP result"), 4);
    m_process = addRow(tr("Process"), tr("Process identity"), 5);
    m_thread = addRow(tr("Thread token"), tr("Thread token"), 6);
    m_content = addRow(tr("Reads the content"), tr("Identity that reads the content"), 7);
    m_child = addRow(tr("Child process"), tr("Identity of a child process"), 8);
    m_network = addRow(tr("Network sees"), tr("Identity the network sees"), 9);
    m_confidence = addRow(tr("Confidence"), tr("Confidence of the result"), 10);
    m_confidence.value->setBackgroundRole(QPalette::Highlight);
    m_confidence.value->setForegroundRole(QPalette::HighlightedText);

    m_warnings = new QLabel(this);
    m_warnings->setWordWrap(true);
    m_warnings->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_warnings->setAccessibleName(tr("Warnings"));
    grid->addWidget(m_warnings, 11, 0, 1, 3);
    grid->setRowStretch(12, 1);

    m_copy = new QPushButton(tr("&Copy"), this);
    m_copy->setToolTip(tr("Copy the result as plain text"));
    m_copy->setAccessibleName(tr("Copy the result"));
    grid->addWidget(m_copy, 2, 2, Qt::AlignTop | Qt::AlignRight);
    connect(m_copy, &QPushButton::clicked, this, &ResultCard::copy);

    updateFonts();
    setResolution(Resolution{});
}

ResultCard::Row ResultCard::addRow(const QString &caption, const QString &accessibleName, int row) {
    auto *grid = static_cast<QGridLayout *>(layout());
    Row result;
    result.caption = new QLabel(caption, this);
    result.caption->setForegroundRole(QPalette::PlaceholderText);
    result.caption->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    result.value = new QLabel(this);
    result.value->setWordWrap(true);
    result.value->setTextFormat(Qt::PlainText);
    result.value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    result.value->setAccessibleName(accessibleName);
    result.caption->setBuddy(result.value);
    grid->addWidget(result.caption, row, 0);
    grid->addWidget(result.value, row, 1, 1, 2);
    return result;
}

void ResultCard::setResolution(const Resolution &resolution,
                               const std::vector<std::pair<std::string, std::string>> &problems) {
    m_resolution = resolution;
    const Identities &ids = resolution.identities;
    const bool failed = resolution.http && resolution.http->status >= 400;
    const QString notReached = failed ? tr("not reached") : tr("(none)");

    if (resolution.http) {
        QString http = toQString(resolution.http->toString());
        if (failed)
            http = tr("%1 (fails)").arg(http);
        m_http.value->setText(http);
    } else {
        m_http.value->setText(tr("no request (code runs outside one)"));
    }
    m_code.value->setText(orNone(ids.code, notReached));
    QString process = orNone(ids.process, notReached);
    if (ids.process && !resolution.processHost.empty())
        process += QStringLiteral("  (%1)").arg(toQString(resolution.processHost));
    m_process.value->setText(process);
    m_thread.value->setText(ids.thread ? toQString(*ids.thread) : tr("(no impersonation)"));
    m_content.value->setText(orNone(ids.content, notReached));
    m_child.value->setText(orNone(ids.child, notReached));
    m_network.value->setText(orNone(ids.network, notReached));

    const bool sure = resolution.confidence == Confidence::Confirmed;
    QString confidence = toQString(confidenceMark(resolution.confidence));
    if (resolution.confidence == Confidence::Unconfirmed)
        confidence = tr("⚠ UNCONFIRMED: a rule used here is not confirmed by the sources");
    else if (resolution.confidence == Confidence::Conflict)
        confidence = tr("⚠ CONFLICT: Microsoft's own documents disagree on a rule used here");
    else if (resolution.confidence == Confidence::Partial)
        confidence = tr("partly confirmed");
    else
        confidence = tr("confirmed by the sources");
    m_confidence.value->setText(confidence);
    m_confidence.value->setAutoFillBackground(!sure);
    m_confidence.value->setToolTip(sure ? QString()
                                        : tr("The weakest rule used decides: see the marked "
                                             "steps of the explanation."));
    m_confidence.value->setForegroundRole(sure ? QPalette::WindowText : QPalette::HighlightedText);

    QStringList problemLines;
    for (const auto &[id, message] : problems)
        problemLines << QStringLiteral("⚠ %1: %2").arg(toQString(id), toQString(message));
    m_problems->setText(problemLines.isEmpty() ? QString()
                                               : tr("Input problems:") + QLatin1Char('\n') +
                                                     problemLines.join(QLatin1Char('\n')));
    QStringList warningLines;
    for (const Finding &finding : resolution.findings)
        warningLines << QStringLiteral("• ") + toQString(finding.message);
    m_warnings->setText(warningLines.join(QLatin1Char('\n')));
    updateVisibility();
}

void ResultCard::setAnswerHidden(bool hidden) {
    m_hidden = hidden;
    updateVisibility();
}

void ResultCard::updateVisibility() {
    m_hiddenNote->setVisible(m_hidden);
    for (const Row &row :
         {m_http, m_code, m_process, m_thread, m_content, m_child, m_network, m_confidence}) {
        row.caption->setVisible(!m_hidden);
        row.value->setVisible(!m_hidden);
    }
    m_problems->setVisible(!m_hidden && !m_problems->text().isEmpty());
    m_warnings->setVisible(!m_hidden && !m_warnings->text().isEmpty());
    m_copy->setEnabled(!m_hidden);
}

void ResultCard::setPresentationScale(double scale) {
    m_scale = scale;
    updateFonts();
}

void ResultCard::updateFonts() {
    // Sizes follow the application's font (and so the desktop's choice), scaled for the room.
    m_updatingFonts = true;
    const QFont base = QApplication::font(this);
    const double points = base.pointSizeF() > 0 ? base.pointSizeF() : 10.0;
    auto sized = [&](double factor, bool bold) {
        QFont font = base;
        font.setPointSizeF(points * factor * m_scale);
        font.setBold(bold);
        return font;
    };
    for (const Row &row :
         {m_http, m_process, m_thread, m_content, m_child, m_network, m_confidence}) {
        row.caption->setFont(sized(1.1, false));
        row.value->setFont(sized(1.35, false));
    }
    m_code.caption->setFont(sized(1.3, true));
    m_code.value->setFont(sized(2.1, true));
    m_http.value->setFont(sized(1.6, true));
    m_confidence.value->setFont(sized(1.2, true));
    m_hiddenNote->setFont(sized(1.5, true));
    m_problems->setFont(sized(1.1, true));
    m_warnings->setFont(sized(1.05, false));
    m_updatingFonts = false;
}

void ResultCard::changeEvent(QEvent *event) {
    if (event->type() == QEvent::ApplicationFontChange && !m_updatingFonts)
        updateFonts();
    QFrame::changeEvent(event);
}

QString ResultCard::plainText() const {
    QStringList lines;
    auto add = [&lines](const Row &row) {
        lines << row.caption->text() + QStringLiteral(": ") + row.value->text();
    };
    for (const Row &row :
         {m_http, m_code, m_process, m_thread, m_content, m_child, m_network, m_confidence})
        add(row);
    if (!m_problems->text().isEmpty())
        lines << m_problems->text();
    if (!m_warnings->text().isEmpty())
        lines << tr("Warnings:") << m_warnings->text();
    return lines.join(QLatin1Char('\n'));
}

void ResultCard::copy() const {
    QGuiApplication::clipboard()->setText(plainText());
}

} // namespace iisid::ui
