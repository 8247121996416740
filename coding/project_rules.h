// The autocoding rules of a project's codes, compiled: what Autocode
// (coding/autocode.h, which defines LoadProjectRules) matches with, and what
// `verhaal autocode --explain` and the workbench's rule review read. Not
// installed: it exposes the rule engine's stages (rules_compile.h), which
// are no part of the library's API.
#ifndef VERHAAL_CODING_PROJECT_RULES_H_
#define VERHAAL_CODING_PROJECT_RULES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "coding/rules_compile.h"
#include "corpus/project.h"

namespace verhaal {

// The rules of a project's codes, compiled, with the code of each rule.
struct ProjectRules {
  CompiledRules compiled;
  std::vector<int64_t> code_ids;  // per rule
};

// Compiles the rules of the codes under `code_paths` (each path and its
// descendants; every code when empty). Throws kData for an unknown path or
// a bad rule (located in the code's rules text) and when no selected code
// has rules.
ProjectRules LoadProjectRules(Project& project, const std::vector<std::string>& code_paths);

}  // namespace verhaal

#endif  // VERHAAL_CODING_PROJECT_RULES_H_
