#include "cli/coder_options.h"

#include <sstream>
#include <string>
#include <vector>

#include "base/error.h"

namespace verhaal {

namespace po = boost::program_options;

void AddCoderOptions(CommandOptions& options, bool each) {
  options.add()("coders", po::value<std::vector<std::string>>()->composing(),
                "whose codings count, e.g. anna,bram (default: the analysis set of `verhaal "
                "coders analysis`, else every human coder; never `rules` unless named)")(
      "combine", po::value<std::string>(),
      each ? "how several coders combine: any (default), all (consensus) or each (side by side)"
           : "how several coders combine: any (default) or all (consensus)")(
      "min-coders", po::value<int>(),
      "consensus: a code counts in a story when at least K coders used it there")(
      "speaker", po::value<std::string>(),
      "only codings in interview turns of: interviewer, respondent or a speaker's label");
}

CoderRequest CoderRequestFrom(const CommandOptions& options) {
  CoderRequest request;
  if (options.Has("coders")) {
    std::vector<std::string> names;
    for (const auto& value : options.Get<std::vector<std::string>>("coders")) {
      std::stringstream parts(value);
      std::string part;
      while (std::getline(parts, part, ',')) {
        if (!part.empty()) names.push_back(part);
      }
    }
    if (names.empty()) throw UsageError("--coders needs a coder's name, e.g. --coders anna,bram");
    request.coders = std::move(names);
  }
  request.combine = options.Optional<std::string>("combine");
  request.min_coders = options.Optional<int>("min-coders");
  request.speaker = options.Optional<std::string>("speaker");
  return request;
}

}  // namespace verhaal
