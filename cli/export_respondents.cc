// `verhaal export respondents` and `verhaal export codebook-table`: the
// small tables (exporters/respondents_shape.h, docs/exports.md).
#include "cli/export_data.h"
#include "exporters/respondents_shape.h"

namespace verhaal {

int ExportRespondents(CommandContext& context) {
  CommandOptions options(context,
                         "verhaal export respondents [-o FILE] [--format csv|sav|dta|xlsx]",
                         "Writes one row per respondent: key, role, number of stories and the\n"
                         "respondent attributes. See docs/exports.md.",
                         "  verhaal export respondents -o respondenten.sav");
  AddDataExportOptions(options);
  if (!options.Parse()) return 0;
  Project project = options.OpenProject();
  auto source = MakeRespondentsShape(project);
  WriteDataExport(context, options, *source, project);
  return 0;
}

int ExportCodebookTable(CommandContext& context) {
  CommandOptions options(context,
                         "verhaal export codebook-table [-o FILE] [--format csv|sav|dta|xlsx]",
                         "Writes one row per code: path, name, level, description, inclusion and\n"
                         "exclusion criteria, flags, and how many codings and stories it has.\n"
                         "(`verhaal export codebook` writes the REFI-QDA .qdc instead.) See\n"
                         "docs/exports.md.",
                         "  verhaal export codebook-table -o codes.xlsx");
  AddDataExportOptions(options);
  if (!options.Parse()) return 0;
  Project project = options.OpenProject();
  auto source = MakeCodebookShape(project);
  WriteDataExport(context, options, *source, project);
  return 0;
}

}  // namespace verhaal
