// Parsing codebook YAML (coding/codebook.h): the fields, and every error with
// its exact, located message.
#include <gtest/gtest.h>

#include "base/error.h"
#include "coding/codebook.h"
#include "corpus/codes.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

std::string ErrorOf(const std::string& yaml) {
  try {
    ParseCodebook(yaml, "cb.yaml");
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kData);
    return e.Describe();
  }
  return "(no error)";
}

TEST(CodebookParseTest, ReadsTheFieldsAndPaths) {
  const Codebook book = ParseCodebook(R"(codes:
  - name: motivatie
    dimension: true
    colour: "#1F77B4"
    children:
      - name: moeten
        description: omdat het moet
        inclusion: sancties
        exclusion: eigen wil
        examples: [Ik moest wel.]
      - name: willen
        was: motivatie/graag
  - name: oud
    merge_into: motivatie/willen
)",
                                      "cb.yaml");
  ASSERT_EQ(book.codes.size(), 2u);
  const CodebookEntry& m = book.codes[0];
  EXPECT_TRUE(m.dimension);
  EXPECT_FALSE(m.codable);  // a dimension group is not coded by default
  EXPECT_EQ(m.colour, "#1F77B4");
  ASSERT_EQ(m.children.size(), 2u);
  EXPECT_EQ(m.children[0].path, "motivatie/moeten");
  EXPECT_TRUE(m.children[0].codable);
  EXPECT_EQ(m.children[0].exclusion, "eigen wil");
  EXPECT_EQ(m.children[0].examples, std::vector<std::string>{"Ik moest wel."});
  EXPECT_EQ(m.children[1].was, "motivatie/graag");
  EXPECT_EQ(book.codes[1].merge_into, "motivatie/willen");
}

TEST(CodebookParseTest, Errors) {
  struct Case {
    const char* yaml;
    const char* error;
  } cases[] = {
      {"codes:\n  - name: a\n  - name: b\n  - name: a\n",
       "cb.yaml:4:5: duplicate code name 'a' at the top level (first at line 2); give sibling "
       "codes different names, or merge them with merge_into:\n    - name: a\n      ^"},
      {"codes:\n  - name: g\n    children:\n      - name: x\n      - name: x\n",
       "cb.yaml:5:9: duplicate code name 'x' under 'g' (first at line 4); give sibling codes "
       "different names, or merge them with merge_into:\n        - name: x\n          ^"},
      {"codes:\n  - name: m\n    dimension: true\n    children:\n      - name: alleen\n",
       "cb.yaml:3:16: dimension 'm' has 1 level; a dimension needs at least two levels "
       "(children), so add one or drop 'dimension: true'\n      dimension: true\n"
       "                 ^"},
      {"codes:\n  - name: a\n    descripton: typo\n",
       "cb.yaml:3:5: unknown key 'descripton'; did you mean 'description'? a code may have "
       "name, guid, description, inclusion, exclusion, examples, colour, codable, dimension, "
       "retired, was, merge_into, rules and children\n      descripton: typo\n      ^"},
      {"codes:\n  - name: a\n  - name: b\n    merge_into: c\n",
       "cb.yaml:4:17: merge_into target 'c' is not a code in this codebook; did you mean 'a'? "
       "name the full path of a code that stays, e.g. 'motivatie/willen'\n"
       "      merge_into: c\n                  ^"},
      {"codes:\n  - name: a/b\n",
       "cb.yaml:2:11: code name 'a/b' must be non-empty and without '/'; nest codes with "
       "'children:'\n    - name: a/b\n            ^"},
      {"codes:\n  - name: a\n    colour: red\n",
       "cb.yaml:3:13: colour 'red' is not of the form \"#RRGGBB\" (quote it)\n"
       "      colour: red\n              ^"},
      // Windows line ends and diacritics before the error: the line is shown
      // without its "\r", the caret counts code points.
      {"codes:\r\n  - name: coöperatie\r\n    colour: rood\r\n",
       "cb.yaml:3:13: colour 'rood' is not of the form \"#RRGGBB\" (quote it)\n"
       "      colour: rood\n              ^"},
      {"codes:\n  - name: één\n    children:\n      - name: twee\n        dimension: ja\n",
       "cb.yaml:5:20: 'dimension' must be true or false\n          dimension: ja\n"
       "                     ^"},
      {"codes:\n  - description: x\n",
       "cb.yaml:2:5: this code has no 'name:'; every code needs one\n    - description: x\n      "
       "^"},
      {"kodes:\n  - name: a\n",
       "cb.yaml:1:1: a codebook is a map with a 'codes:' list; see docs/codebook.md\n"
       "  kodes:\n  ^"},
      {"codes:\n  - name: [a\n",
       "cb.yaml:3:1: the codebook is not valid YAML: end of sequence flow not found"},
  };
  for (const auto& c : cases) EXPECT_EQ(ErrorOf(c.yaml), c.error) << c.yaml;
}

TEST(CodebookParseTest, TheExampleCodebookParses) {
  const Codebook book =
      ReadCodebookFile(testing::SourceDir() / "examples/statushouders/codebook.yaml");
  EXPECT_EQ(book.codes.size(), 8u);
  EXPECT_EQ(book.codes[0].path, "motivatie");
  EXPECT_EQ(book.codes[0].children[1].path, "motivatie/willen");
}

TEST(CodebookParseTest, MissingFileIsKMissing) {
  try {
    ReadCodebookFile("/nonexistent/cb.yaml");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kMissing);
    EXPECT_EQ(e.message(), "codebook /nonexistent/cb.yaml does not exist; check the path");
  }
}

}  // namespace
}  // namespace verhaal

namespace verhaal {
namespace {

// A codebook of `depth` codes, each the only child of the one before.
std::string NestedCodebook(int depth) {
  std::string yaml = "codes:\n";
  for (int i = 0; i < depth; ++i) {
    const std::string indent(static_cast<size_t>(2 + 4 * i), ' ');
    yaml += indent + "- name: c" + std::to_string(i) + "\n";
    if (i + 1 < depth) yaml += indent + "  children:\n";
  }
  return yaml;
}

TEST(CodebookParseTest, CodesNestAtMostKMaxCodeDepthLevels) {
  const Codebook deepest = ParseCodebook(NestedCodebook(kMaxCodeDepth), "cb.yaml");
  ASSERT_EQ(deepest.codes.size(), 1u);
  try {
    ParseCodebook(NestedCodebook(kMaxCodeDepth + 1), "cb.yaml");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kData);
    EXPECT_EQ(e.location().line, 2 * kMaxCodeDepth + 2);  // the 101st code
    EXPECT_EQ(e.message(),
              "codes are nested more than 100 levels deep here; verhaal keeps at most 100 "
              "levels, so flatten the code tree");
  }
}

}  // namespace
}  // namespace verhaal

namespace verhaal {
namespace {

TEST(CodebookParseTest, InvalidUtf8AnywhereIsALocatedError) {
  struct Case {
    std::string yaml;
    int line;
    int column;
  };
  const Case cases[] = {
      {"codes:\n  - name: w\xFFllen\n", 2, 12},
      {"codes:\n  - name: willen\n    description: \"ge\xC3\"\n", 3, 21},
      {"codes:\n  - name: willen\n    examples: [\"ok\", \"b\xE9ter\"]\n", 3, 24},
      {"codes:\n  - name: willen\n    examples: \"b\xE9ter\"\n", 3, 17},
      {"codes:\n  - name: willen\n    inclusion: a\n    rules:\n      - any: [\"w\xFF\"]\n", 5, 17},
  };
  for (const Case& c : cases) {
    try {
      ParseCodebook(c.yaml, "cb.yaml");
      ADD_FAILURE() << "no error for " << c.yaml;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::kData) << c.yaml;
      EXPECT_EQ(e.message().rfind("invalid UTF-8: byte 0x", 0), 0u) << e.message();
      EXPECT_EQ(e.location().file, "cb.yaml");
      EXPECT_EQ(e.location().line, c.line) << c.yaml;
      EXPECT_EQ(e.location().column, c.column) << c.yaml;
    }
  }
}

}  // namespace
}  // namespace verhaal
