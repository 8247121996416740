// What ScanProject reads besides story texts (privacy/project_scan.h): the
// free-text answers to signifiers and the speakers of a transcript's turns,
// the story's own date and date variables, and how the clean copy replaces
// them (privacy/clean_copy.h): the answer rewritten, the speaker renamed in
// every turn, the turns still on their words, the dates replaced.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "corpus/memos.h"
#include "corpus/project.h"
#include "corpus/signifiers.h"
#include "corpus/speaker_turns.h"
#include "corpus/stories.h"
#include "corpus/variables.h"
#include "privacy/clean_copy.h"
#include "privacy/detector.h"
#include "privacy/dutch_words.h"
#include "privacy/patterns.h"
#include "privacy/policy.h"
#include "privacy/project_scan.h"
#include "privacy/pseudonyms.h"
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

// Memos are the researcher's Dutch: a name no list knows, capitalised in the
// middle of a sentence, is found there as in a Dutch story (memos and coding
// memos were scanned as text in another language, where such a word is not
// taken for a name).
TEST_F(ScanTargetsTest, AMemoIsScannedAsDutch) {
  {
    Project project = Project::Open(dir_ / "p.verhaal");
    Memo memo;
    memo.story_id = story_id_;
    memo.author = "anna";
    memo.text = "Na het gesprek belde Tsegereda nog over haar rooster.";
    AddMemo(project, memo);
  }
  Project project = Project::Open(dir_ / "p.verhaal");
  std::vector<std::string> found;
  for (const Field& f : Scan(project)) {
    if (f.kind != FieldKind::kMemo) continue;
    EXPECT_TRUE(f.dutch);
    for (const Detection& d : f.detections)
      found.push_back(f.text.substr(d.begin, d.end - d.begin));
  }
  EXPECT_EQ(found, (std::vector<std::string>{"Tsegereda"}));
}

// The scan reads the project in batches (ProjectScan): batches of one text
// give the same detections as one batch of everything, a name found in one
// batch is found in a later one (consistency), and decisions apply to
// whichever batch holds their story.
TEST_F(ScanTargetsTest, BatchesOfAnySizeGiveTheSameScan) {
  {
    Project project = Project::Open(dir_ / "p.verhaal");
    Transaction transaction(project);
    Story first;
    first.key = "S1";
    first.text = "Ik heet Tsegereda Haile en ik woon in Ermelo.";
    AddStory(project, first);
    Story second;
    second.key = "S2";
    second.title = "Werk bij Bouwbedrijf Van Dijk";
    second.text = "Op het werk vroeg Haile naar mijn rooster. Mevrouw Bakker hielp.";
    const int64_t second_id = AddStory(project, second);
    Memo memo;
    memo.story_id = second_id;
    memo.start = 0;
    memo.end = 6;
    memo.author = "anna";
    memo.text = "Tsegereda belde later nog.";
    AddMemo(project, memo);
    transaction.Commit();
  }
  Decisions decisions;
  decisions.reject.push_back({"S2", 43, 57, "", std::nullopt, "", {}});  // "Mevrouw Bakker"
  decisions.add.push_back({"S1", 40, 45, "", Category::kPlace, "", {}});
  Project project = Project::Open(dir_ / "p.verhaal");
  const auto scan = [&](size_t batch_bytes) {
    Detector detector(DefaultPolicy(), DutchWords::Load(kDebianDutchWordList));
    ScanOptions options;
    options.batch_bytes = batch_bytes;
    return ScanProject(project, detector, decisions, options);
  };
  const std::vector<Field> whole = scan(size_t{1} << 30);
  const std::vector<Field> small = scan(1);
  ASSERT_EQ(whole.size(), small.size());
  for (size_t i = 0; i < whole.size(); ++i) {
    EXPECT_EQ(FieldLabel(whole[i]) + " " + whole[i].story,
              FieldLabel(small[i]) + " " + small[i].story);
    EXPECT_EQ(whole[i].text, small[i].text);
    ASSERT_EQ(whole[i].detections.size(), small[i].detections.size()) << whole[i].text;
    for (size_t j = 0; j < whole[i].detections.size(); ++j) {
      EXPECT_EQ(whole[i].detections[j].begin, small[i].detections[j].begin);
      EXPECT_EQ(whole[i].detections[j].end, small[i].detections[j].end);
      EXPECT_EQ(whole[i].detections[j].rule, small[i].detections[j].rule);
    }
  }
  const auto story_text = [&](const std::string& key) {
    std::vector<std::string> found;
    for (const Field& f : small) {
      if (f.story != key || f.kind != FieldKind::kStoryText) continue;
      for (const Detection& d : f.detections) {
        found.push_back(std::string(CategoryName(d.category)) + ":" +
                        f.text.substr(d.begin, d.end - d.begin));
      }
    }
    return found;
  };
  // "Haile" of S2 found because S1 named Tsegereda Haile; "Mevrouw Bakker"
  // rejected; "Ermelo" found and the added span "melo." overlapping it
  // resolved against it.
  EXPECT_EQ(story_text("S2"), (std::vector<std::string>{"PERSOON:Haile"}));
  EXPECT_EQ(Found(small, "memo " + std::to_string(1)),
            (std::vector<std::string>{"PERSOON:Tsegereda"}));
  const Pseudonyms in_batches(small, PseudonymStyle::kTags);
  const Pseudonyms at_once(whole, PseudonymStyle::kTags);
  ASSERT_EQ(in_batches.entries().size(), at_once.entries().size());
  for (size_t i = 0; i < at_once.entries().size(); ++i) {
    EXPECT_EQ(in_batches.entries()[i].pseudonym, at_once.entries()[i].pseudonym);
    EXPECT_EQ(in_batches.entries()[i].originals, at_once.entries()[i].originals);
  }
  EXPECT_EQ(in_batches.Of(Category::kPerson, "Haile"),
            in_batches.Of(Category::kPerson, "Tsegereda Haile"));
}

TEST_F(ScanTargetsTest, TheCleanCopyReplacesTheAnswerAndRenamesTheSpeaker) {
  Project original = Project::Open(dir_ / "p.verhaal");
  Detector detector(DefaultPolicy(), DutchWords::Load(kDebianDutchWordList));
  ProjectScan scan(original, detector, Decisions{});
  CleanCopyOptions options;
  options.out = dir_ / "schoon.verhaal";
  options.key = dir_ / "schoon.key";
  options.passphrase = "een lange zin als wachtwoord";
  options.created = "2026-12-07T04:30:00Z";
  WriteCleanCopy(original, scan, options);

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

// A story told on 3 April 2023, whose text names that day too, with a
// date variable (the interview's date) and a number variable.
class ScanDatesTest : public ScanTargetsTest {
 protected:
  void SetUp() override {
    Project project = Project::Create(dir_ / "d.verhaal", "d");
    Transaction transaction(project);
    Story story;
    story.key = "SH-01";
    story.date = "2023-04-03";
    story.text = "Op 03-04-2023 had ik mijn eerste werkdag.";
    dated_ = AddStory(project, story);
    Variable when;
    when.subject = VariableSubject::kStory;
    when.name = "interviewdatum";
    when.type = VariableType::kDate;
    SetStoryValue(project, dated_, EnsureVariable(project, when), "2023-05-01");
    Variable count;
    count.subject = VariableSubject::kStory;
    count.name = "kinderen";
    count.type = VariableType::kInteger;
    SetStoryValue(project, dated_, EnsureVariable(project, count), "3");
    transaction.Commit();
  }

  std::vector<Field> Scan(Project& project, const PrivacyPolicy& policy = DefaultPolicy()) {
    Detector detector(policy, DutchWords::Load(kDebianDutchWordList));
    return ScanProject(project, detector, Decisions{});
  }

  int64_t dated_ = 0;
};

TEST_F(ScanDatesTest, TheStoryDateAndDateVariablesAreFoundAsDates) {
  Project project = Project::Open(dir_ / "d.verhaal");
  const std::vector<Field> fields = Scan(project);
  EXPECT_EQ(Found(fields, "date"), (std::vector<std::string>{"DATUM:2023-04-03"}));
  EXPECT_EQ(Found(fields, "variable interviewdatum"),
            (std::vector<std::string>{"DATUM:2023-05-01"}));
  EXPECT_EQ(Found(fields, "text"), (std::vector<std::string>{"DATUM:03-04-2023"}));
  EXPECT_TRUE(Found(fields, "variable kinderen").empty());
  for (const Field& f : fields) {
    if (f.kind != FieldKind::kStoryDate) continue;
    EXPECT_EQ(f.story, "SH-01");
    ASSERT_EQ(f.detections.size(), 1u);
    EXPECT_EQ(f.detections[0].rule, "field:date");
  }
  // A policy that keeps dates finds none, in the fields or the text.
  PrivacyPolicy keep_dates = DefaultPolicy();
  std::erase(keep_dates.replace, Category::kDate);
  const std::vector<Field> kept = Scan(project, keep_dates);
  EXPECT_TRUE(Found(kept, "date").empty());
  EXPECT_TRUE(Found(kept, "variable interviewdatum").empty());
  EXPECT_TRUE(Found(kept, "text").empty());
  // Leaving the variable alone by name skips it.
  PrivacyPolicy skip = DefaultPolicy();
  skip.skip_variables = {"interviewdatum"};
  EXPECT_TRUE(Found(Scan(project, skip), "variable interviewdatum").empty());
}

TEST_F(ScanDatesTest, TheCleanCopyReplacesTheStoryDateAndDateVariables) {
  Project original = Project::Open(dir_ / "d.verhaal");
  Detector detector(DefaultPolicy(), DutchWords::Load(kDebianDutchWordList));
  ProjectScan scan(original, detector, Decisions{});
  CleanCopyOptions options;
  options.out = dir_ / "schoon.verhaal";
  options.key = dir_ / "schoon.key";
  options.passphrase = "een lange zin als wachtwoord";
  options.created = "2026-12-07T14:00:00Z";
  const CleanCopyReport report = WriteCleanCopy(original, scan, options);
  EXPECT_EQ(report.counts.at(Category::kDate), 3);

  Project copy = Project::Open(options.out);
  const std::optional<Story> story = FindStoryById(copy, dated_);
  ASSERT_TRUE(story);
  // Typed pseudonyms as for dates in the text, one per day however it is
  // written (03-04-2023 in the text is the story's date 2023-04-03),
  // numbered in the order found: the text, the story's date, variables.
  EXPECT_EQ(story->text, "Op [DATUM-1] had ik mijn eerste werkdag.");
  EXPECT_EQ(story->date, "[DATUM-1]");
  const auto values = StoryValues(copy, dated_);
  EXPECT_EQ(values.at("interviewdatum"), "[DATUM-2]");
  EXPECT_EQ(values.at("kinderen"), "3");
  // The original keeps them.
  EXPECT_EQ(FindStoryById(original, dated_)->date, "2023-04-03");
  EXPECT_EQ(StoryValues(original, dated_).at("interviewdatum"), "2023-05-01");
}

// A date is the day it names: "12 maart 2021", "12-03-2021", "12/3/2021"
// and a story's date 2021-03-12 get one pseudonym, and the key holds every
// form; a month is a month ("maart 2021", "mrt. 2021"); another day is
// another entity. (Matched on the text before: four pseudonyms.)
TEST(DatePseudonymsTest, OneDayHoweverItIsWrittenIsOnePseudonym) {
  std::vector<Field> fields;
  for (const char* text : {"12 maart 2021", "12-03-2021", "12/3/2021", "2021-03-12", "12-3-21",
                           "13 maart 2021", "maart 2021", "mrt. 2021", "12 maart"}) {
    Field field;
    field.text = text;
    field.detections = {{0, field.text.size(), Category::kDate, "pattern:date"}};
    fields.push_back(field);
  }
  const Pseudonyms pseudonyms(fields, PseudonymStyle::kTags);
  const std::string& day = pseudonyms.Of(Category::kDate, "12 maart 2021");
  EXPECT_EQ(day, "[DATUM-1]");
  for (const char* same : {"12-03-2021", "12/3/2021", "2021-03-12", "12-3-21", "12 Maart 2021"}) {
    EXPECT_EQ(pseudonyms.Of(Category::kDate, same), day) << same;
  }
  EXPECT_EQ(pseudonyms.Of(Category::kDate, "13 maart 2021"), "[DATUM-2]");
  EXPECT_EQ(pseudonyms.Of(Category::kDate, "maart 2021"), "[DATUM-3]");
  EXPECT_EQ(pseudonyms.Of(Category::kDate, "mrt. 2021"), "[DATUM-3]");
  EXPECT_EQ(pseudonyms.Of(Category::kDate, "12 maart"), "[DATUM-4]");
  ASSERT_EQ(pseudonyms.entries().size(), 4u);
  EXPECT_EQ(pseudonyms.entries()[0].originals,
            (std::vector<std::string>{"12 maart 2021", "12-03-2021", "12/3/2021", "2021-03-12",
                                      "12-3-21"}));
  EXPECT_EQ(CanonicalDate("12 maart 2021"), "2021-03-12");
  EXPECT_EQ(CanonicalDate("mrt. 2021"), "2021-03");
  EXPECT_EQ(CanonicalDate("12 maart"), "--03-12");
  EXPECT_EQ(CanonicalDate("3 jaar"), "");
}

}  // namespace
}  // namespace verhaal
