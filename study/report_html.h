// Pieces the report's sections share (report.cc, report_sections.cc,
// report_charts.cc): HTML escaping, tables, number formatting and the
// quotes behind the numbers. Internal to the report.
// Private to study/.
#ifndef VERHAAL_STUDY_REPORT_HTML_H_
#define VERHAAL_STUDY_REPORT_HTML_H_

#include <cstdint>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/codings.h"
#include "corpus/project.h"
#include "corpus/signifiers.h"
#include "corpus/stories.h"
#include "corpus/story_tallies.h"
#include "exporters/matrix.h"
#include "exporters/report_words.h"
#include "exporters/table.h"
#include "study/matrix_query.h"
#include "study/report.h"

namespace verhaal {

// Escapes &, <, >, " for HTML text and attributes.
std::string HtmlEscape(std::string_view text);

// `table` as an HTML <table> (numeric columns right-aligned, their numbers
// in `language`: LocalNumber).
std::string HtmlTable(const Table& table, std::string_view css_class = "",
                      Language language = Language::kEnglish);

// An SVG document for inline use: without the XML declaration.
std::string InlineSvg(const std::string& svg);

// A code's figures over the codings the report reads: its own and its
// sub-codes' (a story counts once), and the stories to quote for it.
struct CodeFigures {
  int64_t stories = 0;
  int64_t manual = 0;  // codings by people
  int64_t rules = 0;   // codings by rules
  bool own = false;    // the code has codings of its own (not only its sub-codes')
  // Up to ReportOptions::quotes stories, in PickStories' order.
  std::vector<int64_t> picks;
};

// What the report reads once and its sections share. Stories are held as
// their ids and keys alone (about 25 bytes a story) and codings not at all:
// the figures are counted in one pass over the codings, the overview by
// SQLite, and a quoted story's text and codings are read when it is quoted,
// so a million stories fit in memory.
struct ReportData {
  Project* project = nullptr;
  Language language = Language::kEnglish;       // of every word and number
  std::vector<int64_t> ids;                     // every story's id, ascending
  std::string keys;                             // their keys, one after another
  std::vector<size_t> key_ends;                 // where each key ends in `keys`
  CoderSelection coders;                        // whose codings count
  int64_t codings = 0;                          // the number of codings of `coders`
  std::vector<bool> manual;                     // per story of `ids`: a coding by people
  std::map<int64_t, CodeFigures> code_figures;  // by code id; codes with codings
  std::vector<StoryGroupCount> story_groups;    // stories per kind, wave and language

  // The position of story `id` in `ids`, or -1.
  int64_t IndexOf(int64_t id) const;
  // The key of the story at `index` in `ids`.
  std::string_view Key(size_t index) const;
  // Whether the story at `index` has a coding by people among `coders`'.
  bool Manual(size_t index) const { return index < manual.size() && manual[index]; }
};

// A quote: a manual coding's segment of story `story_id` (preferring codes
// whose path starts with one of `prefer`), else the story's opening words,
// as a <blockquote> with the story key, respondent key and role, and title.
// Reads the story and its codings; empty when the story is gone.
std::string QuoteHtml(const ReportData& data, int64_t story_id,
                      const std::vector<std::string>& prefer);

// Up to `count` of the stories `ids`: those with manual codings first, then
// by key. Reads nothing.
std::vector<int64_t> PickStories(const ReportData& data, const std::vector<int64_t>& ids,
                                 int count);

// True for codings made by people (origin "manual" or "import:...").
bool IsManual(const Coding& coding);

// The sections, each an HTML <section> with an id.
std::string OverviewSection(Project& project, const ReportData& data);
// The matrix section shows `overall` (the matrix of all the report's
// stories) and, with --by, `grouped` (one per group); both as ComputeMatrix
// (study/matrix_query.h) gives them, the dimensions in the report's language.
std::string MatrixSection(const ReportData& data, const ReportOptions& options,
                          const MatrixAnswer& overall, const MatrixAnswer* grouped);
// The scatter of `stories` (the report's, ascending ids), its points
// coloured by `groups` (the matrix's --by) when given, given to `write` in
// parts (a point a story: the chart is never held whole). Nothing without
// sliders to plot.
void ScatterSection(Project& project, const ReportData& data, const ReportOptions& options,
                    const std::vector<int64_t>& stories, const ResolvedDimension* groups,
                    const std::function<void(std::string_view)>& write);
std::string CodesSection(Project& project, const ReportData& data, const ReportOptions& options);
std::string SignifierSection(Project& project, const ReportData& data);
std::string AgreementSection(Project& project, const ReportData& data,
                             const ReportOptions& options);

// Plain-words sentence about one cross table's tests.
std::string TestsInWords(const CrossTab& tab, Language language = Language::kEnglish);

// The role of each story, for charts stacked by role: views of the ids and
// groups of a SummaryStories (or other vectors) that outlive it.
struct StoryRoles {
  std::span<const int64_t> ids;   // ascending
  std::span<const int32_t> role;  // per story: index into `names`, -1 without one
  std::vector<std::string> names;
  // The role of story `id` ("" without one); nullptr when the story is not listed.
  const std::string* Of(int64_t id) const;
};

// Charts of one signifier's answers among `stories`: a histogram (dyad), a
// ternary plot (triad) or bars (list). Empty for other types. With `counts`,
// the answered, N/A and skipped stories of `stories` counted in the same
// pass (as CountSignifierValues counts them, without reading again).
std::string SignifierChartSvg(Project& project, const Signifier& signifier,
                              const StoryRoles& stories, Language language = Language::kEnglish,
                              SignifierCounts* counts = nullptr);

}  // namespace verhaal

#endif  // VERHAAL_STUDY_REPORT_HTML_H_
