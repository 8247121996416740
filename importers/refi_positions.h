// REFI-QDA positions count the code points of a source text as the peer tool
// read it: before NFC normalisation and, in most tools, with "\r\n" as two
// characters (ATLAS.ti counts it as one). verhaal stores NormalizeText() of
// that source, so positions must be mapped. SourcePositionMap normalises the
// source in chunks between normalisation boundaries and keeps, per chunk, its
// start in both texts. See docs/refi-qda.md, "Positions".
#ifndef VERHAAL_IMPORTERS_REFI_POSITIONS_H_
#define VERHAAL_IMPORTERS_REFI_POSITIONS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"

namespace verhaal {

// How the peer tool counted a "\r\n" line break.
enum class LineBreakCounting {
  kEachCharacter,  // "\r\n" is two positions (the standard; NVivo, MAXQDA)
  kCrlfAsOne,      // "\r\n" is one position (ATLAS.ti)
};

class SourcePositionMap {
 public:
  // Validates `source` (kData Error at `where` on invalid UTF-8) and builds
  // the stored text and the map. O(n) time; memory: the stored text and a
  // few words per composed character or CRLF.
  SourcePositionMap(std::string_view source, LineBreakCounting counting,
                    const Location& where = {});

  // The text as verhaal stores it; equals NormalizeText(source).
  const std::string& stored_text() const { return stored_; }
  // The stored text's length in code points.
  size_t stored_length() const { return stored_starts_.back(); }
  // Gives the stored text away (stored_text() is empty after); the map
  // still maps positions.
  std::string TakeStoredText() { return std::move(stored_); }

  // The source's length in positions as the peer tool counted them.
  size_t source_length() const { return source_starts_.back(); }

  // The stored position of a selection start; a start inside a composed
  // character or a "\r\n" moves back to its beginning. Nothing when the
  // position lies beyond the source.
  std::optional<size_t> StartOf(size_t source_position) const;

  // The stored position of an (exclusive) selection end; an end inside a
  // composed character or a "\r\n" moves forward to its end.
  std::optional<size_t> EndOf(size_t source_position) const;

 private:
  std::string stored_;
  // Chunk k covers source positions [source_starts_[k], source_starts_[k+1])
  // and stored positions [stored_starts_[k], stored_starts_[k+1]). A run of
  // chunks of one position each that stay one position (ASCII, and most
  // text) is kept as one chunk marked `single_`: positions inside it map one
  // to one. So the map holds a few entries per composed character or CRLF,
  // not two numbers per character (issue 26: a 200 MB source needed 3 GB).
  std::vector<size_t> source_starts_;
  std::vector<size_t> stored_starts_;
  std::vector<bool> single_;
};

}  // namespace verhaal

#endif  // VERHAAL_IMPORTERS_REFI_POSITIONS_H_
