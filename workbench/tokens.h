// Secrets of the workbench: coder tokens, session ids and CSRF values, from
// the kernel's random source (getrandom). Throws a kIo Error when it fails.
// Private to workbench/.
#ifndef VERHAAL_WORKBENCH_TOKENS_H_
#define VERHAAL_WORKBENCH_TOKENS_H_

#include <string>
#include <string_view>

namespace verhaal {

// 24 random bytes as 48 lower-case hex digits.
std::string RandomToken();

// Compares two secrets in time that does not depend on where they differ.
bool SameSecret(std::string_view a, std::string_view b);

}  // namespace verhaal

#endif  // VERHAAL_WORKBENCH_TOKENS_H_
