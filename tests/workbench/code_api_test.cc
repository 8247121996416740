// GET /api/code/passages (docs/serve.md, "The Code view"): the passages of a
// code with their context are the rows `verhaal quotes --format json` prints
// for the same choice, on the small fixture and on the example study; bad
// parameters are 400 naming the field, an unknown code 404; --blind keeps
// other coders' codings out.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "tests/workbench/workbench_fixture.h"

namespace verhaal {
namespace {

class CodeTestBase : public WorkbenchTest {
 protected:
  // `verhaal [-p PROJECT] quotes ARGS --format json`, as JSON.
  json CliQuotes(std::vector<std::string> args) {
    args.insert(args.begin(), "quotes");
    args.insert(args.begin(), project_args_.begin(), project_args_.end());
    args.insert(args.end(), {"--format", "json"});
    const auto r = Cli(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.exit_code == 0 ? json::parse(r.out) : json::array();
  }
  // The passages of an answer in the rows of `verhaal quotes --format json`.
  static json AsCliRows(const json& passages) {
    json rows = json::array();
    for (const json& p : passages) {
      rows.push_back({{"story", p["story"]},
                      {"respondent", p["respondent"]},
                      {"role", p["role"]},
                      {"kind", p["kind"]},
                      {"wave", p["wave"]},
                      {"code", p["code"]},
                      {"coder", p["coder"]},
                      {"start", p["start"]},
                      {"end", p["end"]},
                      {"before", p["before"]},
                      {"quote", p["text"]},
                      {"after", p["after"]},
                      {"memo", p["memo"]}});
    }
    return rows;
  }
  // Both as the CLI's rows, the CLI's with its empty cells as the API gives them.
  void ExpectSameAsCli(const std::string& query, const std::vector<std::string>& args) {
    auto r = Get("anna", "/api/code/passages?" + query);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << query << ": " << r->body;
    const json body = Body(r);
    json cli = CliQuotes(args);
    for (json& row : cli) {
      if (row["wave"] == "") row["wave"] = nullptr;
    }
    EXPECT_EQ(AsCliRows(body["passages"]), cli) << query;
    EXPECT_EQ(body["total"], cli.size()) << query;
  }
  std::vector<std::string> project_args_;
};

class CodeApiTest : public CodeTestBase {
 protected:
  // anna: S1's "wil werken" as willen (with a memo); bram: all of S3 as moeten.
  void CodeBoth() {
    CodeWillen("anna", "zegt ze zelf");
    auto r = Post("bram", "/api/stories/S3/codings",
                  json{{"code", "motivatie/moeten"}, {"whole", true}}.dump());
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 201) << r->body;
  }
};

TEST_F(CodeApiTest, ThePassagesAreTheOnesVerhaalQuotesPrints) {
  CodeBoth();
  auto r = Get("bram", "/api/code/passages?code=motivatie&context=10");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const json body = Body(r);
  EXPECT_EQ(body["code"], "motivatie");
  EXPECT_EQ(body["total"], 2);
  EXPECT_EQ(body["coders"]["names"], json({"anna", "bram"}));
  EXPECT_EQ(body["coders"]["text"],
            "codings of anna, bram (every human coder, the default), combined: any coder");
  EXPECT_EQ(body["passages"][0], json::parse(R"({"story": "S1", "story_id": 1,
    "respondent": "R1", "role": "statushouder", "kind": "experience", "wave": null,
    "code": "motivatie/willen", "coder": "anna", "start": 30, "end": 40,
    "before": "ken. 😀 Ik ", "text": "wil werken", "after": ", zei ze.",
    "memo": "zegt ze zelf"})"));
  EXPECT_EQ(body["passages"][1]["story"], "S3");
  EXPECT_EQ(body["passages"][1]["code"], "motivatie/moeten");

  for (const auto& [query, args] : std::vector<std::pair<std::string, std::vector<std::string>>>{
           {"code=motivatie", {"--code", "motivatie"}},
           {"code=motivatie&exact=1", {"--code", "motivatie", "--exact"}},
           {"code=motivatie&coders=bram", {"--code", "motivatie", "--coders", "bram"}},
           {"code=motivatie&combine=all", {"--code", "motivatie", "--combine", "all"}},
           {"code=motivatie/willen&context=3", {"--code", "motivatie/willen", "--context", "3"}},
           {"code=motivatie&role=statushouder&kind=experience",
            {"--code", "motivatie", "--role", "statushouder", "--kind", "experience"}}}) {
    ExpectSameAsCli(query, args);
  }
  // offset and limit page through the total.
  auto page = Get("anna", "/api/code/passages?code=motivatie&offset=1&limit=5");
  ASSERT_TRUE(page);
  EXPECT_EQ(Body(page)["total"], 2);
  ASSERT_EQ(Body(page)["passages"].size(), 1u);
  EXPECT_EQ(Body(page)["passages"][0]["story"], "S3");
}

TEST_F(CodeApiTest, AVariableValueFiltersTheStories) {
  CodeBoth();
  dir_.Write("more.csv", "story,respondent,text,gemeente\nS4,R4,Nog een.,Ede\n");
  dir_.Write("more.yaml",
             "story: story\nrespondent: respondent\ntext: text\nstory_variables:\n  gemeente: "
             "text\n");
  ASSERT_EQ(Cli({"import", "csv", "more.csv", "--mapping", "more.yaml"}).exit_code, 0);
  auto coded = Post("anna", "/api/stories/S4/codings",
                    json{{"code", "motivatie/willen"}, {"whole", true}}.dump());
  ASSERT_TRUE(coded);
  ASSERT_EQ(coded->status, 201) << coded->body;
  auto r = Get("anna", "/api/code/passages?code=motivatie&var=gemeente:Ede");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(Body(r)["total"], 1);
  EXPECT_EQ(Body(r)["passages"][0]["story"], "S4");
  auto none = Get("anna", "/api/code/passages?code=motivatie&var=gemeente:Zeist");
  ASSERT_TRUE(none);
  EXPECT_EQ(Body(none)["total"], 0);
}

TEST_F(CodeApiTest, BadParametersAre400NamingTheField) {
  CodeBoth();
  struct Case {
    std::string query;
    int status;
    std::string field;
    std::string error_starts;
  };
  const std::vector<Case> cases = {
      {"/api/code/passages", 400, "code", "code is missing"},
      {"/api/code/passages?code=motivatie/wilen", 404, "code",
       "code 'motivatie/wilen' does not exist; did you mean 'motivatie/willen'?"},
      {"/api/code/passages?code=motivatie&coders=zoe", 400, "coders", ""},
      {"/api/code/passages?code=motivatie&coders=,", 400, "coders", "coders needs"},
      {"/api/code/passages?code=motivatie&combine=each", 400, "combine",
       "quotes takes --combine any or all"},
      {"/api/code/passages?code=motivatie&combine=some", 400, "coders", ""},
      {"/api/code/passages?code=motivatie&min_coders=two", 400, "min_coders",
       "min_coders must be a whole number"},
      {"/api/code/passages?code=motivatie&wave=een", 400, "wave", ""},
      {"/api/code/passages?code=motivatie&context=-1", 400, "context", ""},
      {"/api/code/passages?code=motivatie&offset=x", 400, "offset", ""},
      {"/api/code/passages?code=motivatie&limit=x", 400, "limit", ""},
      {"/api/code/passages?code=motivatie&var=gemeente", 400, "var", "var needs NAME:VALUE"},
      {"/api/code/passages?code=motivatie&var=leeftijd:30", 400, "var",
       "variable 'leeftijd' is not a story or respondent variable"},
  };
  for (const Case& c : cases) {
    auto r = Get("anna", c.query);
    ASSERT_TRUE(r) << c.query;
    EXPECT_EQ(r->status, c.status) << c.query << ": " << r->body;
    const json body = Body(r);
    EXPECT_EQ(body.value("field", ""), c.field) << c.query << ": " << r->body;
    EXPECT_EQ(body.value("error", "").rfind(c.error_starts, 0), 0u) << c.query << ": " << r->body;
  }
  auto anonymous = Client().Get("/api/code/passages?code=motivatie");
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->status, 401);
}

TEST_F(CodeApiTest, BlindCodersSeeOnlyTheirOwnPassages) {
  CodeBoth();
  StopServer();
  Start({"anna", "bram"}, /*blind=*/true);
  auto r = Get("anna", "/api/code/passages?code=motivatie");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(Body(r)["coders"]["names"], json({"anna"}));
  EXPECT_EQ(Body(r)["total"], 1);
  EXPECT_EQ(Body(r)["passages"][0]["coder"], "anna");
  auto forbidden = Get("anna", "/api/code/passages?code=motivatie&coders=bram");
  ASSERT_TRUE(forbidden);
  EXPECT_EQ(forbidden->status, 403) << forbidden->body;
  EXPECT_EQ(Body(forbidden)["field"], "coders");
}

// The example study (examples/statushouders, built by `verhaal run`).
class ExampleCodeApiTest : public CodeTestBase {
 protected:
  void SetUp() override {
    const auto manifest = testing::SourceDir() / "examples" / "statushouders" / "study.yaml";
    auto run = Cli({"run", manifest.string(), "--out", (dir_ / "out").string()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    project_args_ = {"-p", (dir_ / "out" / "statushouders.verhaal").string()};
    Start({"anna", "bram"}, false, "out/statushouders.verhaal");
  }
};

TEST_F(ExampleCodeApiTest, WillenEqualsVerhaalQuotes) {
  for (const auto& [query, args] : std::vector<std::pair<std::string, std::vector<std::string>>>{
           {"code=motivatie/willen", {"--code", "motivatie/willen"}},
           {"code=motivatie/willen&coders=anna&limit=100000",
            {"--code", "motivatie/willen", "--coders", "anna"}},
           {"code=motivatie&role=statushouder&limit=100000",
            {"--code", "motivatie", "--role", "statushouder"}},
           {"code=communicatiestijl&wave=1&context=80&limit=100000",
            {"--code", "communicatiestijl", "--wave", "1", "--context", "80"}}}) {
    ExpectSameAsCli(query, args);
  }
  auto r = Get("anna", "/api/code/passages?code=motivatie/willen");
  const json body = Body(r);
  EXPECT_EQ(body["coders"]["source"], "the analysis set");
  EXPECT_GT(body["total"], 0);
}

}  // namespace
}  // namespace verhaal
