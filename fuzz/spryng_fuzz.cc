// Fuzzes the Spryng export importer (importers/spryng.h, docs/signifiers.md).
#include "fuzz/fuzz_support.h"
#include "importers/byte_source.h"
#include "importers/csv_reader.h"
#include "importers/spryng.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace verhaal;
  Project& project = fuzz::ScratchProject();
  fuzz::Expect([&] {
    CsvReader reader(StringSource(std::string(fuzz::Text(data, size))), "spryng.csv");
    Transaction transaction(project);  // never committed
    ImportSpryng(project, reader);
  });
  return 0;
}
