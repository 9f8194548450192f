#include "ResultCard.h"

#include "ConfidenceBadge.h"
#include "QtText.h"
#include "model/explanation.h"
#include "model/result_fields.h"
#include "ui/editor/WrappedLabel.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QGridLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QPushButton>
#include <QTimer>

namespace iisid::ui {

namespace {

QString orNone(const std::optional<std::string> &value, const QString &none) {
    return value ? toQString(*value) : none;
}

// A zero-width space after each backslash lets a narrow card break "NT AUTHORITY\NETWORK
// SERVICE" after the domain instead of growing wider than its pane; the copied text has none.
constexpr QChar breakOpportunity(0x200B);

QString breakableAccount(QString text) {
    return text.replace(QLatin1Char('\\'), QStringLiteral("\\") + breakOpportunity);
}

/// The small mark beside an identity: a symbol and, where the reference is not sure, a word, so
/// it does not rest on colour.
QString markText(Confidence confidence) {
    switch (confidence) {
    case Confidence::Confirmed:
        return ResultCard::tr("✓");
    case Confidence::Partial:
        return ResultCard::tr("◐ partial");
    case Confidence::Unconfirmed:
        return ResultCard::tr("⚠ UNCONFIRMED");
    case Confidence::Conflict:
        return ResultCard::tr("⚠ CONFLICT");
    }
    return ResultCard::tr("⚠ UNCONFIRMED");
}

/// What the mark means, for the tooltip and screen readers.
QString markMeaning(Confidence confidence) {
    switch (confidence) {
    case Confidence::Confirmed:
        return ResultCard::tr("confirmed by the sources");
    case Confidence::Partial:
        return ResultCard::tr("partly confirmed: a rule it rests on is only partly documented");
    case Confidence::Unconfirmed:
        return ResultCard::tr("unconfirmed: a rule it rests on is not confirmed by the sources");
    case Confidence::Conflict:
        return ResultCard::tr("conflict: Microsoft's own documents disagree on a rule it rests on");
    }
    return ResultCard::tr("unconfirmed");
}

/// A style sheet set again, even the same one, polishes the label anew and lays the card out.
void setStyleSheetOf(QLabel *label, const QString &sheet) {
    if (label->styleSheet() != sheet)
        label->setStyleSheet(sheet);
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

    // The result fields in the model's reading order. The identity the code runs as comes first
    // and spans the card: the question people ask; the HTTP result follows it. The worker that
    // received the request is left to the diagram: the card names the process that runs the code.
    int row = 2;
    for (IdentityField field : readingOrder) {
        if (field == IdentityField::Worker)
            continue;
        const IdentityFieldInfo &info = fieldInfo(field);
        Row added = addRow(toQString(info.caption), toQString(info.description), row, true);
        if (field == IdentityField::Code) {
            grid->removeWidget(added.value);
            grid->removeWidget(added.mark);
            grid->addWidget(added.value, row + 1, 0, 1, 2);
            grid->addWidget(added.mark, row + 1, 2, Qt::AlignVCenter | Qt::AlignRight);
            row += 2;
            m_http = addRow(toQString(httpField.label), toQString(httpField.label), row++, false);
        } else {
            ++row;
        }
        m_identities.push_back({field, added});
    }
    m_confidence = addRow(tr("Confidence"), tr("Confidence of the result"), row++, false);
    // The summary badge fills its row: hugging its text (a Maximum size policy) gave the wrapped
    // text less height than its lines need, and the badge read "⚠ UNCONFIRMED:", the rest cut.
    m_dependsOn = addRow(tr("Depends on"), tr("What the result depends on"), row++, false);
    m_dependsOn.caption->setAlignment(Qt::AlignLeft | Qt::AlignTop); // beside the first line
    m_dependsOn.value->setAccessibleDescription(
        tr("Inputs the scenario does not know (\"unknown\"): the request is shown going on as "
           "they allow it; each says the outcome if they do not."));

    m_warnings = new QLabel(this);
    m_warnings->setWordWrap(true);
    m_warnings->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_warnings->setAccessibleName(tr("Warnings"));
    grid->addWidget(m_warnings, row++, 0, 1, 3);
    grid->setRowStretch(row, 1);

    m_copy = new QPushButton(tr("&Copy"), this);
    m_copy->setToolTip(tr("Copy the result as plain text"));
    m_copy->setAccessibleName(tr("Copy the result"));
    grid->addWidget(m_copy, 2, 2, Qt::AlignTop | Qt::AlignRight);
    connect(m_copy, &QPushButton::clicked, this, &ResultCard::copy);

    updateFonts();
    setResolution(Resolution{});
}

ResultCard::Row ResultCard::addRow(const QString &caption, const QString &accessibleName, int row,
                                   bool withMark) {
    auto *grid = static_cast<QGridLayout *>(layout());
    Row result;
    result.caption = new QLabel(caption, this);
    result.caption->setForegroundRole(QPalette::PlaceholderText);
    result.caption->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    result.value = new WrappedLabel(QString(), this);
    result.value->setTextFormat(Qt::PlainText);
    result.value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    result.value->setAccessibleName(accessibleName);
    result.caption->setBuddy(result.value);
    grid->addWidget(result.caption, row, 0);
    if (withMark) {
        result.mark = new QLabel(this);
        result.mark->setTextFormat(Qt::PlainText);
        result.mark->setWordWrap(true); // "⚠ UNCONFIRMED" may break: the card stays narrow
        result.mark->setAccessibleName(tr("Confidence: %1").arg(accessibleName));
        grid->addWidget(result.value, row, 1);
        grid->addWidget(result.mark, row, 2, Qt::AlignVCenter | Qt::AlignRight);
    } else {
        grid->addWidget(result.value, row, 1, 1, 2);
    }
    return result;
}

std::vector<ResultCard::Row> ResultCard::rows() const {
    std::vector<Row> out{m_http};
    for (const IdentityRow &identity : m_identities)
        out.push_back(identity.row);
    out.push_back(m_confidence);
    return out;
}

void ResultCard::setResolution(const Resolution &resolution,
                               const std::vector<std::pair<std::string, std::string>> &problems) {
    m_resolution = resolution;
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
    for (const IdentityRow &identity : m_identities) {
        const IdentityFieldInfo &info = fieldInfo(identity.field);
        const std::optional<std::string> &value = resolution.identities.*info.value;
        QString text = identity.field == IdentityField::Thread && !value
                           ? tr("(no impersonation)")
                           : orNone(value, notReached);
        if (value && info.host && !(resolution.*info.host).empty())
            text += QStringLiteral("  (%1)").arg(toQString(resolution.*info.host));
        identity.row.value->setText(breakableAccount(text));
        // The identity's own confidence: the weakest rule it rests on, not the whole trace's.
        const Confidence confidence = resolution.confidenceOf[index(identity.field)];
        identity.row.mark->setText(markText(confidence));
        identity.row.mark->setToolTip(markMeaning(confidence));
        identity.row.mark->setAccessibleDescription(markMeaning(confidence));
        identity.row.value->setAccessibleDescription(markMeaning(confidence));
        QFont font = identity.row.mark->font();
        font.setBold(confidence != Confidence::Confirmed);
        identity.row.mark->setFont(font);
        setStyleSheetOf(identity.row.mark, badgeStyleSheet(confidence));
    }

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
    setStyleSheetOf(m_confidence.value, badgeStyleSheet(resolution.confidence));
    m_confidence.value->setToolTip(sure ? QString()
                                        : tr("The weakest rule used decides: see the marked "
                                             "steps of the explanation."));

    QStringList dependencyLines;
    for (const Dependency &dependency : resolution.dependsOn)
        dependencyLines << QStringLiteral("• %1 (%2)")
                               .arg(toQString(dependency.text), toQString(dependency.setting));
    m_dependsOn.value->setText(dependencyLines.join(QLatin1Char('\n')));

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
    for (const Row &row : rows()) {
        row.caption->setVisible(!m_hidden);
        row.value->setVisible(!m_hidden);
        if (row.mark)
            row.mark->setVisible(!m_hidden);
    }
    const bool depends = !m_hidden && !m_dependsOn.value->text().isEmpty();
    m_dependsOn.caption->setVisible(depends);
    m_dependsOn.value->setVisible(depends);
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
    for (const Row &row : rows()) {
        row.caption->setFont(sized(1.1, false));
        row.value->setFont(sized(1.35, false));
        if (row.mark)
            row.mark->setFont(sized(0.95, row.mark->font().bold()));
    }
    if (!m_identities.empty()) {
        const Row &code = m_identities.front().row; // the identity the code runs as, first
        code.caption->setFont(sized(1.3, true));
        code.value->setFont(sized(2.1, true));
    }
    m_http.value->setFont(sized(1.6, true));
    m_confidence.value->setFont(sized(1.2, true));
    m_dependsOn.caption->setFont(sized(1.1, false));
    m_dependsOn.value->setFont(sized(1.05, false));
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
    auto add = [&lines](const Row &row, QString value) {
        lines << row.caption->text() + QStringLiteral(": ") + value.remove(breakOpportunity);
    };
    add(m_http, m_http.value->text());
    // Each identity with its own mark where the reference is not sure, as the text output does.
    for (const IdentityRow &identity : m_identities) {
        QString value = identity.row.value->text();
        const Confidence confidence = m_resolution.confidenceOf[index(identity.field)];
        if (confidence != Confidence::Confirmed)
            value += QStringLiteral("  ") + toQString(confidenceMark(confidence));
        add(identity.row, value);
    }
    add(m_confidence, m_confidence.value->text());
    if (!m_dependsOn.value->text().isEmpty())
        lines << m_dependsOn.caption->text() + QLatin1Char(':') << m_dependsOn.value->text();
    if (!m_problems->text().isEmpty())
        lines << m_problems->text();
    if (!m_warnings->text().isEmpty())
        lines << tr("Warnings:") << m_warnings->text();
    return lines.join(QLatin1Char('\n'));
}

void ResultCard::copy() {
    QGuiApplication::clipboard()->setText(plainText());
    // Feedback where the eye is: the button says it was done, then reads Copy again.
    m_copy->setText(tr("Copied \u2714"));
    QTimer::singleShot(1500, m_copy, [button = m_copy] { button->setText(tr("&Copy")); });
    emit copied();
}

} // namespace iisid::ui
