#include "CollapsibleSection.h"

#include <QFrame>
#include <QToolButton>
#include <QVBoxLayout>

namespace iisid::ui {

CollapsibleSection::CollapsibleSection(const QString &title, QWidget *parent)
    : QWidget(parent)
    , m_header(new QToolButton(this))
    , m_content(new QFrame(this)) {
    m_header->setText(title);
    m_header->setCheckable(true);
    m_header->setChecked(true);
    m_header->setAutoRaise(true);
    m_header->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_header->setArrowType(Qt::DownArrow);
    m_header->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    QFont bold = m_header->font();
    bold.setBold(true);
    m_header->setFont(bold);
    m_header->setAccessibleName(title);
    m_header->setAccessibleDescription(tr("Shows or hides the %1 settings").arg(title));

    auto *frame = static_cast<QFrame *>(m_content);
    frame->setFrameShape(QFrame::StyledPanel);
    // Each label above its control: the editor is a narrow column, and a control beside its
    // label leaves too little room to read "(default: Worker process isolation)". A plain box
    // layout, not a form: a form in this shape gave a row whose reason wraps to more lines too
    // little height, so the reason overlapped the next row. Slim margins: at 1280x720 the
    // column's width goes to the controls.
    m_rows = new QVBoxLayout(m_content);
    m_rows->setContentsMargins(4, 4, 2, 4);
    m_rows->setSpacing(2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_header);
    layout->addWidget(m_content);

    connect(m_header, &QToolButton::toggled, this, [this](bool on) { setExpanded(on); });
}

void CollapsibleSection::addRow(QWidget *label, QWidget *field) {
    if (m_rows->count() > 0)
        m_rows->addSpacing(6);
    m_rows->addWidget(label);
    m_rows->addWidget(field);
}

QWidget *CollapsibleSection::header() const {
    return m_header;
}

bool CollapsibleSection::isExpanded() const {
    return m_header->isChecked();
}

void CollapsibleSection::setExpanded(bool expanded) {
    m_header->setChecked(expanded);
    m_header->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_content->setVisible(expanded);
}

} // namespace iisid::ui
