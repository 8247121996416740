#include <ostream>
#include <string>
#include <vector>

#include "base/error.h"
#include "base/text.h"
#include "cli/coding_options.h"
#include "cli/command.h"
#include "cli/handlers.h"
#include "coding/coder_name.h"
#include "coding/manual_coding.h"
#include "corpus/codings.h"

namespace verhaal {
namespace {

namespace po = boost::program_options;

// The request that removes the coding `show` numbers N, when it is the
// coder's own.
CodingRequest NumberedCodingRequest(Project& project, const CommandOptions& options) {
  std::vector<std::string> words;
  if (options.Has("story_and_code"))
    words = options.Get<std::vector<std::string>>("story_and_code");
  if (words.size() != 1) {
    throw UsageError("--number goes with a STORY only, e.g. `verhaal uncode SH-01-E --number 3`");
  }
  if (options.Has("quote") || options.Has("span") || options.Has("whole")) {
    throw UsageError("give --number or --quote/--span/--whole, not both");
  }
  const Story story = RequireStory(project, words[0]);
  CodingFilter filter;
  filter.story_id = story.id;
  const std::vector<Coding> codings = ListCodings(project, filter);
  const int number = options.Get<int>("number");
  if (number < 1 || number > static_cast<int>(codings.size())) {
    throw MissingError("story " + story.key + " has " + std::to_string(codings.size()) +
                       (codings.size() == 1 ? " coding" : " codings") + ", so there is no coding " +
                       std::to_string(number) + "; see them numbered with `verhaal show " +
                       story.key + "`");
  }
  const Coding& coding = codings[static_cast<size_t>(number - 1)];
  CodingRequest request;
  request.story_key = story.key;
  request.code_path = coding.code_path;
  request.coder = ResolveCoderName(options.Optional<std::string>("coder"));
  if (coding.coder != request.coder) {
    throw UsageError("coding " + std::to_string(number) + " of " + story.key + " (" +
                     coding.code_path + " " + std::to_string(coding.start) + ":" +
                     std::to_string(coding.end) + ") is " + coding.coder + "'s, not " +
                     request.coder + "'s; give --coder " + coding.coder +
                     " to remove it in their name");
  }
  request.segment.start = coding.start;
  request.segment.end = coding.end;
  return request;
}

}  // namespace

int RunUncode(CommandContext& context) {
  CommandOptions options(
      context,
      "verhaal uncode STORY CODE (--quote TEXT [--occurrence N] | --span START:END | --whole)\n"
      "       [--coder NAME]\n"
      "   or: verhaal uncode STORY --number N [--coder NAME]",
      "Removes one coding made with `verhaal code`: the same story, code, coder\n"
      "and segment, or the coding numbered N in `verhaal show STORY`. The coder\n"
      "is --coder, else $VERHAAL_CODER, else the login name; only the coder's own\n"
      "codings are removed. It is an error when no such coding exists.",
      "  verhaal uncode SH-01-E motivatie/willen --quote \"weer iemand wil zijn\"\n"
      "  verhaal uncode SH-02-E vertrouwen --whole --coder anna\n"
      "  verhaal uncode SH-01-E --number 11 --coder bram");
  AddCodingOptions(options);
  options.add()("number", po::value<int>()->value_name("N"),
                "the coding numbered N in `verhaal show STORY`");
  if (!options.Parse()) return 0;
  Project project = options.OpenProject();
  const CodingRequest request = options.Has("number") ? NumberedCodingRequest(project, options)
                                                      : CodingRequestFromOptions(options, "uncode");
  Transaction transaction(project);
  const Coding removed = UncodeSegment(project, request);
  transaction.Commit();
  const Story story = RequireStory(project, request.story_key);
  context.out << "removed "
              << DescribeCoding(
                     removed, std::string(SliceCodePoints(story.text, removed.start, removed.end)))
              << "\n";
  return 0;
}

}  // namespace verhaal
