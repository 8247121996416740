#include "coding/reliability.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/error.h"
#include "corpus/text.h"

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
                      (with_codings.empty() ? std::string("; nobody did")
                                            : "; coders with codings: " +
                                                  JoinNames({with_codings.begin(),
                                                             with_codings.end()})));
    }
  }
  if (coders.size() < 2) {
    throw DataError(
        "agreement needs two or more coders; the selected stories have codings by " +
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
  for (int32_t next = breaks->next(); next != icu::BreakIterator::DONE;
       next = breaks->next()) {
    const int64_t next_cp = previous_cp + u.countChar32(previous, next - previous);
    if (next_cp > previous_cp) spans.emplace_back(previous_cp, next_cp);
    previous = next;
    previous_cp = next_cp;
  }
  return spans;
}

void ForEachCodeReliability(Project& project, AgreementUnit unit,
                            const AgreementSelection& selection,
                            const std::function<void(const CodeReliability&)>& visit) {
  const std::vector<Story> stories = ListStories(project, selection.stories);
  std::unordered_map<int64_t, size_t> story_index;
  for (size_t i = 0; i < stories.size(); ++i) story_index[stories[i].id] = i;

  std::vector<Coding> codings;
  std::set<std::string> with_codings;
  for (auto& coding : ListCodings(project)) {
    if (!story_index.count(coding.story_id)) continue;
    with_codings.insert(coding.coder);
    codings.push_back(std::move(coding));
  }
  const std::vector<std::string> coders = ChooseCoders(selection, with_codings);
  std::map<std::string, size_t> coder_index;
  for (size_t c = 0; c < coders.size(); ++c) coder_index[coders[c]] = c;

  // Which coder coded which story (any code at all).
  std::vector<std::vector<bool>> coded(stories.size(), std::vector<bool>(coders.size(), false));
  std::set<int64_t> coded_codes;
  std::erase_if(codings, [&](const Coding& c) { return !coder_index.count(c.coder); });
  for (const auto& c : codings) {
    coded[story_index[c.story_id]][coder_index[c.coder]] = true;
    coded_codes.insert(c.code_id);
  }
  // Stories that two or more selected coders coded are the units' source.
  std::vector<size_t> compared;
  for (size_t s = 0; s < stories.size(); ++s) {
    if (std::count(coded[s].begin(), coded[s].end(), true) >= 2) compared.push_back(s);
  }

  for (const Code& code : ChooseCodes(project, unit, selection, coded_codes)) {
    CodeReliability result;
    result.code = code.path;
    result.coders = coders;
    // Which descendant counts as which value.
    std::unordered_map<int64_t, int> value_of;
    if (unit == AgreementUnit::kDimension) {
      int level = 0;
      for (const Code& child : ListCodes(project)) {
        if (child.parent_id != code.id) continue;
        result.categories.push_back(child.name);
        for (int64_t id : CodeSubtree(project, child.id)) value_of[id] = level;
        ++level;
      }
      if (result.categories.empty()) {
        throw DataError("dimension '" + code.path +
                        "' has no levels; add its levels as child codes in the codebook");
      }
    } else {
      result.categories = {"absent", "present"};
      for (int64_t id : CodeSubtree(project, code.id)) value_of[id] = 1;
    }
    for (size_t k = 0; k < result.categories.size(); ++k) {
      result.data.categories.push_back(static_cast<double>(k));
    }
    // story -> coder -> segments (or levels) of this code.
    std::map<size_t, std::vector<std::vector<std::pair<int64_t, int64_t>>>> segments;
    std::map<size_t, std::vector<std::set<int>>> levels;
    for (const auto& c : codings) {
      const auto v = value_of.find(c.code_id);
      if (v == value_of.end()) continue;
      const size_t s = story_index[c.story_id];
      auto& per_coder = segments[s];
      per_coder.resize(coders.size());
      per_coder[coder_index[c.coder]].emplace_back(c.start, c.end);
      auto& level_sets = levels[s];
      level_sets.resize(coders.size());
      level_sets[coder_index[c.coder]].insert(v->second);
    }
    for (size_t s : compared) {
      const Story& story = stories[s];
      const auto found = segments.find(s);
      auto segments_of = [&](size_t coder) -> const std::vector<std::pair<int64_t, int64_t>>* {
        if (found == segments.end()) return nullptr;
        return &found->second[coder];
      };
      if (unit == AgreementUnit::kPresence || unit == AgreementUnit::kDimension) {
        const int64_t length = static_cast<int64_t>(CodePointCount(story.text));
        std::vector<std::optional<double>> row(coders.size());
        for (size_t c = 0; c < coders.size(); ++c) {
          if (!coded[s][c]) continue;
          if (unit == AgreementUnit::kPresence) {
            const auto* mine = segments_of(c);
            row[c] = (mine && !mine->empty()) ? 1.0 : 0.0;
            continue;
          }
          const auto lv = levels.find(s);
          if (lv == levels.end() || lv->second[c].empty()) continue;
          if (lv->second[c].size() > 1) {
            std::vector<std::string> names;
            for (int l : lv->second[c]) names.push_back(result.categories[static_cast<size_t>(l)]);
            result.problems.push_back(story.key + ": " + coders[c] + " assigned " +
                                      std::to_string(names.size()) + " levels (" +
                                      JoinNames(names) + "); left out");
            continue;
          }
          row[c] = static_cast<double>(*lv->second[c].begin());
        }
        result.data.units.push_back(std::move(row));
        result.units.push_back({story.id, story.key, 0, length});
        continue;
      }
      std::vector<std::pair<int64_t, int64_t>> spans;
      const int64_t length = static_cast<int64_t>(CodePointCount(story.text));
      if (unit == AgreementUnit::kSentence) {
        spans = SentenceSpans(story.text, story.language);
      } else {
        spans.reserve(static_cast<size_t>(length));
        for (int64_t i = 0; i < length; ++i) spans.emplace_back(i, i + 1);
      }
      for (const auto& [start, end] : spans) {
        std::vector<std::optional<double>> row(coders.size());
        for (size_t c = 0; c < coders.size(); ++c) {
          if (!coded[s][c]) continue;
          bool inside = false;
          if (const auto* mine = segments_of(c)) {
            for (const auto& [a, b] : *mine) {
              if (a < end && b > start) {
                inside = true;
                break;
              }
            }
          }
          row[c] = inside ? 1.0 : 0.0;
        }
        result.data.units.push_back(std::move(row));
        result.units.push_back({story.id, story.key, start, end});
      }
    }
    visit(result);
  }
}

}  // namespace verhaal
