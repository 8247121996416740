// Table-driven tests of the autocoding rule kinds (parse -> compile -> match)
// on Dutch sentences written for these tests.
#include "coding/rules_match.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "base/text.h"
#include "coding/rules_compile.h"
#include "coding/rules_parse.h"

namespace verhaal {
namespace {

struct StoryMeta {
  std::string role = "statushouder";
  std::string kind = "experience";
  std::string language = "nl";
};

// "rule name: coded segment" for each hit, in order.
std::vector<std::string> Hits(const std::string& rules_yaml, const std::string& text,
                              const StoryMeta& meta = {}) {
  CompiledRules compiled = CompileRules(ParseRulesText(rules_yaml, "code", "codebook.yaml"));
  RuleMatcher matcher(compiled);
  std::vector<std::string> out;
  for (const RuleHit& hit : matcher.Match({text, meta.role, meta.kind, meta.language})) {
    out.push_back(compiled.rules()[hit.rule].name + ": " +
                  std::string(SliceCodePoints(text, hit.start, hit.end)));
  }
  return out;
}

struct Case {
  std::string name;
  std::string rules;
  std::string text;
  std::vector<std::string> expected;
};

void PrintTo(const Case& c, std::ostream* out) { *out << c.name; }

class RuleKindTest : public ::testing::TestWithParam<Case> {};

TEST_P(RuleKindTest, FindsExactlyTheExpectedSegments) {
  const Case& c = GetParam();
  EXPECT_EQ(Hits(c.rules, c.text), c.expected) << c.rules;
}

const std::vector<Case> kCases = {
    {"term_case_and_diacritics",
     "- {name: coop, terms: [coöperatie], scope: match}",
     "De Cooperatie en de COÖPERATIE. Geen coöperaties.",
     {"coop: Cooperatie", "coop: COÖPERATIE"}},
    {"term_word_boundaries",
     "- {name: taal, terms: [taal], scope: match}",
     "Taalles is lastig, maar taal leren moet.",
     {"taal: taal"}},
    {"phrase",
     "- {name: regie, terms: [eigen regie], scope: match}",
     "Ik wil eigen regie. Eigen  Regie! Mijn eigen plan.",
     {"regie: eigen regie", "regie: Eigen  Regie"}},
    {"stemmed",
     "- {name: samen, terms: [samenwerken], stem: true, scope: match}",
     "We gaan samenwerken. Zij werkt samen? Samenwerking!",
     {"samen: samenwerken", "samen: Samenwerking"}},
    // A stemmed single word is looked up per word; with a stemmed phrase in
    // the same rules the stem half is scanned too: both find the same words.
    {"stemmed_word_and_phrase",
     "- {name: samen, terms: [samenwerken, eigen regie], stem: true, scope: match}",
     "We gaan samenwerken met eigen regie. Samenwerking!",
     {"samen: samenwerken", "samen: eigen regie", "samen: Samenwerking"}},
    {"stemmed_near",
     "- {name: n, near: [klantmanagers, vertrouwen], stem: true, scope: match}",
     "De klantmanager won mijn vertrouwen. Vertrouwen alleen is niet genoeg.",
     {"n: klantmanager won mijn vertrouwen"}},
    {"wildcard",
     "- {name: plicht, terms: [verplicht*], scope: match}",
     "Het is verplicht. Verplichtingen zijn zwaar. Onverplicht niet.",
     {"plicht: verplicht", "plicht: Verplichtingen"}},
    {"gap",
     "- {name: moet, terms: [moet ... van], within: 2, scope: match}",
     "Ik moet dat van hem. Ik moet het echt wel doen van hem.",
     {"moet: moet dat van"}},
    {"sentence_scope",
     "- {name: werk, terms: [werk]}",
     "Ik zoek werk. Ik wil ook leren.\nDat is alles.",
     {"werk: Ik zoek werk."}},
    {"paragraph_scope",
     "- {name: werk, terms: [werk], scope: paragraph}",
     "Eerst taal.\nIk zoek werk. Ik wil ook leren.\nDat is alles.",
     {"werk: Ik zoek werk. Ik wil ook leren."}},
    {"story_scope",
     "- {name: werk, terms: [werk], scope: story}",
     "Werk. Nog meer werk.",
     {"werk: Werk. Nog meer werk."}},
    {"negation_in_sentence",
     "- {name: mot, terms: [gemotiveerd], not: [niet, geen]}",
     "Ik ben niet gemotiveerd. Nu ben ik gemotiveerd!",
     {"mot: Nu ben ik gemotiveerd!"}},
    {"near",
     "- {name: vertrouwen, near: [klantmanager, vertrouwen], within: 4, scope: match}",
     "De klantmanager gaf mij vertrouwen. Vertrouwen had ik niet, zei de klantmanager "
     "later na heel veel lange weken.",
     {"vertrouwen: klantmanager gaf mij vertrouwen"}},
    {"regex",
     "- {name: uur, regex: '[0-9]+ uur', scope: match}",
     "Ik werk 32 uur per week.",
     {"uur: 32 uur"}},
    // Single words are looked up per word, also past the cached length.
    {"long_word",
     "- {name: lang, terms: [arbeidsmarktbemiddelingstrajecten], scope: match}",
     "Het arbeidsmarktbemiddelingstrajecten-plan. Arbeidsmarktbemiddelingstraject niet.",
     {"lang: arbeidsmarktbemiddelingstrajecten"}},
    {"word_with_diacritics",
     "- {name: c, terms: [Coöperatie], not: [géén], scope: match}",
     "De cooperatie. Geen coöperatie. Coöperaties.",
     {"c: cooperatie"}},
    // Terms are matched word by word: the leftmost start of a gap, never
    // across sentences, wildcards inside phrases, prefixes of stems, a word
    // with more atoms than the matcher caches per word.
    {"gap_leftmost",
     "- {name: moet, terms: [moet ... van], within: 2, scope: match}",
     "Ik moet moet het van hem.",
     {"moet: moet moet het van"}},
    {"gap_within_one_sentence",
     "- {name: moet, terms: [moet ... van], scope: match}",
     "Ik moet. Het is van hem. Moet van.",
     {"moet: Moet van"}},
    {"wildcard_inside_phrase",
     "- {name: w, terms: [verplicht* werk], scope: match}",
     "Verplichte werk, verplicht werk en verplichting niet werk.",
     {"w: Verplichte werk", "w: verplicht werk"}},
    {"stemmed_wildcard",
     "- {name: w, terms: [werk*], stem: true, scope: match}",
     "Werken is werkzaam, bewerken niet.",
     {"w: Werken", "w: werkzaam"}},
    {"many_prefixes_of_one_word",
     "- {name: p, terms: [a* x, ab* y, abc* z, abcd* w], scope: match}",
     "Abcde x. Abcde y. Abcde z. Abcde w. Abcde v.",
     {"p: Abcde x", "p: Abcde y", "p: Abcde z", "p: Abcde w"}},
    {"overlapping_rules_same_code",
     "- {name: a, terms: [werk]}\n- {name: b, terms: [zoek werk]}",
     "Ik zoek werk.",
     {"a: Ik zoek werk."}},
    {"overlapping_rules_match_scope",
     "- {name: a, terms: [werk], scope: match}\n- {name: b, terms: [zoek werk], scope: match}",
     "Ik zoek werk.",
     {"b: zoek werk", "a: werk"}},
};

INSTANTIATE_TEST_SUITE_P(Dutch, RuleKindTest, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return info.param.name; });

TEST(RuleContextTest, RequiredRoleKindAndLanguage) {
  const std::string rules = "- {name: r, terms: [werk], role: klantmanager, scope: match}";
  EXPECT_TRUE(Hits(rules, "werk").empty());
  StoryMeta manager;
  manager.role = "klantmanager";
  EXPECT_EQ(Hits(rules, "werk", manager), std::vector<std::string>{"r: werk"});
  const std::string english =
      "- {name: e, terms: [working], stem: true, language: en, scope: match}";
  StoryMeta en;
  en.language = "en";
  EXPECT_EQ(Hits(english, "She works hard.", en), std::vector<std::string>{"e: works"});
  EXPECT_TRUE(Hits(english, "She works hard.").empty());
}

// One matcher over stories in turn in Dutch and English (the word cache holds
// a stem per language) finds what a new matcher finds for each story.
TEST(RuleContextTest, OneMatcherOverLanguagesInTurn) {
  CompiledRules compiled = CompileRules(ParseRulesText(
      "- {name: s, terms: [working, werken, samenwerking], stem: true, scope: match}", "code",
      "c"));
  RuleMatcher reused(compiled);
  const std::vector<std::pair<std::string, std::string>> stories = {
      {"en", "She works and worked on working."},
      {"nl", "Zij werkt, werken en works. Samenwerken."},
      {"en", "Works, working, werken."},
      {"nl", "Works, working, werken, samenwerking."},
  };
  int hits = 0;
  for (int round = 0; round < 2; ++round) {
    for (const auto& [language, text] : stories) {
      RuleMatcher fresh(compiled);
      const std::vector<RuleHit> expected = fresh.Match({text, "", "", language});
      const std::vector<RuleHit>& got = reused.Match({text, "", "", language});
      ASSERT_EQ(got.size(), expected.size()) << language << ": " << text;
      for (size_t i = 0; i < got.size(); ++i) {
        EXPECT_EQ(got[i].match_start, expected[i].match_start) << text;
        EXPECT_EQ(got[i].match_end, expected[i].match_end) << text;
      }
      hits += static_cast<int>(got.size());
    }
  }
  EXPECT_GE(hits, 2 * 8);
}

struct ErrorCase {
  std::string rules;
  std::string message;
};

TEST(RuleParseTest, ErrorsAreLocated) {
  const std::vector<ErrorCase> cases = {
      {"- {terms: []}", "codebook.yaml:1:11: 'terms' is empty; list at least one term"},
      {"- terms: [a]\n  colour: red",
       "codebook.yaml:2:3: unknown rule option 'colour'; use terms, near, regex, name, stem, "
       "within, not, scope, role, kind, language or speaker"},
      {"- regex: 'a(b'",
       "codebook.yaml:1:10: bad regular expression 'a(b': Missing close parenthesis for group "
       "started at index 1.; fix the pattern (see docs/autocoding.md)"},
      {"- {terms: [a], scope: zin}",
       "codebook.yaml:1:23: unknown scope 'zin'; use match, sentence, paragraph or story"},
      {"- {name: x}",
       "codebook.yaml:1:3: the rule says nothing to look for; add 'terms', 'near' or 'regex'"},
      {"- {terms: ['... van']}",
       "codebook.yaml:1:11: '...' must stand between two words, as in 'moet ... van' (in "
       "'... van')"},
      {"- {near: [a], within: 3}",
       "codebook.yaml:1:10: 'near' needs at least two terms; use 'terms' for one"},
      {"- {terms: [a], within: nul}",
       "codebook.yaml:1:24: 'within' must be a whole number of words from 1 to 1000, not 'nul'"},
  };
  for (const ErrorCase& c : cases) {
    try {
      ParseRulesText(c.rules, "code", "codebook.yaml");
      ADD_FAILURE() << "no error for " << c.rules;
    } catch (const Error& e) {
      EXPECT_EQ(e.what(), c.message) << c.rules;
      EXPECT_EQ(e.kind(), ErrorKind::kData);
    }
  }
}

TEST(RuleCompileTest, ExplainShowsExpressions) {
  CompiledRules compiled = CompileRules(
      ParseRulesText("- {name: w, terms: [Eigen regie, verplicht*, moet ... van], not: [niet]}\n"
                     "- {name: r, regex: '[0-9]+ uur'}",
                     "motivatie/willen", "c"));
  EXPECT_EQ(compiled.Explain(),
            "rule w -> motivatie/willen (terms, scope sentence, within 3)\n"
            "  #0 hit words [\\x20\\x0a]eigen\\x20regie[\\x20\\x0a]\n"
            "  #1 hit words [\\x20\\x0a]verplicht[^\\x00-\\x20]*[\\x20\\x0a]\n"
            "  #2 hit words [\\x20\\x0a]moet(?:\\x20[^\\x00-\\x20]+){0,3}\\x20van[\\x20\\x0a]\n"
            "  #3 not words [\\x20\\x0a]niet[\\x20\\x0a]\n"
            "rule r -> motivatie/willen (regex, scope sentence)\n"
            "  #4 hit words [0-9]+ uur  (scanned)\n");
  EXPECT_NE(compiled.database(), nullptr);
}

// The steps of each term: "word", "prefix*" or "+N word" (after a gap of up
// to N words), in the half "folded", "nl" or "en".
std::vector<std::string> Steps(const CompiledRules& compiled) {
  std::vector<std::string> out;
  for (const CompiledPattern& pattern : compiled.patterns()) {
    std::string line;
    for (const WordStep& step : pattern.steps) {
      const WordAtom& atom = compiled.atoms()[step.atom];
      if (line.empty()) line = atom.half == 0 ? "folded:" : atom.half == 1 ? "nl:" : "en:";
      line += " ";
      if (step.gap > 0) line += "+" + std::to_string(step.gap) + " ";
      line += atom.text + (atom.prefix ? "*" : "");
    }
    out.push_back(line);
  }
  return out;
}

TEST(RuleCompileTest, TermsAreMatchedWordByWord) {
  CompiledRules compiled = CompileRules(ParseRulesText(
      "- {name: s, terms: [samenwerken, eigen regie, verplicht* ... werk], stem: true, within: 2}\n"
      "- {name: t, terms: [Coöperatie], not: [niet verplicht*]}",
      "motivatie/willen", "c"));
  EXPECT_EQ(Steps(compiled), (std::vector<std::string>{
                                 "nl: samenwerk",
                                 "nl: eig regie",
                                 "nl: verplicht* +2 werk",
                                 "en: samenwerken",
                                 "en: eigen regi",
                                 "en: verplicht* +2 werk",
                                 "folded: cooperatie",
                                 "folded: niet verplicht*",
                             }));
  EXPECT_EQ(compiled.database(), nullptr);  // no regular expression to scan
  EXPECT_TRUE(compiled.needs_stems());
  std::vector<uint32_t> atoms;
  compiled.AtomsOf(1, "verplichting", atoms);  // a prefix, in Dutch stems
  ASSERT_EQ(atoms.size(), 1u);
  EXPECT_EQ(compiled.atoms()[atoms[0]].text, "verplicht");
  atoms.clear();
  compiled.AtomsOf(0, "verplichting", atoms);  // also among the folded words
  EXPECT_EQ(atoms.size(), 1u);
  atoms.clear();
  compiled.AtomsOf(0, "samenwerken", atoms);  // only a stem term
  EXPECT_TRUE(atoms.empty());
}

}  // namespace
}  // namespace verhaal
