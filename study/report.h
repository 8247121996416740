// The HTML report of a study (`verhaal report`, and the `report` export of
// `verhaal run`): one self-contained page (inline CSS and SVG, no network,
// readable on a laptop and in print) with the study overview, the matrix
// per group with its statistics in plain words, the story scatter, code
// frequencies, signifier charts, inter-coder agreement, and for each cell
// of the matrix and each code a few of the stories behind the numbers,
// expandable. The matrices are ComputeMatrix's (study/matrix_query.h) and
// the agreement table SummarizeAgreement's (study/agreement_summary.h), so
// the page shows the numbers `verhaal matrix` and `verhaal agreement` print.
// See docs/report.md.
#ifndef VERHAAL_STUDY_REPORT_H_
#define VERHAAL_STUDY_REPORT_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "coding/analysis_coders.h"
#include "corpus/language.h"
#include "corpus/project.h"
#include "corpus/stories.h"

namespace verhaal {

struct ReportOptions {
  std::string title;  // the page title; empty: the project's name
  std::string rows;   // the matrix's row dimension (docs/matrix.md), required
  std::string cols;   // its column dimension, required
  std::string by;     // one matrix per level of this dimension; may be empty
  // The scatter's sliders (see SliderDimension); empty: rows and cols when
  // they are dyad dimensions (no scatter otherwise).
  std::string x;
  std::string y;
  StoryFilter filter;  // which stories the matrix and scatter count
  // The coders whose agreement is shown; empty: every coder with manual
  // codings (origin "manual" or "import:...").
  std::vector<std::string> coders;
  // Whose codings the matrix, code frequencies and quotes read (default: the
  // analysis set, else every human coder); the page says which.
  CoderRequest analysis;
  int quotes = 3;  // stories quoted per matrix cell and per code
  // The page's language (words, numbers, dates); nullopt: the language most
  // stories are in (MostStoriesLanguage).
  std::optional<Language> language;
};

// The language of a report when none is asked for: the language most of
// `stories` are in (their `language`, "nl", "nl-BE", "en", ...; a tie goes
// to Dutch) when that is Dutch or English, else the locale's
// (LocaleLanguage), else English: MostStoriesLanguage (corpus/language.h)
// over their tags. WriteReport counts the tags with SQLite
// (CountStoriesByKindWaveAndLanguage) and calls MostStoriesLanguage itself.
Language ReportLanguage(const std::vector<Story>& stories);

// A scatter axis as a DIM (docs/matrix.md): "dyad:KEY[@CUT]" and
// "stone-x:..."/"stone-y:..." stay as they are; a bare KEY means "dyad:KEY".
std::string SliderDimension(std::string_view text);

// Builds the page from the project (read only). Throws the errors of
// ParseDimension / ResolveDimension (kUsage, kMissing) for a bad dimension,
// kData when no story passes the filter, kUsage for --combine each.
std::string BuildReport(Project& project, const ReportOptions& options);

// The same page given to `write` a part at a time, as it is made, so that it
// is never held whole (the scatter of a million stories is tens of MB).
// Throws as BuildReport, possibly after some parts were written.
void WriteReport(Project& project, const ReportOptions& options,
                 const std::function<void(std::string_view)>& write);

}  // namespace verhaal

#endif  // VERHAAL_STUDY_REPORT_H_
