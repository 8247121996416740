// Fuzzes the codebook YAML parser (coding/codebook.h, docs/codebook.md),
// rules included.
#include "coding/codebook.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  verhaal::fuzz::Expect(
      [&] { verhaal::ParseCodebook(verhaal::fuzz::Text(data, size), "fuzz.yaml"); });
  return 0;
}
