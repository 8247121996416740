#include <ostream>

#include "cli/coding_options.h"
#include "cli/command.h"
#include "cli/handlers.h"
#include "corpus/text.h"

namespace verhaal {

int RunUncode(CommandContext& context) {
  CommandOptions options(
      context,
      "verhaal uncode STORY CODE (--quote TEXT [--occurrence N] | --span START:END | --whole)\n"
      "       [--coder NAME]",
      "Removes one coding made with `verhaal code`: the same story, code, coder\n"
      "and segment. The coder is --coder, else $VERHAAL_CODER, else the login\n"
      "name. It is an error when no such coding exists.",
      "  verhaal uncode SH-01-E motivatie/willen --quote \"weer iemand wil zijn\"\n"
      "  verhaal uncode SH-02-E vertrouwen --whole --coder anna");
  AddCodingOptions(options);
  if (!options.Parse()) return 0;
  const CodingRequest request = CodingRequestFromOptions(options, "uncode");
  Project project = options.OpenProject();
  Transaction transaction(project);
  const Coding removed = UncodeSegment(project, request);
  transaction.Commit();
  const Story story = RequireStory(project, request.story_key);
  context.out << "removed "
              << DescribeCoding(removed,
                                std::string(SliceCodePoints(story.text, removed.start, removed.end)))
              << "\n";
  return 0;
}

}  // namespace verhaal
