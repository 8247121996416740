// Tests of importing CSV with a mapping (importers/csv_import.h,
// importers/mapping.h, importers/story_import.h): located errors, typed
// variables, signifiers, idempotence, --update and dry runs.
#include "importers/csv_import.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <utility>
#include <vector>

#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/respondents.h"
#include "corpus/search.h"
#include "corpus/signifiers.h"
#include "corpus/stories.h"
#include "corpus/variables.h"
#include "tests/support/fts_checks.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

constexpr const char* kMapping = R"(story: story
respondent: respondent
role: {value: statushouder}
wave: wave
date: date
text: text
respondent_variables:
  gemeente: {type: text}
  leeftijd: {type: integer, values: {1: jong, 2: oud}}
story_variables:
  score: {column: cijfer, type: float}
signifiers:
  motivatie: {type: dyad, low: moeten, high: willen}
  belang: {type: triad, columns: [taal, gezondheid, werk]}
ignore: [opmerking]
)";

constexpr const char* kHeader =
    "story,respondent,wave,date,text,gemeente,leeftijd,cijfer,motivatie,taal,gezondheid,werk,"
    "opmerking\n";

class CsvImportTest : public ::testing::Test {
 protected:
  CsvImportTest() : project_(Project::Create(dir_ / "t.verhaal", "t")) {}

  ImportReport Import(const std::string& csv, const std::string& mapping = kMapping,
                      bool update = false, bool commit = true) {
    const ImportMapping m = ParseMapping(mapping, "map.yaml");
    CsvReader reader(StringSource(csv), "in.csv");
    Transaction transaction(project_);
    ImportOptions options;
    options.update = update;
    ImportReport report = ImportCsv(project_, reader, m, options, [csv] {
      return std::make_unique<CsvReader>(StringSource(csv), "in.csv");
    });
    if (commit) transaction.Commit();
    return report;
  }

  std::string ErrorOf(const std::string& csv, const std::string& mapping = kMapping) {
    try {
      Import(csv, mapping);
    } catch (const Error& e) {
      return e.Describe();
    }
    return "no error";
  }

  testing::TempDir dir_;
  Project project_;
};

TEST_F(CsvImportTest, ImportsStoriesRespondentsVariablesAndSignifiers) {
  const auto report =
      Import(std::string(kHeader) +
             "S1,R1,1,2025-03-01,Eerste verhaal,Ede,2,\"7,5\",0.25,0.5,0.25,0.25,x\n"
             "S2,R1,2,,Tweede verhaal,Ede,2,,NA,,,,\n");
  EXPECT_EQ(report.stories_added, 2);
  EXPECT_EQ(report.respondents_added, 1);
  EXPECT_EQ(report.new_variables,
            (std::vector<std::string>{"respondent gemeente (text)", "respondent leeftijd (integer)",
                                      "story score (float)"}));
  EXPECT_EQ(report.new_signifiers,
            (std::vector<std::string>{"motivatie (dyad)", "belang (triad)"}));
  const auto s1 = FindStory(project_, "S1");
  ASSERT_TRUE(s1);
  EXPECT_EQ(s1->role, "statushouder");
  EXPECT_EQ(s1->wave, 1);
  EXPECT_EQ(s1->date, "2025-03-01");
  EXPECT_EQ(RespondentValues(project_, *s1->respondent_id),
            (std::map<std::string, std::string>{{"gemeente", "Ede"}, {"leeftijd", "2"}}));
  EXPECT_EQ(FindVariable(project_, VariableSubject::kRespondent, "leeftijd")->value_labels.at("1"),
            "jong");
  EXPECT_FALSE(FindVariable(project_, VariableSubject::kStory, "opmerking"));
  const auto motivatie = *FindSignifier(project_, "motivatie");
  EXPECT_DOUBLE_EQ(GetSignifierValue(project_, motivatie, s1->id)->x, 0.25);
  const auto s2 = FindStory(project_, "S2");
  EXPECT_TRUE(GetSignifierValue(project_, motivatie, s2->id)->not_applicable);
  EXPECT_FALSE(GetSignifierValue(project_, *FindSignifier(project_, "belang"), s2->id));
}

TEST_F(CsvImportTest, SemicolonsCrlfBomAndMultilineText) {
  Import(
      "\xEF\xBB\xBFstory;respondent;wave;date;text;gemeente;leeftijd;cijfer;motivatie;taal;"
      "gezondheid;werk;opmerking\r\n"
      "S1;R1;1;;\"regel 1\r\nregel 2; nog\";Ede;;7,5;0,5;;;;\r\n");
  EXPECT_EQ(FindStory(project_, "S1")->text, "regel 1\nregel 2; nog");
  EXPECT_EQ(StoryValues(project_, FindStory(project_, "S1")->id).at("score"), "7.5");
}

TEST_F(CsvImportTest, ReimportChangesNothingAndSaysSo) {
  const std::string csv = std::string(kHeader) + "S1,R1,1,,Verhaal,Ede,,,,,,,\n";
  Import(csv);
  const auto again = Import(csv);
  EXPECT_FALSE(again.changed());
  EXPECT_EQ(again.stories_unchanged, 1);
  EXPECT_EQ(again.Summary("in.csv", false),
            "in.csv: nothing to change; all 1 story are already in the project");
}

TEST_F(CsvImportTest, ChangedStoryIsReportedAndOnlyReplacedWithUpdate) {
  Import(std::string(kHeader) + "S1,R1,1,,Ik wil werken als elektricien.,Ede,,,,,,,\n");
  const auto story = *FindStory(project_, "S1");
  Code parent;
  parent.name = "motivatie";
  Code child;
  child.name = "willen";
  child.parent_id = AddCode(project_, parent);
  const int64_t code = AddCode(project_, child);
  Coding coding;
  coding.story_id = story.id;
  coding.code_id = code;
  coding.coder_id = EnsureCoder(project_, "anna");
  coding.start = 3;
  coding.end = 11;  // "wil werk"
  AddCoding(project_, coding);
  const std::string changed = std::string(kHeader) + "S1,R1,1,,Ik moest werken.,Ede,,,,,,,\n";
  const auto kept = Import(changed);
  EXPECT_EQ(kept.stories_changed, 1);
  ASSERT_EQ(kept.warnings.size(), 1u);
  EXPECT_EQ(kept.warnings[0],
            "story S1 (in.csv:2) differs from the one in the project; kept the stored one "
            "(import with --update to replace it)");
  EXPECT_EQ(FindStory(project_, "S1")->text, "Ik wil werken als elektricien.");
  const auto updated = Import(changed, kMapping, true);
  EXPECT_EQ(updated.stories_updated, 1);
  EXPECT_EQ(FindStory(project_, "S1")->text, "Ik moest werken.");
  ASSERT_EQ(updated.warnings.size(), 1u);
  EXPECT_EQ(updated.warnings[0],
            "story S1: coding motivatie/willen by anna at [3, 11) no longer matches the new "
            "text (it was \"wil werk\"); it is kept as it was: review it");
  EXPECT_EQ(CountCodings(project_), 1);
}

TEST_F(CsvImportTest, DryRunRollsBackEverything) {
  const auto report =
      Import(std::string(kHeader) + "S1,R1,1,,Verhaal,Ede,,,,,,,\n", kMapping, false, false);
  EXPECT_EQ(report.stories_added, 1);
  EXPECT_EQ(report.Summary("in.csv", true),
            "dry run of in.csv: would add 1 story, would update 0, 0 unchanged; 1 new "
            "respondent, 3 new variables, 2 new signifiers; nothing was written");
  EXPECT_EQ(CountStories(project_), 0);
  EXPECT_TRUE(ListVariables(project_).empty());
}

struct ErrorCase {
  const char* name;
  std::string csv;
  std::string mapping;
  std::string expected;
};

TEST_F(CsvImportTest, ErrorsSayWhereAndWhatToDo) {
  const std::string ok_row = "S1,R1,1,,Verhaal,Ede,,,,,,,\n";
  const std::vector<ErrorCase> cases = {
      {"unknown mapped column", "story,respondent,tekst\nS1,R1,x\n", "story: story\ntext: text\n",
       "map.yaml:2:7: column 'text' is not in in.csv; did you mean 'tekst'? (its columns: "
       "story, respondent, tekst)\n  text: text\n        ^"},
      {"duplicate key", std::string(kHeader) + ok_row + "S1,R2,1,,Ander,Ede,,,,,,,\n", kMapping,
       "in.csv:3:1: story key 'S1' appears twice in this import (first at in.csv:2); give "
       "every story its own key\n  S1,R2,1,,Ander,Ede,,,,,,,\n  ^"},
      {"empty text", std::string(kHeader) + "S1,R1,1,,  ,Ede,,,,,,,\n", kMapping,
       "in.csv:2:10: story S1 has no text; fill it in or leave the story out\n"
       "  S1,R1,1,,  ,Ede,,,,,,,\n           ^"},
      {"invalid date", std::string(kHeader) + "S1,R1,1,31-02-2025,Tekst,Ede,,,,,,,\n", kMapping,
       "in.csv:2:9: '31-02-2025' is not a date; write dates as YYYY-MM-DD (the date)\n"
       "  S1,R1,1,31-02-2025,Tekst,Ede,,,,,,,\n          ^"},
      {"invalid number", std::string(kHeader) + "S1,R1,1,,Tekst,Ede,twee,,,,,,\n", kMapping,
       "in.csv:2:20: 'twee' is not an integer (leeftijd)\n"
       "  S1,R1,1,,Tekst,Ede,twee,,,,,,\n                     ^"},
      {"invalid wave", std::string(kHeader) + "S1,R1,een,,Tekst,Ede,,,,,,,\n", kMapping,
       "in.csv:2:7: 'een' is not an integer (the wave)\n  S1,R1,een,,Tekst,Ede,,,,,,,\n"
       "        ^"},
      {"wave out of range", std::string(kHeader) + "S1,R1,3000000000,,Tekst,Ede,,,,,,,\n", kMapping,
       "in.csv:2:7: wave '3000000000' is not a wave number; a wave is a whole number from 0 "
       "to 2147483647\n  S1,R1,3000000000,,Tekst,Ede,,,,,,,\n        ^"},
      {"dyad out of range", std::string(kHeader) + "S1,R1,1,,Tekst,Ede,,,1.5,,,,\n", kMapping,
       "in.csv:2:22: dyad motivatie has x = 1.5, outside [0, 1]; write positions and "
       "proportions as numbers from 0 to 1\n  S1,R1,1,,Tekst,Ede,,,1.5,,,,\n"
       "                       ^"},
      {"list item", "story,text,caseload\nS1,Tekst,zwaar\n",
       "story: story\ntext: text\nsignifiers:\n  caseload: {type: list, items: [laag, hoog]}\n",
       "in.csv:2:10: 'zwaar' is not an item of caseload; use one of laag, hoog (or add it to "
       "the items in the mapping)\n  S1,Tekst,zwaar\n           ^"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(ErrorOf(c.csv, c.mapping), c.expected) << c.name;
  }
}

// Errors found while storing a story show the line of the cell they point
// at, also when a record spans several lines.
TEST_F(CsvImportTest, StoringErrorsShowTheLineOfTheirCell) {
  const std::string mapping =
      "story: story\nrespondent: respondent\nrole: role\ntitle: title\ntext: text\n";
  const std::string header = "story,respondent,role,title,text\n";
  const std::vector<ErrorCase> cases = {
      {"role conflict",
       header + "S1,R1,statushouder,,Tekst\nS2,R1,klantmanager,\"Twee\nregels\",Tekst\n", mapping,
       "in.csv:3:1: respondent R1 has role statushouder, not klantmanager; use one role per "
       "respondent\n  S2,R1,klantmanager,\"Twee\n  ^"},
      {"dyad not a number", "story,text,motivatie\nS1,Tekst,veel\n",
       "story: story\ntext: text\nsignifiers:\n  motivatie: {type: dyad}\n",
       "in.csv:2:10: 'veel' is not a number; write numbers like 0.25\n  S1,Tekst,veel\n"
       "           ^"},
      {"empty text after a two-line title", header + "S1,R1,,\"Twee\nregels\",  \n", mapping,
       "in.csv:3:9: story S1 has no text; fill it in or leave the story out\n"
       "  regels\",  \n          ^"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(ErrorOf(c.csv, c.mapping), c.expected) << c.name;
  }
}

TEST_F(CsvImportTest, ImportedStoriesAreInTheFullTextIndex) {
  // A dry run first: rolling back must bring the index trigger back too.
  Import(std::string(kHeader) + "S0,R1,1,,Eerst proberen,Ede,,,,,,,\n", kMapping, false, false);
  Import(std::string(kHeader) + "S1,R1,1,,Over de taalschool,Ede,,,,,,,\n");
  Story later;
  later.key = "S2";
  later.text = "Ook over de taalschool";
  AddStory(project_, later);
  const auto hits = SearchStories(project_, "taalschool", 10);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].story_key, "S1");
  EXPECT_EQ(hits[1].story_key, "S2");
  EXPECT_TRUE(SearchStories(project_, "proberen", 10).empty());
}

TEST_F(CsvImportTest, AFailedImportWritesNothing) {
  EXPECT_NE(ErrorOf(std::string(kHeader) + "S1,R1,1,,Goed,Ede,,,,,,,\nS2,R1,1,,,Ede,,,,,,,\n"),
            "no error");
  EXPECT_EQ(CountStories(project_), 0);
  EXPECT_TRUE(ListRespondents(project_).empty());
  EXPECT_TRUE(ListVariables(project_).empty());
}

TEST(MappingTest, ReportsUnknownKeysWithASuggestion) {
  try {
    ParseMapping("text: t\nrespondant: r\n", "map.yaml");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.Describe(),
              "map.yaml:2:1: unknown key 'respondant' in the mapping; did you mean "
              "'respondent'? (known: story, respondent, role, kind, wave, date, language, "
              "title, text, delimiter, encoding, respondent_variables, story_variables, "
              "signifiers, ignore, other_columns, not_applicable)\n  respondant: r\n  ^");
  }
}

TEST(MappingTest, RejectsBadMappings) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"story: s\n", "map.yaml:1:1: the mapping has no text column; add `text: COLUMN`"},
      {"text: t\nstory_variables:\n  n: {type: getal}\n",
       "map.yaml:3:13: unknown variable type 'getal'"},
      {"text: t\nsignifiers:\n  b: {type: triad, columns: [x, y]}\n",
       "map.yaml:3:3: triad b needs `columns:` with three columns (top, left, right)"},
      {"text: [t\n", "map.yaml:"},
      {"text: t\nsignifiers:\n  m: {type: dyad}\n  m: {type: dyad}\n",
       "map.yaml:4:3: key 'm' appears twice in this map (first at line 3); keep one of them"},
      // A key that is a list or a map (found by the fuzz smoke in CI: an
      // exception of yaml-cpp's escaped as "bad conversion").
      {"? [a, b]\n: x\ntext: t\n", "map.yaml:1:3: a key must be a name, not a list or a map"},
      {"text: t\nstory_variables:\n  ? {n: 1}\n  : {type: text}\n",
       "map.yaml:3:5: a key must be a name, not a list or a map"},
  };
  for (const auto& [yaml, expected] : cases) {
    try {
      ParseMapping(yaml, "map.yaml");
      ADD_FAILURE() << yaml;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::kData);
      EXPECT_EQ(std::string(e.what()).substr(0, expected.size()), expected) << yaml;
    }
  }
}

TEST(MappingTest, DefaultMappingRoundTripsThroughYaml) {
  const ImportMapping m =
      DefaultMapping({"id", "respondent", "datum", "verhaal", "gemeente"}, "verhaal");
  const std::string yaml = MappingToYaml(m);
  EXPECT_EQ(yaml,
            "# verhaal import mapping (see docs/import-mapping.md)\n"
            "story: id\nrespondent: respondent\ntext: verhaal\n"
            "story_variables:\n  datum: {type: text}\n  gemeente: {type: text}\n");
  const ImportMapping back = ParseMapping(yaml, "x");
  EXPECT_EQ(back.story.column, "id");
  EXPECT_EQ(back.variables.size(), 2u);
  try {
    DefaultMapping({"id", "tekst"}, "text");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kUsage);
    EXPECT_EQ(e.message(),
              "--text text: there is no such column; did you mean 'tekst'? The columns are: "
              "id, tekst.");
  }
}

// Rows are read and checked on a second thread while this one stores them,
// in batches; errors must still come in file order and roll everything back.
std::string ManyRows(int n, int duplicate_at, int bad_date_at) {
  std::string csv = kHeader;
  for (int i = 1; i <= n; ++i) {
    const std::string key = i == duplicate_at ? "S1" : "S" + std::to_string(i);
    const std::string date = i == bad_date_at ? "2025-13-01" : "2025-03-01";
    csv += key + ",R" + std::to_string(i % 50) + ",1," + date + ",Verhaal nummer " +
           std::to_string(i) + ",Ede,2,,,,,,\n";
  }
  return csv;
}

TEST_F(CsvImportTest, AnEarlierKeyGivenTwiceIsReportedBeforeALaterBadValue) {
  // The duplicate (found while storing) is 1,700 rows before the bad date
  // (found while reading), many batches apart.
  const std::string csv = ManyRows(5000, 300, 2000);
  EXPECT_EQ(ErrorOf(csv),
            "in.csv:301:1: story key 'S1' appears twice in this import (first at in.csv:2); give "
            "every story its own key\n  S1,R0,1,2025-03-01,Verhaal nummer 300,Ede,2,,,,,,\n  ^");
  EXPECT_EQ(CountStories(project_), 0);
}

TEST_F(CsvImportTest, ABadValueFarIntoTheFileStopsTheImportAndStoresNothing) {
  const std::string csv = ManyRows(5000, 0, 4321);
  EXPECT_EQ(ErrorOf(csv),
            "in.csv:4322:13: '2025-13-01' is not a date; write dates as YYYY-MM-DD (the date)\n"
            "  S4321,R21,1,2025-13-01,Verhaal nummer 4321,Ede,2,,,,,,\n              ^");
  EXPECT_EQ(CountStories(project_), 0);
  EXPECT_TRUE(ListRespondents(project_).empty());
}

TEST_F(CsvImportTest, ManyRowsArriveInFileOrderWithTheirValues) {
  const auto report = Import(ManyRows(3000, 0, 0));
  EXPECT_EQ(report.stories_added, 3000);
  EXPECT_EQ(report.respondents_added, 50);
  const std::vector<Story> stories = ListStories(project_);
  ASSERT_EQ(stories.size(), 3000u);
  for (size_t i = 0; i < stories.size(); ++i) {
    ASSERT_EQ(stories[i].key, "S" + std::to_string(i + 1));
    ASSERT_EQ(stories[i].text, "Verhaal nummer " + std::to_string(i + 1));
    ASSERT_EQ(stories[i].source_line, static_cast<int>(i) + 2);
  }
  EXPECT_EQ(SearchStories(project_, "nummer", 10000).size(), 3000u);
}

// A first import builds the full-text index beside the project on another
// thread and copies it in (corpus/fts_side_index.h); later imports index
// their stories in the project.
using testing::CheckFullTextIndex;
using testing::HasSideIndexFile;
using testing::RankedMatches;

// Rows with varied text: the story number in words, so that searches rank.
std::string VariedRows(int first, int n) {
  const char* words[] = {"taal", "werk", "gemeente", "school", "huis", "reis", "stage"};
  std::string csv = kHeader;
  for (int i = first; i < first + n; ++i) {
    std::string text = "Verhaal";
    for (int w = 0; w < 7; ++w) {
      if ((i >> w) & 1) text += std::string(" ") + words[w] + (i % (w + 2) == 0 ? " en " : " ");
    }
    csv += "S" + std::to_string(i) + ",R" + std::to_string(i % 40) + ",1,," + text +
           " één,Ede,,,,,,,\n";
  }
  return csv;
}

TEST_F(CsvImportTest, AFirstImportsIndexAnswersLikeOneRebuiltFromTheStories) {
  Import(VariedRows(1, 2000));
  EXPECT_FALSE(HasSideIndexFile(dir_.path()));
  CheckFullTextIndex(project_);
  const char* queries[] = {"taal", "werk AND school", "een", "\"gemeente en\"", "huis OR reis",
                           "sta*"};
  std::vector<std::vector<std::pair<int64_t, double>>> before;
  for (const char* query : queries) before.push_back(RankedMatches(project_, query));
  // 'rebuild' indexes every story again from the story table, as a later
  // import's Finish does.
  project_.db().exec("INSERT INTO story_fts(story_fts) VALUES ('rebuild')");
  for (size_t q = 0; q < std::size(queries); ++q) {
    const auto after = RankedMatches(project_, queries[q]);
    ASSERT_FALSE(after.empty()) << queries[q];
    ASSERT_EQ(before[q].size(), after.size()) << queries[q];
    for (size_t i = 0; i < after.size(); ++i) {
      EXPECT_EQ(before[q][i].first, after[i].first) << queries[q] << " #" << i;
      EXPECT_DOUBLE_EQ(before[q][i].second, after[i].second) << queries[q] << " #" << i;
    }
  }
}

TEST_F(CsvImportTest, AFailedFirstImportLeavesNoSideFileAndAnEmptyIndex) {
  EXPECT_NE(ErrorOf(ManyRows(5000, 300, 0)), "no error");   // found while storing
  EXPECT_NE(ErrorOf(ManyRows(5000, 0, 4321)), "no error");  // found while reading
  EXPECT_NE(ErrorOf(ManyRows(5000, 0, 1)), "no error");     // in the first batch
  EXPECT_FALSE(HasSideIndexFile(dir_.path()));
  EXPECT_EQ(CountStories(project_), 0);
  CheckFullTextIndex(project_);
  EXPECT_EQ(project_.db().execAndGet("SELECT count(*) FROM story_fts_docsize").getInt(), 0);
  // The project takes a first import as if nothing had happened.
  Import(ManyRows(300, 0, 0));
  CheckFullTextIndex(project_);
  EXPECT_EQ(SearchStories(project_, "nummer", 1000).size(), 300u);
}

TEST_F(CsvImportTest, ASecondImportAddsItsStoriesToTheFirstOnesIndex) {
  Import(VariedRows(1, 1000));
  Import(VariedRows(1001, 500));
  Import(VariedRows(1, 1000));  // nothing new
  EXPECT_FALSE(HasSideIndexFile(dir_.path()));
  CheckFullTextIndex(project_);
  EXPECT_EQ(SearchStories(project_, "verhaal", 10000).size(), 1500u);
  const auto taal = RankedMatches(project_, "taal");
  EXPECT_EQ(taal.size(), 750u);
}

TEST(MappingTest, AMappingWithSignifiersRoundTripsThroughYaml) {
  const ImportMapping m = ParseMapping(kMapping, "map.yaml");
  const std::string yaml = MappingToYaml(m);
  const ImportMapping back = ParseMapping(yaml, "back.yaml");
  EXPECT_EQ(MappingToYaml(back), yaml);
  ASSERT_EQ(back.signifiers.size(), 2u);
  EXPECT_EQ(back.signifiers[0].signifier.x_low, "moeten");
  EXPECT_EQ(back.signifiers[0].signifier.x_high, "willen");
  EXPECT_EQ(back.signifiers[1].columns, (std::vector<std::string>{"taal", "gezondheid", "werk"}));
  EXPECT_EQ(back.ignore, std::vector<std::string>{"opmerking"});
  EXPECT_NE(yaml.find("  belang: {type: triad, columns: [taal, gezondheid, werk]}\n"),
            std::string::npos)
      << yaml;
}

TEST(MappingTest, GuessedTypesFollowEveryValueOfTheColumn) {
  const std::vector<std::string> header = {"id", "a", "b", "c", "d", "e", "f", "tekst"};
  ImportMapping m = DefaultMapping(header, "tekst");
  CsvReader reader(StringSource("id,a,b,c,d,e,f,tekst\n"
                                "1,0,\"0,5\",2024-02-29,nee,,x,t\n"
                                "2,1,2,2024-03-01,TRUE,,1,t\n"
                                "3,,-3.5,,,,2,t\n"),
                   "in.csv");
  reader.Next();
  GuessVariableTypes(m, reader, header);
  std::vector<std::pair<std::string, VariableType>> types;
  for (const auto& v : m.variables) types.emplace_back(v.column, v.variable.type);
  EXPECT_EQ(types, (std::vector<std::pair<std::string, VariableType>>{
                       {"a", VariableType::kInteger},  // 0 and 1 stay numbers
                       {"b", VariableType::kFloat},    // decimal comma and point
                       {"c", VariableType::kDate},
                       {"d", VariableType::kBoolean},
                       {"e", VariableType::kText},     // no values at all
                       {"f", VariableType::kText}}));  // mixed
}

}  // namespace
}  // namespace verhaal
