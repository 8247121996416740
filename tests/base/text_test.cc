#include "base/text.h"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "base/error.h"

namespace verhaal {
namespace {

TEST(NormalizeTextTest, TurnsCrLfAndCrIntoNewlines) {
  EXPECT_EQ(NormalizeText("een\r\ntwee\rdrie\n"), "een\ntwee\ndrie\n");
}

TEST(NormalizeTextTest, ComposesDecomposedDiacriticsToNfc) {
  // "coöperatie" with o + U+0308 COMBINING DIAERESIS becomes U+00F6.
  EXPECT_EQ(NormalizeText("coo\xCC\x88peratie"), "co\xC3\xB6peratie");
  EXPECT_EQ(CodePointCount(NormalizeText("coo\xCC\x88peratie")), 10u);
}

// NormalizeText returns text whose characters all lie below U+0300 without
// asking ICU; that is only right if ICU agrees each of them is NFC as it
// stands and never reorders or composes with what follows.
TEST(NormalizeTextTest, EveryCharacterBelowTheCombiningMarksIsNfcAsItStands) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  ASSERT_TRUE(U_SUCCESS(status));
  for (UChar32 c = 1; c < 0x300; ++c) {
    EXPECT_EQ(nfc->getCombiningClass(c), 0) << std::hex << c;
    EXPECT_EQ(nfc->quickCheck(icu::UnicodeString(c), status), UNORM_YES) << std::hex << c;
  }
  // And the fast path leaves such text alone while a mark after it composes.
  EXPECT_EQ(NormalizeText("\xC3\xA9\xC5\x82\xC8\xA7"), "\xC3\xA9\xC5\x82\xC8\xA7");
  EXPECT_EQ(NormalizeText("caf\xC3\xA9 e\xCC\x81"), "caf\xC3\xA9 \xC3\xA9");
}

TEST(NormalizeTextTest, InvalidUtf8NamesTheByteOffsetLineAndColumn) {
  try {
    NormalizeText("regel een\ntwee \xE9\xE9n", Location{"verhalen.csv", 0, 0, ""});
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kData);
    EXPECT_EQ(std::string(e.what()),
              "verhalen.csv:2:6: invalid UTF-8: byte 0xE9 at byte offset 15; if the file is "
              "Windows-1252 or Latin-1, say so with --encoding windows-1252");
  }
}

TEST(NormalizeTextTest, InvalidUtf8AfterLongAsciiRunsIsFoundAtItsOffset) {
  // The scan takes eight ASCII bytes at a time; a bad byte anywhere in or
  // after such a block must still be found, with its own offset.
  for (size_t prefix = 0; prefix < 20; ++prefix) {
    const std::string text = std::string(prefix, 'a') + "\xC3\xA9" + "\xC3" + "bcdefghijk";
    try {
      ValidateUtf8(text, Location{});
      FAIL() << prefix;
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find("at byte offset " + std::to_string(prefix + 2) + ";"),
                std::string::npos)
          << e.what();
    }
  }
}

TEST(NormalizeTextTest, ErrorLocationAddsToTheGivenLine) {
  try {
    NormalizeText("goed\n\xFF", Location{"a.csv", 10, 3, ""});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.location().line, 11);
    EXPECT_EQ(e.location().column, 1);
  }
}

TEST(NormalizeTextTest, ANulByteIsRefusedWithItsPlace) {
  try {
    NormalizeText(std::string("Eerste regel\nmet een ") + '\0' + "erin", {"s.csv", 4, 0, ""});
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kData);
    EXPECT_EQ(e.location().file, "s.csv");
    EXPECT_EQ(e.location().line, 5);
    EXPECT_EQ(e.location().column, 9);
    EXPECT_EQ(e.message(),
              "a NUL byte (0x00) at byte offset 21; text may not contain NUL bytes (is the file "
              "UTF-16? save it as UTF-8)");
  }
}

TEST(NormalizeTextTest, Utf16IsNamedAsSuchNotAsWindows1252) {
  try {
    NormalizeText(std::string("\xFF\xFEv\0e\0r\0", 8));
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.message(),
              "invalid UTF-8: byte 0xFF at byte offset 0; the file is UTF-16 (it starts with a "
              "UTF-16 byte order mark): save it as UTF-8, or say --encoding utf-16");
  }
}

TEST(ContentHashTest, IsSha256) {
  EXPECT_EQ(ContentHash(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(ContentHash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // Two blocks of padding (56 bytes).
  EXPECT_EQ(ContentHash("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

struct OffsetCase {
  std::string text;
  size_t code_point;
  size_t byte;
};

class OffsetTest : public ::testing::TestWithParam<OffsetCase> {};

TEST_P(OffsetTest, ConvertsBothWays) {
  const OffsetCase& c = GetParam();
  EXPECT_EQ(ByteOffsetOf(c.text, c.code_point), c.byte);
  EXPECT_EQ(CodePointIndexOf(c.text, c.byte), c.code_point);
  OffsetIndex index(c.text);
  EXPECT_EQ(index.ByteOf(c.code_point), c.byte);
  EXPECT_EQ(index.CodePointOf(c.byte), c.code_point);
}

INSTANTIATE_TEST_SUITE_P(
    DutchAndBeyondBmp, OffsetTest,
    ::testing::Values(OffsetCase{"één keer", 0, 0}, OffsetCase{"één keer", 1, 2},
                      OffsetCase{"één keer", 3, 5}, OffsetCase{"één keer", 8, 10},
                      OffsetCase{"de financiële steun", 12, 13},
                      OffsetCase{"coöperatie werkt", 3, 4},
                      // U+1F60A (4 bytes) counts as one code point.
                      OffsetCase{"blij 😊 met werk", 5, 5}, OffsetCase{"blij 😊 met werk", 6, 9},
                      OffsetCase{"blij 😊 met werk", 15, 18}));

TEST(OffsetTest, SliceUsesCodePoints) {
  EXPECT_EQ(SliceCodePoints("de financiële steun", 3, 13), "financiële");
  EXPECT_EQ(SliceCodePoints("blij 😊 met", 5, 6), "😊");
}

TEST(OffsetTest, OutOfRangeIsAnError) {
  EXPECT_THROW(ByteOffsetOf("één", 4), Error);
  EXPECT_THROW(CodePointIndexOf("één", 1), Error);  // inside é
  EXPECT_THROW(OffsetIndex("één").ByteOf(4), Error);
}

TEST(AsciiLowerTest, LowersOnlyAsciiLetters) {
  EXPECT_EQ(AsciiLower("Project.QDE"), "project.qde");
  EXPECT_EQ(AsciiLower("ÉÉN Coöperatie - X"), "ÉÉn coöperatie - x");
  EXPECT_EQ(AsciiLower(""), "");
}

TEST(NthLineTest, CountsFromZeroWithoutLineEnds) {
  const std::string text = "codes:\r\n  - name: coöperatie\n\nlaatste";
  EXPECT_EQ(NthLine(text, 0), "codes:");
  EXPECT_EQ(NthLine(text, 1), "  - name: coöperatie");
  EXPECT_EQ(NthLine(text, 2), "");
  EXPECT_EQ(NthLine(text, 3), "laatste");
  EXPECT_EQ(NthLine(text, 4), "");
  EXPECT_EQ(NthLine(text, -1), "");
}

TEST(ErrorTest, DescribeShowsTheLineAndACaret) {
  Error e = DataError("unknown code 'motivatie/wiIlen'",
                      Location{"codings.csv", 3, 12, "SH-01-E,motivatie/wiIlen,anna"});
  EXPECT_EQ(e.Describe(),
            "codings.csv:3:12: unknown code 'motivatie/wiIlen'\n"
            "  SH-01-E,motivatie/wiIlen,anna\n"
            "             ^");
}

}  // namespace
}  // namespace verhaal
