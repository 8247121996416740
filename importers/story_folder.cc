#include "importers/story_folder.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <vector>

#include "base/text.h"
#include "base/yaml_check.h"
#include "base/yaml_location.h"
#include "corpus/variables.h"
#include "importers/encoding.h"
#include "importers/story_import.h"

namespace verhaal {
namespace {

// Splits "---\nYAML\n---\nbody" into its front matter and body; the body's
// first line number is returned too.
struct Parts {
  std::string front;
  std::string body;
  int body_line = 1;
};

Parts Split(const std::string& text, const std::string& name) {
  Parts parts;
  if (text.rfind("---\n", 0) != 0) {
    parts.body = text;
    return parts;
  }
  size_t at = 4;
  int line = 2;
  while (at <= text.size()) {
    size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    std::string_view l(text.data() + at, end - at);
    if (l == "---" || l == "...") {
      parts.front = text.substr(4, at - 4);
      parts.body = end < text.size() ? text.substr(end + 1) : "";
      parts.body_line = line + 1;
      return parts;
    }
    at = end + 1;
    ++line;
  }
  throw DataError(
      "the front matter that starts here is never closed; end it with a line "
      "\"---\"",
      Location{name, 1, 1, "---"});
}

Location At(const std::string& name, const std::string& front, const YAML::Mark& mark) {
  if (mark.is_null()) return Location{name, 2, 0, ""};  // the front matter's first line
  return YamlLocation(name, front, mark, 2);
}

}  // namespace

ImportReport ImportStoryFolder(Project& project, const std::filesystem::path& folder,
                               const StoryFolderOptions& defaults, const ImportOptions& options) {
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec)) {
    throw MissingError("cannot find the folder " + folder.string() + "; check the path");
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    const auto ext = entry.path().extension();
    if (entry.is_regular_file(ec) && (ext == ".txt" || ext == ".md")) {
      files.push_back(entry.path());
    }
  }
  if (files.empty()) {
    throw DataError(folder.string() + " holds no .txt or .md files; put one story per file");
  }
  std::sort(files.begin(), files.end());
  StoryImporter importer(project, options);
  std::map<std::string, int64_t> variables;  // name -> id
  size_t done = 0;
  for (const auto& file : files) {
    const std::string name = file.string();
    const std::string text = NormalizeText(
        ReadTextFile(file, EncodingFor(file, defaults.encoding, importer.report().warnings)),
        Location{name, 0, 0, ""});
    const Parts parts = Split(text, name);
    IncomingStory in;
    Story& s = in.story;
    s.key = file.stem().string();
    s.kind = defaults.kind;
    s.language = defaults.language;
    in.role = defaults.role;
    s.text = parts.body;
    s.source_file = name;
    s.source_line = parts.body_line;
    in.key_at = Location{name, 1, 0, ""};
    in.text_at = Location{name, parts.body_line, 0, ""};
    std::vector<std::pair<std::string, std::string>> values;
    if (!parts.front.empty()) {
      YAML::Node root;
      CheckYaml(parts.front, name, 2);
      try {
        root = YAML::Load(parts.front);
      } catch (const YAML::Exception& e) {
        throw DataError("the front matter is not valid YAML: " + e.msg,
                        At(name, parts.front, e.mark));
      }
      if (!root.IsMap() && !root.IsNull()) {
        throw DataError("front matter is a YAML map like `respondent: SH-07`",
                        Location{name, 2, 1, ""});
      }
      for (const auto& entry : root) {
        if (!entry.first.IsScalar()) {  // "? [a, b]": not an exception of yaml-cpp's
          throw DataError("a key of the front matter must be a name, not a list or a map",
                          At(name, parts.front, entry.first.Mark()));
        }
        const std::string key = entry.first.as<std::string>();
        const Location where = At(name, parts.front, entry.second.Mark());
        if (!entry.second.IsScalar()) {
          throw DataError(key + " takes a single value", where);
        }
        const std::string value = entry.second.as<std::string>();
        try {
          if (key == "key") {
            s.key = value;
          } else if (key == "respondent") {
            in.respondent_key = value;
          } else if (key == "role") {
            in.role = value;
          } else if (key == "kind") {
            s.kind = value;
            if (!IsStoryKind(value)) {
              throw DataError("unknown kind '" + value +
                              "'; use experience, reflection, interview or other");
            }
          } else if (key == "wave") {
            s.wave = WaveNumber(CheckVariableValue(VariableType::kInteger, value));
          } else if (key == "date") {
            s.date = CheckVariableValue(VariableType::kDate, value);
          } else if (key == "language") {
            s.language = value;
          } else if (key == "title") {
            s.title = value;
          } else {
            values.emplace_back(key, value);
          }
        } catch (const Error& e) {
          throw DataError(e.message(), where);
        }
      }
    }
    const auto result = importer.Add(std::move(in));
    if (result.write_values()) {
      for (const auto& [key, value] : values) {
        auto found = variables.find(key);
        if (found == variables.end()) {
          Variable v;
          v.subject = VariableSubject::kStory;
          v.name = key;
          const bool known = FindVariable(project, v.subject, key).has_value();
          found = variables.emplace(key, EnsureVariable(project, v)).first;
          if (!known) importer.report().new_variables.push_back("story " + key + " (text)");
        }
        importer.writer().SetStoryValue(result.story_id, found->second, value);
      }
    }
    if (options.progress && ++done % 256 == 0) options.progress(done, files.size());
  }
  return importer.Finish();
}

}  // namespace verhaal
