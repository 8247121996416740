#include "cli/progress.h"

#include <ostream>
#include <string>

namespace verhaal {

std::function<void(uint64_t done, uint64_t total)> ProgressBar(CommandContext& context) {
  if (!context.progress) return {};
  return [&context](uint64_t done, uint64_t total) {
    if (total == 0) return;
    const int percent = static_cast<int>(done * 100 / total);
    const int filled = percent / 5;
    context.err << "\r[" << std::string(static_cast<size_t>(filled), '#')
                << std::string(static_cast<size_t>(20 - filled), ' ') << "] " << percent << "%"
                << std::flush;
  };
}

void ClearProgressBar(CommandContext& context) {
  if (context.progress) context.err << "\r" << std::string(28, ' ') << "\r";
}

}  // namespace verhaal
