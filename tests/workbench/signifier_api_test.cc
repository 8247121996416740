// The Signifiers view's calls (docs/serve.md): GET /api/signifiers/plot
// places the stories on a triad or two sliders, coloured by a dimension or
// a code; the story sets (GET/POST /api/sets, GET/PATCH/DELETE
// /api/sets/NAME) are saved in the project and filter the story list, the
// matrix, the Code view and the plot (set=NAME) as they filter the CLI
// (--set NAME). Bad parameters are 400 naming the field (an unknown set as a
// filter too, on every call), an unknown set 404 where it is the resource
// asked for (/api/sets/NAME), a taken name 409.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "tests/workbench/workbench_fixture.h"

namespace verhaal {
namespace {

// Two sliders and a triad. T4 ticked N/A, T5 answered nothing.
constexpr const char* kSignifierCsv =
    "story,respondent,role,text,motivatie,stijl,taal,zorg,werk\n"
    "T1,R1,statushouder,Ik wil graag werken.,0.8,0.7,0.6,0.2,0.2\n"
    "T2,R2,statushouder,Het moet van de gemeente.,0.2,0.3,0.1,0.1,0.8\n"
    "T3,R3,klantmanager,We kiezen samen een baan.,0.9,0.2,0.2,0.6,0.2\n"
    "T4,R4,klantmanager,Daar wil ik niets over zeggen.,NA,0.5,NA,NA,NA\n"
    "T5,R5,statushouder,Geen vragen beantwoord.,,,,,\n";

constexpr const char* kSignifierMapping =
    "story: story\nrespondent: respondent\nrole: role\ntext: text\n"
    "signifiers:\n"
    "  motivatie: {type: dyad, title: Motivatie, low: moeten, high: willen}\n"
    "  stijl: {type: dyad, title: Stijl, low: sturend, high: aanmoedigend}\n"
    "  belang: {type: triad, title: \"Wat telde?\", columns: [taal, zorg, werk],"
    " labels: [taal, zorg, werk]}\n"
    "not_applicable: NA\n";

using Outcome = std::pair<int, std::string>;

class SignifierApiTest : public WorkbenchTest {
 protected:
  void SetUp() override {
    ASSERT_EQ(Cli({"init", "p.verhaal"}).exit_code, 0);
    dir_.Write("s.csv", kSignifierCsv);
    dir_.Write("m.yaml", kSignifierMapping);
    auto imported = Cli({"import", "csv", "s.csv", "--mapping", "m.yaml"});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    dir_.Write("cb.yaml", kCodebookYaml);
    ASSERT_EQ(Cli({"codebook", "load", "cb.yaml"}).exit_code, 0);
    Start({"anna", "bram"});
  }

  json GetOk(const std::string& path, const std::string& coder = "anna") {
    auto r = Get(coder, path);
    EXPECT_TRUE(r);
    if (!r) return json::object();
    EXPECT_EQ(r->status, 200) << path << ": " << r->body;
    return Body(r);
  }

  // The status and the field named by a failing call.
  std::pair<int, std::string> Failure(const httplib::Result& r) {
    if (!r) return {0, ""};
    const json body = Body(r);
    return {r->status, body.value("field", "")};
  }

  // The story keys by id, from the story list.
  std::map<int64_t, std::string> KeysById() {
    std::map<int64_t, std::string> keys;
    const json list = GetOk("/api/stories?limit=500");
    for (const json& story : list["stories"]) {
      keys[story["id"].get<int64_t>()] = story["key"].get<std::string>();
    }
    return keys;
  }

  // The keys of the points of a plot.
  std::vector<std::string> PointKeys(const json& plot) {
    const auto keys = KeysById();
    std::vector<std::string> out;
    for (const json& p : plot["points"]) {
      const auto key = keys.find(p[0].get<int64_t>());
      out.push_back(key == keys.end() ? "?" + p.dump() : key->second);
    }
    return out;
  }

  int64_t IdOf(const std::string& key) { return GetOk("/api/stories/" + key)["id"]; }

  void SaveSet(const std::string& name, const std::vector<std::string>& keys) {
    auto r = Post("anna", "/api/sets", json{{"name", name}, {"stories", keys}}.dump());
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 201) << r->body;
  }
};

TEST_F(SignifierApiTest, TheTriadPlotHasAPointPerAnsweringStoryInTheSvgsCornerOrder) {
  const json plot = GetOk("/api/signifiers/plot?triad=belang");
  EXPECT_EQ(plot["kind"], "triad");
  EXPECT_EQ(plot["title"], "Wat telde?");
  EXPECT_EQ(plot["corners"], json({"taal", "zorg", "werk"}));
  EXPECT_EQ(plot["stories"], 5);
  EXPECT_EQ(PointKeys(plot), std::vector<std::string>({"T1", "T2", "T3"}));
  // [id, top, left, right, colour]: the proportions as stored (they sum to 1).
  EXPECT_EQ(plot["points"][0][0], IdOf("T1"));
  EXPECT_DOUBLE_EQ(plot["points"][0][1].get<double>(), 0.6);
  EXPECT_DOUBLE_EQ(plot["points"][0][2].get<double>(), 0.2);
  EXPECT_DOUBLE_EQ(plot["points"][0][3].get<double>(), 0.2);
  EXPECT_EQ(plot["points"][0][4], -1);
  EXPECT_EQ(plot["left_out"], json({{"triad:belang: N/A", 1}, {"triad:belang: no answer", 1}}));
  EXPECT_EQ(plot["groups"], json::array());
}

TEST_F(SignifierApiTest, TheSliderScatterPlacesStoriesAsVerhaalScatterDoes) {
  const json plot = GetOk("/api/signifiers/plot?x=dyad:motivatie&y=dyad:stijl&colour=role");
  EXPECT_EQ(plot["kind"], "scatter");
  EXPECT_EQ(plot["x"]["low"], "moeten");
  EXPECT_EQ(plot["y"]["high"], "aanmoedigend");
  EXPECT_EQ(PointKeys(plot), std::vector<std::string>({"T1", "T2", "T3"}));
  EXPECT_EQ(plot["groups"], json({"klantmanager", "statushouder"}));
  // [id, x, y, colour]: T3 is a klantmanager's, at (0.9, 0.2).
  EXPECT_EQ(plot["points"][2], json({IdOf("T3"), 0.9, 0.2, 0}));
  EXPECT_EQ(plot["points"][0][3], 1);
  // The same points as the CLI's --csv.
  const auto r = Cli({"scatter", "--x", "dyad:motivatie", "--y", "dyad:stijl", "--csv", "p.csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(testing::ReadFile(dir_ / "p.csv").find("T3,0.9000,0.2000"), std::string::npos)
      << testing::ReadFile(dir_ / "p.csv");
}

TEST_F(SignifierApiTest, ColouringByACodeSaysWhetherTheCodersInViewCodedIt) {
  ASSERT_EQ(Post("anna", "/api/stories/T1/codings",
                 json{{"code", "motivatie/willen"}, {"whole", true}}.dump())
                ->status,
            201);
  json plot = GetOk("/api/signifiers/plot?triad=belang&coded=motivatie");
  EXPECT_EQ(plot["groups"], json({"coded", "not coded"}));
  EXPECT_EQ(plot["colour"], "motivatie");
  EXPECT_EQ(plot["points"][0][4], 0);  // T1: anna coded motivatie/willen
  EXPECT_EQ(plot["points"][1][4], 1);
  EXPECT_NE(plot["codings"].get<std::string>().find("anna"), std::string::npos);
  ASSERT_EQ(Post("bram", "/api/stories/T2/codings", json{{"code", "taal"}, {"whole", true}}.dump())
                ->status,
            201);
  plot = GetOk("/api/signifiers/plot?triad=belang&coded=motivatie&coders=bram");
  EXPECT_EQ(plot["points"][0][4], 1);  // not by bram
}

TEST_F(SignifierApiTest, ABadPlotRequestIs400NamingTheField) {
  const std::map<std::string, std::string> cases = {
      {"/api/signifiers/plot", "triad"},
      {"/api/signifiers/plot?x=dyad:motivatie", "y"},
      {"/api/signifiers/plot?triad=belang&x=dyad:stijl", "triad"},
      {"/api/signifiers/plot?triad=motivatie", "triad"},
      {"/api/signifiers/plot?triad=nergens", "triad"},
      {"/api/signifiers/plot?x=role&y=dyad:stijl", "x"},
      {"/api/signifiers/plot?x=dyad:motivatie&y=dyad:nergens", "y"},
      {"/api/signifiers/plot?triad=belang&colour=var:nergens", "colour"},
      {"/api/signifiers/plot?triad=belang&colour=zomaar:iets", "colour"},
      {"/api/signifiers/plot?triad=belang&coded=nergens", "coded"},
      {"/api/signifiers/plot?triad=belang&coded=taal&colour=role", "coded"},
      {"/api/signifiers/plot?triad=belang&coded=taal&coders=niemand", "coders"},
      {"/api/signifiers/plot?triad=belang&set=nergens", "set"},
      {"/api/signifiers/plot?triad=belang&wave=x", "wave"},
  };
  for (const auto& [path, field] : cases) {
    const auto r = Get("anna", path);
    EXPECT_EQ(Failure(r), Outcome(400, field)) << path << ": " << (r ? r->body : "");
  }
}

TEST_F(SignifierApiTest, ASavedSetIsListedShownAndKeptInTheProject) {
  auto r =
      Post("anna", "/api/sets",
           json{{"name", "sterk willen"}, {"ids", {IdOf("T3"), IdOf("T1"), IdOf("T1")}}}.dump());
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201) << r->body;
  const json saved = Body(r);
  EXPECT_EQ(saved["name"], "sterk willen");
  EXPECT_EQ(saved["stories"], 2);
  EXPECT_EQ(saved["created_by"], "anna");
  const json sets = GetOk("/api/sets")["sets"];
  ASSERT_EQ(sets.size(), 1u);
  EXPECT_EQ(sets[0]["name"], "sterk willen");
  const json shown = GetOk("/api/sets/sterk%20willen");
  EXPECT_EQ(shown["keys"], json({"T1", "T3"}));
  // The CLI reads the same set from the file.
  StopServer();
  const auto listed = Cli({"sets", "show", "sterk willen"});
  EXPECT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_EQ(listed.out, "T1\nT3\n");
}

TEST_F(SignifierApiTest, ASetFiltersTheStoryListTheMatrixTheCodeViewAndThePlot) {
  SaveSet("twee", {"T1", "T4"});
  json list = GetOk("/api/stories?set=twee");
  EXPECT_EQ(list["total"], 2);
  EXPECT_EQ(list["stories"][0]["key"], "T1");
  EXPECT_EQ(list["stories"][1]["key"], "T4");
  const json all = GetOk("/api/matrix?rows=role&cols=kind");
  const json some = GetOk("/api/matrix?rows=role&cols=kind&set=twee");
  EXPECT_EQ(all["matrix"]["tables"][0]["used"], 5);
  EXPECT_EQ(some["matrix"]["tables"][0]["used"], 2);
  const json plot = GetOk("/api/signifiers/plot?triad=belang&set=twee");
  EXPECT_EQ(plot["stories"], 2);
  EXPECT_EQ(PointKeys(plot), std::vector<std::string>({"T1"}));
  ASSERT_EQ(Post("anna", "/api/stories/T2/codings", json{{"code", "taal"}, {"whole", true}}.dump())
                ->status,
            201);
  EXPECT_EQ(GetOk("/api/code/passages?code=taal")["total"], 1);
  EXPECT_EQ(GetOk("/api/code/passages?code=taal&set=twee")["total"], 0);
  // The CLI's --set gives the same matrix.
  StopServer();
  const auto cli =
      Cli({"matrix", "--rows", "role", "--cols", "kind", "--set", "twee", "--format", "json"});
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  EXPECT_EQ(json::parse(cli.out)["tables"][0]["used"], 2);
}

TEST_F(SignifierApiTest, AnUnknownSetAsAFilterIsABadParameterEverywhere) {
  EXPECT_EQ(Failure(Get("anna", "/api/stories?set=nergens")), Outcome(400, "set"));
  EXPECT_EQ(Failure(Get("anna", "/api/matrix?rows=role&cols=kind&set=nergens")),
            Outcome(400, "set"));
  EXPECT_EQ(Failure(Get("anna", "/api/code/passages?code=taal&set=nergens")), Outcome(400, "set"));
  EXPECT_EQ(Failure(Get("anna", "/api/signifiers/plot?triad=belang&set=nergens")),
            Outcome(400, "set"));
}

TEST_F(SignifierApiTest, ASetThatCannotBeSavedSaysWhichField) {
  SaveSet("bestaat", {"T1"});
  const std::vector<std::pair<json, std::pair<int, std::string>>> cases = {
      {json{{"ids", {1}}}, {400, "name"}},
      {json{{"name", ""}, {"ids", {1}}}, {400, "name"}},
      {json{{"name", 3}, {"ids", {1}}}, {400, "name"}},
      {json{{"name", "a/b"}, {"ids", {1}}}, {400, "name"}},
      {json{{"name", " spatie"}, {"ids", {1}}}, {400, "name"}},
      {json{{"name", std::string(81, 'x')}, {"ids", {1}}}, {400, "name"}},
      {json{{"name", "bestaat"}, {"ids", {1}}}, {409, "name"}},
      {json{{"name", "leeg"}}, {400, "ids"}},
      {json{{"name", "leeg"}, {"ids", json::array()}}, {400, "ids"}},
      {json{{"name", "x"}, {"ids", "1,2"}}, {400, "ids"}},
      {json{{"name", "x"}, {"ids", {1.5}}}, {400, "ids"}},
      {json{{"name", "x"}, {"ids", {99999}}}, {400, "ids"}},
      {json{{"name", "x"}, {"stories", {"T1", "T99"}}}, {400, "stories"}},
      {json{{"name", "x"}, {"stories", {1}}}, {400, "stories"}},
  };
  for (const auto& [body, expected] : cases) {
    EXPECT_EQ(Failure(Post("anna", "/api/sets", body.dump())), expected) << body.dump();
  }
  EXPECT_EQ(Failure(Post("anna", "/api/sets", "{nope")), Outcome(400, "body"));
  EXPECT_EQ(GetOk("/api/sets")["sets"].size(), 1u);  // nothing else was saved
}

TEST_F(SignifierApiTest, ASetIsRenamedAndDeleted) {
  SaveSet("eerst", {"T1", "T2"});
  SaveSet("ander", {"T3"});
  EXPECT_EQ(Failure(Patch("anna", "/api/sets/eerst", json{{"name", "ander"}}.dump())),
            Outcome(409, "name"));
  EXPECT_EQ(Failure(Patch("anna", "/api/sets/eerst", json{{"name", ""}}.dump())),
            Outcome(400, "name"));
  EXPECT_EQ(Failure(Patch("anna", "/api/sets/eerst", json::object().dump())), Outcome(400, "name"));
  EXPECT_EQ(Failure(Patch("anna", "/api/sets/nergens", json{{"name", "x"}}.dump())),
            Outcome(404, "set"));
  auto r = Patch("bram", "/api/sets/eerst", json{{"name", "daarna"}}.dump());
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(Body(r)["stories"], 2);
  EXPECT_EQ(Failure(Get("anna", "/api/sets/eerst")), Outcome(404, "set"));
  EXPECT_EQ(GetOk("/api/sets/daarna")["keys"], json({"T1", "T2"}));
  r = Delete("anna", "/api/sets/daarna");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 204);
  EXPECT_EQ(Failure(Delete("anna", "/api/sets/daarna")), Outcome(404, "set"));
  EXPECT_EQ(GetOk("/api/sets")["sets"].size(), 1u);
  EXPECT_EQ(GetOk("/api/stories")["total"], 5);  // the stories stay
}

TEST_F(SignifierApiTest, AChangeToTheSetsReachesTheOtherCoders) {
  EventReader bram(*this, Client(), As("bram"));
  ASSERT_TRUE(bram.WaitFor(": open"));
  SaveSet("gedeeld", {"T2"});
  EXPECT_TRUE(bram.WaitFor("event: sets")) << bram.text();
  EXPECT_TRUE(bram.WaitFor("gedeeld")) << bram.text();
  StopServer();
}

TEST_F(SignifierApiTest, TheStoryListTakesTheSelectionsIds) {
  const json list =
      GetOk("/api/stories?ids=" + std::to_string(IdOf("T3")) + "," + std::to_string(IdOf("T1")));
  EXPECT_EQ(list["total"], 2);
  EXPECT_EQ(list["stories"][0]["key"], "T1");
  EXPECT_EQ(list["stories"][1]["respondent"], "R3");
  EXPECT_EQ(Failure(Get("anna", "/api/stories?ids=1,x")), Outcome(400, "ids"));
  EXPECT_EQ(Failure(Get("anna", "/api/stories?ids=1,,2")), Outcome(400, "ids"));
  std::string many = "1";
  for (int i = 2; i <= 501; ++i) many += "," + std::to_string(i);
  EXPECT_EQ(Failure(Get("anna", "/api/stories?ids=" + many)), Outcome(400, "ids"));
}

class BlindSignifierApiTest : public SignifierApiTest {
 protected:
  void SetUp() override {
    SignifierApiTest::SetUp();
    StopServer();
    Start({"anna", "bram"}, /*blind=*/true);
  }
};

TEST_F(BlindSignifierApiTest, OnlyTheViewersOwnCodingsColourThePoints) {
  ASSERT_EQ(Post("bram", "/api/stories/T1/codings", json{{"code", "taal"}, {"whole", true}}.dump())
                ->status,
            201);
  EXPECT_EQ(GetOk("/api/signifiers/plot?triad=belang&coded=taal", "anna")["points"][0][4], 1);
  EXPECT_EQ(GetOk("/api/signifiers/plot?triad=belang&coded=taal", "bram")["points"][0][4], 0);
  EXPECT_EQ(Failure(Get("anna", "/api/signifiers/plot?triad=belang&coded=taal&coders=bram")),
            Outcome(403, "coders"));
}

}  // namespace
}  // namespace verhaal
