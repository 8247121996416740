// Checks on YAML text before yaml-cpp loads it, for what the loader lets
// through:
// - aliases: yaml-cpp keeps an alias as a second reference to its anchor's
//   node, but every walk over the tree visits the node once per reference,
//   so 1.6 KB of nested aliases ("billion laughs") expand to 10^9 nodes and
//   exhaust memory;
// - a key given twice in one map: yaml-cpp keeps both, and the second one
//   later fails as an internal error (a UNIQUE constraint) or silently wins.
// Every YAML verhaal reads (codebook, rules, import mapping, study manifest,
// story front matter) passes through CheckYaml before it is loaded.
#ifndef VERHAAL_BASE_YAML_CHECK_H_
#define VERHAAL_BASE_YAML_CHECK_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace verhaal {

// How many nodes aliases may add to a document, counting each alias as a
// copy of its anchor's node with everything under it (docs/limits.md).
inline constexpr uint64_t kMaxYamlAliasNodes = 100000;

// Throws kData, located at the alias that crosses kMaxYamlAliasNodes or at
// the second occurrence of a key in a map. Text that is not valid YAML
// passes: the loader reports that with its own message. `first_line` is the
// line of `file` on which `text` starts.
void CheckYaml(std::string_view text, const std::string& file, int first_line = 1);

}  // namespace verhaal

#endif  // VERHAAL_BASE_YAML_CHECK_H_
