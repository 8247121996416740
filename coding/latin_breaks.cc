#include "coding/latin_breaks.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cstring>

namespace verhaal {
namespace {

// Word classes (UAX #29 Word_Break, reduced to what Latin text needs).
enum WordClass : uint8_t {
  kWordRejected = 0,  // not handled: the text goes to ICU
  kWordOther,         // white space, punctuation, CR, LF, quotes
  kWordLetter,        // ALetter
  kWordNumeric,
  kWordMidLetter,
  kWordMidNumLet,  // MidNumLet and Single_Quote ("zo'n", "3.5")
  kWordMidNum,     // ",", ";"
};

// Sentence classes (UAX #29 Sentence_Break, without Extend and Format).
enum SentenceClass : uint8_t {
  kSentenceOther = 0,
  kSentenceCr,
  kSentenceLf,
  kSentenceSep,
  kSentenceSp,
  kSentenceLower,
  kSentenceUpper,
  kSentenceOLetter,
  kSentenceNumeric,
  kSentenceATerm,
  kSentenceSTerm,
  kSentenceClose,
  kSentenceSContinue,
};

#ifdef __SSE2__
// Bit i set when byte i of the block is an ASCII letter or digit.
unsigned AsciiWordBytes(__m128i block) {
  const __m128i lower = _mm_or_si128(block, _mm_set1_epi8(0x20));
  const __m128i letter =
      _mm_cmplt_epi8(_mm_add_epi8(lower, _mm_set1_epi8(static_cast<char>(0x80 - 'a'))),
                     _mm_set1_epi8(static_cast<char>(-128 + 26)));
  const __m128i digit =
      _mm_cmplt_epi8(_mm_add_epi8(block, _mm_set1_epi8(static_cast<char>(0x80 - '0'))),
                     _mm_set1_epi8(static_cast<char>(-128 + 10)));
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letter, digit)));
}
#endif

// What the one pass does with an ASCII character.
enum AsciiKind : uint8_t {
  kAsciiSpecial = 0,  // decoded and checked against every rule
  kAsciiWord,         // a letter or digit that folds to one byte, no sentence rule
  kAsciiOther,        // not in words (outside the mid-word punctuation), no sentence rule
};

// Characters above U+024F that Dutch and English stories often hold.
constexpr uint32_t kExtraCodePoints[] = {0x2013, 0x2014, 0x2018, 0x2019,
                                         0x201C, 0x201D, 0x201E, 0x2026};

uint8_t WordClassOf(UChar32 c) {
  if (c == ':') return kWordOther;  // ICU's word rules take ':' out of MidLetter
  switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
    case U_WB_ALETTER:
      return kWordLetter;
    case U_WB_NUMERIC:
      return kWordNumeric;
    case U_WB_MIDLETTER:
      return kWordMidLetter;
    case U_WB_MIDNUMLET:
    case U_WB_SINGLE_QUOTE:
      return kWordMidNumLet;
    case U_WB_MIDNUM:
      return kWordMidNum;
    case U_WB_OTHER:
    case U_WB_CR:
    case U_WB_LF:
    case U_WB_NEWLINE:
    case U_WB_WSEGSPACE:
    case U_WB_DOUBLE_QUOTE:
      return kWordOther;
    default:  // Extend, Format, ZWJ, ExtendNumLet, Hebrew, Katakana, ...
      return kWordRejected;
  }
}

// Returns false for classes the fast path does not handle.
bool SentenceClassOf(UChar32 c, uint8_t& out) {
  switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
    case U_SB_OTHER:
      out = kSentenceOther;
      return true;
    case U_SB_CR:
      out = kSentenceCr;
      return true;
    case U_SB_LF:
      out = kSentenceLf;
      return true;
    case U_SB_SEP:
      out = kSentenceSep;
      return true;
    case U_SB_SP:
      out = kSentenceSp;
      return true;
    case U_SB_LOWER:
      out = kSentenceLower;
      return true;
    case U_SB_UPPER:
      out = kSentenceUpper;
      return true;
    case U_SB_OLETTER:
      out = kSentenceOLetter;
      return true;
    case U_SB_NUMERIC:
      out = kSentenceNumeric;
      return true;
    case U_SB_ATERM:
      out = kSentenceATerm;
      return true;
    case U_SB_STERM:
      out = kSentenceSTerm;
      return true;
    case U_SB_CLOSE:
      out = kSentenceClose;
      return true;
    case U_SB_SCONTINUE:
      out = kSentenceSContinue;
      return true;
    default:
      return false;  // Extend, Format
  }
}

std::string Utf8(UChar32 c) {
  char bytes[4];
  int32_t length = 0;
  U8_APPEND_UNSAFE(bytes, length, c);
  return std::string(bytes, static_cast<size_t>(length));
}

bool IsParaSep(uint8_t c) { return c == kSentenceCr || c == kSentenceLf || c == kSentenceSep; }
bool IsSATerm(uint8_t c) { return c == kSentenceATerm || c == kSentenceSTerm; }
// Whether a character of this sentence class may end a sentence (SB4, SB11).
bool EndsSentences(uint8_t c) { return IsParaSep(c) || IsSATerm(c); }
bool IsWordLike(uint8_t c) { return c == kWordLetter || c == kWordNumeric; }
bool IsSpace(uint8_t c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// Whether `mid` between a word's last character (`last`) and `after` keeps
// them one word (WB6, WB7, WB11, WB12).
bool JoinsWord(uint8_t last, uint8_t mid, uint8_t after) {
  if (last == kWordLetter && after == kWordLetter) {
    return mid == kWordMidLetter || mid == kWordMidNumLet;
  }
  if (last == kWordNumeric && after == kWordNumeric) {
    return mid == kWordMidNum || mid == kWordMidNumLet;
  }
  return false;
}

}  // namespace

LatinBreaks::LatinBreaks(const std::function<std::string(std::string_view)>& fold) {
  for (uint32_t c = 0; c < kTableSize; ++c) {
    uint8_t sentence = 0;
    word_[c] = SentenceClassOf(static_cast<UChar32>(c), sentence)
                   ? WordClassOf(static_cast<UChar32>(c))
                   : uint8_t{kWordRejected};
    sentence_[c] = sentence;
    if (word_[c] != kWordRejected) folded_[c] = fold(Utf8(static_cast<UChar32>(c)));
  }
  for (uint32_t c : kExtraCodePoints) {
    uint8_t sentence = 0;
    const uint8_t word = SentenceClassOf(static_cast<UChar32>(c), sentence)
                             ? WordClassOf(c)
                             : uint8_t{kWordRejected};
    if (word == kWordRejected) continue;
    extras_.push_back(Extra{c, word, sentence, fold(Utf8(static_cast<UChar32>(c)))});
  }
  auto expansion = [](uint32_t c, const std::string& folded) {
    const size_t bytes = Utf8(static_cast<UChar32>(c)).size();
    return (folded.size() + bytes - 1) / bytes;
  };
  for (uint32_t c = 0; c < kTableSize; ++c) {
    max_folded_per_byte_ = std::max(max_folded_per_byte_, expansion(c, folded_[c]));
  }
  for (const Extra& extra : extras_) {
    max_folded_per_byte_ =
        std::max(max_folded_per_byte_, expansion(extra.code_point, extra.folded));
  }
  for (uint32_t c = 0; c < 0x80; ++c) {
    const uint8_t word = word_[c];
    if (IsWordLike(word) && folded_[c].size() == 1) {
      ascii_kind_[c] = kAsciiWord;
    } else if (word == kWordOther && !EndsSentences(sentence_[c]) && c != '\n') {
      ascii_kind_[c] = kAsciiOther;
    } else {
      ascii_kind_[c] = kAsciiSpecial;
    }
    ascii_folded_[c] = folded_[c].size() == 1 ? folded_[c][0] : '\0';
  }
#ifdef __SSE2__
  // Blocks take letters and digits as words that fold by setting bit 5: only
  // when the tables agree.
  ascii_blocks_ = true;
  for (uint32_t c = 0; c < 0x80; ++c) {
    alignas(16) char bytes[16] = {};
    bytes[0] = static_cast<char>(c);
    const bool block_word =
        (AsciiWordBytes(_mm_load_si128(reinterpret_cast<const __m128i*>(bytes))) & 1) != 0;
    if (block_word != (ascii_kind_[c] == kAsciiWord) ||
        (block_word && ascii_folded_[c] != static_cast<char>(c | 0x20))) {
      ascii_blocks_ = false;
    }
  }
#endif
}

bool LatinBreaks::Classes(uint32_t c, uint8_t& word, uint8_t& sentence) const {
  if (c < kTableSize) {
    word = word_[c];
    sentence = sentence_[c];
    return word != kWordRejected;
  }
  for (const Extra& extra : extras_) {
    if (extra.code_point == c) {
      word = extra.word;
      sentence = extra.sentence;
      return true;
    }
  }
  return false;
}

std::string_view LatinBreaks::Folded(uint32_t c) const {
  if (c < kTableSize) return folded_[c];
  for (const Extra& extra : extras_) {
    if (extra.code_point == c) return extra.folded;
  }
  return {};
}

bool LatinBreaks::Decode(std::string_view text, size_t at, Char& out) const {
  const auto* data = reinterpret_cast<const uint8_t*>(text.data());
  if (data[at] < 0x80) {
    const uint8_t c = data[at];
    out = Char{c, 1, word_[c], sentence_[c]};
    return out.word != kWordRejected;
  }
  int32_t next = static_cast<int32_t>(at);
  UChar32 c = 0;
  U8_NEXT(data, next, static_cast<int32_t>(text.size()), c);
  if (c < 0) return false;
  out.code_point = static_cast<uint32_t>(c);
  out.length = static_cast<uint32_t>(next) - static_cast<uint32_t>(at);
  return Classes(out.code_point, out.word, out.sentence);
}

// One Prepare(): walks the text once, character by character, building the
// current word (folded straight into the buffer) and applying the sentence
// rules wherever a character may end a sentence.
class LatinBreaks::Pass {
 public:
  Pass(const LatinBreaks& tables, std::string_view text, PreparedText& out)
      : tables_(tables),
        text_(text),
        data_(reinterpret_cast<const uint8_t*>(text.data())),
        size_(text.size()),
        out_(out) {}

  bool Run() {
    // Worst case: every byte folds to the most bytes, plus a separator per
    // word, plus the 64 bytes a block may write past the word.
    out_.buffer.resize((tables_.max_folded_per_byte_ + 1) * size_ + 2 + 64);
    base_ = out_.buffer.data();
    write_ = base_;
    *write_++ = '\n';
    const uint8_t* const data = data_;
    const uint8_t* const kinds = tables_.ascii_kind_.data();
    const char* const folded = tables_.ascii_folded_.data();
    auto kind_at = [&](size_t at) -> uint8_t {
      return data[at] < 0x80 ? kinds[data[at]] : uint8_t{kAsciiSpecial};
    };
    while (at_ < size_) {
      const uint8_t kind = kind_at(at_);
      if (kind == kAsciiWord) {  // a run of ASCII letters and digits
        if (!in_word_) StartWord();
#ifdef __SSE2__
        if (tables_.ascii_blocks_) {
          while (at_ + 64 <= size_ && WordsAndSpaces64()) {
          }
        }
#endif
        size_t at = at_;
        char* write = write_;
#ifdef __SSE2__
        if (tables_.ascii_blocks_) {  // 16 bytes at a time, where the text has them
          while (at + 16 <= size_) {
            const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + at));
            const unsigned run = static_cast<unsigned>(__builtin_ctz(~AsciiWordBytes(block)));
            _mm_storeu_si128(reinterpret_cast<__m128i*>(write),
                             _mm_or_si128(block, _mm_set1_epi8(0x20)));  // lower case
            at += run;
            write += run;
            if (run == 16) continue;
            // Most words end in one space and another word: go on with it here.
            if (data[at] != ' ' || at + 1 >= size_ || kind_at(at + 1) != kAsciiWord) break;
            code_point_ += static_cast<uint32_t>(at - at_);
            at_ = at;
            write_ = write;
            EndWord();
            ++at_;  // the space
            ++code_point_;
            StartWord();
            at = at_;
            write = write_;
          }
        }
#endif
        while (at < size_ && kind_at(at) == kAsciiWord) *write++ = folded[data[at++]];
        last_word_class_ = tables_.word_[data[at - 1]];
        code_point_ += static_cast<uint32_t>(at - at_);
        at_ = at;
        write_ = write;
        continue;
      }
      if (kind == kAsciiOther) {  // a run of spaces and punctuation without a rule
        if (in_word_) EndWord();
        size_t at = at_ + 1;
        while (at < size_ && kind_at(at) == kAsciiOther) ++at;
        code_point_ += static_cast<uint32_t>(at - at_);
        at_ = at;
        continue;
      }
      Char c;
      if (!tables_.Decode(text_, at_, c) || !Step(c)) return false;
      at_ += c.length;
      ++code_point_;
    }
    if (in_word_) EndWord();
    if (sentence_start_ < code_point_) EndSentence(code_point_, size_);
    EndLine(code_point_, size_);
    *write_++ = '\n';
    out_.buffer.resize(static_cast<size_t>(write_ - base_));
    out_.folded_size = static_cast<uint32_t>(out_.buffer.size());
    out_.code_points = code_point_;
    return true;
  }

 private:
#ifdef __SSE2__
  // Within a word, takes the next 64 bytes as far as they are ASCII letters
  // and digits with single spaces between them: folded, they are themselves
  // (a space is the separator between words of one sentence), and the words
  // are where the bits of a mask change, so no byte is looked at alone. The
  // last word stays open for what follows. True when all 64 were taken.
  bool WordsAndSpaces64() {
    uint64_t word = 0;
    uint64_t space = 0;
    for (int i = 0; i < 4; ++i) {
      const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data_ + at_ + 16 * i));
      word |= static_cast<uint64_t>(AsciiWordBytes(block)) << (16 * i);
      space |= static_cast<uint64_t>(static_cast<unsigned>(
                   _mm_movemask_epi8(_mm_cmpeq_epi8(block, _mm_set1_epi8(' ')))))
               << (16 * i);
      _mm_storeu_si128(reinterpret_cast<__m128i*>(write_ + 16 * i),
                       _mm_or_si128(block, _mm_set1_epi8(0x20)));  // lower case
    }
    // A space between two word bytes; the last byte's successor is unknown.
    const uint64_t single_space = space & (word << 1) & (word >> 1);
    const uint64_t good = word | single_space;
    const unsigned run = good == ~uint64_t{0} ? 64u : static_cast<unsigned>(__builtin_ctzll(~good));
    // The run starts in the open word (byte 0 is a word byte) and ends with a
    // word byte (a single space is followed by one); that last word stays open.
    const uint64_t in_run = run == 64 ? ~uint64_t{0} : (uint64_t{1} << run) - 1;
    const uint64_t words = word & in_run;
    uint64_t ends = words & ~(words >> 1) & (in_run >> 1);  // not the last byte's
    uint64_t starts = words & ~(words << 1) & ~uint64_t{1};
    std::vector<PreparedToken>& tokens = out_.tokens;
    const uint32_t folded = static_cast<uint32_t>(write_ - base_);
    while (ends != 0) {
      const uint32_t end = static_cast<uint32_t>(__builtin_ctzll(ends)) + 1;
      const uint32_t start = static_cast<uint32_t>(__builtin_ctzll(starts));
      ends &= ends - 1;
      starts &= starts - 1;
      PreparedToken& closed = tokens.back();
      closed.end = code_point_ + end;
      closed.folded_end = folded + end;
      PreparedToken& opened = tokens.emplace_back();
      opened.start = code_point_ + start;
      opened.sentence = sentences_;
      opened.folded_start = folded + start;
    }
    at_ += run;
    code_point_ += run;
    write_ += run;
    last_word_class_ = tables_.word_[data_[at_ - 1]];
    return run == 64;
  }
#endif

  // A character that is not plain ASCII; false when the lookahead meets a
  // character the fast path does not handle.
  bool Step(const Char& c) {
    if (IsWordLike(c.word)) {
      if (!in_word_) StartWord();
      Append(c.code_point);
      last_word_class_ = c.word;
    } else if (in_word_) {
      bool joins = false;
      if (at_ + c.length < size_ &&
          (c.word == kWordMidLetter || c.word == kWordMidNumLet || c.word == kWordMidNum)) {
        Char after;
        if (!tables_.Decode(text_, at_ + c.length, after)) return false;
        joins = JoinsWord(last_word_class_, c.word, after.word);
      }
      if (joins) {
        Append(c.code_point);
      } else {
        EndWord();
      }
    }
    if (EndsSentences(c.sentence) && code_point_ >= sentence_skip_ && !SentenceRules(c)) {
      return false;
    }
    if (c.code_point == '\n') {
      EndLine(code_point_, at_);
      line_start_ = code_point_ + 1;
    }
    return true;
  }

  void Append(uint32_t code_point) {
    const std::string_view folded = tables_.Folded(code_point);
    std::memcpy(write_, folded.data(), folded.size());
    write_ += folded.size();
  }

  // The word's token goes in at once and gets its end in EndWord().
  void StartWord() {
    std::vector<PreparedToken>& tokens = out_.tokens;
    if (!tokens.empty()) *write_++ = tokens.back().sentence == sentences_ ? ' ' : '\n';
    PreparedToken& token = tokens.emplace_back();
    token.start = code_point_;
    token.sentence = sentences_;
    token.folded_start = static_cast<uint32_t>(write_ - base_);
    in_word_ = true;
  }

  void EndWord() {
    PreparedToken& token = out_.tokens.back();
    token.end = code_point_;
    token.folded_end = static_cast<uint32_t>(write_ - base_);
    in_word_ = false;
  }

  // The sentence that started at sentence_start_ ends before code point
  // `end` (byte `end_byte`); kept without trailing white space, if any is left.
  void EndSentence(uint32_t end, size_t end_byte) {
    uint32_t trimmed = end;
    while (trimmed > sentence_start_ && IsSpace(data_[end_byte - (end - trimmed) - 1])) --trimmed;
    if (trimmed > sentence_start_) {
      out_.sentences.push_back(Span{sentence_start_, trimmed});
      ++sentences_;
    }
    sentence_start_ = end;
  }

  // The line that started at line_start_ ends before `end`: a paragraph
  // unless it is only white space.
  void EndLine(uint32_t end, size_t end_byte) {
    uint32_t trimmed = end;
    while (trimmed > line_start_ && IsSpace(data_[end_byte - (end - trimmed) - 1])) --trimmed;
    if (trimmed > line_start_) out_.paragraphs.push_back(Span{line_start_, trimmed});
  }

  // The sentence class of the character before the current one.
  bool PreviousSentenceClass(uint8_t& out) const {
    if (at_ == 0) return false;
    size_t previous = at_ - 1;
    while (previous > 0 && (data_[previous] & 0xC0) == 0x80) --previous;
    Char c;
    if (!tables_.Decode(text_, previous, c)) return false;
    out = c.sentence;
    return true;
  }

  // UAX #29 SB3-SB11 at a character that may end a sentence (ParaSep,
  // ATerm, STerm); no Extend or Format characters occur here, so SB5 has
  // nothing to skip. False when the lookahead meets an unhandled character.
  bool SentenceRules(const Char& c) {
    if (c.sentence == kSentenceCr) {  // SB3, SB4
      if (at_ + 1 < size_ && data_[at_ + 1] == '\n') {
        sentence_skip_ = code_point_ + 2;
        EndSentence(code_point_ + 2, at_ + 2);
      } else {
        EndSentence(code_point_ + 1, at_ + 1);
      }
      return true;
    }
    if (c.sentence == kSentenceLf || c.sentence == kSentenceSep) {  // SB4
      EndSentence(code_point_ + 1, at_ + c.length);
      return true;
    }
    uint32_t end = code_point_ + 1;
    size_t end_byte = at_ + c.length;
    Char next;
    if (c.sentence == kSentenceATerm && end_byte < size_) {
      if (!tables_.Decode(text_, end_byte, next)) return false;
      if (next.sentence == kSentenceNumeric) return true;  // SB6: "3.5"
      uint8_t previous = 0;
      if (next.sentence == kSentenceUpper && PreviousSentenceClass(previous) &&
          (previous == kSentenceUpper || previous == kSentenceLower)) {
        return true;  // SB7: "U.S."
      }
    }
    for (const uint8_t skipped : {kSentenceClose, kSentenceSp}) {  // SB9, SB10
      while (end_byte < size_) {
        if (!tables_.Decode(text_, end_byte, next)) return false;
        if (next.sentence != skipped) break;
        end_byte += next.length;
        ++end;
      }
    }
    if (end_byte >= size_) return true;         // the text's end ends it
    if (IsParaSep(next.sentence)) return true;  // SB11 with ParaSep: the separator ends it
    if (c.sentence == kSentenceATerm) {         // SB8: a lower-case letter follows
      size_t look = end_byte;
      Char ahead = next;
      for (;;) {
        if (ahead.sentence == kSentenceOLetter || ahead.sentence == kSentenceUpper ||
            ahead.sentence == kSentenceLower || IsParaSep(ahead.sentence) ||
            IsSATerm(ahead.sentence)) {
          break;
        }
        look += ahead.length;
        if (look >= size_) break;
        if (!tables_.Decode(text_, look, ahead)) return false;
      }
      if (look < size_ && ahead.sentence == kSentenceLower) return true;
    }
    if (next.sentence == kSentenceSContinue || IsSATerm(next.sentence)) return true;  // SB8a
    EndSentence(end, end_byte);                                                       // SB11
    return true;
  }

  const LatinBreaks& tables_;
  std::string_view text_;
  const uint8_t* data_;
  size_t size_;
  PreparedText& out_;
  char* base_ = nullptr;
  char* write_ = nullptr;
  size_t at_ = 0;            // byte of the current character
  uint32_t code_point_ = 0;  // its code point index
  bool in_word_ = false;
  uint8_t last_word_class_ = 0;  // of the current word's last character
  uint32_t sentences_ = 0;       // non-empty sentences so far
  uint32_t sentence_start_ = 0;
  uint32_t sentence_skip_ = 0;  // no sentence ends at code points before this (CR LF)
  uint32_t line_start_ = 0;
};

bool LatinBreaks::Prepare(std::string_view text, PreparedText& out) const {
  return Pass(*this, text, out).Run();
}

}  // namespace verhaal
