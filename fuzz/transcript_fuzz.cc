// Fuzzes the transcript parser (importers/transcript.h, docs/transcripts.md)
// after the text normalisation every story goes through.
#include "base/text.h"
#include "fuzz/fuzz_support.h"
#include "importers/transcript.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace verhaal;
  fuzz::Expect([&] {
    const std::string text = NormalizeText(fuzz::Text(data, size), {"interview.txt", 1, 0, ""});
    ParseTranscript(text, kDefaultInterviewers);
  });
  return 0;
}
