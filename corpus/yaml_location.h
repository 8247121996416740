// Moved to base/yaml_location.h; this header only forwards to it until
// every include names the new place.
#ifndef VERHAAL_CORPUS_YAML_LOCATION_H_
#define VERHAAL_CORPUS_YAML_LOCATION_H_

#include "base/yaml_location.h"

#endif  // VERHAAL_CORPUS_YAML_LOCATION_H_
