#include "study/agreement.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <stdexcept>

#include "base/error.h"
#include "base/text.h"
#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/stories.h"
#include "stats/cohen_kappa.h"
#include "stats/fleiss_kappa.h"
#include "stats/gwet_ac1.h"
#include "stats/krippendorff_alpha.h"
#include "stats/percent_agreement.h"

namespace verhaal {
namespace {

void AddNote(std::string& notes, const std::string& note) {
  if (note.empty() || notes.find(note) != std::string::npos) return;
  notes += (notes.empty() ? "" : "; ") + note;
}

// The coefficients of one row over `data` (units with two or more values).
AgreementRow CoefficientRow(const std::string& unit, const std::string& code,
                            const std::string& coders, std::vector<std::string> names,
                            const stats::ReliabilityData& data, bool with_kappa) {
  AgreementRow row;
  row.unit = unit;
  row.code = code;
  row.coders = coders;
  row.names = std::move(names);
  row.n = static_cast<int64_t>(data.units.size());
  if (data.units.empty()) {
    row.note = "no story was coded by these coders together";
    return row;
  }
  row.compared = true;
  row.agreement = stats::PercentAgreement(data).value;
  if (with_kappa) {
    const auto kappa = stats::CohenKappa(data);
    row.kappa = kappa.kappa;
    AddNote(row.note, kappa.note);
  }
  const auto fleiss = stats::FleissKappa(data);
  row.fleiss = fleiss.value;
  AddNote(row.note, fleiss.note);
  try {
    const auto ac1 = stats::GwetAc1(data);
    row.ac1 = ac1.value;
    AddNote(row.note, ac1.note);
  } catch (const std::invalid_argument&) {
    row.ac1 = std::nan("");
    AddNote(row.note, "AC1 needs two or more categories");
  }
  const auto alpha = stats::KrippendorffAlpha(data, stats::MeasurementLevel::kNominal);
  row.alpha = alpha.alpha;
  AddNote(row.note, alpha.note);
  return row;
}

// The units of `data` with two or more values among `columns`, restricted to them.
stats::ReliabilityData Restrict(const stats::ReliabilityData& data,
                                const std::vector<size_t>& columns) {
  stats::ReliabilityData out;
  out.categories = data.categories;
  for (const auto& unit : data.units) {
    std::vector<std::optional<double>> row;
    int values = 0;
    for (size_t c : columns) {
      row.push_back(unit[c]);
      values += unit[c].has_value();
    }
    if (values >= 2) out.units.push_back(std::move(row));
  }
  return out;
}

// What each of the compared coders coded with `r.code` (or its descendants)
// in a story, by story position.
std::vector<DisagreementSegment> CodedSegments(Project& project, const CodeReliability& r,
                                               const Story& story) {
  const auto code = FindCodeByPath(project, r.code);
  CodingFilter filter;
  filter.code_ids = CodeSubtree(project, code->id);
  filter.story_id = story.id;
  std::vector<DisagreementSegment> segments;
  for (const auto& coding : ListCodings(project, filter)) {
    if (std::find(r.coders.begin(), r.coders.end(), coding.coder) == r.coders.end()) continue;
    segments.push_back({coding.coder, coding.code_path, coding.start, coding.end,
                        std::string(SliceCodePoints(story.text, static_cast<size_t>(coding.start),
                                                    static_cast<size_t>(coding.end))),
                        coding.origin, coding.created});
  }
  return segments;
}

void AddDisagreements(Project& project, const CodeReliability& r, AgreementUnit unit,
                      std::map<int64_t, Story>& stories, std::vector<Disagreement>& out) {
  auto story_of = [&](int64_t id) -> const Story& {
    auto it = stories.find(id);
    if (it == stories.end()) it = stories.emplace(id, *FindStoryById(project, id)).first;
    return it->second;
  };
  auto name_of = [&](const std::optional<double>& v) -> std::string {
    if (!v) return "-";
    if (unit == AgreementUnit::kDimension) return r.categories[static_cast<size_t>(*v)];
    return *v > 0 ? "yes" : "no";
  };
  for (size_t u = 0; u < r.data.units.size(); ++u) {
    const auto& values = r.data.units[u];
    std::set<double> distinct;
    for (const auto& v : values) {
      if (v) distinct.insert(*v);
    }
    if (distinct.size() < 2) continue;
    ReliabilityUnit where = r.units[u];
    // Characters: one row per run of equal disagreement.
    while (unit == AgreementUnit::kCharacter && u + 1 < r.data.units.size() &&
           r.units[u + 1].story_id == where.story_id && r.data.units[u + 1] == values) {
      ++u;
      where.end = r.units[u].end;
    }
    const Story& story = story_of(where.story_id);
    Disagreement d;
    d.story_key = where.story_key;
    d.story_id = where.story_id;
    d.code = r.code;
    d.whole = unit == AgreementUnit::kPresence || unit == AgreementUnit::kDimension;
    d.start = where.start;
    d.end = where.end;
    for (const auto& v : values) d.values.push_back(name_of(v));
    if (d.whole) {
      d.segments = CodedSegments(project, r, story);
      for (const auto& s : d.segments) {
        d.text += (d.text.empty() ? "" : " | ") + s.coder + ": " + s.text;
      }
    } else {
      d.text = std::string(SliceCodePoints(story.text, static_cast<size_t>(where.start),
                                           static_cast<size_t>(where.end)));
    }
    for (char& ch : d.text) {
      if (ch == '\n') ch = ' ';
    }
    out.push_back(std::move(d));
  }
}

[[noreturn]] void NothingToCompare() {
  throw DataError(
      "nothing to compare: the selected coders made no codings with the "
      "selected codes; check --codes and --coders");
}

}  // namespace

AgreementTable ComputeAgreement(Project& project, AgreementUnit unit,
                                const AgreementSelection& selection) {
  AgreementTable table = TabulateAgreement(project, unit, selection);
  if (table.rows.empty()) NothingToCompare();
  return table;
}

AgreementTable TabulateAgreement(Project& project, AgreementUnit unit,
                                 const AgreementSelection& selection) {
  AgreementTable table;
  const std::string unit_name(AgreementUnitName(unit));
  ForEachCodeReliability(project, unit, selection, [&](const CodeReliability& r) {
    table.coders = r.coders;
    for (const auto& problem : r.problems) table.problems.push_back(r.code + ": " + problem);
    for (size_t a = 0; a < r.coders.size(); ++a) {
      for (size_t b = a + 1; b < r.coders.size(); ++b) {
        table.rows.push_back(CoefficientRow(unit_name, r.code, r.coders[a] + "+" + r.coders[b],
                                            {r.coders[a], r.coders[b]}, Restrict(r.data, {a, b}),
                                            true));
      }
    }
    if (r.coders.size() > 2) {
      std::vector<size_t> all(r.coders.size());
      for (size_t c = 0; c < all.size(); ++c) all[c] = c;
      table.rows.push_back(CoefficientRow(unit_name, r.code,
                                          "all (" + std::to_string(r.coders.size()) + ")", r.coders,
                                          Restrict(r.data, all), false));
    }
  });
  return table;
}

DisagreementList ListDisagreements(Project& project, AgreementUnit unit,
                                   const AgreementSelection& selection) {
  DisagreementList list;
  bool visited = false;
  std::map<int64_t, Story> stories;
  ForEachCodeReliability(project, unit, selection, [&](const CodeReliability& r) {
    visited = true;
    list.coders = r.coders;
    for (const auto& problem : r.problems) list.problems.push_back(r.code + ": " + problem);
    AddDisagreements(project, r, unit, stories, list.disagreements);
  });
  if (!visited) NothingToCompare();
  return list;
}

}  // namespace verhaal
