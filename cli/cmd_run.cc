// `verhaal run [study.yaml]`: the whole study from its manifest.
#include <filesystem>
#include <ostream>

#include "base/error.h"
#include "cli/command.h"
#include "cli/handlers.h"
#include "corpus/clock.h"
#include "study/manifest.h"
#include "study/study_run.h"

namespace verhaal {
namespace {

namespace fs = std::filesystem;

std::string Shown(const fs::path& path) {
  std::error_code ec;
  const fs::path relative = fs::proximate(path, ec);
  return ec ? path.string() : relative.string();
}

}  // namespace

int RunRun(CommandContext& context) {
  CommandOptions options(
      context, "verhaal run [STUDY.yaml]",
      "Carries out a study manifest (docs/study.md): creates or updates the project,\n"
      "imports the sources with their mappings, loads the codebook, autocodes,\n"
      "applies the manual codings, then writes the exports into the output folder\n"
      "(matrix, scatter, CSV/SPSS/Stata/XLSX, REFI-QDA, agreement, HTML report).\n"
      "The project steps run on a copy that replaces the project only when all of\n"
      "them succeed, so a failing step leaves the project as it was. Running it\n"
      "again changes nothing and says so. Without STUDY.yaml: ./study.yaml; with\n"
      "-p FILE: that project file instead of the manifest's.",
      "  verhaal run examples/statushouders/study.yaml\n"
      "  verhaal run examples/statushouders/study.yaml --out out/statushouders\n"
      "  verhaal run   # the study.yaml in the current folder");
  options.add()("out", boost::program_options::value<std::string>()->value_name("DIR"),
                "put the project file and the outputs in DIR instead of where the manifest "
                "says");
  options.Positional("manifest");
  if (!options.Parse()) return 0;
  const fs::path file = options.Has("manifest")
                            ? fs::path(options.Get<std::vector<std::string>>("manifest").front())
                            : fs::path("study.yaml");
  if (!options.Has("manifest") && !fs::exists(file)) {
    throw MissingError(
        "no study.yaml in the current folder; name the manifest, e.g. "
        "`verhaal run examples/statushouders/study.yaml`");
  }
  SourceDateEpoch();  // a malformed SOURCE_DATE_EPOCH fails before any step (kUsage)
  StudyManifest study = LoadStudyManifest(file);
  if (options.Has("out")) {
    const fs::path out = options.Get<std::string>("out");
    study.project = out / study.project.filename();
    for (auto& entry : study.exports) {
      entry.file = out / entry.file.lexically_relative(study.output_folder);
    }
    study.output_folder = out;
  }
  // -p (before or after the command) names another project file.
  if (options.Has("project")) {
    study.project = options.Get<std::string>("project");
  } else if (context.global_project) {
    study.project = *context.global_project;
  }
  StudyRunReport report = RunProjectSteps(study, context.err);
  WriteStudyOutputs(study, report, context.err);

  int written = 0;
  for (const auto& output : report.outputs) written += output.state == OutputState::kWritten;
  context.out << "study: " << study.name << "\n";
  context.out << "project: " << Shown(study.project) << " ("
              << (report.project_created   ? "created"
                  : report.project_changed ? "updated"
                                           : "unchanged")
              << ")\n";
  context.out << "outputs: " << Shown(study.output_folder) << "/ (" << written << " of "
              << report.outputs.size() << " written"
              << (written == 0 && !report.project_changed ? "; nothing changed" : "") << ")\n";
  for (const auto& output : report.outputs) {
    if (output.file.extension() == ".html") {
      context.out << "open " << Shown(output.file) << " in a browser\n";
    }
  }
  return 0;
}

}  // namespace verhaal
