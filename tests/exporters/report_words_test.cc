// Tests of exporters/report_words.{h,cc}: every word has its Dutch, the
// patterns agree in their blanks, numbers per language, and the report's
// default language.
#include "exporters/report_words.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <set>
#include <string>

#include "coding/analysis_coders.h"
#include "study/report.h"

namespace verhaal {
namespace {

constexpr Word kAllWords[] = {
#define VERHAAL_WORD_LIST(id, english, dutch) Word::id,
    VERHAAL_REPORT_WORDS(VERHAAL_WORD_LIST)
#undef VERHAAL_WORD_LIST
};

std::set<std::string> Blanks(std::string_view pattern) {
  std::set<std::string> blanks;
  for (size_t at = pattern.find('{'); at != std::string_view::npos;
       at = pattern.find('{', at + 1)) {
    blanks.insert(std::string(pattern.substr(at, 3)));
  }
  return blanks;
}

// Words that are the same in both languages: names, symbols, loan words a
// Dutch researcher writes too.
const std::set<std::string> kSameInDutch = {
    "Matrix", "Codes", "interview",  "Matrix: {1} \u00d7 {2}", "Per {1}",   "code", "n", "sd", "q1",
    "q3",     "exact", "odds ratio", "{1}: {2} in {3}",        "respondent"};

TEST(ReportWordsTest, EveryWordHasItsDutchWithTheSameBlanks) {
  for (Word word : kAllWords) {
    const std::string_view english = Say(Language::kEnglish, word);
    const std::string_view dutch = Say(Language::kDutch, word);
    EXPECT_FALSE(dutch.empty()) << english;
    EXPECT_EQ(Blanks(english), Blanks(dutch)) << english << " / " << dutch;
    if (!kSameInDutch.count(std::string(english))) {
      EXPECT_NE(english, dutch) << "not translated: " << english;
    }
  }
}

TEST(ReportWordsTest, FillsTheBlanks) {
  EXPECT_EQ(
      Say(Language::kDutch, Word::kCodingsInStories, {"motivatie", "3 coderingen", "2 verhalen"}),
      "motivatie: 3 coderingen in 2 verhalen");
  EXPECT_EQ(Fill("{2} en {1}", {"a", "b"}), "b en a");
  EXPECT_EQ(Fill("{3} blijft", {"a"}), "{3} blijft");
  EXPECT_EQ(Counted(Language::kDutch, 1, Word::kStoryOne, Word::kStoryMany), "1 verhaal");
  EXPECT_EQ(Counted(Language::kDutch, 12345, Word::kStoryOne, Word::kStoryMany), "12.345 verhalen");
  EXPECT_EQ(Counted(Language::kEnglish, 12345, Word::kStoryOne, Word::kStoryMany), "12345 stories");
}

TEST(ReportWordsTest, NumbersPerLanguage) {
  struct Case {
    std::string english;
    std::string dutch;
  };
  const Case cases[] = {
      {"0.501", "0,501"},     {"+3.00*", "+3,00*"},         {"-0.22", "-0,22"}, {"1234", "1234"},
      {"12345", "12.345"},    {"1234567.5", "1.234.567,5"}, {"-", "-"},         {"72.2", "72,2"},
      {"1.2e-07", "1,2e-07"}, {"100.0", "100,0"},           {"", ""},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(LocalNumber(c.english, Language::kDutch), c.dutch) << c.english;
    EXPECT_EQ(LocalNumber(c.english, Language::kEnglish), c.english);
  }
}

TEST(ReportWordsTest, ReasonsAndKinds) {
  EXPECT_EQ(ReasonText(Language::kDutch, "dyad:motivatie: N/A"), "dyad:motivatie: n.v.t.");
  EXPECT_EQ(ReasonText(Language::kDutch, "dyad:stijl: no answer"), "dyad:stijl: geen antwoord");
  EXPECT_EQ(ReasonText(Language::kEnglish, "dyad:stijl: no answer"), "dyad:stijl: no answer");
  EXPECT_EQ(KindName(Language::kDutch, "experience"), "ervaring");
  EXPECT_EQ(KindName(Language::kDutch, "dagboek"), "dagboek");
}

TEST(ReportWordsTest, WhoseCodingsInDutch) {
  CoderSelection selection;
  selection.names = {"anna", "bram"};
  selection.source = "the analysis set";
  selection.min_coders = 2;
  selection.combine = CoderCombine::kAll;
  EXPECT_EQ(selection.Describe(Language::kDutch),
            "coderingen van anna, bram (de analyseset), samengenomen: alle 2 codeurs");
  EXPECT_EQ(selection.Describe(),
            "codings of anna, bram (the analysis set), combined: all 2 coders");
}

// The report's language: the stories' majority, else the locale, else English.
TEST(ReportWordsTest, DefaultLanguage) {
  auto stories = [](std::initializer_list<const char*> languages) {
    std::vector<Story> out;
    for (const char* language : languages) {
      Story story;
      story.language = language;
      out.push_back(story);
    }
    return out;
  };
  const char* saved[3] = {std::getenv("LC_ALL"), std::getenv("LC_MESSAGES"), std::getenv("LANG")};
  const std::string kept[3] = {saved[0] ? saved[0] : "", saved[1] ? saved[1] : "",
                               saved[2] ? saved[2] : ""};
  unsetenv("LC_ALL");
  unsetenv("LC_MESSAGES");
  setenv("LANG", "C.UTF-8", 1);
  EXPECT_EQ(ReportLanguage(stories({"nl", "nl-BE", "en"})), Language::kDutch);
  EXPECT_EQ(ReportLanguage(stories({"nl", "en", "en_GB"})), Language::kEnglish);
  EXPECT_EQ(ReportLanguage(stories({"nl", "en"})), Language::kDutch);  // a tie
  EXPECT_EQ(ReportLanguage(stories({"", ""})), Language::kEnglish);
  EXPECT_EQ(ReportLanguage(stories({"de", "de", "nl"})), Language::kEnglish);
  setenv("LANG", "nl_NL.UTF-8", 1);
  EXPECT_EQ(ReportLanguage(stories({"", ""})), Language::kDutch);
  EXPECT_EQ(ReportLanguage(stories({"de", "de", "en"})), Language::kDutch);
  setenv("LC_ALL", "en_US.UTF-8", 1);  // LC_ALL wins over LANG
  EXPECT_EQ(ReportLanguage(stories({})), Language::kEnglish);
  const char* names[3] = {"LC_ALL", "LC_MESSAGES", "LANG"};
  for (int i = 0; i < 3; ++i) {
    if (saved[i]) {
      setenv(names[i], kept[i].c_str(), 1);
    } else {
      unsetenv(names[i]);
    }
  }
}

}  // namespace
}  // namespace verhaal
