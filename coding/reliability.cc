#include "coding/reliability.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

#include "base/error.h"
#include "base/text.h"
#include "corpus/codes.h"
#include "corpus/coding_rows.h"
#include "corpus/codings.h"

namespace verhaal {
namespace {

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

// The selected coders, in the order given (or by name).
std::vector<std::string> ChooseCoders(const AgreementSelection& selection,
                                      const std::set<std::string>& with_codings) {
  std::vector<std::string> coders = selection.coders;
  if (coders.empty()) coders.assign(with_codings.begin(), with_codings.end());
  for (const auto& coder : coders) {
    if (!with_codings.count(coder)) {
      throw DataError("coder '" + coder + "' made no codings in the selected stories" +
                      (with_codings.empty()
                           ? std::string("; nobody did")
                           : "; coders with codings: " +
                                 JoinNames({with_codings.begin(), with_codings.end()})));
    }
  }
  if (coders.size() < 2) {
    throw DataError("agreement needs two or more coders; the selected stories have codings by " +
                    (coders.empty() ? std::string("no one") : coders.front() + " only") +
                    "; merge the other coders' copies first (`verhaal merge`)");
  }
  return coders;
}

// Codes to compare, in tree order.
std::vector<Code> ChooseCodes(Project& project, AgreementUnit unit,
                              const AgreementSelection& selection,
                              const std::set<int64_t>& coded_codes) {
  const std::vector<Code> all = ListCodes(project);
  std::vector<Code> chosen;
  if (selection.codes.empty()) {
    for (const auto& code : all) {
      if (unit == AgreementUnit::kDimension ? code.dimension : coded_codes.count(code.id) > 0) {
        chosen.push_back(code);
      }
    }
    if (chosen.empty() && unit == AgreementUnit::kDimension) {
      throw DataError(
          "the codebook has no dimension; mark a code group with `dimension: true` or "
          "choose another --unit");
    }
    return chosen;
  }
  for (const auto& path : selection.codes) {
    auto code = FindCodeByPath(project, path);
    if (!code) {
      throw DataError("no code '" + path +
                      "' in the codebook; give its full path, e.g. motivatie/willen");
    }
    if (unit == AgreementUnit::kDimension && !code->dimension) {
      throw DataError("code '" + path +
                      "' is not a dimension; mark it `dimension: true` in the codebook or use "
                      "--unit presence");
    }
    chosen.push_back(*code);
  }
  return chosen;
}

}  // namespace

AgreementUnit ParseAgreementUnit(std::string_view name) {
  if (name == "presence") return AgreementUnit::kPresence;
  if (name == "dimension") return AgreementUnit::kDimension;
  if (name == "character") return AgreementUnit::kCharacter;
  if (name == "sentence") return AgreementUnit::kSentence;
  throw UsageError("unknown unit '" + std::string(name) +
                   "'; use presence, dimension, character or sentence");
}

std::string_view AgreementUnitName(AgreementUnit unit) {
  switch (unit) {
    case AgreementUnit::kPresence:
      return "presence";
    case AgreementUnit::kDimension:
      return "dimension";
    case AgreementUnit::kCharacter:
      return "character";
    case AgreementUnit::kSentence:
      return "sentence";
  }
  return "presence";
}

std::vector<std::pair<int64_t, int64_t>> SentenceSpans(std::string_view text,
                                                       std::string_view language) {
  std::vector<std::pair<int64_t, int64_t>> spans;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale(language.empty() ? "nl" : std::string(language).c_str());
  std::unique_ptr<icu::BreakIterator> breaks(
      icu::BreakIterator::createSentenceInstance(locale, status));
  if (U_FAILURE(status)) {
    throw Error(ErrorKind::kInternal,
                std::string("ICU cannot split sentences: ") + u_errorName(status));
  }
  breaks->setText(u);
  int32_t previous = breaks->first();
  int64_t previous_cp = 0;
  for (int32_t next = breaks->next(); next != icu::BreakIterator::DONE; next = breaks->next()) {
    const int64_t next_cp = previous_cp + u.countChar32(previous, next - previous);
    if (next_cp > previous_cp) spans.emplace_back(previous_cp, next_cp);
    previous = next;
    previous_cp = next_cp;
  }
  return spans;
}

namespace {

// A coding of a compared story by a selected coder: all the reliability
// data needs of it. 24 bytes; only the stories two coders coded are kept.
struct ComparedCoding {
  int64_t code_id = 0;
  int32_t story = 0;  // index into the compared stories
  int32_t coder = 0;  // index into the selected coders
  int64_t start = 0;
  int64_t end = 0;
};

bool Unfiltered(const StoryFilter& filter) {
  return !filter.role && !filter.kind && !filter.wave && !filter.language && filter.keys.empty() &&
         !filter.set;
}

// The stories two or more selected coders coded, with those coders'
// codings, from one pass over the codings.
struct ComparedStories {
  std::vector<int64_t> ids;              // ascending
  std::vector<std::vector<bool>> coded;  // story -> coder: coded it at all
  std::vector<ComparedCoding> codings;   // by code id, then story
  std::set<int64_t> coded_codes;         // codes the coders used in the selection
};

}  // namespace

void ForEachCodeReliability(Project& project, AgreementUnit unit,
                            const AgreementSelection& selection,
                            const std::function<void(const CodeReliability&)>& visit) {
  const std::vector<int64_t> story_ids = ListStoryIds(project, selection.stories);
  const bool all_stories = Unfiltered(selection.stories);
  auto selected = [&](int64_t story_id) {
    return all_stories || std::binary_search(story_ids.begin(), story_ids.end(), story_id);
  };
  std::map<int64_t, std::string> coder_names;
  for (Coder& coder : ListCoders(project)) coder_names[coder.id] = std::move(coder.name);
  // Coders with codings in the selected stories.
  std::set<std::string> with_codings;
  if (all_stories) {
    for (int64_t id : CodersWithCodings(project)) with_codings.insert(coder_names[id]);
  } else {
    std::set<int64_t> ids;
    ForEachCodingRow(project, &story_ids, [&](const CodingRow& coding) {
      if (selected(coding.story_id)) ids.insert(coding.coder_id);
    });
    for (int64_t id : ids) with_codings.insert(coder_names[id]);
  }
  const std::vector<std::string> coders = ChooseCoders(selection, with_codings);
  std::map<int64_t, int32_t> coder_index;  // coder id -> column
  for (size_t c = 0; c < coders.size(); ++c) {
    for (const auto& [id, name] : coder_names) {
      if (name == coders[c]) coder_index[id] = static_cast<int32_t>(c);
    }
  }

  // One pass, story by story: keep the stories two or more coders coded.
  ComparedStories compared;
  {
    int64_t current = -1;
    std::vector<bool> coded(coders.size(), false);
    std::vector<ComparedCoding> pending;
    auto finish = [&] {
      if (std::count(coded.begin(), coded.end(), true) >= 2) {
        const auto story = static_cast<int32_t>(compared.ids.size());
        compared.ids.push_back(current);
        compared.coded.push_back(coded);
        for (auto& c : pending) {
          c.story = story;
          compared.codings.push_back(c);
        }
      }
      std::fill(coded.begin(), coded.end(), false);
      pending.clear();
    };
    ForEachCodingRow(project, all_stories ? nullptr : &story_ids, [&](const CodingRow& coding) {
      if (coding.story_id != current) {
        finish();
        current = coding.story_id;
      }
      if (!selected(coding.story_id)) return;
      const auto c = coder_index.find(coding.coder_id);
      if (c == coder_index.end()) return;
      coded[static_cast<size_t>(c->second)] = true;
      compared.coded_codes.insert(coding.code_id);
      pending.push_back({coding.code_id, 0, c->second, coding.start, coding.end});
    });
    finish();
    std::stable_sort(
        compared.codings.begin(), compared.codings.end(),
        [](const ComparedCoding& a, const ComparedCoding& b) { return a.code_id < b.code_id; });
  }

  // Keys and lengths of the compared stories; their text and sentences for
  // the character and sentence units.
  std::vector<std::string> keys;
  std::vector<int64_t> lengths;
  std::vector<std::vector<std::pair<int64_t, int64_t>>> sentences;
  ForEachStoryTextOf(project, compared.ids, [&](const StoryTextView& story) {
    keys.emplace_back(story.key);
    lengths.push_back(static_cast<int64_t>(CodePointCount(story.text)));
    if (unit == AgreementUnit::kSentence) {
      sentences.push_back(SentenceSpans(story.text, story.language));
    }
  });
  const auto codings_of = [&](int64_t code_id) {
    return std::equal_range(
        compared.codings.begin(), compared.codings.end(), ComparedCoding{code_id, 0, 0, 0, 0},
        [](const ComparedCoding& a, const ComparedCoding& b) { return a.code_id < b.code_id; });
  };

  const std::vector<Code> all_codes = ListCodes(project);
  for (const Code& code : ChooseCodes(project, unit, selection, compared.coded_codes)) {
    CodeReliability result;
    result.code = code.path;
    result.coders = coders;
    // Which descendant counts as which value.
    std::vector<std::pair<int64_t, int>> value_of;
    if (unit == AgreementUnit::kDimension) {
      int level = 0;
      for (const Code& child : all_codes) {
        if (child.parent_id != code.id) continue;
        result.categories.push_back(child.name);
        for (int64_t id : CodeSubtree(project, child.id)) value_of.emplace_back(id, level);
        ++level;
      }
      if (result.categories.empty()) {
        throw DataError("dimension '" + code.path +
                        "' has no levels; add its levels as child codes in the codebook");
      }
    } else {
      result.categories = {"absent", "present"};
      for (int64_t id : CodeSubtree(project, code.id)) value_of.emplace_back(id, 1);
    }
    for (size_t k = 0; k < result.categories.size(); ++k) {
      result.data.categories.push_back(static_cast<double>(k));
    }
    // This code's codings in the compared stories, by story.
    std::vector<std::pair<int32_t, const ComparedCoding*>> mine;
    std::map<int64_t, int> level_of_code;
    for (const auto& [id, value] : value_of) {
      level_of_code.emplace(id, value);
      const auto [first, last] = codings_of(id);
      for (auto it = first; it != last; ++it) mine.emplace_back(it->story, &*it);
    }
    std::stable_sort(mine.begin(), mine.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    size_t next = 0;
    const size_t n_coders = coders.size();
    std::vector<std::vector<std::pair<int64_t, int64_t>>> segments(n_coders);
    std::vector<std::set<int>> levels(n_coders);
    for (size_t s = 0; s < compared.ids.size(); ++s) {
      for (size_t c = 0; c < n_coders; ++c) {
        segments[c].clear();
        levels[c].clear();
      }
      for (; next < mine.size() && mine[next].first == static_cast<int32_t>(s); ++next) {
        const ComparedCoding& coding = *mine[next].second;
        const auto c = static_cast<size_t>(coding.coder);
        segments[c].emplace_back(coding.start, coding.end);
        levels[c].insert(level_of_code.at(coding.code_id));
      }
      const std::vector<bool>& coded = compared.coded[s];
      if (unit == AgreementUnit::kPresence || unit == AgreementUnit::kDimension) {
        std::vector<std::optional<double>> row(n_coders);
        for (size_t c = 0; c < n_coders; ++c) {
          if (!coded[c]) continue;
          if (unit == AgreementUnit::kPresence) {
            row[c] = segments[c].empty() ? 0.0 : 1.0;
            continue;
          }
          if (levels[c].empty()) continue;
          if (levels[c].size() > 1) {
            std::vector<std::string> names;
            for (int l : levels[c]) names.push_back(result.categories[static_cast<size_t>(l)]);
            result.problems.push_back(keys[s] + ": " + coders[c] + " assigned " +
                                      std::to_string(names.size()) + " levels (" +
                                      JoinNames(names) + "); left out");
            continue;
          }
          row[c] = static_cast<double>(*levels[c].begin());
        }
        result.data.units.push_back(std::move(row));
        result.units.push_back({compared.ids[s], keys[s], 0, lengths[s]});
        continue;
      }
      auto add_unit = [&](int64_t start, int64_t end) {
        std::vector<std::optional<double>> row(n_coders);
        for (size_t c = 0; c < n_coders; ++c) {
          if (!coded[c]) continue;
          bool inside = false;
          for (const auto& [a, b] : segments[c]) {
            if (a < end && b > start) {
              inside = true;
              break;
            }
          }
          row[c] = inside ? 1.0 : 0.0;
        }
        result.data.units.push_back(std::move(row));
        result.units.push_back({compared.ids[s], keys[s], start, end});
      };
      if (unit == AgreementUnit::kSentence) {
        for (const auto& [start, end] : sentences[s]) add_unit(start, end);
      } else {
        for (int64_t i = 0; i < lengths[s]; ++i) add_unit(i, i + 1);
      }
    }
    visit(result);
  }
}

}  // namespace verhaal
