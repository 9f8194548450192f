#include "UiTestApp.h"
#include "model/matrix.h"
#include "model/scenario_io.h"
#include "ui/editor/ScenarioEditor.h"
#include "ui/matrix/matrixtablemodel.h"
#include "ui/matrix/matrixwindow.h"
#include "ui/window/MainWindow.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QFont>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

namespace iisid::ui {
namespace {

class MatrixWindowTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { test::application(); }
};

Scenario cgiBase() {
    LoadedScenario loaded;
    applyAssignment(loaded, "handler.kind=cgi", "--set");
    return loaded.scenario;
}

TEST_F(MatrixWindowTest, TableIsTheModelsMatrix) {
    MatrixWindow window;
    window.setBase(cgiBase());
    ASSERT_TRUE(window.setAxes(QStringLiteral("appPool.identity"),
                               QStringLiteral("handler.createProcessAsUser")));
    const MatrixTableModel &model = window.tableModel();
    const Result<Matrix> expected =
        buildMatrix(cgiBase(), {"appPool.identity", {}}, {"handler.createProcessAsUser", {}});
    ASSERT_TRUE(expected.ok());
    ASSERT_EQ(model.rowCount(), 4);
    ASSERT_EQ(model.columnCount(), 2);
    EXPECT_EQ(model.headerData(0, Qt::Vertical).toString(), QStringLiteral("LocalSystem"));
    EXPECT_EQ(model.headerData(3, Qt::Vertical).toString(),
              QStringLiteral("ApplicationPoolIdentity"));
    EXPECT_EQ(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("true"));
    EXPECT_EQ(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("false"));
    for (int r = 0; r < 4; ++r) {
        for (int c = 0; c < 2; ++c) {
            const MatrixCell &cell =
                expected->cell(static_cast<std::size_t>(r), static_cast<std::size_t>(c));
            const QModelIndex index = model.index(r, c);
            const QString summary = QString::fromStdString(cellSummary(cell));
            // The mark is a symbol in the text, and a role the view styles.
            EXPECT_EQ(model.data(index).toString(),
                      cell.differsFromLeft ? QStringLiteral("≠ ") + summary : summary);
            EXPECT_EQ(model.data(index, MatrixTableModel::DiffersFromLeftRole).toBool(),
                      cell.differsFromLeft);
            EXPECT_EQ(model.data(index, Qt::ToolTipRole).toString(),
                      QString::fromStdString(cellDetail(cell)));
        }
    }
    // CGI with createProcessAsUser=false runs as the pool, unlike the user's token to its left.
    EXPECT_TRUE(model.data(model.index(3, 1), MatrixTableModel::DiffersFromLeftRole).toBool());
    EXPECT_TRUE(model.data(model.index(3, 1)).toString().startsWith(QStringLiteral("≠ ")));
    EXPECT_TRUE(model.data(model.index(3, 1), Qt::FontRole).value<QFont>().bold());
    EXPECT_FALSE(model.data(model.index(3, 0), MatrixTableModel::DiffersFromLeftRole).toBool());
    EXPECT_TRUE(window.problem().isEmpty());
}

TEST_F(MatrixWindowTest, PickersChooseTheAxes) {
    MatrixWindow window;
    window.setBase(cgiBase());
    auto *rows = window.findChild<QComboBox *>(QStringLiteral("matrixRows"));
    ASSERT_NE(rows, nullptr);
    rows->setCurrentIndex(rows->findData(QStringLiteral("aspnet.impersonate")));
    EXPECT_EQ(window.rowKey(), QStringLiteral("aspnet.impersonate"));
    EXPECT_EQ(window.tableModel().matrix().rows.key, "aspnet.impersonate");
    EXPECT_EQ(window.tableModel().rowCount(), 2);
    EXPECT_FALSE(window.setAxes(QStringLiteral("no.such"), QStringLiteral("action")));
}

TEST_F(MatrixWindowTest, SameSettingTwiceShowsTheProblem) {
    MatrixWindow window;
    ASSERT_TRUE(window.setAxes(QStringLiteral("action"), QStringLiteral("action")));
    EXPECT_EQ(window.tableModel().rowCount(), 0);
    EXPECT_FALSE(window.findChild<QPushButton *>(QStringLiteral("export_csv"))->isEnabled());
    EXPECT_EQ(window.problem(), QStringLiteral("\"action\" is already the rows' setting; choose "
                                               "another for the columns"));
}

TEST_F(MatrixWindowTest, DoubleClickAndEnterRequestTheCellsScenario) {
    MatrixWindow window;
    window.setBase(cgiBase());
    ASSERT_TRUE(window.setAxes(QStringLiteral("appPool.identity"),
                               QStringLiteral("handler.createProcessAsUser")));
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    QSignalSpy requested(&window, &MatrixWindow::scenarioRequested);
    QTableView *view = window.view();
    const QModelIndex cell = view->model()->index(2, 1);
    const QRect rect = view->visualRect(cell);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    ASSERT_EQ(requested.count(), 1);
    const Scenario opened = requested.at(0).at(0).value<Scenario>();
    EXPECT_EQ(opened.appPool.identity, PoolIdentity::NetworkService);
    EXPECT_EQ(opened.handler.createProcessAsUser, false);
    EXPECT_EQ(opened.handler.kind, HandlerKind::Cgi);

    view->setCurrentIndex(view->model()->index(0, 0));
    QTest::keyClick(view, Qt::Key_Return);
    ASSERT_EQ(requested.count(), 2);
    EXPECT_EQ(requested.at(1).at(0).value<Scenario>().appPool.identity, PoolIdentity::LocalSystem);
}

TEST_F(MatrixWindowTest, ExportsThroughTheModelsWriters) {
    MatrixWindow window;
    window.setBase(cgiBase());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("m.csv"));
    EXPECT_FALSE(window.exportTo(path, MatrixWindow::ExportFormat::Csv));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll().toStdString(), matrixCsv(window.tableModel().matrix()));
}

TEST_F(MatrixWindowTest, MainWindowOpensTheMatrixAndACell) {
    MainWindow main;
    main.openScenario(cgiBase());
    EXPECT_EQ(main.matrixWindow(), nullptr);
    main.findChild<QAction *>(QStringLiteral("identityMatrix"))->trigger();
    MatrixWindow *matrix = main.matrixWindow();
    ASSERT_NE(matrix, nullptr);
    EXPECT_EQ(matrix->tableModel().matrix().base.handler.kind, HandlerKind::Cgi);
    ASSERT_TRUE(matrix->setAxes(QStringLiteral("appPool.identity"),
                                QStringLiteral("handler.createProcessAsUser")));
    emit matrix->scenarioRequested(
        matrix->tableModel().cell(matrix->tableModel().index(1, 1)).scenario);
    EXPECT_EQ(main.editor()->scenario().appPool.identity, PoolIdentity::LocalService);
    EXPECT_EQ(main.editor()->scenario().handler.createProcessAsUser, false);
    // The matrix follows the explainer's scenario: still the same table.
    EXPECT_EQ(matrix->tableModel().rowCount(), 4);
    matrix->close();
}

} // namespace
} // namespace iisid::ui
