// verhaal: the command-line program. All work happens in RunCli and the
// command handlers over the library.
#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "cli/command.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv, argv + argc);
  const int code = verhaal::RunCli(args, std::cout, std::cerr, ::isatty(STDERR_FILENO) != 0);
  std::cout.flush();
  return code;
}
