// `verhaal export codings`: the long table, one row per coding
// (exporters/codings_shape.h, docs/exports.md).
#include "cli/export_data.h"
#include "exporters/codings_shape.h"

namespace po = boost::program_options;

namespace verhaal {

int ExportCodings(CommandContext& context) {
  CommandOptions options(
      context, "verhaal export codings [-o FILE] [--format csv|sav|dta|xlsx] [--coder NAME]",
      "Writes one row per coding: story, respondent, role, code path, coder,\n"
      "start and end (code points), the quoted text, memo, origin and when it\n"
      "was made. See docs/exports.md.",
      "  verhaal export codings -o coderingen.csv\n"
      "  verhaal export codings --coder anna -o anna.xlsx");
  AddDataExportOptions(options);
  options.add()("coder", po::value<std::string>()->value_name("NAME"), "only this coder's codings");
  if (!options.Parse()) return 0;
  Project project = options.OpenProject();
  auto source = MakeCodingsShape(project, options.Optional<std::string>("coder"));
  WriteDataExport(context, options, *source, project);
  return 0;
}

}  // namespace verhaal
