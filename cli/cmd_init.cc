#include <filesystem>
#include <ostream>

#include "base/error.h"
#include "cli/command.h"
#include "cli/handlers.h"
#include "corpus/project.h"

namespace verhaal {

int RunInit(CommandContext& context) {
  CommandOptions options(context, "verhaal init FILE [--name NAME]",
                         "Creates a new, empty project file (an SQLite database).",
                         "  verhaal init statushouders.verhaal --name \"Statushouders 2025\"");
  options.add()("name", boost::program_options::value<std::string>(),
                "the study's name (default: the file name)");
  options.Positional("file");
  if (!options.Parse()) return 0;
  if (!options.Has("file"))
    throw UsageError("init needs a FILE; e.g. `verhaal init study.verhaal`");
  std::filesystem::path file = options.Get<std::vector<std::string>>("file").front();
  if (file.extension() != ".verhaal") {
    throw UsageError("project files end in .verhaal; use " + file.string() + ".verhaal");
  }
  const std::string name =
      options.Has("name") ? options.Get<std::string>("name") : file.stem().string();
  Project project = Project::Create(file, name);
  context.out << "created " << file.string() << " (" << name << ", schema "
              << project.schema_version() << ")\n";
  return 0;
}

}  // namespace verhaal
