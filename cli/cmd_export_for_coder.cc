#include <filesystem>
#include <ostream>
#include <string>

#include "base/error.h"
#include "cli/command.h"
#include "cli/handlers.h"
#include "cli/staged_file.h"
#include "corpus/backup.h"
#include "corpus/codes.h"
#include "corpus/stories.h"

namespace po = boost::program_options;

namespace verhaal {

int RunExportForCoder(CommandContext& context) {
  CommandOptions options(
      context, "verhaal export-for-coder --coder NAME -o FILE.verhaal",
      "Makes a blind copy of the project for one coder: every story, respondent,\n"
      "signifier value and the codebook, but no one else's codings, coders or memos\n"
      "(the coder's own codings stay). The file is compacted so removed codings leave\n"
      "no trace in it. Merge the coded copies back with `verhaal merge`.",
      "  verhaal export-for-coder --coder bram -o bram.verhaal");
  options.add()("coder", po::value<std::string>(), "the coder the copy is for")(
      "output,o", po::value<std::string>()->value_name("FILE"), "the new project file");
  if (!options.Parse()) return 0;
  if (!options.Has("coder") || options.Get<std::string>("coder").empty()) {
    throw UsageError(
        "export-for-coder needs --coder NAME; e.g. `verhaal export-for-coder "
        "--coder bram -o bram.verhaal`");
  }
  if (!options.Has("output")) {
    throw UsageError("export-for-coder needs -o FILE.verhaal, the copy to create");
  }
  const std::string coder = options.Get<std::string>("coder");
  const std::filesystem::path output = options.Get<std::string>("output");
  if (output.extension() != ".verhaal") {
    throw UsageError("project files end in .verhaal; use " + output.string() + ".verhaal");
  }
  Project project = options.OpenProject();
  StagedFile staged(output);
  BackupProject(project, staged.temporary());
  TrimCounts removed;
  int64_t stories = 0, codes = 0;
  {
    Project copy = Project::Open(staged.temporary());
    {
      Transaction transaction(copy);
      removed = KeepOnlyCoder(copy, coder);
      transaction.Commit();
    }
    CompactProject(copy);
    stories = CountStories(copy);
    codes = static_cast<int64_t>(ListCodes(copy).size());
  }
  staged.Publish();
  context.out << "created " << output.string() << " for " << coder << ": " << stories
              << " stories, " << codes << " codes; left out " << removed.codings << " codings by "
              << removed.coders << " other coders and " << removed.memos << " of their memos\n";
  return 0;
}

}  // namespace verhaal
