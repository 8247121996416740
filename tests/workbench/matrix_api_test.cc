// GET /api/matrix and /api/matrix/quotes (docs/serve.md, "The Matrix view"):
// the table is the one `verhaal matrix --format json` prints for the same
// choice, on the small fixture and on the example study; a cell's quotes are
// the passages behind it; bad parameters are 400 naming the field; --blind
// keeps other coders' codings out.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "tests/workbench/workbench_fixture.h"

namespace verhaal {
namespace {

// A workbench on a project, and the matrix `verhaal matrix` prints for it.
class MatrixTestBase : public WorkbenchTest {
 protected:
  // `verhaal [-p PROJECT] matrix ARGS --format json`, as JSON.
  json CliMatrix(std::vector<std::string> args) {
    args.insert(args.begin(), "matrix");
    args.insert(args.begin(), project_args_.begin(), project_args_.end());
    args.insert(args.end(), {"--format", "json"});
    const auto r = Cli(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.exit_code == 0 ? json::parse(r.out) : json::object();
  }
  std::vector<std::string> project_args_;
};

class MatrixApiTest : public MatrixTestBase {
 protected:
  // anna: S1's "wil werken" as willen; bram: all of S3 as moeten.
  void CodeBoth() {
    CodeWillen("anna");
    auto r = Post("bram", "/api/stories/S3/codings",
                  json{{"code", "motivatie/moeten"}, {"whole", true}}.dump());
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 201) << r->body;
  }
};

TEST_F(MatrixApiTest, TheTableIsTheOneVerhaalMatrixPrints) {
  CodeBoth();
  auto r = Get("anna", "/api/matrix?rows=code:motivatie&cols=role");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const json body = Body(r);
  EXPECT_EQ(body["matrix"], CliMatrix({"--rows", "code:motivatie", "--cols", "role"}));
  const json& table = body["matrix"]["tables"][0];
  EXPECT_EQ(table["row_levels"], json({"moeten", "willen"}));
  EXPECT_EQ(table["col_levels"], json({"klantmanager", "statushouder"}));
  EXPECT_EQ(table["used"], 2);
  EXPECT_EQ(table["left_out"], json({{"code:motivatie: no coding", 1}}));
  EXPECT_EQ(body["header"],
            "counted: stories; codings: code:motivatie: codings of anna, bram (every human "
            "coder, the default), combined: any coder");
  EXPECT_EQ(body["coders"]["names"], json({"anna", "bram"}));
  EXPECT_EQ(body["coders"]["combine"], "any");
  EXPECT_EQ(body["dimensions"]["rows"]["code"], "motivatie");
  EXPECT_EQ(body["text"][0]["used"], "2 stories used, 1 left out: code:motivatie: no coding 1");
  // The tests in the CLI's words, and in the Dutch report's for the Dutch page
  // (issue 23): the klantmanager column is empty.
  EXPECT_EQ(body["text"][0]["tests"][0], json({{"statistic", "not tested"},
                                               {"value", "empty column 'klantmanager'"},
                                               {"value_nl", "lege kolom 'klantmanager'"}}));

  // The same for one coder, for consensus, and with the story filters.
  for (const auto& [query, args] : std::vector<std::pair<std::string, std::vector<std::string>>>{
           {"coders=bram", {"--coders", "bram"}},
           {"combine=all", {"--combine", "all"}},
           {"role=statushouder&mixed=level", {"--role", "statushouder", "--mixed", "level"}}}) {
    auto one = Get("anna", "/api/matrix?rows=code:motivatie&cols=role&" + query);
    ASSERT_TRUE(one);
    ASSERT_EQ(one->status, 200) << query << ": " << one->body;
    std::vector<std::string> cli = {"--rows", "code:motivatie", "--cols", "role"};
    cli.insert(cli.end(), args.begin(), args.end());
    EXPECT_EQ(Body(one)["matrix"], CliMatrix(cli)) << query;
  }
}

// combine=each (issue 23): one matrix per coder of the selection (in name
// order, as the CLI's --combine each prints them one after the other as
// text), each with the tables `verhaal matrix --coders NAME` prints.
TEST_F(MatrixApiTest, CombineEachGivesEachCodersMatrix) {
  CodeBoth();
  for (const std::string coders : {"", "&coders=bram,anna"}) {
    auto r = Get("anna", "/api/matrix?rows=code:motivatie&cols=role&combine=each" + coders);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    const json body = Body(r);
    EXPECT_EQ(body["combine"], "each");
    const std::vector<std::string> names = {"anna", "bram"};
    ASSERT_EQ(body["runs"].size(), names.size()) << r->body;
    for (size_t i = 0; i < names.size(); ++i) {
      const json& run = body["runs"][i];
      EXPECT_EQ(run["coders"]["names"], json({names[i]}));
      EXPECT_EQ(run["coders"]["combine"], "each");
      EXPECT_EQ(run["matrix"]["tables"], CliMatrix({"--rows", "code:motivatie", "--cols", "role",
                                                    "--coders", names[i]})["tables"])
          << names[i];
      EXPECT_NE(run["matrix"]["codings"].get<std::string>().find(
                    "codings of " + names[i] + " (" +
                    (coders.empty() ? "every human coder, the default" : "--coders") +
                    "), combined: each coder separately"),
                std::string::npos)
          << run["matrix"]["codings"];
    }
  }
  // Without a code dimension there are no coders to go by: the one matrix.
  auto plain = Get("anna", "/api/matrix?rows=role&cols=role&combine=each");
  ASSERT_TRUE(plain);
  ASSERT_EQ(plain->status, 200) << plain->body;
  EXPECT_FALSE(Body(plain).contains("runs"));
  EXPECT_EQ(Body(plain)["matrix"], CliMatrix({"--rows", "role", "--cols", "role"}));
}

// The page's chart download: the heat map `verhaal matrix --svg` writes for
// the same choice, as an attachment; a bad choice is a JSON 400 as ever.
TEST_F(MatrixApiTest, TheChartIsTheHeatMapOfVerhaalMatrixSvg) {
  CodeBoth();
  auto r = Get("anna", "/api/matrix.svg?rows=code:motivatie&cols=role");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(r->get_header_value("Content-Type"), "image/svg+xml; charset=utf-8");
  EXPECT_NE(r->get_header_value("Content-Disposition").find("matrix.svg"), std::string::npos);
  const auto cli =
      Cli({"matrix", "--rows", "code:motivatie", "--cols", "role", "--svg", "cli.svg"});
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  EXPECT_EQ(r->body, testing::ReadFile(dir_.path() / "cli.svg"));
  auto bad = Get("anna", "/api/matrix.svg?rows=code:nergens&cols=role");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400) << bad->body;
  EXPECT_EQ(Body(bad)["field"], "rows");
}

TEST_F(MatrixApiTest, ACellsQuotesAreThePassagesBehindIt) {
  CodeBoth();
  auto r = Get("bram",
               "/api/matrix/quotes?rows=code:motivatie&cols=role&row=willen&"
               "col=statushouder");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(Body(r), json::parse(R"({"row": "willen", "col": "statushouder", "group": "",
    "stories": 1, "more": false, "quotes": [{"story": "S1", "story_id": 1, "respondent": "R1",
    "coder": "anna", "code": "motivatie/willen", "start": 30, "end": 40,
    "text": "wil werken"}]})"));
  // A whole-story coding quotes the whole story.
  auto whole = Get("anna",
                   "/api/matrix/quotes?rows=code:motivatie&cols=role&row=moeten&"
                   "col=statushouder");
  ASSERT_TRUE(whole);
  const json quote = Body(whole)["quotes"][0];
  EXPECT_EQ(quote["story"], "S3");
  EXPECT_EQ(quote["coder"], "bram");
  EXPECT_EQ(quote["start"], 0);
  EXPECT_EQ(quote["text"], "<img src=x onerror=alert(1)> staat hier als tekst.");
  // An empty cell has no quotes; role x role quotes the story's opening.
  auto empty = Get("anna",
                   "/api/matrix/quotes?rows=code:motivatie&cols=role&row=moeten&"
                   "col=klantmanager");
  ASSERT_TRUE(empty);
  EXPECT_EQ(Body(empty)["stories"], 0);
  EXPECT_EQ(Body(empty)["quotes"], json::array());
  auto opening = Get("anna",
                     "/api/matrix/quotes?rows=role&cols=role&row=klantmanager&"
                     "col=klantmanager");
  ASSERT_TRUE(opening);
  EXPECT_EQ(Body(opening)["quotes"][0]["text"], "Taal blijft lastig.");
  EXPECT_EQ(Body(opening)["quotes"][0]["coder"], "");
  // limit: the first stories, and whether there are more.
  auto limited = Get("anna",
                     "/api/matrix/quotes?rows=role&cols=role&row=statushouder&"
                     "col=statushouder&limit=1");
  ASSERT_TRUE(limited);
  EXPECT_EQ(Body(limited)["stories"], 2);
  EXPECT_EQ(Body(limited)["more"], true);
  EXPECT_EQ(Body(limited)["quotes"].size(), 1u);
}

TEST_F(MatrixApiTest, DimensionsAreListedInTheProject) {
  auto r = Get("anna", "/api/project");
  ASSERT_TRUE(r);
  const json dims = Body(r)["dimensions"];
  ASSERT_GE(dims.size(), 5u);
  EXPECT_EQ(dims[0], json({{"dim", "code:motivatie"}, {"source", "code"}, {"label", "motivatie"}}));
  EXPECT_EQ(dims[1]["dim"], "role");
  EXPECT_EQ(dims[4]["dim"], "respondent");
}

TEST_F(MatrixApiTest, BadParametersAre400NamingTheField) {
  CodeBoth();
  dir_.Write("more.csv", "story,respondent,text,gemeente,woonplaats\nS4,R4,Nog een.,Ede,Ede\n");
  dir_.Write("more.yaml",
             "story: story\nrespondent: respondent\ntext: text\nstory_variables:\n  gemeente: "
             "text\nrespondent_variables:\n  gemeente: {type: text, column: woonplaats}\n");
  ASSERT_EQ(Cli({"import", "csv", "more.csv", "--mapping", "more.yaml"}).exit_code, 0);
  struct Case {
    std::string query;
    int status;
    std::string field;
    std::string error_starts;
  };
  const std::vector<Case> cases = {
      {"/api/matrix?cols=role", 400, "rows", "a matrix needs rows and columns"},
      {"/api/matrix?rows=gemeente&cols=role", 400, "rows", "unknown dimension 'gemeente'; use"},
      {"/api/matrix?rows=code:stijl&cols=role", 400, "rows",
       "dimension 'code:stijl': no code 'stijl' in the project"},
      {"/api/matrix?rows=code:taal&cols=role", 400, "rows",
       "dimension 'code:taal': code 'taal' has no child codes"},
      {"/api/matrix?rows=role&cols=var:leeftijd", 400, "cols", "dimension 'var:leeftijd'"},
      {"/api/matrix?rows=role&cols=var:gemeente", 400, "cols",
       "dimension 'var:gemeente': 'gemeente' is both a story variable and a respondent "
       "variable"},
      {"/api/matrix?rows=role&cols=role&mixed=both", 400, "mixed", "unknown --mixed 'both'"},
      {"/api/matrix?rows=code:motivatie&cols=role&coders=zoe", 400, "coders", ""},
      {"/api/matrix?rows=code:motivatie&cols=role&coders=,", 400, "coders", "coders needs"},
      {"/api/matrix.svg?rows=code:motivatie&cols=role&combine=each", 400, "combine",
       "combine each gives one matrix per coder"},
      {"/api/matrix/quotes?rows=code:motivatie&cols=role&combine=each&row=willen&col=x", 400,
       "combine", "combine each gives one matrix per coder"},
      {"/api/matrix?rows=code:motivatie&cols=role&combine=some", 400, "combine", ""},
      {"/api/matrix?rows=code:motivatie&cols=role&min_coders=two", 400, "min_coders",
       "min_coders must be a whole number"},
      {"/api/matrix?rows=code:motivatie&cols=role&min_coders=3", 400, "min_coders", ""},
      {"/api/matrix?rows=role&cols=role&role=gemeente", 422, "role", "no stories match"},
      {"/api/matrix?rows=role&cols=role&wave=een", 400, "wave", ""},
      {"/api/matrix?rows=role&cols=code:motivatie&unit=segment", 400, "rows",
       "unit segment counts the coded segments of the rows"},
      {"/api/matrix?rows=role&cols=role&unit=zin", 400, "unit", "unknown unit 'zin'"},
      {"/api/matrix/quotes?rows=code:motivatie&cols=role&unit=segment&row=willen&col=x", 400,
       "unit", "the quotes of a cell are not yet given for unit segment"},
      {"/api/matrix/quotes?rows=code:motivatie&cols=role&col=statushouder", 400, "row",
       "name the cell by its levels"},
      {"/api/matrix/quotes?rows=code:motivatie&cols=role&row=willen", 400, "col", ""},
      {"/api/matrix/quotes?rows=code:motivatie&cols=role&row=zeker&col=statushouder", 400, "row",
       "row 'zeker' is not a level of code:motivatie; use one of 'moeten', 'willen'"},
      {"/api/matrix/quotes?rows=code:motivatie&cols=role&row=willen&col=statushouder&group=x", 400,
       "group", "group needs by"},
      {"/api/matrix/quotes?rows=code:motivatie&cols=role&row=willen&col=statushouder&limit=0", 400,
       "limit", "limit must be 1 or more"},
  };
  for (const Case& c : cases) {
    auto r = Get("anna", c.query);
    ASSERT_TRUE(r) << c.query;
    EXPECT_EQ(r->status, c.status) << c.query << ": " << r->body;
    const json body = Body(r);
    EXPECT_EQ(body.value("field", ""), c.field) << c.query << ": " << r->body;
    EXPECT_EQ(body.value("error", "").rfind(c.error_starts, 0), 0u) << c.query << ": " << r->body;
  }
  // Without a token: 401, as every call.
  auto anonymous = Client().Get("/api/matrix?rows=role&cols=role");
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->status, 401);
}

TEST_F(MatrixApiTest, BlindCodersCountOnlyTheirOwnCodings) {
  CodeBoth();
  StopServer();
  Start({"anna", "bram"}, /*blind=*/true);
  auto r = Get("anna", "/api/matrix?rows=code:motivatie&cols=role");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(Body(r)["matrix"],
            CliMatrix({"--rows", "code:motivatie", "--cols", "role", "--coders", "anna"}));
  EXPECT_EQ(Body(r)["coders"]["names"], json({"anna"}));
  for (const std::string query : {"/api/matrix?rows=code:motivatie&cols=role&coders=bram",
                                  "/api/matrix?rows=code:motivatie@bram&cols=role",
                                  "/api/matrix/quotes?rows=role&cols=code:motivatie@anna%2Bbram"
                                  "&row=statushouder&col=moeten"}) {
    auto forbidden = Get("anna", query);
    ASSERT_TRUE(forbidden);
    EXPECT_EQ(forbidden->status, 403) << query << ": " << forbidden->body;
  }
  // Quotes without a code dimension still take only anna's codings.
  auto quotes = Get("anna",
                    "/api/matrix/quotes?rows=role&cols=role&row=statushouder&"
                    "col=statushouder");
  ASSERT_TRUE(quotes);
  const json body = Body(quotes);  // kept: the loop reads into it
  for (const json& q : body["quotes"]) EXPECT_NE(q["coder"], "bram") << q.dump();
}

// The example study (examples/statushouders, built by `verhaal run`): the
// matrix of motivation against communication style, as docs/matrix.md asks
// for it, and the stories behind "willen x aanmoedigend".
class ExampleMatrixApiTest : public MatrixTestBase {
 protected:
  void SetUp() override {
    const auto manifest = testing::SourceDir() / "examples" / "statushouders" / "study.yaml";
    auto run = Cli({"run", manifest.string(), "--out", (dir_ / "out").string()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    project_args_ = {"-p", (dir_ / "out" / "statushouders.verhaal").string()};
    Start({"anna", "bram"}, false, "out/statushouders.verhaal");
  }
};

TEST_F(ExampleMatrixApiTest, MotivationAgainstStyleEqualsVerhaalMatrix) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> choices = {
      {"rows=code:motivatie&cols=code:communicatiestijl",
       {"--rows", "code:motivatie", "--cols", "code:communicatiestijl"}},
      {"rows=dyad:motivatie&cols=dyad:stijl&role=statushouder",
       {"--rows", "dyad:motivatie", "--cols", "dyad:stijl", "--role", "statushouder"}},
      {"rows=code:motivatie%40anna%2Bbram&cols=code:communicatiestijl%40anna%2Bbram",
       {"--rows", "code:motivatie@anna+bram", "--cols", "code:communicatiestijl@anna+bram"}},
      {"rows=dyad:motivatie&cols=dyad:stijl&by=var:gemeente",
       {"--rows", "dyad:motivatie", "--cols", "dyad:stijl", "--by", "var:gemeente"}},
      {"rows=code:motivatie&cols=code:communicatiestijl&mixed=each&coders=anna",
       {"--rows", "code:motivatie", "--cols", "code:communicatiestijl", "--mixed", "each",
        "--coders", "anna"}},
      {"rows=code:motivatie&cols=code:communicatiestijl&unit=segment&within=200",
       {"--rows", "code:motivatie", "--cols", "code:communicatiestijl", "--unit", "segment",
        "--within", "200"}},
  };
  for (const auto& [query, args] : choices) {
    auto r = Get("anna", "/api/matrix?" + query);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << query << ": " << r->body;
    EXPECT_EQ(Body(r)["matrix"], CliMatrix(args)) << query;
  }
  auto r = Get("anna", "/api/matrix?rows=code:motivatie&cols=code:communicatiestijl");
  const json body = Body(r);
  EXPECT_EQ(body["coders"]["source"], "the analysis set");
  const json& table = body["matrix"]["tables"][0];
  int64_t cell = -1;
  for (const json& c : table["cells"]) {
    if (c["row"] == "willen" && c["col"] == "aanmoedigend") cell = c["count"];
  }
  ASSERT_GT(cell, 0);
  auto quotes = Get("anna",
                    "/api/matrix/quotes?rows=code:motivatie&cols=code:communicatiestijl"
                    "&row=willen&col=aanmoedigend");
  ASSERT_TRUE(quotes);
  ASSERT_EQ(quotes->status, 200) << quotes->body;
  const json q = Body(quotes);
  EXPECT_EQ(q["stories"], cell);
  std::set<std::string> stories;
  for (const json& quote : q["quotes"]) {
    stories.insert(quote["story"].get<std::string>());
    const std::string code = quote["code"];
    EXPECT_TRUE(code == "motivatie/willen" || code == "communicatiestijl/aanmoedigend") << code;
    EXPECT_TRUE(quote["coder"] == "anna" || quote["coder"] == "bram") << quote.dump();
    EXPECT_FALSE(quote["text"].get<std::string>().empty());
  }
  EXPECT_EQ(static_cast<int64_t>(stories.size()), cell);
}

}  // namespace
}  // namespace verhaal
