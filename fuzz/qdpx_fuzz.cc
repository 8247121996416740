// Fuzzes the .qdpx reader and importer (importers/refi_package.h,
// importers/refi_qda.h) with the input as the archive's bytes.
#include <fstream>

#include "fuzz/fuzz_support.h"
#include "importers/refi_qda.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace verhaal;
  Project& project = fuzz::ScratchProject();
  const std::filesystem::path file = fuzz::ScratchFolder() / "input.qdpx";
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  fuzz::Expect([&] {
    Transaction transaction(project);  // never committed
    ImportRefi(project, file);
  });
  return 0;
}
