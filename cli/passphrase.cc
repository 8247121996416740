#include "cli/passphrase.h"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <cstdlib>

#include "base/error.h"

namespace verhaal {
namespace {

// Reads one line from the terminal `fd` with echo off.
std::string Prompt(int fd, const std::string& question) {
  (void)!::write(fd, question.data(), question.size());
  termios old{};
  const bool terminal = ::tcgetattr(fd, &old) == 0;
  if (terminal) {
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(fd, TCSAFLUSH, &quiet);
  }
  std::string line;
  char c = 0;
  while (::read(fd, &c, 1) == 1 && c != '\n') line += c;
  if (terminal) ::tcsetattr(fd, TCSAFLUSH, &old);
  (void)!::write(fd, "\n", 1);
  return line;
}

}  // namespace

std::string ReadPassphrase(bool confirm) {
  if (const char* env = std::getenv("VERHAAL_PASSPHRASE"); env && *env) return env;
  const int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
  if (fd < 0) {
    throw UsageError(
        "a passphrase is needed for the key: run in a terminal, or set VERHAAL_PASSPHRASE");
  }
  std::string passphrase = Prompt(fd, "passphrase for the key: ");
  if (confirm && !passphrase.empty()) {
    const std::string again = Prompt(fd, "the same passphrase again: ");
    if (again != passphrase) {
      ::close(fd);
      throw UsageError("the two passphrases differ; nothing was written");
    }
  }
  ::close(fd);
  if (passphrase.empty()) throw UsageError("the passphrase is empty; nothing was written");
  return passphrase;
}

}  // namespace verhaal
