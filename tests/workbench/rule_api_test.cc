// The Rules view's calls (docs/serve.md, "GET /api/rules"): the codings of
// the coder `rules` with the reason each was made (the rule and the words it
// matched), accepting (the coder's own coding, as `verhaal code` makes it)
// and rejecting them, decisions that outlive a restart and a re-run of
// `verhaal autocode`, each rule's precision; every error names its field;
// under --blind only the lead reviews.
#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

#include "tests/workbench/workbench_fixture.h"

namespace verhaal {
namespace {

// The fixture's codebook with rules: "wil werken" twice in S1 (13:23 and,
// after the emoji, 30:40), "Taal" in S2's one sentence, "verplicht*" nowhere.
constexpr const char* kRulesCodebook = R"(codes:
  - name: motivatie
    dimension: true
    codable: false
    children:
      - name: moeten
        rules:
          - name: moet
            terms: [verplicht*]
      - name: willen
        rules:
          - name: wil-werken
            terms: [wil werken]
            scope: match
  - name: taal
    colour: "#1f77b4"
    rules:
      - terms: [taal]
        not: [nooit]
  - name: oud
    retired: true
)";

class RuleApiTest : public WorkbenchTest {
 protected:
  void SetUp() override {
    MakeProject();
    dir_.Write("rules.yaml", kRulesCodebook);
    auto loaded = Cli({"codebook", "load", "rules.yaml"});
    ASSERT_EQ(loaded.exit_code, 0) << loaded.err;
    auto coded = Cli({"autocode"});
    ASSERT_EQ(coded.exit_code, 0) << coded.err;
    Start({"anna", "bram"});
  }

  json Codings(const std::string& coder, const std::string& query = "") {
    auto r = Get(coder, "/api/rules/codings" + query);
    EXPECT_TRUE(r);
    if (!r) return json::object();
    EXPECT_EQ(r->status, 200) << query << ": " << r->body;
    return Body(r);
  }

  // The id of the rule coding of S1 at `start` (13 or 30) or of S2 (0).
  std::string IdAt(int64_t start) {
    const json list = Codings("anna");
    for (const json& c : list["codings"]) {
      if (c["start"] == start) return c["id"];
    }
    ADD_FAILURE() << "no rule coding at " << start;
    return "";
  }

  httplib::Result Decide(const std::string& coder, const std::string& id,
                         const std::string& decision) {
    return Post(coder, "/api/rules/codings/" + id + "/decision",
                json{{"decision", decision}}.dump());
  }

  json Rule(const std::string& name) {
    auto r = Get("anna", "/api/rules");
    EXPECT_TRUE(r);
    if (!r) return json::object();
    const json rules = Body(r);
    for (const json& rule : rules["rules"]) {
      if (rule["rule"] == name) return rule;
    }
    ADD_FAILURE() << "no rule " << name << " in " << r->body;
    return json::object();
  }
};

TEST_F(RuleApiTest, ListsTheRuleCodingsWithTheReasonEachWasMade) {
  const json list = Codings("anna");
  EXPECT_EQ(list["total"], 3);
  EXPECT_EQ(list["offset"], 0);
  EXPECT_EQ(list["limit"], 50);
  EXPECT_EQ(list["rules_error"], "");
  const json& c = list["codings"];
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0]["story"], "S1");
  EXPECT_EQ(c[0]["code"], "motivatie/willen");
  EXPECT_EQ(c[0]["start"], 13);
  EXPECT_EQ(c[0]["end"], 23);
  EXPECT_EQ(c[0]["text"], "wil werken");
  EXPECT_EQ(c[0]["rule"], "wil-werken");
  EXPECT_EQ(c[0]["rule_text"], "terms: wil werken; scope: match");
  EXPECT_EQ(c[0]["reason"], json({{"found", true},
                                  {"match_start", 13},
                                  {"match_end", 23},
                                  {"before", "Één café: ik "},
                                  {"matched", "wil werken"},
                                  {"after", ". 😀 Ik wil werken, zei ze."}}));
  EXPECT_EQ(c[0]["decision"], nullptr);
  EXPECT_EQ(c[0]["reviewer"], "");
  EXPECT_EQ(c[0]["yours"], false);
  EXPECT_EQ(c[1]["start"], 30);
  EXPECT_EQ(c[1]["reason"]["before"], "Één café: ik wil werken. 😀 Ik ");
  EXPECT_EQ(c[2]["story"], "S2");
  EXPECT_EQ(c[2]["code"], "taal");
  EXPECT_EQ(c[2]["rule"], "taal:1");
  EXPECT_EQ(c[2]["rule_text"], "terms: taal; not: nooit; scope: sentence");
  // The same as data, for the page to word in Dutch (issue 23).
  EXPECT_EQ(c[2]["rule_parts"], json::parse(R"([{"key": "terms", "value": "taal", "within": 0},
                                                {"key": "not", "value": "nooit", "within": 0},
                                                {"key": "scope", "value": "sentence", "within": 0}])"));
  EXPECT_EQ(c[2]["text"], "Taal blijft lastig.");
  EXPECT_EQ(c[2]["reason"]["matched"], "Taal");
}

TEST_F(RuleApiTest, FiltersByCodeRuleAndDecisionAndPages) {
  EXPECT_EQ(Codings("anna", "?code=motivatie")["total"], 2);  // with its sub-codes
  EXPECT_EQ(Codings("anna", "?code=taal")["total"], 1);
  EXPECT_EQ(Codings("anna", "?rule=taal:1")["codings"][0]["story"], "S2");
  EXPECT_EQ(Codings("anna", "?rule=moet")["total"], 0);
  const json page = Codings("anna", "?offset=1&limit=1");
  EXPECT_EQ(page["total"], 3);
  ASSERT_EQ(page["codings"].size(), 1u);
  EXPECT_EQ(page["codings"][0]["start"], 30);
  auto r = Decide("anna", IdAt(13), "accept");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(Codings("anna", "?decision=accepted")["total"], 1);
  EXPECT_EQ(Codings("anna", "?decision=rejected")["total"], 0);
  EXPECT_EQ(Codings("anna", "?decision=unreviewed")["total"], 2);
  EXPECT_EQ(Codings("anna", "?decision=unreviewed&code=motivatie")["total"], 1);
}

TEST_F(RuleApiTest, AcceptingCopiesTheCodingAsTheCodersOwn) {
  const std::string id = IdAt(13);
  auto r = Decide("anna", id, "accept");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const json out = Body(r);
  EXPECT_EQ(out["id"], id);
  EXPECT_EQ(out["decision"], "accepted");
  EXPECT_EQ(out["reviewer"], "anna");
  EXPECT_EQ(out["yours"], true);
  EXPECT_EQ(out["removed"], nullptr);
  ASSERT_TRUE(out["added"].is_object());
  EXPECT_EQ(out["added"]["coder"], "anna");
  EXPECT_EQ(out["added"]["origin"], "manual");
  EXPECT_EQ(out["added"]["code"], "motivatie/willen");
  EXPECT_EQ(out["added"]["start"], 13);
  EXPECT_EQ(out["added"]["end"], 23);
  // The row `verhaal code` makes: anna's manual coding, shown by verhaal show.
  auto shown = Cli({"show", "S1"});
  EXPECT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_NE(shown.out.find("anna"), std::string::npos) << shown.out;
  const json story = Body(Get("anna", "/api/stories/S1"));
  int manual = 0;
  for (const json& c : story["codings"]) manual += c["coder"] == "anna" && c["origin"] == "manual";
  EXPECT_EQ(manual, 1);
  // Accepting again changes nothing; the coding is kept once.
  r = Decide("anna", id, "accept");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(Body(r)["added"], nullptr);
}

TEST_F(RuleApiTest, RejectingWhatWasAcceptedRemovesTheCopy) {
  const std::string id = IdAt(30);
  ASSERT_EQ(Decide("bram", id, "accept")->status, 200);
  auto r = Decide("bram", id, "reject");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const json out = Body(r);
  EXPECT_EQ(out["decision"], "rejected");
  EXPECT_EQ(out["added"], nullptr);
  ASSERT_TRUE(out["removed"].is_object());
  EXPECT_EQ(out["removed"]["coder"], "bram");
  EXPECT_EQ(out["removed"]["start"], 30);
  const json story = Body(Get("bram", "/api/stories/S1"));
  for (const json& c : story["codings"]) {
    EXPECT_NE(c["coder"], "bram") << c.dump();
  }
  // The rule coding itself stays.
  EXPECT_EQ(Codings("anna")["total"], 3);
}

TEST_F(RuleApiTest, DecisionsOutliveARestartAndARerunOfAutocode) {
  ASSERT_EQ(Decide("anna", IdAt(13), "accept")->status, 200);
  ASSERT_EQ(Decide("anna", IdAt(0), "reject")->status, 200);
  StopServer();
  auto rerun = Cli({"autocode"});
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  Start({"anna", "bram"});
  const json list = Codings("bram");
  ASSERT_EQ(list["codings"].size(), 3u);
  EXPECT_EQ(list["codings"][0]["decision"], "accepted");
  EXPECT_EQ(list["codings"][0]["reviewer"], "anna");
  EXPECT_FALSE(list["codings"][0]["decided"].get<std::string>().empty());
  EXPECT_EQ(list["codings"][0]["yours"], false);  // bram's view of anna's decision
  EXPECT_EQ(list["codings"][1]["decision"], nullptr);
  EXPECT_EQ(list["codings"][2]["decision"], "rejected");
}

TEST_F(RuleApiTest, EachRuleShowsItsPrecisionAmongReviewedCodings) {
  json rule = Rule("wil-werken");
  EXPECT_EQ(rule,
            json({{"code", "motivatie/willen"},
                  {"rule", "wil-werken"},
                  {"text", "terms: wil werken; scope: match"},
                  {"parts", json::parse(R"([{"key": "terms", "value": "wil werken", "within": 0},
                                                  {"key": "scope", "value": "match", "within": 0}])")},
                  {"codings", 2},
                  {"accepted", 0},
                  {"rejected", 0},
                  {"precision", nullptr}}));
  ASSERT_EQ(Decide("anna", IdAt(13), "accept")->status, 200);
  ASSERT_EQ(Decide("anna", IdAt(30), "reject")->status, 200);
  ASSERT_EQ(Decide("anna", IdAt(0), "accept")->status, 200);
  rule = Rule("wil-werken");
  EXPECT_EQ(rule["accepted"], 1);
  EXPECT_EQ(rule["rejected"], 1);
  EXPECT_DOUBLE_EQ(rule["precision"].get<double>(), 0.5);
  EXPECT_DOUBLE_EQ(Rule("taal:1")["precision"].get<double>(), 1.0);
  EXPECT_EQ(Rule("moet")["codings"], 0);
  EXPECT_EQ(Rule("moet")["precision"], nullptr);
  // In codebook order: moeten's rule, willen's, taal's.
  const json rules = Body(Get("anna", "/api/rules"))["rules"];
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_EQ(rules[0]["rule"], "moet");
  EXPECT_EQ(rules[1]["rule"], "wil-werken");
  EXPECT_EQ(rules[2]["rule"], "taal:1");
}

TEST_F(RuleApiTest, ARuleNoLongerInTheCodebookKeepsItsCodingsAndDecisions) {
  ASSERT_EQ(Decide("anna", IdAt(0), "accept")->status, 200);
  StopServer();
  dir_.Write("cb.yaml", kCodebookYaml);  // the same codes without rules
  ASSERT_EQ(Cli({"codebook", "load", "cb.yaml"}).exit_code, 0);
  Start({"anna", "bram"});
  const json rule = Rule("taal:1");
  EXPECT_EQ(rule["text"], "");
  EXPECT_EQ(rule["parts"], json::array());
  EXPECT_EQ(rule["codings"], 1);
  EXPECT_DOUBLE_EQ(rule["precision"].get<double>(), 1.0);
  const json list = Codings("anna", "?rule=taal:1");
  EXPECT_EQ(list["rules_error"],
            "no selected code has autocoding rules; add a 'rules:' block to codes in the "
            "codebook (see docs/autocoding.md) and load it again");
  EXPECT_EQ(list["codings"][0]["reason"], json({{"found", false}}));
  EXPECT_EQ(list["codings"][0]["rule_text"], "");
}

TEST_F(RuleApiTest, BadRequestsNameTheirField) {
  const std::string id = IdAt(13);
  const std::vector<std::tuple<std::string, int, std::string, std::string>> reads = {
      {"?decision=maybe", 400, "decision",
       "decision must be unreviewed, accepted or rejected; got 'maybe'"},
      {"?code=motivatie/wilen", 400, "code",
       "code 'motivatie/wilen' does not exist; did you mean 'motivatie/willen'?"},
      {"?rule=wil-werke", 400, "rule",
       "no rule 'wil-werke' in the codebook or the codings; did you mean 'wil-werken'?"},
      {"?limit=0", 400, "limit", "limit must be between 1 and 500"},
      {"?limit=501", 400, "limit", "limit must be between 1 and 500"},
      {"?offset=-1", 400, "offset", "offset must be a whole number of 0 or more; got '-1'"},
  };
  for (const auto& [query, status, field, message] : reads) {
    auto r = Get("anna", "/api/rules/codings" + query);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, status) << query << ": " << r->body;
    EXPECT_EQ(Body(r)["field"], field) << query;
    EXPECT_EQ(Body(r)["error"], message) << query;
  }
  // A coding of anna's is no rule coding.
  const json mine = CodeWillen("anna");
  const std::vector<std::tuple<std::string, std::string, int, std::string>> writes = {
      {id, R"({"decision": "maybe"})", 400, "decision"},
      {id, R"({})", 400, "decision"},
      {id, R"({"decision": 1})", 400, "decision"},
      {id, R"([)", 400, "body"},
      {"1.2.3.4.5", R"({"decision": "accept"})", 404, "id"},
      {"nonsense", R"({"decision": "accept"})", 404, "id"},
      {mine["id"], R"({"decision": "accept"})", 422, "id"},
  };
  for (const auto& [target, body, status, field] : writes) {
    auto r = Post("anna", "/api/rules/codings/" + target + "/decision", body);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, status) << target << " " << body << ": " << r->body;
    EXPECT_EQ(Body(r)["field"], field) << target << " " << body;
  }
  auto plain = Client().Post(("/api/rules/codings/" + id + "/decision").c_str(), As("anna"),
                             R"({"decision": "accept"})", "text/plain");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->status, 415);
  // Nothing was decided.
  EXPECT_EQ(Codings("anna", "?decision=unreviewed")["total"], 3);
}

TEST_F(RuleApiTest, ADecisionIsItsReviewersOwn) {
  const std::string id = IdAt(13);
  ASSERT_EQ(Decide("anna", id, "accept")->status, 200);
  auto r = Decide("bram", id, "reject");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403) << r->body;
  EXPECT_EQ(Body(r)["field"], "id");
  EXPECT_EQ(Body(r)["error"],
            "coding " + id + " was accepted by anna; only anna can change that decision");
  EXPECT_EQ(Codings("anna", "?decision=accepted")["total"], 1);
}

TEST_F(RuleApiTest, UnderBlindOnlyTheLeadReviews) {
  StopServer();
  Start({"anna", "bram"}, true);
  for (const char* path : {"/api/rules", "/api/rules/codings"}) {
    auto r = Get("bram", path);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 403) << path;
    EXPECT_EQ(Body(r)["error"],
              "under --blind the codings of the rules are another coder's; only the lead (anna) "
              "reviews them");
    EXPECT_EQ(Get("anna", path)->status, 200) << path;
  }
  const std::string id = IdAt(13);
  EXPECT_EQ(Decide("bram", id, "accept")->status, 403);
  EXPECT_EQ(Decide("anna", id, "accept")->status, 200);
}

TEST_F(RuleApiTest, ADecisionReachesTheOthersOpenPages) {
  const std::string id = IdAt(13);
  EventReader events(*this, Client(), As("bram"));
  ASSERT_TRUE(events.WaitFor(": open"));
  ASSERT_EQ(Decide("anna", id, "accept")->status, 200);
  EXPECT_TRUE(events.WaitFor("\"action\":\"review\"")) << events.text();
  EXPECT_TRUE(events.WaitFor("\"decision\":\"accepted\"")) << events.text();
  StopServer();
}

}  // namespace
}  // namespace verhaal
