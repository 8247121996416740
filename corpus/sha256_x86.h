// Moved to base/sha256_x86.h; this header only forwards to it until
// every include names the new place.
#ifndef VERHAAL_CORPUS_SHA256_X86_H_
#define VERHAAL_CORPUS_SHA256_X86_H_

#include "base/sha256_x86.h"

#endif  // VERHAAL_CORPUS_SHA256_X86_H_
