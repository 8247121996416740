// `verhaal export stories`: the wide table, one row per story
// (exporters/stories_shape.h, docs/exports.md).
#include "base/error.h"
#include "cli/coder_options.h"
#include "cli/export_data.h"
#include "exporters/stories_shape.h"

namespace po = boost::program_options;

namespace verhaal {

int ExportStories(CommandContext& context) {
  CommandOptions options(
      context, "verhaal export stories [-o FILE] [--format csv|sav|dta|xlsx] [options]",
      "Writes one row per story: key, respondent, role, kind, wave, date, the\n"
      "story and respondent attributes, the signifier answers (dyad x and its\n"
      "fifth; triad proportions, x/y and zone; stones x/y; list items as 0/1\n"
      "columns) and per code a 0/1 presence column c_<code> and a count column\n"
      "n_<code> (a code counts its subcodes' codings too). Variable names suit\n"
      "SPSS, Stata and R; the labels keep the full code paths and questions.\n"
      "CSV cells a spreadsheet would execute (=, +, -, @) get a leading '.\n"
      "Code columns count the analysis set's codings (default every human coder,\n"
      "never `rules`), or --coders'; each c_ column's label says whose.\n"
      "See docs/exports.md.",
      "  verhaal export stories -o verhalen.sav\n"
      "  verhaal export stories -o verhalen.sav --syntax   # also verhalen.sps, for verhalen.csv\n"
      "  verhaal export stories -o verhalen.sav --codebook-doc verhalen.md   # every variable\n"
      "  verhaal export stories --format csv --excel --locale nl -o verhalen.csv\n"
      "  verhaal export stories --coder anna --role statushouder -o anna.dta\n"
      "  verhaal export stories --with-text --no-codes -o verhalen.xlsx");
  AddDataExportOptions(options);
  options.add()("coder", po::value<std::string>()->value_name("NAME"),
                "count only this coder's codings")(
      "consensus", "a code is present only when every coder of the story applied it")(
      "list-as-text", "a multiple-choice list as one column \"item; item\"")(
      "no-codes", "leave out the code columns")(
      "with-text", "add the story text and its length in characters (text, text_length)")(
      "role", po::value<std::string>(), "only stories of respondents with this role")(
      "kind", po::value<std::string>(), "only stories of this kind")("wave", po::value<int>(),
                                                                     "only stories of this wave")(
      "set", po::value<std::string>()->value_name("NAME"),
      "only the stories of this story set (`verhaal sets list`)");
  AddCoderOptions(options);
  if (!options.Parse()) return 0;
  if (options.Has("coder") && options.Has("consensus")) {
    throw UsageError("give --coder or --consensus, not both");
  }
  if (options.Has("coder") && options.Has("coders")) {
    throw UsageError("give --coder or --coders, not both");
  }
  StoriesShapeOptions shape;
  shape.filter.role = options.Optional<std::string>("role");
  shape.filter.kind = options.Optional<std::string>("kind");
  shape.filter.wave = options.Optional<int>("wave");
  shape.filter.set = options.Optional<std::string>("set");
  shape.coder = options.Optional<std::string>("coder");
  shape.coders = CoderRequestFrom(options);
  shape.count = options.Has("consensus") ? CodingCount::kConsensus : CodingCount::kAll;
  shape.list_as_one_column = options.Has("list-as-text");
  shape.codes = !options.Has("no-codes");
  shape.text = options.Has("with-text");
  Project project = options.OpenProject();
  auto source = MakeStoriesShape(project, shape);
  WriteDataExport(context, options, *source, project);
  return 0;
}

}  // namespace verhaal
