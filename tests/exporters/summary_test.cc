// Tests of exporters/summary.h and slider_scatter.h on a small project with
// known counts.
#include "exporters/summary.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>

#include "base/error.h"
#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/respondents.h"
#include "corpus/signifiers.h"
#include "exporters/matrix_report.h"
#include "exporters/slider_scatter.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using Rows = std::vector<std::vector<std::string>>;

// Four stories of three respondents (two roles). Codes motivatie/{moeten,
// willen} and taal; dyad stijl; triad belang; list hulp.
class SummaryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    project_ = std::make_unique<Project>(Project::Create(dir_ / "p.verhaal", "t"));
    Project& p = *project_;
    const int64_t a = EnsureRespondent(p, "SH-01", "statushouder");
    const int64_t b = EnsureRespondent(p, "SH-02", "statushouder");
    const int64_t k = EnsureRespondent(p, "KM-1", "klantmanager");
    const int64_t owner[] = {a, a, b, k};
    for (int i = 0; i < 4; ++i) {
      Story story;
      story.key = "S" + std::to_string(i + 1);
      story.respondent_id = owner[i];
      story.text = "Een verhaal over werk en taal.";
      ids_.push_back(AddStory(p, story));
    }
    const int64_t motivatie = Add("motivatie", std::nullopt);
    moeten_ = Add("moeten", motivatie);
    willen_ = Add("willen", motivatie);
    taal_ = Add("taal", std::nullopt);
    const int64_t coder = EnsureCoder(p, "anna");
    // S1: moeten, willen, taal; S2: moeten; S3: willen, taal; S4: nothing.
    const std::pair<int, int64_t> codings[] = {{0, moeten_}, {0, willen_}, {0, taal_},
                                               {1, moeten_}, {2, willen_}, {2, taal_}};
    for (const auto& [story, code] : codings) {
      Coding coding;
      coding.story_id = ids_[story];
      coding.code_id = code;
      coding.coder_id = coder;
      coding.start = 0;
      coding.end = 3;
      AddCoding(p, coding);
    }
    stories_ = ListStories(p);
  }

  int64_t Add(const std::string& name, std::optional<int64_t> parent) {
    Code code;
    code.name = name;
    code.parent_id = parent;
    return AddCode(*project_, code);
  }

  testing::TempDir dir_;
  std::unique_ptr<Project> project_;
  std::vector<int64_t> ids_;
  std::vector<Story> stories_;
  int64_t moeten_ = 0, willen_ = 0, taal_ = 0;
};

TEST_F(SummaryTest, CodeFrequenciesAggregateParentsOncePerStory) {
  const SummaryStories all = SummaryStoriesOf(stories_, nullptr);
  const Table table = CodeFrequencyTable(all, CountCodes(*project_, all));
  EXPECT_EQ(table.columns,
            (std::vector<std::string>{"code", "all stories", "all respondents", "all %"}));
  EXPECT_EQ(table.rows, (Rows{{"motivatie", "3", "2", "75.0"},
                              {"motivatie/moeten", "2", "1", "50.0"},
                              {"motivatie/willen", "2", "2", "50.0"},
                              {"taal", "2", "2", "50.0"}}));

  const auto role = ResolveDimension(*project_, ParseDimension("role"), stories_);
  const SummaryStories by_role = SummaryStoriesOf(stories_, &role);
  const Table grouped = CodeFrequencyTable(by_role, CountCodes(*project_, by_role));
  EXPECT_EQ(grouped.rows[0],
            (std::vector<std::string>{"motivatie", "0", "0", "0.0", "3", "2", "100.0"}));
  EXPECT_EQ(grouped.columns[1], "klantmanager stories");
}

TEST_F(SummaryTest, CooccurrenceWithJaccard) {
  const SummaryStories all = SummaryStoriesOf(stories_, nullptr);
  const Table table = CooccurrenceTable(CountCodes(*project_, all));
  // motivatie & taal: S1, S3 both; either: S1, S2, S3 -> 2/3.
  EXPECT_EQ(table.rows, (Rows{{"motivatie", "taal", "2", "3", "0.667"},
                              {"motivatie/willen", "taal", "2", "2", "1.000"},
                              {"motivatie/moeten", "motivatie/willen", "1", "3", "0.333"},
                              {"motivatie/moeten", "taal", "1", "3", "0.333"}}));
}

TEST_F(SummaryTest, SegmentCooccurrenceCountsOverlapsNotNeighbours) {
  Project& p = *project_;
  // S5: moeten [0, 5) and taal [5, 10) touch but do not overlap; willen
  // [8, 12) overlaps taal. S1..S3 have every coding on [0, 3).
  Story story;
  story.key = "S5";
  story.text = "Een verhaal over werk en taal.";
  const int64_t s5 = AddStory(p, story);
  const int64_t coder = EnsureCoder(p, "anna");
  const std::tuple<int64_t, int64_t, int64_t> spans[] = {
      {moeten_, 0, 5}, {taal_, 5, 10}, {willen_, 8, 12}};
  for (const auto& [code, start, end] : spans) {
    Coding coding;
    coding.story_id = s5;
    coding.code_id = code;
    coding.coder_id = coder;
    coding.start = start;
    coding.end = end;
    AddCoding(p, coding);
  }
  const SummaryStories all = SummaryStoriesOf(ListStories(p), nullptr);
  // Segments: S1 [0,3) {motivatie, moeten, willen, taal}; S2 [0,3) {motivatie,
  // moeten}; S3 [0,3) {motivatie, willen, taal}; S5 a [0,5) {motivatie,
  // moeten}, b [5,10) {taal}, c [8,12) {motivatie, willen}.
  // motivatie & taal: S1, S3, b, c overlap the other code (4) of 5 + 3 - 2 = 6.
  // moeten & taal: only S1; a and b touch at 5 and do not count.
  EXPECT_EQ(SegmentCooccurrenceTable(p, all).rows,
            (Rows{{"motivatie", "taal", "4", "6", "0.667"},
                  {"motivatie/willen", "taal", "4", "4", "1.000"},
                  {"motivatie/moeten", "motivatie/willen", "1", "5", "0.200"},
                  {"motivatie/moeten", "taal", "1", "5", "0.200"}}));
  // In stories, S5 has moeten with taal.
  EXPECT_EQ(CooccurrenceTable(CountCodes(p, all)).rows[3],
            (std::vector<std::string>{"motivatie/moeten", "taal", "2", "4", "0.500"}));
}

TEST_F(SummaryTest, ChartsNameTheirFigures) {
  const SummaryStories all = SummaryStoriesOf(stories_, nullptr);
  const SummaryChart codes = CodeFrequencyChart(all, CountCodes(*project_, all));
  EXPECT_EQ(codes.file, "codes.svg");
  EXPECT_EQ(codes.svg.rfind("<?xml", 0), 0u);
  for (const std::string text : {"<title>Code frequencies</title>", ">motivatie/moeten</text>",
                                 ">stories</text>", ">3</text>", "(4 stories)"}) {
    EXPECT_NE(codes.svg.find(text), std::string::npos) << text << "\n" << codes.svg;
  }
  // By role: a bar per role in each row, a legend, percentages.
  const auto role = ResolveDimension(*project_, ParseDimension("role"), stories_);
  const SummaryStories by_role = SummaryStoriesOf(stories_, &role);
  const SummaryChart grouped = CodeFrequencyChart(by_role, CountCodes(*project_, by_role));
  for (const std::string text : {">klantmanager</text>", ">statushouder</text>",
                                 ">% of the group&#39;s stories</text>", ">66.7</text>"}) {
    EXPECT_NE(grouped.svg.find(text), std::string::npos) << text << "\n" << grouped.svg;
  }
  EXPECT_EQ(grouped.svg, CodeFrequencyChart(by_role, CountCodes(*project_, by_role)).svg);
}

TEST_F(SummaryTest, SignifierStatistics) {
  Project& p = *project_;
  Signifier stijl;
  stijl.key = "stijl";
  stijl.type = SignifierType::kDyad;
  stijl.id = EnsureSignifier(p, stijl);
  const double xs[] = {0.1, 0.3, 0.9};
  for (int i = 0; i < 3; ++i) {
    SignifierValue value;
    value.x = xs[i];
    SetSignifierValue(p, stijl, ids_[i], value);
  }
  SignifierValue na;
  na.not_applicable = true;
  SetSignifierValue(p, stijl, ids_[3], na);
  Signifier belang;
  belang.key = "belang";
  belang.type = SignifierType::kTriad;
  belang.options = {{"t", "taal"}, {"g", "gezondheid"}, {"w", "werk"}};
  belang.id = EnsureSignifier(p, belang);
  SignifierValue t1;
  t1.triad = {0.8, 0.2, 0};
  SetSignifierValue(p, belang, ids_[0], t1);
  SignifierValue t2;
  t2.triad = {0.2, 0.2, 0.6};
  SetSignifierValue(p, belang, ids_[1], t2);
  Signifier hulp;
  hulp.key = "hulp";
  hulp.type = SignifierType::kList;
  hulp.multiple = true;
  hulp.options = {{"1", "taalles"}, {"2", "stage"}};
  hulp.id = EnsureSignifier(p, hulp);
  SignifierValue h1;
  h1.items = {0, 1};
  SetSignifierValue(p, hulp, ids_[0], h1);
  SignifierValue h2;
  h2.items = {1};
  SetSignifierValue(p, hulp, ids_[1], h2);

  const SummaryStories all = SummaryStoriesOf(stories_, nullptr);
  // mean 0.433, median 0.3, sd = sqrt(((-.333)^2 + (-.133)^2 + .467^2) / 2) = 0.416;
  // type 7 quartiles: 0.2 and 0.6.
  EXPECT_EQ(DyadSummaryTable(all, SummarizeDyads(p, all)).rows,
            (Rows{{"stijl", "all", "3", "1", "0", "0.433", "0.300", "0.416", "0.200", "0.600", "1",
                   "1", "0", "0", "1"}}));
  const Table triads = TriadSummaryTable(all, SummarizeTriads(p, all));
  ASSERT_EQ(triads.rows.size(), 1u);
  // one zero replaced; zones: top (0.8) and right (0.6)
  EXPECT_EQ(triads.rows[0][2], "2");
  EXPECT_EQ(triads.rows[0][4], "2");
  EXPECT_EQ(triads.rows[0][8], "1");
  EXPECT_EQ(std::vector<std::string>(triads.rows[0].begin() + 9, triads.rows[0].end()),
            (std::vector<std::string>{"1", "0", "1", "0", "0", "0", "0"}));
  EXPECT_EQ(
      ListSummaryTable(all, SummarizeLists(p, all)).rows,
      (Rows{{"hulp", "all", "taalles", "1", "50.0"}, {"hulp", "all", "stage", "2", "100.0"}}));

  const auto dyads = DyadCharts(all, SummarizeDyads(p, all));
  ASSERT_EQ(dyads.size(), 1u);
  EXPECT_EQ(dyads[0].file, "dyad-stijl.svg");
  for (const std::string text : {"<title>stijl</title>", "n 3, mean 0.43", ">0.2</text>"}) {
    EXPECT_NE(dyads[0].svg.find(text), std::string::npos) << text << "\n" << dyads[0].svg;
  }
  const auto ternary = TriadCharts(all, SummarizeTriads(p, all));
  ASSERT_EQ(ternary.size(), 1u);
  EXPECT_EQ(ternary[0].file, "triad-belang.svg");
  for (const std::string text : {">taal</text>", ">gezondheid</text>", ">werk</text>",
                                 ">all (2)</text>", ">closed geometric mean</text>"}) {
    EXPECT_NE(ternary[0].svg.find(text), std::string::npos) << text << "\n" << ternary[0].svg;
  }
  const auto lists = ListCharts(all, SummarizeLists(p, all));
  ASSERT_EQ(lists.size(), 1u);
  EXPECT_EQ(lists[0].file, "list-hulp.svg");
  EXPECT_NE(lists[0].svg.find("(2 answered)"), std::string::npos) << lists[0].svg;
}

TEST_F(SummaryTest, SignifierAnswersPerStoryComeWithTheFiguresInOneRead) {
  // The report draws its dyad and triad charts from the answers the
  // figures gathered (issue 25): each story's state and numbers, in
  // SummaryStories order, and the same figures as without them.
  Project& p = *project_;
  Signifier stijl;
  stijl.key = "stijl";
  stijl.type = SignifierType::kDyad;
  stijl.id = EnsureSignifier(p, stijl);
  SignifierValue x;
  x.x = 0.25;
  SetSignifierValue(p, stijl, ids_[2], x);
  SignifierValue na;
  na.not_applicable = true;
  SetSignifierValue(p, stijl, ids_[0], na);
  Signifier belang;
  belang.key = "belang";
  belang.type = SignifierType::kTriad;
  belang.options = {{"t", "taal"}, {"g", "gezondheid"}, {"w", "werk"}};
  belang.id = EnsureSignifier(p, belang);
  SignifierValue t;
  t.triad = {0.5, 0.3, 0.2};
  SetSignifierValue(p, belang, ids_[1], t);
  Signifier hulp;
  hulp.key = "hulp";
  hulp.type = SignifierType::kList;
  hulp.options = {{"1", "taalles"}};
  hulp.id = EnsureSignifier(p, hulp);
  SignifierValue h;
  h.items = {0};
  SetSignifierValue(p, hulp, ids_[1], h);

  const SummaryStories all = SummaryStoriesOf(stories_, nullptr);
  std::vector<std::string> seen;  // "key: state/numbers ..." per signifier
  const SignifierSummaries figures = SummarizeSignifiers(
      p, all, {SignifierType::kDyad, SignifierType::kTriad, SignifierType::kList},
      [&](const StoryAnswers& answers) {
        std::string line = answers.signifier->key + ":";
        for (size_t i = 0; i < all.ids.size(); ++i) {
          line += " " + std::to_string((*answers.state)[i]);
          if ((*answers.state)[i] != StoryAnswers::kAnswered) continue;
          for (size_t k = 0; k < answers.stride; ++k) {
            line += "/" + FormatFixed((*answers.numbers)[i * answers.stride + k], 2);
          }
        }
        seen.push_back(line);
      });
  // Stories 0..3 of the fixture: no list (it has no numbers to draw from).
  EXPECT_EQ(seen,
            (std::vector<std::string>{"stijl: 2 0 1/0.25 0", "belang: 0 1/0.50/0.30/0.20 0 0"}));
  EXPECT_EQ(DyadSummaryTable(all, figures.dyads).rows,
            DyadSummaryTable(all, SummarizeDyads(p, all)).rows);
  EXPECT_EQ(TriadSummaryTable(all, figures.triads).rows,
            TriadSummaryTable(all, SummarizeTriads(p, all)).rows);
  EXPECT_EQ(ListSummaryTable(all, figures.lists).rows,
            ListSummaryTable(all, SummarizeLists(p, all)).rows);
}

TEST_F(SummaryTest, SliderScatterQuadrants) {
  Project& p = *project_;
  Signifier x;
  x.key = "motivatie";
  x.type = SignifierType::kDyad;
  x.x_low = "moeten";
  x.x_high = "willen";
  x.id = EnsureSignifier(p, x);
  Signifier y = x;
  y.key = "stijl";
  y.x_low = "dwingend";
  y.x_high = "aanmoedigend";
  y.id = EnsureSignifier(p, y);
  const double values[][2] = {{0.1, 0.2}, {0.5, 0.9}, {0.9, 0.8}};
  for (int i = 0; i < 3; ++i) {
    SignifierValue vx, vy;
    vx.x = values[i][0];
    vy.x = values[i][1];
    SetSignifierValue(p, x, ids_[i], vx);
    SetSignifierValue(p, y, ids_[i], vy);
  }
  const SliderScatter scatter = BuildSliderScatter(
      p, ParseDimension("dyad:motivatie"), ParseDimension("dyad:stijl@0.85"), stories_, nullptr);
  EXPECT_EQ(scatter.points.size(), 3u);
  EXPECT_EQ(scatter.left_out, (std::map<std::string, int64_t>{{"dyad:motivatie: no answer", 1}}));
  // (0.1, 0.2) bottom-left; (0.5, 0.9) top-right (0.5 is high); (0.9, 0.8) bottom-right.
  EXPECT_EQ(scatter.quadrants, (std::array<int64_t, 4>{1, 1, 0, 1}));
  EXPECT_EQ(SliderQuadrantTable(scatter).rows[3],
            (std::vector<std::string>{"top-right", "willen", "aanmoedigend", "1", "33.3"}));
  const std::string svg = SliderScatterSvg(scatter);
  EXPECT_EQ(svg, SliderScatterSvg(scatter));
  // The report's way: the same points from the ids alone (no keys), and the
  // same document given in parts.
  std::vector<int64_t> ids;
  for (const Story& story : stories_) ids.push_back(story.id);
  const SliderScatter by_id = BuildSliderScatter(p, ParseDimension("dyad:motivatie"),
                                                 ParseDimension("dyad:stijl@0.85"), ids, nullptr);
  ASSERT_EQ(by_id.points.size(), scatter.points.size());
  for (size_t i = 0; i < by_id.points.size(); ++i) {
    EXPECT_EQ(by_id.points[i].story_id, scatter.points[i].story_id);
    EXPECT_EQ(by_id.points[i].x, scatter.points[i].x);
    EXPECT_EQ(by_id.points[i].story, "");
  }
  EXPECT_EQ(by_id.left_out, scatter.left_out);
  std::string parts;
  WriteSliderScatterSvg(scatter, Language::kEnglish, [&](std::string_view part) { parts += part; });
  EXPECT_EQ(parts, svg);
  EXPECT_NE(svg.find(">n = 1 (33%)</text>"), std::string::npos);
  // The quadrant counts sit outside the square (y 60 to 480), where they
  // cover no point.
  for (size_t at = svg.find(">n = "); at != std::string::npos; at = svg.find(">n = ", at + 1)) {
    const size_t text = svg.rfind("<text", at);
    const size_t y = svg.find(" y=\"", text) + 4;
    const double top = std::stod(svg.substr(y));
    EXPECT_TRUE(top < 60 || top > 480) << svg.substr(text, at - text);
  }
  EXPECT_NE(svg.find(">dwingend</text>"), std::string::npos);
  EXPECT_THROW(BuildSliderScatter(p, ParseDimension("role"), ParseDimension("dyad:stijl"), stories_,
                                  nullptr),
               Error);
}

// A scatter of many stories is given in parts of at most about 64 KiB, and
// together they are the document SliderScatterSvg makes (the report writes
// them as they come instead of holding tens of MB).
TEST(SliderScatterSvgTest, ManyPointsComeInPartsWithTheSameBytes) {
  SliderScatter scatter;
  scatter.x.title = "motivatie";
  scatter.y.title = "stijl";
  for (int i = 0; i < 5000; ++i) {
    scatter.points.push_back({"", i, (i % 100) / 100.0, (i % 37) / 37.0, -1});
  }
  std::string parts;
  size_t largest = 0;
  size_t count = 0;
  WriteSliderScatterSvg(scatter, Language::kDutch, [&](std::string_view part) {
    parts += part;
    largest = std::max(largest, part.size());
    ++count;
  });
  EXPECT_EQ(parts, SliderScatterSvg(scatter, Language::kDutch));
  EXPECT_GT(count, 4u);
  EXPECT_LT(largest, 70000u);
}

}  // namespace
}  // namespace verhaal
