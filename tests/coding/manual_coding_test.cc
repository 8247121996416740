// Coding by hand (coding/manual_coding.h): the three ways to name a segment,
// offsets in text with diacritics, and the exact error messages.
#include "coding/manual_coding.h"

#include <gtest/gtest.h>

#include "base/error.h"
#include "coding/codebook.h"
#include "coding/codebook_sync.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

class ManualCodingTest : public ::testing::Test {
 protected:
  ManualCodingTest() : project_(Project::Create(dir_ / "p.verhaal", "test")) {
    Story story;
    story.key = "S1";
    // Diacritics before the quotes: byte and code point offsets differ.
    story.text = "Één café in Zeewolde: ik wil werken.\nIk wil werken, zei ze.";
    AddStory(project_, story);
    SyncCodebook(project_, ParseCodebook(R"(codes:
  - name: motivatie
    dimension: true
    children:
      - name: moeten
      - name: willen
  - name: oud
    retired: true
)",
                                         "cb.yaml"));
  }

  CodingRequest Request(SegmentSpec spec, std::string code = "motivatie/willen") {
    CodingRequest r;
    r.story_key = "S1";
    r.code_path = std::move(code);
    r.coder = "anna";
    r.segment = std::move(spec);
    return r;
  }

  std::string ErrorOf(const CodingRequest& request) {
    try {
      CodeSegment(project_, request);
    } catch (const Error& e) {
      return e.Describe();
    }
    return "(no error)";
  }

  testing::TempDir dir_;
  Project project_;
};

SegmentSpec Quote(std::string text, int occurrence = 0) {
  SegmentSpec s;
  s.quote = std::move(text);
  s.occurrence = occurrence;
  return s;
}

TEST_F(ManualCodingTest, QuoteOffsetsCountCodePoints) {
  const auto r = CodeSegment(project_, Request(Quote("café in Zeewolde")));
  EXPECT_TRUE(r.added);
  EXPECT_EQ(r.coding.start, 4);  // "Één " is 4 code points (7 bytes)
  EXPECT_EQ(r.coding.end, 20);
  const auto second = CodeSegment(project_, Request(Quote("wil werken", 2)));
  EXPECT_EQ(second.coding.start, 40);
  EXPECT_EQ(second.coding.end, 50);
}

TEST_F(ManualCodingTest, QuoteIsNormalisedToNfc) {
  // "e" + combining acute accent, as some editors write it.
  const auto r = CodeSegment(project_, Request(Quote("cafe\xCC\x81")));
  EXPECT_EQ(r.coding.start, 4);
  EXPECT_EQ(r.coding.end, 8);
}

TEST_F(ManualCodingTest, SpanAndWhole) {
  SegmentSpec span;
  ParseSpan("4:8", span);
  EXPECT_EQ(CodeSegment(project_, Request(span)).coding.end, 8);
  SegmentSpec whole;
  whole.whole = true;
  const auto r = CodeSegment(project_, Request(whole));
  EXPECT_EQ(r.coding.start, 0);
  EXPECT_EQ(r.coding.end, 59);
}

TEST_F(ManualCodingTest, ADuplicateIsReportedNotStoredTwice) {
  EXPECT_TRUE(CodeSegment(project_, Request(Quote("café"))).added);
  EXPECT_FALSE(CodeSegment(project_, Request(Quote("café"))).added);
  // Overlapping and nested codings are fine.
  EXPECT_TRUE(CodeSegment(project_, Request(Quote("café in"))).added);
  EXPECT_TRUE(CodeSegment(project_, Request(Quote("café"), "motivatie/moeten")).added);
  EXPECT_EQ(ListCodings(project_).size(), 3u);
}

TEST_F(ManualCodingTest, UncodeRemovesOnlyThatCoding) {
  CodeSegment(project_, Request(Quote("café")));
  CodeSegment(project_, Request(Quote("café in")));
  UncodeSegment(project_, Request(Quote("café")));
  ASSERT_EQ(ListCodings(project_).size(), 1u);
  EXPECT_EQ(ListCodings(project_)[0].end, 11);
  try {
    UncodeSegment(project_, Request(Quote("café")));
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.message(),
              "story S1 has no coding of 'motivatie/willen' by anna at 4:8; see its codings "
              "with `verhaal show S1`");
  }
}

TEST_F(ManualCodingTest, Errors) {
  SegmentSpec bad_span;
  bad_span.start = 50;
  bad_span.end = 70;
  struct Case {
    CodingRequest request;
    std::string error;
  } cases[] = {
      {Request(Quote("wil werken")),
       "the quote \"wil werken\" occurs 2 times in story S1 (1: line 1 column 26 (25:35), 2: "
       "line 2 column 4 (40:50)); pick one with --occurrence N or use --span"},
      {Request(Quote("wil werken", 3)),
       "the quote \"wil werken\" occurs 2 times in story S1, so --occurrence 3 does not exist; "
       "use 1 to 2"},
      {Request(Quote("koffie")),
       "the quote \"koffie\" does not occur in story S1; copy it exactly (spaces, "
       "punctuation and case count) from `verhaal show S1`"},
      // Case, accents, quote style and white space: the passages it may mean.
      {Request(Quote("Wil werken")),
       "the quote \"Wil werken\" does not occur in story S1 as written; did you mean \"wil "
       "werken\" at 25:35 or \"wil werken\" at 40:50? Give it exactly as the story has it, or "
       "use --span 25:35"},
      {Request(Quote("EEN CAFE  in zeewolde")),
       "the quote \"EEN CAFE  in zeewolde\" does not occur in story S1 as written; did you mean "
       "\"\u00c9\u00e9n caf\u00e9 in Zeewolde\" at 0:20? Give it exactly as the story has it, or "
       "use --span 0:20"},
      {Request(Quote("werken.  ik wil")),
       "the quote \"werken.  ik wil\" does not occur in story S1 as written; did you mean "
       "\"werken.\nIk wil\" at 29:43? Give it exactly as the story has it, or use --span 29:43"},
      {Request(bad_span),
       "span 50:70 does not fit story S1, which has 59 characters; use START:END with 0 <= "
       "START < END <= 59"},
      {Request(Quote("café"), "oud"),
       "code 'oud' is retired; code with its successor, or bring it back in the codebook "
       "(retired: false)"},
      {Request(Quote("café"), "motivatie"),
       "code 'motivatie' is a group and cannot be coded; code one of motivatie/moeten, "
       "motivatie/willen"},
      {Request(Quote("café"), "motivatie/wilen"),
       "code 'motivatie/wilen' does not exist; did you mean 'motivatie/willen'? see `verhaal "
       "codebook show`"},
  };
  for (const auto& c : cases) EXPECT_EQ(ErrorOf(c.request), c.error);
  CodingRequest unknown_story = Request(Quote("café"));
  unknown_story.story_key = "S9";
  EXPECT_EQ(ErrorOf(unknown_story),
            "story 'S9' does not exist; see the keys with `verhaal search` or `verhaal info`");
  EXPECT_TRUE(ListCodings(project_).empty());
}

}  // namespace
}  // namespace verhaal
