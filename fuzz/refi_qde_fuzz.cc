// Fuzzes the REFI-QDA project XML importer (importers/refi_qda.h,
// docs/refi-qda.md) with the input as the project.qde of a .qdpx whose
// sources folder holds one text.
#include "fuzz/fuzz_support.h"
#include "importers/refi_package.h"
#include "importers/refi_qda.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace verhaal;
  Project& project = fuzz::ScratchProject();
  fuzz::Expect([&] {
    RefiPackage package;
    package.file = "fuzz.qdpx";
    package.project_name = "project.qde";
    package.project_xml = std::string(fuzz::Text(data, size));
    package.sources["00000000-0000-0000-0000-000000000040.txt"] =
        "Ik moest naar de taalles.\r\nMaar ik wilde werken.";
    package.base_folder = fuzz::ScratchFolder();
    Transaction transaction(project);  // never committed
    ImportRefiPackage(project, package);
  });
  return 0;
}
