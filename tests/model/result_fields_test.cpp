// The one table of result fields (result_fields.h): its keys in the contract's order, its labels,
// and that the outputs built from it cannot drift from it.

#include "model/explanation.h"
#include "model/resolver.h"
#include "model/result_fields.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace {

using iisid::IdentityField;
using iisid::IdentityFieldInfo;
using iisid::identityFields;

std::vector<std::string> tableKeys() {
    std::vector<std::string> keys;
    for (const IdentityFieldInfo &row : identityFields)
        keys.emplace_back(row.key);
    return keys;
}

std::vector<std::string> objectKeys(const nlohmann::ordered_json &object) {
    std::vector<std::string> keys;
    for (const auto &item : object.items())
        keys.push_back(item.key());
    return keys;
}

/// A scenario in which every identity has a value, so each is told apart from the others.
iisid::Resolution everyIdentity() {
    iisid::Scenario scenario;
    scenario.authentication.anonymous.enabled = false;
    scenario.authentication.windows.enabled = true;
    scenario.request.user = "CONTOSO\\alice";
    return iisid::resolve(scenario);
}

TEST(ResultFields, IdentityKeysFollowTheContract) {
    // scenario-format.md, the `identities` object.
    EXPECT_EQ(tableKeys(), (std::vector<std::string>{"worker", "process", "thread", "code",
                                                     "content", "child", "network"}));
    EXPECT_EQ(iisid::resultFields(),
              (std::vector<std::string>{"http", "worker", "process", "thread", "code", "content",
                                        "child", "network"}));
}

TEST(ResultFields, RowsAreIndexedByTheirField) {
    for (std::size_t i = 0; i < identityFields.size(); ++i) {
        EXPECT_EQ(iisid::index(identityFields[i].field), i) << identityFields[i].key;
        EXPECT_EQ(iisid::identityField(identityFields[i].key), identityFields[i].field);
    }
    EXPECT_EQ(iisid::identityField("http"), std::nullopt);
    EXPECT_EQ(iisid::identityField("nonsense"), std::nullopt);
}

TEST(ResultFields, Labels) {
    std::vector<std::string> labels, captions, nones;
    for (const IdentityFieldInfo &row : identityFields) {
        labels.emplace_back(row.label);
        captions.emplace_back(row.caption);
        nones.emplace_back(row.none);
    }
    EXPECT_EQ(labels, (std::vector<std::string>{"Worker process", "Process", "Thread token",
                                                "Code runs as", "Content read by",
                                                "Child process runs as", "Network sees"}));
    EXPECT_EQ(captions,
              (std::vector<std::string>{"Worker", "Process", "Thread token", "Code runs as",
                                        "Content read by", "Child process", "Network sees"}));
    EXPECT_EQ(nones,
              (std::vector<std::string>{"(none)", "(not started)", "(none: not impersonating)",
                                        "(no code ran)", "(not read)", "(none)", "(not reached)"}));
    EXPECT_EQ(iisid::fieldLabel("http"), "HTTP result");
    EXPECT_EQ(iisid::fieldLabel("child"), "Child process runs as");
    EXPECT_EQ(iisid::fieldLabel("nonsense"), "nonsense");
    EXPECT_EQ(iisid::httpField.caption, "HTTP");
}

TEST(ResultFields, ReadingOrderHoldsEveryIdentityOnce) {
    EXPECT_EQ(iisid::readingOrder,
              (std::array<IdentityField, iisid::identityFieldCount>{
                  IdentityField::Code, IdentityField::Process, IdentityField::Thread,
                  IdentityField::Worker, IdentityField::Content, IdentityField::Child,
                  IdentityField::Network}));
}

TEST(ResultFields, FieldValueReadsEachIdentityFromItsOwnMember) {
    const iisid::Resolution r = everyIdentity();
    const iisid::Identities &ids = r.identities;
    EXPECT_EQ(iisid::fieldValue(r, "http"), "200");
    EXPECT_EQ(iisid::fieldValue(r, "worker"), ids.worker);
    EXPECT_EQ(iisid::fieldValue(r, "process"), ids.process);
    EXPECT_EQ(iisid::fieldValue(r, "thread"), ids.thread);
    EXPECT_EQ(iisid::fieldValue(r, "code"), ids.code);
    EXPECT_EQ(iisid::fieldValue(r, "content"), ids.content);
    EXPECT_EQ(iisid::fieldValue(r, "child"), ids.child);
    EXPECT_EQ(iisid::fieldValue(r, "network"), ids.network);
    EXPECT_EQ(iisid::fieldValue(r, "nonsense"), std::nullopt);
}

TEST(ResultFields, JsonIdentitiesAndConfidenceOfUseTheTableKeysInOrder) {
    const iisid::Resolution r = everyIdentity();
    const nlohmann::ordered_json doc =
        nlohmann::ordered_json::parse(iisid::explanationJson(iisid::Scenario{}, r));
    EXPECT_EQ(objectKeys(doc["identities"]), tableKeys());
    EXPECT_EQ(objectKeys(doc["confidenceOf"]), tableKeys());
    for (const IdentityFieldInfo &row : identityFields) {
        const std::string key(row.key);
        EXPECT_EQ(doc["identities"][key], *(r.identities.*row.value)) << key;
        EXPECT_EQ(doc["confidenceOf"][key], toString(r.confidenceOf[iisid::index(row.field)]))
            << key;
    }
    // "confidenceOf" follows "confidence", the summary.
    const std::vector<std::string> keys = objectKeys(doc);
    const auto confidence = std::find(keys.begin(), keys.end(), "confidence");
    ASSERT_NE(confidence, keys.end());
    ASSERT_NE(confidence + 1, keys.end());
    EXPECT_EQ(*(confidence + 1), "confidenceOf");
}

TEST(ResultFields, TextResultBlockUsesTheCaptionsInReadingOrder) {
    const iisid::Resolution r = everyIdentity();
    const std::string text = iisid::explanationText(iisid::Scenario{}, r);
    std::size_t at = text.find("\nResult\n  HTTP              200\n");
    ASSERT_NE(at, std::string::npos) << text;
    for (IdentityField field : iisid::readingOrder) {
        const std::size_t next =
            text.find("\n  " + std::string(iisid::fieldInfo(field).caption), at + 1);
        ASSERT_NE(next, std::string::npos) << iisid::fieldInfo(field).key;
        EXPECT_GT(next, at) << iisid::fieldInfo(field).key;
        at = next;
    }
}

} // namespace

// fieldValue and decidingStep (the step a "why" sentence or a lesson's reveal cites).
namespace iisid {
namespace {

Scenario iis10(HandlerKind kind) {
    Scenario scenario;
    scenario.server.iisVersion = IisVersion::V10_0;
    scenario.handler.kind = kind;
    return scenario;
}

TEST(ResultFields, FieldValueAndDecidingStep) {
    Resolution r = resolve(iis10(HandlerKind::Static));
    EXPECT_EQ(fieldValue(r, "http"), "200");
    EXPECT_EQ(fieldValue(r, "content"), "NT AUTHORITY\\IUSR");
    EXPECT_EQ(fieldValue(r, "nonsense"), std::nullopt);
    std::optional<std::size_t> step = decidingStep(r, "content");
    ASSERT_TRUE(step);
    EXPECT_EQ(r.steps[*step].stage, Stage::Content);
    EXPECT_EQ(r.steps[*decidingStep(r, "child")].stage, Stage::ChildProcess);
    EXPECT_EQ(r.steps[*decidingStep(r, "worker")].stage, Stage::Worker);
    EXPECT_EQ(fieldLabel("code"), "Code runs as");
    EXPECT_EQ(resultFields().size(), 8u);
}

TEST(ResultFields, CodeIsDecidedWhereTheThreadTokenChanges) {
    Resolution r = resolve(iis10(HandlerKind::AspNet));
    const Step &removed = r.steps[*decidingStep(r, "code")];
    EXPECT_EQ(removed.stage, Stage::Handler);
    EXPECT_EQ(removed.thread, std::nullopt);
    EXPECT_NE(removed.text.find("impersonate=\"false\""), std::string::npos) << removed.text;

    Scenario revert = iis10(HandlerKind::Asp);
    revert.action = Action::RevertToSelf;
    r = resolve(revert);
    const Step &reverted = r.steps[*decidingStep(r, "code")];
    EXPECT_EQ(reverted.stage, Stage::Code);
    EXPECT_NE(reverted.text.find("RevertToSelf"), std::string::npos) << reverted.text;

    r = resolve(iis10(HandlerKind::Asp));
    const Step &impersonated = r.steps[*decidingStep(r, "thread")];
    EXPECT_EQ(impersonated.thread, "NT AUTHORITY\\IUSR");
    EXPECT_EQ(impersonated.stage, Stage::Handler);
}

} // namespace
} // namespace iisid
