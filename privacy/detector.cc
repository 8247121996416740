#include "privacy/detector.h"

#include <algorithm>
#include <fstream>

#include "base/error.h"
#include "privacy/patterns.h"

namespace verhaal {
namespace {

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return std::string(s);
}

}  // namespace

Detector::Detector(PrivacyPolicy policy, DutchWords words)
    : policy_(std::move(policy)), words_(std::move(words)) {
  for (const std::string& word : policy_.keep_words) AddKeepWord(word);
}

void Detector::AddKnownName(std::string_view name, KnownName known) {
  if (!name.empty()) known_.Add(name, std::move(known));
}

void Detector::AddKeepWord(std::string_view word) {
  if (word.empty()) return;
  keep_words_.Add(word, KeepEntry{"--keep", false});
  keep_exact_.insert(Fold(word));
}

bool Detector::IsKept(std::string_view text) const { return keep_exact_.contains(Fold(text)); }

std::vector<Detection> Detector::Finish(std::string_view text, std::vector<Detection> found) const {
  std::erase_if(found, [&](const Detection& d) {
    return !policy_.Replaces(d.category) ||
           (!keep_exact_.empty() && IsKept(text.substr(d.begin, d.end - d.begin)));
  });
  return ResolveOverlaps(std::move(found));
}

std::vector<Detection> Detector::Detect(std::string_view text, bool dutch) const {
  std::vector<Detection> found = FindContactPatterns(text);
  std::vector<Detection> more = FindNumberPatterns(text);
  found.insert(found.end(), std::make_move_iterator(more.begin()),
               std::make_move_iterator(more.end()));
  more = FindDatePatterns(text);
  found.insert(found.end(), std::make_move_iterator(more.begin()),
               std::make_move_iterator(more.end()));
  const std::vector<Token> tokens = Tokenize(text);
  const NameStageInput input{
      Lexicon::BuiltIn(),          words_, policy_.keep_groups, keep_words_, known_,
      policy_.unknown_capitalised, dutch};
  more = FindNames(text, tokens, input);
  found.insert(found.end(), std::make_move_iterator(more.begin()),
               std::make_move_iterator(more.end()));
  return Finish(text, std::move(found));
}

std::vector<Detection> Detector::FindKnown(std::string_view text,
                                           const PhraseTable<KnownName>& names, bool dutch) const {
  const std::vector<Token> tokens = Tokenize(text);
  std::vector<Detection> found;
  std::string scratch;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].number) continue;
    const auto [count, known] = names.Match(text, tokens, i, scratch);
    if (count == 0 || ((known->case_sensitive || !dutch) && !tokens[i].capitalised)) continue;
    found.push_back({tokens[i].begin, tokens[i + count - 1].end, known->category, known->rule});
    i += count - 1;
  }
  return Finish(text, std::move(found));
}

std::vector<std::pair<std::string, Category>> ReadNamesFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw MissingError("cannot read the names file " + file.string());
  std::vector<std::pair<std::string, Category>> names;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    const size_t hash = line.find('#');
    const std::string content = Trim(std::string_view(line).substr(0, hash));
    if (content.empty()) continue;
    const size_t split = content.find_first_of("\t;");
    if (split == std::string::npos) {
      names.emplace_back(content, Category::kPerson);
      continue;
    }
    const std::string category_name = Trim(std::string_view(content).substr(split + 1));
    const auto category = ParseCategory(category_name);
    if (!category) {
      throw DataError("unknown category '" + category_name +
                          "' (PERSOON, PLAATS, ADRES, ORGANISATIE, ...; see docs/privacy.md)",
                      Location{file.string(), number, static_cast<int>(split) + 2, line});
    }
    names.emplace_back(Trim(std::string_view(content).substr(0, split)), *category);
  }
  return names;
}

std::vector<std::string> ReadKeepFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw MissingError("cannot read the keep file " + file.string());
  std::vector<std::string> words;
  std::string line;
  while (std::getline(in, line)) {
    std::string content = Trim(std::string_view(line).substr(0, line.find('#')));
    if (!content.empty()) words.push_back(std::move(content));
  }
  return words;
}

}  // namespace verhaal
