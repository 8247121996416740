// Fuzzes the two YAML files of `verhaal pseudonymise` (docs/privacy.md): the
// policy (privacy/policy.h) and the review's decisions (privacy/decisions.h),
// each input read as both. Decisions read without error must come back the
// same from what DecisionsYaml writes (the workbench's Privacy view writes
// the file that way): an error there, or other decisions, is a finding.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "fuzz/fuzz_support.h"
#include "privacy/decisions.h"
#include "privacy/policy.h"

namespace {

std::filesystem::path WriteScratch(const char* name, std::string_view text) {
  const std::filesystem::path file = verhaal::fuzz::ScratchFolder() / name;
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  return file;
}

bool Same(const std::vector<verhaal::Decision>& a, const std::vector<verhaal::Decision>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].story != b[i].story || a[i].start != b[i].start || a[i].end != b[i].end ||
        a[i].text != b[i].text || a[i].note != b[i].note ||
        a[i].category.value_or(verhaal::Category::kPerson) !=
            b[i].category.value_or(verhaal::Category::kPerson)) {
      return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::filesystem::path file = WriteScratch("privacy.yaml", verhaal::fuzz::Text(data, size));
  verhaal::fuzz::Expect([&] { verhaal::LoadPolicy(file); });
  verhaal::fuzz::Expect([&] {
    const verhaal::Decisions decisions = verhaal::LoadDecisions(file);
    const std::string written = verhaal::DecisionsYaml(decisions);
    verhaal::Decisions back;
    try {
      back = verhaal::LoadDecisions(WriteScratch("written.yaml", written));
    } catch (const verhaal::Error& e) {
      std::fprintf(stderr, "finding: DecisionsYaml wrote what LoadDecisions refuses: %s\n%s\n",
                   e.Describe().c_str(), written.c_str());
      std::abort();
    }
    if (!Same(decisions.reject, back.reject) || !Same(decisions.add, back.add) ||
        !Same(decisions.accept, back.accept)) {
      std::fprintf(stderr, "finding: decisions read back differ from those written:\n%s\n",
                   written.c_str());
      std::abort();
    }
  });
  return 0;
}
