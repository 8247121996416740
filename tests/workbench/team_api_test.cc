// The Team view's calls (docs/serve.md, "GET /api/team"): each coder's work,
// the agreement table `verhaal agreement --format json` prints, the
// disagreements of two coders with their segments, and the lead's decisions,
// which write the consensus coder's codings; each bad request with its
// status and field; --blind and --lead.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "base/error.h"
#include "tests/workbench/workbench_fixture.h"

namespace verhaal {
namespace {

// The API's agreement rows against the CLI's: the same rows in the same
// order, every number equal (null where the CLI leaves the cell empty).
void ExpectSameAgreement(const json& api, const json& cli) {
  ASSERT_EQ(api.size(), cli.size()) << api.dump() << "\n" << cli.dump();
  for (size_t i = 0; i < api.size(); ++i) {
    for (const char* field : {"unit", "code", "coders", "n", "note"}) {
      EXPECT_EQ(api[i][field], cli[i][field]) << i << " " << field;
    }
    for (const char* field : {"agreement", "kappa", "fleiss", "ac1", "alpha"}) {
      const json& want = cli[i][field];
      if (want.is_number()) {
        EXPECT_EQ(api[i][field], want) << api[i]["code"] << " " << field;
      } else {
        EXPECT_TRUE(api[i][field].is_null()) << api[i]["code"] << " " << field << " " << want;
      }
    }
  }
}

class TeamApiTest : public WorkbenchTest {
 protected:
  // anna: willen in S1 (30:40) and taal in S2; bram: taal in S1 and S2.
  // So they differ on willen and taal in S1 and agree on S2.
  void CodeTeam() {
    CodeWillen("anna");
    for (const auto& [coder, story] : std::vector<std::pair<std::string, std::string>>{
             {"anna", "S2"}, {"bram", "S1"}, {"bram", "S2"}}) {
      auto r = Post(coder, "/api/stories/" + story + "/codings",
                    json{{"code", "taal"}, {"whole", true}}.dump());
      ASSERT_TRUE(r);
      ASSERT_EQ(r->status, 201) << r->body;
    }
  }

  json CliJson(std::vector<std::string> args) {
    args.insert(args.begin(), "agreement");
    args.insert(args.end(), {"--format", "json"});
    const auto r = Cli(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.exit_code == 0 ? json::parse(r.out) : json::array();
  }

  httplib::Result Settle(const std::string& coder, const std::string& story,
                         const std::string& code, const std::string& decision) {
    return Post(coder, "/api/team/settle",
                json{{"story", story},
                     {"code", code},
                     {"coder_a", "anna"},
                     {"coder_b", "bram"},
                     {"decision", decision}}
                    .dump());
  }
};

TEST_F(TeamApiTest, EachCodersWorkAndTheAgreementOfVerhaalAgreement) {
  CodeTeam();
  auto r = Get("bram", "/api/team");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const json body = Body(r);
  EXPECT_EQ(body["lead"], "anna");
  EXPECT_EQ(body["you_lead"], false);
  EXPECT_EQ(body["coders"], json::parse(R"([
    {"name": "anna", "kind": "human", "stories": 2, "codings": 2},
    {"name": "bram", "kind": "human", "stories": 2, "codings": 2}])"));
  EXPECT_EQ(body["compared"], json({"anna", "bram"}));
  EXPECT_EQ(body["agreement_error"], "");
  EXPECT_EQ(body["settled"], 0);
  ExpectSameAgreement(body["agreement"], CliJson({}));
  EXPECT_EQ(body["agreement"][0]["names"], json({"anna", "bram"}));
  // The dimension unit, as --unit dimension.
  auto dim = Get("anna", "/api/team?unit=dimension&coders=anna,bram");
  ASSERT_TRUE(dim);
  ASSERT_EQ(dim->status, 200) << dim->body;
  ExpectSameAgreement(Body(dim)["agreement"],
                      CliJson({"--unit", "dimension", "--coders", "anna,bram"}));
}

TEST_F(TeamApiTest, WithoutASecondCoderThereIsNoTableButAReason) {
  CodeWillen("anna");
  auto r = Get("anna", "/api/team");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_TRUE(Body(r)["agreement"].is_null());
  EXPECT_EQ(Body(r)["agreement_error"].get<std::string>().rfind("agreement needs two or more", 0),
            0u)
      << r->body;
}

TEST_F(TeamApiTest, DisagreementsListBothCodersSegments) {
  CodeTeam();
  auto r = Get("bram", "/api/team/disagreements?coders=anna,bram");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const json body = Body(r);
  EXPECT_EQ(body["coder_a"], "anna");
  EXPECT_EQ(body["coder_b"], "bram");
  ASSERT_EQ(body["disagreements"].size(), 2u) << r->body;
  const json& willen = body["disagreements"][0];
  EXPECT_EQ(willen["story"], "S1");
  EXPECT_EQ(willen["code"], "motivatie/willen");
  EXPECT_EQ(willen["value_a"], "yes");
  EXPECT_EQ(willen["value_b"], "no");
  ASSERT_EQ(willen["segments_a"].size(), 1u);
  EXPECT_EQ(willen["segments_a"][0]["text"], "wil werken");
  EXPECT_EQ(willen["segments_a"][0]["start"], 30);
  EXPECT_EQ(willen["segments_a"][0]["end"], 40);
  EXPECT_EQ(willen["segments_b"], json::array());
  EXPECT_TRUE(willen["settled"].is_null());
  const json& taal = body["disagreements"][1];
  EXPECT_EQ(taal["code"], "taal");
  EXPECT_EQ(taal["value_a"], "no");
  EXPECT_EQ(taal["segments_b"][0]["coder"], "bram");
  // The same units as `verhaal agreement --disagreements`.
  const json cli = CliJson({"--coders", "anna,bram", "--disagreements"});
  ASSERT_EQ(cli.size(), 2u);
  EXPECT_EQ(cli[0]["story"], "S1");
  EXPECT_EQ(cli[0]["code"], "motivatie/willen");
  EXPECT_EQ(cli[1]["code"], "taal");
  // One code; the default pair is the team's first two coders.
  auto one = Get("anna", "/api/team/disagreements?code=taal");
  ASSERT_TRUE(one);
  ASSERT_EQ(one->status, 200) << one->body;
  ASSERT_EQ(Body(one)["disagreements"].size(), 1u);
  EXPECT_EQ(Body(one)["disagreements"][0]["code"], "taal");
}

TEST_F(TeamApiTest, TheLeadsDecisionWritesTheConsensusCodings) {
  CodeTeam();
  auto r = Settle("anna", "S1", "motivatie/willen", "take_a");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  json body = Body(r);
  EXPECT_EQ(body["added"], 1);
  EXPECT_EQ(body["removed"], 0);
  EXPECT_EQ(body["settled"]["decision"], "take_a");
  EXPECT_EQ(body["settled"]["by"], "anna");
  EXPECT_EQ(body["settled"]["coder_b"], "bram");
  EXPECT_FALSE(body["settled"]["at"].get<std::string>().empty());
  ASSERT_EQ(body["consensus"].size(), 1u);
  EXPECT_EQ(body["consensus"][0]["origin"], "consensus:anna");
  EXPECT_EQ(body["consensus"][0]["text"], "wil werken");

  // The coding is the consensus coder's, in the story and for the CLI.
  json consensus;
  const json story = Body(Get("bram", "/api/stories/S1"));
  for (const json& c : story["codings"]) {
    if (c["coder"] == "consensus") consensus = c;
  }
  EXPECT_EQ(consensus["code"], "motivatie/willen") << consensus.dump();
  EXPECT_EQ(consensus["start"], 30);
  EXPECT_EQ(consensus["origin"], "consensus:anna");
  const auto exported = Cli({"export", "codings", "-o", "codings.csv"});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_NE(testing::ReadFile(dir_ / "codings.csv").find("consensus:anna"), std::string::npos);
  // The decision is kept as the lead's memo on the code in the story.
  const json memos = Body(Get("anna", "/api/stories/S1"))["memos"];
  ASSERT_EQ(memos.size(), 1u);
  EXPECT_EQ(memos[0]["author"], "anna");
  EXPECT_EQ(memos[0]["title"], "consensus: take_a (anna, bram)");

  // Listed as settled; a second decision replaces the first.
  auto list = Get("bram", "/api/team/disagreements?coders=anna,bram&code=motivatie/willen");
  EXPECT_EQ(Body(list)["disagreements"][0]["settled"]["decision"], "take_a");
  r = Settle("anna", "S1", "motivatie/willen", "neither");
  ASSERT_EQ(r->status, 200) << r->body;
  body = Body(r);
  EXPECT_EQ(body["removed"], 1);
  EXPECT_EQ(body["added"], 0);
  EXPECT_EQ(body["consensus"], json::array());
  EXPECT_EQ(body["settled"]["decision"], "neither");
  // Both: the segments of both coders (taal: bram's whole story).
  r = Settle("anna", "S1", "taal", "both");
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(Body(r)["added"], 1);
  EXPECT_EQ(Body(Get("anna", "/api/team"))["settled"], 3);
  // The coders' own codings are untouched: the team still disagrees there.
  EXPECT_EQ(Body(Get("anna", "/api/team/disagreements?coders=anna,bram"))["disagreements"].size(),
            2u);
  // The consensus coder is counted, but not compared by default.
  const json team = Body(Get("anna", "/api/team"));
  EXPECT_EQ(team["compared"], json({"anna", "bram"}));
  EXPECT_EQ(team["coders"][2], json::parse(R"({"name": "consensus", "kind": "consensus",
    "stories": 1, "codings": 1})"));
}

TEST_F(TeamApiTest, TheLeadCanSetTheConsensusSegmentsByHand) {
  CodeTeam();
  // S1's "wil werken" twice: anna's (30:40) and the first one (13:23).
  auto r = Post("anna", "/api/team/settle", R"({"story": "S1", "code": "motivatie/willen",
    "coder_a": "anna", "coder_b": "bram", "decision": "edit",
    "segments": [{"start": 30, "end": 40}, {"code": "motivatie/willen", "start": 13, "end": 23}]})");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const json body = Body(r);
  EXPECT_EQ(body["added"], 2);
  EXPECT_EQ(body["settled"]["decision"], "edit");
  ASSERT_EQ(body["consensus"].size(), 2u);
  EXPECT_EQ(body["consensus"][0]["start"], 13);
  EXPECT_EQ(body["consensus"][0]["text"], "wil werken");
  EXPECT_EQ(body["consensus"][1]["start"], 30);
  EXPECT_EQ(body["consensus"][1]["origin"], "consensus:anna");
  struct Case {
    std::string segments;
    std::string decision;
    int status;
    std::string error_starts;
  };
  for (const Case& c : std::vector<Case>{
           {"", "edit", 400, "edit needs the consensus segments"},
           {R"([{"start": 0, "end": 3}])", "both", 400, "segments go with the decision edit"},
           {R"([{"start": "0", "end": 3}])", "edit", 400, "segments must be a list"},
           {R"({"start": 0})", "edit", 400, "segments must be a list"},
           {R"([{"code": "taal", "start": 0, "end": 3}])", "edit", 400,
            "segment code 'taal' is not motivatie/willen or one of its sub-codes"},
           {R"([{"start": 40, "end": 400}])", "edit", 422, "segment 40-400 does not fit story S1"},
       }) {
    const std::string request =
        R"({"story": "S1", "code": "motivatie/willen", "coder_a": "anna", "coder_b": "bram", )"
        R"("decision": ")" +
        c.decision + "\"" + (c.segments.empty() ? "" : ", \"segments\": " + c.segments) + "}";
    auto bad = Post("anna", "/api/team/settle", request);
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, c.status) << request << ": " << bad->body;
    EXPECT_EQ(Body(bad).value("field", ""), "segments") << request << ": " << bad->body;
    EXPECT_EQ(Body(bad).value("error", "").rfind(c.error_starts, 0), 0u) << bad->body;
  }
  // The hand-set segments are still there after the refused requests.
  const json list = Body(Get("anna", "/api/team/disagreements?code=motivatie/willen"));
  EXPECT_EQ(list["disagreements"][0]["consensus"].size(), 2u);
}

TEST_F(TeamApiTest, BadRequestsNameTheFieldAndChangeNothing) {
  CodeTeam();
  CodeWillen("bram");  // so that S1's willen is no disagreement
  struct Case {
    std::string coder;
    std::string body;
    int status;
    std::string field;
    std::string error_starts;
  };
  const auto settle = [](const std::string& story, const std::string& code, const std::string& a,
                         const std::string& b, const std::string& decision) {
    return json{
        {"story", story}, {"code", code}, {"coder_a", a}, {"coder_b", b}, {"decision", decision}}
        .dump();
  };
  const std::vector<Case> cases = {
      {"bram", settle("S1", "taal", "anna", "bram", "take_a"), 403, "",
       "only the lead (anna) settles disagreements; you are bram"},
      {"anna", settle("S1", "taal", "anna", "bram", "take_c"), 400, "decision",
       "decision 'take_c' is not one of take_a, take_b, both, neither, edit"},
      {"anna", R"({"story": "S1", "code": "taal", "coder_a": "anna", "decision": "both"})", 400,
       "coder_b", "coder_b is missing"},
      {"anna", R"({"story": 1})", 400, "story", "story must be a string"},
      {"anna", "[1]", 400, "body", "the body must be a JSON object"},
      {"anna", settle("S9", "taal", "anna", "bram", "both"), 404, "story", ""},
      {"anna", settle("S1", "stijl", "anna", "bram", "both"), 404, "code", "no code 'stijl'"},
      {"anna", settle("S1", "taal", "anna", "zoe", "both"), 404, "coder_b", "no coder 'zoe'"},
      {"anna", settle("S1", "taal", "anna", "anna", "both"), 400, "coder_b",
       "coder_a and coder_b are the same coder"},
      {"anna", settle("S1", "taal", "consensus", "bram", "both"), 400, "coder_a",
       "consensus holds the decisions"},
      {"anna", settle("S2", "taal", "anna", "bram", "both"), 409, "code",
       "anna and bram do not differ on taal in S2"},
      {"anna", settle("S1", "motivatie/willen", "anna", "bram", "both"), 409, "code", ""},
      {"anna", settle("S3", "taal", "anna", "bram", "both"), 409, "story",
       "anna and bram cannot be compared on taal in S3"},
  };
  for (const Case& c : cases) {
    auto r = Post(c.coder, "/api/team/settle", c.body);
    ASSERT_TRUE(r) << c.body;
    EXPECT_EQ(r->status, c.status) << c.body << ": " << r->body;
    const json body = Body(r);
    EXPECT_EQ(body.value("field", ""), c.field) << c.body << ": " << r->body;
    EXPECT_EQ(body.value("error", "").rfind(c.error_starts, 0), 0u) << c.body << ": " << r->body;
  }
  struct Query {
    std::string path;
    int status;
    std::string field;
  };
  for (const Query& q : std::vector<Query>{
           {"/api/team?coders=anna,zoe", 400, "coders"},
           {"/api/team?coders=anna", 400, "coders"},
           {"/api/team?unit=sentence", 400, "unit"},
           {"/api/team?unit=words", 400, "unit"},
           {"/api/team/disagreements?coders=anna", 400, "coders"},
           {"/api/team/disagreements?coders=anna,anna", 400, "coders"},
           {"/api/team/disagreements?coders=anna,zoe", 400, "coders"},
           {"/api/team/disagreements?code=stijl", 400, "code"},
           {"/api/team/disagreements?unit=character", 400, "unit"},
       }) {
    auto r = Get("anna", q.path);
    ASSERT_TRUE(r) << q.path;
    EXPECT_EQ(r->status, q.status) << q.path << ": " << r->body;
    EXPECT_EQ(Body(r).value("field", ""), q.field) << q.path << ": " << r->body;
  }
  // Nothing was written: no consensus coder, no memo.
  EXPECT_EQ(Body(Get("anna", "/api/team"))["settled"], 0);
  EXPECT_EQ(Body(Get("anna", "/api/team"))["coders"].size(), 2u);
  // Without a token: 401, as every call.
  auto anonymous = Client().Get("/api/team");
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->status, 401);
}

TEST_F(TeamApiTest, UnderBlindOnlyTheLeadSeesTheTeam) {
  CodeTeam();
  StopServer();
  Start({"anna", "bram"}, /*blind=*/true);
  for (const std::string path : {"/api/team", "/api/team/disagreements"}) {
    auto refused = Get("bram", path);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 403) << refused->body;
    EXPECT_NE(Body(refused)["error"].get<std::string>().find("only the lead (anna)"),
              std::string::npos)
        << refused->body;
    auto lead = Get("anna", path);
    ASSERT_TRUE(lead);
    EXPECT_EQ(lead->status, 200) << lead->body;
  }
  EXPECT_EQ(Settle("bram", "S1", "taal", "take_b")->status, 403);
  EXPECT_EQ(Settle("anna", "S1", "taal", "take_b")->status, 200);
}

TEST_F(TeamApiTest, LeadNamesWhoSettles) {
  CodeTeam();
  StopServer();
  lead_ = "bram";
  Start({"anna", "bram"});
  EXPECT_EQ(Body(Get("anna", "/api/project"))["lead"], "bram");
  EXPECT_EQ(Settle("anna", "S1", "taal", "take_b")->status, 403);
  auto r = Settle("bram", "S1", "taal", "take_b");
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(Body(r)["consensus"][0]["origin"], "consensus:bram");
  StopServer();
  lead_ = "carla";
  EXPECT_THROW(Start({"anna", "bram"}), Error);
  auto serve =
      Cli({"serve", "--coders", "anna,bram", "--lead", "carla", "--no-browser", "--port", "0"});
  EXPECT_EQ(serve.exit_code, 2);
  EXPECT_NE(serve.err.find("--lead carla is not one of the coders"), std::string::npos)
      << serve.err;
}

TEST_F(TeamApiTest, ADecisionReachesTheOthersOpenPages) {
  CodeTeam();
  EventReader bram(*this, Client(), As("bram"));
  ASSERT_TRUE(bram.WaitFor(": open"));
  auto r = Settle("anna", "S1", "taal", "take_b");
  ASSERT_EQ(r->status, 200) << r->body;
  ASSERT_TRUE(bram.WaitFor(R"("action":"settle")")) << bram.text();
  EXPECT_NE(bram.text().find(R"("decision":"take_b")"), std::string::npos) << bram.text();
  EXPECT_NE(bram.text().find(R"("story":"S1")"), std::string::npos) << bram.text();
  StopServer();  // ends the stream
}

// The example study (examples/statushouders, built by `verhaal run`): the
// Team view's numbers are `verhaal agreement --format json`'s, its
// disagreements those of --disagreements.
class ExampleTeamApiTest : public WorkbenchTest {
 protected:
  void SetUp() override {
    const auto manifest = testing::SourceDir() / "examples" / "statushouders" / "study.yaml";
    auto run = Cli({"run", manifest.string(), "--out", (dir_ / "out").string()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    Start({"anna", "bram"}, false, "out/statushouders.verhaal");
  }
  json CliJson(std::vector<std::string> args) {
    args.insert(args.begin(),
                {"-p", (dir_ / "out" / "statushouders.verhaal").string(), "agreement"});
    args.insert(args.end(), {"--format", "json"});
    const auto r = Cli(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.exit_code == 0 ? json::parse(r.out) : json::array();
  }
};

TEST_F(ExampleTeamApiTest, AgreementEqualsVerhaalAgreement) {
  auto r = Get("bram", "/api/team");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const json body = Body(r);
  EXPECT_EQ(body["compared"], json({"anna", "bram"}));  // the analysis set, not rules
  ExpectSameAgreement(body["agreement"], CliJson({"--coders", "anna,bram"}));
  // With the rule coder, as `verhaal agreement` compares everyone by default.
  auto all = Get("bram", "/api/team?coders=anna,bram,rules");
  ASSERT_EQ(all->status, 200) << all->body;
  ExpectSameAgreement(Body(all)["agreement"], CliJson({}));
  // The disagreements are the CLI's, story by story.
  auto d = Get("bram", "/api/team/disagreements?coders=anna,bram");
  ASSERT_EQ(d->status, 200) << d->body;
  const json cli = CliJson({"--coders", "anna,bram", "--disagreements"});
  const json list = Body(d)["disagreements"];
  ASSERT_EQ(list.size(), cli.size());
  for (size_t i = 0; i < cli.size(); ++i) {
    EXPECT_EQ(list[i]["story"], cli[i]["story"]) << i;
    EXPECT_EQ(list[i]["code"], cli[i]["code"]) << i;
    EXPECT_EQ(list[i]["value_a"], cli[i]["anna"]) << i;
    EXPECT_EQ(list[i]["value_b"], cli[i]["bram"]) << i;
  }
}

}  // namespace
}  // namespace verhaal
