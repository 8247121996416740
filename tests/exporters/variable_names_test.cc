#include "exporters/variable_names.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace verhaal {
namespace {

struct SanitizeCase {
  std::string text;
  std::string name;
};

TEST(VariableNamesTest, SanitizeMakesAsciiLowerCaseNames) {
  const std::vector<SanitizeCase> cases = {
      {"motivatie/willen", "motivatie_willen"},
      {"Eén café", "een_cafe"},
      {"Súdwest-Fryslân", "sudwest_fryslan"},
      {"Straße", "strasse"},
      {"  --leading and trailing--  ", "leading_and_trailing"},
      {"2e gesprek", "v2e_gesprek"},
      {"", "v"},
      {"!!!", "v"},
      {"AND", "and_"},
      {"in", "in_"},
      {"str12", "str12_"},
      {"strategie", "strategie"},
      {"_n", "n"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(SanitizeVariableName(c.text), c.name) << c.text;
    EXPECT_TRUE(IsValidVariableName(c.name)) << c.name;
  }
}

TEST(VariableNamesTest, ValidityRules) {
  EXPECT_TRUE(IsValidVariableName("c_motivatie_willen"));
  EXPECT_FALSE(IsValidVariableName("Motivatie"));  // upper case
  EXPECT_FALSE(IsValidVariableName("_x"));
  EXPECT_FALSE(IsValidVariableName("1x"));
  EXPECT_FALSE(IsValidVariableName("with"));
  EXPECT_FALSE(IsValidVariableName(std::string(33, 'a')));
  EXPECT_TRUE(IsValidVariableName(std::string(32, 'a')));
  EXPECT_FALSE(IsValidVariableName("café"));
}

TEST(VariableNamesTest, LongNamesAreCutWithAStableHash) {
  const std::string path = "communicatie/stijl/aanmoedigend/met_wederzijds_vertrouwen";
  VariableNamer first;
  const std::string name = first.Make("c_" + path);
  EXPECT_EQ(name, "c_communicatie_stijl_aanmo_7a2b8");  // as docs/exports.md shows
  EXPECT_TRUE(IsValidVariableName(name));
  // Stable: the same text gives the same name whatever came before.
  VariableNamer second;
  second.Make("c_communicatie_stijl_aanmoedigend_zonder_vertrouwen");
  EXPECT_EQ(second.Make("c_" + path), name);
  // Two long names with the same beginning differ.
  VariableNamer third;
  EXPECT_NE(third.Make("c_" + path), third.Make("c_" + path + "_x"));
}

TEST(VariableNamesTest, DuplicatesGetNumberedIgnoringCase) {
  VariableNamer namer;
  EXPECT_EQ(namer.Make("Gemeente"), "gemeente");
  EXPECT_EQ(namer.Make("gemeente"), "gemeente_2");
  EXPECT_EQ(namer.Make("GEMEENTE!"), "gemeente_3");
  EXPECT_EQ(namer.Make("gemeente_2"), "gemeente_2_2");
  const std::string longest(32, 'x');
  EXPECT_EQ(namer.Make(longest), longest);
  EXPECT_EQ(namer.Make(longest), std::string(30, 'x') + "_2");
}

}  // namespace
}  // namespace verhaal
