// Fuzzes story files with front matter (importers/story_folder.h,
// docs/story-folders.md): the input is the one file of a story folder.
#include <fstream>

#include "fuzz/fuzz_support.h"
#include "importers/story_folder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace verhaal;
  Project& project = fuzz::ScratchProject();
  const std::filesystem::path folder = fuzz::ScratchFolder() / "stories";
  std::filesystem::create_directories(folder);
  {
    std::ofstream out(folder / "verhaal.md", std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  fuzz::Expect([&] {
    Transaction transaction(project);  // never committed
    ImportStoryFolder(project, folder, {}, {});
  });
  return 0;
}
