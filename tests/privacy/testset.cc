#include "tests/privacy/testset.h"

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <stdexcept>

#include "corpus/stories.h"
#include "privacy/detector.h"
#include "privacy/tokens.h"

namespace verhaal::testing {
namespace {

std::string Slurp(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void AddMarked(TestSet& set, const std::string& key, const std::string& marked) {
  TestStory story{key, ""};
  size_t i = 0;
  while (i < marked.size()) {
    const size_t open = marked.find("[[", i);
    if (open == std::string::npos) {
      story.text += marked.substr(i);
      break;
    }
    story.text += marked.substr(i, open - i);
    const size_t close = marked.find("]]", open);
    const std::string inner = marked.substr(open + 2, close - open - 2);
    const size_t bar = inner.rfind('|');
    GoldSpan gold{key, 0, 0, inner.substr(bar + 1), inner.substr(0, bar)};
    gold.start = static_cast<int64_t>(CodePoints(story.text));
    story.text += gold.text;
    gold.end = static_cast<int64_t>(CodePoints(story.text));
    set.gold.push_back(gold);
    i = close + 2;
  }
  while (!story.text.empty() && story.text.back() == '\n') story.text.pop_back();
  set.stories.push_back(story);
}

// One line of a ';'-separated CSV with "quoted" fields.
std::vector<std::string> CsvFields(const std::string& text, size_t& at) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  while (at < text.size()) {
    const char c = text[at++];
    if (quoted) {
      if (c == '"' && at < text.size() && text[at] == '"') {
        fields.back() += '"';
        ++at;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ';') {
      fields.emplace_back();
    } else if (c == '\n') {
      break;
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  return fields;
}

}  // namespace

TestSet ReadMarkedStories(const std::filesystem::path& file) {
  TestSet set;
  std::istringstream in(Slurp(file));
  std::string line, key, body;
  while (std::getline(in, line)) {
    if (line.starts_with("#")) continue;
    if (line.starts_with("=== ")) {
      if (!key.empty()) AddMarked(set, key, body);
      key = line.substr(4);
      body.clear();
      continue;
    }
    body += line + "\n";
  }
  if (!key.empty()) AddMarked(set, key, body);
  return set;
}

TestSet ReadDeduceCases(const std::filesystem::path& folder) {
  TestSet set;
  const std::string csv = Slurp(folder / "stories.csv");
  size_t at = 0;
  CsvFields(csv, at);  // header
  while (at < csv.size()) {
    const auto fields = CsvFields(csv, at);
    if (fields.size() >= 2 && !fields[1].empty()) set.stories.push_back({fields[0], fields[1]});
  }
  for (const auto& g : nlohmann::json::parse(Slurp(folder / "gold.json"))) {
    set.gold.push_back({g.at("story").get<std::string>(), g.at("start").get<int64_t>(),
                        g.at("end").get<int64_t>(), g.at("category").get<std::string>(),
                        g.at("text").get<std::string>()});
  }
  return set;
}

Score ScoreFindings(const TestSet& set, const std::vector<Finding>& findings) {
  Score score;
  std::map<std::string, std::vector<std::pair<int64_t, int64_t>>> found, gold;
  for (const Finding& f : findings) {
    if (f.field->kind != FieldKind::kStoryText) continue;
    found[f.field->story].push_back({f.start, f.end});
  }
  for (const GoldSpan& g : set.gold) gold[g.story].push_back({g.start, g.end});
  const auto overlaps = [](const auto& spans, int64_t a, int64_t b) {
    for (const auto& [s, e] : spans) {
      if (s < b && a < e) return true;
    }
    return false;
  };
  for (const GoldSpan& g : set.gold) {
    ++score.gold;
    if (overlaps(found[g.story], g.start, g.end)) {
      ++score.gold_found;
    } else {
      score.missed.push_back(g.story + ":" + g.category + ":" + g.text);
    }
  }
  for (const Finding& f : findings) {
    if (f.field->kind != FieldKind::kStoryText) continue;
    ++score.detections;
    if (overlaps(gold[f.field->story], f.start, f.end)) {
      ++score.detections_right;
    } else {
      score.wrong.push_back(
          f.field->story + ":" + std::string(CategoryName(f.detection->category)) + ":" +
          f.field->text.substr(f.detection->begin, f.detection->end - f.detection->begin) + " (" +
          f.detection->rule + ")");
    }
  }
  for (const TestStory& s : set.stories) {
    ++score.stories;
    auto a = found[s.key];
    auto b = gold[s.key];
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    score.stories_exact += a == b;
  }
  return score;
}

std::vector<Field> ScanTestSet(const TestSet& set, const std::filesystem::path& file) {
  Project project = Project::Create(file, "testset");
  {
    Transaction transaction(project);
    for (const TestStory& s : set.stories) {
      Story story;
      story.key = s.key;
      story.text = s.text;
      AddStory(project, story);
    }
    transaction.Commit();
  }
  Detector detector(DefaultPolicy(), DutchWords::Load(kDebianDutchWordList));
  return ScanProject(project, detector, Decisions{});
}

}  // namespace verhaal::testing
