// What every importer takes and returns: the options --update and the
// progress callback, and the report of what an import added, kept, replaced
// or would have (docs/importing.md). The importers' own headers
// (csv_import.h, story_folder.h, ...) take and return these; how they store
// the stories is story_import.h's (StoryImporter), which is not installed.
#ifndef VERHAAL_IMPORTERS_IMPORT_REPORT_H_
#define VERHAAL_IMPORTERS_IMPORT_REPORT_H_

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace verhaal {

struct ImportOptions {
  bool update = false;  // replace stories whose text changed
  // Called now and then with bytes done and the total (0 when unknown).
  std::function<void(uint64_t done, uint64_t total)> progress;
};

// What an import did (or, in a dry run, would do).
struct ImportReport {
  int64_t stories_added = 0;
  int64_t stories_updated = 0;
  int64_t stories_unchanged = 0;
  int64_t stories_changed = 0;  // new text, not replaced (no --update)
  int64_t respondents_added = 0;
  std::vector<std::string> new_variables;   // "respondent gemeente (text)"
  std::vector<std::string> new_signifiers;  // "motivatie (dyad)"
  std::vector<std::string> warnings;        // printed as "verhaal: warning: ..."
  // What else the input brought, for a format that holds more than stories
  // (REFI-QDA): {"code", 3}, {"coding", 120}, in the order printed.
  std::vector<std::pair<std::string, int64_t>> also_added;

  bool changed() const {
    for (const auto& [what, count] : also_added) {
      if (count > 0) return true;
    }
    return stories_added + stories_updated + respondents_added > 0 || !new_variables.empty() ||
           !new_signifiers.empty();
  }
  // One line: "SOURCE: 38 stories added, ..." or that nothing changed.
  std::string Summary(const std::string& source, bool dry_run) const;
};

}  // namespace verhaal

#endif  // VERHAAL_IMPORTERS_IMPORT_REPORT_H_
