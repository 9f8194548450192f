#include "matrixwindow.h"

#include "matrixtablemodel.h"
#include "model/matrix.h"
#include "model/settings.h"
#include "ui/window/QtText.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <array>

namespace iisid::ui {

namespace {

/// The export formats, each once: its writer, its file suffix and its name in the dialog.
struct ExportInfo {
    MatrixWindow::ExportFormat format;
    std::string (*write)(const Matrix &);
    const char *suffix;
    const char *name;
};

constexpr std::array<ExportInfo, 3> exportFormats{{
    {MatrixWindow::ExportFormat::Html, matrixHtml, "html", "HTML page"},
    {MatrixWindow::ExportFormat::Markdown, matrixMarkdown, "md", "Markdown"},
    {MatrixWindow::ExportFormat::Csv, matrixCsv, "csv", "CSV"},
}};

const ExportInfo &exportInfo(MatrixWindow::ExportFormat format) {
    for (const ExportInfo &info : exportFormats) {
        if (info.format == format)
            return info;
    }
    return exportFormats.front();
}

/// A picker over the whole catalogue: "Group › Label", the setting id as data, help on hover.
QComboBox *settingPicker(QWidget *parent) {
    auto *picker = new QComboBox(parent);
    for (const Setting &setting : settings()) {
        picker->addItem(toQString(setting.group + " › " + setting.label), toQString(setting.id));
        picker->setItemData(picker->count() - 1, toQString(setting.help), Qt::ToolTipRole);
    }
    picker->setMaxVisibleItems(20);
    return picker;
}

} // namespace

MatrixWindow::MatrixWindow(QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_model(new MatrixTableModel(this)) {
    setObjectName(QStringLiteral("MatrixWindow"));
    setWindowTitle(tr("Identity Matrix — IIS Identity Explainer"));

    m_rows = settingPicker(this);
    m_rows->setObjectName(QStringLiteral("matrixRows"));
    m_rows->setAccessibleName(tr("Setting along the rows"));
    m_columns = settingPicker(this);
    m_columns->setObjectName(QStringLiteral("matrixColumns"));
    m_columns->setAccessibleName(tr("Setting along the columns"));
    auto *swap = new QToolButton(this);
    swap->setText(tr("Swap"));
    swap->setToolTip(tr("Exchange rows and columns"));

    auto *rowsLabel = new QLabel(tr("&Rows:"), this);
    rowsLabel->setBuddy(m_rows);
    auto *columnsLabel = new QLabel(tr("&Columns:"), this);
    columnsLabel->setBuddy(m_columns);
    auto *pickers = new QHBoxLayout;
    pickers->addWidget(rowsLabel);
    pickers->addWidget(m_rows, 1);
    pickers->addSpacing(12);
    pickers->addWidget(columnsLabel);
    pickers->addWidget(m_columns, 1);
    pickers->addWidget(swap);

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("matrixTitle"));
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("matrixView"));
    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Identity matrix"));
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);

    auto *legend = new QLabel(
        toQString(differsLegend) +
            tr(". Hover a cell for the child process and network identity; double-click it or "
               "press Enter to open it in the explainer."),
        this);
    legend->setWordWrap(true);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("matrixProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setStyleSheet(QStringLiteral("color: #a00000"));
    m_problem->hide();

    auto *buttons = new QDialogButtonBox(this);
    for (const ExportInfo &info : exportFormats) {
        QPushButton *button =
            buttons->addButton(tr("Export %1…").arg(tr(info.name)), QDialogButtonBox::ActionRole);
        button->setObjectName(QStringLiteral("export_%1").arg(QLatin1String(info.suffix)));
        m_exportButtons.push_back(button);
        const ExportFormat format = info.format;
        connect(button, &QPushButton::clicked, this, [this, format] { exportAs(format); });
    }
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    connect(close, &QPushButton::clicked, this, &QWidget::close);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(pickers);
    layout->addWidget(m_title);
    // Where the table's title goes, so that nobody looks for the table and misses why.
    layout->addWidget(m_problem);
    layout->addWidget(m_view, 1);
    layout->addWidget(legend);
    layout->addWidget(buttons);

    connect(m_rows, &QComboBox::currentIndexChanged, this, &MatrixWindow::rebuild);
    connect(m_columns, &QComboBox::currentIndexChanged, this, &MatrixWindow::rebuild);
    connect(swap, &QToolButton::clicked, this, [this] { setAxes(columnKey(), rowKey()); });
    // Double-click and Enter both activate an item.
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (index.isValid())
            emit scenarioRequested(m_model->cell(index).scenario);
    });

    setAxes(QStringLiteral("appPool.identity"),
            QStringLiteral("authentication.anonymous.userName"));
    resize(1100, 520);
}

MatrixWindow::~MatrixWindow() = default;

void MatrixWindow::setBase(const Scenario &base) {
    m_base = base;
    rebuild();
}

bool MatrixWindow::setAxes(const QString &rowKey, const QString &columnKey) {
    const int row = m_rows->findData(rowKey);
    const int column = m_columns->findData(columnKey);
    if (row < 0 || column < 0)
        return false;
    // One rebuild for both changes.
    {
        const QSignalBlocker blockRows(m_rows);
        const QSignalBlocker blockColumns(m_columns);
        m_rows->setCurrentIndex(row);
        m_columns->setCurrentIndex(column);
    }
    rebuild();
    return true;
}

QString MatrixWindow::rowKey() const {
    return m_rows->currentData().toString();
}

QString MatrixWindow::columnKey() const {
    return m_columns->currentData().toString();
}

QString MatrixWindow::problem() const {
    return m_problem->text();
}

void MatrixWindow::rebuild() {
    const Result<Matrix> built = buildMatrix(m_base, MatrixAxis{toStdString(rowKey()), {}},
                                             MatrixAxis{toStdString(columnKey()), {}});
    if (!built) {
        QStringList lines;
        for (const Diagnostic &d : built.errors())
            lines << toQString(d.message);
        m_model->clear();
        m_title->clear();
        m_problem->setText(lines.join(QLatin1Char('\n')));
        m_problem->show();
        for (QPushButton *button : m_exportButtons)
            button->setEnabled(false);
        return;
    }
    m_problem->clear();
    m_problem->hide();
    for (QPushButton *button : m_exportButtons)
        button->setEnabled(true);
    m_title->setText(toQString(built->title));
    m_model->setMatrix(built.value());
}

std::optional<QString> MatrixWindow::exportTo(const QString &path, ExportFormat format) const {
    if (m_model->rowCount() == 0)
        return tr("there is no matrix to export");
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return file.errorString();
    const std::string text = exportInfo(format).write(m_model->matrix());
    file.write(text.data(), static_cast<qint64>(text.size()));
    if (!file.commit())
        return file.errorString();
    return std::nullopt;
}

void MatrixWindow::exportAs(ExportFormat format) {
    const ExportInfo &info = exportInfo(format);
    const QString suffix = QLatin1String(info.suffix);
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the Identity Matrix"), QStringLiteral("identity-matrix.%1").arg(suffix),
        tr("%1 (*.%2)").arg(tr(info.name), suffix));
    if (path.isEmpty())
        return;
    if (std::optional<QString> error = exportTo(path, format))
        QMessageBox::critical(this, tr("Cannot export"),
                              tr("%1 could not be written: %2").arg(path, *error));
}

} // namespace iisid::ui
