#include "coding/rules_text.h"

#include <libstemmer.h>
#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <array>
#include <cstring>
#include <utility>
#include <vector>

#include "base/error.h"
#include "coding/latin_breaks.h"

namespace verhaal {
namespace {

// Turns increasing byte offsets of one UTF-8 text into code point indexes.
class CodePointCursor {
 public:
  explicit CodePointCursor(std::string_view text) : text_(text) {}
  uint32_t At(size_t byte) {
    if (byte < byte_) {  // rare: go back to the start
      byte_ = 0;
      code_point_ = 0;
    }
    for (; byte_ < byte && byte_ < text_.size(); ++byte_) {
      if ((static_cast<unsigned char>(text_[byte_]) & 0xC0) != 0x80) ++code_point_;
    }
    return code_point_;
  }

 private:
  std::string_view text_;
  size_t byte_ = 0;
  uint32_t code_point_ = 0;
};

// Stems of the words seen so far, for one language: a direct-mapped table
// (each word has one slot, by hash; a new word takes the slot over), so a
// lookup is one hash and one cache line, and memory stays bounded on any
// vocabulary. Words longer than a slot holds are stemmed every time.
class StemCache {
 public:
  static constexpr size_t kMaxLength = 30;  // bytes of a cached word or stem

  // The cached stem of `word`, or nullptr.
  const std::string_view* Find(std::string_view word) {
    if (word.size() > kMaxLength) return nullptr;
    Slot& slot = SlotOf(word);
    if (slot.word_length != word.size() || std::memcmp(slot.word, word.data(), word.size()) != 0 ||
        slot.stem_length == 0) {
      return nullptr;
    }
    found_ = std::string_view(slot.stem, slot.stem_length - 1);
    return &found_;
  }

  // Remembers the stem of `word` (when both fit a slot).
  void Put(std::string_view word, std::string_view stem) {
    if (word.size() > kMaxLength || stem.size() > kMaxLength) return;
    Slot& slot = SlotOf(word);
    slot.word_length = static_cast<uint8_t>(word.size());
    slot.stem_length = static_cast<uint8_t>(stem.size() + 1);
    std::memcpy(slot.word, word.data(), word.size());
    std::memcpy(slot.stem, stem.data(), stem.size());
  }

 private:
  struct Slot {  // one cache line
    uint8_t word_length = 0;
    uint8_t stem_length = 0;  // stem bytes + 1; 0: empty slot
    char word[kMaxLength];
    char stem[kMaxLength + 2];
  };
  static constexpr size_t kSlots = size_t{1} << 14;  // 1 MiB

  Slot& SlotOf(std::string_view word) {
    if (slots_.empty()) slots_.resize(kSlots);
    uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a
    for (char c : word) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    return slots_[(hash ^ (hash >> 29)) & (kSlots - 1)];
  }

  std::vector<Slot> slots_;  // allocated on first use
  std::string_view found_;
};

// One word of a story: code points and bytes of the stored text.
struct WordSpan {
  uint32_t start = 0;  // code points
  uint32_t end = 0;    // exclusive
  uint32_t byte_start = 0;
  uint32_t byte_end = 0;
};

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

}  // namespace

StemLanguage StemLanguageFor(std::string_view story_language) {
  return story_language == "en" ? StemLanguage::kEnglish : StemLanguage::kDutch;
}

struct TextPreparer::State {
  std::unique_ptr<icu::BreakIterator> words;
  std::unique_ptr<icu::BreakIterator> sentences;
  const icu::Normalizer2* nfd = nullptr;
  const icu::Normalizer2* nfc = nullptr;
  std::array<sb_stemmer*, kStemLanguages> stemmers{};
  UText* utext = nullptr;
  icu::UnicodeString scratch;
  icu::UnicodeString decomposed;
  std::string folded;
  std::unique_ptr<LatinBreaks> latin;  // built once ICU is up
  std::vector<WordSpan> words_found;
  std::array<StemCache, kStemLanguages> stem_cache;

  ~State() {
    for (sb_stemmer* stemmer : stemmers) {
      if (stemmer != nullptr) sb_stemmer_delete(stemmer);
    }
    if (utext != nullptr) utext_close(utext);
  }

  // Appends the folded form of one word to `out`.
  void Fold(std::string_view word, std::string& out) {
    bool ascii = true;
    for (char c : word) {
      if (static_cast<unsigned char>(c) >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      for (char c : word) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
      return;
    }
    UErrorCode status = U_ZERO_ERROR;
    scratch = icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), word.size()));
    nfd->normalize(scratch, decomposed, status);
    scratch.remove();
    for (int32_t i = 0; i < decomposed.length();) {
      UChar32 c = decomposed.char32At(i);
      if (u_charType(c) != U_NON_SPACING_MARK) scratch.append(c);
      i += U16_LENGTH(c);
    }
    scratch.foldCase();
    nfc->normalize(scratch, decomposed, status);
    if (U_FAILURE(status)) throw Error(ErrorKind::kInternal, "ICU could not fold a word");
    decomposed.toUTF8String(out);
  }
};

TextPreparer::TextPreparer() : state_(std::make_unique<State>()) {
  UErrorCode status = U_ZERO_ERROR;
  state_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale("nl"), status));
  state_->sentences.reset(icu::BreakIterator::createSentenceInstance(icu::Locale("nl"), status));
  state_->nfd = icu::Normalizer2::getNFDInstance(status);
  state_->nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) {
    throw Error(ErrorKind::kInternal,
                std::string("ICU could not start its break iterators: ") + u_errorName(status));
  }
  state_->stemmers[static_cast<int>(StemLanguage::kDutch)] = sb_stemmer_new("dutch", "UTF_8");
  state_->stemmers[static_cast<int>(StemLanguage::kEnglish)] = sb_stemmer_new("english", "UTF_8");
  for (sb_stemmer* stemmer : state_->stemmers) {
    if (stemmer == nullptr) {
      throw Error(ErrorKind::kInternal, "Snowball has no Dutch or English stemmer");
    }
  }
  state_->latin = std::make_unique<LatinBreaks>([this](std::string_view character) {
    std::string folded;
    state_->Fold(character, folded);
    return folded;
  });
}

TextPreparer::~TextPreparer() = default;

std::string TextPreparer::Stem(std::string_view folded_word, StemLanguage language) {
  return std::string(CachedStem(folded_word, language));
}

std::string_view TextPreparer::CachedStem(std::string_view folded_word, StemLanguage language) {
  StemCache& cache = state_->stem_cache[static_cast<int>(language)];
  if (const std::string_view* cached = cache.Find(folded_word)) return *cached;
  sb_stemmer* stemmer = state_->stemmers[static_cast<int>(language)];
  const sb_symbol* stem =
      sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(folded_word.data()),
                      static_cast<int>(folded_word.size()));
  if (stem == nullptr) throw Error(ErrorKind::kInternal, "Snowball ran out of memory");
  const std::string_view stem_text(reinterpret_cast<const char*>(stem),
                                   static_cast<size_t>(sb_stemmer_length(stemmer)));
  cache.Put(folded_word, stem_text);
  return stem_text;
}

void TextPreparer::BreakWithIcu(std::string_view text, PreparedText& out) {
  State& s = *state_;
  UErrorCode status = U_ZERO_ERROR;
  s.utext = utext_openUTF8(s.utext, text.data(), static_cast<int64_t>(text.size()), &status);
  s.sentences->setText(s.utext, status);
  s.words->setText(s.utext, status);
  if (U_FAILURE(status)) {
    throw Error(ErrorKind::kInternal,
                std::string("ICU could not read a story: ") + u_errorName(status));
  }
  // Sentences, without trailing white space.
  {
    CodePointCursor cursor(text);
    int32_t start = s.sentences->first();
    for (int32_t end = s.sentences->next(); end != icu::BreakIterator::DONE;
         start = end, end = s.sentences->next()) {
      int32_t trimmed = end;
      while (trimmed > start && IsSpace(text[trimmed - 1])) --trimmed;
      if (trimmed == start) continue;
      uint32_t a = cursor.At(start);
      out.sentences.push_back(Span{a, cursor.At(trimmed)});
    }
  }
  // Word-like segments (letters, numbers).
  s.words_found.clear();
  CodePointCursor cursor(text);
  int32_t start = s.words->first();
  for (int32_t end = s.words->next(); end != icu::BreakIterator::DONE;
       start = end, end = s.words->next()) {
    if (s.words->getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;
    uint32_t a = cursor.At(start);
    s.words_found.push_back(
        WordSpan{a, cursor.At(end), static_cast<uint32_t>(start), static_cast<uint32_t>(end)});
  }
}

void TextPreparer::PrepareWithIcu(std::string_view text, PreparedText& out) {
  State& s = *state_;
  BreakWithIcu(text, out);
  // Paragraphs: non-empty lines.
  {
    CodePointCursor cursor(text);
    size_t start = 0;
    while (start <= text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      size_t trimmed = end;
      while (trimmed > start && IsSpace(text[trimmed - 1])) --trimmed;
      if (trimmed > start) {
        uint32_t a = cursor.At(start);
        out.paragraphs.push_back(Span{a, cursor.At(trimmed)});
      }
      start = end + 1;
    }
  }
  // Words, folded, into the first half.
  out.buffer += '\n';
  size_t sentence = 0;
  for (const WordSpan& word : s.words_found) {
    PreparedToken token;
    token.start = word.start;
    token.end = word.end;
    while (sentence + 1 < out.sentences.size() && token.start >= out.sentences[sentence].end) {
      ++sentence;
    }
    token.sentence = static_cast<uint32_t>(sentence);
    if (!out.tokens.empty()) {
      out.buffer += out.tokens.back().sentence == token.sentence ? ' ' : '\n';
    }
    token.folded_start = static_cast<uint32_t>(out.buffer.size());
    s.Fold(text.substr(word.byte_start, word.byte_end - word.byte_start), out.buffer);
    token.folded_end = static_cast<uint32_t>(out.buffer.size());
    out.tokens.push_back(token);
  }
  out.buffer += '\n';
  out.folded_size = static_cast<uint32_t>(out.buffer.size());
  out.code_points = CodePointCursor(text).At(text.size());
}

void TextPreparer::Prepare(std::string_view text, bool with_stems, StemLanguage language,
                           PreparedText& out) {
  out.buffer.clear();
  out.tokens.clear();
  out.sentences.clear();
  out.paragraphs.clear();
  State& s = *state_;
  used_fast_path_ = fast_path_ && s.latin->Prepare(text, out);
  if (!used_fast_path_) {
    out.buffer.clear();
    out.tokens.clear();
    out.sentences.clear();
    out.paragraphs.clear();
    PrepareWithIcu(text, out);
  }
  if (!with_stems) return;
  const char word_separator = kStemWordSeparator[static_cast<int>(language)];
  const char sentence_separator = kStemSentenceSeparator[static_cast<int>(language)];
  out.buffer += sentence_separator;
  for (size_t i = 0; i < out.tokens.size(); ++i) {
    PreparedToken& token = out.tokens[i];
    if (i > 0) {
      out.buffer +=
          out.tokens[i - 1].sentence == token.sentence ? word_separator : sentence_separator;
    }
    const std::string_view stem_text =
        CachedStem(std::string_view(out.buffer.data() + token.folded_start,
                                    token.folded_end - token.folded_start),
                   language);
    token.stem_start = static_cast<uint32_t>(out.buffer.size());
    out.buffer += stem_text;
    token.stem_end = static_cast<uint32_t>(out.buffer.size());
  }
  out.buffer += sentence_separator;
}

std::vector<std::string> TextPreparer::FoldWords(std::string_view term) {
  PreparedText prepared;
  Prepare(term, false, StemLanguage::kDutch, prepared);
  std::vector<std::string> words;
  for (const PreparedToken& token : prepared.tokens) {
    words.emplace_back(
        prepared.buffer.substr(token.folded_start, token.folded_end - token.folded_start));
  }
  return words;
}

}  // namespace verhaal
