// SHA-256 block compression with the x86 SHA extensions (SHA-NI), used by
// sha256.cc when the processor has them. Private to corpus/.
#ifndef VERHAAL_CORPUS_SHA256_X86_H_
#define VERHAAL_CORPUS_SHA256_X86_H_

#include <cstddef>
#include <cstdint>

namespace verhaal {

// Whether this processor has SHA-NI, SSSE3 and SSE4.1 (false off x86).
bool HasSha256Instructions();

// Runs the compression function over `blocks` 64-byte blocks at `data`,
// updating `state` (H0..H7) in place. Only call when
// HasSha256Instructions(); results equal the portable loop's.
void CompressSha256Blocks(uint32_t state[8], const uint8_t* data, size_t blocks);

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_SHA256_X86_H_
