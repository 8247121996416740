// Fuzzes the codings CSV importer (importers/codings_csv.h,
// docs/codings-csv.md) against a project with two stories and a code tree.
#include "corpus/codes.h"
#include "corpus/stories.h"
#include "fuzz/fuzz_support.h"
#include "importers/byte_source.h"
#include "importers/codings_csv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace verhaal;
  Project& project = fuzz::ScratchProject([](Project& p) {
    for (const char* key : {"S1", "S2"}) {
      Story story;
      story.key = key;
      story.text = "Ik moest naar de taalles, maar ik wilde werken. Één keer per week.";
      AddStory(p, story);
    }
    Code group;
    group.name = "motivatie";
    const int64_t parent = AddCode(p, group);
    for (const char* name : {"moeten", "willen"}) {
      Code code;
      code.name = name;
      code.parent_id = parent;
      AddCode(p, code);
    }
  });
  fuzz::Expect([&] {
    Transaction transaction(project);  // never committed
    CodingsCsvOptions options;
    options.default_coder = "anna";
    ImportCodingsCsv(project, StringSource(std::string(fuzz::Text(data, size))), "codings.csv",
                     options);
  });
  return 0;
}
