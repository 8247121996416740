// Fuzzes the study manifest parser (exporters/study.h, docs/study.md).
#include "fuzz/fuzz_support.h"
#include "study/manifest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  verhaal::fuzz::Expect(
      [&] { verhaal::ParseStudyManifest(verhaal::fuzz::Text(data, size), "study/study.yaml"); });
  return 0;
}
