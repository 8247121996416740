// The Privacy view's calls (docs/serve.md, "GET /api/privacy"): the dry
// run's detections with their context and decision, filters and paging;
// decisions (reject, accept, add, undo) written to the review file that
// `verhaal pseudonymise` reads, so the CLI honours exactly what the page
// decided; decisions outlive a restart; only the lead decides; every error
// names its field.
#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

#include "tests/workbench/workbench_fixture.h"

namespace verhaal {
namespace {

// S1 names a person, a place, a person with a title and a phone number; S2
// the same person and place again (the consistency pass), an employer;
// S3 a neighbour the tool finds and a nickname ("Ome Joop", 85:93) it misses.
constexpr const char* kPrivacyCsv =
    "story,respondent,role,text\n"
    "S1,R1,statushouder,\"Ik heet Yonas Tesfay en ik woon sinds 2019 in Harderwijk. Mevrouw De "
    "Vries van de gemeente belt mij op 06-12345678.\"\n"
    "S2,R2,klantmanager,\"Meneer Tesfay komt elke week naar het Taalhuis. Hij werkt nu bij "
    "Bouwbedrijf Van Dijk in Harderwijk.\"\n"
    "S3,R3,statushouder,\"Mijn buurman Kees helpt met de brieven. Soms gaan we samen "
    "vissen bij de steiger van Ome Joop.\"\n";

class PrivacyApiTest : public WorkbenchTest {
 protected:
  void SetUp() override {
    ASSERT_EQ(Cli({"init", "p.verhaal"}).exit_code, 0);
    dir_.Write("stories.csv", kPrivacyCsv);
    dir_.Write("map.yaml", "story: story\nrespondent: respondent\nrole: role\ntext: text\n");
    auto imported = Cli({"import", "csv", "stories.csv", "--mapping", "map.yaml"});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    Start({"anna", "bram"});
  }

  json List(const std::string& query = "", const std::string& coder = "anna") {
    auto r = Get(coder, "/api/privacy" + query);
    EXPECT_TRUE(r);
    if (!r) return json::object();
    EXPECT_EQ(r->status, 200) << query << ": " << r->body;
    return Body(r);
  }

  // The detection of `text` in story `story`'s text.
  json Find(const std::string& story, const std::string& text, const std::string& query = "") {
    const json list = List(query);
    for (const json& d : list["detections"]) {
      if (d["story"] == story && d["kind"] == "text" && d["text"] == text) return d;
    }
    ADD_FAILURE() << "no detection '" << text << "' in " << story;
    return json::object();
  }

  httplib::Result Decide(const json& body, const std::string& coder = "anna") {
    return Post(coder, "/api/privacy/decisions", body.dump());
  }

  // The dry run of the CLI with `extra` options, as JSON.
  json DryRun(const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args = {"pseudonymise", "--dry-run", "--format", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto run = Cli(args);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    return json::parse(run.out);
  }

  static bool Has(const json& dry_run, const std::string& story, const std::string& text) {
    for (const json& d : dry_run) {
      if (d["story"] == story && d["field"] == "text" && d["text"] == text) return true;
    }
    return false;
  }
};

TEST_F(PrivacyApiTest, ListsTheDryRunsDetectionsInContext) {
  const json list = List();
  const json cli = DryRun();
  ASSERT_EQ(list["total"], cli.size());
  ASSERT_EQ(list["detections"].size(), cli.size());
  for (size_t i = 0; i < cli.size(); ++i) {
    const json& d = list["detections"][i];
    for (const char* key :
         {"story", "field", "start", "end", "category", "text", "replacement", "reason"}) {
      EXPECT_EQ(d[key], cli[i][key]) << i << " " << key;
    }
    EXPECT_EQ(d["status"], "open");
  }
  EXPECT_EQ(list["decisions_file"], (dir_ / "p.review.yaml").string());
  EXPECT_TRUE(list["may_decide"]);
  EXPECT_EQ(list["lead"], "anna");
  EXPECT_EQ(list["statuses"]["open"], cli.size());
  EXPECT_EQ(list["statuses"]["rejected"], 0);

  const json yonas = Find("S1", "Yonas Tesfay");
  EXPECT_EQ(yonas["category"], "PERSOON");
  EXPECT_EQ(yonas["start"], 8);
  EXPECT_EQ(yonas["end"], 20);
  EXPECT_EQ(yonas["before"], "Ik heet ");
  EXPECT_EQ(yonas["after"], " en ik woon sinds 2019 in Harderwijk. Mevrouw De Vries van d");
  EXPECT_EQ(yonas["length"], 115);
  EXPECT_FALSE(yonas["reason"].get<std::string>().empty());
  // One entity, one pseudonym: Tesfay in S2 is Yonas Tesfay's.
  EXPECT_EQ(Find("S2", "Tesfay")["replacement"], yonas["replacement"]);
  // Bram reads, but does not decide.
  EXPECT_FALSE(List("", "bram")["may_decide"]);
}

TEST_F(PrivacyApiTest, FiltersAndPages) {
  const json all = List();
  const json phones = List("?category=telefoon");
  ASSERT_EQ(phones["total"], 1);
  EXPECT_EQ(phones["detections"][0]["text"], "06-12345678");
  const json s2 = List("?story=S2&field=text");
  ASSERT_GT(s2["total"].get<int>(), 0);
  for (const json& d : s2["detections"]) EXPECT_EQ(d["story"], "S2");
  EXPECT_EQ(List("?field=title")["total"], 0);
  EXPECT_EQ(List("?status=rejected")["total"], 0);
  const json page = List("?offset=1&limit=2");
  EXPECT_EQ(page["total"], all["total"]);
  ASSERT_EQ(page["detections"].size(), 2u);
  EXPECT_EQ(page["detections"][0], all["detections"][1]);
  EXPECT_EQ(page["detections"][1], all["detections"][2]);
}

TEST_F(PrivacyApiTest, BadQueriesNameTheirField) {
  const std::vector<std::tuple<std::string, int, std::string>> cases = {
      {"?category=NAAM", 400, "category"}, {"?field=body", 400, "field"},
      {"?status=done", 400, "status"},     {"?story=S9", 404, "story"},
      {"?limit=0", 400, "limit"},          {"?limit=501", 400, "limit"},
      {"?offset=-1", 400, "offset"},
  };
  for (const auto& [query, status, field] : cases) {
    auto r = Get("anna", "/api/privacy" + query);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, status) << query << ": " << r->body;
    EXPECT_EQ(Body(r)["field"], field) << query;
  }
}

// The end-to-end case of the issue: decide in the API, run the CLI's dry
// run with the file, see the rejected detection gone and the added span
// present.
TEST_F(PrivacyApiTest, TheCliHonoursWhatThePageDecided) {
  const json harderwijk = Find("S1", "Harderwijk");
  auto rejected = Decide({{"decision", "reject"},
                          {"story", "S1"},
                          {"start", harderwijk["start"]},
                          {"end", harderwijk["end"]}});
  ASSERT_TRUE(rejected);
  ASSERT_EQ(rejected->status, 201) << rejected->body;
  EXPECT_EQ(Body(rejected)["status"], "rejected");
  EXPECT_EQ(Body(rejected)["text"], "Harderwijk");
  // "Ome Joop" (S3, 85:93), marked by selection as a person.
  auto added = Decide(
      {{"decision", "add"}, {"story", "S3"}, {"start", 85}, {"end", 93}, {"category", "PERSOON"}});
  ASSERT_TRUE(added);
  ASSERT_EQ(added->status, 201) << added->body;
  EXPECT_EQ(Body(added)["status"], "added");
  EXPECT_EQ(Body(added)["text"], "Ome Joop");
  EXPECT_EQ(Body(added)["reason"], "decisions:add");
  const json phone = Find("S1", "06-12345678");
  auto accepted = Decide(
      {{"decision", "accept"}, {"story", "S1"}, {"start", phone["start"]}, {"end", phone["end"]}});
  ASSERT_TRUE(accepted);
  ASSERT_EQ(accepted->status, 201) << accepted->body;

  const std::string file = testing::ReadFile(dir_.path() / "p.review.yaml");
  EXPECT_NE(file.find("reject:\n  - {story: \"S1\", start: " + harderwijk["start"].dump() +
                      ", end: " + harderwijk["end"].dump() + "}"),
            std::string::npos)
      << file;
  EXPECT_NE(file.find("add:\n  - {story: \"S3\", start: 85, end: 93, category: PERSOON}"),
            std::string::npos)
      << file;

  const json cli = DryRun({"--decisions", "p.review.yaml"});
  EXPECT_FALSE(Has(cli, "S1", "Harderwijk"));
  EXPECT_TRUE(Has(cli, "S2", "Harderwijk"));  // rejected here, not everywhere
  EXPECT_TRUE(Has(cli, "S3", "Ome Joop"));
  dir_.Write("none.yaml", "");
  EXPECT_FALSE(Has(DryRun({"--decisions", "none.yaml"}), "S3", "Ome Joop"));
  EXPECT_TRUE(Has(cli, "S1", "06-12345678"));
  // Without --decisions the CLI finds the review beside the project, and says so.
  auto beside = Cli({"pseudonymise", "--dry-run", "--format", "json"});
  ASSERT_EQ(beside.exit_code, 0) << beside.err;
  EXPECT_EQ(json::parse(beside.out), cli);
  EXPECT_NE(beside.err.find("applying the review in"), std::string::npos) << beside.err;

  // The page sees the same, also after a restart.
  StopServer();
  Start({"anna", "bram"});
  EXPECT_EQ(Find("S1", "Harderwijk")["status"], "rejected");
  EXPECT_EQ(Find("S3", "Ome Joop")["status"], "added");
  EXPECT_EQ(Find("S1", "06-12345678")["status"], "accepted");
  const json list = List();
  EXPECT_EQ(list["statuses"]["rejected"], 1);
  EXPECT_EQ(list["statuses"]["added"], 1);
  EXPECT_EQ(list["statuses"]["accepted"], 1);
  size_t replaced = 0;
  for (const json& d : list["detections"]) replaced += d["status"] != "rejected";
  EXPECT_EQ(replaced, cli.size());
}

TEST_F(PrivacyApiTest, RejectingATextRejectsItEverywhere) {
  auto r = Decide({{"decision", "reject"}, {"text", "harderwijk"}});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201) << r->body;
  EXPECT_TRUE(Body(r)["everywhere"]);
  const json rejected = List("?status=rejected");
  EXPECT_EQ(rejected["total"], 2);
  for (const json& d : rejected["detections"]) EXPECT_EQ(d["text"], "Harderwijk");
  EXPECT_NE(testing::ReadFile(dir_.path() / "p.review.yaml").find("  - {text: \"harderwijk\"}"),
            std::string::npos);
  const json cli = DryRun({"--decisions", "p.review.yaml"});
  EXPECT_FALSE(Has(cli, "S1", "Harderwijk"));
  EXPECT_FALSE(Has(cli, "S2", "Harderwijk"));
  // Accepting it after all replaces the rejection.
  r = Decide({{"decision", "accept"}, {"text", "Harderwijk"}});
  ASSERT_EQ(r->status, 201) << r->body;
  EXPECT_EQ(List("?status=rejected")["total"], 0);
  EXPECT_EQ(List("?status=accepted")["total"], 2);
}

TEST_F(PrivacyApiTest, UndoingADecision) {
  const json yonas = Find("S1", "Yonas Tesfay");
  ASSERT_EQ(Decide({{"decision", "reject"}, {"story", "S1"}, {"start", 8}, {"end", 20}})->status,
            201);
  EXPECT_EQ(Find("S1", "Yonas Tesfay")["status"], "rejected");
  auto r = Delete("anna", "/api/privacy/decisions?story=S1&start=8&end=20");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(Body(r)["removed"], 1);
  EXPECT_EQ(Find("S1", "Yonas Tesfay")["status"], "open");
  r = Delete("anna", "/api/privacy/decisions?story=S1&start=8&end=20");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(Body(r)["field"], "decision");
  // The same decision by text.
  ASSERT_EQ(Decide({{"decision", "reject"}, {"text", "Harderwijk"}})->status, 201);
  r = Delete("anna", "/api/privacy/decisions?text=HARDERWIJK");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(List("?status=rejected")["total"], 0);
}

TEST_F(PrivacyApiTest, OnlyTheLeadDecides) {
  auto r = Decide({{"decision", "reject"}, {"story", "S1"}, {"start", 8}, {"end", 20}}, "bram");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403) << r->body;
  EXPECT_NE(Body(r)["error"].get<std::string>().find("only the lead (anna)"), std::string::npos);
  r = Delete("bram", "/api/privacy/decisions?story=S1&start=8&end=20");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  EXPECT_FALSE(std::filesystem::exists(dir_.path() / "p.review.yaml"));
  // With --lead bram he does.
  StopServer();
  lead_ = "bram";
  Start({"anna", "bram"});
  r = Decide({{"decision", "reject"}, {"story", "S1"}, {"start", 8}, {"end", 20}}, "bram");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 201) << r->body;
}

// Under --blind the list would show the other coders' coding memos: the
// lead's only.
TEST_F(PrivacyApiTest, UnderBlindOnlyTheLeadReviews) {
  StopServer();
  Start({"anna", "bram"}, true);
  auto r = Get("bram", "/api/privacy");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403) << r->body;
  EXPECT_NE(Body(r)["error"].get<std::string>().find("under --blind"), std::string::npos);
  r = Get("anna", "/api/privacy");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
}

TEST_F(PrivacyApiTest, BadDecisionsNameTheirFieldAndWriteNothing) {
  const std::vector<std::tuple<json, int, std::string>> cases = {
      {{{"decision", "maybe"}, {"story", "S1"}, {"start", 8}, {"end", 20}}, 400, "decision"},
      {{{"story", "S1"}, {"start", 8}, {"end", 20}}, 400, "decision"},
      {{{"decision", "add"}, {"story", "S3"}, {"start", 85}, {"end", 93}}, 400, "category"},
      {{{"decision", "add"}, {"story", "S3"}, {"start", 85}, {"end", 93}, {"category", "NAAM"}},
       400,
       "category"},
      {{{"decision", "add"}, {"text", "Ome Joop"}, {"category", "PERSOON"}}, 400, "story"},
      {{{"decision", "reject"}, {"story", "S9"}, {"start", 0}, {"end", 4}}, 404, "story"},
      {{{"decision", "reject"}, {"story", "S1"}, {"start", 0}, {"end", 999}}, 400, "end"},
      {{{"decision", "reject"}, {"story", "S1"}, {"start", 5}, {"end", 5}}, 400, "start"},
      {{{"decision", "reject"}, {"story", "S1"}, {"end", 5}}, 400, "start"},
      {{{"decision", "reject"}, {"story", "S1"}, {"start", "8"}, {"end", 20}}, 400, "start"},
      {{{"decision", "reject"}}, 400, "story"},
      {{{"decision", "reject"}, {"text", ""}}, 400, "text"},
      {{{"decision", "reject"}, {"story", "S1"}, {"start", 8}, {"end", 20}, {"text", "x"}},
       400,
       "text"},
  };
  for (const auto& [body, status, field] : cases) {
    auto r = Decide(body);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, status) << body.dump() << ": " << r->body;
    EXPECT_EQ(Body(r)["field"], field) << body.dump();
  }
  EXPECT_FALSE(std::filesystem::exists(dir_.path() / "p.review.yaml"));
}

TEST_F(PrivacyApiTest, HandEditsAreKeptAndMistakesLocated) {
  dir_.Write("p.review.yaml",
             "reject:\n  - {text: Taalhuis, note: een organisatie voor iedereen}\n");
  ASSERT_EQ(Decide({{"decision", "reject"}, {"story", "S1"}, {"start", 8}, {"end", 20}})->status,
            201);
  const std::string file = testing::ReadFile(dir_.path() / "p.review.yaml");
  EXPECT_NE(file.find("{text: \"Taalhuis\", note: \"een organisatie voor iedereen\"}"),
            std::string::npos)
      << file;
  dir_.Write("p.review.yaml", "reject:\n  - {story: S1, start: 8, end: 20, colour: red}\n");
  auto r = Get("anna", "/api/privacy");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 422) << r->body;
  EXPECT_EQ(Body(r)["field"], "decisions");
  EXPECT_NE(Body(r)["error"].get<std::string>().find("unknown key 'colour'"), std::string::npos)
      << r->body;
  // A story the project no longer has: the same error as the CLI's.
  dir_.Write("p.review.yaml", "reject:\n  - {story: S9, start: 0, end: 4}\n");
  r = Get("anna", "/api/privacy");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 422) << r->body;
  EXPECT_NE(Body(r)["error"].get<std::string>().find("unknown story 'S9'"), std::string::npos);
}

}  // namespace
}  // namespace verhaal
