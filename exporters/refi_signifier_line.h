// The last line of a signifier variable's Description in `export refi`:
// `verhaal: ` and the whole signifier definition as compact JSON, so that
// `import refi` gets back exactly what the human-readable part above it only
// approximates (docs/refi-qda.md, issue 25). Private to exporters/.
#ifndef VERHAAL_EXPORTERS_REFI_SIGNIFIER_LINE_H_
#define VERHAAL_EXPORTERS_REFI_SIGNIFIER_LINE_H_

#include <string>

#include "corpus/signifiers.h"

namespace verhaal {

// `verhaal: {"key":...,"type":...,...}`: key and type always, the other
// fields (title, multiple, x_low, x_high, y_low, y_high, source, options with
// each option's key and label) when not empty or false. No newline.
std::string RefiSignifierLine(const Signifier& signifier);

}  // namespace verhaal

#endif  // VERHAAL_EXPORTERS_REFI_SIGNIFIER_LINE_H_
