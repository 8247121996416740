// The checks before YAML is loaded (base/yaml_check.h): a "billion laughs"
// document is refused at the alias that crosses the bound, a key given twice
// at its second occurrence, through every loader; ordinary aliases pass.
#include "base/yaml_check.h"

#include <gtest/gtest.h>

#include "base/error.h"
#include "coding/codebook.h"

namespace verhaal {
namespace {

// 1.6 KB that expand to about 10^9 nodes when walked.
std::string BillionLaughs(const std::string& last_key) {
  std::string yaml = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (char c = 'b'; c <= 'i'; ++c) {
    const std::string previous(1, static_cast<char>(c - 1));
    yaml += std::string(1, c) + ": &" + std::string(1, c) + " [";
    for (int i = 0; i < 9; ++i) yaml += (i ? ", *" : "*") + previous;
    yaml += "]\n";
  }
  return yaml + last_key + ": *i\n";
}

TEST(YamlCheckTest, ABillionLaughsIsRefusedAtTheAliasThatCrossesTheBound) {
  try {
    CheckYaml(BillionLaughs("codes"), "bom.yaml");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kData);
    // a..e add 74,718 nodes; the first *e of f adds 66,430 more.
    EXPECT_EQ(e.Describe(),
              "bom.yaml:6:8: the aliases (*name) here repeat more than 100000 nodes; write the "
              "repeated parts out, or use fewer aliases\n"
              "  f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
              "         ^");
  }
}

TEST(YamlCheckTest, TheCodebookLoaderRefusesABillionLaughs) {
  EXPECT_THROW(ParseCodebook(BillionLaughs("codes"), "bom.yaml"), Error);
}

TEST(YamlCheckTest, OrdinaryAliasesAndInvalidYamlPass) {
  EXPECT_NO_THROW(
      CheckYaml("base: &base {colour: '#FF0000', codable: true}\nx: *base\ny: *base\n", "a.yaml"));
  EXPECT_NO_THROW(CheckYaml("x: [*unknown\n", "a.yaml"));
  EXPECT_NO_THROW(CheckYaml("text: '5 * 3'\n", "a.yaml"));
}

TEST(YamlCheckTest, AKeyGivenTwiceInAMapIsLocatedAtItsSecondOccurrence) {
  try {
    CheckYaml(
        "signifiers:\n  motivatie: {type: dyad}\n  stijl: {type: dyad}\n"
        "  motivatie: {type: triad}\n",
        "map.yaml");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kData);
    EXPECT_EQ(e.Describe(),
              "map.yaml:4:3: key 'motivatie' appears twice in this map (first at line 2); keep "
              "one of them\n    motivatie: {type: triad}\n    ^");
  }
  // The same key in two maps is fine.
  EXPECT_NO_THROW(CheckYaml("a: {x: 1}\nb: {x: 2}\n- x\n", "a.yaml"));
  EXPECT_NO_THROW(CheckYaml("a: {x: 1}\nb: {x: 2}\n", "a.yaml"));
}

TEST(YamlCheckTest, MalformedInputAfterTheFirstDocumentEnds) {
  // Found by fuzz/study_yaml_fuzz: asking yaml-cpp for a next document after
  // this never returned.
  const std::string input(
      "\x23\x20\x73\x2f\x73\x74\x75\x64\x79\x2e\x79\x61\x6d\x6c\x60\x20\x64\x77\x65\xff\xff\xff\xff"
      "\xff\xff\xff\xff\xff\xff\xff\x00\x00\x00\x00\x00\x00\x00\x00\xff\xff\xff\xff\xff\xff\xff\xff"
      "\xff\xff\xff\xff\x72\x6b\x0a\x2c\x70\x72\x6f\x6a\x65\x63\x74\x3a\x20\x6f\x7d\x74\x2f\x73\x66"
      "\x69\x63\x74\x65\x72\x73\x65\x68\x61",
      78);
  EXPECT_NO_THROW(CheckYaml(input, "study.yaml"));
}

TEST(YamlCheckTest, TheCodebookLoaderRefusesADuplicateKey) {
  try {
    ParseCodebook("codes:\n  - name: a\n    description: x\n    description: y\n", "cb.yaml");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.location().line, 4);
  }
}

}  // namespace
}  // namespace verhaal
