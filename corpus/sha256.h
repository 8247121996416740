// SHA-256 (FIPS 180-4), used for content hashes of stored texts so that
// merges and re-imports can tell identical texts from changed ones.
#ifndef VERHAAL_CORPUS_SHA256_H_
#define VERHAAL_CORPUS_SHA256_H_

#include <string>
#include <string_view>

namespace verhaal {

// Lower-case hex digest of `data`.
std::string Sha256Hex(std::string_view data);

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_SHA256_H_
