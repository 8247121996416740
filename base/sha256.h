// SHA-256 (FIPS 180-4), used for content hashes of stored texts so that
// merges and re-imports can tell identical texts from changed ones.
#ifndef VERHAAL_BASE_SHA256_H_
#define VERHAAL_BASE_SHA256_H_

#include <string>
#include <string_view>

namespace verhaal {

// Lower-case hex digest of `data`.
std::string Sha256Hex(std::string_view data);

// A GUID derived from `kind` and `key` (the first 128 bits of the SHA-256 of
// "verhaal:KIND:KEY" in the version-5 layout, upper case, 8-4-4-4-12): the
// same inputs give the same GUID on every machine and in every run.
std::string NameBasedGuid(std::string_view kind, std::string_view key);

}  // namespace verhaal

#endif  // VERHAAL_BASE_SHA256_H_
