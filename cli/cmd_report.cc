// `verhaal report -o report.html --rows DIM --cols DIM [...]`.
#include <optional>
#include <ostream>
#include <sstream>
#include <string_view>

#include "base/error.h"
#include "cli/coder_options.h"
#include "cli/command.h"
#include "cli/handlers.h"
#include "cli/story_filter_options.h"
#include "corpus/files.h"
#include "study/report.h"

namespace po = boost::program_options;

namespace verhaal {

int RunReport(CommandContext& context) {
  CommandOptions options(
      context, "verhaal report -o FILE.html --rows DIM --cols DIM [--by DIM] [options]",
      "Writes one self-contained HTML page (no network) about the project: who\n"
      "told the stories, the matrix of --rows against --cols (per --by group) with\n"
      "its statistics in plain words, the story scatter, code frequencies,\n"
      "signifier charts, agreement between coders, and for each matrix cell and\n"
      "each code a few quotes behind the numbers. DIM as for `verhaal matrix`\n"
      "(docs/matrix.md). The matrix, code frequencies and quotes read the codings\n"
      "of the analysis set (default every human coder, never `rules`) or of\n"
      "--coders, whom the agreement section also compares; the page says whose.\n"
      "--lang nl writes it in Dutch (decimal comma), --lang en in English; by\n"
      "default the language most stories are in, else the locale's (LANG), else\n"
      "English. It prints on A4, a section a page. See docs/report.md.",
      "  verhaal report -o report.html --rows dyad:motivatie --cols dyad:stijl "
      "--by var:gemeente --role statushouder\n"
      "  verhaal report -o codes.html --rows code:motivatie@anna --cols "
      "code:communicatiestijl@anna --coders anna,bram\n"
      "  verhaal report -o rapport.html --rows dyad:motivatie --cols dyad:stijl --lang nl");
  options.add()("output,o", po::value<std::string>()->value_name("FILE"), "the HTML file")(
      "rows", po::value<std::string>(), "the matrix's row dimension (DIM)")(
      "cols", po::value<std::string>(), "the matrix's column dimension (DIM)")(
      "by", po::value<std::string>(), "one matrix per level of this dimension")(
      "x", po::value<std::string>(),
      "scatter: the slider across, a dyad key or DIM (default: --cols)")(
      "y", po::value<std::string>(), "scatter: the slider up (default: --rows)")(
      "title", po::value<std::string>(), "the page title (default: the project's name)")(
      "quotes", po::value<int>()->default_value(3), "stories quoted per matrix cell and code")(
      "lang", po::value<std::string>()->value_name("nl|en"),
      "the page's language (default: the stories' language, else the locale's)");
  AddStoryFilterOptions(options);
  AddCoderOptions(options);
  if (!options.Parse()) return 0;
  if (!options.Has("output")) throw UsageError("report needs -o FILE.html");
  if (!options.Has("rows") || !options.Has("cols")) {
    throw UsageError(
        "report needs --rows and --cols; e.g. `verhaal report -o report.html "
        "--rows dyad:motivatie --cols dyad:stijl`");
  }
  ReportOptions report;
  report.rows = options.Get<std::string>("rows");
  report.cols = options.Get<std::string>("cols");
  report.by = options.Optional<std::string>("by").value_or("");
  report.x = options.Optional<std::string>("x").value_or("");
  report.y = options.Optional<std::string>("y").value_or("");
  report.title = options.Optional<std::string>("title").value_or("");
  report.quotes = options.Get<int>("quotes");
  if (const auto lang = options.Optional<std::string>("lang")) {
    report.language = ParseLanguage(*lang);
    if (!report.language) {
      throw UsageError("--lang takes " + std::string(kLanguageCodes) + ", not '" + *lang + "'");
    }
  }
  if (report.quotes < 0) throw UsageError("--quotes must be 0 or more");
  report.filter = StoryFilterFrom(options);
  report.analysis = CoderRequestFrom(options);
  if (report.analysis.coders) report.coders = *report.analysis.coders;
  Project project = options.OpenProject();
  const std::string file = options.Get<std::string>("output");
  // Written as it is made, through a temporary file opened with the first
  // part (so the report's own errors come first): an error on the way leaves
  // no page, and the old one if there was one.
  std::optional<AtomicFileWriter> out;
  size_t bytes = 0;
  WriteReport(project, report, [&](std::string_view part) {
    if (!out) out.emplace(file);
    out->Write(part);
    bytes += part.size();
  });
  if (!out) out.emplace(file);
  out->Commit();
  context.err << "wrote " << file << " (" << bytes / 1024 << " KiB)\n";
  return 0;
}

}  // namespace verhaal
