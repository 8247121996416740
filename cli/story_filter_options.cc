#include "cli/story_filter_options.h"

#include "corpus/error.h"

namespace verhaal {

namespace po = boost::program_options;

void AddStoryFilterOptions(CommandOptions& options) {
  options.add()("role", po::value<std::string>(), "only stories of respondents with this role")(
      "kind", po::value<std::string>(), "only stories of this kind (experience, reflection, ...)")(
      "wave", po::value<int>(), "only stories of this wave");
}

StoryFilter StoryFilterFrom(const CommandOptions& options) {
  StoryFilter filter;
  filter.role = options.Optional<std::string>("role");
  filter.kind = options.Optional<std::string>("kind");
  filter.wave = options.Optional<int>("wave");
  return filter;
}

}  // namespace verhaal
