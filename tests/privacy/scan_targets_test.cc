// What ScanProject reads besides story texts (privacy/project_scan.h): the
// free-text answers to signifiers and the speakers of a transcript's turns,
// and how the clean copy replaces them (privacy/clean_copy.h): the answer
// rewritten, the speaker renamed in every turn, the turns still on their
// words.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "corpus/project.h"
#include "corpus/signifiers.h"
#include "corpus/speaker_turns.h"
#include "corpus/stories.h"
#include "privacy/clean_copy.h"
#include "privacy/detector.h"
#include "privacy/dutch_words.h"
#include "privacy/policy.h"
#include "privacy/project_scan.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::TempDir;

// "Hoe gaat het?" asked by the interviewer (0:13), the answer by Yonas
// Tesfay (14:53), whose name is only in the turn's label, and another
// question (54:68).
constexpr const char* kInterview =
    "Hoe gaat het?\nGoed, ik werk nu drie dagen in de week.\nEn je taalles?";

class ScanTargetsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Project project = Project::Create(dir_ / "p.verhaal", "p");
    Transaction transaction(project);
    Story story;
    story.key = "I1";
    story.text = kInterview;
    story_id_ = AddStory(project, story);
    ReplaceSpeakerTurns(project, story_id_,
                        {{0, "Interviewer", true, 0, 13, ""},
                         {1, "Yonas Tesfay", false, 14, 53, ""},
                         {2, "Interviewer", true, 54, 68, ""}});
    Signifier signifier;
    signifier.key = "toelichting";
    signifier.type = SignifierType::kFreetext;
    signifier.title = "Wil je nog iets toelichten?";
    EnsureSignifier(project, signifier);
    SignifierValue answer;
    answer.text = "Mijn buurvrouw Amina Yusuf uit Harderwijk hielp mij.";
    SetSignifierValue(project, *FindSignifier(project, "toelichting"), story_id_, answer);
    transaction.Commit();
  }

  std::vector<Field> Scan(Project& project) {
    Detector detector(DefaultPolicy(), DutchWords::Load(kDebianDutchWordList));
    return ScanProject(project, detector, Decisions{});
  }

  // The detected words of the field labelled `label`, as "CATEGORY:words".
  static std::vector<std::string> Found(const std::vector<Field>& fields,
                                        const std::string& label) {
    std::vector<std::string> found;
    for (const Field& f : fields) {
      if (FieldLabel(f) != label) continue;
      for (const Detection& d : f.detections) {
        found.push_back(std::string(CategoryName(d.category)) + ":" +
                        f.text.substr(d.begin, d.end - d.begin));
      }
    }
    return found;
  }

  TempDir dir_;
  int64_t story_id_ = 0;
};

TEST_F(ScanTargetsTest, FreeTextAnswersAndSpeakersAreScanned) {
  Project project = Project::Open(dir_ / "p.verhaal");
  const std::vector<Field> fields = Scan(project);
  EXPECT_EQ(Found(fields, "signifier toelichting"),
            (std::vector<std::string>{"PERSOON:Amina Yusuf", "PLAATS:Harderwijk"}));
  EXPECT_EQ(Found(fields, "speaker"), (std::vector<std::string>{"PERSOON:Yonas Tesfay"}));
  // Each speaker once per story; the interviewer's label is found by nothing.
  int speakers = 0;
  for (const Field& f : fields) speakers += f.kind == FieldKind::kSpeaker;
  EXPECT_EQ(speakers, 2);
}

TEST_F(ScanTargetsTest, TheCleanCopyReplacesTheAnswerAndRenamesTheSpeaker) {
  Project original = Project::Open(dir_ / "p.verhaal");
  const std::vector<Field> fields = Scan(original);
  CleanCopyOptions options;
  options.out = dir_ / "schoon.verhaal";
  options.key = dir_ / "schoon.key";
  options.passphrase = "een lange zin als wachtwoord";
  options.created = "2026-12-07T04:30:00Z";
  WriteCleanCopy(original, fields, options);

  Project copy = Project::Open(options.out);
  const auto answer = GetSignifierValue(copy, *FindSignifier(copy, "toelichting"), story_id_);
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->text, "Mijn buurvrouw [PERSOON-2] uit [PLAATS-1] hielp mij.");
  const std::vector<SpeakerTurn> turns = ListSpeakerTurns(copy, story_id_);
  ASSERT_EQ(turns.size(), 3u);
  EXPECT_EQ(turns[0].speaker, "Interviewer");
  EXPECT_EQ(turns[1].speaker, "[PERSOON-1]");
  EXPECT_EQ(turns[2].speaker, "Interviewer");
  EXPECT_EQ(turns[1].start, 14);  // the text had nothing to replace
  EXPECT_EQ(turns[1].end, 53);
  EXPECT_EQ(FindStoryById(copy, story_id_)->text, kInterview);
  // The original keeps them.
  EXPECT_EQ(ListSpeakerTurns(original, story_id_)[1].speaker, "Yonas Tesfay");
}

}  // namespace
}  // namespace verhaal
