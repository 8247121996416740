// GET /api/memos (docs/serve.md, "The Memos view"): every project, code,
// story and coding memo, newest first, each with what it is about; the
// search (words, case and accents ignored), the kind and author filters and
// paging; bad parameters are 400 naming the field; under --blind other
// coders' coding memos are left out.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "tests/workbench/workbench_fixture.h"

namespace verhaal {
namespace {

class MemoApiTest : public WorkbenchTest {
 protected:
  void TearDown() override {
    WorkbenchTest::TearDown();
    unsetenv("SOURCE_DATE_EPOCH");
  }

  // The clock of the next memo or coding: 2026-12-01 plus `minutes`.
  static void At(int minutes) {
    setenv("SOURCE_DATE_EPOCH", std::to_string(1796083200 + minutes * 60).c_str(), 1);
  }

  void Memo(const std::vector<std::string>& args) {
    std::vector<std::string> all = {"memo", "add"};
    all.insert(all.end(), args.begin(), args.end());
    const auto r = Cli(all);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  // A memo of each kind, one minute apart: project (anna), code (bram),
  // story with a span (anna), coding (anna's, in the workbench), story
  // without a span (bram).
  void WriteMemos() {
    At(1);
    Memo({"Eerste indruk van het project", "--whole-project", "--author", "anna"});
    At(2);
    Memo({"Taal is breder dan Nederlands leren", "--code", "taal", "--author", "bram", "--title",
          "Definitie"});
    At(3);
    Memo({"Twijfelt tussen moeten en willen", "--story", "S1", "--span", "30:40", "--author",
          "anna"});
    At(4);
    CodeWillen("anna", "Zegt ze zélf, met nadruk");
    At(5);
    Memo({"Kort verhaal", "--story", "S2", "--author", "bram"});
  }

  json List(const std::string& coder, const std::string& query) {
    auto r = Get(coder, "/api/memos" + query);
    EXPECT_TRUE(r);
    if (!r) return json::object();
    EXPECT_EQ(r->status, 200) << query << ": " << r->body;
    return Body(r);
  }

  static std::vector<std::string> Texts(const json& list) {
    std::vector<std::string> texts;
    for (const json& memo : list["memos"]) texts.push_back(memo["text"]);
    return texts;
  }
};

TEST_F(MemoApiTest, ListsEveryKindNewestFirstWithWhatItIsAbout) {
  WriteMemos();
  const json list = List("anna", "");
  EXPECT_EQ(list["total"], 5);
  EXPECT_EQ(list["offset"], 0);
  EXPECT_EQ(list["limit"], 100);
  EXPECT_EQ(list["authors"], json({"anna", "bram"}));
  const json& m = list["memos"];
  ASSERT_EQ(m.size(), 5u);
  EXPECT_EQ(m[0], json({{"kind", "story"},
                        {"id", 4},
                        {"coding", nullptr},
                        {"author", "bram"},
                        {"title", ""},
                        {"text", "Kort verhaal"},
                        {"created", "2026-12-01T00:05:00Z"},
                        {"story", "S2"},
                        {"code", ""},
                        {"start", nullptr},
                        {"end", nullptr},
                        {"passage", ""}}));
  EXPECT_EQ(m[1]["kind"], "coding");
  EXPECT_EQ(m[1]["id"], nullptr);
  const json story = Body(Get("anna", "/api/stories/S1"));
  ASSERT_EQ(story["codings"].size(), 1u);
  EXPECT_EQ(m[1]["coding"], story["codings"][0]["id"]);
  EXPECT_EQ(m[1]["author"], "anna");
  EXPECT_EQ(m[1]["text"], "Zegt ze zélf, met nadruk");
  EXPECT_EQ(m[1]["story"], "S1");
  EXPECT_EQ(m[1]["code"], "motivatie/willen");
  EXPECT_EQ(m[1]["start"], 30);
  EXPECT_EQ(m[1]["end"], 40);
  EXPECT_EQ(m[1]["passage"], "wil werken");
  EXPECT_EQ(m[1]["created"], "2026-12-01T00:04:00Z");
  EXPECT_EQ(m[2]["kind"], "story");
  EXPECT_EQ(m[2]["passage"], "wil werken");
  EXPECT_EQ(m[2]["start"], 30);
  EXPECT_EQ(m[3]["kind"], "code");
  EXPECT_EQ(m[3]["code"], "taal");
  EXPECT_EQ(m[3]["title"], "Definitie");
  EXPECT_EQ(m[3]["story"], "");
  EXPECT_EQ(m[4]["kind"], "project");
  EXPECT_EQ(m[4]["text"], "Eerste indruk van het project");
}

TEST_F(MemoApiTest, SearchesWordsIgnoringCaseAndAccents) {
  WriteMemos();
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"twijfel", {"Twijfelt tussen moeten en willen"}},
      {"WILLEN%20twijfelt", {"Twijfelt tussen moeten en willen"}},
      {"zelf", {"Zegt ze zélf, met nadruk"}},
      {"definitie", {"Taal is breder dan Nederlands leren"}},  // the title counts
      {"e",
       {"Kort verhaal", "Zegt ze zélf, met nadruk", "Twijfelt tussen moeten en willen",
        "Taal is breder dan Nederlands leren", "Eerste indruk van het project"}},
      {"onbekend", {}},
  };
  for (const auto& [q, texts] : cases) {
    EXPECT_EQ(Texts(List("anna", "?q=" + q)), texts) << q;
  }
  EXPECT_EQ(List("anna", "?q=twijfel")["total"], 1);
}

TEST_F(MemoApiTest, FiltersByKindAndAuthorAndPages) {
  WriteMemos();
  EXPECT_EQ(Texts(List("anna", "?kind=coding")),
            std::vector<std::string>{"Zegt ze zélf, met nadruk"});
  EXPECT_EQ(Texts(List("anna", "?kind=project")),
            std::vector<std::string>{"Eerste indruk van het project"});
  EXPECT_EQ(Texts(List("anna", "?kind=story&author=bram")),
            std::vector<std::string>{"Kort verhaal"});
  EXPECT_EQ(Texts(List("anna", "?author=bram")),
            (std::vector<std::string>{"Kort verhaal", "Taal is breder dan Nederlands leren"}));
  const json page = List("anna", "?offset=1&limit=2");
  EXPECT_EQ(page["total"], 5);
  EXPECT_EQ(page["offset"], 1);
  EXPECT_EQ(page["limit"], 2);
  EXPECT_EQ(Texts(page), (std::vector<std::string>{"Zegt ze zélf, met nadruk",
                                                   "Twijfelt tussen moeten en willen"}));
  EXPECT_EQ(List("anna", "?offset=9")["memos"], json::array());
}

TEST_F(MemoApiTest, BadParametersAre400NamingTheField) {
  WriteMemos();
  const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
      {"?kind=memo", "kind", "kind must be project, code, story or coding; got 'memo'"},
      {"?author=carla", "author", "no memo by 'carla'; the authors are anna, bram"},
      {"?q=%21%21", "q", "q has no word to look for; give words of the memo, e.g. q=twijfel"},
      {"?q=%FF", "q", "q is not UTF-8 text; percent-encode its UTF-8 bytes"},
      {"?offset=-1", "offset", "offset must be a whole number of 0 or more; got '-1'"},
      {"?limit=0", "limit", "limit must be between 1 and 1000"},
      {"?limit=1001", "limit", "limit must be between 1 and 1000"},
      {"?limit=veel", "limit", "limit must be a whole number of 0 or more; got 'veel'"},
  };
  for (const auto& [query, field, message] : cases) {
    auto r = Get("anna", "/api/memos" + query);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400) << query << ": " << r->body;
    EXPECT_EQ(Body(r)["field"], field) << query;
    if (!message.empty()) {
      EXPECT_EQ(Body(r)["error"], message) << query;
    }
  }
}

TEST_F(MemoApiTest, WithoutMemosTheListIsEmpty) {
  const json list = List("anna", "");
  EXPECT_EQ(list["total"], 0);
  EXPECT_EQ(list["authors"], json::array());
  EXPECT_EQ(list["memos"], json::array());
  auto r = Get("anna", "/api/memos?author=anna");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(Body(r)["error"], "no memo by 'anna'; the authors are none yet");
}

TEST_F(MemoApiTest, BlindCodersSeeOnlyTheirOwnCodingMemos) {
  StopServer();
  Start({"anna", "bram"}, true);
  WriteMemos();
  auto r = Post("bram", "/api/stories/S2/codings",
                json{{"code", "taal"}, {"whole", true}, {"memo", "lastig"}}.dump());
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201) << r->body;
  const json bram = List("bram", "?kind=coding");
  EXPECT_EQ(Texts(bram), std::vector<std::string>{"lastig"});
  EXPECT_EQ(Texts(List("anna", "?kind=coding")),
            std::vector<std::string>{"Zegt ze zélf, met nadruk"});
  // Memos of the memo table are everyone's, as in the story view.
  EXPECT_EQ(List("bram", "")["total"], 5);
}

TEST_F(MemoApiTest, NeedsAToken) {
  auto r = Client().Get("/api/memos");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401);
}

}  // namespace
}  // namespace verhaal
