// Moved to base/text.h; this header only forwards to it until
// every include names the new place.
#ifndef VERHAAL_CORPUS_TEXT_H_
#define VERHAAL_CORPUS_TEXT_H_

#include "base/text.h"

#endif  // VERHAAL_CORPUS_TEXT_H_
