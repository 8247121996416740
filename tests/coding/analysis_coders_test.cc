// Tests of coding/analysis_coders.{h,cc} and corpus/coder_set.{h,cc}: whose
// codings an analysis reads (default: every human coder, never `rules`), the
// analysis set, consensus, and a code dimension read through them.
#include "coding/analysis_coders.h"

#include <gtest/gtest.h>

#include <functional>
#include <map>

#include "base/error.h"
#include "coding/dimension.h"
#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/project_settings.h"
#include "corpus/respondents.h"
#include "corpus/stories.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::TempDir;

// Four stories, motivatie/{moeten, willen}; anna and bram code by hand,
// `rules` by rule:
//   S1: anna moeten, bram moeten, rules willen
//   S2: anna moeten
//   S3: anna moeten, bram willen
//   S4: rules willen
class AnalysisCodersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    project_ = std::make_unique<Project>(Project::Create(dir_ / "p.verhaal", "t"));
    Project& p = *project_;
    const int64_t sh = EnsureRespondent(p, "SH-01", "statushouder");
    for (int i = 1; i <= 4; ++i) {
      Story story;
      story.key = "S" + std::to_string(i);
      story.respondent_id = sh;
      story.text = "Ik moet werken maar ik wil ook.";
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
    CodeStory(1, moeten_, "anna");
    CodeStory(1, moeten_, "bram");
    CodeStory(1, willen_, "rules", "rule:willen");
    CodeStory(2, moeten_, "anna");
    CodeStory(3, moeten_, "anna");
    CodeStory(3, willen_, "bram");
    CodeStory(4, willen_, "rules", "rule:willen");
  }

  void CodeStory(int story, int64_t code, const std::string& coder,
                 const std::string& origin = "manual") {
    Coding coding;
    coding.story_id = ids_[static_cast<size_t>(story - 1)];
    coding.code_id = code;
    coding.coder_id = EnsureCoder(*project_, coder);
    coding.start = 0;
    coding.end = 7;
    coding.origin = origin;
    coding.created = "2026-12-0" + std::to_string(story) + "T10:00:00Z";
    ASSERT_TRUE(AddCoding(*project_, coding));
  }

  // story key -> level name or "(reason)".
  std::map<std::string, std::string> Levels(const CoderSelection& coders) {
    const ResolvedDimension dim =
        ResolveDimension(*project_, ParseDimension("code:motivatie"), ListStoryIds(*project_),
                         MixedPolicy::kExclude, &coders);
    std::map<std::string, std::string> out;
    for (size_t i = 0; i < ids_.size(); ++i) {
      const std::string key = "S" + std::to_string(i + 1);
      if (dim.level_of.contains(ids_[i])) {
        out[key] = dim.levels[static_cast<size_t>(dim.level_of.at(ids_[i]))];
      } else {
        out[key] = "(" + dim.left_out.at(ids_[i]) + ")";
      }
    }
    return out;
  }

  TempDir dir_;
  std::unique_ptr<Project> project_;
  std::vector<int64_t> ids_;
  int64_t moeten_ = 0, willen_ = 0;
};

TEST_F(AnalysisCodersTest, DefaultIsEveryHumanCoderNeverRules) {
  const CoderSelection coders = ResolveCoderSelection(*project_);
  EXPECT_EQ(coders.names, (std::vector<std::string>{"anna", "bram"}));
  EXPECT_EQ(coders.min_coders, 1);
  EXPECT_EQ(coders.Describe(),
            "codings of anna, bram (every human coder, the default), combined: any coder");
  // Union of anna and bram: S3 has both levels (mixed), S4 only rule codings.
  EXPECT_EQ(Levels(coders),
            (std::map<std::string, std::string>{
                {"S1", "moeten"}, {"S2", "moeten"}, {"S3", "(mixed)"}, {"S4", "(no coding)"}}));
  // Before the analysis set existed, rules were pooled in: S1 mixed, S4 willen.
  CoderRequest pooled;
  pooled.coders = std::vector<std::string>{"anna", "bram", "rules"};
  EXPECT_EQ(Levels(ResolveCoderSelection(*project_, pooled)),
            (std::map<std::string, std::string>{
                {"S1", "(mixed)"}, {"S2", "moeten"}, {"S3", "(mixed)"}, {"S4", "willen"}}));
}

TEST_F(AnalysisCodersTest, ConsensusNeedsKCodersOnTheSameLevel) {
  CoderRequest all;
  all.combine = "all";
  const CoderSelection both = ResolveCoderSelection(*project_, all);
  EXPECT_EQ(both.min_coders, 2);
  EXPECT_EQ(both.CombineText(), "all 2 coders");
  // S1: both moeten. S2: bram did not code it. S3: they differ, neither
  // level has two coders. S4: no human coding.
  EXPECT_EQ(Levels(both), (std::map<std::string, std::string>{{"S1", "moeten"},
                                                              {"S2", "(too few coders agree)"},
                                                              {"S3", "(too few coders agree)"},
                                                              {"S4", "(no coding)"}}));
  CoderRequest two_of_three;
  two_of_three.coders = std::vector<std::string>{"anna", "bram", "rules"};
  two_of_three.min_coders = 2;
  const CoderSelection k = ResolveCoderSelection(*project_, two_of_three);
  EXPECT_EQ(k.CombineText(), "at least 2 of 3 coders");
  EXPECT_EQ(Levels(k).at("S1"), "moeten");  // rules' willen has one coder only
  // The corpus filter keeps the codings of (story, code) pairs with 2 coders.
  CodingFilter filter;
  filter.coders = k.Set();
  const std::vector<Coding> kept = ListCodings(*project_, filter);
  ASSERT_EQ(kept.size(), 2u);
  EXPECT_EQ(kept[0].story_key + " " + kept[0].coder, "S1 anna");
  EXPECT_EQ(kept[1].story_key + " " + kept[1].coder, "S1 bram");
}

TEST_F(AnalysisCodersTest, TheAnalysisSetIsKeptAndOverriddenByCoders) {
  {
    Transaction transaction(*project_);
    SetAnalysisSet(*project_, {"bram"});
    transaction.Commit();
  }
  EXPECT_EQ(AnalysisSet(*project_), (std::vector<std::string>{"bram"}));
  EXPECT_EQ(GetProjectSetting(*project_, "analysis.coders"), "bram");
  const CoderSelection set = ResolveCoderSelection(*project_);
  EXPECT_EQ(set.Describe(), "codings of bram (the analysis set), combined: one coder");
  EXPECT_EQ(Levels(set).at("S3"), "willen");
  CoderRequest rules;
  rules.coders = std::vector<std::string>{"rules"};
  const CoderSelection named = ResolveCoderSelection(*project_, rules);
  EXPECT_EQ(named.source, "--coders");
  EXPECT_EQ(Levels(named).at("S4"), "willen");
  SetAnalysisSet(*project_, {});
  EXPECT_TRUE(AnalysisSet(*project_).empty());
}

TEST_F(AnalysisCodersTest, ErrorsNameTheCoders) {
  auto error = [&](const std::function<void()>& f) -> std::pair<ErrorKind, std::string> {
    try {
      f();
    } catch (const Error& e) {
      return {e.kind(), e.message()};
    }
    return {ErrorKind::kInternal, "no error"};
  };
  EXPECT_EQ(error([&] { SetAnalysisSet(*project_, {"ana"}); }),
            std::make_pair(ErrorKind::kMissing,
                           std::string("no coder 'ana' in the project; did you mean 'anna'? the "
                                       "coders are: anna, bram, rules (`verhaal coders list`)")));
  EXPECT_TRUE(AnalysisSet(*project_).empty());  // nothing changed
  CoderRequest k;
  k.min_coders = 3;
  EXPECT_EQ(error([&] { ResolveCoderSelection(*project_, k); }),
            std::make_pair(ErrorKind::kUsage,
                           std::string("--min-coders must be between 1 and the number of coders "
                                       "(2: anna, bram)")));
  CoderRequest each;
  each.combine = "every";
  EXPECT_EQ(error([&] { ResolveCoderSelection(*project_, each); }).second,
            "--combine takes any, all or each, not 'every'");
}

TEST_F(AnalysisCodersTest, ActivityPerCoder) {
  const std::vector<CoderActivity> coders = ListCoderActivity(*project_);
  ASSERT_EQ(coders.size(), 3u);
  struct Want {
    std::string name;
    int64_t codings, stories, rule_codings;
    std::string first, last;
    bool human;
  };
  const Want want[] = {
      {"anna", 3, 3, 0, "2026-12-01T10:00:00Z", "2026-12-03T10:00:00Z", true},
      {"bram", 2, 2, 0, "2026-12-01T10:00:00Z", "2026-12-03T10:00:00Z", true},
      {"rules", 2, 2, 2, "2026-12-01T10:00:00Z", "2026-12-04T10:00:00Z", false},
  };
  for (size_t i = 0; i < 3; ++i) {
    SCOPED_TRACE(want[i].name);
    EXPECT_EQ(coders[i].name, want[i].name);
    EXPECT_EQ(coders[i].codings, want[i].codings);
    EXPECT_EQ(coders[i].stories, want[i].stories);
    EXPECT_EQ(coders[i].rule_codings, want[i].rule_codings);
    EXPECT_EQ(coders[i].first, want[i].first);
    EXPECT_EQ(coders[i].last, want[i].last);
    EXPECT_EQ(IsHumanCoder(coders[i]), want[i].human);
  }
}

TEST_F(AnalysisCodersTest, TheConsensusCoderIsNotInTheDefaultSet) {
  // The Team view's decisions: consensus takes anna's moeten in S3.
  CodeStory(3, moeten_, "consensus", "consensus:anna");
  const CoderSelection by_default = ResolveCoderSelection(*project_);
  EXPECT_EQ(by_default.names, (std::vector<std::string>{"anna", "bram"}));
  CoderRequest all;
  all.combine = "all";
  // With consensus in the set, "all" would ask three coders to agree.
  EXPECT_EQ(ResolveCoderSelection(*project_, all).min_coders, 2);
  CoderRequest settled;
  settled.coders = std::vector<std::string>{"consensus"};
  EXPECT_EQ(Levels(ResolveCoderSelection(*project_, settled)).at("S3"), "moeten");
  for (const CoderActivity& coder : ListCoderActivity(*project_)) {
    if (coder.name == "consensus") {
      EXPECT_TRUE(IsHumanCoder(coder));
      EXPECT_FALSE(InDefaultAnalysisSet(coder));
    }
  }
}

}  // namespace
}  // namespace verhaal
