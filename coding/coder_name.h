// Who is coding. Every coding has a coder; the name comes from --coder, then
// the VERHAAL_CODER environment variable, then the login name.
#ifndef VERHAAL_CODING_CODER_NAME_H_
#define VERHAAL_CODING_CODER_NAME_H_

#include <optional>
#include <string>

namespace verhaal {

// The coder name to use given the --coder option (empty when not given).
// Throws a kUsage Error when no name can be found.
std::string ResolveCoderName(const std::optional<std::string>& option);

}  // namespace verhaal

#endif  // VERHAAL_CODING_CODER_NAME_H_
