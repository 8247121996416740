// Signifiers in a REFI-QDA project: `export refi` writes each signifier's
// answers as story variables named signifier:KEY..., with the signifier's
// title, type and poles or labels in the Variable's Description, and the
// whole definition as JSON in its last line (docs/refi-qda.md). These
// functions read such variables back into signifier definitions and answers,
// so that a round trip keeps them.
// Private to importers/.
#ifndef VERHAAL_IMPORTERS_REFI_SIGNIFIERS_H_
#define VERHAAL_IMPORTERS_REFI_SIGNIFIERS_H_

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "corpus/signifiers.h"

namespace verhaal {

// What one signifier:... variable holds of its signifier's answer.
struct SignifierVariable {
  enum class Part { kValue, kTop, kLeft, kRight, kStoneX, kStoneY, kNotApplicable };
  std::string key;  // the signifier's (empty for kNotApplicable)
  Part part = Part::kValue;
  std::string stone;  // kStoneX, kStoneY: the stone's key
};

// What the signifier:... variables say of their signifiers, by key: as the
// human-readable part of each Description says it (all that other tools
// give), and exactly, from the `verhaal: {JSON}` last line that `export
// refi` adds to each Description.
struct SignifierDescriptions {
  std::map<std::string, Signifier> described;
  std::map<std::string, Signifier> exact;    // from the verhaal: lines
  std::map<std::string, std::string> lines;  // key -> the first verhaal: line read
  std::set<std::string> without_line;        // keys with a variable without one
  std::set<std::string> bad_line;            // keys with a bad or differing line
};

// Called with a warning that names the variable (the caller adds where).
using SignifierWarning = std::function<void(const std::string&)>;

// Reads a <Variable> by its name and Description as `export refi` wrote it,
// adding what it says of its signifier to `descriptions`. Nothing when the
// variable is not one of those (it is then an ordinary variable). A verhaal:
// line that is not valid, or does not fit the variable's name and type, is
// ignored with a warning.
std::optional<SignifierVariable> ReadSignifierVariable(const std::string& name,
                                                       const std::string& description,
                                                       SignifierDescriptions& descriptions,
                                                       const SignifierWarning& warn);

// The definition of signifier `key`: the exact one when each of its
// variables carried the same good verhaal: line, else the described one
// (with a warning when only some carried one).
Signifier SignifierDefinition(const SignifierDescriptions& descriptions, const std::string& key,
                              const SignifierWarning& warn);

// True when `signifier`, as read from its variables, is whole: a triad with
// its three anchors, stones and lists with their options.
bool IsWholeSignifier(const Signifier& signifier);

// Adds the value of `variable` (canonical, as CheckVariableValue gives it)
// to the story's `answers` (by signifier key). kData when a list names an
// item its signifier does not have.
void AddSignifierAnswer(const SignifierVariable& variable, const std::string& value,
                        const std::map<std::string, Signifier>& signifiers,
                        std::map<std::string, SignifierValue>& answers);

}  // namespace verhaal

#endif  // VERHAAL_IMPORTERS_REFI_SIGNIFIERS_H_
