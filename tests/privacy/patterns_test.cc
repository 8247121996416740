// Stage 1 of detection (privacy/patterns.h): each structured identifier, as
// people write it, found with its exact span; look-alikes left alone.
#include "privacy/patterns.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace verhaal {
namespace {

struct Case {
  std::string text;
  std::vector<std::string> expected;  // "CATEGORY:text" of each detection
};

std::vector<std::string> Found(const std::string& text) {
  std::vector<Detection> all = FindContactPatterns(text);
  for (auto& d : FindNumberPatterns(text)) all.push_back(d);
  for (auto& d : FindDatePatterns(text)) all.push_back(d);
  all = ResolveOverlaps(all);
  std::vector<std::string> out;
  for (const Detection& d : all) {
    out.push_back(std::string(CategoryName(d.category)) + ":" +
                  text.substr(d.begin, d.end - d.begin));
  }
  return out;
}

TEST(PatternsTest, FindsStructuredIdentifiers) {
  const std::vector<Case> cases = {
      {"bel 06-12345678 of 06 1234 5678", {"TELEFOON:06-12345678", "TELEFOON:06 1234 5678"}},
      {"kantoor (0341) 55 44 33.", {"TELEFOON:(0341) 55 44 33"}},
      {"uit Eritrea: +291 7 123456 of +31 6 12345678",
       {"TELEFOON:+291 7 123456", "TELEFOON:+31 6 12345678"}},
      {"nummer 0031612345678", {"TELEFOON:0031612345678"}},
      {"gratis 0800 1234", {"TELEFOON:0800 1234"}},
      {"BSN 123456782 klopt", {"BSN:123456782"}},
      {"BSN 123.456.782", {"BSN:123.456.782"}},
      {"123456783 faalt de elfproef", {"NUMMER:123456783"}},
      {"IBAN NL91 ABNA 0417 1643 00.", {"IBAN:NL91 ABNA 0417 1643 00"}},
      {"IBAN NL91ABNA0417164300", {"IBAN:NL91ABNA0417164300"}},
      {"NL91 ABNA 1417 1643 01 is fout", {}},
      {"postcode 3851 AB Ermelo en 3851AB", {"POSTCODE:3851 AB", "POSTCODE:3851AB"}},
      {"3851 SS bestaat niet", {}},
      {"mail h.amiri@gmail.com.", {"EMAIL:h.amiri@gmail.com"}},
      {"zie https://www.ermelo.nl/werk?x=1, of www.taalhuis.nl.",
       {"URL:https://www.ermelo.nl/werk?x=1", "URL:www.taalhuis.nl"}},
      {"kijk op werkplein-noordveluwe.nl", {"URL:werkplein-noordveluwe.nl"}},
      {"op 12 maart 2021 en 3 mei", {"DATUM:12 maart 2021", "DATUM:3 mei"}},
      {"op 03-04-2023, 3/4/23 en 2023-04-03",
       {"DATUM:03-04-2023", "DATUM:3/4/23", "DATUM:2023-04-03"}},
      {"32-01-2018 en 01-13-2018 zijn geen datum", {}},
      {"sinds maart 2019", {"DATUM:maart 2019"}},
      {"in maart begon ik, op maandag", {}},
      {"ik ben 34 jaar en hij is 45 jaar oud", {"LEEFTIJD:34", "LEEFTIJD:45"}},
      {"een 12-jarige jongen", {"LEEFTIJD:12"}},
      {"de oudste is 16", {"LEEFTIJD:16"}},
      {"al 10 jaar hier, 3 jaar geleden, over 2 jaar", {}},
      {"ik werk 32 uur per week voor 1250 euro", {}},
      {"dossier 20231187", {"NUMMER:20231187"}},
      {"het eindigt op 12 ", {}},  // a day at the very end: no month to read
  };
  for (const Case& c : cases) EXPECT_EQ(Found(c.text), c.expected) << c.text;
}

TEST(PatternsTest, ElfproefAndIbanCheck) {
  EXPECT_TRUE(PassesElfproef("123456782"));
  EXPECT_TRUE(PassesElfproef("111222333"));
  EXPECT_FALSE(PassesElfproef("123456783"));
  EXPECT_FALSE(PassesElfproef("000000000"));
  EXPECT_FALSE(PassesElfproef("12345678"));
  EXPECT_TRUE(PassesIbanCheck("NL91 ABNA 0417 1643 00"));
  EXPECT_TRUE(PassesIbanCheck("DE89370400440532013000"));
  EXPECT_FALSE(PassesIbanCheck("NL91 ABNA 0417 1643 01"));
  EXPECT_FALSE(PassesIbanCheck("NL91"));
}

}  // namespace
}  // namespace verhaal
