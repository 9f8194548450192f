#include "ExplanationPane.h"

#include "ConfidenceBadge.h"
#include "QtText.h"
#include "StepDelegate.h"
#include "model/explanation.h"

#include <QApplication>
#include <QDesktopServices>
#include <QEvent>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QStackedWidget>
#include <QUrl>
#include <QVBoxLayout>

#include <utility>

namespace iisid::ui {

namespace {

constexpr int stepTextRole = Qt::UserRole + 1;

QString sourceLinks(const Step &step) {
    QStringList links;
    for (std::string_view source : step.sources) {
        const QUrl url(toQString(source));
        const QString name = url.host().isEmpty() ? url.toString() : url.host();
        links << QStringLiteral("<a href=\"%1\">%2</a>")
                     .arg(url.toString(QUrl::FullyEncoded).toHtmlEscaped(), name.toHtmlEscaped());
    }
    return links.join(QStringLiteral(" · "));
}

} // namespace

ExplanationPane::ExplanationPane(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_list(new QListWidget(this))
    , m_hiddenNote(new QLabel(this)) {
    setAccessibleName(tr("Explanation"));
    m_list->setAccessibleName(tr("Explanation steps"));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setSpacing(2);
    m_list->setItemDelegate(new StepDelegate(m_list));
    m_list->setResizeMode(QListView::Adjust);
    m_list->setWordWrap(true);
    m_list->setUniformItemSizes(false);
    m_hiddenNote->setText(tr("The steps are shown after the reveal."));
    m_hiddenNote->setAlignment(Qt::AlignCenter);
    m_hiddenNote->setWordWrap(true);
    m_stack->addWidget(m_list);
    m_stack->addWidget(m_hiddenNote);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    setFocusProxy(m_list);

    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            emit stepActivated(row);
    });
    // The sources of a step from the keyboard too (the Menu key or Shift+F10), not only by
    // clicking a link.
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QWidget::customContextMenuRequested, this, [this] {
        // A right click makes its step current first, so the current step is the one asked for.
        const int row = m_list->currentRow();
        if (row < 0 || row >= static_cast<int>(m_steps.size()))
            return;
        QMenu menu(this);
        menu.setAccessibleName(tr("Sources of step %1").arg(row + 1));
        for (std::string_view source : m_steps[static_cast<std::size_t>(row)].sources) {
            const QUrl url(toQString(source));
            QAction *open = menu.addAction(tr("Open %1").arg(url.toString()));
            connect(open, &QAction::triggered, this, [url] { QDesktopServices::openUrl(url); });
        }
        if (menu.isEmpty())
            menu.addAction(tr("This step cites no web source"))->setEnabled(false);
        const QRect rect = m_list->visualItemRect(m_list->item(row));
        menu.exec(m_list->viewport()->mapToGlobal(rect.topLeft() + QPoint(24, 24)));
    });
}

void ExplanationPane::setResolution(const Resolution &resolution) {
    const int previous = m_list->currentRow();
    const QSignalBlocker blocker(m_list);
    const std::vector<Step> before = std::exchange(m_steps, resolution.steps);
    // The rows are kept and only their texts replaced (an unchanged text is not set again), so
    // a change that leaves most steps alone neither rebuilds the list nor repaints it whole.
    while (m_list->count() > static_cast<int>(m_steps.size()))
        delete m_list->takeItem(m_list->count() - 1);
    bool changed = false;
    int index = 0;
    for (const Step &step : m_steps) {
        QListWidgetItem *item = m_list->item(index);
        if (item && index < static_cast<int>(before.size()) && before[index] == step) {
            ++index; // the same step in the same place: its texts stand
            continue;
        }
        if (!item) {
            item = new QListWidgetItem(m_list);
            changed = true;
        }
        const QString plain = plainText(step, index);
        const QString rich = html(step, index);
        changed = changed || item->data(StepDelegate::htmlRole).toString() != rich;
        item->setData(Qt::DisplayRole, plain);
        item->setData(stepTextRole, plain);
        item->setData(Qt::AccessibleTextRole, plain);
        item->setData(StepDelegate::htmlRole, rich);
        item->setData(StepDelegate::selectedHtmlRole, rich);
        item->setToolTip(step.sources.empty() ? QString() : tr("Click a source to open it"));
        ++index;
    }
    // A text changed in place changes its row's height only when the rows are laid out again.
    if (changed)
        m_list->doItemsLayout();
    if (previous >= 0 && previous < m_list->count())
        m_list->setCurrentRow(previous);
}

QString ExplanationPane::html(const Step &step, int index) const {
    QString html = QStringLiteral("<p style=\"margin:0\"><b>%1.</b> %2 <i>(%3)</i>")
                       .arg(index + 1)
                       .arg(toQString(stageLabel(step.stage)).toHtmlEscaped(),
                            toQString(step.host).toHtmlEscaped());
    if (step.fails)
        html += QStringLiteral(" — <b>%1</b>").arg(tr("the request fails here"));
    html += QStringLiteral("<br>") + toQString(step.text).toHtmlEscaped();
    html += QStringLiteral("<br>") +
            tr("process: %1 · thread: %2")
                .arg(step.process ? toQString(*step.process) : tr("(none)"),
                     step.thread ? toQString(*step.thread) : tr("(no impersonation)"))
                .toHtmlEscaped();
    html += QStringLiteral("</p>");
    if (step.confidence != Confidence::Confirmed) {
        const bool doubtful =
            step.confidence == Confidence::Unconfirmed || step.confidence == Confidence::Conflict;
        const QString mark = toQString(confidenceMark(step.confidence)).toHtmlEscaped();
        // Doubtful rules get a badge in its own colours (ConfidenceBadge.h), never the
        // selection's, so it does not read as selected text on any step.
        const std::optional<BadgeColours> colours = badgeColours(step.confidence);
        const QColor back = colours ? colours->background : QColor();
        const QColor fore = colours ? colours->text : QColor();
        html += doubtful
                    ? QStringLiteral("<p style=\"margin:2px 0\"><span style=\"background-color:"
                                     "%1; color:%2; font-weight:bold\">&nbsp;⚠ %3&nbsp;</span>")
                          .arg(back.name(), fore.name(), mark)
                    : QStringLiteral("<p style=\"margin:2px 0\"><b>%1</b>").arg(mark);
        if (!step.uncertainty.empty())
            html += QStringLiteral(" <i>%1</i>").arg(toQString(step.uncertainty).toHtmlEscaped());
        html += QStringLiteral("</p>");
    }
    if (!step.dependsOn.empty())
        html +=
            QStringLiteral("<p style=\"margin:2px 0\"><b>%1</b> %2</p>")
                .arg(tr("Depends on:").toHtmlEscaped(), toQString(step.dependsOn).toHtmlEscaped());
    if (!step.sources.empty())
        html += QStringLiteral("<p style=\"margin:0\">%1%2</p>")
                    .arg(tr("Sources: ").toHtmlEscaped(), sourceLinks(step));
    return html;
}

QString ExplanationPane::plainText(const Step &step, int index) const {
    QStringList plain;
    plain << QStringLiteral("%1. %2").arg(index + 1).arg(toQString(step.text));
    if (step.confidence != Confidence::Confirmed)
        plain << toQString(confidenceMark(step.confidence)) << toQString(step.uncertainty);
    if (!step.dependsOn.empty())
        plain << tr("Depends on: %1").arg(toQString(step.dependsOn));
    return plain.join(QLatin1Char(' '));
}

int ExplanationPane::currentStep() const {
    return m_list->currentRow();
}

int ExplanationPane::stepCount() const {
    return m_list->count();
}

QString ExplanationPane::stepText(int index) const {
    QListWidgetItem *item = m_list->item(index);
    return item ? item->data(stepTextRole).toString() : QString();
}

void ExplanationPane::setCurrentStep(int index) {
    const QSignalBlocker blocker(m_list);
    if (index < 0 || index >= m_list->count()) {
        m_list->setCurrentRow(-1);
        m_list->clearSelection();
    } else {
        m_list->setCurrentRow(index);
        m_list->scrollToItem(m_list->item(index), QAbstractItemView::EnsureVisible);
    }
}

void ExplanationPane::setAnswerHidden(bool hidden) {
    m_stack->setCurrentWidget(hidden ? static_cast<QWidget *>(m_hiddenNote) : m_list);
}

void ExplanationPane::setPresentationScale(double scale) {
    m_scale = scale;
    updateFont();
}

void ExplanationPane::updateFont() {
    m_updatingFont = true;
    QFont font = QApplication::font(this);
    const double points = font.pointSizeF() > 0 ? font.pointSizeF() : 10.0;
    font.setPointSizeF(points * m_scale);
    m_list->setFont(font);
    QFont note = font;
    note.setPointSizeF(points * 1.4 * m_scale);
    m_hiddenNote->setFont(note);
    m_updatingFont = false;
    m_list->doItemsLayout();
}

void ExplanationPane::changeEvent(QEvent *event) {
    if (event->type() == QEvent::ApplicationFontChange && !m_updatingFont)
        updateFont();
    QWidget::changeEvent(event);
}

} // namespace iisid::ui
