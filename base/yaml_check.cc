#include "base/yaml_check.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <map>
#include <sstream>
#include <vector>

#include "base/error.h"
#include "base/yaml_location.h"

namespace verhaal {
namespace {

// Follows the parser's events: the size of each node with its aliases
// expanded, and the keys of each open map.
class Checker : public YAML::EventHandler {
 public:
  Checker(std::string_view text, const std::string& file, int first_line)
      : text_(text), file_(file), first_line_(first_line) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Child(mark, nullptr);
    Leaf(anchor);
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                const std::string& value) override {
    Child(mark, &value);
    Leaf(anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Child(mark, nullptr);
    const auto found = sizes_.find(anchor);
    const uint64_t size = found == sizes_.end() ? 1 : found->second;
    added_ = Sum(added_, size);
    if (added_ > kMaxYamlAliasNodes) {
      throw DataError("the aliases (*name) here repeat more than " +
                          std::to_string(kMaxYamlAliasNodes) +
                          " nodes; write the repeated parts out, or use fewer aliases",
                      At(mark));
    }
    Add(size);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    Child(mark, nullptr);
    open_.push_back({anchor, 1, false, 0, {}});
  }
  void OnSequenceEnd() override { Close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    Child(mark, nullptr);
    open_.push_back({anchor, 1, true, 0, {}});
  }
  void OnMapEnd() override { Close(); }

 private:
  struct Open {
    YAML::anchor_t anchor;
    uint64_t size;  // nodes so far, aliases expanded
    bool map;
    uint64_t children;
    std::map<std::string, int> keys;  // scalar keys of a map, with their line
  };

  Location At(const YAML::Mark& mark) const {
    return YamlLocation(file_, text_, mark, first_line_);
  }
  // Saturating: a bomb's sizes grow exponentially.
  static uint64_t Sum(uint64_t a, uint64_t b) {
    return std::min<uint64_t>(a + b, uint64_t{1} << 62);
  }
  // A node begins inside the innermost open collection; in a map every
  // other one is a key.
  void Child(const YAML::Mark& mark, const std::string* scalar) {
    if (open_.empty()) return;
    Open& parent = open_.back();
    const bool key = parent.map && parent.children++ % 2 == 0;
    if (!key || scalar == nullptr) return;
    const Location at = At(mark);
    const auto [it, fresh] = parent.keys.emplace(*scalar, at.line);
    if (!fresh) {
      throw DataError("key '" + *scalar + "' appears twice in this map (first at line " +
                          std::to_string(it->second) + "); keep one of them",
                      at);
    }
  }
  void Add(uint64_t size) {
    if (!open_.empty()) open_.back().size = Sum(open_.back().size, size);
  }
  void Leaf(YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) sizes_[anchor] = 1;
    Add(1);
  }
  void Close() {
    const uint64_t size = open_.back().size;
    const YAML::anchor_t anchor = open_.back().anchor;
    open_.pop_back();
    if (anchor != YAML::NullAnchor) sizes_[anchor] = size;
    Add(size);
  }

  std::string_view text_;
  const std::string& file_;
  int first_line_;
  std::vector<Open> open_;
  std::map<YAML::anchor_t, uint64_t> sizes_;
  uint64_t added_ = 0;
};

}  // namespace

void CheckYaml(std::string_view text, const std::string& file, int first_line) {
  std::istringstream in{std::string(text)};
  Checker checker(text, file, first_line);
  try {
    // The first document only, as YAML::Load reads: asking for the next
    // one after some malformed input never ends (found by fuzz/).
    YAML::Parser parser(in);
    parser.HandleNextDocument(checker);
  } catch (const YAML::Exception&) {
    // Not valid YAML: the loader says so, located.
  }
}

}  // namespace verhaal
