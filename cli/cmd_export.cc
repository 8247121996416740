// `verhaal export FORMAT [options]`: a dispatcher over the export formats of
// export_formats.h. Add a format with one line in kFormats and a handler in
// its own file.
#include <algorithm>
#include <array>
#include <ostream>
#include <vector>

#include "cli/edit_distance.h"
#include "cli/export_data.h"
#include "cli/export_formats.h"
#include "cli/handlers.h"
#include "corpus/error.h"

namespace verhaal {

std::span<const ExportFormat> ExportFormats() {
  static constexpr std::array kFormats = {
      ExportFormat{"refi", "REFI-QDA project (.qdpx) for NVivo, ATLAS.ti, MAXQDA, QualCoder",
                   ExportRefi},
      ExportFormat{"codebook", "REFI-QDA codebook (.qdc) of the code tree", ExportCodebookQdc},
      ExportFormat{"stories", "one row per story: attributes, signifiers, codes (csv/sav/dta/xlsx)",
                   ExportStories},
      ExportFormat{"codings", "one row per coding with its quote (csv/sav/dta/xlsx)",
                   ExportCodings},
      ExportFormat{"respondents", "one row per respondent (csv/sav/dta/xlsx)", ExportRespondents},
      ExportFormat{"codebook-table", "one row per code with counts (csv/sav/dta/xlsx)",
                   ExportCodebookTable},
      ExportFormat{"workbook", "all tables in one Excel workbook (.xlsx)", ExportWorkbook},
  };
  return kFormats;
}

namespace {

void PrintExportHelp(std::ostream& out) {
  out << "usage: verhaal export FORMAT [options]\n\n"
         "Writes the project, or part of it, in another format. `verhaal export FORMAT\n"
         "--help` shows a format's options.\n\nformats:\n";
  size_t width = 0;
  for (const auto& f : ExportFormats()) width = std::max(width, f.name.size());
  for (const auto& f : ExportFormats()) {
    out << "  " << f.name << std::string(width - f.name.size() + 2, ' ') << f.summary << '\n';
  }
  out << "\nexample:\n  verhaal export refi -o studie.qdpx\n"
         "  verhaal export codebook -o thema's.qdc\n";
}

}  // namespace

int RunExport(CommandContext& context) {
  if (context.args.empty() || context.args[0] == "--help" || context.args[0] == "-h") {
    PrintExportHelp(context.args.empty() ? context.err : context.out);
    return context.args.empty() ? static_cast<int>(ErrorKind::kUsage) : 0;
  }
  const std::string format = context.args[0];
  const auto formats = ExportFormats();
  const auto found = std::find_if(formats.begin(), formats.end(),
                                  [&](const ExportFormat& f) { return f.name == format; });
  if (found == formats.end()) {
    std::vector<std::string> names;
    for (const auto& f : formats) names.emplace_back(f.name);
    const std::string near = ClosestMatch(format, names);
    std::string all;
    for (const auto& name : names) all += (all.empty() ? "" : ", ") + name;
    throw UsageError("unknown export format '" + format + "'" +
                     (near.empty() ? "" : "; did you mean '" + near + "'?") + " Formats: " + all +
                     ".");
  }
  CommandContext inner{context.name + " " + format,
                       std::vector<std::string>(context.args.begin() + 1, context.args.end()),
                       context.global_project,
                       context.out,
                       context.err,
                       context.progress,
                       context.opened_project};
  return found->run(inner);
}

}  // namespace verhaal
