// Fuzzes the SenseMaker framework definition parser
// (importers/sensemaker_definition.h, docs/signifiers.md).
#include "fuzz/fuzz_support.h"
#include "importers/sensemaker_definition.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  verhaal::fuzz::Expect([&] {
    verhaal::ParseSenseMakerDefinition(verhaal::fuzz::Text(data, size), "definition.json");
  });
  return 0;
}
