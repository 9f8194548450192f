#include "UiTestApp.h"

#include "ui/editor/WrappedLabel.h"

#include <QLabel>

#include <gtest/gtest.h>

using iisid::ui::WrappedLabel;

namespace {

const QString longText = QStringLiteral(
    "No effect: only used when the pool identity is SpecificUser, which this scenario's pool "
    "does not use");

/// A plain word-wrapped QLabel showing the same: the heights WrappedLabel must give.
int plainHeight(const QString &text, const QFont &font, int margin, int width) {
    QLabel plain(text);
    plain.setWordWrap(true);
    plain.setFont(font);
    plain.setMargin(margin);
    return plain.heightForWidth(width);
}

class WrappedLabelTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { iisid::ui::test::application(); }
};

TEST_F(WrappedLabelTest, WrapsAndGivesQLabelsHeightAtEachWidth) {
    WrappedLabel label(longText);
    EXPECT_TRUE(label.wordWrap());
    for (int width : {80, 160, 240, 160, 80, 600}) // asked again: from what it remembers
        EXPECT_EQ(label.heightForWidth(width), plainHeight(longText, label.font(), 0, width))
            << width;
}

TEST_F(WrappedLabelTest, ANewTextGivesNewHeights) {
    WrappedLabel label(longText);
    const int wrapped = label.heightForWidth(120);
    label.setText(QStringLiteral("Short"));
    EXPECT_EQ(label.heightForWidth(120),
              plainHeight(QStringLiteral("Short"), label.font(), 0, 120));
    EXPECT_LT(label.heightForWidth(120), wrapped);
}

TEST_F(WrappedLabelTest, ANewFontOrMarginGivesNewHeights) {
    WrappedLabel label(longText);
    label.heightForWidth(200);
    QFont larger = label.font();
    larger.setPointSizeF(larger.pointSizeF() * 2);
    label.setFont(larger);
    EXPECT_EQ(label.heightForWidth(200), plainHeight(longText, larger, 0, 200));
    label.setMargin(10);
    EXPECT_EQ(label.heightForWidth(200), plainHeight(longText, larger, 10, 200));
}

} // namespace
