// Guessing a file's encoding when nobody named it (importers/encoding.h):
// what it guesses, what the warning says, and that a named encoding wins.
#include "importers/encoding.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::TempDir;

class EncodingGuessTest : public ::testing::Test {
 protected:
  GuessedEncoding Guess(const std::string& bytes) {
    dir_.Write("f.csv", bytes);
    return GuessEncoding(dir_ / "f.csv");
  }
  TempDir dir_;
};

TEST_F(EncodingGuessTest, ValidUtf8IsUtf8WithOrWithoutItsByteOrderMark) {
  EXPECT_EQ(Guess("a,b\n1,caf\xC3\xA9 co\xC3\xB6peratie \xF0\x9F\x98\x80\n").name, "utf-8");
  EXPECT_EQ(Guess("\xEF\xBB\xBF"
                  "a\n\xE2\x80\x9C"
                  "x\xE2\x80\x9D\n")
                .name,
            "utf-8");
  EXPECT_EQ(Guess("").name, "utf-8");
  EXPECT_EQ(Guess(std::string(100000, 'x') + "\xC3\xA9").name, "utf-8");
}

TEST_F(EncodingGuessTest, AUtf16ByteOrderMarkIsUtf16) {
  const GuessedEncoding le =
      Guess(std::string("\xFF\xFE"
                        "a\0,\0",
                        6));
  EXPECT_EQ(le.name, "utf-16");
  EXPECT_EQ(le.evidence, "it starts with a UTF-16 byte order mark");
  EXPECT_EQ(Guess(std::string("\xFE\xFF\0a", 4)).name, "utf-16");
}

TEST_F(EncodingGuessTest, OtherBytesAreWindows1252AndTheFirstBadByteIsNamed) {
  // é (0xE9) in Windows-1252 starts a 3-byte UTF-8 sequence the space breaks:
  // the byte named is the é, at its own column.
  const GuessedEncoding caf = Guess("id,tekst\n1,ons caf\xE9 en\n");
  EXPECT_EQ(caf.name, "windows-1252");
  EXPECT_EQ(caf.evidence, "byte 0xE9 at line 2, column 10 is not UTF-8");
  // A byte that never starts a character.
  EXPECT_EQ(Guess("a\nb\n\x93x\x94\n").evidence, "byte 0x93 at line 3, column 1 is not UTF-8");
  // Overlong forms and surrogates are not UTF-8.
  EXPECT_EQ(Guess("\xC0\xAF").name, "windows-1252");
  EXPECT_EQ(Guess("\xED\xA0\x80").name, "windows-1252");
  EXPECT_EQ(Guess("\xF4\x90\x80\x80").name, "windows-1252");
  // A character cut off by the end of the file.
  EXPECT_EQ(Guess("ab\xC3").evidence,
            "byte 0xC3 at line 1, column 3 starts a character the file ends before");
  // The bad byte past the first chunk (1 MiB) is still found.
  EXPECT_EQ(Guess(std::string((1 << 20) + 5, 'y') + "\xE9").name, "windows-1252");
}

TEST_F(EncodingGuessTest, ANamedEncodingWinsAndOnlyAGuessOtherThanUtf8Warns) {
  dir_.Write("w.csv", "a\n\xE9\n");
  dir_.Write("u.csv", "a\n\xC3\xA9\n");
  std::vector<std::string> warnings;
  EXPECT_EQ(EncodingFor(dir_ / "w.csv", "latin-1", warnings), "latin-1");
  EXPECT_EQ(EncodingFor(dir_ / "u.csv", "", warnings), "utf-8");
  EXPECT_TRUE(warnings.empty());
  EXPECT_EQ(EncodingFor(dir_ / "w.csv", "", warnings), "windows-1252");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("w.csv is not UTF-8 (byte 0xE9 at line 2, column 1 is not UTF-8), so "
                             "it is read as Windows-1252"),
            std::string::npos)
      << warnings[0];
  EXPECT_NE(warnings[0].find("name the encoding with --encoding"), std::string::npos);
}

}  // namespace
}  // namespace verhaal
