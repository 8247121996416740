#include "coding/coder_name.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

#include "base/error.h"

namespace verhaal {

std::string ResolveCoderName(const std::optional<std::string>& option) {
  if (option && !option->empty()) return *option;
  if (const char* env = std::getenv("VERHAAL_CODER"); env != nullptr && *env != '\0') return env;
  if (const passwd* user = getpwuid(geteuid()); user != nullptr && user->pw_name != nullptr) {
    return user->pw_name;
  }
  if (const char* login = getlogin(); login != nullptr) return login;
  throw UsageError("no coder name: give --coder NAME or set VERHAAL_CODER");
}

}  // namespace verhaal
