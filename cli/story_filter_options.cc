#include "cli/story_filter_options.h"

#include "base/error.h"

namespace verhaal {

namespace po = boost::program_options;

void AddStoryFilterOptions(CommandOptions& options) {
  options.add()("role", po::value<std::string>(), "only stories of respondents with this role")(
      "kind", po::value<std::string>(), "only stories of this kind (experience, reflection, ...)")(
      "wave", po::value<int>(), "only stories of this wave")(
      "set", po::value<std::string>()->value_name("NAME"),
      "only the stories of this story set (`verhaal sets list`)");
}

StoryFilter StoryFilterFrom(const CommandOptions& options) {
  StoryFilter filter;
  filter.role = options.Optional<std::string>("role");
  filter.kind = options.Optional<std::string>("kind");
  filter.wave = options.Optional<int>("wave");
  filter.set = options.Optional<std::string>("set");
  return filter;
}

}  // namespace verhaal
