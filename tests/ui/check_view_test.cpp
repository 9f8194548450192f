#include "UiTestApp.h"

#include "model/check/check_engine.h"
#include "model/check/identity_map.h"
#include "model/settings.h"
#include "ui/check/checkfilter.h"
#include "ui/check/checkmodels.h"
#include "ui/check/checkview.h"
#include "ui/check/findingdetail.h"
#include "ui/compare/ComparePanel.h"
#include "ui/diagram/diagramview.h"
#include "ui/editor/ScenarioEditor.h"
#include "ui/window/MainWindow.h"
#include "ui/window/QtText.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>

#include <gtest/gtest.h>

#include <ostream>

using iisid::ui::CheckView;
using iisid::ui::FindingsModel;
using iisid::ui::MainWindow;
using iisid::ui::ServerTreeModel;
using iisid::ui::toQString;

namespace {

const QString corpus = QStringLiteral(IISID_CORPUS_DIR);
const QString pubslocator =
    corpus + QStringLiteral("/applicationhost/NCIOCPL_pubslocator__applicationHost.config");

/// An applicationHost.config with a secret: the pool's password.
const char *const secretConfig = R"(<?xml version="1.0" encoding="UTF-8"?>
<configuration>
  <system.applicationHost>
    <applicationPools>
      <add name="AdminPool" managedRuntimeVersion="v4.0">
        <processModel identityType="SpecificUser" userName="CONTOSO\administrator" password="S3cret!Pw" />
      </add>
    </applicationPools>
    <sites>
      <site name="Shop" id="1">
        <application path="/" applicationPool="AdminPool">
          <virtualDirectory path="/" physicalPath="C:\inetpub\shop" />
        </application>
        <bindings>
          <binding protocol="http" bindingInformation="*:80:" />
        </bindings>
      </site>
    </sites>
  </system.applicationHost>
</configuration>
)";

/// Every row of a tree model (depth first) with its parent.
std::vector<QModelIndex> allRows(const QAbstractItemModel &model, const QModelIndex &parent = {}) {
    std::vector<QModelIndex> rows;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        rows.push_back(index);
        for (const QModelIndex &child : allRows(model, index))
            rows.push_back(child);
    }
    return rows;
}

QString cell(const QModelIndex &row, int column) {
    return row.sibling(row.row(), column).data().toString();
}

class CheckViewTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { iisid::ui::test::application(); }

    void SetUp() override {
        ASSERT_TRUE(m_dir.isValid());
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1600, 1000);
        m_view = m_window->checkView();
    }

    /// Checks paths and waits for the end; true when the check succeeded.
    bool check(const QStringList &paths) {
        QSignalSpy finished(m_view, &CheckView::checkFinished);
        m_window->checkPaths(paths);
        EXPECT_TRUE(m_view->isRunning());
        if (!finished.wait(120000))
            return false;
        return finished.first().first().toBool();
    }

    QString writeFile(const QString &name, const QByteArray &text) const {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(text);
        return path;
    }

    /// The tree row of an application "SITE/PATH", invalid when not shown.
    QModelIndex applicationRow(const QString &site, const QString &path) const {
        const QAbstractItemModel &model = *m_view->serverTree()->model();
        for (const QModelIndex &row : allRows(model)) {
            if (!row.parent().isValid())
                continue;
            if (row.parent().data().toString().endsWith(QStringLiteral(": ") + site) &&
                row.data().toString() == path)
                return row;
        }
        return {};
    }

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    CheckView *m_view = nullptr;
};

TEST_F(CheckViewTest, OpeningACorpusFileShowsItsSitesApplicationsAndFindings) {
    ASSERT_TRUE(check({pubslocator}));
    EXPECT_TRUE(m_window->isShowingCheck());
    const QModelIndex guam =
        applicationRow(QStringLiteral("pubsprod.lmbps.com"), QStringLiteral("/GUAMTEST"));
    ASSERT_TRUE(guam.isValid());
    EXPECT_EQ(cell(guam, ServerTreeModel::PoolColumn), QStringLiteral("GUAM"));
    // GUAM is SpecificUser without a userName: WAS cannot start it (config-semantics.md §5 #4),
    // so no worker and every request 503, as `iisid check` says.
    EXPECT_EQ(cell(guam, ServerTreeModel::WorkerColumn), QStringLiteral("?"));
    EXPECT_EQ(cell(guam, ServerTreeModel::AnonymousColumn), QStringLiteral("NT AUTHORITY\\IUSR"));
    EXPECT_EQ(cell(guam, ServerTreeModel::AuthenticationColumn),
              QStringLiteral("anonymous, windows"));
    EXPECT_EQ(cell(guam, ServerTreeModel::CodeAnonymousColumn),
              QStringLiteral("- (HTTP 503) [UNCONFIRMED] (asp, aspnet, static)"));
    EXPECT_EQ(cell(guam, ServerTreeModel::CodeAuthenticatedColumn),
              QStringLiteral("- (HTTP 503) [UNCONFIRMED] (asp, aspnet, static)"));

    const iisid::check::CheckReport &report = m_view->outcome()->run.report;
    EXPECT_EQ(m_view->findingsTable()->model()->rowCount(),
              static_cast<int>(report.findings.size()));
    EXPECT_EQ(report.applications.size(), 37u);
    // Counts per severity in the status bar, as words.
    EXPECT_EQ(m_view->statusBar()->currentMessage(),
              QStringLiteral("Findings: 11 error · 3 high · 2 medium · 31 low · 1 info — 37 "
                             "applications in 6 sites, 8 pools"));
    // Severity as an icon and a word.
    const QModelIndex admin =
        applicationRow(QStringLiteral("pubsprod.lmbps.com"), QStringLiteral("/ncipladmin"));
    ASSERT_TRUE(admin.isValid());
    const QModelIndex worst = admin.sibling(admin.row(), ServerTreeModel::SeverityColumn);
    // Its own finding is high (basic without SSL); its pool cannot log on (an error of the pool,
    // tied to no one site): the worst is the pool's.
    EXPECT_EQ(worst.data().toString().toStdString(), "error");
    EXPECT_FALSE(worst.data(Qt::DecorationRole).value<QIcon>().isNull());
}

/// A corpus file, with the name its test row carries.
struct CorpusFile {
    const char *name;
    const char *path; // below the corpus
};

// ctest and failures name the row, not its bytes.
void PrintTo(const CorpusFile &file, std::ostream *out) {
    *out << file.name;
}

std::string corpusRowName(const ::testing::TestParamInfo<CorpusFile> &row) {
    return row.param.name;
}

/// The tree says what `iisid check --format json` says, application by application.
class CheckViewMatchesCli : public CheckViewTest,
                            public ::testing::WithParamInterface<CorpusFile> {};

TEST_P(CheckViewMatchesCli, TreeIdentitiesEqualTheCliJson) {
    const QString path = corpus + QLatin1Char('/') + QLatin1String(GetParam().path);
    QProcess cli;
    cli.start(QStringLiteral(IISID_CLI_PATH),
              {QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("json"), path});
    ASSERT_TRUE(cli.waitForFinished(120000));
    const QJsonObject json = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    const QJsonArray applications = json.value(QStringLiteral("applications")).toArray();
    ASSERT_FALSE(applications.isEmpty());
    ASSERT_TRUE(check({path}));

    int compared = 0;
    for (const QJsonValue &value : applications) {
        const QJsonObject app = value.toObject();
        const QModelIndex row = applicationRow(app.value(QStringLiteral("site")).toString(),
                                               app.value(QStringLiteral("path")).toString());
        ASSERT_TRUE(row.isValid()) << app.value(QStringLiteral("path")).toString().toStdString();
        const QJsonValue worker = app.value(QStringLiteral("worker"));
        EXPECT_EQ(cell(row, ServerTreeModel::WorkerColumn),
                  worker.isNull() ? QStringLiteral("?") : worker.toString());
        const QString pool = app.value(QStringLiteral("pool")).toString();
        EXPECT_EQ(cell(row, ServerTreeModel::PoolColumn),
                  pool.isEmpty() ? QStringLiteral("(none)") : pool);
        const QJsonValue anonymous = app.value(QStringLiteral("authentication"))
                                         .toObject()
                                         .value(QStringLiteral("anonymousIdentity"));
        EXPECT_EQ(cell(row, ServerTreeModel::AnonymousColumn),
                  anonymous.isNull() ? QStringLiteral("-") : anonymous.toString());
        // Each handler kind's code account stands in the code cells beside its kind.
        const QString tipAnonymous = row.sibling(row.row(), ServerTreeModel::CodeAnonymousColumn)
                                         .data(Qt::ToolTipRole)
                                         .toString();
        const QString tipAuthenticated =
            row.sibling(row.row(), ServerTreeModel::CodeAuthenticatedColumn)
                .data(Qt::ToolTipRole)
                .toString();
        for (const QJsonValue &handlerValue : app.value(QStringLiteral("handlers")).toArray()) {
            const QJsonObject handler = handlerValue.toObject();
            const QString head = QStringLiteral("%1 (%2): ")
                                     .arg(handler.value(QStringLiteral("kind")).toString(),
                                          handler.value(QStringLiteral("path")).toString());
            for (const auto &[request, tip] :
                 {std::pair{QStringLiteral("anonymous"), tipAnonymous},
                  std::pair{QStringLiteral("authenticated"), tipAuthenticated}}) {
                const QJsonValue answer = handler.value(request);
                const QJsonValue code = answer.toObject().value(QStringLiteral("code"));
                const QString expected =
                    head +
                    (answer.isNull() || code.isNull() ? QStringLiteral("-") : code.toString());
                EXPECT_TRUE(tip.contains(expected))
                    << tip.toStdString() << " lacks " << expected.toStdString();
            }
        }
        ++compared;
    }
    EXPECT_EQ(compared, applications.size());
}

INSTANTIATE_TEST_SUITE_P(
    Corpus, CheckViewMatchesCli,
    ::testing::Values(
        CorpusFile{"PubsLocator", "applicationhost/NCIOCPL_pubslocator__applicationHost.config"},
        CorpusFile{"EicInventory",
                   "applicationhost/dalawton_eic-inventory__applicationHost.config"},
        CorpusFile{
            "IisAdministration",
            "applicationhost/microsoft_IIS.Administration__scripts-publish-applicationHost.config"},
        CorpusFile{"JexusManager",
                   "applicationhost/jexuswebserver_JexusManager__Tests-original2.config"},
        CorpusFile{
            "Metabase",
            "metabase/"
            "modulogrc_modSIC__Modulo.Collect.Probe.Common.Test-Resources-metabaseSample.xml"}),
    corpusRowName);

TEST_F(CheckViewTest, EveryServerOfTheCorpusOpensWithItsApplications) {
    QStringList files;
    for (const QFileInfo &file :
         QDir(corpus + QStringLiteral("/applicationhost")).entryInfoList(QDir::Files, QDir::Name))
        files << file.absoluteFilePath();
    files << corpus + QStringLiteral("/metabase/"
                                     "modulogrc_modSIC__Modulo.Collect.Probe.Common.Test-Resources-"
                                     "metabaseSample.xml");
    ASSERT_GE(files.size(), 19);
    for (const QString &file : files) {
        ASSERT_TRUE(check({file})) << file.toStdString();
        const iisid::check::CheckReport &report = m_view->outcome()->run.report;
        ASSERT_FALSE(report.applications.empty()) << file.toStdString();
        std::size_t applications = 0;
        for (const QModelIndex &row : allRows(*m_view->serverTree()->model()))
            applications += row.parent().isValid() ? 1 : 0;
        EXPECT_EQ(applications, report.applications.size()) << file.toStdString();
        EXPECT_EQ(m_view->findingsTable()->model()->rowCount(),
                  static_cast<int>(report.findings.size()));
    }
}

TEST_F(CheckViewTest, FiltersByTextAndSeverityAndSorts) {
    ASSERT_TRUE(check({pubslocator}));
    QTreeView *tree = m_view->serverTree();
    const QAbstractItemModel &model = *tree->model();
    const std::size_t everything = allRows(model).size();

    // Case-insensitive, in every column: two sites have /ncipladmin, one also /NCIPLAdminNew
    // (in the report's order until a header is clicked).
    QTest::keyClicks(m_view->filterEdit(), QStringLiteral("ncipladmin"));
    std::vector<QModelIndex> rows = allRows(model);
    QStringList shown;
    for (const QModelIndex &row : rows)
        shown << row.data().toString();
    EXPECT_EQ(shown.join(QLatin1Char(',')).toStdString(),
              QStringLiteral("Site 1: pubsprod.lmbps.com,/ncipladmin,"
                             "Site 5: pubstraining.cancer.gov,/NCIPLAdminNew,/ncipladmin")
                  .toStdString());
    m_view->filterEdit()->clear();
    EXPECT_EQ(allRows(model).size(), everything);

    // High or worse: only rows whose worst finding is high or error (here every application:
    // every pool of this file is SpecificUser without a user name), and only those findings.
    QComboBox *severity = m_view->severityBox();
    severity->setCurrentIndex(severity->findData(static_cast<int>(iisid::Severity::High)));
    rows = allRows(model);
    ASSERT_FALSE(rows.empty());
    for (const QModelIndex &row : rows) {
        const QString word = cell(row, ServerTreeModel::SeverityColumn);
        EXPECT_TRUE(word == QStringLiteral("high") || word == QStringLiteral("error"))
            << word.toStdString();
    }
    EXPECT_EQ(m_view->findingsTable()->model()->rowCount(), 11 + 3);
    for (int row = 0; row < m_view->findingsTable()->model()->rowCount(); ++row) {
        const QString word = m_view->findingsTable()
                                 ->model()
                                 ->index(row, FindingsModel::SeverityColumn)
                                 .data()
                                 .toString();
        EXPECT_TRUE(word == QStringLiteral("high") || word == QStringLiteral("error"));
    }
    severity->setCurrentIndex(0);

    // Sorting the applications by path, descending.
    tree->sortByColumn(ServerTreeModel::NameColumn, Qt::DescendingOrder);
    const QModelIndex site = model.index(0, 0);
    ASSERT_GT(model.rowCount(site), 1);
    for (int row = 1; row < model.rowCount(site); ++row)
        EXPECT_GE(model.index(row - 1, 0, site)
                      .data()
                      .toString()
                      .compare(model.index(row, 0, site).data().toString(), Qt::CaseInsensitive),
                  0);
    // Findings by severity: errors first; descending puts info first.
    QTableView *findings = m_view->findingsTable();
    findings->sortByColumn(FindingsModel::SeverityColumn, Qt::DescendingOrder);
    EXPECT_EQ(findings->model()->index(0, FindingsModel::SeverityColumn).data().toString(),
              QStringLiteral("info"));
}

TEST_F(CheckViewTest, TheDetailPaneShowsTheFindingsLine) {
    ASSERT_TRUE(check({pubslocator}));
    QTableView *findings = m_view->findingsTable();
    // The first finding is chosen: IISID-POOL-SPECIFICUSER-EMPTY for GUAM at line 134.
    const iisid::check::CheckFinding &first =
        m_view->outcome()->run.report.findings[static_cast<std::size_t>(
            findings->currentIndex().data(iisid::ui::FindingRole).toInt())];
    EXPECT_EQ(m_view->detail()->highlightedLine(), first.finding.location.line);

    // Another: an undefined pool.
    for (int row = 0; row < findings->model()->rowCount(); ++row) {
        if (findings->model()->index(row, FindingsModel::RuleColumn).data().toString() ==
            QStringLiteral("IISID-POOL-UNDEFINED")) {
            findings->setCurrentIndex(findings->model()->index(row, 0));
            break;
        }
    }
    const iisid::check::CheckFinding &chosen =
        m_view->outcome()->run.report.findings[static_cast<std::size_t>(
            findings->currentIndex().data(iisid::ui::FindingRole).toInt())];
    ASSERT_EQ(chosen.finding.rule, "IISID-POOL-UNDEFINED");
    const int line = chosen.finding.location.line;
    ASSERT_GT(line, 0);
    EXPECT_EQ(m_view->detail()->highlightedLine(), line);
    QFile file(pubslocator);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll()).replace(QStringLiteral("\r"), QString());
    const QString causeLine = text.split(QLatin1Char('\n')).value(line - 1).trimmed();
    const QString shown = m_view->detail()->sourceView()->toPlainText();
    EXPECT_TRUE(shown.contains(QStringLiteral("▶ %1 │ ").arg(line)));
    EXPECT_TRUE(shown.contains(causeLine)) << causeLine.toStdString();
    EXPECT_TRUE(m_view->detail()->sourceView()->isReadOnly());
    EXPECT_TRUE(
        m_view->detail()->textView()->toPlainText().contains(toQString(chosen.finding.fix)));
    EXPECT_TRUE(m_view->detail()->textView()->toHtml().contains(toQString(chosen.source)));

    m_view->detail()->copy();
    const QString copied = QGuiApplication::clipboard()->text();
    EXPECT_TRUE(copied.contains(QStringLiteral("IISID-POOL-UNDEFINED")));
    EXPECT_TRUE(copied.contains(QStringLiteral(":%1:").arg(line)));
}

TEST_F(CheckViewTest, ExplainOpensTheApplicationsScenarioWithTheSettingsOrigins) {
    ASSERT_TRUE(check({pubslocator}));
    const QModelIndex guam =
        applicationRow(QStringLiteral("pubsprod.lmbps.com"), QStringLiteral("/GUAMTEST"));
    ASSERT_TRUE(guam.isValid());
    m_view->serverTree()->setCurrentIndex(guam);
    ASSERT_TRUE(m_view->explainButton()->isEnabled());
    m_view->explainButton()->click();

    EXPECT_FALSE(m_window->isShowingCheck());
    const iisid::Scenario &shown = m_window->editor()->scenario();
    EXPECT_EQ(shown.title, "pubsprod.lmbps.com/GUAMTEST");
    // The same scenario as `iisid check --scenario`.
    const iisid::check::AppScenario *app =
        iisid::check::findApplication(m_view->outcome()->run, "pubsprod.lmbps.com/GUAMTEST");
    ASSERT_NE(app, nullptr);
    const std::optional<iisid::LoadedScenario> expected = iisid::check::explainedScenario(*app);
    ASSERT_TRUE(expected);
    EXPECT_EQ(shown.handler.kind, expected->scenario.handler.kind);
    EXPECT_EQ(shown.appPool.name, "GUAM");
    EXPECT_GT(m_window->diagram()->stepCount(), 0);
    // Each setting's tooltip says where it came from.
    const QString origin = pubslocator + QStringLiteral(":134:31");
    EXPECT_EQ(m_window->editor()->origin("appPool.identity"), origin);
    EXPECT_TRUE(m_window->editor()
                    ->control("appPool.identity")
                    ->toolTip()
                    .startsWith(QStringLiteral("From: ") + origin));
    EXPECT_EQ(m_window->editor()->origin("appPool.pipeline"),
              QStringLiteral("IIS default for the version"));

    // Back returns to the check; opening another scenario forgets the origins.
    QAction *back = m_window->findChild<QAction *>(QStringLiteral("backToCheck"));
    ASSERT_NE(back, nullptr);
    ASSERT_TRUE(back->isEnabled());
    back->trigger();
    EXPECT_TRUE(m_window->isShowingCheck());
    m_window->newScenario();
    EXPECT_TRUE(m_window->editor()->origin("appPool.identity").isEmpty());
}

TEST_F(CheckViewTest, CompareWithPinsOneApplicationAsA) {
    ASSERT_TRUE(check({pubslocator}));
    m_view->serverTree()->setCurrentIndex(
        applicationRow(QStringLiteral("pubsprod.lmbps.com"), QStringLiteral("/ncipladmin")));
    m_view->compareButton()->click();
    ASSERT_TRUE(m_window->comparePanel()->hasPinned());
    // B: another application, explained.
    m_view->serverTree()->setCurrentIndex(
        applicationRow(QStringLiteral("pubsprod.lmbps.com"), QStringLiteral("/GUAMTEST")));
    m_view->explainButton()->click();
    EXPECT_TRUE(m_window->comparePanel()->hasPinned());
    EXPECT_EQ(m_window->editor()->scenario().title, "pubsprod.lmbps.com/GUAMTEST");
}

TEST_F(CheckViewTest, FromAFindingToTheExplanationInTwoClicks) {
    ASSERT_TRUE(check({pubslocator}));
    QTableView *findings = m_view->findingsTable();
    int row = 0;
    for (; row < findings->model()->rowCount(); ++row) {
        if (findings->model()->index(row, FindingsModel::RuleColumn).data().toString() ==
            QStringLiteral("IISID-BASIC-WITHOUT-SSL"))
            break;
    }
    ASSERT_LT(row, findings->model()->rowCount());
    m_window->show();
    // Click 1: the finding. Click 2: Explain.
    const QRect rect =
        findings->visualRect(findings->model()->index(row, FindingsModel::RuleColumn));
    findings->scrollTo(findings->model()->index(row, 0));
    QTest::mouseClick(findings->viewport(), Qt::LeftButton, {},
                      findings->visualRect(findings->model()->index(row, 1)).center());
    (void)rect;
    QTest::mouseClick(m_view->explainButton(), Qt::LeftButton);
    EXPECT_FALSE(m_window->isShowingCheck());
    const int application =
        findings->model()->index(row, 0).data(iisid::ui::ApplicationRole).toInt();
    ASSERT_GE(application, 0);
    const auto &expected =
        m_view->outcome()->run.report.applications[static_cast<std::size_t>(application)];
    EXPECT_EQ(m_window->editor()->scenario().title, expected.site + expected.path);
    EXPECT_TRUE(m_window->editor()->scenario().authentication.basic.enabled);
}

TEST_F(CheckViewTest, AMalformedFileLeavesTheViewAsItWas) {
    ASSERT_TRUE(check({pubslocator}));
    const iisid::ui::CheckOutcome *before = m_view->outcome();
    const int rows = m_view->serverTree()->model()->rowCount();
    const QString broken =
        corpus +
        QStringLiteral("/odd/jexuswebserver_JexusManager__Tests-original2_missing_closing.config");
    EXPECT_FALSE(check({broken}));
    EXPECT_EQ(m_view->outcome(), before);
    EXPECT_EQ(m_view->serverTree()->model()->rowCount(), rows);
    auto *box = m_view->findChild<QMessageBox *>(QStringLiteral("checkErrorBox"));
    ASSERT_NE(box, nullptr);
    // The model's file:line:column.
    EXPECT_TRUE(box->informativeText().contains(broken + QLatin1Char(':')));
    EXPECT_TRUE(box->informativeText().contains(QRegularExpression(QStringLiteral(":\\d+:\\d+: "))))
        << box->informativeText().toStdString();
    box->close();
}

TEST_F(CheckViewTest, AFolderListsForeignFilesAsSkipped) {
    QTemporaryDir folder;
    ASSERT_TRUE(folder.isValid());
    QFile::copy(pubslocator, folder.filePath(QStringLiteral("applicationHost.config")));
    QFile notes(folder.filePath(QStringLiteral("notes.txt")));
    ASSERT_TRUE(notes.open(QIODevice::WriteOnly));
    notes.write("copied off the server on Monday\n");
    notes.close();
    ASSERT_TRUE(check({folder.path()}));
    EXPECT_TRUE(m_view->inputsLabel()->text().contains(QStringLiteral("Skipped (1)")));
    EXPECT_TRUE(m_view->inputsLabel()->text().contains(QStringLiteral("notes.txt")));
}

TEST_F(CheckViewTest, SecretsStayRedactedUntilShown) {
    const QString path = writeFile(QStringLiteral("secret.config"), secretConfig);
    ASSERT_TRUE(check({path}));
    QTableView *findings = m_view->findingsTable();
    int row = 0;
    for (; row < findings->model()->rowCount(); ++row) {
        if (findings->model()->index(row, 0).data(iisid::ui::FindingRole).isValid() &&
            m_view->outcome()
                    ->run.report
                    .findings[static_cast<std::size_t>(
                        findings->model()->index(row, 0).data(iisid::ui::FindingRole).toInt())]
                    .finding.location.line == 6)
            break;
    }
    ASSERT_LT(row, findings->model()->rowCount());
    findings->setCurrentIndex(findings->model()->index(row, 0));
    const QString source = m_view->detail()->sourceView()->toPlainText();
    EXPECT_FALSE(source.contains(QStringLiteral("S3cret!Pw")));
    EXPECT_TRUE(source.contains(QStringLiteral("password=\"********\"")));
    m_view->detail()->copy();
    EXPECT_FALSE(QGuiApplication::clipboard()->text().contains(QStringLiteral("S3cret!Pw")));

    m_view->setShowSecrets(true);
    EXPECT_TRUE(
        m_view->detail()->sourceView()->toPlainText().contains(QStringLiteral("S3cret!Pw")));
    m_view->setShowSecrets(false);
    EXPECT_FALSE(
        m_view->detail()->sourceView()->toPlainText().contains(QStringLiteral("S3cret!Pw")));
}

TEST_F(CheckViewTest, CancelStopsALargeCheckAndKeepsTheView) {
    const QString big = m_dir.filePath(QStringLiteral("big.config"));
    QProcess generator;
    generator.start(
        QStringLiteral("python3"),
        {QStringLiteral(IISID_SOURCE_DIR) + QStringLiteral("/tests/benchmark/generate_apphost.py"),
         big, QStringLiteral("3000")});
    ASSERT_TRUE(generator.waitForFinished(60000));
    ASSERT_EQ(generator.exitCode(), 0);

    QSignalSpy progress(m_view->findChild<iisid::ui::CheckRunner *>(),
                        &iisid::ui::CheckRunner::progress);
    QSignalSpy finished(m_view, &CheckView::checkFinished);
    m_window->checkPaths({big});
    EXPECT_TRUE(m_view->progressBar()->isVisibleTo(m_view));
    ASSERT_TRUE(progress.wait(120000)); // the check is resolving identities
    m_view->cancelButton()->click();
    ASSERT_TRUE(finished.wait(120000));
    EXPECT_FALSE(finished.first().first().toBool());
    EXPECT_EQ(m_view->outcome(), nullptr);
    EXPECT_FALSE(m_view->isRunning());
    EXPECT_EQ(m_view->statusBar()->currentMessage(),
              QStringLiteral("Check cancelled; the view is unchanged."));
    EXPECT_EQ(m_view->findChild<QMessageBox *>(QStringLiteral("checkErrorBox")), nullptr);
}

TEST_F(CheckViewTest, EveryControlHasAnAccessibleNameAndTheKeyboardReachesThem) {
    ASSERT_TRUE(check({pubslocator}));
    for (QWidget *widget : m_view->findChildren<QWidget *>()) {
        const bool control =
            qobject_cast<QAbstractButton *>(widget) || qobject_cast<QLineEdit *>(widget) ||
            qobject_cast<QComboBox *>(widget) || qobject_cast<QAbstractItemView *>(widget) ||
            qobject_cast<QPlainTextEdit *>(widget) || qobject_cast<QProgressBar *>(widget);
        if (!control || widget->parent()->inherits("QAbstractItemView") ||
            widget->parent()->inherits("QComboBox") || widget->inherits("QHeaderView") ||
            widget->parent()->inherits("QLineEdit") || widget->parent()->inherits("QHeaderView"))
            continue;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        ASSERT_NE(accessible, nullptr);
        EXPECT_FALSE(accessible->text(QAccessible::Name).isEmpty())
            << widget->metaObject()->className() << " " << widget->objectName().toStdString();
    }
    // Tab goes from the buttons to the filter, the tree and the findings.
    m_window->show();
    m_view->filterEdit()->setFocus();
    QWidget *visited = m_view->filterEdit();
    bool tree = false;
    bool findings = false;
    for (int step = 0; step < 12; ++step) {
        visited = visited->nextInFocusChain();
        tree = tree || visited == m_view->serverTree();
        findings = findings || visited == m_view->findingsTable();
    }
    EXPECT_TRUE(tree);
    EXPECT_TRUE(findings);
    // Ctrl+C on the findings copies the current finding as text.
    m_window->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(m_window.get()));
    QGuiApplication::clipboard()->clear();
    m_view->findingsTable()->setFocus();
    QTest::keyClick(m_view->findingsTable(), Qt::Key_C, Qt::ControlModifier);
    EXPECT_TRUE(QGuiApplication::clipboard()->text().contains(QStringLiteral("fix: ")))
        << QGuiApplication::clipboard()->text().toStdString();
    // Enter on an application explains it.
    const QModelIndex guam =
        applicationRow(QStringLiteral("pubsprod.lmbps.com"), QStringLiteral("/GUAMTEST"));
    m_view->serverTree()->setCurrentIndex(guam);
    m_view->serverTree()->setFocus();
    QTest::keyClick(m_view->serverTree(), Qt::Key_Return);
    EXPECT_FALSE(m_window->isShowingCheck());
    EXPECT_EQ(m_window->editor()->scenario().title, "pubsprod.lmbps.com/GUAMTEST");
}

// A folder copied off a server: its web.config files are placed through the Windows folder
// remembered for it (--map), so a web.config's <windowsAuthentication enabled="true"> applies to
// the site whose physical path holds it; without a mapping it stands nowhere.
TEST_F(CheckViewTest, AFolderIsCheckedThroughTheWindowsFolderRememberedForIt) {
    const QString folder = m_dir.filePath(QStringLiteral("copied"));
    ASSERT_TRUE(QDir().mkpath(folder + QStringLiteral("/inetpub/shop")));
    QByteArray appHost(secretConfig);
    ASSERT_TRUE(writeFile(QStringLiteral("copied/applicationHost.config"), appHost).size() > 0);
    writeFile(QStringLiteral("copied/inetpub/shop/web.config"),
              R"(<?xml version="1.0" encoding="UTF-8"?>
<configuration>
  <system.webServer>
    <security><authentication><windowsAuthentication enabled="true" /></authentication></security>
  </system.webServer>
</configuration>
)");
    CheckView::setFolderMapping(folder, QString());
    ASSERT_TRUE(check({folder}));
    EXPECT_TRUE(m_view->outcome()->maps.empty());
    EXPECT_EQ(cell(applicationRow(QStringLiteral("Shop"), QStringLiteral("/")),
                   ServerTreeModel::AuthenticationColumn),
              QStringLiteral("anonymous"));

    CheckView::setFolderMapping(folder, QStringLiteral("C:\\"));
    EXPECT_EQ(CheckView::folderMapping(folder), QStringLiteral("C:\\"));
    ASSERT_TRUE(check({folder}));
    ASSERT_EQ(m_view->outcome()->maps.size(), 1u);
    EXPECT_EQ(m_view->outcome()->maps.front().windowsDirectory, "C:\\");
    EXPECT_EQ(cell(applicationRow(QStringLiteral("Shop"), QStringLiteral("/")),
                   ServerTreeModel::AuthenticationColumn),
              QStringLiteral("anonymous, windows"));
    CheckView::setFolderMapping(folder, QString());
}

} // namespace
