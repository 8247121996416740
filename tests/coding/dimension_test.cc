// Tests of coding/dimension.{h,cc}: parsing DIM and giving stories levels.
#include "coding/dimension.h"

#include <gtest/gtest.h>

#include <map>
#include <type_traits>

#include "base/error.h"
#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/respondents.h"
#include "corpus/signifiers.h"
#include "corpus/stories.h"
#include "corpus/variables.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::TempDir;

std::string UsageMessage(std::string_view text) {
  try {
    ParseDimension(text);
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kUsage);
    return e.message();
  }
  return "no error";
}

// A resolved dimension's story map as a std::map, to compare with a table.
template <typename V>
auto AsMap(const StoryMap<V>& map) {
  std::map<int64_t, std::conditional_t<std::is_same_v<V, std::string_view>, std::string, V>> out;
  for (const auto& [id, value] : map) out.emplace(id, value);
  return out;
}

TEST(DimensionTest, ParsesEveryForm) {
  struct Case {
    std::string text;
    DimensionSource source;
    std::string name;
    std::string stone;
    std::vector<std::string> coders;
    std::vector<double> cuts;
  };
  const std::vector<Case> cases = {
      {"role", DimensionSource::kRole, "", "", {}, {0.5}},
      {"wave", DimensionSource::kWave, "", "", {}, {0.5}},
      {"code:motivatie", DimensionSource::kCode, "motivatie", "", {}, {0.5}},
      {"code:a/b@anna+bram", DimensionSource::kCode, "a/b", "", {"anna", "bram"}, {0.5}},
      {"dyad:stijl@0.4", DimensionSource::kDyad, "stijl", "", {}, {0.4}},
      {"dyad:stijl@0.33,0.67", DimensionSource::kDyad, "stijl", "", {}, {0.33, 0.67}},
      {"stone-y:canvas/km@0.6", DimensionSource::kStoneY, "canvas", "km", {}, {0.6}},
      {"triad-zone:belang", DimensionSource::kTriadZone, "belang", "", {}, {0.5}},
      {"var:gemeente", DimensionSource::kVariable, "gemeente", "", {}, {0.5}},
  };
  for (const auto& c : cases) {
    const DimensionSpec spec = ParseDimension(c.text);
    EXPECT_EQ(spec.source, c.source) << c.text;
    EXPECT_EQ(spec.name, c.name) << c.text;
    EXPECT_EQ(spec.stone, c.stone) << c.text;
    EXPECT_EQ(spec.coders, c.coders) << c.text;
    EXPECT_EQ(spec.cuts, c.cuts) << c.text;
    EXPECT_EQ(spec.text, c.text);
  }
}

TEST(DimensionTest, BadFormsSayWhatToWrite) {
  const std::string forms =
      "use code:PATH[@CODER[+CODER]], dyad:KEY[@CUT[,CUT]], stone-x:KEY/STONE[@CUT], "
      "stone-y:KEY/STONE[@CUT], triad-zone:KEY, var:NAME, role, kind, wave or respondent "
      "(see docs/matrix.md)";
  EXPECT_EQ(UsageMessage("gemeente"), "unknown dimension 'gemeente'; " + forms);
  EXPECT_EQ(UsageMessage("slider:x"), "unknown dimension 'slider:x'; " + forms);
  EXPECT_EQ(UsageMessage("var:x@1"), "malformed dimension 'var:x@1'; " + forms);
  EXPECT_EQ(UsageMessage("dyad:stijl@1.5"),
            "dimension 'dyad:stijl@1.5': cut point '1.5' is not a number between 0 and 1 above "
            "the previous one; write e.g. dyad:motivatie@0.5 or dyad:motivatie@0.33,0.67");
  EXPECT_EQ(UsageMessage("dyad:stijl@0.6,0.4"),
            "dimension 'dyad:stijl@0.6,0.4': cut point '0.4' is not a number between 0 and 1 "
            "above the previous one; write e.g. dyad:motivatie@0.5 or dyad:motivatie@0.33,0.67");
  for (const std::string cut : {"NaN", "nan", "inf", "-0.5", "0", "1"}) {
    EXPECT_EQ(UsageMessage("dyad:stijl@" + cut),
              "dimension 'dyad:stijl@" + cut + "': cut point '" + cut +
                  "' is not a number between 0 and 1 above the previous one; write e.g. "
                  "dyad:motivatie@0.5 or dyad:motivatie@0.33,0.67")
        << cut;
  }
  EXPECT_EQ(UsageMessage("code:m@anna+"),
            "dimension 'code:m@anna+' has an empty coder name; write code:PATH@anna+bram");
  EXPECT_EQ(UsageMessage("stone-x:canvas"),
            "dimension 'stone-x:canvas' needs a canvas and a stone: stone-x:KEY/STONE");
}

// Six stories; codes motivatie/{moeten,willen} coded by anna and bram.
class ResolveTest : public ::testing::Test {
 protected:
  void SetUp() override {
    project_ = std::make_unique<Project>(Project::Create(dir_ / "p.verhaal", "t"));
    Project& p = *project_;
    const int64_t sh = EnsureRespondent(p, "SH-01", "statushouder");
    const int64_t km = EnsureRespondent(p, "KM-1", "klantmanager");
    for (int i = 1; i <= 6; ++i) {
      Story story;
      story.key = "S" + std::to_string(i);
      story.respondent_id = i <= 4 ? sh : km;
      story.wave = i <= 4 ? std::optional<int>() : std::optional<int>(i == 5 ? 10 : 2);
      story.text = "Een verhaal over werk en taal.";
      ids_.push_back(AddStory(p, story));
    }
    Code group;
    group.name = "motivatie";
    group.dimension = true;
    const int64_t g = AddCode(p, group);
    Code moeten;
    moeten.name = "moeten";
    moeten.parent_id = g;
    moeten_ = AddCode(p, moeten);
    Code willen;
    willen.name = "willen";
    willen.parent_id = g;
    willen.position = 1;
    willen_ = AddCode(p, willen);
    Code deep;
    deep.name = "intrinsiek";
    deep.parent_id = willen_;
    deep_ = AddCode(p, deep);
  }

  void CodeStory(int story, int64_t code, const std::string& coder, int start = 0) {
    Coding coding;
    coding.story_id = ids_[story - 1];
    coding.code_id = code;
    coding.coder_id = EnsureCoder(*project_, coder);
    coding.start = start;
    coding.end = start + 4;
    ASSERT_TRUE(AddCoding(*project_, coding));
  }

  ResolvedDimension Resolve(const std::string& dim, MixedPolicy mixed = MixedPolicy::kExclude) {
    return ResolveDimension(*project_, ParseDimension(dim), ListStories(*project_), mixed);
  }

  TempDir dir_;
  std::unique_ptr<Project> project_;
  std::vector<int64_t> ids_;
  int64_t moeten_ = 0, willen_ = 0, deep_ = 0;
};

TEST_F(ResolveTest, CodeLevelsAgreementAndMixed) {
  CodeStory(1, moeten_, "anna");
  CodeStory(1, moeten_, "bram");
  CodeStory(2, deep_, "anna");  // a grandchild counts as its child's level
  CodeStory(2, willen_, "bram");
  CodeStory(3, moeten_, "anna");
  CodeStory(3, willen_, "bram");  // anna and bram disagree; together mixed
  CodeStory(4, moeten_, "anna");  // bram did not code it
  CodeStory(5, moeten_, "anna");
  CodeStory(5, willen_, "anna", 5);  // anna coded both: mixed

  const auto all = Resolve("code:motivatie");
  EXPECT_EQ(all.levels, (std::vector<std::string>{"moeten", "willen"}));
  EXPECT_EQ(AsMap(all.level_of),
            (std::map<int64_t, int>{{ids_[0], 0}, {ids_[1], 1}, {ids_[3], 0}}));
  EXPECT_EQ(AsMap(all.left_out),
            (std::map<int64_t, std::string>{
                {ids_[2], "mixed"}, {ids_[4], "mixed"}, {ids_[5], "no coding"}}));

  const auto team = Resolve("code:motivatie@anna+bram");
  EXPECT_EQ(AsMap(team.level_of), (std::map<int64_t, int>{{ids_[0], 0}, {ids_[1], 1}}));
  EXPECT_EQ(AsMap(team.left_out), (std::map<int64_t, std::string>{{ids_[2], "coders disagree"},
                                                                  {ids_[3], "no coding"},
                                                                  {ids_[4], "no coding"},
                                                                  {ids_[5], "no coding"}}));

  const auto anna = Resolve("code:motivatie@anna", MixedPolicy::kLevel);
  EXPECT_EQ(anna.levels, (std::vector<std::string>{"moeten", "willen", "mixed"}));
  EXPECT_EQ(AsMap(anna.level_of),
            (std::map<int64_t, int>{
                {ids_[0], 0}, {ids_[1], 1}, {ids_[2], 0}, {ids_[3], 0}, {ids_[4], 2}}));
}

TEST_F(ResolveTest, OnlyTheGivenStoriesAndTheSameFromIdsOrStories) {
  CodeStory(1, moeten_, "anna");
  CodeStory(2, deep_, "anna");
  CodeStory(3, moeten_, "anna");
  const auto subset =
      ResolveDimension(*project_, ParseDimension("code:motivatie"), {ids_[1], ids_[3]});
  EXPECT_EQ(AsMap(subset.level_of), (std::map<int64_t, int>{{ids_[1], 1}}));
  EXPECT_EQ(AsMap(subset.left_out), (std::map<int64_t, std::string>{{ids_[3], "no coding"}}));
  for (const char* dim : {"code:motivatie", "role", "wave", "kind", "respondent"}) {
    SCOPED_TRACE(dim);
    const auto from_stories = Resolve(dim);
    const auto from_ids = ResolveDimension(*project_, ParseDimension(dim), ListStoryIds(*project_));
    EXPECT_EQ(from_ids.levels, from_stories.levels);
    EXPECT_EQ(from_ids.level_of, from_stories.level_of);
    EXPECT_EQ(from_ids.left_out, from_stories.left_out);
  }
}

TEST_F(ResolveTest, AGroupWithMoreThanSixtyFourLevels) {
  Code wide;
  wide.name = "gemeente";
  const int64_t group = AddCode(*project_, wide);
  std::vector<int64_t> children;
  for (int i = 0; i < 70; ++i) {
    Code child;
    child.name = "g" + std::to_string(i);
    child.parent_id = group;
    child.position = i;
    children.push_back(AddCode(*project_, child));
  }
  CodeStory(1, children[66], "anna");
  CodeStory(2, children[1], "anna");
  CodeStory(2, children[68], "anna", 5);  // two levels: mixed
  CodeStory(3, children[69], "anna");
  CodeStory(3, children[69], "bram");
  CodeStory(4, children[64], "anna");
  CodeStory(4, children[65], "bram");
  const auto all = Resolve("code:gemeente");
  EXPECT_EQ(all.levels.size(), 70u);
  EXPECT_EQ(AsMap(all.level_of), (std::map<int64_t, int>{{ids_[0], 66}, {ids_[2], 69}}));
  EXPECT_EQ(all.left_out.at(ids_[1]), "mixed");
  EXPECT_EQ(all.left_out.at(ids_[3]), "mixed");
  const auto team = Resolve("code:gemeente@anna+bram");
  EXPECT_EQ(AsMap(team.level_of), (std::map<int64_t, int>{{ids_[2], 69}}));
  EXPECT_EQ(team.left_out.at(ids_[3]), "coders disagree");
  EXPECT_EQ(team.left_out.at(ids_[0]), "no coding");
}

TEST_F(ResolveTest, CodeErrors) {
  auto message = [&](const std::string& dim) -> std::string {
    try {
      Resolve(dim);
    } catch (const Error& e) {
      return std::to_string(static_cast<int>(e.kind())) + " " + e.message();
    }
    return "no error";
  };
  EXPECT_EQ(message("code:motief"),
            "66 dimension 'code:motief': no code 'motief' in the project; name a code group by "
            "its path, e.g. code:motivatie");
  EXPECT_EQ(message("code:motivatie/moeten"),
            "2 dimension 'code:motivatie/moeten': code 'motivatie/moeten' has no child codes to "
            "use as levels; choose a code group such as one marked `dimension: true` in the "
            "codebook");
  EXPECT_EQ(message("code:motivatie@carla"),
            "66 dimension 'code:motivatie@carla': no coder 'carla' in the project; `verhaal "
            "coders list` lists the coders");
  EXPECT_EQ(message("dyad:stijl"),
            "66 dimension 'dyad:stijl': no signifier 'stijl' in the project; import the "
            "self-signification first or check the key");
}

TEST_F(ResolveTest, DyadCutsAndNotApplicable) {
  Signifier dyad;
  dyad.key = "stijl";
  dyad.type = SignifierType::kDyad;
  dyad.x_low = "dwingend";
  dyad.x_high = "aanmoedigend";
  dyad.id = EnsureSignifier(*project_, dyad);
  const double xs[] = {0.1, 0.5, 0.49, 0.9};
  for (int i = 0; i < 4; ++i) {
    SignifierValue value;
    value.x = xs[i];
    SetSignifierValue(*project_, dyad, ids_[i], value);
  }
  SignifierValue na;
  na.not_applicable = true;
  SetSignifierValue(*project_, dyad, ids_[4], na);

  const auto half = Resolve("dyad:stijl");
  EXPECT_EQ(half.title, "stijl (dwingend / aanmoedigend)");
  EXPECT_EQ(half.levels, (std::vector<std::string>{"dwingend", "aanmoedigend"}));
  // A value at the cut point goes to the upper level.
  EXPECT_EQ(AsMap(half.level_of),
            (std::map<int64_t, int>{{ids_[0], 0}, {ids_[1], 1}, {ids_[2], 0}, {ids_[3], 1}}));
  EXPECT_EQ(AsMap(half.left_out),
            (std::map<int64_t, std::string>{{ids_[4], "N/A"}, {ids_[5], "no answer"}}));

  const auto thirds = Resolve("dyad:stijl@0.3,0.7");
  EXPECT_EQ(thirds.levels, (std::vector<std::string>{"dwingend", "0.3-0.7", "aanmoedigend"}));
  EXPECT_EQ(AsMap(thirds.level_of),
            (std::map<int64_t, int>{{ids_[0], 0}, {ids_[1], 1}, {ids_[2], 1}, {ids_[3], 2}}));
  EXPECT_THROW(Resolve("triad-zone:stijl"), Error);
}

// Several signifier dimensions resolved together (one pass over the
// values, as `verhaal matrix` does) give what each gives alone, N/A winning
// in each, for every story, for stories close together with gaps, and for
// stories far apart.
TEST_F(ResolveTest, SignifierDimensionsTogetherAsAlone) {
  Signifier dyad;
  dyad.key = "stijl";
  dyad.type = SignifierType::kDyad;
  dyad.id = EnsureSignifier(*project_, dyad);
  Signifier triad;
  triad.key = "belang";
  triad.type = SignifierType::kTriad;
  triad.options = {{"t", "taal"}, {"g", "gezondheid"}, {"w", "werk"}};
  triad.id = EnsureSignifier(*project_, triad);
  const double xs[] = {0.1, 0.5, 0.49, 0.9};
  for (int i = 0; i < 4; ++i) {
    SignifierValue value;
    value.x = xs[i];
    SetSignifierValue(*project_, dyad, ids_[static_cast<size_t>(i)], value);
    value.triad = Triad{0.8 - 0.2 * i, 0.1 + 0.1 * i, 0.1 + 0.1 * i};
    SetSignifierValue(*project_, triad, ids_[static_cast<size_t>(i + 1)], value);
  }
  SignifierValue na;
  na.not_applicable = true;
  SetSignifierValue(*project_, dyad, ids_[4], na);
  SetSignifierValue(*project_, triad, ids_[0], na);
  const std::vector<std::string> dims = {"dyad:stijl", "triad-zone:belang", "dyad:stijl@0.3,0.7",
                                         "role"};
  const std::vector<std::vector<int64_t>> story_sets = {
      ids_, {ids_[0], ids_[2], ids_[3], ids_[5]}, {ids_[1], ids_[5] + 1000000}};
  for (const auto& stories : story_sets) {
    DimensionResolver resolver(*project_, stories);
    for (const auto& dim : dims) resolver.Add(ParseDimension(dim));
    const std::vector<ResolvedDimension> together = resolver.Resolve();
    ASSERT_EQ(together.size(), dims.size());
    for (size_t d = 0; d < dims.size(); ++d) {
      SCOPED_TRACE(dims[d] + " of " + std::to_string(stories.size()) + " stories");
      const auto alone = ResolveDimension(*project_, ParseDimension(dims[d]), stories);
      EXPECT_EQ(together[d].levels, alone.levels);
      EXPECT_EQ(together[d].title, alone.title);
      EXPECT_EQ(together[d].level_of, alone.level_of);
      EXPECT_EQ(together[d].left_out, alone.left_out);
    }
  }
  const auto both = ResolveDimension(*project_, ParseDimension("triad-zone:belang"), ids_);
  EXPECT_EQ(AsMap(both.left_out),
            (std::map<int64_t, std::string>{{ids_[0], "N/A"}, {ids_[5], "no answer"}}));
  EXPECT_EQ(both.level_of.size(), 4u);
}

TEST_F(ResolveTest, TriadZones) {
  Signifier triad;
  triad.key = "belang";
  triad.type = SignifierType::kTriad;
  triad.options = {{"t", "taal"}, {"g", "gezondheid"}, {"w", "werk"}};
  triad.id = EnsureSignifier(*project_, triad);
  const Triad values[] = {{0.8, 0.1, 0.1}, {0.1, 0.1, 0.8}, {0.4, 0.5, 0.1}, {0.34, 0.33, 0.33}};
  for (int i = 0; i < 4; ++i) {
    SignifierValue value;
    value.triad = values[i];
    SetSignifierValue(*project_, triad, ids_[i], value);
  }
  const auto zones = Resolve("triad-zone:belang");
  EXPECT_EQ(zones.levels,
            (std::vector<std::string>{"taal", "gezondheid", "werk", "taal + gezondheid",
                                      "taal + werk", "gezondheid + werk", "centre"}));
  EXPECT_EQ(AsMap(zones.level_of),
            (std::map<int64_t, int>{{ids_[0], 0}, {ids_[1], 2}, {ids_[2], 3}, {ids_[3], 6}}));
}

TEST_F(ResolveTest, VariablesRoleAndWave) {
  const auto role = Resolve("role");
  EXPECT_EQ(role.levels, (std::vector<std::string>{"klantmanager", "statushouder"}));
  EXPECT_EQ(role.level_of.at(ids_[0]), 1);
  EXPECT_EQ(role.level_of.at(ids_[5]), 0);

  const auto wave = Resolve("wave");  // numeric order: 2 before 10
  EXPECT_EQ(wave.levels, (std::vector<std::string>{"2", "10"}));
  EXPECT_EQ(wave.left_out.size(), 4u);
  EXPECT_EQ(wave.left_out.at(ids_[0]), "no value");

  Variable gemeente;
  gemeente.name = "gemeente";
  gemeente.label = "Gemeente";
  gemeente.type = VariableType::kInteger;
  gemeente.value_labels = {{"1", "Ermelo"}, {"2", "Zeewolde"}};
  const int64_t var = EnsureVariable(*project_, gemeente);
  SetRespondentValue(*project_, FindRespondent(*project_, "SH-01")->id, var, "2");
  SetRespondentValue(*project_, FindRespondent(*project_, "KM-1")->id, var, "1");
  const auto by_gemeente = Resolve("var:gemeente");
  EXPECT_EQ(by_gemeente.title, "Gemeente");
  EXPECT_EQ(by_gemeente.levels, (std::vector<std::string>{"Ermelo", "Zeewolde"}));
  EXPECT_EQ(by_gemeente.level_of.at(ids_[0]), 1);
  EXPECT_EQ(by_gemeente.level_of.at(ids_[4]), 0);
  EXPECT_THROW(Resolve("var:leeftijd"), Error);
}

TEST_F(ResolveTest, AVariableAtBothLevelsIsNamedByItsLevel) {
  Variable of_respondent;
  of_respondent.name = "gemeente";
  const int64_t r = EnsureVariable(*project_, of_respondent);
  Variable of_story;
  of_story.name = "gemeente";
  of_story.subject = VariableSubject::kStory;
  const int64_t s = EnsureVariable(*project_, of_story);
  SetRespondentValue(*project_, FindRespondent(*project_, "SH-01")->id, r, "Ermelo");
  SetStoryValue(*project_, ids_[0], s, "Zeewolde");  // told about another place
  SetStoryValue(*project_, ids_[4], s, "Putten");
  try {
    Resolve("var:gemeente");
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kUsage);
    EXPECT_EQ(e.message(),
              "dimension 'var:gemeente': 'gemeente' is both a story variable and a respondent "
              "variable; write var:story.gemeente or var:respondent.gemeente");
  }
  // The respondent's: SH-01's four stories Ermelo; KM-1's two without a value.
  const auto respondent = Resolve("var:respondent.gemeente");
  EXPECT_EQ(respondent.levels, (std::vector<std::string>{"Ermelo"}));
  EXPECT_EQ(respondent.level_of.size(), 4u);
  EXPECT_EQ(respondent.left_out.size(), 2u);
  EXPECT_EQ(respondent.left_out.at(ids_[5]), "no value");
  // The story's: S1 Zeewolde, S5 Putten, four without a value.
  const auto story = Resolve("var:story.gemeente");
  EXPECT_EQ(story.levels, (std::vector<std::string>{"Putten", "Zeewolde"}));
  EXPECT_EQ(AsMap(story.level_of), (std::map<int64_t, int>{{ids_[0], 1}, {ids_[4], 0}}));
  EXPECT_EQ(story.left_out.size(), 4u);
  try {
    Resolve("var:story.leeftijd");
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kMissing);
    EXPECT_EQ(e.message(),
              "dimension 'var:story.leeftijd': no story variable 'leeftijd' in the project; check "
              "the name in the import mapping");
  }
}

}  // namespace
}  // namespace verhaal
