// Autocoding text preparation: turns a story's stored text into the buffer
// that the rule database scans, once per story. Words (ICU word breaks) are
// case-folded and stripped of diacritics ("Coöperatie" -> "cooperatie") and
// written one after another, separated by ' ' inside a sentence and '\n'
// between sentences (ICU sentence breaks); punctuation is dropped. When stems
// are wanted, a second half follows with each word's Snowball stem, separated
// by kStemWordSeparator / kStemSentenceSeparator of the story's language, so
// stem patterns can only match there. Each token keeps its code-point span in
// the stored text, which maps matches back to codings. Stories of Latin
// characters take a fast path with the same result (coding/latin_breaks.h).
#ifndef VERHAAL_CODING_RULES_TEXT_H_
#define VERHAAL_CODING_RULES_TEXT_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace verhaal {

// The stemmer languages. Dutch unless the story's language is "en".
enum class StemLanguage { kDutch = 0, kEnglish = 1 };
inline constexpr int kStemLanguages = 2;
StemLanguage StemLanguageFor(std::string_view story_language);

// Separators in the stem half, per language; the folded half uses ' ' and '\n'.
inline constexpr char kStemWordSeparator[kStemLanguages] = {'\x1f', '\x1d'};
inline constexpr char kStemSentenceSeparator[kStemLanguages] = {'\x1e', '\x1c'};

// One word of the story.
struct PreparedToken {
  uint32_t start = 0;         // code points in the stored text
  uint32_t end = 0;           // exclusive
  uint32_t folded_start = 0;  // bytes in PreparedText::buffer
  uint32_t folded_end = 0;
  uint32_t stem_start = 0;  // 0 when the text has no stem half
  uint32_t stem_end = 0;
  uint32_t sentence = 0;  // index into PreparedText::sentences
};

// A span of code points of the stored text.
struct Span {
  uint32_t start = 0;
  uint32_t end = 0;
};

// A prepared story. Reused from story to story (clear keeps capacity).
struct PreparedText {
  std::string buffer;        // folded half, then (optionally) the stem half
  uint32_t folded_size = 0;  // bytes of the folded half
  std::vector<PreparedToken> tokens;
  std::vector<Span> sentences;   // ICU sentences, in order
  std::vector<Span> paragraphs;  // lines (text between "\n"), in order
  uint32_t code_points = 0;      // of the stored text
};

// Prepares texts and terms. Holds ICU break iterators, Snowball stemmers and a
// bounded cache of the stems seen so far (per language),
// which are not thread-safe: use one TextPreparer per thread. Construction
// fails with a kInternal Error when ICU or Snowball cannot start.
class TextPreparer {
 public:
  TextPreparer();
  ~TextPreparer();
  TextPreparer(const TextPreparer&) = delete;  // owns ICU and Snowball state
  TextPreparer& operator=(const TextPreparer&) = delete;

  // Fills `out` from stored text (valid UTF-8, NFC). Adds the stem half in
  // `language` when `with_stems`.
  void Prepare(std::string_view text, bool with_stems, StemLanguage language, PreparedText& out);

  // The folded words of a term or phrase as the buffer would hold them
  // ("Eigen Regie!" -> {"eigen", "regie"}).
  std::vector<std::string> FoldWords(std::string_view term);

  // The Snowball stem of a folded word.
  std::string Stem(std::string_view folded_word, StemLanguage language);

  // The same, through the cache: the view holds until the next call.
  std::string_view CachedStem(std::string_view folded_word, StemLanguage language);

  // Whether Prepare() may take the fast path for Latin text (coding/latin_breaks.h;
  // on by default). Off, every text goes through ICU: tests compare the two.
  void set_fast_path(bool enabled) { fast_path_ = enabled; }

  // Whether the last Prepare() took the fast path.
  bool used_fast_path() const { return used_fast_path_; }

 private:
  // Sentences into `out`, words into the state, by ICU's break iterators.
  void BreakWithIcu(std::string_view text, PreparedText& out);
  // The folded half of `out` by ICU, for any text.
  void PrepareWithIcu(std::string_view text, PreparedText& out);

  struct State;
  std::unique_ptr<State> state_;
  bool fast_path_ = true;
  bool used_fast_path_ = false;
};

}  // namespace verhaal

#endif  // VERHAAL_CODING_RULES_TEXT_H_
