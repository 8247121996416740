// Adding many codings to stories whose length the caller knows (an importer
// that has just stored the story): AddCoding (codings.h) without reading the
// story's text for each coding, which costs a copy of the whole text per
// coding (issue 26: a 200 MB source with many codings).
#ifndef VERHAAL_CORPUS_CODING_ADDER_H_
#define VERHAAL_CORPUS_CODING_ADDER_H_

#include <cstdint>
#include <memory>
#include <string_view>

#include "corpus/codings.h"
#include "corpus/project.h"

namespace verhaal {

// The same checks, rows and result as AddCoding, through statements prepared
// once. Holds them on the project's connection, which must outlive it; not
// copyable (they are its own).
class CodingAdder {
 public:
  explicit CodingAdder(Project& project);
  CodingAdder(const CodingAdder&) = delete;
  CodingAdder& operator=(const CodingAdder&) = delete;
  ~CodingAdder();

  // Adds `coding` to story `story_key`, whose stored text has `length` code
  // points (kData, as AddCoding, when the segment does not fit). False when
  // the same coding is there already. SQLite's failures as Errors of their
  // kind (corpus/error.h).
  bool Add(const Coding& coding, std::string_view story_key, int64_t length);

 private:
  bool Insert(const Coding& coding);

  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_CODING_ADDER_H_
