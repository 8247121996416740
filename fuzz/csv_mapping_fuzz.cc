// Fuzzes the CSV reader with a mapping (importers/csv_import.h): an input is a
// mapping YAML, a line "---", then the CSV; without the line, the whole input
// is the CSV under a mapping that uses every kind of column.
#include <memory>

#include "fuzz/fuzz_support.h"
#include "importers/byte_source.h"
#include "importers/csv_import.h"
#include "importers/csv_reader.h"
#include "importers/mapping.h"

namespace {

constexpr std::string_view kMapping =
    "story: story\nrespondent: respondent\nrole: role\nwave: wave\ndate: date\ntext: text\n"
    "story_variables:\n  leeftijd: integer\n  cijfer: float\n"
    "signifiers:\n  d: {type: dyad, column: d}\n  t: {type: triad, columns: [t1, t2, t3]}\n"
    "  l: {type: list, items: [a, b]}\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace verhaal;
  const std::string_view input = fuzz::Text(data, size);
  const size_t split = input.find("\n---\n");
  const std::string_view mapping_text = split == input.npos ? kMapping : input.substr(0, split);
  const std::string csv(split == input.npos ? input : input.substr(split + 5));
  Project& project = fuzz::ScratchProject();
  fuzz::Expect([&] {
    const ImportMapping mapping = ParseMapping(mapping_text, "map.yaml");
    CsvOptions options;
    options.delimiter = mapping.delimiter;
    options.encoding = mapping.encoding;
    CsvReader reader(StringSource(csv), "in.csv", options);
    Transaction transaction(project);  // never committed
    ImportCsv(project, reader, mapping, {},
              [&] { return std::make_unique<CsvReader>(StringSource(csv), "in.csv", options); });
  });
  return 0;
}
