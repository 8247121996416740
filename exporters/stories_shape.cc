#include "exporters/stories_shape.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "base/error.h"
#include "corpus/codes.h"
#include "corpus/coding_rows.h"
#include "corpus/codings.h"
#include "corpus/signifiers.h"
#include "corpus/story_tallies.h"
#include "corpus/variables.h"
#include "corpus/zones.h"
#include "exporters/variable_names.h"

namespace verhaal {
namespace {

constexpr std::array<std::string_view, 4> kKinds = {"experience", "reflection", "interview",
                                                    "other"};

// Everything the columns of one row read.
struct StoryContext {
  const Story* story = nullptr;
  std::map<std::string, std::string> story_values;
  std::map<std::string, std::string> respondent_values;
  std::vector<std::optional<SignifierValue>> signifier_values;  // by signifier index
  std::vector<int64_t> code_counts;                             // by code index
};

// The names of the triad zones in TriadZone order (without kNone).
const std::vector<std::string> kTriadZones = {
    TriadZoneName(TriadZone::kTop),      TriadZoneName(TriadZone::kLeft),
    TriadZoneName(TriadZone::kRight),    TriadZoneName(TriadZone::kTopLeft),
    TriadZoneName(TriadZone::kTopRight), TriadZoneName(TriadZone::kLeftRight),
    TriadZoneName(TriadZone::kCentre)};

std::vector<std::string> DyadBinNames() {
  std::vector<std::string> names;
  const DyadBins bins;
  for (size_t b = 0; b <= bins.edges.size(); ++b) {
    names.push_back(DyadBinName(static_cast<int>(b), bins));
  }
  return names;
}

using CellOf = std::function<Cell(const StoryContext&)>;

ExportColumn Column(std::string name, std::string label, ColumnKind kind, Measure measure,
                    std::vector<std::pair<double, std::string>> value_labels = {}) {
  return {std::move(name), std::move(label), kind, measure, std::move(value_labels)};
}

// The number of characters (code points, as coding offsets count) of UTF-8 `text`.
size_t Characters(std::string_view text) {
  size_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

const std::vector<std::pair<double, std::string>> kPresence = {{0, "absent"}, {1, "present"}};

class StoriesShape : public ExportSource {
 public:
  StoriesShape(Project& project, StoriesShapeOptions options)
      : project_(project), options_(std::move(options)) {
    if (options_.coder) {
      const auto coder = FindCoder(project_, *options_.coder);
      if (!coder) {
        throw MissingError("no coder '" + *options_.coder +
                           "' in the project; `verhaal info` lists the coders");
      }
      coder_id_ = coder->id;
      coder_set_ = CoderSet{{coder->id}, 1};
      codings_note_ = "codings of " + coder->name;
    } else {
      const CoderSelection selection = ResolveCoderSelection(project_, options_.coders);
      if (selection.combine == CoderCombine::kEach) {
        throw UsageError(
            "a stories export takes --combine any or all; for one coder's code "
            "columns use --coder NAME");
      }
      coder_set_ = selection.Set();
      codings_note_ = selection.names.empty() ? "no codings: no human coder yet"
                                              : "codings of " + JoinCoderNames(selection.names) +
                                                    ", " + selection.CombineText();
    }
    AddStoryColumns();
    AddVariableColumns();
    AddSignifierColumns();
    if (options_.codes) AddCodeColumns();
  }

  std::string name() const override { return "stories"; }
  const std::vector<ExportColumn>& columns() const override { return columns_; }

  // One pass over the stories (with their text only for --with-text) with a cursor each over
  // the story values, the signifier values and the codings, all in story
  // id order and merged here: a handful of queries in all, not several a
  // story. Respondent values are read once per respondent run.
  std::optional<int64_t> RowsUpTo(int64_t limit) override {
    return std::min(limit, static_cast<int64_t>(ListStoryIds(project_, options_.filter).size()));
  }

  void ForEachRow(const std::function<void(const ExportRow&)>& visit) override {
    StoryContext context;
    std::optional<int64_t> cached_respondent;
    ExportRow row(columns_.size());
    std::optional<StoryValueCursor> story_values;
    if (has_story_variables_) story_values.emplace(project_);
    RespondentValueReader respondent_values(project_);
    SignifierValueCursor signifier_values(project_, signifiers_);
    std::optional<StoryCodingCursor> codings;
    if (options_.codes) codings.emplace(project_, coder_set_);
    auto visit_story = [&](const Story& story) {
      context.story = &story;
      context.story_values.clear();
      if (story_values) story_values->ValuesOf(story.id, context.story_values);
      if (story.respondent_id != cached_respondent) {
        cached_respondent = story.respondent_id;
        context.respondent_values.clear();
        if (story.respondent_id && has_respondent_variables_) {
          respondent_values.ValuesOf(*story.respondent_id, context.respondent_values);
        }
      }
      context.signifier_values = signifier_values.ValuesOf(story.id);
      if (options_.codes) {
        by_coder_.clear();
        codings->ForEachOf(
            story.id, [this](int64_t coder_id, int64_t code_id) { AddCoding(coder_id, code_id); });
        CountCodes(context.code_counts);
      }
      for (size_t c = 0; c < columns_.size(); ++c) row[c] = cells_[c](context);
      visit(row);
    };
    // The text is read only when asked for: it is most of a project's bytes.
    if (options_.text) {
      ForEachStory(project_, options_.filter, visit_story);
    } else {
      ForEachStoryHead(project_, options_.filter, visit_story);
    }
  }

 private:
  void Add(ExportColumn column, CellOf cell) {
    column.name = namer_.Make(column.name);
    columns_.push_back(std::move(column));
    cells_.push_back(std::move(cell));
  }

  static Cell TextOrMissing(const std::string& text) {
    return text.empty() ? Cell::Missing() : Cell::Text(text);
  }

  void AddStoryColumns() {
    Add(Column("story", "story key", ColumnKind::kText, Measure::kNominal),
        [](const StoryContext& s) { return Cell::Text(s.story->key); });
    Add(Column("respondent", "respondent key", ColumnKind::kText, Measure::kNominal),
        [](const StoryContext& s) { return TextOrMissing(s.story->respondent_key); });
    // The roles counted by SQLite (corpus/story_tallies.h), not every
    // respondent read: memory for the roles, not for the respondents.
    std::set<std::string> roles;
    for (const auto& [role, respondents] : CountRespondentsByRole(project_)) {
      if (!role.empty()) roles.insert(role);
    }
    std::vector<std::pair<double, std::string>> role_labels;
    std::map<std::string, double> role_codes;
    for (const auto& role : roles) {
      role_codes[role] = static_cast<double>(role_labels.size() + 1);
      role_labels.emplace_back(role_codes[role], role);
    }
    Add(Column("role", "respondent role", ColumnKind::kCategory, Measure::kNominal, role_labels),
        [role_codes](const StoryContext& s) {
          auto found = role_codes.find(s.story->role);
          return found == role_codes.end() ? Cell::Missing()
                                           : Cell::Category(found->second, found->first);
        });
    std::vector<std::pair<double, std::string>> kind_labels;
    for (size_t k = 0; k < kKinds.size(); ++k) {
      kind_labels.emplace_back(static_cast<double>(k + 1), std::string(kKinds[k]));
    }
    Add(Column("kind", "story kind", ColumnKind::kCategory, Measure::kNominal, kind_labels),
        [](const StoryContext& s) {
          for (size_t k = 0; k < kKinds.size(); ++k) {
            if (kKinds[k] == s.story->kind) {
              return Cell::Category(static_cast<double>(k + 1), s.story->kind);
            }
          }
          return Cell::Missing();
        });
    Add(Column("wave", "wave (longitudinal)", ColumnKind::kNumber, Measure::kOrdinal),
        [](const StoryContext& s) {
          return s.story->wave ? Cell::Number(*s.story->wave) : Cell::Missing();
        });
    ExportColumn date =
        Column("date", "story date (YYYY-MM-DD)", ColumnKind::kText, Measure::kNominal);
    date.date = true;
    Add(std::move(date), [](const StoryContext& s) { return TextOrMissing(s.story->date); });
    Add(Column("language", "story language (ISO 639-1)", ColumnKind::kText, Measure::kNominal),
        [](const StoryContext& s) { return TextOrMissing(s.story->language); });
    Add(Column("title", "story title", ColumnKind::kText, Measure::kNominal),
        [](const StoryContext& s) { return TextOrMissing(s.story->title); });
    if (!options_.text) return;
    Add(Column("text", "story text", ColumnKind::kText, Measure::kNominal),
        [](const StoryContext& s) { return Cell::Text(s.story->text); });
    Add(Column("text_length", "length of the story text (characters)", ColumnKind::kNumber,
               Measure::kScale),
        [](const StoryContext& s) {
          return Cell::Number(static_cast<double>(Characters(s.story->text)));
        });
  }

  void AddVariableColumns() {
    const std::vector<Variable> variables = ListVariables(project_);
    // A name at both levels gets the level in its column name and label.
    std::set<std::string> story_names, shared;
    for (const auto& variable : variables) {
      if (variable.subject == VariableSubject::kStory) story_names.insert(variable.name);
    }
    for (const auto& variable : variables) {
      if (variable.subject == VariableSubject::kRespondent && story_names.count(variable.name)) {
        shared.insert(variable.name);
      }
    }
    for (const auto& variable : variables) {
      const bool of_story = variable.subject == VariableSubject::kStory;
      (of_story ? has_story_variables_ : has_respondent_variables_) = true;
      std::string label = variable.label.empty() ? variable.name : variable.label;
      const bool both = shared.count(variable.name) > 0;
      if (!of_story) label += " (respondent)";
      if (of_story && both) label += " (story)";
      const std::string column_name =
          both ? std::string(VariableSubjectName(variable.subject)) + "_" + variable.name
               : variable.name;
      std::vector<std::pair<double, std::string>> value_labels;
      for (const auto& [value, value_label] : variable.value_labels) {
        char* end = nullptr;
        const double code = std::strtod(value.c_str(), &end);
        if (!value.empty() && end != nullptr && *end == '\0') {
          value_labels.emplace_back(code, value_label);
        }
      }
      const bool numeric = variable.type == VariableType::kInteger ||
                           variable.type == VariableType::kFloat ||
                           variable.type == VariableType::kBoolean;
      if (variable.type == VariableType::kBoolean && value_labels.empty()) {
        value_labels = {{0, "no"}, {1, "yes"}};
      }
      const Measure measure = variable.type == VariableType::kBoolean || !value_labels.empty()
                                  ? Measure::kNominal
                                  : (numeric ? Measure::kScale : Measure::kNominal);
      std::string name = variable.name;
      auto get = [of_story, name](const StoryContext& s) -> const std::string* {
        const auto& values = of_story ? s.story_values : s.respondent_values;
        auto found = values.find(name);
        return found == values.end() ? nullptr : &found->second;
      };
      if (numeric) {
        Add(Column(column_name, label, ColumnKind::kNumber, measure, value_labels),
            [get](const StoryContext& s) {
              const std::string* value = get(s);
              if (value == nullptr || value->empty()) return Cell::Missing();
              return Cell::Number(std::strtod(value->c_str(), nullptr));
            });
      } else {
        ExportColumn column = Column(column_name, label, ColumnKind::kText, Measure::kNominal);
        column.date = variable.type == VariableType::kDate;
        Add(std::move(column), [get](const StoryContext& s) {
          const std::string* value = get(s);
          return value == nullptr ? Cell::Missing() : TextOrMissing(*value);
        });
      }
    }
  }

  // The value of signifier `index` for a row, or the missing / N/A cell.
  static std::optional<Cell> Absent(const StoryContext& s, size_t index) {
    const auto& value = s.signifier_values[index];
    if (!value) return Cell::Missing();
    if (value->not_applicable) return Cell::NotApplicable();
    return std::nullopt;
  }

  void AddSignifierColumns() {
    signifiers_ = ListSignifiers(project_);
    const size_t first = columns_.size();
    for (size_t i = 0; i < signifiers_.size(); ++i) {
      const Signifier& sig = signifiers_[i];
      const std::string title = sig.title.empty() ? sig.key : sig.title;
      auto number = [&](std::string name, std::string label,
                        std::function<std::optional<double>(const SignifierValue&)> get,
                        std::vector<std::pair<double, std::string>> labels = {},
                        Measure measure = Measure::kScale) {
        Add(Column(std::move(name), std::move(label), ColumnKind::kNumber, measure,
                   std::move(labels)),
            [i, get](const StoryContext& s) {
              if (auto absent = Absent(s, i)) return *absent;
              auto value = get(*s.signifier_values[i]);
              return value ? Cell::Number(*value) : Cell::Missing();
            });
      };
      switch (sig.type) {
        case SignifierType::kDyad:
          number(title, title + " (0 = " + sig.x_low + ", 1 = " + sig.x_high + ")",
                 [](const SignifierValue& v) { return v.x; });
          AddZoneColumn(i, title + "_bin", title + ": fifth of the slider", DyadBinNames(),
                        [](const SignifierValue& v) { return DyadBin(v.x); });
          break;
        case SignifierType::kTriad: {
          const char* parts[] = {"top", "left", "right"};
          for (size_t a = 0; a < 3; ++a) {
            const std::string anchor = a < sig.options.size() ? sig.options[a].label : parts[a];
            number(title + "_" + parts[a], title + ": proportion " + anchor,
                   [a](const SignifierValue& v) {
                     return a == 0 ? v.triad.top : a == 1 ? v.triad.left : v.triad.right;
                   });
          }
          number(title + "_x", title + ": x in the triangle (left corner 0, right corner 1)",
                 [](const SignifierValue& v) { return TriadPlotPoint(v.triad).x; });
          number(title + "_y", title + ": y in the triangle (base 0, top corner 1)",
                 [](const SignifierValue& v) { return TriadPlotPoint(v.triad).y; });
          AddZoneColumn(
              i, title + "_zone", title + ": zone of the triangle", kTriadZones,
              [](const SignifierValue& v) { return static_cast<int>(ClassifyTriad(v.triad)); });
          break;
        }
        case SignifierType::kStones:
          for (size_t k = 0; k < sig.options.size(); ++k) {
            const std::string stone =
                sig.options[k].label.empty() ? sig.options[k].key : sig.options[k].label;
            for (int axis = 0; axis < 2; ++axis) {
              const std::string pole = axis == 0
                                           ? " (0 = " + sig.x_low + ", 1 = " + sig.x_high + ")"
                                           : " (0 = " + sig.y_low + ", 1 = " + sig.y_high + ")";
              number(title + "_" + stone + (axis == 0 ? "_x" : "_y"),
                     title + ": " + stone + (axis == 0 ? " x" : " y") + pole,
                     [k, axis](const SignifierValue& v) -> std::optional<double> {
                       if (k >= v.stones.size() || !v.stones[k]) return std::nullopt;
                       return axis == 0 ? v.stones[k]->x : v.stones[k]->y;
                     });
            }
          }
          break;
        case SignifierType::kList:
          AddListColumns(i, sig, title);
          break;
        case SignifierType::kFreetext:
          Add(Column(title, title, ColumnKind::kText, Measure::kNominal),
              [i](const StoryContext& s) {
                if (auto absent = Absent(s, i)) return *absent;
                return TextOrMissing(s.signifier_values[i]->text);
              });
          break;
      }
    }
    for (size_t c = first; c < columns_.size(); ++c) columns_[c].may_be_not_applicable = true;
  }

  // A category column of derived zones (corpus/zones.h); `zone_of` gives
  // the 0-based zone, coded zone + 1.
  void AddZoneColumn(size_t i, std::string name, std::string label,
                     const std::vector<std::string>& zones,
                     std::function<int(const SignifierValue&)> zone_of) {
    std::vector<std::pair<double, std::string>> labels;
    for (size_t z = 0; z < zones.size(); ++z) labels.emplace_back(z + 1.0, zones[z]);
    Add(Column(std::move(name), std::move(label), ColumnKind::kCategory, Measure::kNominal, labels),
        [i, zones, zone_of](const StoryContext& s) {
          if (auto absent = Absent(s, i)) return *absent;
          const int zone = zone_of(*s.signifier_values[i]);
          if (zone < 0 || static_cast<size_t>(zone) >= zones.size()) return Cell::Missing();
          return Cell::Category(zone + 1.0, zones[static_cast<size_t>(zone)]);
        });
  }

  void AddListColumns(size_t i, const Signifier& sig, const std::string& title) {
    std::vector<std::string> items;
    for (const auto& option : sig.options) {
      items.push_back(option.label.empty() ? option.key : option.label);
    }
    if (!sig.multiple) {
      std::vector<std::pair<double, std::string>> labels;
      for (size_t k = 0; k < items.size(); ++k) labels.emplace_back(k + 1.0, items[k]);
      Add(Column(title, title, ColumnKind::kCategory, Measure::kNominal, labels),
          [i, items](const StoryContext& s) {
            if (auto absent = Absent(s, i)) return *absent;
            const auto& chosen = s.signifier_values[i]->items;
            if (chosen.empty() || chosen[0] < 0 || static_cast<size_t>(chosen[0]) >= items.size()) {
              return Cell::Missing();
            }
            return Cell::Category(chosen[0] + 1.0, items[static_cast<size_t>(chosen[0])]);
          });
    } else if (options_.list_as_one_column) {
      Add(Column(title, title + " (chosen items, separated by \"; \")", ColumnKind::kText,
                 Measure::kNominal),
          [i, items](const StoryContext& s) {
            if (auto absent = Absent(s, i)) return *absent;
            std::string joined;
            for (int k : s.signifier_values[i]->items) {
              if (k < 0 || static_cast<size_t>(k) >= items.size()) continue;
              joined += (joined.empty() ? "" : "; ") + items[static_cast<size_t>(k)];
            }
            return TextOrMissing(joined);
          });
    } else {
      for (size_t k = 0; k < items.size(); ++k) {
        Add(Column(title + "_" + items[k], title + ": " + items[k], ColumnKind::kNumber,
                   Measure::kNominal, {{0, "not chosen"}, {1, "chosen"}}),
            [i, k](const StoryContext& s) {
              if (auto absent = Absent(s, i)) return *absent;
              const auto& chosen = s.signifier_values[i]->items;
              return Cell::Number(
                  std::find(chosen.begin(), chosen.end(), static_cast<int>(k)) != chosen.end() ? 1
                                                                                               : 0);
            });
      }
    }
  }

  void AddCodeColumns() {
    std::unordered_map<int64_t, size_t> index;
    for (const auto& code : ListCodes(project_)) {
      if (code.retired) continue;
      index[code.id] = codes_.size();
      codes_.push_back(code);
    }
    // Each code counts its own codings and its descendants' (see docs).
    for (size_t c = 0; c < codes_.size(); ++c) {
      std::vector<size_t> chain;
      for (const Code* code = &codes_[c];;) {
        auto found = index.find(code->id);
        if (found != index.end()) chain.push_back(found->second);
        if (!code->parent_id) break;
        auto parent = index.find(*code->parent_id);
        if (parent == index.end()) break;
        code = &codes_[parent->second];
      }
      ancestors_[codes_[c].id] = chain;
    }
    for (size_t c = 0; c < codes_.size(); ++c) {
      Add(Column("c_" + codes_[c].path, codes_[c].path + " (" + codings_note_ + ")",
                 ColumnKind::kNumber, Measure::kNominal, kPresence),
          [c](const StoryContext& s) { return Cell::Number(s.code_counts[c] > 0 ? 1 : 0); });
    }
    for (size_t c = 0; c < codes_.size(); ++c) {
      Add(Column("n_" + codes_[c].path, codes_[c].path + " (number of codings)",
                 ColumnKind::kNumber, Measure::kScale),
          [c](const StoryContext& s) {
            return Cell::Number(static_cast<double>(s.code_counts[c]));
          });
    }
  }

  // One coding of the current story: its code and its ancestors count.
  void AddCoding(int64_t coder_id, int64_t code_id) {
    auto chain = ancestors_.find(code_id);
    if (chain == ancestors_.end()) return;
    auto& mine = by_coder_[coder_id];
    mine.resize(codes_.size(), 0);
    for (size_t c : chain->second) ++mine[c];
  }

  // The current story's count per code from by_coder_.
  void CountCodes(std::vector<int64_t>& counts) const {
    counts.assign(codes_.size(), 0);
    if (options_.count == CodingCount::kAll || by_coder_.empty()) {
      for (const auto& [coder, theirs] : by_coder_) {
        for (size_t c = 0; c < counts.size(); ++c) counts[c] += theirs[c];
      }
      return;
    }
    // Consensus: the fewest codings any coder of this story gave the code.
    counts = by_coder_.begin()->second;
    for (const auto& [coder, theirs] : by_coder_) {
      for (size_t c = 0; c < counts.size(); ++c) counts[c] = std::min(counts[c], theirs[c]);
    }
  }

  Project& project_;
  StoriesShapeOptions options_;
  VariableNamer namer_;
  std::vector<ExportColumn> columns_;
  std::vector<CellOf> cells_;
  std::vector<Signifier> signifiers_;
  std::vector<Code> codes_;
  std::unordered_map<int64_t, std::vector<size_t>> ancestors_;
  std::optional<int64_t> coder_id_;                   // options_.coder's id
  CoderSet coder_set_;                                // whose codings count
  std::string codings_note_;                          // whose, for the code columns' labels
  std::map<int64_t, std::vector<int64_t>> by_coder_;  // current story: coder -> counts
  bool has_story_variables_ = false;
  bool has_respondent_variables_ = false;
};

}  // namespace

std::unique_ptr<ExportSource> MakeStoriesShape(Project& project, StoriesShapeOptions options) {
  return std::make_unique<StoriesShape>(project, std::move(options));
}

}  // namespace verhaal
