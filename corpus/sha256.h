// Moved to base/sha256.h; this header only forwards to it until
// every include names the new place.
#ifndef VERHAAL_CORPUS_SHA256_H_
#define VERHAAL_CORPUS_SHA256_H_

#include "base/sha256.h"

#endif  // VERHAAL_CORPUS_SHA256_H_
