// Tests of interview transcripts and story folders (importers/transcript.h,
// importers/story_folder.h).
#include "importers/transcript.h"

#include <gtest/gtest.h>

#include "base/text.h"
#include "corpus/speaker_turns.h"
#include "corpus/stories.h"
#include "corpus/variables.h"
#include "importers/story_folder.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

struct Turn {
  std::string speaker;
  bool interviewer;
  std::string words;
  std::string timestamp;
  bool operator==(const Turn&) const = default;
};

std::vector<Turn> Turns(const std::string& text) {
  std::vector<Turn> out;
  for (const auto& t : ParseTranscript(text, kDefaultInterviewers)) {
    out.push_back(Turn{t.speaker, t.interviewer,
                       std::string(SliceCodePoints(text, static_cast<size_t>(t.start),
                                                   static_cast<size_t>(t.end))),
                       t.timestamp});
  }
  return out;
}

TEST(TranscriptTest, FindsTurnsInEachStyle) {
  EXPECT_EQ(Turns("Interviewer: Hoe ging het?\nR: Goed.\nHeel goed zelfs.\n"),
            (std::vector<Turn>{{"Interviewer", true, "Hoe ging het?", ""},
                               {"R", false, "Goed.\nHeel goed zelfs.", ""}}));
  EXPECT_EQ(Turns("Gesprek 3, Ede\n\n[00:12:03] Onderzoeker: Vertel.\n[00:12:09] Amina Yusuf: "
                  "Ik zei: nee.\n\n"),
            (std::vector<Turn>{{"Onderzoeker", true, "Vertel.", "00:12:03"},
                               {"Amina Yusuf", false, "Ik zei: nee.", "00:12:09"}}));
  // A colon inside a sentence is not a new turn; "één" counts as one code point each.
  EXPECT_EQ(Turns("I: één vraag\nR: toen zei ik tegen haar: dat wil ik\n"),
            (std::vector<Turn>{{"I", true, "één vraag", ""},
                               {"R", false, "toen zei ik tegen haar: dat wil ik", ""}}));
  EXPECT_TRUE(Turns("Geen beurten hier.\nook niet: hier\n").empty());
}

TEST(TranscriptTest, ImportsOneInterviewStoryWithTurns) {
  testing::TempDir dir;
  Project project = Project::Create(dir / "t.verhaal", "t");
  const auto file = dir.Write("sh07.txt", "Interviewer: Hoe ging het?\r\nR: Goed.\r\n");
  TranscriptOptions options;
  options.respondent = "SH-07";
  {
    Transaction t(project);
    EXPECT_EQ(ImportTranscript(project, file, options, {}).stories_added, 1);
    t.Commit();
  }
  const auto story = *FindStory(project, "sh07");
  EXPECT_EQ(story.kind, "interview");
  EXPECT_EQ(story.text, "Interviewer: Hoe ging het?\nR: Goed.\n");
  const auto turns = ListSpeakerTurns(project, story.id);
  ASSERT_EQ(turns.size(), 2u);
  EXPECT_EQ(turns[1].speaker, "R");
  EXPECT_EQ(turns[1].start, 30);
  EXPECT_EQ(turns[1].end, 35);
  Transaction again(project);
  EXPECT_FALSE(ImportTranscript(project, file, options, {}).changed());
}

TEST(TranscriptTest, NoTurnsIsAnError) {
  testing::TempDir dir;
  Project project = Project::Create(dir / "t.verhaal", "t");
  const auto file = dir.Write("x.txt", "zomaar tekst\n");
  try {
    ImportTranscript(project, file, {}, {});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.message(),
              "no speaker turns found; start each turn with a label like \"Interviewer: \", "
              "\"R: \" or \"[00:12:03] Amina: \" (see docs/transcripts.md)");
  }
}

TEST(StoryFolderTest, ImportsFilesWithFrontMatter) {
  testing::TempDir dir;
  Project project = Project::Create(dir / "t.verhaal", "t");
  std::filesystem::create_directory(dir / "verhalen");
  dir.Write(
      "verhalen/sh-01.md",
      "---\nrespondent: SH-01\nwave: 2\ndate: 2025-04-01\ngemeente: Ede\n---\nMijn verhaal.\n");
  dir.Write("verhalen/sh-02.txt", "\xEF\xBB\xBFGeen front matter.\r\n");
  dir.Write("verhalen/notities.doc", "overgeslagen");
  StoryFolderOptions defaults;
  defaults.role = "statushouder";
  Transaction t(project);
  const auto report = ImportStoryFolder(project, dir / "verhalen", defaults, {});
  EXPECT_EQ(report.stories_added, 2);
  const auto one = *FindStory(project, "sh-01");
  EXPECT_EQ(one.respondent_key, "SH-01");
  EXPECT_EQ(one.role, "statushouder");
  EXPECT_EQ(one.wave, 2);
  EXPECT_EQ(one.text, "Mijn verhaal.\n");
  EXPECT_EQ(one.source_line, 7);
  EXPECT_EQ(StoryValues(project, one.id).at("gemeente"), "Ede");
  EXPECT_EQ(FindStory(project, "sh-02")->text, "Geen front matter.\n");
}

TEST(StoryFolderTest, BadFrontMatterIsLocated) {
  testing::TempDir dir;
  Project project = Project::Create(dir / "t.verhaal", "t");
  std::filesystem::create_directory(dir / "v");
  dir.Write("v/a.txt", "---\nrespondent: SH-01\nwave: twee\n---\nTekst\n");
  try {
    ImportStoryFolder(project, dir / "v", {}, {});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.Describe(), (dir / "v/a.txt").string() +
                                ":3:7: 'twee' is not an integer\n  wave: twee\n        ^");
  }
  dir.Write("v/a.txt", "---\nrespondent: SH-01\nTekst\n");
  EXPECT_THROW(ImportStoryFolder(project, dir / "v", {}, {}), Error);
  // A key that is a list: a located data error, not yaml-cpp's "bad
  // conversion" escaping as an internal error.
  dir.Write("v/a.txt", "---\n? [respondent, rol]\n: SH-01\n---\nTekst\n");
  try {
    ImportStoryFolder(project, dir / "v", {}, {});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kData);
    const std::string expected =
        (dir / "v/a.txt").string() +
        ":2:3: a key of the front matter must be a name, not a list or a map";
    EXPECT_EQ(e.Describe().substr(0, expected.size()), expected);
  }
}

}  // namespace
}  // namespace verhaal
