// The story filters shared by the analysis commands (matrix, scatter,
// summary, report, scatter, stories list): --role, --kind, --wave, --set.
#ifndef VERHAAL_CLI_STORY_FILTER_OPTIONS_H_
#define VERHAAL_CLI_STORY_FILTER_OPTIONS_H_

#include <string>

#include "cli/command.h"
#include "coding/dimension.h"
#include "corpus/stories.h"

namespace verhaal {

// Adds --role, --kind, --wave and --set to `options`.
void AddStoryFilterOptions(CommandOptions& options);

// The StoryFilter the parsed options ask for.
StoryFilter StoryFilterFrom(const CommandOptions& options);

}  // namespace verhaal

#endif  // VERHAAL_CLI_STORY_FILTER_OPTIONS_H_
