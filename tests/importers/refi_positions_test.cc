// Position mapping from a REFI-QDA source text to verhaal's stored text:
// diacritics (composed and decomposed), emoji, CRLF counted as two (the
// standard) or one (ATLAS.ti).
#include "importers/refi_positions.h"

#include <gtest/gtest.h>

#include "base/text.h"

namespace verhaal {
namespace {

struct Case {
  const char* name;
  std::string source;
  LineBreakCounting counting;
  std::string stored;
  // {source start, source end} -> {stored start, stored end}
  std::vector<std::pair<std::pair<size_t, size_t>, std::pair<size_t, size_t>>> spans;
};

TEST(RefiPositionsTest, MapsSourcePositionsToStoredPositions) {
  const std::vector<Case> cases = {
      {"ascii", "abc def", LineBreakCounting::kEachCharacter, "abc def", {{{4, 7}, {4, 7}}}},
      {"composed é counts one",
       "café au lait",
       LineBreakCounting::kEachCharacter,
       "café au lait",
       {{{5, 7}, {5, 7}}, {{0, 4}, {0, 4}}}},
      // "e" + U+0301 is two code points in the source and one (é) when stored.
      {"decomposed é shrinks",
       "cafe\xCC\x81 au lait",
       LineBreakCounting::kEachCharacter,
       "café au lait",
       {{{6, 8}, {5, 7}}, {{0, 5}, {0, 4}}, {{0, 4}, {0, 4}}}},
      {"emoji is one code point",
       "\xF0\x9F\x98\x80 blij",
       LineBreakCounting::kEachCharacter,
       "\xF0\x9F\x98\x80 blij",
       {{{2, 6}, {2, 6}}, {{0, 1}, {0, 1}}}},
      {"CRLF counts two",
       "ja\r\nnee\r\nmisschien",
       LineBreakCounting::kEachCharacter,
       "ja\nnee\nmisschien",
       {{{4, 7}, {3, 6}}, {{9, 18}, {7, 16}}}},
      {"CRLF counts one (ATLAS.ti)",
       "ja\r\nnee\r\nmisschien",
       LineBreakCounting::kCrlfAsOne,
       "ja\nnee\nmisschien",
       {{{3, 6}, {3, 6}}, {{7, 16}, {7, 16}}}},
      {"lone CR", "a\rb", LineBreakCounting::kEachCharacter, "a\nb", {{{2, 3}, {2, 3}}}},
      {"inside a CRLF rounds outward",
       "a\r\nb",
       LineBreakCounting::kEachCharacter,
       "a\nb",
       {{{2, 4}, {1, 3}}, {{0, 2}, {0, 2}}}},
      {"all together",
       "Zo\xCC\x88 \xF0\x9F\x98\x80\r\nwe\xCC\x81rk",
       LineBreakCounting::kEachCharacter,
       "Z\xC3\xB6 \xF0\x9F\x98\x80\nw\xC3\xA9rk",
       {{{7, 12}, {5, 9}}, {{4, 5}, {3, 4}}}},
  };
  for (const Case& c : cases) {
    SourcePositionMap map(c.source, c.counting);
    EXPECT_EQ(map.stored_text(), c.stored) << c.name;
    EXPECT_EQ(map.stored_text(), NormalizeText(c.source)) << c.name;
    for (const auto& [source, stored] : c.spans) {
      EXPECT_EQ(map.StartOf(source.first), stored.first) << c.name << " start " << source.first;
      EXPECT_EQ(map.EndOf(source.second), stored.second) << c.name << " end " << source.second;
    }
  }
}

TEST(RefiPositionsTest, EndOfTextIsValidAndBeyondIsNot) {
  SourcePositionMap map("a\r\nb\xCC\x81", LineBreakCounting::kEachCharacter);
  EXPECT_EQ(map.source_length(), 5u);
  EXPECT_EQ(map.EndOf(5), 4u);  // b + U+0301 has no composed form
  EXPECT_EQ(map.StartOf(6), std::nullopt);
  EXPECT_EQ(map.EndOf(6), std::nullopt);
}

TEST(RefiPositionsTest, InvalidUtf8IsALocatedDataError) {
  try {
    SourcePositionMap map("ab\xFF", LineBreakCounting::kEachCharacter,
                          Location{"x.qdpx:bron", 0, 0, ""});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kData);
    EXPECT_EQ(e.location().file, "x.qdpx:bron");
    EXPECT_EQ(e.location().column, 3);
  }
}

}  // namespace
}  // namespace verhaal
