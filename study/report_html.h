// Pieces the report's sections share (report.cc, report_sections.cc,
// report_charts.cc): HTML escaping, tables, number formatting and the
// quotes behind the numbers. Internal to the report.
#ifndef VERHAAL_STUDY_REPORT_HTML_H_
#define VERHAAL_STUDY_REPORT_HTML_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/codings.h"
#include "corpus/project.h"
#include "corpus/signifiers.h"
#include "corpus/stories.h"
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

// What the report reads once and its sections share. Stories are held
// without their text and codings not at all: the figures are counted in one
// pass over the codings, and a quoted story's text and codings are read when
// it is quoted, so a million stories fit in memory.
struct ReportData {
  Project* project = nullptr;
  Language language = Language::kEnglish;  // of every word and number
  std::vector<Story> all_stories;          // every story, by id, without text
  std::vector<Story> filtered;             // those passing a filter, when there is one
  bool has_filter = false;
  // The stories passing the filter (all_stories without one).
  const std::vector<Story>& stories() const { return has_filter ? filtered : all_stories; }
  CoderSelection coders;                        // whose codings count
  int64_t codings = 0;                          // the number of codings of `coders`
  std::vector<bool> manual;                     // per all_stories: a coding by people
  std::map<int64_t, CodeFigures> code_figures;  // by code id; codes with codings

  // The story with `id` (without text), or null.
  const Story* Find(int64_t id) const;
  // Whether `story` (in all_stories) has a coding by people among `coders`'.
  bool Manual(const Story* story) const;
};

// A quote: a manual coding's segment of the story (preferring codes whose
// path starts with one of `prefer`), else the story's opening words, as a
// <blockquote> with the story key, respondent key and role, and title.
std::string QuoteHtml(const ReportData& data, const Story& story,
                      const std::vector<std::string>& prefer);

// Up to `count` stories of `ids`: those with manual codings first, then by
// key. Reads nothing.
std::vector<const Story*> PickStories(const ReportData& data, const std::vector<int64_t>& ids,
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
// The scatter's points coloured by `groups` (the matrix's --by), when given.
std::string ScatterSection(Project& project, const ReportData& data, const ReportOptions& options,
                           const ResolvedDimension* groups);
std::string CodesSection(Project& project, const ReportData& data, const ReportOptions& options);
std::string SignifierSection(Project& project, const ReportData& data);
std::string AgreementSection(Project& project, const ReportData& data,
                             const ReportOptions& options);

// Plain-words sentence about one cross table's tests.
std::string TestsInWords(const CrossTab& tab, Language language = Language::kEnglish);

// Charts of one signifier's answers among `stories`: a histogram (dyad), a
// ternary plot (triad) or bars (list). Empty for other types.
std::string SignifierChartSvg(Project& project, const Signifier& signifier,
                              const std::vector<Story>& stories,
                              Language language = Language::kEnglish);

}  // namespace verhaal

#endif  // VERHAAL_STUDY_REPORT_HTML_H_
