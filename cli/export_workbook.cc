// `verhaal export workbook`: every shape in one Excel workbook
// (exporters/xlsx_export.h, docs/exports.md).
#include <ostream>

#include "base/error.h"
#include "cli/export_data.h"
#include "exporters/codings_shape.h"
#include "exporters/respondents_shape.h"
#include "exporters/stories_shape.h"
#include "exporters/xlsx_export.h"

namespace po = boost::program_options;

namespace verhaal {

int ExportWorkbook(CommandContext& context) {
  CommandOptions options(context, "verhaal export workbook -o FILE.xlsx",
                         "Writes one Excel workbook with the sheets stories, codings, respondents\n"
                         "and codebook (each with a frozen header row) and a sheet variables that\n"
                         "explains every column. See docs/exports.md.",
                         "  verhaal export workbook -o statushouders.xlsx");
  options.add()("output,o", po::value<std::string>()->value_name("FILE"), "the .xlsx to write");
  if (!options.Parse()) return 0;
  if (!options.Has("output")) {
    throw UsageError(
        "export workbook needs -o FILE.xlsx; e.g. `verhaal export workbook -o "
        "studie.xlsx`");
  }
  Project project = options.OpenProject();
  // Too many codings for a sheet fails before the other sheets are built.
  auto codings = MakeCodingsShape(project);
  CheckXlsxRows({codings.get()});
  auto stories = MakeStoriesShape(project, {});
  auto respondents = MakeRespondentsShape(project);
  auto codebook = MakeCodebookShape(project);
  const std::string file = options.Get<std::string>("output");
  WriteXlsx({stories.get(), codings.get(), respondents.get(), codebook.get()}, file, context.err,
            ExportTime(project));
  context.err << "wrote " << file
              << ": sheets stories, codings, respondents, codebook and variables\n";
  return 0;
}

}  // namespace verhaal
