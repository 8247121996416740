// The passphrase of a pseudonym key: from the environment variable
// VERHAAL_PASSPHRASE (for scripts), else typed at the terminal without
// echo. kUsage when neither is available.
#ifndef VERHAAL_CLI_PASSPHRASE_H_
#define VERHAAL_CLI_PASSPHRASE_H_

#include <string>

namespace verhaal {

// `confirm`: ask twice (when a new key is written) and refuse a mismatch.
std::string ReadPassphrase(bool confirm);

}  // namespace verhaal

#endif  // VERHAAL_CLI_PASSPHRASE_H_
