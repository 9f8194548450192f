// DataFolder: where the program finds its lessons and scenarios: $IISID_DATA_DIR, else
// ../share/iisid beside the executable, else the source tree's resources/.

#include "ui/window/DataFolder.h"

#include <QDir>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <string>

namespace iisid::ui {
namespace {

/// A temporary tree with an installed layout (prefix/bin, prefix/share/iisid) and a source tree
/// (src/resources); a row chooses which of them exist.
class DataFolderTest : public ::testing::Test {
protected:
    QString path(const QString &relative) const { return m_root.filePath(relative); }
    void make(const QString &relative) { ASSERT_TRUE(QDir().mkpath(path(relative))); }

    DataFolder::Places places(const QString &environment = {}) const {
        DataFolder::Places out;
        out.environment = environment;
        out.executableDir = path(QStringLiteral("prefix/bin"));
        out.sourceResources = path(QStringLiteral("src/resources"));
        return out;
    }

    QTemporaryDir m_root;
};

TEST_F(DataFolderTest, TheInstalledShareFolderComesFirst) {
    make(QStringLiteral("prefix/bin"));
    make(QStringLiteral("prefix/share/iisid"));
    make(QStringLiteral("src/resources"));
    const DataFolder found = DataFolder::find(places());
    EXPECT_EQ(found.path(), path(QStringLiteral("prefix/share/iisid")));
    EXPECT_EQ(found.lessons(), path(QStringLiteral("prefix/share/iisid/lessons")));
    EXPECT_EQ(found.scenarios(), path(QStringLiteral("prefix/share/iisid/scenarios")));
    EXPECT_EQ(found.searched(), QStringList{path(QStringLiteral("prefix/share/iisid"))});
}

TEST_F(DataFolderTest, ABuildTreeProgramFallsBackToTheSourceResources) {
    make(QStringLiteral("prefix/bin"));
    make(QStringLiteral("src/resources"));
    const DataFolder found = DataFolder::find(places());
    EXPECT_EQ(found.path(), path(QStringLiteral("src/resources")));
    EXPECT_EQ(found.lessons(), path(QStringLiteral("src/resources/lessons")));
    EXPECT_EQ(found.searched(), (QStringList{path(QStringLiteral("prefix/share/iisid")),
                                             path(QStringLiteral("src/resources"))}));
}

TEST_F(DataFolderTest, TheEnvironmentVariableWinsOverAnInstalledFolder) {
    make(QStringLiteral("prefix/share/iisid"));
    make(QStringLiteral("mine"));
    const DataFolder found = DataFolder::find(places(path(QStringLiteral("mine"))));
    EXPECT_EQ(found.path(), path(QStringLiteral("mine")));
    EXPECT_EQ(found.lessons(), path(QStringLiteral("mine/lessons")));
}

TEST_F(DataFolderTest, AMissingEnvironmentFolderIsNotReplacedByAnother) {
    make(QStringLiteral("prefix/share/iisid"));
    const DataFolder found = DataFolder::find(places(path(QStringLiteral("missing"))));
    EXPECT_TRUE(found.path().isEmpty());
    EXPECT_TRUE(found.lessons().isEmpty());
    EXPECT_EQ(found.searched(), QStringList{path(QStringLiteral("missing"))});
}

TEST_F(DataFolderTest, NothingFoundListsEveryPlaceLookedAt) {
    const DataFolder found = DataFolder::find(places());
    EXPECT_TRUE(found.path().isEmpty());
    EXPECT_TRUE(found.scenarios().isEmpty());
    EXPECT_EQ(found.searched().size(), 2);
}

} // namespace
} // namespace iisid::ui
