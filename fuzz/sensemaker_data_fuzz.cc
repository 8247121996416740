// Fuzzes the SenseMaker data importer (importers/sensemaker.h) under a
// definition with every kind of signifier.
#include "fuzz/fuzz_support.h"
#include "importers/byte_source.h"
#include "importers/csv_reader.h"
#include "importers/sensemaker.h"
#include "importers/sensemaker_definition.h"

namespace {

constexpr const char* kDefinition = R"json({
  "name": ["Werkpad"], "language": ["nl"], "fragment_signifier_id": ["verhaal"],
  "signifiers": [
    {"id": "verhaal", "type": "freetext", "title": "Wat gebeurde er?", "content": {}},
    {"id": "d", "type": "dyad", "title": "Samenwerken", "content": {
      "labels": [{"id": "m", "text": "moeten"}, {"id": "w", "text": "willen"}]}},
    {"id": "t", "type": "triad", "title": "Wat hielp?", "content": {
      "labels": [{"id": "t1", "text": "klantmanager"}, {"id": "t2", "text": "taal"},
                 {"id": "t3", "text": "werk"}]}},
    {"id": "s", "type": "stones", "title": "Waar sta je?", "content": {
      "stones": [{"id": "a", "title": "nu"}], "axis": {"x": {}, "y": {}}}},
    {"id": "g", "type": "list", "title": "Gemeente", "content": {
      "items": [{"id": "g1", "title": "Noord"}, {"id": "g2", "title": "Zuid"}],
      "max_responses": 1}}
  ]})json";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace verhaal;
  static const SenseMakerDefinition definition =
      ParseSenseMakerDefinition(kDefinition, "definition.json");
  Project& project = fuzz::ScratchProject();
  fuzz::Expect([&] {
    CsvReader reader(StringSource(std::string(fuzz::Text(data, size))), "data.csv");
    Transaction transaction(project);  // never committed
    ImportSenseMaker(project, reader, definition);
  });
  return 0;
}
