#include <ostream>

#include "base/error.h"
#include "base/text.h"
#include "cli/coding_options.h"
#include "cli/command.h"
#include "cli/handlers.h"
#include "coding/coder_name.h"
#include "importers/byte_source.h"
#include "importers/codings_csv.h"

namespace verhaal {

namespace po = boost::program_options;

int RunCode(CommandContext& context) {
  CommandOptions options(
      context,
      "verhaal code STORY CODE (--quote TEXT [--occurrence N] | --span START:END | --whole)\n"
      "       [--coder NAME] [--memo TEXT]\n"
      "   or: verhaal code --from FILE.csv [--coder NAME]",
      "Codes a segment of a story by hand. --quote takes the exact text (it must\n"
      "occur once in the story, or pick one with --occurrence); --span counts\n"
      "characters (code points) from 0, end exclusive; --whole codes the story.\n"
      "Overlapping and nested codings are fine; coding the same segment twice is\n"
      "reported and stored once. The coder is --coder, else $VERHAAL_CODER, else\n"
      "the login name. --from applies a CSV of codings (columns story, code,\n"
      "coder, quote or start,end, memo; docs/codings-csv.md) in one transaction.",
      "  verhaal code SH-01-E motivatie/willen --quote \"weer iemand wil zijn\"\n"
      "  verhaal code SH-02-E vertrouwen --whole --coder anna --memo \"hele verhaal\"\n"
      "  verhaal code --from examples/statushouders/codings.csv");
  AddCodingOptions(options);
  options.add()("memo", po::value<std::string>(), "a note with the coding")(
      "from", po::value<std::string>(), "apply the codings in this CSV file");
  if (!options.Parse()) return 0;
  Project project = options.OpenProject();
  if (auto file = options.Optional<std::string>("from")) {
    if (options.Has("story_and_code") || options.Has("quote") || options.Has("span") ||
        options.Has("whole")) {
      throw UsageError(
          "--from takes the codings from the file; leave out STORY, CODE and the "
          "segment");
    }
    CodingsCsvOptions csv;
    csv.default_coder = ResolveCoderName(options.Optional<std::string>("coder"));
    Transaction transaction(project);
    const CodingsCsvResult result = ImportCodingsCsv(project, OpenFileSource(*file), *file, csv);
    transaction.Commit();
    context.out << "applied " << *file << ": " << result.added
                << (result.added == 1 ? " coding added" : " codings added");
    if (result.duplicates > 0) context.out << ", " << result.duplicates << " already there";
    context.out << "\n";
    return 0;
  }
  CodingRequest request = CodingRequestFromOptions(options, "code");
  if (auto memo = options.Optional<std::string>("memo")) request.memo = *memo;
  Transaction transaction(project);
  const CodingResult result = CodeSegment(project, request);
  transaction.Commit();
  const Story story = RequireStory(project, request.story_key);
  const std::string quote(SliceCodePoints(story.text, result.coding.start, result.coding.end));
  if (result.added) {
    context.out << "coded " << DescribeCoding(result.coding, quote) << "\n";
  } else {
    context.err << "already coded, not stored twice: " << DescribeCoding(result.coding, quote)
                << "\n";
  }
  return 0;
}

}  // namespace verhaal
