// Moved to base/yaml_check.h; this header only forwards to it until
// every include names the new place.
#ifndef VERHAAL_CODING_YAML_CHECK_H_
#define VERHAAL_CODING_YAML_CHECK_H_

#include "base/yaml_check.h"

#endif  // VERHAAL_CODING_YAML_CHECK_H_
