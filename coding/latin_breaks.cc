#include "coding/latin_breaks.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

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

// The code point indexes after which a sentence ends (UAX #29 SB3-SB11; no
// Extend or Format characters occur here, so SB5 has nothing to skip).
void SentenceSpans(const std::vector<uint8_t>& sb,
                   std::vector<std::pair<uint32_t, uint32_t>>& sentences) {
  const size_t n = sb.size();
  uint32_t start = 0;
  auto end_at = [&](size_t end) {
    sentences.emplace_back(start, static_cast<uint32_t>(end));
    start = static_cast<uint32_t>(end);
  };
  size_t i = 0;
  while (i < n) {
    const uint8_t c = sb[i];
    if (c == kSentenceCr) {  // SB3, SB4
      if (i + 1 < n && sb[i + 1] == kSentenceLf) ++i;
      end_at(i + 1);
      ++i;
      continue;
    }
    if (c == kSentenceLf || c == kSentenceSep) {  // SB4
      end_at(i + 1);
      ++i;
      continue;
    }
    if (!IsSATerm(c)) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    if (c == kSentenceATerm && j < n) {
      if (sb[j] == kSentenceNumeric) {  // SB6: "3.5"
        i = j;
        continue;
      }
      if (sb[j] == kSentenceUpper && i > 0 &&
          (sb[i - 1] == kSentenceUpper || sb[i - 1] == kSentenceLower)) {  // SB7: "U.S."
        i = j;
        continue;
      }
    }
    while (j < n && sb[j] == kSentenceClose) ++j;  // SB9
    while (j < n && sb[j] == kSentenceSp) ++j;     // SB10
    if (j >= n) break;
    if (IsParaSep(sb[j])) {  // SB11 with ParaSep: the separator ends it
      i = j;
      continue;
    }
    if (c == kSentenceATerm) {  // SB8: a lower-case letter follows
      size_t k = j;
      while (k < n && sb[k] != kSentenceOLetter && sb[k] != kSentenceUpper &&
             sb[k] != kSentenceLower && !IsParaSep(sb[k]) && !IsSATerm(sb[k])) {
        ++k;
      }
      if (k < n && sb[k] == kSentenceLower) {
        i = j;
        continue;
      }
    }
    if (sb[j] == kSentenceSContinue || IsSATerm(sb[j])) {  // SB8a
      i = j;
      continue;
    }
    end_at(j);  // SB11
    i = j;
  }
  if (start < n) end_at(n);
}

// Word-like segments (UAX #29 WB5-WB13 for letters, digits and the
// punctuation inside words and numbers).
void WordSpans(const std::vector<uint8_t>& wb, const std::vector<uint32_t>& bytes,
               std::vector<WordSpan>& words) {
  const size_t n = wb.size();
  size_t i = 0;
  while (i < n) {
    if (wb[i] != kWordLetter && wb[i] != kWordNumeric) {
      ++i;
      continue;
    }
    const size_t start = i;
    while (i + 1 < n) {
      const uint8_t current = wb[i];
      const uint8_t next = wb[i + 1];
      if (next == kWordLetter || next == kWordNumeric) {  // WB5, WB8, WB9, WB10
        ++i;
        continue;
      }
      if (i + 2 < n) {
        const uint8_t after = wb[i + 2];
        if (current == kWordLetter && after == kWordLetter &&
            (next == kWordMidLetter || next == kWordMidNumLet)) {  // WB6, WB7
          i += 2;
          continue;
        }
        if (current == kWordNumeric && after == kWordNumeric &&
            (next == kWordMidNum || next == kWordMidNumLet)) {  // WB11, WB12
          i += 2;
          continue;
        }
      }
      break;
    }
    ++i;
    words.push_back(
        WordSpan{static_cast<uint32_t>(start), static_cast<uint32_t>(i), bytes[start], bytes[i]});
  }
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

void LatinBreaks::AppendFolded(uint32_t c, std::string& out) const {
  if (c < kTableSize) {
    out += folded_[c];
    return;
  }
  for (const Extra& extra : extras_) {
    if (extra.code_point == c) {
      out += extra.folded;
      return;
    }
  }
}

bool LatinBreaks::Segment(std::string_view text, Scratch& scratch,
                          std::vector<std::pair<uint32_t, uint32_t>>& sentences,
                          std::vector<WordSpan>& words) const {
  const auto* data = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t size = static_cast<int32_t>(text.size());
  // At most one code point per byte: size once, fill by index.
  scratch.code_points.resize(text.size());
  scratch.bytes.resize(text.size() + 1);
  scratch.word.resize(text.size());
  scratch.sentence.resize(text.size());
  size_t n = 0;
  for (int32_t at = 0; at < size;) {
    const uint32_t byte = static_cast<uint32_t>(at);
    UChar32 c = data[at];
    if (c < 0x80) {
      ++at;
    } else {
      U8_NEXT(data, at, size, c);
      if (c < 0) return false;
    }
    uint8_t word = 0;
    uint8_t sentence = 0;
    if (static_cast<uint32_t>(c) < kTableSize) {
      word = word_[c];
      sentence = sentence_[c];
      if (word == 0) return false;  // kWordRejected
    } else if (!Classes(static_cast<uint32_t>(c), word, sentence)) {
      return false;
    }
    scratch.bytes[n] = byte;
    scratch.code_points[n] = static_cast<uint32_t>(c);
    scratch.word[n] = word;
    scratch.sentence[n] = sentence;
    ++n;
  }
  scratch.bytes[n] = static_cast<uint32_t>(size);
  scratch.code_points.resize(n);
  scratch.bytes.resize(n + 1);
  scratch.word.resize(n);
  scratch.sentence.resize(n);
  sentences.clear();
  words.clear();
  SentenceSpans(scratch.sentence, sentences);
  WordSpans(scratch.word, scratch.bytes, words);
  return true;
}

}  // namespace verhaal
