#include "importers/mapping.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "base/closest_name.h"
#include "base/text.h"
#include "base/yaml_check.h"
#include "base/yaml_location.h"
#include "corpus/files.h"
#include "importers/encoding.h"

namespace verhaal {
namespace {

constexpr std::array<std::string_view, 9> kFieldKeys = {
    "story", "respondent", "role", "kind", "wave", "date", "language", "title", "text"};

const std::vector<std::string>& TopKeys() {
  static const std::vector<std::string> keys = {"story",
                                                "respondent",
                                                "role",
                                                "kind",
                                                "wave",
                                                "date",
                                                "language",
                                                "title",
                                                "text",
                                                "delimiter",
                                                "encoding",
                                                "respondent_variables",
                                                "story_variables",
                                                "signifiers",
                                                "ignore",
                                                "other_columns",
                                                "not_applicable"};
  return keys;
}

class Parser {
 public:
  Parser(std::string_view yaml, std::string file) : yaml_(yaml), file_(std::move(file)) {}

  ImportMapping Parse() {
    YAML::Node root;
    CheckYaml(yaml_, file_);
    try {
      root = YAML::Load(std::string(yaml_));
    } catch (const YAML::Exception& e) {
      throw DataError("this is not valid YAML: " + e.msg + "; check the indentation and quotes",
                      At(e.mark));
    }
    ImportMapping m;
    m.file = file_;
    if (!root.IsMap()) {
      throw DataError(
          "a mapping is a YAML map with at least `text: COLUMN`; see "
          "docs/import-mapping.md",
          Location{file_, 1, 1, std::string(LineAt(yaml_, 0))});
    }
    for (const auto& entry : root) {
      const std::string key = Key(entry.first);
      CheckKnown(key, TopKeys(), entry.first, "mapping");
      const YAML::Node& value = entry.second;
      if (key == "delimiter") {
        const std::string d = Scalar(value, key);
        if (d == "," || d == ";") {
          m.delimiter = d[0];
        } else if (d == "tab" || d == "\t") {
          m.delimiter = '\t';
        } else {
          throw DataError("delimiter must be \",\", \";\" or tab, not '" + d + "'", At(value));
        }
      } else if (key == "encoding") {
        m.encoding = Scalar(value, key);
      } else if (key == "not_applicable") {
        m.not_applicable = Scalar(value, key);
      } else if (key == "other_columns") {
        const std::string o = Scalar(value, key);
        if (o == "story") {
          m.other_columns = OtherColumns::kStoryVariables;
        } else if (o == "respondent") {
          m.other_columns = OtherColumns::kRespondentVariables;
        } else if (o == "ignore") {
          m.other_columns = OtherColumns::kIgnore;
        } else {
          throw DataError("other_columns must be story, respondent or ignore, not '" + o + "'",
                          At(value));
        }
      } else if (key == "ignore") {
        if (!value.IsSequence()) throw DataError("ignore takes a list of columns", At(value));
        for (const auto& c : value) m.ignore.push_back(Scalar(c, "ignore"));
      } else if (key == "respondent_variables" || key == "story_variables") {
        ParseVariables(
            value,
            key == "story_variables" ? VariableSubject::kStory : VariableSubject::kRespondent, m);
      } else if (key == "signifiers") {
        ParseSignifiers(value, m);
      } else {
        Field(m, key) = ParseField(value, key);
      }
    }
    if (!m.text.mapped()) {
      throw DataError("the mapping has no text column; add `text: COLUMN`",
                      Location{file_, 1, 1, std::string(LineAt(yaml_, 0))});
    }
    if (!m.text.constant.empty()) {
      throw DataError("text must name a column, not a constant", m.text.where);
    }
    return m;
  }

 private:
  static MappedField& Field(ImportMapping& m, std::string_view key) {
    if (key == "story") return m.story;
    if (key == "respondent") return m.respondent;
    if (key == "role") return m.role;
    if (key == "kind") return m.kind;
    if (key == "wave") return m.wave;
    if (key == "date") return m.date;
    if (key == "language") return m.language;
    if (key == "title") return m.title;
    return m.text;
  }

  Location At(const YAML::Mark& mark) const { return YamlLocation(file_, yaml_, mark); }
  Location At(const YAML::Node& node) const { return At(node.Mark()); }

  void CheckKnown(const std::string& key, const std::vector<std::string>& known,
                  const YAML::Node& node, const std::string& where) const {
    if (std::find(known.begin(), known.end(), key) != known.end()) return;
    const std::string near = ClosestName(key, known);
    std::string list;
    for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
    throw DataError("unknown key '" + key + "' in the " + where +
                        (near.empty() ? "" : "; did you mean '" + near + "'?") +
                        " (known: " + list + ")",
                    At(node));
  }

  // A map's key as text: a key that is itself a list or a map (YAML's
  // "? [a, b]") is a located error, not an exception of yaml-cpp's.
  std::string Key(const YAML::Node& key) const {
    if (!key.IsScalar()) {
      throw DataError("a key must be a name, not a list or a map; see docs/import-mapping.md",
                      At(key));
    }
    return key.as<std::string>();
  }

  std::string Scalar(const YAML::Node& node, std::string_view key) const {
    if (!node.IsScalar()) {
      throw DataError(std::string(key) + " takes a single value", At(node));
    }
    return node.as<std::string>();
  }

  MappedField ParseField(const YAML::Node& node, std::string_view key) const {
    MappedField f;
    f.where = At(node);
    if (node.IsScalar()) {
      f.column = node.as<std::string>();
      return f;
    }
    if (node.IsMap()) {
      for (const auto& entry : node) {
        const std::string k = Key(entry.first);
        CheckKnown(k, {"column", "value"}, entry.first, std::string(key));
        if (k == "column") f.column = Scalar(entry.second, k);
        if (k == "value") f.constant = Scalar(entry.second, k);
      }
      if (f.column.empty() == f.constant.empty()) {
        throw DataError(std::string(key) + " takes either `column: NAME` or `value: CONSTANT`",
                        f.where);
      }
      return f;
    }
    throw DataError(std::string(key) + " takes a column name, or {value: CONSTANT}", f.where);
  }

  void ParseVariables(const YAML::Node& node, VariableSubject subject, ImportMapping& m) const {
    if (!node.IsMap()) {
      throw DataError("variables are a map: NAME: {column: COLUMN, type: TYPE}", At(node));
    }
    for (const auto& entry : node) {
      MappedVariable v;
      v.where = At(entry.first);
      v.variable.subject = subject;
      v.variable.name = Key(entry.first);
      v.column = v.variable.name;
      const YAML::Node& spec = entry.second;
      if (spec.IsScalar()) {
        v.variable.type = Type(spec);
      } else if (spec.IsMap()) {
        for (const auto& item : spec) {
          const std::string k = Key(item.first);
          CheckKnown(k, {"column", "type", "label", "values"}, item.first,
                     "variable " + v.variable.name);
          if (k == "column") v.column = Scalar(item.second, k);
          if (k == "type") v.variable.type = Type(item.second);
          if (k == "label") v.variable.label = Scalar(item.second, k);
          if (k == "values") {
            if (!item.second.IsMap()) {
              throw DataError("values is a map VALUE: LABEL", At(item.second));
            }
            for (const auto& label : item.second) {
              const std::string raw = Key(label.first);
              try {
                v.variable.value_labels[CheckVariableValue(v.variable.type, raw)] =
                    Scalar(label.second, raw);
              } catch (const Error& e) {
                throw DataError(e.message() + " (a value label of " + v.variable.name + ")",
                                At(label.first));
              }
            }
          }
        }
      } else if (!spec.IsNull()) {
        throw DataError("a variable takes a type or {column, type, label, values}", At(spec));
      }
      m.variables.push_back(std::move(v));
    }
  }

  VariableType Type(const YAML::Node& node) const {
    try {
      return ParseVariableType(Scalar(node, "type"));
    } catch (const Error& e) {
      throw DataError(e.message(), At(node));
    }
  }

  std::vector<std::string> List(const YAML::Node& node, std::string_view key) const {
    if (!node.IsSequence()) throw DataError(std::string(key) + " takes a list", At(node));
    std::vector<std::string> out;
    for (const auto& item : node) out.push_back(Scalar(item, key));
    return out;
  }

  void ParseSignifiers(const YAML::Node& node, ImportMapping& m) const {
    if (!node.IsMap()) throw DataError("signifiers are a map: NAME: {type: ...}", At(node));
    for (const auto& entry : node) {
      MappedSignifier s;
      s.where = At(entry.first);
      s.signifier.key = Key(entry.first);
      s.signifier.source = "csv";
      const YAML::Node& spec = entry.second;
      if (!spec.IsMap() || !spec["type"]) {
        throw DataError("signifier " + s.signifier.key + " needs a type: dyad, triad or list",
                        s.where);
      }
      std::vector<std::string> labels;
      for (const auto& item : spec) {
        const std::string k = Key(item.first);
        CheckKnown(k,
                   {"type", "column", "columns", "title", "low", "high", "labels", "items",
                    "multiple", "separator"},
                   item.first, "signifier " + s.signifier.key);
        const YAML::Node& v = item.second;
        if (k == "type") {
          const std::string t = Scalar(v, k);
          if (t != "dyad" && t != "triad" && t != "list") {
            throw DataError(
                "a signifier from CSV columns is a dyad, triad or list, not '" + t + "'", At(v));
          }
          s.signifier.type = ParseSignifierType(t);
        }
        if (k == "column") s.columns = {Scalar(v, k)};
        if (k == "columns") s.columns = List(v, k);
        if (k == "title") s.signifier.title = Scalar(v, k);
        if (k == "low") s.signifier.x_low = Scalar(v, k);
        if (k == "high") s.signifier.x_high = Scalar(v, k);
        if (k == "labels" || k == "items") labels = List(v, k);
        if (k == "multiple") s.signifier.multiple = v.as<bool>(false);
        if (k == "separator") s.separator = Scalar(v, k);
      }
      if (s.columns.empty()) s.columns = {s.signifier.key};
      const bool triad = s.signifier.type == SignifierType::kTriad;
      if (triad && s.columns.size() != 3) {
        throw DataError(
            "triad " + s.signifier.key + " needs `columns:` with three columns (top, left, right)",
            s.where);
      }
      if (!triad && s.columns.size() != 1) {
        throw DataError(s.signifier.key + " takes one column", s.where);
      }
      if (triad && labels.empty()) labels = s.columns;
      if (triad && labels.size() != 3) {
        throw DataError("triad " + s.signifier.key + " needs three labels", s.where);
      }
      if (s.signifier.type == SignifierType::kList && labels.empty()) {
        throw DataError("list " + s.signifier.key + " needs `items:` (the possible answers)",
                        s.where);
      }
      for (size_t i = 0; i < labels.size(); ++i) {
        s.signifier.options.push_back(SignifierOption{triad ? s.columns[i] : labels[i], labels[i]});
      }
      if (s.signifier.title.empty()) s.signifier.title = s.signifier.key;
      m.signifiers.push_back(std::move(s));
    }
  }

  std::string_view yaml_;
  std::string file_;
};

std::string Quote(std::string_view s) {
  const bool plain = !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' ||
           (static_cast<unsigned char>(c) >= 0x80);
  });
  if (plain && s != "true" && s != "false" && s != "yes" && s != "no" && s != "null") {
    return std::string(s);
  }
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\t') {
      out += "\\t";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

}  // namespace

ImportMapping ParseMapping(std::string_view yaml, const std::string& file_name) {
  return Parser(yaml, file_name).Parse();
}

ImportMapping LoadMapping(const std::filesystem::path& file) {
  const std::string text = ReadWholeFile(file);
  ValidateUtf8(text, Location{file.string(), 0, 0, ""});
  return ParseMapping(text, file.string());
}

std::optional<size_t> FindHeaderColumn(const std::vector<std::string>& header,
                                       std::string_view name) {
  const auto exact = std::find(header.begin(), header.end(), name);
  if (exact != header.end()) return static_cast<size_t>(exact - header.begin());
  const std::string folded = AsciiLower(name);
  std::optional<size_t> found;
  for (size_t i = 0; i < header.size(); ++i) {
    if (AsciiLower(header[i]) != folded) continue;
    if (found) {
      throw DataError("column '" + std::string(name) + "' could be '" + header[*found] + "' or '" +
                      header[i] + "', which differ only in upper and lower case; name one exactly");
    }
    found = i;
  }
  return found;
}

ImportMapping DefaultMapping(const std::vector<std::string>& header, std::string_view text_column) {
  const std::optional<size_t> text_at = FindHeaderColumn(header, text_column);
  if (!text_at) {
    const std::string near = ClosestName(text_column, header);
    std::string list;
    for (const auto& h : header) list += (list.empty() ? "" : ", ") + h;
    throw UsageError("--text " + std::string(text_column) + ": there is no such column" +
                     (near.empty() ? "" : "; did you mean '" + near + "'?") +
                     " The columns are: " + list + ".");
  }
  ImportMapping m;
  m.text.column = header[*text_at];
  const std::map<std::string, std::string_view> aliases = {
      {"story", "story"},
      {"key", "story"},
      {"id", "story"},
      {"story_key", "story"},
      {"respondent", "respondent"},
      {"role", "role"},
      {"kind", "kind"},
      {"wave", "wave"},
      {"date", "date"},
      {"language", "language"},
      {"title", "title"},
      // Dutch names whose values need no particular form (a "datum" or
      // "taal" column often holds 12-3-2024 or "Nederlands": a variable).
      {"rol", "role"},
      {"titel", "title"}};
  for (const auto& column : header) {
    if (column == m.text.column) continue;
    auto alias = aliases.find(AsciiLower(column));
    MappedField* field = nullptr;
    if (alias != aliases.end()) {
      const std::string_view f = alias->second;
      field = f == "story"        ? &m.story
              : f == "respondent" ? &m.respondent
              : f == "role"       ? &m.role
              : f == "kind"       ? &m.kind
              : f == "wave"       ? &m.wave
              : f == "date"       ? &m.date
              : f == "language"   ? &m.language
                                  : &m.title;
    }
    if (field != nullptr && field->column.empty()) {
      field->column = column;
      continue;
    }
    if (column.empty()) continue;
    MappedVariable v;
    v.column = column;
    v.variable.name = column;
    v.variable.subject = VariableSubject::kStory;
    m.variables.push_back(std::move(v));
  }
  return m;
}

void GuessVariableTypes(ImportMapping& mapping, CsvReader& reader,
                        const std::vector<std::string>& header) {
  // The types a column may still have, in order of preference; a value
  // that CheckVariableValue refuses rules the type out. Boolean only for
  // words (ja/nee, true/false): a column of 0 and 1 stays an integer.
  constexpr VariableType kCandidates[] = {VariableType::kInteger, VariableType::kFloat,
                                          VariableType::kDate, VariableType::kBoolean};
  struct Column {
    size_t index = 0;
    std::array<bool, 4> possible = {true, true, true, true};
    bool any_value = false;
  };
  std::vector<Column> columns;
  for (const auto& v : mapping.variables) {
    const auto at = std::find(header.begin(), header.end(), v.column);
    if (at == header.end() || v.variable.type != VariableType::kText) {
      columns.push_back(Column{0, {false, false, false, false}, false});
    } else {
      columns.push_back(Column{static_cast<size_t>(at - header.begin())});
    }
  }
  while (const CsvRecord* record = reader.Next()) {
    for (auto& column : columns) {
      if (column.index >= record->size()) continue;
      const std::string& raw = (*record)[column.index];
      if (raw.find_first_not_of(" \t") == std::string::npos) continue;
      column.any_value = true;
      for (size_t t = 0; t < std::size(kCandidates); ++t) {
        if (!column.possible[t]) continue;
        try {
          const std::string value = CheckVariableValue(kCandidates[t], raw);
          if (kCandidates[t] == VariableType::kBoolean &&
              value.find_first_not_of("0123456789") == std::string::npos &&
              raw.find_first_of("0123456789") != std::string::npos) {
            column.possible[t] = false;
          }
        } catch (const Error&) {
          column.possible[t] = false;
        }
      }
    }
  }
  for (size_t i = 0; i < columns.size(); ++i) {
    if (!columns[i].any_value) continue;
    for (size_t t = 0; t < std::size(kCandidates); ++t) {
      if (columns[i].possible[t]) {
        mapping.variables[i].variable.type = kCandidates[t];
        break;
      }
    }
  }
}

std::string MappingToYaml(const ImportMapping& m) {
  std::string out = "# verhaal import mapping (see docs/import-mapping.md)\n";
  if (m.delimiter != 0) {
    out += std::string("delimiter: ") + (m.delimiter == '\t' ? "tab" : Quote({&m.delimiter, 1})) +
           "\n";
  }
  if (!IsUtf8EncodingName(m.encoding)) out += "encoding: " + Quote(m.encoding) + "\n";
  const std::array<const MappedField*, 9> fields = {
      &m.story, &m.respondent, &m.role, &m.kind, &m.wave, &m.date, &m.language, &m.title, &m.text};
  for (size_t i = 0; i < fields.size(); ++i) {
    const MappedField& f = *fields[i];
    if (!f.column.empty()) {
      out += std::string(kFieldKeys[i]) + ": " + Quote(f.column) + "\n";
    } else if (!f.constant.empty()) {
      out += std::string(kFieldKeys[i]) + ": {value: " + Quote(f.constant) + "}\n";
    }
  }
  for (const auto subject : {VariableSubject::kRespondent, VariableSubject::kStory}) {
    bool first = true;
    for (const auto& v : m.variables) {
      if (v.variable.subject != subject) continue;
      if (first) out += std::string(VariableSubjectName(subject)) + "_variables:\n";
      first = false;
      out += "  " + Quote(v.variable.name) + ": {";
      if (v.column != v.variable.name) out += "column: " + Quote(v.column) + ", ";
      out += "type: " + std::string(VariableTypeName(v.variable.type));
      if (!v.variable.label.empty()) out += ", label: " + Quote(v.variable.label);
      if (!v.variable.value_labels.empty()) {
        out += ", values: {";
        bool first_label = true;
        for (const auto& [value, label] : v.variable.value_labels) {
          out += (first_label ? "" : ", ") + Quote(value) + ": " + Quote(label);
          first_label = false;
        }
        out += "}";
      }
      out += "}\n";
    }
  }
  const auto list = [](const std::vector<std::string>& items) {
    std::string text = "[";
    for (size_t i = 0; i < items.size(); ++i) text += (i ? ", " : "") + Quote(items[i]);
    return text + "]";
  };
  if (!m.signifiers.empty()) out += "signifiers:\n";
  for (const auto& s : m.signifiers) {
    const Signifier& sig = s.signifier;
    out += "  " + Quote(sig.key) + ": {type: " + std::string(SignifierTypeName(sig.type));
    if (s.columns.size() == 1 && s.columns[0] != sig.key) out += ", column: " + Quote(s.columns[0]);
    if (s.columns.size() > 1) out += ", columns: " + list(s.columns);
    if (!sig.title.empty() && sig.title != sig.key) out += ", title: " + Quote(sig.title);
    if (!sig.x_low.empty()) out += ", low: " + Quote(sig.x_low);
    if (!sig.x_high.empty()) out += ", high: " + Quote(sig.x_high);
    std::vector<std::string> labels;
    for (const auto& option : sig.options) labels.push_back(option.label);
    if (sig.type == SignifierType::kTriad && labels != s.columns) {
      out += ", labels: " + list(labels);
    }
    if (sig.type == SignifierType::kList) {
      out += ", items: " + list(labels);
      if (sig.multiple) out += ", multiple: true";
      if (s.separator != "|") out += ", separator: " + Quote(s.separator);
    }
    out += "}\n";
  }
  if (m.not_applicable != "NA") out += "not_applicable: " + Quote(m.not_applicable) + "\n";
  if (!m.ignore.empty()) out += "ignore: " + list(m.ignore) + "\n";
  if (m.other_columns == OtherColumns::kRespondentVariables) out += "other_columns: respondent\n";
  if (m.other_columns == OtherColumns::kIgnore) out += "other_columns: ignore\n";
  return out;
}

}  // namespace verhaal
