#include <array>
#include <map>
#include <ostream>

#include "base/error.h"
#include "cli/command.h"
#include "cli/handlers.h"
#include "coding/codebook.h"
#include "coding/codebook_sync.h"
#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/files.h"
#include "exporters/table.h"

namespace verhaal {
namespace {

namespace po = boost::program_options;

Table ChangeTable(const std::vector<CodebookChange>& changes) {
  Table table{{"change", "code", "codings", "detail"}, {}, {false, false, true, false}};
  for (const auto& c : changes) {
    table.AddRow(
        {std::string(CodebookChangeName(c.kind)), c.path, std::to_string(c.codings), c.detail});
  }
  return table;
}

int Load(CommandContext& context, bool preview) {
  const std::string verb = preview ? "diff" : "load";
  CommandOptions options(
      context,
      "verhaal codebook " + verb + " FILE" + (preview ? "" : " [--retire]") +
          " [--format text|csv|json|md]",
      preview ? "Shows what `codebook load FILE` would change in the project's codes,\n"
                "without changing anything: additions, updates, renames (was:), merges\n"
                "(merge_into:), deletions of unused codes, and used codes the file drops\n"
                "(refused unless load gets --retire). Format: docs/codebook.md."
              : "Brings the project's codes in line with a codebook file, in one\n"
                "transaction: new codes are added, changed fields updated, renames (was:)\n"
                "and merges (merge_into:) carried out without losing a coding. Codes the\n"
                "file drops are deleted when unused; used ones are refused unless --retire\n"
                "keeps them, marked retired. Format: docs/codebook.md.",
      preview ? "  verhaal codebook diff examples/statushouders/codebook.yaml"
              : "  verhaal codebook load examples/statushouders/codebook.yaml\n"
                "  verhaal codebook load codebook.yaml --retire");
  options.add()("format", po::value<std::string>()->default_value("text"), "text, csv, json or md");
  if (!preview) options.add()("retire", "keep used codes the file drops, marked retired");
  options.Positional("file");
  if (!options.Parse()) return 0;
  if (!options.Has("file")) {
    throw UsageError("codebook " + verb + " needs a FILE; e.g. `verhaal codebook " + verb +
                     " codebook.yaml`");
  }
  const TableFormat format = ParseTableFormat(options.Get<std::string>("format"));
  const Codebook codebook = ReadCodebookFile(options.Get<std::vector<std::string>>("file").front());
  Project project = options.OpenProject();
  CodebookSyncOptions sync;
  sync.retire = options.Has("retire");
  sync.preview = preview;
  std::vector<CodebookChange> changes;
  {
    Transaction transaction(project);
    changes = SyncCodebook(project, codebook, sync);
    if (!preview) transaction.Commit();
  }
  if (changes.empty()) {
    context.err << "the project's codes already match " << codebook.file << "\n";
    return 0;
  }
  WriteTable(context.out, ChangeTable(changes), format);
  if (format == TableFormat::kText) {
    context.err << changes.size() << (changes.size() == 1 ? " change" : " changes")
                << (preview ? " would be made" : " made") << "\n";
  }
  return 0;
}

int Show(CommandContext& context) {
  CommandOptions options(context, "verhaal codebook show [--format text|csv|json|md]",
                         "Prints the project's code tree with the number of codings of each\n"
                         "code and of the code with its sub-codes.",
                         "  verhaal codebook show\n  verhaal codebook show --format csv");
  options.add()("format", po::value<std::string>()->default_value("text"), "text, csv, json or md");
  if (!options.Parse()) return 0;
  const TableFormat format = ParseTableFormat(options.Get<std::string>("format"));
  Project project = options.OpenProject();
  const std::vector<Code> codes = ListCodes(project);
  std::map<int64_t, int64_t> own;
  for (const auto& [code_id, count] : CountCodingsByCode(project, std::nullopt))
    own[code_id] = count;
  std::map<int64_t, int64_t> total;
  std::map<int64_t, int> depth;
  for (auto it = codes.rbegin(); it != codes.rend(); ++it) {  // children first
    total[it->id] += own[it->id];
    if (it->parent_id) total[*it->parent_id] += total[it->id];
  }
  Table table{{"code", "codings", "with sub-codes", "notes", "description"},
              {},
              {false, true, true, false, false}};
  for (const Code& c : codes) {
    depth[c.id] = c.parent_id ? depth[*c.parent_id] + 1 : 0;
    std::string notes;
    auto note = [&notes](const char* n) { notes += (notes.empty() ? "" : ", ") + std::string(n); };
    if (c.dimension) note("dimension");
    if (!c.codable) note("not codable");
    if (c.retired) note("retired");
    if (!c.rules.empty()) note("rules");
    std::string description = c.description;
    if (format == TableFormat::kText && description.size() > 60) {
      size_t cut = 57;
      while (cut > 0 && (static_cast<unsigned char>(description[cut]) & 0xC0) == 0x80) --cut;
      description = description.substr(0, cut) + "...";
    }
    const std::string name =
        format == TableFormat::kText ? std::string(2 * depth[c.id], ' ') + c.name : c.path;
    table.AddRow(
        {name, std::to_string(own[c.id]), std::to_string(total[c.id]), notes, description});
  }
  WriteTable(context.out, table, format);
  return 0;
}

int Export(CommandContext& context) {
  CommandOptions options(context, "verhaal codebook export [-o FILE]",
                         "Writes the project's codes as codebook YAML (docs/codebook.md), with\n"
                         "GUIDs and retired codes, so that `codebook load` reads it back.",
                         "  verhaal codebook export -o codebook.yaml");
  options.add()("output,o", po::value<std::string>(), "write to FILE instead of stdout");
  if (!options.Parse()) return 0;
  Project project = options.OpenProject();
  const std::string yaml = ExportCodebook(project);
  if (auto file = options.Optional<std::string>("output")) {
    WriteWholeFile(*file, yaml);
    context.err << "wrote " << *file << "\n";
  } else {
    context.out << yaml;
  }
  return 0;
}

int LoadCodebook(CommandContext& context) { return Load(context, false); }
int DiffCodebook(CommandContext& context) { return Load(context, true); }

}  // namespace

std::span<const Command> CodebookSubcommands() {
  static constexpr std::array kSubcommands = {
      Command{"load", "bring the codes in line with a YAML codebook (FILE [--retire])",
              LoadCodebook},
      Command{"diff", "preview what load would change", DiffCodebook},
      Command{"show", "the code tree with coding counts", Show},
      Command{"export", "write the codes back as YAML ([-o FILE])", Export},
  };
  return kSubcommands;
}

int RunCodebook(CommandContext& context) {
  return RunSubcommand(context, CodebookSubcommands(),
                       {"verhaal codebook SUBCOMMAND [options]",
                        "Works with the project's codebook (format: docs/codebook.md).",
                        "  verhaal codebook load examples/statushouders/codebook.yaml\n"
                        "  verhaal codebook show"});
}

}  // namespace verhaal
