#include "importers/sensemaker.h"

#include <gtest/gtest.h>

#include <map>

#include "base/error.h"
#include "corpus/signifiers.h"
#include "corpus/stories.h"
#include "corpus/variables.h"
#include "importers/story_import.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::TempDir;

// A small definition of our own in the platform's shape: scalars wrapped in
// one-element arrays, HTML in titles and labels.
constexpr const char* kDefinition = R"json({
  "name": ["Werkpad"], "language": ["nl"], "fragment_signifier_id": ["verhaal"],
  "signifiers": [
    {"id": "intro", "type": "label", "title": "Welkom", "content": {}},
    {"id": "verhaal", "type": "freetext", "title": "Wat gebeurde er?", "content": {}},
    {"id": "kop", "type": "freetext", "title": "Een kop?", "content": {}},
    {"id": "d", "type": "dyad", "title": "Samenwerken voelde als...", "content": {
      "labels": [{"id": "m", "text": "<div>moeten</div>"}, {"id": "w", "text": "willen"}]}},
    {"id": "t", "type": "triad", "title": "Wat hielp?", "content": {
      "labels": [{"id": "t1", "text": "de<br>klantmanager"}, {"id": "t2", "text": "taal"},
                 {"id": "t3", "text": "werk &amp; school"}]}},
    {"id": "s", "type": "stones", "title": "Waar sta je?", "content": {
      "stones": [{"id": "a", "title": "nu"}, {"id": "b", "title": "straks"}],
      "axis": {"x": {"start_label": "alleen", "end_label": "samen"}, "y": {}}}},
    {"id": "g", "type": "list", "title": "Gemeente", "content": {
      "items": [{"id": "g1", "title": "Noord"}, {"id": "g2", "title": "Zuid"}],
      "max_responses": 1}},
    {"id": "f", "type": "list", "title": "Gevoel", "content": {
      "items": [{"id": "f1", "title": "blij"}, {"id": "f2", "title": "boos"}, {"id": "f3", "title": "bang"}],
      "max_responses": 2}}
  ]})json";

constexpr const char* kHeader =
    "\xEF\xBB\xBF\"id\",\"language\",\"server_upload_time\",\"verhaal\",\"kop\",\"d_percentX\","
    "\"d_m\",\"d_w\",\"d_NA\",\"t_percentX\",\"t_percentY\",\"t_t1\",\"t_t2\",\"t_t3\",\"t_NA\","
    "\"s_a_percentX\",\"s_a_percentY\",\"s_b_percentX\",\"s_b_percentY\",\"g\",\"f_f1\",\"f_f2\","
    "\"f_f3\",\"extra\"\n";

constexpr const char* kRows =
    "\"V1\",\"nl\",\"1438121139568\",\"Ik moest\nnaar de taalles.\",\"Taal eerst\",\"0.25\","
    "\"0.75\",\"0.25\",\"\",\"0.5\",\"0.5\",\"0.5\",\"0.25\",\"0.25\",\"\",\"0.1\",\"0.9\","
    "\"\",\"\",\"g2\",\"1\",\"\",\"1\",\"x\"\n"
    "\"V2\",\"\",\"\",\"Ik wilde werken.\",\"\",\"\",\"\",\"\",\"1\",\"\",\"\",\"\",\"\",\"\","
    "\"1\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\n";

SignificationImportSummary Import(Project& project, const std::string& csv) {
  CsvReader reader(StringSource(csv), "data.csv");
  const SenseMakerDefinition def = ParseSenseMakerDefinition(kDefinition, "def.json");
  Transaction transaction(project);
  SignificationImportSummary summary = ImportSenseMaker(project, reader, def);
  transaction.Commit();
  return summary;
}

TEST(SenseMakerDefinitionTest, ReadsSignifiersWithPlainLabels) {
  const SenseMakerDefinition def = ParseSenseMakerDefinition(kDefinition, "def.json");
  EXPECT_EQ(def.fragment_signifier_id, "verhaal");
  ASSERT_EQ(def.signifiers.size(), 7u);
  EXPECT_EQ(def.signifiers[2].x_low, "moeten");
  EXPECT_EQ(def.signifiers[3].options[0].label, "de klantmanager");
  EXPECT_EQ(def.signifiers[3].options[2].label, "werk & school");
  EXPECT_EQ(def.signifiers[4].x_high, "samen");
  EXPECT_FALSE(def.signifiers[5].multiple);
  EXPECT_TRUE(def.signifiers[6].multiple);
}

TEST(SenseMakerDefinitionTest, MalformedJsonIsLocated) {
  try {
    ParseSenseMakerDefinition("{\n  \"name\": [\"x\"],\n  \"signifiers\": [,]\n}", "def.json");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kData);
    EXPECT_EQ(e.location().line, 3);
    EXPECT_EQ(e.location().column, 18);
    EXPECT_EQ(e.location().text, "  \"signifiers\": [,]");
  }
}

TEST(SenseMakerDefinitionTest, ANumberTooLargeIsLocatedNotInternal) {
  try {
    ParseSenseMakerDefinition("{\n  \"signifiers\": [\n    {\"id\": 1e400}\n  ]\n}", "def.json");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kData);
    EXPECT_EQ(e.location().file, "def.json");
    EXPECT_EQ(e.location().line, 3);
    EXPECT_EQ(e.location().column, 12);
    EXPECT_NE(e.message().find("1e400"), std::string::npos) << e.message();
  }
}

TEST(SenseMakerImportTest, InlineExportGivesStoriesAndValues) {
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  const SignificationImportSummary summary = Import(project, std::string(kHeader) + kRows);
  EXPECT_EQ(summary.stories_added, 2);
  EXPECT_EQ(summary.signifiers, 6);
  EXPECT_EQ(summary.unknown_columns, (std::vector<std::string>{"extra"}));

  const Story v1 = *FindStory(project, "V1");
  EXPECT_EQ(v1.text, "Ik moest\nnaar de taalles.");
  EXPECT_EQ(v1.date, "2015-07-28");
  EXPECT_EQ(v1.language, "nl");
  EXPECT_EQ(FindStory(project, "V2")->language, "nl");  // from the definition
  EXPECT_EQ(StoryValues(project, v1.id).at("extra"), "x");

  const Signifier d = *FindSignifier(project, "d");
  EXPECT_EQ(d.title, "Samenwerken voelde als...");
  EXPECT_EQ(GetSignifierValue(project, d, v1.id)->x, 0.25);
  const SignifierCounts dc = CountSignifierValues(project, d);
  EXPECT_EQ(dc.answered, 1);
  EXPECT_EQ(dc.not_applicable, 1);
  EXPECT_EQ(dc.skipped, 0);
  const SignifierValue t = *GetSignifierValue(project, *FindSignifier(project, "t"), v1.id);
  EXPECT_EQ(t.triad.top, 0.5);
  EXPECT_EQ(t.triad.right, 0.25);
  const SignifierValue s = *GetSignifierValue(project, *FindSignifier(project, "s"), v1.id);
  ASSERT_EQ(s.stones.size(), 2u);
  EXPECT_EQ(s.stones[0]->y, 0.9);
  EXPECT_FALSE(s.stones[1]);
  EXPECT_EQ(GetSignifierValue(project, *FindSignifier(project, "g"), v1.id)->items,
            (std::vector<int>{1}));
  EXPECT_EQ(GetSignifierValue(project, *FindSignifier(project, "f"), v1.id)->items,
            (std::vector<int>{0, 2}));
  EXPECT_EQ(GetSignifierValue(project, *FindSignifier(project, "kop"), v1.id)->text, "Taal eerst");
  EXPECT_EQ(CountSignifierValues(project, *FindSignifier(project, "kop")).skipped, 1);

  // Importing the same file again changes nothing.
  const SignificationImportSummary again = Import(project, std::string(kHeader) + kRows);
  EXPECT_FALSE(again.changed());
  EXPECT_EQ(again.stories_unchanged, 2);
}

// A fragment is its signifier answers: one without text is a story with
// empty text (StoryImporter's text_may_be_empty), not an error as in other
// importers; its answers are stored, and importing it again changes nothing.
TEST(SenseMakerImportTest, AFragmentWithoutTextIsAStoryWithItsAnswers) {
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  std::string rows = kRows;
  rows.replace(rows.find("\"Ik wilde werken.\""), 18, "\"  \"");
  const SignificationImportSummary summary = Import(project, std::string(kHeader) + rows);
  EXPECT_EQ(summary.stories_added, 2);
  const Story v2 = *FindStory(project, "V2");
  EXPECT_EQ(v2.text, "  ");
  EXPECT_EQ(CountSignifierValues(project, *FindSignifier(project, "d")).not_applicable, 1);
  EXPECT_TRUE(GetSignifierValue(project, *FindSignifier(project, "d"), v2.id)->not_applicable);
  const SignificationImportSummary again = Import(project, std::string(kHeader) + rows);
  EXPECT_FALSE(again.changed());
  EXPECT_EQ(again.stories_unchanged, 2);
}

// Fragments go in through StoryImporter, so a fragment id given twice in one
// export is the located error of every importer (it was silently merged).
TEST(SenseMakerImportTest, AFragmentIdTwiceIsLocatedAndNothingIsWritten) {
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  std::string rows = kRows;
  rows.replace(rows.find("\"V2\""), 4, "\"V1\"");
  try {
    Import(project, std::string(kHeader) + rows);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kData);
    EXPECT_EQ(e.message(),
              "story key 'V1' appears twice in this import (first at data.csv:2); give every "
              "story its own key");
    EXPECT_EQ(e.location().line, 4);
    EXPECT_EQ(e.location().column, 1);
  }
  EXPECT_EQ(CountStories(project), 0);
}

TEST(SenseMakerImportTest, BadCellsAreLocatedAndNothingIsWritten) {
  struct Case {
    std::string from, to;
    std::string message;
    int line, column;
  };
  const Case cases[] = {
      {"\"0.5\",\"0.25\",\"0.25\",\"\",\"0.1\"", "\"0.5\",\"0.35\",\"0.25\",\"\",\"0.1\"",
       "triad t has proportions 0.5, 0.35, 0.25 that sum to 1.1, not 1; give the three anchors "
       "as proportions summing to 1",
       3, 68},
      {"\"g2\"", "\"g9\"",
       "list g (Gemeente) has no item 'g9'; give the definition that belongs "
       "to this export, or --add-unknown-items to keep it as a new item",
       3, 109},
      {"\"0.25\",\"0.75\"", "\"1.25\",\"0.75\"",
       "dyad d has x = 1.25, outside [0, 1]; write "
       "positions and proportions as numbers from 0 to 1",
       3, 32},
      {"\"0.1\",\"0.9\"", "\"0.1\",\"\"",
       "stone 'nu' of stones s has only one coordinate; give "
       "both x and y or neither",
       3, 0},
      {"\"1438121139568\"", "\"1e30\"",
       "server_upload_time '1e30' is not a time in milliseconds since 1970 (up to the year "
       "9999); export the data from SenseMaker again or empty the cell",
       2, 11},
      {"\"1438121139568\"", "\"-156000000000000\"",
       "server_upload_time '-156000000000000' is not a time in milliseconds since 1970 (up to "
       "the year 9999); export the data from SenseMaker again or empty the cell",
       2, 11},
      {"\"1438121139568\"", "\"NaN\"",
       "server_upload_time 'NaN' is not a time in milliseconds since 1970 (up to the year "
       "9999); export the data from SenseMaker again or empty the cell",
       2, 11},
      {"\"1\",\"\",\"1\",\"x\"", "\"ja\",\"\",\"1\",\"x\"",
       "'ja' is not a tick; use 1 for ticked "
       "or leave it empty",
       3, 114},
  };
  for (const Case& c : cases) {
    TempDir dir;
    Project project = Project::Create(dir / "p.verhaal", "p");
    std::string rows = kRows;
    const size_t at = rows.find(c.from);
    ASSERT_NE(at, std::string::npos) << c.from;
    rows.replace(at, c.from.size(), c.to);
    try {
      Import(project, std::string(kHeader) + rows);
      ADD_FAILURE() << "no error for " << c.to;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::kData);
      EXPECT_EQ(e.message(), c.message);
      EXPECT_EQ(e.location().file, "data.csv");
      EXPECT_EQ(e.location().line, c.line) << c.message;
      if (c.column) {
        EXPECT_EQ(e.location().column, c.column) << c.message;
      }
    }
    EXPECT_EQ(CountStories(project), 0);
    EXPECT_TRUE(ListSignifiers(project).empty());
  }
}

TEST(SenseMakerImportTest, TheADemoFixtureMatchesTheFile) {
  VERHAAL_REQUIRE_SHARED(shared);
  const auto folder = shared / "fixtures" / "sensemaker";
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  const SenseMakerDefinition def = ParseSenseMakerDefinition(
      testing::ReadFile(folder / "ADemo_Definition.json"), "ADemo_Definition.json");
  CsvReader reader(OpenFileSource(folder / "ADemo_Data.csv"), "ADemo_Data.csv");
  Transaction transaction(project);
  // One fragment answers the tenure list with an item of an older framework
  // version ("1_2years"), which the definition does not have.
  const SignificationImportSummary summary =
      ImportSenseMaker(project, reader, def, SenseMakerOptions{.add_unknown_items = true});
  transaction.Commit();
  EXPECT_EQ(summary.added_items,
            (std::vector<std::string>{"list 28b77770-d9ed-4ee8-81ba-0cb6cbab4416: 1_2years"}));
  EXPECT_EQ(summary.stories_added, 129);
  EXPECT_TRUE(summary.unknown_columns.empty());
  EXPECT_EQ(CountStories(project), 129);

  std::map<std::string, int> by_type;
  for (const Signifier& s : ListSignifiers(project))
    ++by_type[std::string(SignifierTypeName(s.type))];
  EXPECT_EQ(by_type["triad"], 5);
  EXPECT_EQ(by_type["dyad"], 3);
  EXPECT_EQ(by_type["stones"], 1);
  EXPECT_EQ(by_type["list"], 7);
  EXPECT_EQ(by_type["freetext"], 1);  // the headline; the story text is the story

  const Signifier dyad = *FindSignifier(project, "4c3c1b34-980c-4bda-815a-2979d5ddcd45");
  EXPECT_EQ(dyad.title, "In this situation people had to...");
  EXPECT_EQ(dyad.x_low, "twist work to fit the rules");
  const SignifierCounts dc = CountSignifierValues(project, dyad);
  EXPECT_EQ(dc.answered, 61);
  EXPECT_EQ(dc.not_applicable, 66);
  EXPECT_EQ(dc.skipped, 2);
  const SignifierCounts tc = CountSignifierValues(
      project, *FindSignifier(project, "25055cfd-2b03-44af-a80e-2bfd62e455cc"));
  EXPECT_EQ(tc.answered, 109);
  EXPECT_EQ(tc.not_applicable, 20);
  EXPECT_EQ(tc.skipped, 0);

  const Story first = *FindStory(project, "c9a49500-806b-11eb-81ea-0242ac110003");
  EXPECT_EQ(first.date, "2015-07-28");
  EXPECT_EQ(first.language, "en");
  const SignifierValue triad = *GetSignifierValue(
      project, *FindSignifier(project, "dee85953-7226-45c5-9add-c146e5f4096f"), first.id);
  EXPECT_DOUBLE_EQ(triad.triad.top, 0.5442477876106195);
}

}  // namespace
}  // namespace verhaal
