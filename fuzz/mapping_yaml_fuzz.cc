// Fuzzes the import mapping parser (importers/mapping.h, docs/import-mapping.md).
#include "fuzz/fuzz_support.h"
#include "importers/mapping.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  verhaal::fuzz::Expect(
      [&] { verhaal::ParseMapping(verhaal::fuzz::Text(data, size), "fuzz.yaml"); });
  return 0;
}
