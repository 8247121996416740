#include "importers/spryng.h"

#include <gtest/gtest.h>

#include "base/error.h"
#include "corpus/respondents.h"
#include "corpus/signifiers.h"
#include "corpus/stories.h"
#include "corpus/variables.h"
#include "importers/story_import.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::TempDir;

// A small export of our own in the shape Spryng.io writes: a triangle (three
// anchors on 0-100 with derived X/Y and NA), two sliders (one with NA),
// marbles, the options of a multiple-choice question, quoted multi-line text.
constexpr const char* kHeader =
    "ID,Respondent,Datum,Verhaal,"
    "Wat hielp je het meest? - de klantmanager,Wat hielp je het meest? - de taalles,"
    "Wat hielp je het meest? - eigen netwerk,Wat hielp je het meest? - X,"
    "Wat hielp je het meest? - Y,Wat hielp je het meest? - NA,"
    "Samenwerken voelde als - X,Samenwerken voelde als - NA,De klantmanager was - X,"
    "Waar sta je? - nu - X,Waar sta je? - nu - Y,"
    "Waar sta je? - over een jaar - X,Waar sta je? - over een jaar - Y,"
    "Hoe hoorde je van ons? - via de gemeente,Gemeente\n";

constexpr const char* kRows =
    "S-01,SH-07,2025-03-04,\"Ik moest elke week naar het gesprek.\n"
    "Daarna voelde ik me \"\"gehoord\"\".\",50,25,25,0.5,0.5,,0.2,,0.8,0.1,0.9,0.7,0.8,1,Zeewolde\n"
    "S-02,SH-12,2025-03-11,Mijn klantmanager vroeg wat ik zelf wilde.,20,60,20,0.3,0.2,,,1,"
    "0.65,0.4,0.5,,,,Almere\n"
    "S-03,SH-07,2025-04-01,\"Niemand belde terug, dus ik zocht zelf werk.\",,,,,,1,0.9,,,,,,,1,\n";

constexpr const char* kTriangle = "Wat hielp je het meest?";
constexpr const char* kSlider = "Samenwerken voelde als";
constexpr const char* kSecondSlider = "De klantmanager was";
constexpr const char* kMarbles = "Waar sta je?";

SignificationImportSummary Import(Project& project, const std::string& csv,
                                  const SpryngOptions& options = {}) {
  CsvReader reader(StringSource(csv), "spryng.csv");
  Transaction transaction(project);
  SignificationImportSummary summary = ImportSpryng(project, reader, options);
  transaction.Commit();
  return summary;
}

TEST(SpryngImportTest, InlineExportGivesStoriesAndValues) {
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  const SignificationImportSummary summary = Import(project, std::string(kHeader) + kRows);
  EXPECT_EQ(summary.stories_added, 3);
  EXPECT_EQ(summary.signifiers, 4);
  EXPECT_EQ(summary.values_changed, 10);
  EXPECT_EQ(summary.unknown_columns,
            (std::vector<std::string>{"Hoe hoorde je van ons? - via de gemeente"}));

  const Story s1 = *FindStory(project, "S-01");
  EXPECT_EQ(s1.text, "Ik moest elke week naar het gesprek.\nDaarna voelde ik me \"gehoord\".");
  EXPECT_EQ(s1.respondent_key, "SH-07");
  EXPECT_EQ(s1.source_line, 2);
  EXPECT_EQ(FindStory(project, "S-03")->source_line, 5);
  EXPECT_EQ(ListRespondents(project).size(), 2u);
  EXPECT_EQ(StoryValues(project, s1.id).at("Gemeente"), "Zeewolde");
  EXPECT_EQ(StoryValues(project, s1.id).at("Datum"), "2025-03-04");
  EXPECT_EQ(StoryValues(project, s1.id).at("Hoe hoorde je van ons? - via de gemeente"), "1");
  const int64_t s2 = FindStory(project, "S-02")->id;

  const Signifier triangle = *FindSignifier(project, kTriangle);
  EXPECT_EQ(triangle.type, SignifierType::kTriad);
  EXPECT_EQ(triangle.title, kTriangle);
  EXPECT_EQ(triangle.source, "spryng");
  ASSERT_EQ(triangle.options.size(), 3u);
  EXPECT_EQ(triangle.options[0].label, "de klantmanager");
  EXPECT_EQ(triangle.options[2].label, "eigen netwerk");
  EXPECT_EQ(GetSignifierValue(project, triangle, s1.id)->triad, (Triad{0.5, 0.25, 0.25}));
  EXPECT_EQ(GetSignifierValue(project, triangle, s2)->triad, (Triad{0.2, 0.6, 0.2}));

  const Signifier slider = *FindSignifier(project, kSlider);
  EXPECT_EQ(slider.type, SignifierType::kDyad);
  EXPECT_EQ(GetSignifierValue(project, slider, s1.id)->x, 0.2);
  EXPECT_TRUE(GetSignifierValue(project, slider, s2)->not_applicable);
  EXPECT_EQ(GetSignifierValue(project, *FindSignifier(project, kSecondSlider), s2)->x, 0.65);

  const Signifier marbles = *FindSignifier(project, kMarbles);
  EXPECT_EQ(marbles.type, SignifierType::kStones);
  ASSERT_EQ(marbles.options.size(), 2u);
  EXPECT_EQ(marbles.options[1].key, "over een jaar");
  const SignifierValue placed = *GetSignifierValue(project, marbles, s1.id);
  ASSERT_EQ(placed.stones.size(), 2u);
  EXPECT_EQ(placed.stones[0], (StonePlacement{0.1, 0.9}));
  EXPECT_EQ(placed.stones[1], (StonePlacement{0.7, 0.8}));
  const SignifierValue one = *GetSignifierValue(project, marbles, s2);
  EXPECT_EQ(one.stones[0], (StonePlacement{0.4, 0.5}));
  EXPECT_FALSE(one.stones[1]);

  struct Counts {
    const char* signifier;
    int64_t answered, not_applicable, skipped;
  };
  for (const Counts& c : {Counts{kTriangle, 2, 1, 0}, Counts{kSlider, 2, 1, 0},
                          Counts{kSecondSlider, 2, 0, 1}, Counts{kMarbles, 2, 0, 1}}) {
    const SignifierCounts counts =
        CountSignifierValues(project, *FindSignifier(project, c.signifier));
    EXPECT_EQ(counts.answered, c.answered) << c.signifier;
    EXPECT_EQ(counts.not_applicable, c.not_applicable) << c.signifier;
    EXPECT_EQ(counts.skipped, c.skipped) << c.signifier;
  }

  // Importing the same file again changes nothing.
  const SignificationImportSummary again = Import(project, std::string(kHeader) + kRows);
  EXPECT_FALSE(again.changed());
  EXPECT_EQ(again.stories_unchanged, 3);
  EXPECT_EQ(again.values_changed, 0);
}

TEST(SpryngImportTest, ChangedAnswerIsUpdatedAndChangedTextIsKeptUnlessUpdate) {
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  Import(project, std::string(kHeader) + kRows);
  std::string rows = kRows;
  rows.replace(rows.find(",0.2,,0.8,"), 10, ",0.3,,0.8,");
  const SignificationImportSummary summary = Import(project, std::string(kHeader) + rows);
  EXPECT_EQ(summary.values_changed, 1);
  const Signifier slider = *FindSignifier(project, kSlider);
  EXPECT_EQ(GetSignifierValue(project, slider, FindStory(project, "S-01")->id)->x, 0.3);

  rows.replace(rows.find("zelf wilde."), 11, "niets.");
  const SignificationImportSummary kept = Import(project, std::string(kHeader) + rows);
  EXPECT_EQ(kept.stories_changed, 1);
  ASSERT_EQ(kept.warnings.size(), 1u);
  EXPECT_EQ(kept.warnings[0],
            "story S-02 (spryng.csv:4) differs from the one in the project; kept the stored one "
            "(import with --update to replace it)");
  EXPECT_EQ(FindStory(project, "S-02")->text, "Mijn klantmanager vroeg wat ik zelf wilde.");
  SpryngOptions update;
  update.update = true;
  const SignificationImportSummary replaced = Import(project, std::string(kHeader) + rows, update);
  EXPECT_EQ(replaced.stories_updated, 1);
  EXPECT_EQ(FindStory(project, "S-02")->text, "Mijn klantmanager vroeg wat ik niets.");
}

// Stories go in through StoryImporter: an ID given twice in one export is
// an error, also when the story was in the project before (then the message
// cannot say where the first one was: the stored story may come from another
// file).
TEST(SpryngImportTest, AnIdTwiceInOneExportIsLocated) {
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  Import(project, std::string(kHeader) + kRows);
  std::string rows = kRows;
  rows.replace(rows.find("S-03,"), 5, "S-01,");
  try {
    Import(project, std::string(kHeader) + rows);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.message(),
              "story key 'S-01' appears twice in this import; give every story its "
              "own key");
    EXPECT_EQ(e.location().line, 5);
    EXPECT_EQ(e.location().column, 1);
  }
  EXPECT_EQ(CountStories(project), 3);
}

TEST(SpryngImportTest, TextKeyAndRespondentColumnsCanBeNamed) {
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  const std::string csv =
      "Code;Vertel je verhaal;Gevoel - X\n"
      "KM-3;Ik heb haar gewezen op de regels.;0.1\n"
      "KM-3;Samen maakten we een plan.;0.9\n";
  SpryngOptions options;
  options.text_column = "vertel je verhaal";
  options.respondent_column = "Code";
  options.key_prefix = "ronde1";
  options.language = "nl";
  const SignificationImportSummary summary = Import(project, csv, options);
  EXPECT_EQ(summary.stories_added, 2);
  const Story second = *FindStory(project, "ronde1-2");
  EXPECT_EQ(second.text, "Samen maakten we een plan.");
  EXPECT_EQ(second.respondent_key, "KM-3");
  EXPECT_EQ(second.language, "nl");
  EXPECT_EQ(GetSignifierValue(project, *FindSignifier(project, "Gevoel"), second.id)->x, 0.9);
  EXPECT_FALSE(Import(project, csv, options).changed());
}

struct BadCase {
  std::string from, to;  // replaced in kHeader + kRows
  std::string message;
  int line, column;
};

void ExpectErrorAndNothingWritten(const BadCase& c, const SpryngOptions& options = {}) {
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  std::string csv = std::string(kHeader) + kRows;
  const size_t at = csv.find(c.from);
  ASSERT_NE(at, std::string::npos) << c.from;
  csv.replace(at, c.from.size(), c.to);
  try {
    Import(project, csv, options);
    ADD_FAILURE() << "no error for " << c.to;
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kData);
    EXPECT_EQ(e.message(), c.message);
    EXPECT_EQ(e.location().file, "spryng.csv");
    EXPECT_EQ(e.location().line, c.line) << c.message;
    EXPECT_EQ(e.location().column, c.column) << c.message;
  }
  EXPECT_EQ(CountStories(project), 0);
  EXPECT_TRUE(ListSignifiers(project).empty());
  EXPECT_TRUE(ListRespondents(project).empty());
}

TEST(SpryngImportTest, BadCellsAreLocatedAndNothingIsWritten) {
  const BadCase cases[] = {
      {",50,25,25,", ",50,35,25,",
       "triangle 'Wat hielp je het meest?' has anchors 50, 35, 25 that sum to 110, not 100; "
       "give the three anchors as percentages summing to 100",
       3, 35},
      {",20,60,20,", ",20,120,20,",
       "triangle 'Wat hielp je het meest?' has 120 for anchor 'de taalles', outside 0–100; "
       "triangle anchors are percentages from 0 to 100",
       4, 69},
      {",20,60,20,", ",20,,20,",
       "triangle 'Wat hielp je het meest?' has no value for anchor 'de taalles' while the others "
       "have one; give all three anchors or none",
       4, 69},
      {",0.2,,0.8,", ",1.5,,0.8,",
       "slider 'Samenwerken voelde als' has X = 1.5, outside 0–1; sliders are exported as "
       "numbers from 0 to 1",
       3, 53},
      {"0.4,0.5,,,,Almere", "0.4,,,,,Almere",
       "marble 'nu' of 'Waar sta je?' has X but no Y; give both coordinates or neither", 4, 96},
      {"0.7,0.8,1,Zeewolde", "0.7,1.8,1,Zeewolde",
       "marble 'over een jaar' of 'Waar sta je?' has Y = 1.8, outside 0–1; marbles are exported "
       "as numbers from 0 to 1",
       3, 74},
      {",1,0.65,", ",1,veel,", "'veel' is not a number; write numbers like 0.25", 4, 87},
      {",,1,0.65,", ",,ja,0.65,", "'ja' is not a tick; use 1 for ticked or leave it empty", 4, 85},
      {"S-02,", ",", "this record has no ID; every story needs its key", 4, 1},
      {"Mijn klantmanager vroeg wat ik zelf wilde.", "",
       "story S-02 has no text; give the story in column 'Verhaal' or leave the record out", 4, 23},
  };
  for (const BadCase& c : cases) ExpectErrorAndNothingWritten(c);
}

TEST(SpryngImportTest, HeadersOfUnknownShapeAreErrors) {
  const BadCase cases[] = {
      {"Wat hielp je het meest? - eigen netwerk,", "Wat hielp je het meest? - eigen - netwerk,",
       "question 'Wat hielp je het meest?' has X and Y columns and 2 anchor columns; a triangle "
       "needs three anchor columns (QUESTION - ANCHOR), a slider only QUESTION - X",
       1, 150},
      {"Waar sta je? - over een jaar - Y", "Waar sta je? - over een jaar - Z",
       "marble 'over een jaar' of question 'Waar sta je?' has an X column but no Y column; "
       "export both coordinates of every marble",
       1, 356},
      {"De klantmanager was - X", "De klantmanager was - Y",
       "question 'De klantmanager was' has a Y column but no X column; export the X column too", 1,
       288},
      {"Samenwerken voelde als - X,", "Samenwerken - X,",
       "question 'Samenwerken voelde als' has an NA column but no X column; NA belongs to a "
       "slider, triangle or marbles question",
       1, 249},
      {"De klantmanager was - X", "Waar sta je? - X",
       "column 'Waar sta je? - X' does not fit question 'Waar sta je?', whose other columns are "
       "marbles (QUESTION - MARBLE - X and Y); rename the column or remove it",
       1, 288},
      {"Gemeente\n", "Datum\n",
       "column 'Datum' appears twice (also column 3); give every column "
       "its own name",
       1, 463},
      {"Gemeente\n", "Samenwerken voelde als - x\n",
       "column 'Samenwerken voelde als - x' means the same as column 11 ('Samenwerken voelde als "
       "- X'); give every column its own name",
       1, 463},
      {"Verhaal,", "Vertelling,",
       "found no story text column (Story, Verhaal, Text, Tekst or Narrative); name the column "
       "so or give --text COLUMN",
       1, 0},
      {"Gemeente\n", "Text\n",
       "columns 'Verhaal' and 'Text' could both be meant; choose one with --text COLUMN", 1, 463},
  };
  for (const BadCase& c : cases) ExpectErrorAndNothingWritten(c);
  SpryngOptions options;
  options.text_column = "Story";
  ExpectErrorAndNothingWritten({"", "",
                                "there is no column 'Story' (--text); give the name of "
                                "a column of the header line",
                                1, 0},
                               options);
}

}  // namespace
}  // namespace verhaal
