// What every libFuzzer target in fuzz/ shares: running one input through a
// parser, where a verhaal::Error of a kind a user can cause (bad data, a
// missing file, ...) is the expected answer to a bad input, and anything else
// (an internal error, an exception that escaped translation, a crash, a
// sanitizer report, a leak, memory past -rss_limit_mb) is a finding; and a
// scratch project for the importers, whose every input is rolled back.
#ifndef VERHAAL_FUZZ_FUZZ_SUPPORT_H_
#define VERHAAL_FUZZ_FUZZ_SUPPORT_H_

#include <stdlib.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "base/error.h"
#include "corpus/project.h"

namespace verhaal::fuzz {

// The input as text.
inline std::string_view Text(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Runs `parse` on one input; aborts (so libFuzzer keeps the input) when it
// ends in anything but success or a user-caused verhaal::Error.
template <typename Parse>
void Expect(Parse&& parse) {
  try {
    parse();
  } catch (const Error& e) {
    if (e.kind() == ErrorKind::kInternal) {
      std::fprintf(stderr, "finding: internal error: %s\n", e.Describe().c_str());
      std::abort();
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "finding: exception not translated to verhaal::Error: %s\n", e.what());
    std::abort();
  }
}

// A scratch folder for this process, made once.
inline const std::filesystem::path& ScratchFolder() {
  static const std::filesystem::path folder = [] {
    std::string pattern = (std::filesystem::temp_directory_path() / "verhaal-fuzz-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) std::abort();
    return std::filesystem::path(pattern);
  }();
  return folder;
}

// A project in the scratch folder, made once; `prepare` fills it the first
// time (committed). Inputs run in a Transaction that is never committed.
template <typename Prepare>
Project& ScratchProject(Prepare&& prepare) {
  static std::optional<Project> project;
  if (!project) {
    project.emplace(Project::Create(ScratchFolder() / "fuzz.verhaal", "fuzz"));
    Transaction transaction(*project);
    prepare(*project);
    transaction.Commit();
  }
  return *project;
}

inline Project& ScratchProject() {
  return ScratchProject([](Project&) {});
}

}  // namespace verhaal::fuzz

#endif  // VERHAAL_FUZZ_FUZZ_SUPPORT_H_
