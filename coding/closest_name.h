// Moved to base/closest_name.h; this header only forwards to it until
// every include names the new place.
#ifndef VERHAAL_CODING_CLOSEST_NAME_H_
#define VERHAAL_CODING_CLOSEST_NAME_H_

#include "base/closest_name.h"

#endif  // VERHAAL_CODING_CLOSEST_NAME_H_
