#include "checkview.h"

#include "checkfilter.h"
#include "checkmodels.h"
#include "findingdetail.h"
#include "model/check/check_summary.h"
#include "model/check/identity_map.h"
#include "model/check/redact.h"
#include "model/settings.h"
#include "ui/window/QtText.h"
#include "ui/window/RecentList.h"
#include "ui/window/ScenarioFiles.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace iisid::ui {

namespace {

constexpr int maxRecentChecks = 8;
const char *const recentChecksKey = "recentChecks";
const char *const folderMappingsKey = "checkFolderMappings";
/// Up to this many sites the tree opens every site; a bigger server opens folded.
constexpr int expandedSitesLimit = 200;

QString mappingKey(const QString &localFolder) {
    // QSettings keys treat '/' as a group separator: keep the folder as one key.
    QString key = QFileInfo(localFolder).absoluteFilePath();
    return QString::fromLatin1(key.toUtf8().toBase64(QByteArray::Base64UrlEncoding));
}

bool holdsWebConfig(const QString &folder) {
    QDirIterator it(folder, {QStringLiteral("web.config")}, QDir::Files,
                    QDirIterator::Subdirectories);
    return it.hasNext();
}

/// A message reads from its start: elided at the right, where the table elides in the middle.
class ElideRightDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override {
        QStyledItemDelegate::initStyleOption(option, index);
        option->textElideMode = Qt::ElideRight;
    }
};

} // namespace

CheckView::CheckView(QWidget *parent)
    : QWidget(parent)
    , m_runner(new CheckRunner(this)) {
    setObjectName(QStringLiteral("checkView"));
    setAccessibleName(tr("Configuration check"));
    createWidgets();
    createActions();
    connect(m_runner, &CheckRunner::progress, this, [this](qint64 done, qint64 total) {
        m_progress->setRange(0, static_cast<int>(total));
        m_progress->setValue(static_cast<int>(done));
        m_progressLabel->setText(tr("Resolving identities: %1 of %2 applications…")
                                     .arg(QLocale().toString(done), QLocale().toString(total)));
    });
    connect(m_runner, &CheckRunner::finished, this, &CheckView::finish);
    updateButtons();
    updateSummary();
}

CheckView::~CheckView() = default;

void CheckView::createWidgets() {
    m_open = new QPushButton(tr("Check &Configuration…"), this);
    m_open->setAccessibleName(tr("Check a configuration file or folder"));
    connect(m_open, &QPushButton::clicked, this, &CheckView::openRequested);
    m_explain = new QPushButton(tr("E&xplain"), this);
    m_explain->setAccessibleName(tr("Explain the chosen application"));
    m_explain->setToolTip(
        tr("Open the chosen application (or the application of the chosen finding) in the "
           "explainer: the request flow, the steps and the result (Enter or double-click)"));
    connect(m_explain, &QPushButton::clicked, this, &CheckView::explainCurrent);
    m_compare = new QPushButton(tr("Compare &with…"), this);
    m_compare->setAccessibleName(tr("Pin the chosen application as A to compare with another"));
    m_compare->setToolTip(tr("Pin the chosen application as A; then explain another one to "
                             "compare them"));
    connect(m_compare, &QPushButton::clicked, this, &CheckView::compareCurrent);

    auto *filterLabel = new QLabel(tr("&Filter:"), this);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("checkFilter"));
    m_filter->setAccessibleName(tr("Filter applications and findings by text"));
    m_filter->setPlaceholderText(tr("site, path, account, rule…"));
    m_filter->setClearButtonEnabled(true);
    filterLabel->setBuddy(m_filter);
    auto *severityLabel = new QLabel(tr("&Severity:"), this);
    m_severity = new QComboBox(this);
    m_severity->setObjectName(QStringLiteral("checkSeverity"));
    m_severity->setAccessibleName(tr("Show rows with findings of at least this severity"));
    m_severity->addItem(tr("All rows"), -1);
    for (Severity severity : check::allSeverities)
        m_severity->addItem(severityIcon(severity), tr("%1 or worse").arg(severityText(severity)),
                            static_cast<int>(severity));
    severityLabel->setBuddy(m_severity);
    m_secrets = new QPushButton(tr("Show Secre&ts"), this);
    m_secrets->setCheckable(true);
    m_secrets->setAccessibleName(tr("Show secrets"));
    m_secrets->setToolTip(tr("Passwords and encrypted values are shown as ******** until you "
                             "ask to see them"));
    connect(m_secrets, &QPushButton::clicked, this, &CheckView::askShowSecrets);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_open);
    bar->addWidget(m_explain);
    bar->addWidget(m_compare);
    bar->addSpacing(12);
    bar->addWidget(filterLabel);
    bar->addWidget(m_filter, 1);
    bar->addWidget(severityLabel);
    bar->addWidget(m_severity);
    bar->addWidget(m_secrets);

    m_progressRow = new QWidget(this);
    m_progressLabel = new QLabel(m_progressRow);
    m_progress = new QProgressBar(m_progressRow);
    m_progress->setAccessibleName(tr("Check progress"));
    m_cancel = new QPushButton(tr("Cancel"), m_progressRow);
    m_cancel->setAccessibleName(tr("Cancel the check"));
    connect(m_cancel, &QPushButton::clicked, this, &CheckView::cancel);
    auto *progressLayout = new QHBoxLayout(m_progressRow);
    progressLayout->setContentsMargins(0, 0, 0, 0);
    progressLayout->addWidget(m_progressLabel);
    progressLayout->addWidget(m_progress, 1);
    progressLayout->addWidget(m_cancel);
    m_progressRow->hide();

    m_inputs = new QLabel(this);
    m_inputs->setObjectName(QStringLiteral("checkInputs"));
    m_inputs->setWordWrap(true);
    m_inputs->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_inputs->setAccessibleName(tr("Files read"));

    m_placeholder = new QLabel(this);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    showPlaceholder();

    m_treeModel = new ServerTreeModel(this);
    m_treeProxy = new CheckFilterProxy(this);
    m_treeProxy->setSourceModel(m_treeModel);
    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("serverTree"));
    m_tree->setAccessibleName(tr("Sites and applications"));
    m_tree->setModel(m_treeProxy);
    m_tree->setUniformRowHeights(true);
    // Unsorted at first: the report's order (by site id, then path) costs nothing on a big
    // server; a click on a header sorts.
    m_tree->setSortingEnabled(true);
    m_tree->header()->setSortIndicator(-1, Qt::AscendingOrder);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->header()->setStretchLastSection(true);
    const int widths[] = {280, 110, 170, 200, 170, 220, 340, 200};
    for (int column = 0; column < ServerTreeModel::ColumnCount; ++column)
        m_tree->setColumnWidth(column, widths[column]);

    m_findingsModel = new FindingsModel(this);
    m_findingsProxy = new CheckFilterProxy(this);
    m_findingsProxy->setSourceModel(m_findingsModel);
    m_findings = new QTableView(this);
    m_findings->setObjectName(QStringLiteral("findingsTable"));
    m_findings->setAccessibleName(tr("Findings"));
    m_findings->setModel(m_findingsProxy);
    // The report's order is by severity, then file and line.
    m_findings->setSortingEnabled(true);
    m_findings->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_findings->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_findings->setSelectionMode(QAbstractItemView::SingleSelection);
    m_findings->setWordWrap(false);
    // Keep both ends of a long file name (its line number) and of a site/path.
    m_findings->setTextElideMode(Qt::ElideMiddle);
    m_findings->setItemDelegateForColumn(FindingsModel::MessageColumn,
                                         new ElideRightDelegate(m_findings));
    m_findings->setTabKeyNavigation(false);
    m_findings->verticalHeader()->hide();
    m_findings->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_findings->horizontalHeader()->setStretchLastSection(true);
    const int findingWidths[] = {90, 250, 420, 190, 160};
    for (int column = 0; column < FindingsModel::ColumnCount; ++column)
        m_findings->setColumnWidth(column, findingWidths[column]);
    m_findings->setColumnWidth(FindingsModel::LocationColumn, 160);

    m_detail = new FindingDetail(this);

    auto *lower = new QSplitter(Qt::Horizontal, this);
    lower->addWidget(m_findings);
    lower->addWidget(m_detail);
    lower->setStretchFactor(0, 3);
    lower->setStretchFactor(1, 2);
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("checkSplitter"));
    m_splitter->addWidget(m_tree);
    m_splitter->addWidget(lower);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->hide();

    m_status = new QStatusBar(this);
    m_status->setSizeGripEnabled(false);
    m_status->setAccessibleName(tr("Check summary"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addLayout(bar);
    layout->addWidget(m_progressRow);
    layout->addWidget(m_inputs);
    layout->addWidget(m_placeholder, 1);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_status);

    setTabOrder(m_open, m_explain);
    setTabOrder(m_explain, m_compare);
    setTabOrder(m_compare, m_filter);
    setTabOrder(m_filter, m_severity);
    setTabOrder(m_severity, m_secrets);
    setTabOrder(m_secrets, m_tree);
    setTabOrder(m_tree, m_findings);
    setTabOrder(m_findings, m_detail->copyButton());

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_treeProxy->setFilterFixedString(text);
        m_findingsProxy->setFilterFixedString(text);
        updateSummary();
    });
    connect(m_severity, &QComboBox::currentIndexChanged, this, [this] {
        const int value = m_severity->currentData().toInt();
        const std::optional<Severity> minimum =
            value < 0 ? std::nullopt : std::optional<Severity>(static_cast<Severity>(value));
        m_treeProxy->setMinimumSeverity(minimum);
        m_findingsProxy->setMinimumSeverity(minimum);
        updateSummary();
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_currentApplication = current.data(ApplicationRole).toInt();
                if (!current.isValid())
                    m_currentApplication = -1;
                updateButtons();
            });
    connect(m_findings->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CheckView::showFinding);
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (index.data(ApplicationRole).toInt() >= 0)
            explainCurrent();
    });
    connect(m_findings, &QTableView::activated, this, [this] { explainCurrent(); });
}

void CheckView::createActions() {
    m_showSecretsAction = new QAction(tr("Show &Secrets"), this);
    m_showSecretsAction->setCheckable(true);
    connect(m_showSecretsAction, &QAction::triggered, this, &CheckView::askShowSecrets);
    m_copyAction = new QAction(tr("&Copy Finding"), this);
    m_copyAction->setShortcuts(QKeySequence::keyBindings(QKeySequence::Copy));
    m_copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_copyAction, &QAction::triggered, m_detail, &FindingDetail::copy);
    m_findings->addAction(m_copyAction);
    m_findings->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_recentMenu = new QMenu(tr("Recent &Checks"), this);
    connect(m_recentMenu, &QMenu::aboutToShow, this, &CheckView::fillRecentMenu);
}

bool CheckView::openPaths(const QStringList &paths) {
    if (paths.isEmpty() || m_runner->isRunning())
        return false;
    std::vector<config::PathMapping> maps;
    for (const QString &path : paths) {
        const QString windows = QFileInfo(path).isDir() ? folderMapping(path) : QString();
        if (!windows.isEmpty())
            maps.push_back({toStdString(windows), toStdString(QFileInfo(path).absoluteFilePath())});
    }
    if (!m_runner->start(paths, std::move(maps)))
        return false;
    m_runningPaths = paths;
    m_progress->setRange(0, 0); // reading and parsing: busy until the first count arrives
    m_progressLabel->setText(tr("Reading %1…").arg(QFileInfo(paths.first()).fileName()));
    m_progressRow->show();
    m_cancel->setEnabled(true);
    m_cancel->setFocus();
    if (!outcome())
        m_placeholder->setText(
            tr("<p><b>Checking %1…</b></p><p>The sites, applications and findings appear here "
               "when the check is done.</p>")
                .arg(QFileInfo(paths.first()).fileName().toHtmlEscaped()));
    updateButtons();
    emit checkStarted();
    return true;
}

bool CheckView::isRunning() const {
    return m_runner->isRunning();
}

void CheckView::cancel() {
    m_runner->cancel();
    m_cancel->setEnabled(false);
    m_progressLabel->setText(tr("Cancelling…"));
}

const CheckOutcome *CheckView::outcome() const {
    return m_outcome && m_outcome->ok() ? &m_outcome->value() : nullptr;
}

QString CheckView::folderMapping(const QString &localFolder) {
    QSettings settings;
    settings.beginGroup(QLatin1String(folderMappingsKey));
    return settings.value(mappingKey(localFolder)).toString();
}

void CheckView::setFolderMapping(const QString &localFolder, const QString &windowsFolder) {
    QSettings settings;
    settings.beginGroup(QLatin1String(folderMappingsKey));
    settings.setValue(mappingKey(localFolder), windowsFolder);
}

void CheckView::askFolderMapping(const QString &localFolder) {
    if (!QFileInfo(localFolder).isDir() || !holdsWebConfig(localFolder))
        return;
    {
        QSettings settings;
        settings.beginGroup(QLatin1String(folderMappingsKey));
        if (settings.contains(mappingKey(localFolder)))
            return;
    }
    bool ok = false;
    const QString windows = QInputDialog::getText(
        this, tr("Where was this folder on the server?"),
        tr("%1 holds web.config files. Which Windows folder of the server is it a copy of "
           "(for example C:\\inetpub\\wwwroot)? The check places each web.config by the "
           "configuration's physical paths. Leave empty if it is not a copy of one.")
            .arg(QDir::toNativeSeparators(localFolder)),
        QLineEdit::Normal, QString(), &ok);
    if (ok)
        setFolderMapping(localFolder, windows.trimmed());
}

void CheckView::finish(const std::shared_ptr<const Result<CheckOutcome>> &result) {
    m_progressRow->hide();
    updateButtons();
    if (!result->ok()) {
        showPlaceholder();
        const std::vector<Diagnostic> &errors = result->errors();
        const bool cancelled = errors.size() == 1 && errors.front().location.file.empty() &&
                               errors.front().message == "check cancelled";
        if (cancelled) {
            m_status->showMessage(tr("Check cancelled; the view is unchanged."), 5000);
        } else {
            // The dialog is window-modal but does not block: the window keeps drawing.
            auto *box = new QMessageBox(QMessageBox::Critical, tr("Cannot check the configuration"),
                                        tr("%1 was not checked; the view is unchanged.")
                                            .arg(QFileInfo(m_runningPaths.value(0)).fileName()),
                                        QMessageBox::Ok, this);
            box->setObjectName(QStringLiteral("checkErrorBox"));
            box->setInformativeText(
                toQString(check::redact(toStdString(ScenarioFiles::describe(errors)), m_show)));
            box->setTextInteractionFlags(Qt::TextSelectableByMouse);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        }
        emit checkFinished(false);
        return;
    }
    m_treeModel->setReport(nullptr, nullptr);
    m_findingsModel->setReport(nullptr, nullptr);
    m_outcome = result;
    m_index = m_outcome->value().index.get();
    m_paths = m_runningPaths;
    addRecent(m_paths);
    showOutcome();
    emit checkFinished(true);
}

void CheckView::showPlaceholder() {
    m_placeholder->setText(
        tr("<p><b>Check a server's configuration</b></p>"
           "<p>Open an applicationHost.config, a MetaBase.xml, web.config or php.ini files, or "
           "a whole folder copied off a server (File &gt; Check Configuration…, or drop them "
           "here). Nothing is ever written to the files.</p>"));
}

void CheckView::showOutcome() {
    const check::CheckReport &report = m_outcome->value().run.report;
    m_treeModel->setShowSecrets(m_show);
    m_findingsModel->setShowSecrets(m_show);
    m_treeModel->setReport(&report, m_index);
    m_findingsModel->setReport(&report, m_index);
    m_placeholder->hide();
    m_splitter->show();
    if (m_index->sites.size() <= static_cast<std::size_t>(expandedSitesLimit))
        m_tree->expandAll();
    m_currentApplication = -1;

    QStringList inputs;
    QStringList skipped;
    for (const check::CheckInput &input : report.inputs) {
        const QString name = QFileInfo(toQString(check::redact(input.file, m_show))).fileName();
        if (!input.reason.empty()) {
            skipped << tr("%1 (%2)").arg(name, toQString(check::redact(input.reason, m_show)));
            continue;
        }
        QString line = QStringLiteral("%1: %2").arg(name, toQString(input.kind));
        if (!input.iisVersion.empty())
            line += tr(", IIS %1").arg(toQString(input.iisVersion));
        inputs << line;
    }
    QString text = tr("<b>Read:</b> %1").arg(inputs.join(QStringLiteral("; ")).toHtmlEscaped());
    if (!skipped.isEmpty())
        text += tr("<br><b>Skipped (%1):</b> %2")
                    .arg(skipped.size())
                    .arg(skipped.join(QStringLiteral("; ")).toHtmlEscaped());
    m_inputs->setText(text);
    m_inputs->setToolTip(text);

    updateSummary();
    updateButtons();
    if (m_findingsProxy->rowCount() > 0)
        m_findings->setCurrentIndex(m_findingsProxy->index(0, 0));
    else
        m_detail->setFinding(nullptr, {}, m_show);
    m_tree->setFocus();
}

void CheckView::showFinding(const QModelIndex &proxyIndex) {
    const CheckOutcome *shown = outcome();
    if (!shown || !proxyIndex.isValid()) {
        m_detail->setFinding(nullptr, {}, m_show);
        return;
    }
    const int row = proxyIndex.data(FindingRole).toInt();
    const check::CheckFinding &finding = shown->run.report.findings[static_cast<std::size_t>(row)];
    const auto text = shown->fileTexts.find(finding.finding.location.file);
    m_detail->setFinding(
        &finding, text == shown->fileTexts.end() ? std::string_view() : text->second, m_show);
    m_currentApplication = proxyIndex.data(ApplicationRole).toInt();
    updateButtons();
}

void CheckView::selectApplication(int application) {
    for (int site = 0; site < m_treeProxy->rowCount(); ++site) {
        const QModelIndex parent = m_treeProxy->index(site, 0);
        for (int row = 0; row < m_treeProxy->rowCount(parent); ++row) {
            const QModelIndex index = m_treeProxy->index(row, 0, parent);
            if (index.data(ApplicationRole).toInt() == application) {
                m_tree->setCurrentIndex(index);
                m_tree->scrollTo(index);
                return;
            }
        }
    }
}

void CheckView::updateSummary() {
    const CheckOutcome *shown = outcome();
    if (!shown) {
        m_status->clearMessage();
        return;
    }
    const check::CheckReport &report = shown->run.report;
    const auto counts = check::countBySeverity(report);
    QStringList parts;
    for (Severity severity : check::allSeverities)
        parts << QStringLiteral("%1 %2")
                     .arg(counts[static_cast<std::size_t>(severity)])
                     .arg(severityText(severity));
    QString summary = tr("Findings: %1 — %2 applications in %3 sites, %4 pools")
                          .arg(parts.join(QStringLiteral(" · ")))
                          .arg(report.applications.size())
                          .arg(m_index->sites.size())
                          .arg(report.pools.size());
    if (m_findingsProxy->rowCount() != static_cast<int>(report.findings.size()))
        summary += tr(" — %1 findings shown").arg(m_findingsProxy->rowCount());
    m_status->showMessage(summary);
}

void CheckView::updateButtons() {
    const bool running = m_runner->isRunning();
    const bool application = outcome() && m_currentApplication >= 0;
    m_open->setEnabled(!running);
    m_explain->setEnabled(!running && application);
    m_compare->setEnabled(!running && application);
}

std::optional<LoadedScenario> CheckView::scenarioOf(int application, QString &title) const {
    const CheckOutcome *shown = outcome();
    if (!shown || application < 0 ||
        application >= static_cast<int>(shown->run.report.applications.size()))
        return std::nullopt;
    const check::CheckApplication &row =
        shown->run.report.applications[static_cast<std::size_t>(application)];
    for (const check::AppScenario &app : shown->run.applications) {
        if (app.siteId != row.siteId || app.site != row.site || app.path != row.path)
            continue;
        title = toQString(check::redact(check::appName(app), m_show));
        std::optional<LoadedScenario> scenario = check::explainedScenario(app);
        if (scenario)
            scenario->scenario.title = toStdString(title);
        return scenario;
    }
    return std::nullopt;
}

void CheckView::explainCurrent() {
    QString title;
    const std::optional<LoadedScenario> scenario = scenarioOf(m_currentApplication, title);
    if (!scenario) {
        if (!title.isEmpty())
            m_status->showMessage(tr("%1: no request can reach this application (no "
                                     "authentication method is enabled).")
                                      .arg(title),
                                  8000);
        return;
    }
    ScenarioEditor::Origins origins;
    for (const Setting &setting : settings()) {
        const SettingValue value = setting.get(scenario->scenario);
        if (std::holds_alternative<std::monostate>(value))
            continue;
        origins.emplace(setting.id,
                        toQString(check::redact(
                            check::settingOrigin(scenario->locations, setting.id, value), m_show)));
    }
    emit explainRequested(scenario->scenario, title, origins);
}

void CheckView::compareCurrent() {
    QString title;
    const std::optional<LoadedScenario> scenario = scenarioOf(m_currentApplication, title);
    if (scenario)
        emit compareRequested(scenario->scenario, title);
}

void CheckView::askShowSecrets(bool show) {
    if (show && !m_show) {
        const auto answer = QMessageBox::question(
            this, tr("Show secrets?"),
            tr("Passwords, connection-string passwords and encrypted values will be shown in "
               "every view and copy of this check. Show them?"),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes)
            show = false;
    }
    setShowSecrets(show);
}

void CheckView::setShowSecrets(bool show) {
    m_show = show;
    m_secrets->setChecked(show);
    m_showSecretsAction->setChecked(show);
    m_secrets->setText(show ? tr("Hide Secre&ts") : tr("Show Secre&ts"));
    if (!outcome())
        return;
    const int application = m_currentApplication;
    const QModelIndex finding = m_findings->currentIndex();
    const int findingRow = finding.isValid() ? finding.row() : -1;
    m_treeModel->setShowSecrets(show);
    m_findingsModel->setShowSecrets(show);
    if (m_index->sites.size() <= static_cast<std::size_t>(expandedSitesLimit))
        m_tree->expandAll();
    if (application >= 0)
        selectApplication(application);
    if (findingRow >= 0)
        m_findings->setCurrentIndex(m_findingsProxy->index(findingRow, 0));
    showFinding(m_findings->currentIndex());
}

void CheckView::addRecent(const QStringList &paths) {
    QStringList absolute;
    for (const QString &path : paths)
        absolute << QFileInfo(path).absoluteFilePath();
    rememberRecent(QLatin1String(recentChecksKey), absolute.join(QLatin1Char('\n')),
                   maxRecentChecks);
}

void CheckView::fillRecentMenu() {
    m_recentMenu->clear();
    const QStringList entries = recentEntries(QLatin1String(recentChecksKey));
    int number = 1;
    for (const QString &entry : entries) {
        const QStringList paths = entry.split(QLatin1Char('\n'));
        QString label = QDir::toNativeSeparators(paths.first());
        if (paths.size() > 1)
            label += tr(" and %1 more").arg(paths.size() - 1);
        QAction *action =
            m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(number++).arg(label));
        action->setData(paths);
        connect(action, &QAction::triggered, this,
                [this, action] { openPaths(action->data().toStringList()); });
    }
    if (entries.isEmpty())
        m_recentMenu->addAction(tr("(no recent checks)"))->setEnabled(false);
}

} // namespace iisid::ui
