// `verhaal export FORMAT [options]`: a dispatcher over the export formats of
// export_formats.h. Add a format with one line in kFormats and a handler in
// its own file.
#include <array>

#include "base/error.h"
#include "cli/export_data.h"
#include "cli/export_formats.h"
#include "cli/handlers.h"

namespace verhaal {

std::span<const Command> ExportFormats() {
  static constexpr std::array kFormats = {
      Command{"refi", "REFI-QDA project (.qdpx) for NVivo, ATLAS.ti, MAXQDA, QualCoder",
              ExportRefi},
      Command{"codebook", "REFI-QDA codebook (.qdc) of the code tree", ExportCodebookQdc},
      Command{"stories", "one row per story: attributes, signifiers, codes (csv/sav/dta/xlsx)",
              ExportStories},
      Command{"codings", "one row per coding with its quote (csv/sav/dta/xlsx)", ExportCodings},
      Command{"respondents", "one row per respondent (csv/sav/dta/xlsx)", ExportRespondents},
      Command{"codebook-table", "one row per code with counts (csv/sav/dta/xlsx)",
              ExportCodebookTable},
      Command{"workbook", "all tables in one Excel workbook (.xlsx)", ExportWorkbook},
  };
  return kFormats;
}

int RunExport(CommandContext& context) {
  return RunSubcommand(
      context, ExportFormats(),
      {"verhaal export FORMAT [options]", "Writes the project, or part of it, in another format.",
       "  verhaal export refi -o studie.qdpx\n"
       "  verhaal export codebook -o thema's.qdc",
       "format"});
}

}  // namespace verhaal
