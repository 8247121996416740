// Reliability data from codings (coding/reliability.h): each unit of
// analysis, missing values for stories a coder did not code, and the errors.
#include "coding/reliability.h"

#include <gtest/gtest.h>

#include "base/error.h"
#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/stories.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::TempDir;
using Values = std::vector<std::vector<std::optional<double>>>;

class ReliabilityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    project_ = std::make_unique<Project>(Project::Create(dir_ / "p.verhaal", "p"));
    Project& p = *project_;
    for (const char* key : {"S1", "S2", "S3"}) {
      Story s;
      s.key = key;
      s.text = "Ik wil werken. Ik moet wel. Dat is zo.";  // 38 code points, 3 sentences
      AddStory(p, s);
    }
    Code dim;
    dim.name = "motivatie";
    dim.dimension = true;
    const int64_t m = AddCode(p, dim);
    for (const char* level : {"moeten", "willen"}) {
      Code c;
      c.name = level;
      c.parent_id = m;
      AddCode(p, c);
    }
    Code other;
    other.name = "taal";
    AddCode(p, other);
  }

  void Add(const std::string& coder, const std::string& story, const std::string& code, int start,
           int end) {
    Coding c;
    c.story_id = FindStory(*project_, story)->id;
    c.code_id = FindCodeByPath(*project_, code)->id;
    c.coder_id = EnsureCoder(*project_, coder);
    c.start = start;
    c.end = end;
    AddCoding(*project_, c);
  }

  std::vector<CodeReliability> Build(AgreementUnit unit, AgreementSelection selection = {}) {
    std::vector<CodeReliability> out;
    ForEachCodeReliability(*project_, unit, selection,
                           [&](const CodeReliability& r) { out.push_back(r); });
    return out;
  }

  TempDir dir_;
  std::unique_ptr<Project> project_;
};

TEST_F(ReliabilityTest, PresenceIsPerStoryWithMissingForUncodedStories) {
  Add("anna", "S1", "motivatie/willen", 0, 14);
  Add("bram", "S1", "motivatie/willen", 3, 14);
  Add("anna", "S2", "taal", 0, 5);
  Add("bram", "S2", "motivatie/moeten", 15, 27);
  Add("anna", "S3", "taal", 0, 5);  // bram did not code S3: not a unit
  const auto rows = Build(AgreementUnit::kPresence);
  ASSERT_EQ(rows.size(), 3u);  // the coded codes, in tree order
  EXPECT_EQ(rows[0].code, "motivatie/moeten");
  EXPECT_EQ(rows[0].data.units, (Values{{0.0, 0.0}, {0.0, 1.0}}));
  EXPECT_EQ(rows[1].code, "motivatie/willen");
  EXPECT_EQ(rows[1].data.units, (Values{{1.0, 1.0}, {0.0, 0.0}}));
  EXPECT_EQ(rows[2].data.units, (Values{{0.0, 0.0}, {1.0, 0.0}}));
  EXPECT_EQ(rows[2].coders, (std::vector<std::string>{"anna", "bram"}));
  EXPECT_EQ(rows[2].units[1].story_key, "S2");
  // A code group counts its descendants.
  const auto group = Build(AgreementUnit::kPresence, {{}, {"motivatie"}, {}});
  ASSERT_EQ(group.size(), 1u);
  EXPECT_EQ(group[0].data.units, (Values{{1.0, 1.0}, {0.0, 1.0}}));
}

TEST_F(ReliabilityTest, DimensionLevelsAndTwoLevelsFromOneCoderAreReported) {
  Add("anna", "S1", "motivatie/willen", 0, 14);
  Add("bram", "S1", "motivatie/willen", 0, 14);
  Add("anna", "S2", "motivatie/moeten", 15, 27);
  Add("bram", "S2", "motivatie/moeten", 15, 27);
  Add("bram", "S2", "motivatie/willen", 0, 14);
  Add("anna", "S3", "taal", 0, 5);
  Add("bram", "S3", "motivatie/moeten", 15, 27);
  const auto rows = Build(AgreementUnit::kDimension);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].categories, (std::vector<std::string>{"moeten", "willen"}));
  EXPECT_EQ(rows[0].data.units, (Values{{1.0, 1.0}, {0.0, std::nullopt}, {std::nullopt, 0.0}}));
  EXPECT_EQ(rows[0].problems,
            (std::vector<std::string>{"S2: bram assigned 2 levels (moeten, willen); left out"}));
}

TEST_F(ReliabilityTest, CharactersAndSentences) {
  Add("anna", "S1", "taal", 0, 14);
  Add("bram", "S1", "taal", 3, 20);
  const auto chars = Build(AgreementUnit::kCharacter, {{}, {"taal"}, {}});
  ASSERT_EQ(chars.size(), 1u);
  ASSERT_EQ(chars[0].data.units.size(), 38u);
  EXPECT_EQ(chars[0].data.units[0], (std::vector<std::optional<double>>{1.0, 0.0}));
  EXPECT_EQ(chars[0].data.units[5], (std::vector<std::optional<double>>{1.0, 1.0}));
  EXPECT_EQ(chars[0].data.units[15], (std::vector<std::optional<double>>{0.0, 1.0}));
  EXPECT_EQ(chars[0].data.units[30], (std::vector<std::optional<double>>{0.0, 0.0}));
  const auto sentences = Build(AgreementUnit::kSentence, {{}, {"taal"}, {}});
  ASSERT_EQ(sentences[0].data.units, (Values{{1.0, 1.0}, {0.0, 1.0}, {0.0, 0.0}}));
  EXPECT_EQ(sentences[0].units[1].start, 15);
  EXPECT_EQ(sentences[0].units[1].end, 28);
}

TEST(SentenceSpansTest, CoverTheTextInCodePoints) {
  EXPECT_EQ(SentenceSpans("Één zin. Nog één?", "nl"),
            (std::vector<std::pair<int64_t, int64_t>>{{0, 9}, {9, 17}}));
  EXPECT_TRUE(SentenceSpans("", "nl").empty());
}

TEST_F(ReliabilityTest, ErrorsSayWhatToDo) {
  Add("anna", "S1", "taal", 0, 5);
  auto message = [&](AgreementUnit unit, AgreementSelection selection) {
    try {
      Build(unit, selection);
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::kData);
      return e.message();
    }
    return std::string("no error");
  };
  EXPECT_EQ(message(AgreementUnit::kPresence, {}),
            "agreement needs two or more coders; the selected stories have codings by anna "
            "only; merge the other coders' copies first (`verhaal merge`)");
  Add("bram", "S1", "taal", 0, 5);
  EXPECT_EQ(message(AgreementUnit::kPresence, {{"anna", "carla"}, {}, {}}),
            "coder 'carla' made no codings in the selected stories; coders with codings: "
            "anna, bram");
  EXPECT_EQ(message(AgreementUnit::kPresence, {{}, {"motivatie/kunnen"}, {}}),
            "no code 'motivatie/kunnen' in the codebook; give its full path, e.g. "
            "motivatie/willen");
  EXPECT_EQ(message(AgreementUnit::kDimension, {{}, {"taal"}, {}}),
            "code 'taal' is not a dimension; mark it `dimension: true` in the codebook or use "
            "--unit presence");
  EXPECT_EQ(ParseAgreementUnit("sentence"), AgreementUnit::kSentence);
}

}  // namespace
}  // namespace verhaal
