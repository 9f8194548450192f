#include "model/json_document.h"

#include <gtest/gtest.h>

using iisid::json::parse;
using iisid::json::Value;

TEST(JsonDocument, RemembersPositionsOfKeysAndValues) {
    const auto doc = parse("{\n  \"a\": true,\n  \"b\": [1, \"x\"]\n}", "f.json");
    ASSERT_TRUE(doc.ok());
    ASSERT_EQ(doc->members.size(), 2u);
    EXPECT_EQ(doc->members[1].keyPosition.line, 3);
    EXPECT_EQ(doc->members[1].keyPosition.column, 3);
    EXPECT_EQ(doc->members[1].value.items[1].position.column, 12);
}
