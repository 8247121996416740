// End-to-end tests of `verhaal import`: the real binary, its exit codes,
// output, and the project afterwards.
#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <set>
#include <string>

#include "corpus/project.h"
#include "corpus/stories.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::RunVerhaal;
using testing::TempDir;

class ImportCliTest : public ::testing::Test {
 protected:
  ImportCliTest() {
    const auto init = RunVerhaal({"init", "t.verhaal"}, dir_.path());
    EXPECT_EQ(init.exit_code, 0) << init.err;
  }
  int64_t Stories() {
    Project project = Project::Open(dir_ / "t.verhaal");
    return CountStories(project);
  }
  // The names of the files in the test's folder.
  std::set<std::string> Files() {
    std::set<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(dir_.path())) {
      names.insert(e.path().filename().string());
    }
    return names;
  }
  TempDir dir_;
};

TEST_F(ImportCliTest, HelpListsTheFormats) {
  const auto r = RunVerhaal({"import", "--help"}, dir_.path());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("  csv         a CSV/TSV spreadsheet"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  transcript  a plain-text interview"), std::string::npos);
  const auto csv = RunVerhaal({"import", "csv", "--help"}, dir_.path());
  EXPECT_EQ(csv.exit_code, 0);
  EXPECT_NE(csv.out.find("usage: verhaal import csv FILE"), std::string::npos);
  EXPECT_NE(csv.out.find("example:\n  verhaal import csv"), std::string::npos);
  const auto typo = RunVerhaal({"import", "cvs", "x.csv"}, dir_.path());
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_EQ(typo.err.rfind("verhaal: error: unknown import format 'cvs'; did you mean 'csv'?", 0),
            0u)
      << typo.err;
}

TEST_F(ImportCliTest, CsvWithTextPrintsTheMappingAndIsIdempotent) {
  dir_.Write("v.csv", "story;respondent;gemeente;text\nS1;R1;Ede;\"Een; twee\"\nS2;R2;Epe;Drie\n");
  const auto r = RunVerhaal({"import", "csv", "v.csv", "--text", "text"}, dir_.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "# verhaal import mapping (see docs/import-mapping.md)\ndelimiter: \";\"\n"
            "story: story\nrespondent: respondent\ntext: text\nstory_variables:\n"
            "  gemeente: {type: text}\n");
  EXPECT_EQ(r.err,
            "v.csv: added 2 stories, updated 0, 0 unchanged; 2 new respondents, 1 new "
            "variable, 0 new signifiers\n");
  EXPECT_EQ(Stories(), 2);
  const auto again = RunVerhaal({"import", "csv", "v.csv", "--text", "text"}, dir_.path());
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_EQ(again.err, "v.csv: nothing to change; all 2 stories are already in the project\n");
}

TEST_F(ImportCliTest, CsvWithTextTypesNumericDateAndYesNoColumnsAndItsMappingImportsAgain) {
  dir_.Write("v.csv",
             "id,leeftijd,cijfer,ingevuld,werkt,gemeente,tekst\n"
             "S1,34,\"7,5\",2025-03-01,ja,Ede,Eerste verhaal\n"
             "S2,,8,2025-04-11,nee,Epe,Tweede verhaal\n"
             "S3,51,6.25,,Ja,12,Derde verhaal\n");
  const auto r = RunVerhaal({"import", "csv", "v.csv", "--text", "tekst"}, dir_.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "# verhaal import mapping (see docs/import-mapping.md)\ndelimiter: \",\"\n"
            "story: id\ntext: tekst\nstory_variables:\n  leeftijd: {type: integer}\n"
            "  cijfer: {type: float}\n  ingevuld: {type: date}\n  werkt: {type: boolean}\n"
            "  gemeente: {type: text}\n");
  // The printed mapping, saved as it is, imports the file into a new project.
  dir_.Write("v.mapping.yaml", r.out);
  ASSERT_EQ(RunVerhaal({"init", "u.verhaal"}, dir_.path()).exit_code, 0);
  const auto again = RunVerhaal(
      {"-p", "u.verhaal", "import", "csv", "v.csv", "--mapping", "v.mapping.yaml"}, dir_.path());
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.err,
            "v.csv: added 3 stories, updated 0, 0 unchanged; 0 new respondents, 5 new "
            "variables, 0 new signifiers\n");
  const auto sav =
      RunVerhaal({"-p", "u.verhaal", "export", "stories", "--format", "csv"}, dir_.path());
  ASSERT_EQ(sav.exit_code, 0) << sav.err;
  EXPECT_NE(sav.out.find("7.5"), std::string::npos) << sav.out;  // a number, not the text "7,5"
}

TEST_F(ImportCliTest, AnImportLeavesEveryReferenceIntact) {
  // Imports write without foreign key checks (corpus/project.h BulkWrite):
  // every id they write must still point at a row.
  dir_.Write("v.csv",
             "story,respondent,gemeente,motivatie,taal,werk,zorg,text\n"
             "S1,R1,Ede,0.2,0.5,0.25,0.25,Een\nS2,R1,Ede,NA,,,,Twee\nS3,R2,Epe,0.9,0,1,0,Drie\n");
  dir_.Write("m.yaml",
             "story: story\nrespondent: respondent\ntext: text\n"
             "respondent_variables:\n  gemeente: {type: text}\n"
             "signifiers:\n  motivatie: {type: dyad, low: moeten, high: willen}\n"
             "  belang: {type: triad, columns: [taal, werk, zorg]}\n");
  const auto r = RunVerhaal({"import", "csv", "v.csv", "--mapping", "m.yaml"}, dir_.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Project project = Project::Open(dir_ / "t.verhaal");
  EXPECT_EQ(project.db().execAndGet("SELECT count(*) FROM pragma_foreign_key_check").getInt(), 0);
  EXPECT_EQ(project.db().execAndGet("SELECT count(*) FROM signifier_value").getInt(), 5);
  EXPECT_EQ(project.db().execAndGet("SELECT count(*) FROM respondent_value").getInt(), 2);
  EXPECT_EQ(project.db().execAndGet("PRAGMA foreign_keys").getInt(), 1);
  EXPECT_EQ(project.db().execAndGet("PRAGMA journal_mode").getString(), "wal");
}

// The full-text index of a first import is built in a side file beside the
// project (corpus/fts_side_index.h), which must not outlive the command.
TEST_F(ImportCliTest, AFirstImportIsSearchableAndLeavesNoSideFile) {
  dir_.Write("bad.csv", "story,text\nS1,Over de taalschool\nS1,Nog een keer\n");
  dir_.Write("v.csv", "story,text\nS1,Over de taalschool\nS2,Over het werk\n");
  const std::set<std::string> before = Files();
  const auto bad = RunVerhaal({"import", "csv", "bad.csv", "--text", "text"}, dir_.path());
  EXPECT_EQ(bad.exit_code, 65) << bad.err;
  EXPECT_EQ(Files(), before);
  EXPECT_EQ(RunVerhaal({"search", "taalschool"}, dir_.path()).err, "0 stories match\n");
  const auto r = RunVerhaal({"import", "csv", "v.csv", "--text", "text"}, dir_.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Files(), before);
  const auto search = RunVerhaal({"search", "taalschool"}, dir_.path());
  EXPECT_EQ(search.exit_code, 0);
  EXPECT_NE(search.out.find("S1"), std::string::npos) << search.out;
  EXPECT_EQ(search.out.find("S2"), std::string::npos) << search.out;
  EXPECT_EQ(search.err, "1 story matches\n");
}

TEST_F(ImportCliTest, DryRunWritesNothing) {
  dir_.Write("v.csv", "story,text\nS1,Een\n");
  const auto r = RunVerhaal({"import", "csv", "v.csv", "--text", "text", "--dry-run"}, dir_.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err,
            "dry run of v.csv: would add 1 story, would update 0, 0 unchanged; 0 new "
            "respondents, 0 new variables, 0 new signifiers; nothing was written\n");
  EXPECT_EQ(Stories(), 0);
}

TEST_F(ImportCliTest, AFailingImportLeavesTheProjectUnchanged) {
  dir_.Write("v.csv", "story,text\nS1,Een\nS1,Twee\n");
  const auto r = RunVerhaal({"import", "csv", "v.csv", "--text", "text"}, dir_.path());
  EXPECT_EQ(r.exit_code, 65);
  EXPECT_NE(r.err.find("verhaal: error: v.csv:3:1: story key 'S1' appears twice in this import "
                       "(first at v.csv:2); give every story its own key\n  S1,Twee\n  ^\n"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(Stories(), 0);
}

// A device is no file: /dev/zero never ends (the encoding guess read it for
// ever), so every importer refuses it at once (issue 26).
TEST_F(ImportCliTest, ADeviceIsRefusedNotReadForever) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"import", "csv", "/dev/zero", "--text", "text"},
        {"import", "transcript", "/dev/zero"},
        {"import", "spryng", "/dev/zero"}}) {
    const auto r = RunVerhaal(args, dir_.path());
    EXPECT_EQ(r.exit_code, 65) << args[1] << ": " << r.err;
    EXPECT_NE(r.err.find("/dev/zero is a device, not a file; give a file"), std::string::npos)
        << args[1] << ": " << r.err;
  }
  EXPECT_EQ(Stories(), 0);
}

// When the project file cannot grow (as on a full disk), the import says which
// file and what to do, exits 74, and leaves the project and folder as they were.
TEST_F(ImportCliTest, AFileThatCannotGrowFailsNamedAndChangesNothing) {
  std::string csv = "story,text\n";
  for (int i = 0; i < 2000; ++i) {
    csv += "S" + std::to_string(i) + ",Het gesprek over werk en taal nummer " + std::to_string(i) +
           " ging over de cursus en de klantmanager\n";
  }
  dir_.Write("v.csv", csv);
  const std::set<std::string> before = Files();
  const uint64_t size = std::filesystem::file_size(dir_ / "t.verhaal");
  const auto r = RunVerhaal({"import", "csv", "v.csv", "--text", "text"}, dir_.path(), "", size);
  EXPECT_EQ(r.exit_code, 74) << r.err;
  EXPECT_EQ(r.err.rfind("verhaal: error: cannot read or write t.verhaal (", 0), 0u) << r.err;
  EXPECT_NE(r.err.find("; check the disk and the permissions of the file and its folder; the "
                       "command changed nothing\n"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(Files(), before);
  EXPECT_EQ(std::filesystem::file_size(dir_ / "t.verhaal"), size);
  EXPECT_EQ(Stories(), 0);
  const auto again = RunVerhaal({"import", "csv", "v.csv", "--text", "text"}, dir_.path());
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(Stories(), 2000);
}

TEST_F(ImportCliTest, ChangedStoryNeedsUpdate) {
  dir_.Write("v.csv", "story,text\nS1,Een\n");
  ASSERT_EQ(RunVerhaal({"import", "csv", "v.csv", "--text", "text"}, dir_.path()).exit_code, 0);
  dir_.Write("v.csv", "story,text\nS1,Een en meer\n");
  const auto kept = RunVerhaal({"import", "csv", "v.csv", "--text", "text"}, dir_.path());
  EXPECT_EQ(kept.exit_code, 0);
  EXPECT_NE(kept.err.find("verhaal: warning: story S1 (v.csv:2) differs from the one in the "
                          "project; kept the stored one (import with --update to replace it)\n"),
            std::string::npos)
      << kept.err;
  const auto updated =
      RunVerhaal({"import", "csv", "v.csv", "--text", "text", "--update"}, dir_.path());
  EXPECT_EQ(updated.exit_code, 0);
  Project project = Project::Open(dir_ / "t.verhaal");
  EXPECT_EQ(FindStory(project, "S1")->text, "Een en meer");
}

TEST_F(ImportCliTest, MappingErrorsAreLocated) {
  dir_.Write("v.csv", "story,tekst\nS1,Een\n");
  dir_.Write("m.yaml", "story: story\ntext: text\n");
  const auto r = RunVerhaal({"import", "csv", "v.csv", "--mapping", "m.yaml"}, dir_.path());
  EXPECT_EQ(r.exit_code, 65);
  EXPECT_EQ(r.err,
            "verhaal: error: m.yaml:2:7: column 'text' is not in v.csv; did you mean 'tekst'? "
            "(its columns: story, tekst)\n  text: text\n        ^\n");
}

TEST_F(ImportCliTest, FolderAndTranscript) {
  std::filesystem::create_directory(dir_ / "verhalen");
  dir_.Write("verhalen/a.txt", "---\nrespondent: SH-01\n---\nVerhaal A\n");
  dir_.Write("verhalen/b.md", "Verhaal B\n");
  const auto folder =
      RunVerhaal({"import", "folder", "verhalen", "--role", "statushouder"}, dir_.path());
  ASSERT_EQ(folder.exit_code, 0) << folder.err;
  dir_.Write("gesprek.txt", "Interviewer: Vraag?\nR: Antwoord.\n");
  const auto transcript =
      RunVerhaal({"import", "transcript", "gesprek.txt", "--respondent", "SH-01"}, dir_.path());
  ASSERT_EQ(transcript.exit_code, 0) << transcript.err;
  EXPECT_EQ(transcript.err,
            "gesprek.txt: added 1 story, updated 0, 0 unchanged; 0 new respondents, 0 new "
            "variables, 0 new signifiers\n");
  EXPECT_EQ(Stories(), 3);
}

TEST_F(ImportCliTest, TheExampleStudyImportsCleanly) {
  const auto examples = testing::SourceDir() / "examples" / "statushouders";
  for (const std::string name : {"statushouders", "klantmanagers"}) {
    const auto r = RunVerhaal({"import", "csv", (examples / (name + ".csv")).string(), "--mapping",
                               (examples / (name + ".mapping.yaml")).string()},
                              dir_.path());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err.find("warning"), std::string::npos) << r.err;
  }
  EXPECT_GT(Stories(), 40);
}

}  // namespace
}  // namespace verhaal

namespace verhaal {
namespace {

class ImportEncodingCliTest : public ::testing::Test {
 protected:
  ImportEncodingCliTest() {
    const auto init = testing::RunVerhaal({"init", "t.verhaal"}, dir_.path());
    EXPECT_EQ(init.exit_code, 0) << init.err;
  }
  std::optional<Story> Find(const std::string& key) {
    Project project = Project::Open(dir_ / "t.verhaal");
    return FindStory(project, key);
  }
  testing::TempDir dir_;
};

TEST_F(ImportEncodingCliTest, AWindows1252FileIsReadAsSuchWithAWarningThatSaysHowToNameAnother) {
  dir_.Write("w.csv", "story,tekst\nS1,Ons caf\xE9 en de co\xF6peratie: \x93goed\x94\n");
  const auto r = testing::RunVerhaal({"import", "csv", "w.csv", "--text", "tekst"}, dir_.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("verhaal: warning: w.csv is not UTF-8 (byte 0xE9 at line 2, column 11 is "
                       "not UTF-8), so it is read as Windows-1252"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("--encoding"), std::string::npos);
  // The printed mapping pins the encoding, so importing with it again needs no guess.
  EXPECT_NE(r.out.find("encoding: windows-1252"), std::string::npos) << r.out;
  const auto story = Find("S1");
  ASSERT_TRUE(story);
  EXPECT_EQ(story->text, "Ons caf\xC3\xA9 en de co\xC3\xB6peratie: \xE2\x80\x9Cgoed\xE2\x80\x9D");
  // Named, it is read so without a warning.
  dir_.Write("l.csv", "story,tekst\nS2,\xE9\xE8\n");
  const auto named = testing::RunVerhaal(
      {"import", "csv", "l.csv", "--text", "tekst", "--encoding", "latin-1"}, dir_.path());
  ASSERT_EQ(named.exit_code, 0) << named.err;
  EXPECT_EQ(named.err.find("warning"), std::string::npos) << named.err;
  EXPECT_EQ(Find("S2")->text, "\xC3\xA9\xC3\xA8");
}

TEST_F(ImportEncodingCliTest, AUtf16FileWithItsByteOrderMarkIsRead) {
  // "story,tekst\nS1,café\n" in UTF-16LE after FF FE.
  std::string bytes = "\xFF\xFE";
  for (char16_t c : std::u16string(u"story,tekst\nS1,caf\u00e9\n")) {
    bytes += static_cast<char>(c & 0xFF);
    bytes += static_cast<char>(c >> 8);
  }
  dir_.Write("u.csv", bytes);
  const auto r = testing::RunVerhaal({"import", "csv", "u.csv", "--text", "tekst"}, dir_.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("verhaal: warning: u.csv is read as UTF-16"), std::string::npos) << r.err;
  EXPECT_EQ(Find("S1")->text, "caf\xC3\xA9");
}

TEST_F(ImportEncodingCliTest, HeaderNamesMatchWhateverTheirCase) {
  dir_.Write("v.csv", "ID,Respondent,Rol,Verhaal\nS1,R1,x,Een verhaal\n");
  const auto r = testing::RunVerhaal({"import", "csv", "v.csv", "--text", "verhaal"}, dir_.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("story: ID\nrespondent: Respondent\nrole: Rol\ntext: Verhaal\n"),
            std::string::npos)
      << r.out;
  const auto story = Find("S1");
  ASSERT_TRUE(story) << r.out;
  EXPECT_EQ(story->respondent_key, "R1");
  EXPECT_EQ(story->role, "x");
  EXPECT_EQ(story->text, "Een verhaal");
  // A mapping's names match too.
  dir_.Write("m.yaml", "story: id\nrespondent: RESPONDENT\ntext: verhaal\nignore: [rol]\n");
  dir_.Write("w.csv", "ID,Respondent,Rol,Verhaal\nS2,R2,x,Twee\n");
  const auto mapped =
      testing::RunVerhaal({"import", "csv", "w.csv", "--mapping", "m.yaml"}, dir_.path());
  ASSERT_EQ(mapped.exit_code, 0) << mapped.err;
  EXPECT_EQ(Find("S2")->respondent_key, "R2");
  // Two columns that differ only in case: the name must be exact.
  dir_.Write("x.csv", "ID,Id,Respondent,Rol,Verhaal\nS3,S4,R3,x,Drie\n");
  const auto both =
      testing::RunVerhaal({"import", "csv", "x.csv", "--mapping", "m.yaml"}, dir_.path());
  EXPECT_EQ(both.exit_code, 65) << both.err;
  EXPECT_NE(both.err.find("column 'id' could be 'ID' or 'Id', which differ only in upper and "
                          "lower case; name one exactly"),
            std::string::npos)
      << both.err;
}

}  // namespace
}  // namespace verhaal
