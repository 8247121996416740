// Signifiers in a REFI-QDA project: `export refi` writes each signifier's
// answers as story variables named signifier:KEY..., with the signifier's
// title, type and poles or labels in the Variable's Description
// (docs/refi-qda.md). These functions read such variables back into
// signifier definitions and answers, so that a round trip keeps them.
// Private to importers/.
#ifndef VERHAAL_IMPORTERS_REFI_SIGNIFIERS_H_
#define VERHAAL_IMPORTERS_REFI_SIGNIFIERS_H_

#include <map>
#include <optional>
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

// Reads a <Variable> by its name and Description as `export refi` wrote it,
// adding what it says of its signifier to `signifiers` (by key). Nothing when
// the variable is not one of those (it is then an ordinary variable).
std::optional<SignifierVariable> ReadSignifierVariable(
    const std::string& name, const std::string& description,
    std::map<std::string, Signifier>& signifiers);

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
