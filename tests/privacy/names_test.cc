// Stage 2 of detection through the whole Detector (privacy/detector.h):
// names of every origin, cues, particles, lower-case names, names that are
// words, and what the policy leaves alone.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "privacy/detector.h"

namespace verhaal {
namespace {

std::vector<std::string> Found(const Detector& detector, const std::string& text) {
  std::vector<std::string> out;
  for (const Detection& d : detector.Detect(text)) {
    out.push_back(std::string(CategoryName(d.category)) + ":" +
                  text.substr(d.begin, d.end - d.begin));
  }
  return out;
}

class NamesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    detector_ = std::make_unique<Detector>(DefaultPolicy(), DutchWords::Load(kDebianDutchWordList));
  }
  static void TearDownTestSuite() { detector_.reset(); }
  static std::unique_ptr<Detector> detector_;  // the word list is read once
};
std::unique_ptr<Detector> NamesTest::detector_;

TEST_F(NamesTest, FindsPersonsPlacesAndOrganisations) {
  struct Case {
    std::string text;
    std::vector<std::string> expected;
  };
  const std::vector<Case> cases = {
      {"Ik heet Yonas Tesfay en woon in Ermelo.", {"PERSOON:Yonas Tesfay", "PLAATS:Ermelo"}},
      {"Mijn klantmanager mevrouw De Vries belde.", {"PERSOON:De Vries"}},
      {"Daar kwam meneer Van den Berg.", {"PERSOON:Van den Berg"}},
      {"Zij heet Fatima Al-Khatib.", {"PERSOON:Fatima Al-Khatib"}},
      {"Hij werkt bij Bouwbedrijf Van Dijk in Harderwijk.",
       {"ORGANISATIE:Bouwbedrijf Van Dijk", "PLAATS:Harderwijk"}},
      {"Ze zit op basisschool De Regenboog.", {"ORGANISATIE:basisschool De Regenboog"}},
      {"Mijn zoon speelt bij VV Harderwijk.", {"ORGANISATIE:VV Harderwijk"}},
      {"mijn zoon ahmad is 9 jaar oud", {"PERSOON:ahmad", "LEEFTIJD:9"}},
      {"Ik sprak met Abdi Warsame en Zahra Ahmadi.",
       {"PERSOON:Abdi Warsame", "PERSOON:Zahra Ahmadi"}},
      {"Mijn buurvrouw Roos en meneer Bakker.", {"PERSOON:Roos", "PERSOON:Bakker"}},
      {"Ik woon aan de Dorpsstraat 12a.", {"ADRES:Dorpsstraat 12a"}},
      {"Ik heet Mohammmed.", {"PERSOON:Mohammmed"}},
      {"Ik kom uit Syrië en spreek Arabisch en Tigrinya.", {}},
      {"Het UWV, het COA en de gemeente hielpen, en VluchtelingenWerk ook.", {}},
      {"In maart begon ik op maandag als bakker bij de kwekerij.", {}},
      {"Met Pasen en met Ramadan gaan we naar de moskee.", {}},
  };
  for (const Case& c : cases) EXPECT_EQ(Found(*detector_, c.text), c.expected) << c.text;
}

TEST_F(NamesTest, EveryDetectionSaysWhichRuleFoundIt) {
  for (const Detection& d : detector_->Detect("Ik heet Yonas en bel 06-12345678.")) {
    EXPECT_FALSE(d.rule.empty());
  }
  const auto found = detector_->Detect("Mijn buurvrouw Roos belde.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule, "list:first-names");
}

TEST(PolicyTest, LeavesAloneWhatThePolicyAndKeepListSay) {
  PrivacyPolicy policy = DefaultPolicy();
  policy.replace = {Category::kPerson};
  Detector detector(policy, DutchWords::Load(kDebianDutchWordList));
  detector.AddKeepWord("Marloes");
  EXPECT_EQ(Found(detector, "Marloes en Yonas in Ermelo, 06-12345678."),
            std::vector<std::string>{"PERSOON:Yonas"});
}

TEST(PolicyTest, ResearchersNamesAreAlwaysFound) {
  Detector detector(DefaultPolicy(), DutchWords::Load(kDebianDutchWordList));
  detector.AddKnownName("Tekeste Ghebre", {Category::kPerson, "list:--names", false});
  detector.AddKnownName("de Zonnebloem", {Category::kOrganisation, "list:--names", false});
  EXPECT_EQ(Found(detector, "tekeste ghebre werkt bij de zonnebloem."),
            (std::vector<std::string>{"PERSOON:tekeste ghebre", "ORGANISATIE:de zonnebloem"}));
}

}  // namespace
}  // namespace verhaal
