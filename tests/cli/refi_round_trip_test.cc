// verhaal -> .qdpx -> verhaal through the real binary (issue 25): `export
// refi` of a project with everything a study holds, `import refi` into a new
// project, and the two compared field by field: stories, respondents and
// their variables, codes, codings with their memos, memos, signifiers with
// their answers, and an interview's speaker turns.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/memos.h"
#include "corpus/respondents.h"
#include "corpus/signifiers.h"
#include "corpus/speaker_turns.h"
#include "corpus/stories.h"
#include "corpus/variables.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::RunVerhaal;
using testing::TempDir;

void FillProject(Project& project) {
  const int64_t amina = EnsureRespondent(project, "R-1", "statushouder");
  Variable gemeente{0, VariableSubject::kRespondent, "gemeente", "", VariableType::kText, {}};
  SetRespondentValue(project, amina, EnsureVariable(project, gemeente), "Zoetermeer");
  Variable score{0, VariableSubject::kStory, "score", "", VariableType::kInteger, {}};
  const int64_t score_id = EnsureVariable(project, score);

  Story a;
  a.key = "S-1";
  a.respondent_id = amina;
  a.kind = "experience";
  a.title = "Naar werk";
  a.text = "Mijn klantmanager zei: je moet. Ik wíl juist werken \xF0\x9F\x98\x80.";
  const int64_t story_a = AddStory(project, a);
  SetStoryValue(project, story_a, score_id, "7");
  Story b;
  b.key = "Interview 2";
  b.kind = "interview";
  b.text = "Hoe gaat het?\nHet gaat goed, ik werk nu.";
  const int64_t story_b = AddStory(project, b);
  ReplaceSpeakerTurns(
      project, story_b,
      {{0, "Interviewer", true, 0, 13, "00:00:05"}, {1, "Amina", false, 14, 40, ""}});

  Signifier dyad;
  dyad.key = "motivatie";
  dyad.type = SignifierType::kDyad;
  dyad.title = "Waarom deed u mee?";
  dyad.x_low = "ik moest";
  dyad.x_high = "ik wilde";
  dyad.id = EnsureSignifier(project, dyad);
  Signifier triad;
  triad.key = "steun";
  triad.type = SignifierType::kTriad;
  triad.title = "Wie hielp?";
  triad.source = "sensemaker";
  // Anchor keys of its own (not top, left, right) and one without a label.
  triad.options = {{"familie", "mijn familie"}, {"gemeente", ""}, {"vrienden", "vrienden"}};
  triad.id = EnsureSignifier(project, triad);
  Signifier list;
  list.key = "hulp";
  list.type = SignifierType::kList;
  list.title = "Welke hulp?";
  list.multiple = true;
  // An item key that holds "; ", which also separates the chosen keys in the
  // variable's value, beside a key that is its first part.
  list.options = {{"taal", "taalles"},
                  {"werk", "werkcoach"},
                  {"werk; opleiding", "werk of opleiding"},
                  {"geld", "uitkering"}};
  list.id = EnsureSignifier(project, list);
  Signifier single;
  single.key = "woonplaats";
  single.type = SignifierType::kList;
  single.title = "Waar woont u?";
  single.multiple = false;
  single.options = {{"stad", "in de stad"}, {"dorp", ""}};
  single.id = EnsureSignifier(project, single);
  Signifier stones;
  stones.key = "kaart";
  stones.type = SignifierType::kStones;
  stones.title = "Waar staat u?";
  stones.x_low = "alleen";
  stones.x_high = "samen";
  stones.y_low = "onzeker";
  stones.y_high = "zeker";
  // A stone key with a colon, as in the variable's name signifier:kaart:op:werk:x.
  stones.options = {{"op:werk", "op het werk"}, {"thuis", ""}};
  stones.id = EnsureSignifier(project, stones);
  Signifier text;
  text.key = "toelichting";
  text.type = SignifierType::kFreetext;
  // No title: the export shows the key, the import keeps it empty.
  text.id = EnsureSignifier(project, text);
  SignifierValue at;
  at.x = 0.75;
  SetSignifierValue(project, dyad, story_a, at);
  SignifierValue shares;
  shares.triad = {0.5, 0.25, 0.25};
  SetSignifierValue(project, triad, story_a, shares);
  SignifierValue chosen;
  chosen.items = {0, 2, 3};
  SetSignifierValue(project, list, story_a, chosen);
  SignifierValue two;
  two.items = {1, 2};
  SetSignifierValue(project, list, story_b, two);
  SignifierValue one;
  one.items = {1};
  SetSignifierValue(project, single, story_a, one);
  SignifierValue placed;
  placed.stones = {StonePlacement{0.2, 0.9}, std::nullopt};
  SetSignifierValue(project, stones, story_a, placed);
  SignifierValue words;
  words.text = "Het was zwaar; nu beter.";
  SetSignifierValue(project, text, story_a, words);
  SignifierValue none;
  none.not_applicable = true;
  SetSignifierValue(project, dyad, story_b, none);

  Code werk;
  werk.name = "werk";
  const int64_t werk_id = AddCode(project, werk);
  Code moeten;
  moeten.name = "moeten";
  const int64_t moeten_id = AddCode(project, moeten);
  Coding coding;
  coding.story_id = story_a;
  coding.code_id = moeten_id;
  coding.coder_id = EnsureCoder(project, "anna");
  coding.start = 23;
  coding.end = 30;
  coding.created = "2025-03-01T09:30:00Z";
  coding.memo = "Dwang, zegt ze.";
  AddCoding(project, coding);
  coding.code_id = werk_id;
  coding.coder_id = EnsureCoder(project, "bram");
  coding.start = 32;
  coding.end = 52;
  coding.memo.clear();
  AddCoding(project, coding);
  coding.story_id = story_b;
  coding.start = 14;
  coding.end = 40;
  AddCoding(project, coding);

  Memo on_span;
  on_span.story_id = story_a;
  on_span.start = 32;
  on_span.end = 52;
  on_span.author = "anna";
  on_span.title = "kern";
  on_span.text = "Hier zit de omslag.";
  on_span.created = "2025-03-02T10:00:00Z";
  AddMemo(project, on_span);
  Memo on_code;
  on_code.code_id = werk_id;
  on_code.author = "bram";
  on_code.text = "Betaald of vrijwillig werk.";
  on_code.created = "2025-03-02T10:00:00Z";
  AddMemo(project, on_code);
  Memo on_project;
  on_project.author = "anna";
  on_project.title = "opzet";
  on_project.text = "Tweede ronde.";
  on_project.created = "2025-03-02T10:00:00Z";
  AddMemo(project, on_project);
}

std::vector<std::string> CodingRows(Project& project) {
  std::vector<std::string> rows;
  for (const Coding& c : ListCodings(project)) {
    rows.push_back(c.story_key + " " + c.code_path + " " + c.coder + " " + std::to_string(c.start) +
                   "-" + std::to_string(c.end) + " " + c.created + " memo=" + c.memo);
  }
  return rows;
}

std::vector<std::string> MemoRows(Project& project) {
  std::vector<std::string> rows;
  for (const Memo& m : ListMemos(project)) {
    rows.push_back(m.story_key + "|" + m.code_path + "|" +
                   (m.start ? std::to_string(*m.start) + "-" + std::to_string(*m.end) : "") + "|" +
                   m.author + "|" + m.title + "|" + m.text);
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

TEST(RefiRoundTripTest, CodingsMemosVariablesSignifiersAndTurnsComeBack) {
  TempDir dir;
  {
    Project project = Project::Create(dir / "a.verhaal", "Studie");
    FillProject(project);
  }
  auto run = [&](const std::vector<std::string>& args) {
    auto r = RunVerhaal(args, dir.path());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r;
  };
  run({"-p", "a.verhaal", "export", "refi", "-o", "studie.qdpx"});
  run({"init", "b.verhaal"});
  const auto imported = run({"-p", "b.verhaal", "import", "refi", "studie.qdpx"});
  EXPECT_EQ(imported.err.find("warning"), std::string::npos) << imported.err;
  Project a = Project::Open(dir / "a.verhaal");
  Project b = Project::Open(dir / "b.verhaal");

  const auto stories_a = ListStories(a);
  const auto stories_b = ListStories(b);
  ASSERT_EQ(stories_a.size(), stories_b.size());
  for (size_t i = 0; i < stories_a.size(); ++i) {
    const Story& x = stories_a[i];
    const Story& y = stories_b[i];
    EXPECT_EQ(std::tie(x.key, x.text, x.title, x.kind, x.respondent_key, x.role),
              std::tie(y.key, y.text, y.title, y.kind, y.respondent_key, y.role));
    EXPECT_EQ(StoryValues(a, x.id), StoryValues(b, y.id)) << x.key;
    const auto turns_a = ListSpeakerTurns(a, x.id);
    const auto turns_b = ListSpeakerTurns(b, y.id);
    ASSERT_EQ(turns_a.size(), turns_b.size()) << x.key;
    for (size_t t = 0; t < turns_a.size(); ++t) {
      EXPECT_EQ(std::tie(turns_a[t].speaker, turns_a[t].interviewer, turns_a[t].start,
                         turns_a[t].end, turns_a[t].timestamp),
                std::tie(turns_b[t].speaker, turns_b[t].interviewer, turns_b[t].start,
                         turns_b[t].end, turns_b[t].timestamp))
          << x.key << " turn " << t;
    }
  }
  const auto respondent_a = FindRespondent(a, "R-1");
  const auto respondent_b = FindRespondent(b, "R-1");
  ASSERT_TRUE(respondent_b);
  EXPECT_EQ(respondent_b->role, "statushouder");
  EXPECT_EQ(RespondentValues(a, respondent_a->id), RespondentValues(b, respondent_b->id));

  EXPECT_EQ(CodingRows(a), CodingRows(b));
  EXPECT_EQ(MemoRows(a), MemoRows(b));

  const auto signifiers_a = ListSignifiers(a);
  const auto signifiers_b = ListSignifiers(b);
  ASSERT_EQ(signifiers_a.size(), signifiers_b.size());
  for (size_t i = 0; i < signifiers_a.size(); ++i) {
    const Signifier& x = signifiers_a[i];
    const Signifier& y = signifiers_b[i];
    EXPECT_EQ(std::tie(x.key, x.type, x.title, x.multiple, x.x_low, x.x_high, x.y_low, x.y_high,
                       x.source),
              std::tie(y.key, y.type, y.title, y.multiple, y.x_low, y.x_high, y.y_low, y.y_high,
                       y.source));
    ASSERT_EQ(x.options.size(), y.options.size()) << x.key;
    for (size_t o = 0; o < x.options.size(); ++o) {
      EXPECT_EQ(std::tie(x.options[o].key, x.options[o].label),
                std::tie(y.options[o].key, y.options[o].label))
          << x.key;
    }
    for (size_t s = 0; s < stories_a.size(); ++s) {
      EXPECT_EQ(GetSignifierValue(a, x, stories_a[s].id), GetSignifierValue(b, y, stories_b[s].id))
          << x.key << " " << stories_a[s].key;
    }
  }
}

}  // namespace
}  // namespace verhaal
