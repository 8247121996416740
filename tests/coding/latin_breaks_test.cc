// The fast path of text preparation (coding/latin_breaks.h) must give exactly
// what ICU gives: the same folded and stemmed buffer, tokens, sentences and
// paragraphs. Compared on Dutch sentences written for this test and on many
// random texts, and checked that other scripts are left to ICU.
#include <gtest/gtest.h>

#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "coding/rules_text.h"

namespace verhaal {
namespace {

// Everything Prepare() produced, one line per item, for readable diffs.
std::string Dump(const PreparedText& p) {
  std::ostringstream out;
  out << "buffer [" << p.buffer << "] folded " << p.folded_size << " code points " << p.code_points
      << "\n";
  for (const PreparedToken& t : p.tokens) {
    out << "token " << t.start << "-" << t.end << " folded " << t.folded_start << "-"
        << t.folded_end << " stem " << t.stem_start << "-" << t.stem_end << " sentence "
        << t.sentence << "\n";
  }
  for (const Span& s : p.sentences) out << "sentence " << s.start << "-" << s.end << "\n";
  for (const Span& s : p.paragraphs) out << "paragraph " << s.start << "-" << s.end << "\n";
  return out.str();
}

struct Both {
  std::string fast;
  std::string icu;
  bool took_fast_path = false;
};

Both PrepareBoth(TextPreparer& fast, TextPreparer& icu, const std::string& text,
                 StemLanguage language = StemLanguage::kDutch) {
  PreparedText a;
  PreparedText b;
  fast.Prepare(text, true, language, a);
  icu.Prepare(text, true, language, b);
  return Both{Dump(a), Dump(b), fast.used_fast_path()};
}

class LatinBreaksTest : public ::testing::Test {
 protected:
  LatinBreaksTest() { icu_.set_fast_path(false); }
  TextPreparer fast_;
  TextPreparer icu_;
};

TEST_F(LatinBreaksTest, DutchSentencesGiveWhatIcuGives) {
  const std::vector<std::string> texts = {
      "De coöperatie helpt. Ik wil mijn eigen regie!",
      "'s Avonds ga ik naar de taalles. Zo'n cursus is fijn.",
      "Ik leer 's avonds Nederlands, zo’n drie uur per week.",
      "Mijn taal-coach zegt: \"Oefen elke dag.\" Dat doe ik.",
      "Café, crèche, reünie, geïnteresseerd, ruïne, financiële zaken; één keer.",
      "Ik heb 3.5 jaar gewacht, 1,000 euro betaald en 12 formulieren ingevuld.",
      "Hij zei: “Kom maar.” En ik kwam… Toen was het 10 uur.",
      "Wat nu? Ik weet het niet! Misschien morgen.",
      "Dhr. Jansen belde. hij was boos. De U.S. is ver weg.",
      "Eerste regel\nTweede regel\r\nDerde regel.\n\nNieuwe alinea (met haakjes). Klaar.",
      "Het kan (zei ze.) Daarna: niets. - Een streep – en nog een — klaar.",
      "Ÿvonne, Œuvre, Łódź en İstanbul; straße; ĳs.",
      "  Spaties vooraf en achteraf.   \n  ",
      "",
      "!!! ... ???",
      "e.g. dit is een test.Zonder spatie.En nog een zin? ja.",
      "Ze werkt bij 'De Zon' en noemt het 'werk'.",
      "Klantmanager_2 schreef: het_ging goed.",  // '_' goes to ICU
  };
  for (const std::string& text : texts) {
    Both both = PrepareBoth(fast_, icu_, text);
    EXPECT_EQ(both.fast, both.icu) << text;
  }
}

TEST_F(LatinBreaksTest, OtherScriptsAndCombiningMarksTakeTheIcuPath) {
  const std::vector<std::string> texts = {
      "Я живу в Амстердаме. Это хорошо.",
      "Ik kom uit Ελλάδα en spreek Grieks.",
      "Cafe\xCC\x81 met een losse accent.",  // e + U+0301
      "Een zachte af\xC2\xAD"
      "breking.",  // soft hyphen U+00AD
      "أنا أتعلم اللغة الهولندية.",
  };
  for (const std::string& text : texts) {
    Both both = PrepareBoth(fast_, icu_, text);
    EXPECT_FALSE(both.took_fast_path) << text;
    EXPECT_EQ(both.fast, both.icu) << text;
  }
  PrepareBoth(fast_, icu_, "Gewone Nederlandse tekst.");
  EXPECT_TRUE(fast_.used_fast_path());
}

TEST_F(LatinBreaksTest, EnglishStemsAreTheSame) {
  Both both = PrepareBoth(fast_, icu_, "I was working with my caseworker. It's going well.",
                          StemLanguage::kEnglish);
  EXPECT_TRUE(both.took_fast_path);
  EXPECT_EQ(both.fast, both.icu);
}

// The one pass reads runs of plain ASCII at once: words, mid-word
// punctuation, diacritics, numbers and sentence ends must come out the same
// at every offset (past the 16-, 32- and 64-byte blocks) and at the text's end.
TEST_F(LatinBreaksTest, EveryOffsetGivesWhatIcuGives) {
  const std::vector<std::string> pieces = {
      "Werk", "zo'n",        "zo’n", "3.5",  "1,000", "coöperatie", "U.S.",  "taal-coach",
      "Wat?", "ja!",         "\r\n", "\n\n", "“Kom”", "…",          "a",     "É",
      "ĳs",   "Dhr. Jansen", "e.g.", "'s",   "x.",    "straße",     "12:30", "a\tb",
  };
  const std::string filler = "Ik zoek werk. Jij ook ";
  int cases = 0;
  for (size_t offset = 0; offset < 70; ++offset) {
    std::string prefix;
    while (prefix.size() < offset) prefix += filler;
    prefix.resize(offset);
    for (const std::string& piece : pieces) {
      for (const std::string& suffix : {std::string(), std::string(" en dan. Nog een zin")}) {
        const std::string text = prefix + piece + suffix;
        Both both = PrepareBoth(fast_, icu_, text);
        ASSERT_TRUE(both.took_fast_path) << "text: [" << text << "]";
        ASSERT_EQ(both.fast, both.icu) << "text: [" << text << "]";
        ++cases;
      }
    }
  }
  EXPECT_EQ(cases, 70 * 24 * 2);
}

TEST_F(LatinBreaksTest, TextsWithoutWords) {
  for (const char* text :
       {"", " ", "\n", "\n\n\n", "...", "?!", "— – …", " . \r\n . ", "“”‘’", "\t\t"}) {
    Both both = PrepareBoth(fast_, icu_, text);
    EXPECT_TRUE(both.took_fast_path) << "text: [" << text << "]";
    EXPECT_EQ(both.fast, both.icu) << "text: [" << text << "]";
  }
  PreparedText prepared;
  fast_.Prepare("...", true, StemLanguage::kDutch, prepared);
  EXPECT_TRUE(prepared.tokens.empty());
  EXPECT_EQ(prepared.buffer.substr(0, prepared.folded_size), "\n\n");
}

// A word longer than any block, and one wide character at every offset.
TEST_F(LatinBreaksTest, LongWordsAndWideCharacters) {
  std::string long_word(150, 'a');
  long_word[70] = 'B';
  Both both = PrepareBoth(fast_, icu_, "Het woord " + long_word + " is lang.");
  EXPECT_EQ(both.fast, both.icu);
  // Words of 15, 16, 17 and 33 letters and digits, in both cases, at every offset.
  const std::string mixed = "Ab3dEf7hIj0lMnOpQ9sTuVwXyZ1b2C4eF";
  for (size_t length : {15u, 16u, 17u, 33u}) {
    for (size_t offset = 0; offset < 40; ++offset) {
      const std::string text = std::string(offset, 'x') + " " + mixed.substr(0, length) + " " +
                               mixed.substr(0, length) + ". 12,5 en " + mixed.substr(1, length - 1);
      both = PrepareBoth(fast_, icu_, text);
      ASSERT_EQ(both.fast, both.icu) << "text: [" << text << "]";
    }
  }
  for (size_t offset = 0; offset < 70; ++offset) {
    std::string text(offset, 'a');
    text += "ë";
    text += std::string(offset % 7, 'b') + ". Ça va";
    both = PrepareBoth(fast_, icu_, text);
    ASSERT_EQ(both.fast, both.icu) << "text: [" << text << "]";
  }
}

// Random texts over the characters where the two could disagree: letters of
// both cases with and without diacritics, digits, every kind of punctuation
// the sentence and word rules treat specially, and white space.
TEST_F(LatinBreaksTest, RandomTextsGiveWhatIcuGives) {
  const std::vector<std::string> alphabet = {
      "a", "b", "e", "i", "s",  "z",    "A",  "B", "E", "S", "Z", "é", "ë", "ï", "ö",
      "É", "Ö", "ß", "ĳ", "Ĳ",  "ø",    "Ł",  "ł", "ſ", "ŉ", "İ", "ı", "ǰ", "ª", "µ",
      "0", "1", "7", ".", ".",  "!",    "?",  ",", ";", ":", "'", "'", "’", "‘", "\"",
      "“", "”", "„", "(", ")",  "[",    "-",  "–", "—", "…", "/", "&", "%", "€", "\xC2\xA0",
      " ", " ", " ", " ", "\n", "\r\n", "\t", "×", "·", "¿", "¡", "«", "»", "§", "#",
  };
  std::mt19937 random(20261123);
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<int> length(0, 40);
  int fast_paths = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    for (int n = length(random); n > 0; --n) text += alphabet[pick(random)];
    Both both = PrepareBoth(fast_, icu_, text);
    fast_paths += both.took_fast_path ? 1 : 0;
    ASSERT_EQ(both.fast, both.icu) << "text: [" << text << "]";
  }
  EXPECT_GT(fast_paths, 10000);  // most random texts are Latin
}

// Long texts of mostly words and single spaces, as stories are: the pass
// takes them 64 bytes at a time; every other separator, now and then, must
// end such a stretch exactly where ICU says.
TEST_F(LatinBreaksTest, LongRunsOfWordsGiveWhatIcuGives) {
  const std::string letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  const std::vector<std::string> separators = {
      " ",  " ", " ", " ",  " ",  " ",  " ",  " ",  " ",   " ",  "  ", ". ",    ", ",   "'",   ".",
      "\n", "-", "’", ": ", "? ", "\t", " é", "ë ", "3.5", " (", ") ", ".\n\n", "\r\n", " . ",
  };
  std::mt19937 random(64);
  std::uniform_int_distribution<size_t> letter(0, letters.size() - 1);
  std::uniform_int_distribution<size_t> separator(0, separators.size() - 1);
  std::uniform_int_distribution<int> word_length(1, 14);
  std::uniform_int_distribution<int> words(5, 120);
  std::bernoulli_distribution plain(0.85);  // most separators are one space
  for (int i = 0; i < 3000; ++i) {
    std::string text(static_cast<size_t>(i % 67), 'x');  // every alignment
    for (int n = words(random); n > 0; --n) {
      for (int k = word_length(random); k > 0; --k) text += letters[letter(random)];
      text += plain(random) ? " " : separators[separator(random)];
    }
    Both both = PrepareBoth(fast_, icu_, text);
    ASSERT_TRUE(both.took_fast_path) << "text: [" << text << "]";
    ASSERT_EQ(both.fast, both.icu) << "text: [" << text << "]";
  }
}

}  // namespace
}  // namespace verhaal
