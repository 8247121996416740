// Who may use the workbench and how (docs/serve.md, "Access"): tokens, the
// session cookie, the Host check, CSRF and content type on changes, and the
// headers every response carries; --blind.
#include "tests/workbench/workbench_fixture.h"

namespace verhaal {
namespace {

// The value of the session cookie in a Set-Cookie header.
std::string SessionOf(const std::string& set_cookie) {
  const size_t start = set_cookie.find('=') + 1;
  return set_cookie.substr(start, set_cookie.find(';') - start);
}

TEST_F(WorkbenchTest, WithoutATokenTheApiSays401AndThePageHowToGetTheLink) {
  auto r = Client().Get("/api/project");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401);
  EXPECT_NE(Body(r)["error"].get<std::string>().find("Bearer"), std::string::npos);
  r = Client().Get("/api/stories", {{"Authorization", "Bearer wrong"}});
  EXPECT_EQ(r->status, 401);
  r = Client().Get("/");
  EXPECT_EQ(r->status, 401);
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(r->body.find("Open the link that <code>verhaal serve</code> printed"),
            std::string::npos);
  r = Client().Get("/?token=wrong");
  EXPECT_EQ(r->status, 401);
}

TEST_F(WorkbenchTest, TheTokenBecomesAStrictHttpOnlyCookieAndLeavesTheAddress) {
  auto r = Client().Get(("/?token=" + TokenOf("bram")).c_str());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 303);
  EXPECT_EQ(r->get_header_value("Location"), "/");
  const std::string cookie = r->get_header_value("Set-Cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos) << cookie;
  EXPECT_EQ(cookie.find(TokenOf("bram")), std::string::npos);  // not the token itself
  const httplib::Headers session = {{"Cookie", "verhaal_session=" + SessionOf(cookie)}};
  r = Client().Get("/api/project", session);
  ASSERT_EQ(r->status, 200);
  const json project = Body(r);
  EXPECT_EQ(project["you"], "bram");
  const std::string csrf = project["csrf"];
  EXPECT_EQ(csrf.size(), 48u);
  r = Client().Get("/", session);  // the page itself
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/html; charset=utf-8");

  // Changes through the cookie need the CSRF header.
  const std::string body = R"({"code": "taal", "whole": true})";
  r = Client().Post("/api/stories/S2/codings", session, body, "application/json");
  EXPECT_EQ(r->status, 403);
  EXPECT_NE(r->body.find("X-Verhaal-CSRF"), std::string::npos);
  httplib::Headers wrong = session;
  wrong.emplace("X-Verhaal-CSRF", std::string(48, '0'));
  EXPECT_EQ(Client().Post("/api/stories/S2/codings", wrong, body, "application/json")->status, 403);
  httplib::Headers with_csrf = session;
  with_csrf.emplace("X-Verhaal-CSRF", csrf);
  r = Client().Post("/api/stories/S2/codings", with_csrf, body, "application/json");
  EXPECT_EQ(r->status, 201) << r->body;
  EXPECT_EQ(Body(r)["coder"], "bram");
  EXPECT_EQ(Client().Post("/api/undo", session, "", "application/json")->status, 403);
  EXPECT_EQ(Client().Post("/api/undo", with_csrf, "", "application/json")->status, 200);
}

TEST_F(WorkbenchTest, ChangesNeedJson) {
  const std::string body = R"({"code": "taal", "whole": true})";
  auto r = Client().Post("/api/stories/S2/codings", As("anna"), body, "text/plain");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 415);
  EXPECT_EQ(Body(r)["field"], "body");
  r = Client().Post("/api/stories/S2/codings", As("anna"), "code=taal",
                    "application/x-www-form-urlencoded");
  EXPECT_EQ(r->status, 415);
  r = Client().Patch("/api/codebook/codes/taal", As("anna"), R"({"colour": "#000000"})",
                     "text/plain");
  EXPECT_EQ(r->status, 415);
}

TEST_F(WorkbenchTest, AnotherHostIsRefused) {
  httplib::Headers headers = As("anna");
  headers.emplace("Host", "evil.example:" + std::to_string(port_));
  auto r = Client().Get("/api/project", headers);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  EXPECT_NE(Body(r)["error"].get<std::string>().find("evil.example"), std::string::npos);
  headers = As("anna");
  headers.emplace("Host", "localhost:" + std::to_string(port_));
  EXPECT_EQ(Client().Get("/api/project", headers)->status, 200);
}

TEST_F(WorkbenchTest, EveryResponseCarriesTheSecurityHeaders) {
  std::vector<httplib::Result> results;
  results.push_back(Get("anna", "/api/project"));
  results.push_back(Client().Get("/"));
  results.push_back(Get("anna", "/nergens.js"));
  results.push_back(Get("anna", "/api/stories/S9"));
  for (const auto& r : results) {
    ASSERT_TRUE(r);
    const std::string csp = r->get_header_value("Content-Security-Policy");
    EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << csp;
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << csp;
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << csp;
    EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(r->get_header_value("X-Frame-Options"), "DENY");
  }
}

TEST_F(WorkbenchTest, UnknownCallsAreJson404) {
  auto r = Get("anna", "/api/nergens");
  EXPECT_EQ(r->status, 404);
  EXPECT_NE(Body(r)["error"].get<std::string>().find("no such call"), std::string::npos);
  EXPECT_NE(Get("anna", "/../etc/passwd")->status, 200);
}

TEST_F(WorkbenchTest, BlindCodersSeeOnlyTheirOwnCodings) {
  StopServer();
  Start({"anna", "bram"}, /*blind=*/true);
  CodeWillen("anna");
  auto r = Post("bram", "/api/stories/S2/codings", R"({"code": "taal", "whole": true})");
  ASSERT_EQ(r->status, 201);
  const json story = Body(Get("bram", "/api/stories/S1"));
  EXPECT_TRUE(story["codings"].empty());
  EXPECT_EQ(Body(Get("anna", "/api/stories/S1"))["codings"].size(), 1u);
  auto list = Get("bram", "/api/stories");
  ASSERT_EQ(list->status, 200) << list->body;
  EXPECT_EQ(Body(list)["stories"][0]["coded"], 0);  // anna's coding of S1 is not counted
  EXPECT_EQ(Body(Get("anna", "/api/stories"))["stories"][0]["coded"], 1);
  EXPECT_EQ(Body(Get("bram", "/api/stories?uncoded=1"))["total"], 2);  // S1 looks uncoded
  EXPECT_EQ(Body(Get("bram", "/api/stories?coder=anna"))["total"], 0);
  EXPECT_EQ(Body(Get("bram", "/api/project"))["counts"]["codings"], 1);
  EXPECT_EQ(Body(Get("bram", "/api/project"))["blind"], true);
  const json codes = Body(Get("bram", "/api/codebook"))["codes"];
  EXPECT_EQ(codes[2]["codings"], 0);  // motivatie/willen: anna's only
  EXPECT_EQ(codes[3]["codings"], 1);  // taal: bram's
}

}  // namespace
}  // namespace verhaal
