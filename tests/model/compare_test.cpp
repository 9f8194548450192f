#include "model/compare.h"
#include "model/resolver.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace iisid {
namespace {

Scenario default10() {
    Scenario s;
    s.server.iisVersion = IisVersion::V10_0;
    return s;
}

std::vector<std::string> changedFields(const Comparison &c) {
    std::vector<std::string> out;
    for (const IdentityChange &change : c.identities)
        out.push_back(change.field);
    return out;
}

std::vector<std::string> changedInputs(const Comparison &c) {
    std::vector<std::string> out;
    for (const InputChange &change : c.inputs)
        out.push_back(change.settingId);
    return out;
}

const IdentityChange &changeOf(const Comparison &c, std::string_view field) {
    auto it = std::find_if(c.identities.begin(), c.identities.end(),
                           [&](const IdentityChange &change) { return change.field == field; });
    EXPECT_NE(it, c.identities.end()) << field;
    return *it;
}

TEST(Compare, SameScenarioChangesNothing) {
    Comparison c = compare(default10(), default10());
    EXPECT_TRUE(c.inputs.empty());
    EXPECT_TRUE(c.identities.empty());
    EXPECT_EQ(c.summary, "A and B are the same scenario.");
}

TEST(Compare, WrittenDefaultIsNoChange) {
    Scenario b = default10();
    b.handler.kind = HandlerKind::Static; // the default, now written
    Comparison c = compare(default10(), b);
    EXPECT_TRUE(c.inputs.empty());
    EXPECT_TRUE(c.identities.empty());
}

TEST(Compare, StaticToAspNetMarksTheImpersonationFields) {
    Scenario b = default10();
    b.handler.kind = HandlerKind::AspNet;
    Comparison c = compare(default10(), b);

    ASSERT_EQ(changedInputs(c), std::vector<std::string>{"handler.kind"});
    EXPECT_EQ(c.inputs[0].before, SettingValue(std::string("static")));
    EXPECT_EQ(c.inputs[0].after, SettingValue(std::string("aspnet")));

    EXPECT_EQ(changedFields(c), (std::vector<std::string>{"thread", "code", "content", "network"}));
    const IdentityChange &code = changeOf(c, "code");
    EXPECT_EQ(code.before, "NT AUTHORITY\\IUSR");
    EXPECT_EQ(code.after, "IIS APPPOOL\\DefaultAppPool");
    EXPECT_EQ(code.causes, std::vector<std::string>{"handler.kind"});
    EXPECT_EQ(changeOf(c, "thread").after, std::nullopt);
    EXPECT_EQ(changeOf(c, "network").after, "CONTOSO\\WEB01$");
    for (const IdentityChange &change : c.identities) {
        EXPECT_EQ(change.causes, std::vector<std::string>{"handler.kind"}) << change.field;
        EXPECT_NE(change.why.find("Handler (static \u2192 aspnet)"), std::string::npos)
            << change.why;
    }
    EXPECT_EQ(c.summary, "1 setting differs; changed: Thread token, Code runs as, Content read "
                         "by, Network sees.");
}

TEST(Compare, EmptyAnonymousUserNameMeansThePoolIdentity) {
    Scenario b = default10();
    b.authentication.anonymous.userName = "";
    Comparison c = compare(default10(), b);

    ASSERT_EQ(changedInputs(c), std::vector<std::string>{"authentication.anonymous.userName"});
    EXPECT_EQ(changedFields(c), (std::vector<std::string>{"thread", "code", "content", "network"}));
    const IdentityChange &content = changeOf(c, "content");
    EXPECT_EQ(content.before, "NT AUTHORITY\\IUSR");
    EXPECT_EQ(content.after, "IIS APPPOOL\\DefaultAppPool");
    EXPECT_EQ(content.causes, std::vector<std::string>{"authentication.anonymous.userName"});
    const IdentityChange &code = changeOf(c, "code");
    EXPECT_EQ(code.causes, std::vector<std::string>{"authentication.anonymous.userName"});
    // The sentence names the input and quotes B's deciding step.
    EXPECT_EQ(code.why.rfind("Code runs as changes from NT AUTHORITY\\IUSR to IIS "
                             "APPPOOL\\DefaultAppPool because of Anonymous user",
                             0),
              0u)
        << code.why;
    EXPECT_NE(code.why.find("; in B: \u201c"), std::string::npos) << code.why;
    EXPECT_EQ(code.why.back(), '.');
}

TEST(Compare, OnlyTheInputThatMattersIsACause) {
    // Two inputs change; only the handler changes who the code runs as, while the pool's name
    // changes the pool identity everywhere it appears.
    Scenario b = default10();
    b.handler.kind = HandlerKind::AspNet;
    b.appPool.name = "Shop";
    Comparison c = compare(default10(), b);

    EXPECT_EQ(changedInputs(c), (std::vector<std::string>{"appPool.name", "handler.kind"}));
    const IdentityChange &worker = changeOf(c, "worker");
    EXPECT_EQ(worker.after, "IIS APPPOOL\\Shop");
    EXPECT_EQ(worker.causes, std::vector<std::string>{"appPool.name"});
    const IdentityChange &thread = changeOf(c, "thread");
    EXPECT_EQ(thread.causes, std::vector<std::string>{"handler.kind"});
    // Code runs as IIS APPPOOL\Shop only with both changes: no single cause.
    const IdentityChange &code = changeOf(c, "code");
    EXPECT_EQ(code.after, "IIS APPPOOL\\Shop");
    EXPECT_TRUE(code.causes.empty());
    EXPECT_NE(code.why.find("together"), std::string::npos) << code.why;
}

TEST(Compare, FailureEmptiesTheLaterFields) {
    Scenario b = default10();
    b.authentication.anonymous.passwordValid = false;
    b.authentication.anonymous.userName = "IUSR_WEB01";
    Comparison c = compare(default10(), b);
    const IdentityChange &http = changeOf(c, "http");
    EXPECT_EQ(http.before, "200");
    EXPECT_EQ(http.after, "401.1");
    EXPECT_EQ(changeOf(c, "code").after, std::nullopt);
}

} // namespace
} // namespace iisid
