#include "ExplanationPane.h"

#include "QtText.h"
#include "model/explanation.h"

#include <QApplication>
#include <QDesktopServices>
#include <QEvent>
#include <QLabel>
#include <QListWidget>
#include <QScrollBar>
#include <QStackedWidget>
#include <QUrl>
#include <QVBoxLayout>

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
    m_list->viewport()->installEventFilter(this);
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
        updateHighlight();
        if (row >= 0)
            emit stepActivated(row);
    });
}

void ExplanationPane::setResolution(const Resolution &resolution) {
    const int previous = m_list->currentRow();
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    int index = 0;
    for (const Step &step : resolution.steps) {
        auto *item = new QListWidgetItem(m_list);
        QWidget *widget = createStepWidget(step, index);
        item->setData(stepTextRole, widget->accessibleDescription());
        item->setData(Qt::AccessibleTextRole, widget->accessibleDescription());
        m_list->setItemWidget(item, widget);
        ++index;
    }
    if (previous >= 0 && previous < m_list->count())
        m_list->setCurrentRow(previous);
    updateSizes();
    updateHighlight();
}

QWidget *ExplanationPane::createStepWidget(const Step &step, int index) {
    auto *widget = new QWidget;
    auto *layout = new QVBoxLayout(widget);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(2);

    QString header = QStringLiteral("<b>%1.</b> %2 <i>(%3)</i>")
                         .arg(index + 1)
                         .arg(toQString(toString(step.stage)).toHtmlEscaped(),
                              toQString(step.host).toHtmlEscaped());
    if (step.fails)
        header += QStringLiteral(" — <b>%1</b>").arg(tr("the request fails here"));
    auto *title = new QLabel(header, widget);
    title->setTextFormat(Qt::RichText);
    layout->addWidget(title);

    auto *text = new QLabel(toQString(step.text), widget);
    text->setTextFormat(Qt::PlainText);
    text->setWordWrap(true);
    layout->addWidget(text);

    const QString tokens =
        tr("process: %1 · thread: %2")
            .arg(step.process ? toQString(*step.process) : tr("(none)"),
                 step.thread ? toQString(*step.thread) : tr("(no impersonation)"));
    auto *tokenLabel = new QLabel(tokens, widget);
    tokenLabel->setTextFormat(Qt::PlainText);
    tokenLabel->setWordWrap(true);
    layout->addWidget(tokenLabel);

    QString confidence;
    if (step.confidence != Confidence::Confirmed) {
        const bool doubtful =
            step.confidence == Confidence::Unconfirmed || step.confidence == Confidence::Conflict;
        confidence = (doubtful ? QStringLiteral("⚠ ") : QString()) +
                     toQString(confidenceMark(step.confidence));
        auto *badge = new QLabel(confidence, widget);
        QFont bold = badge->font();
        bold.setBold(true);
        badge->setFont(bold);
        badge->setObjectName(QStringLiteral("confidenceBadge"));
        // The badge is drawn in the palette's highlight colours, so it stands out in light and
        // dark themes alike.
        badge->setAutoFillBackground(doubtful);
        badge->setBackgroundRole(QPalette::Highlight);
        badge->setForegroundRole(doubtful ? QPalette::HighlightedText : QPalette::WindowText);
        badge->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Preferred);
        layout->addWidget(badge);
        if (!step.uncertainty.empty()) {
            auto *why = new QLabel(toQString(step.uncertainty), widget);
            why->setTextFormat(Qt::PlainText);
            why->setWordWrap(true);
            QFont italic = why->font();
            italic.setItalic(true);
            why->setFont(italic);
            layout->addWidget(why);
        }
    }

    if (!step.sources.empty()) {
        auto *sources = new QLabel(tr("Sources: ") + sourceLinks(step), widget);
        sources->setTextFormat(Qt::RichText);
        sources->setWordWrap(true);
        sources->setTextInteractionFlags(Qt::LinksAccessibleByMouse |
                                         Qt::LinksAccessibleByKeyboard);
        sources->setOpenExternalLinks(false);
        connect(sources, &QLabel::linkActivated, this,
                [](const QString &link) { QDesktopServices::openUrl(QUrl(link)); });
        layout->addWidget(sources);
    }

    QStringList plain;
    plain << QStringLiteral("%1. %2").arg(index + 1).arg(toQString(step.text));
    if (!confidence.isEmpty())
        plain << confidence << toQString(step.uncertainty);
    widget->setAccessibleDescription(plain.join(QLatin1Char(' ')));
    return widget;
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
    updateHighlight();
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
    updateSizes();
}

void ExplanationPane::updateHighlight() {
    // The current row is drawn in the palette's highlight; its labels (and links) switch to
    // the matching text colour so they stay readable in every theme.
    const int current = m_list->currentRow();
    const QPalette normal = m_list->palette();
    QPalette highlighted = normal;
    highlighted.setColor(QPalette::Link, normal.color(QPalette::HighlightedText));
    highlighted.setColor(QPalette::LinkVisited, normal.color(QPalette::HighlightedText));
    for (int row = 0; row < m_list->count(); ++row) {
        QWidget *widget = m_list->itemWidget(m_list->item(row));
        if (!widget)
            continue;
        for (QLabel *label : widget->findChildren<QLabel *>()) {
            if (label->objectName() == QLatin1String("confidenceBadge") &&
                label->autoFillBackground())
                continue;
            label->setPalette(row == current ? highlighted : normal);
            label->setForegroundRole(row == current ? QPalette::HighlightedText
                                                    : QPalette::WindowText);
        }
    }
}

void ExplanationPane::updateSizes() {
    const int width = m_list->viewport()->width() - 2 * m_list->spacing();
    if (width <= 0)
        return;
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        QWidget *widget = m_list->itemWidget(item);
        if (!widget)
            continue;
        const int height = widget->hasHeightForWidth() ? widget->heightForWidth(width)
                                                       : widget->sizeHint().height();
        item->setSizeHint(QSize(width, height));
    }
}

bool ExplanationPane::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_list->viewport() && event->type() == QEvent::Resize)
        updateSizes();
    return QWidget::eventFilter(watched, event);
}

void ExplanationPane::changeEvent(QEvent *event) {
    if (event->type() == QEvent::ApplicationFontChange && !m_updatingFont)
        updateFont();
    if (event->type() == QEvent::PaletteChange)
        updateHighlight();
    QWidget::changeEvent(event);
}

} // namespace iisid::ui
