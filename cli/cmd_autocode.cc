#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "base/error.h"
#include "base/text.h"
#include "cli/command.h"
#include "cli/handlers.h"
#include "cli/progress.h"
#include "coding/autocode.h"
#include "coding/project_rules.h"
#include "coding/rules_match.h"
#include "exporters/table.h"
#include "study/rule_review.h"

namespace verhaal {
namespace {

namespace po = boost::program_options;

// Code points of context shown on each side of a hit.
constexpr uint32_t kContext = 40;

std::string OneLine(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c == '\n' || c == '\t') c = ' ';
  }
  return out;
}

// "...left [match] right..." around the matched words.
std::string KeywordInContext(const std::string& text, const RuleHit& hit) {
  const uint32_t length = static_cast<uint32_t>(CodePointCount(text));
  const uint32_t from = hit.match_start > kContext ? hit.match_start - kContext : 0;
  const uint32_t to = std::min(length, hit.match_end + kContext);
  std::string out = from > 0 ? "..." : "";
  out += OneLine(SliceCodePoints(text, from, hit.match_start));
  out += "[" + OneLine(SliceCodePoints(text, hit.match_start, hit.match_end)) + "]";
  out += OneLine(SliceCodePoints(text, hit.match_end, to));
  if (to < length) out += "...";
  return out;
}

// Each rule's codings and the decisions on them made in the workbench's
// Rules view (study/rule_review.h), with its precision (accepted / reviewed).
void WriteReviewStats(CommandContext& context, Project& project, TableFormat format) {
  Table table{{"code", "rule", "codings", "accepted", "rejected", "precision"},
              {},
              {false, false, true, true, true, true}};
  for (const RulePrecision& rule : RulePrecisions(project, Viewer{})) {
    char precision[32] = "";
    if (rule.precision) std::snprintf(precision, sizeof precision, "%.3f", *rule.precision);
    table.AddRow({rule.code, rule.rule, std::to_string(rule.codings), std::to_string(rule.accepted),
                  std::to_string(rule.rejected), precision});
  }
  WriteTable(context.out, table, format);
}

}  // namespace

int RunAutocode(CommandContext& context) {
  CommandOptions options(
      context,
      "verhaal autocode [--coder NAME] [--codes PATH...] [--dry-run [--count]] [--explain]\n"
      "       [--review-stats]",
      "Codes the stories by the autocoding rules of the codebook's codes (see\n"
      "docs/autocoding.md): terms and phrases ignoring case and diacritics, Dutch or\n"
      "English stems, wildcards, gaps, near, not, regular expressions. All rules run\n"
      "in one scan per story, in parallel. The codings belong to --coder (default\n"
      "'rules') with origin rule:<name>; running again replaces that coder's rule\n"
      "codings in one transaction and reports what was added and removed per code.\n"
      "--dry-run shows the hits in context instead of writing; --count only counts\n"
      "them; --explain shows what each rule compiled to. --review-stats shows each\n"
      "rule's codings (of the coder 'rules'), how many were accepted and rejected in\n"
      "the workbench's Rules view, and its precision (accepted / reviewed).",
      "  verhaal autocode --dry-run --codes motivatie\n"
      "  verhaal autocode --dry-run --count\n"
      "  verhaal autocode --coder rules\n"
      "  verhaal autocode --review-stats");
  options.add()("coder", po::value<std::string>()->default_value("rules"),
                "the coder the rule codings belong to")(
      "codes", po::value<std::vector<std::string>>()->multitoken(),
      "only the rules of these codes and their subcodes")(
      "dry-run", po::bool_switch(), "show the hits (keyword in context); write nothing")(
      "count", po::bool_switch(), "with --dry-run: only count the hits per code")(
      "explain", po::bool_switch(), "show what the rules compiled to, and stop")(
      "review-stats", po::bool_switch(),
      "show each rule's accepted and rejected codings and its precision, and stop")(
      "threads", po::value<int>()->default_value(0), "matching threads (0: every core)")(
      "format", po::value<std::string>()->default_value("text"), "text, csv, json or md");
  if (!options.Parse()) return 0;
  const TableFormat format = ParseTableFormat(options.Get<std::string>("format"));
  AutocodeOptions autocode;
  autocode.coder = options.Get<std::string>("coder");
  if (autocode.coder.empty()) throw UsageError("--coder needs a name, e.g. --coder rules");
  if (options.Has("codes")) autocode.code_paths = options.Get<std::vector<std::string>>("codes");
  const bool count_only = options.Get<bool>("count");
  autocode.dry_run = options.Get<bool>("dry-run") || count_only;
  autocode.threads = options.Get<int>("threads");
  if (autocode.threads < 0) throw UsageError("--threads must be 0 (every core) or more");
  Project project = options.OpenProject();

  if (options.Get<bool>("review-stats")) {
    WriteReviewStats(context, project, format);
    return 0;
  }

  if (options.Get<bool>("explain")) {
    ProjectRules rules = LoadProjectRules(project, autocode.code_paths);
    context.out << rules.compiled.Explain();
    return 0;
  }

  Table hits{{"code", "story", "rule", "start", "end", "context"}, {}, {}};
  hits.numeric = {false, false, false, true, true, false};
  if (autocode.dry_run && !count_only) {
    autocode.on_hit = [&hits](const AutocodeHit& h) {
      hits.AddRow({std::string(h.code_path), h.story->key, std::string(h.rule),
                   std::to_string(h.start), std::to_string(h.end),
                   KeywordInContext(h.story->text, *h.match)});
    };
  }
  autocode.progress = ProgressBar(context);
  const auto started = std::chrono::steady_clock::now();
  const AutocodeReport report = Autocode(project, autocode);
  ClearProgressBar(context);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  if (autocode.dry_run && !count_only) {
    WriteTable(context.out, hits, format);
  } else {
    Table counts{{"code", "hits", "stories"}, {}, {false, true, true}};
    if (!autocode.dry_run) {
      counts.columns.insert(counts.columns.end(), {"added", "removed"});
      counts.numeric.insert(counts.numeric.end(), {true, true});
    }
    for (const AutocodeCount& code : report.codes) {
      std::vector<std::string> row = {code.code_path, std::to_string(code.hits),
                                      std::to_string(code.stories)};
      if (!autocode.dry_run) {
        row.push_back(std::to_string(code.added));
        row.push_back(std::to_string(code.removed));
      }
      counts.AddRow(std::move(row));
    }
    WriteTable(context.out, counts, format);
  }
  int64_t total_hits = 0;
  for (const AutocodeCount& code : report.codes) total_hits += code.hits;
  context.err << (autocode.dry_run ? "found " : "coded ") << total_hits << " segments in "
              << report.stories << " stories";
  if (context.progress) {
    char speed[64];
    std::snprintf(speed, sizeof speed, " (%.1f MB in %.2f s)", report.text_bytes / 1e6, seconds);
    context.err << speed;
  }
  context.err << (autocode.dry_run ? "; nothing written\n" : "\n");
  return 0;
}

}  // namespace verhaal
