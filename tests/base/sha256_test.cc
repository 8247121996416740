// SHA-256 against reference digests (Python's hashlib), around the block and
// padding boundaries, on the path this processor takes (SHA-NI or portable)
// and on the SHA-NI path directly when the processor has it.
#include "base/sha256.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>

#include "base/sha256_x86.h"

namespace verhaal {
namespace {

std::string Alphabet(size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += static_cast<char>('a' + i % 26);
  return s;
}

struct DigestCase {
  std::string input;
  const char* digest;
};

std::vector<DigestCase> Cases() {
  return {
      {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {Alphabet(55), "595615dbe4f0f407ae397d08b4c2cb870cb9b0e11937416f950c5160acf9c005"},
      {Alphabet(56), "784f623b787495078e93ff28a25b581df0584055a7e71d8cd90c454716b92f51"},
      {Alphabet(63), "5ca3e1ef5207490eac01a795e5cc94d59582a5118bf9534665c8668d87aa647c"},
      {Alphabet(64), "2fcd5a0d60e4c941381fcc4e00a4bf8be422c3ddfafb93c809e8d1e2bfffae8e"},
      {Alphabet(65), "1b3cd1877ab2f2f19f7be001722554f336cb799df0329de0bb4c118dc6abc06d"},
      {Alphabet(119), "faef67da856d6fd9c8d12f9ed0a4fefd3cf0ce085ab43e2907418d457e3c354b"},
      {Alphabet(120), "c9512b08619c19fbb503c7da6b46ef20301e5f7a7a5f43989182398536f5c5c8"},
      {Alphabet(128), "6c05be2c4268843ae47e68e611277ce62c02153f2f4d2e1e2a1a4b44f766cf74"},
      {Alphabet(1000), "915e53a44c18b19bb06ba5b3f5fcaf1dc4651e8404c63425cfc6174e74659d87"},
      {std::string(1000000, 'a'),
       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
      {"\xC3\xA9\xC3\xA9n financi\xC3\xABle co\xC3\xB6rdinator",
       "dbf9b387848ef75e932d446f6d7599b8c5b342f3bf1f81b7caac03df299199cf"},
  };
}

TEST(Sha256Test, MatchesReferenceDigests) {
  for (const auto& c : Cases()) {
    EXPECT_EQ(Sha256Hex(c.input), c.digest) << c.input.size() << " bytes";
  }
}

// The first block of Alphabet(64) compressed by SHA-NI gives the state the
// portable path reaches: compare through the digest of a 55-byte message
// padded by hand to one block.
TEST(Sha256Test, HardwareBlocksMatchTheReference) {
  if (!HasSha256Instructions()) GTEST_SKIP() << "this processor has no SHA-NI";
  const std::string message = Alphabet(55);
  std::array<uint8_t, 64> block{};
  for (size_t i = 0; i < message.size(); ++i) block[i] = static_cast<uint8_t>(message[i]);
  block[55] = 0x80;
  block[62] = (55 * 8) >> 8;
  block[63] = (55 * 8) & 0xFF;
  uint32_t state[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                       0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  CompressSha256Blocks(state, block.data(), 1);
  std::string hex;
  for (uint32_t word : state) {
    char part[9];
    std::snprintf(part, sizeof part, "%08x", word);
    hex += part;
  }
  EXPECT_EQ(hex, "595615dbe4f0f407ae397d08b4c2cb870cb9b0e11937416f950c5160acf9c005");
}

// GUIDs derived from names stay what they were: REFI-QDA exports and code
// GUIDs depend on them (values from Python's hashlib, formatted as
// NameBasedGuid documents).
TEST(Sha256Test, NameBasedGuidsKeepTheirValues) {
  EXPECT_EQ(NameBasedGuid("story", "SH-07-1"), "A80E01D7-525B-508A-AB3F-EA6FCB3669C4");
  EXPECT_EQ(NameBasedGuid("coding", "\xC3\xA9\xC3\xA9n:0:5:X:anna"),
            "DF47079B-C52D-5441-8089-6F5AF0CEA0C4");
  EXPECT_EQ(NameBasedGuid("variable", ""), "A865C09D-90D7-5DD3-895A-01637D4BDEA4");
}

}  // namespace
}  // namespace verhaal
