#include <chrono>
#include <cstdio>
#include <ctime>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>

#include "base/error.h"
#include "cli/command.h"
#include "cli/handlers.h"
#include "cli/passphrase.h"
#include "exporters/table.h"
#include "privacy/clean_copy.h"
#include "privacy/decisions.h"
#include "privacy/detector.h"
#include "privacy/key_file.h"
#include "privacy/policy.h"
#include "privacy/project_scan.h"
#include "privacy/pseudonyms.h"

namespace verhaal {
namespace {

namespace po = boost::program_options;

std::string NowUtc() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

PseudonymStyle ParseStyle(const std::string& name) {
  if (name == "tags") return PseudonymStyle::kTags;
  if (name == "names") return PseudonymStyle::kNames;
  throw UsageError("--style is tags or names, not '" + name + "'");
}

int Reverse(CommandContext& context, const CommandOptions& options) {
  if (!options.Has("key")) throw UsageError("--reverse needs --key KEY.file");
  if (!options.Has("pseudonym")) {
    throw UsageError("--reverse needs the pseudonym(s) to look up, e.g. '[PERSOON-3]'");
  }
  const std::filesystem::path key_file = options.Get<std::string>("key");
  if (!std::filesystem::exists(key_file)) {
    throw MissingError("cannot read the key file " + key_file.string());
  }
  const PseudonymKey key = ReadKeyFile(key_file, ReadPassphrase(false));
  int missing = 0;
  for (const std::string& wanted : options.Get<std::vector<std::string>>("pseudonym")) {
    bool found = false;
    for (const KeyEntry& entry : key.entries) {
      if (entry.pseudonym != wanted) continue;
      found = true;
      std::string originals;
      for (const std::string& o : entry.originals) originals += (originals.empty() ? "" : "; ") + o;
      context.out << entry.pseudonym << "\t" << CategoryName(entry.category) << "\t" << originals
                  << "\n";
    }
    if (!found) {
      context.err << "verhaal: " << wanted << " is not in the key " << key_file.string() << "\n";
      ++missing;
    }
  }
  if (missing > 0) throw DataError("pseudonym not found in the key", Location{key_file.string()});
  return 0;
}

}  // namespace

int RunPseudonymise(CommandContext& context) {
  CommandOptions options(
      context,
      "verhaal pseudonymise (--dry-run [--format text|json] | --out CLEAN.verhaal --key KEY.file\n"
      "       [--style tags|names] | --reverse --key KEY.file PSEUDONYM...) [--names FILE]\n"
      "       [--keep FILE] [--policy FILE] [--decisions FILE]",
      "Finds direct identifiers in the project's story texts and titles, memos,\n"
      "coding memos, text variables, respondent keys, free-text signifier answers\n"
      "and transcript speakers (persons, places,\n"
      "addresses, organisations, dates, ages, phone numbers, e-mail addresses,\n"
      "URLs, BSNs, IBANs, postcodes, long numbers) and replaces them by consistent\n"
      "typed pseudonyms ([PERSOON-3]) in a new project; codings keep covering the\n"
      "same words. The key (pseudonym -> original) is written apart, encrypted with\n"
      "a passphrase (prompted, or VERHAAL_PASSPHRASE) and mode 0600. The project\n"
      "itself is never changed, except for a note that a copy was made.\n"
      "See docs/privacy.md for what is found, what is left alone and how to review.",
      "  verhaal pseudonymise --dry-run --format json > review.json\n"
      "  verhaal pseudonymise --out schoon.verhaal --key schoon.key --decisions review.yaml\n"
      "  VERHAAL_PASSPHRASE=... verhaal pseudonymise --reverse --key schoon.key '[PERSOON-3]'");
  options.add()("dry-run", "list what would be replaced; write nothing")(
      "count", "with --dry-run: only the number of detections per category")(
      "format", po::value<std::string>()->default_value("text"),
      "text, csv, json or md (--dry-run)")("out", po::value<std::string>(),
                                           "the clean project to write (must not exist)")(
      "key", po::value<std::string>(), "the key file to write or read (must not exist for --out)")(
      "style", po::value<std::string>()->default_value("tags"),
      "tags ([PERSOON-3]) or names (a realistic name of similar kind)")(
      "reverse", "show the originals of the pseudonyms given")(
      "names", po::value<std::string>(), "a file of names always to replace (NAME[;CATEGORY])")(
      "keep", po::value<std::string>(), "a file of words never to replace")(
      "policy", po::value<std::string>(),
      "a policy file (YAML) of what to replace and leave alone")(
      "decisions", po::value<std::string>(),
      "a review file (YAML): detections rejected, spans added (default: PROJECT.review.yaml "
      "beside the project, when it exists)")("threads", po::value<int>()->default_value(0),
                                             "detection threads (0: one per core)");
  options.Positional("pseudonym", -1);
  if (!options.Parse()) return 0;
  if (options.Has("reverse")) return Reverse(context, options);
  const bool dry_run = options.Has("dry-run");
  if (!dry_run && !options.Has("out")) {
    throw UsageError(
        "pseudonymise needs --dry-run, --out CLEAN.verhaal --key KEY.file, or --reverse");
  }
  if (!dry_run && !options.Has("key")) {
    throw UsageError(
        "--out needs --key KEY.file: where the encrypted key goes (apart from the copy)");
  }
  const PseudonymStyle style = ParseStyle(options.Get<std::string>("style"));
  const TableFormat format = ParseTableFormat(options.Get<std::string>("format"));
  CleanCopyOptions copy;
  if (!dry_run) {
    copy.out = options.Get<std::string>("out");
    copy.key = options.Get<std::string>("key");
    for (const auto& [path, what] :
         {std::pair{copy.out, "the output"}, {copy.key, "the key file"}}) {
      if (std::filesystem::exists(path)) {
        throw Error(ErrorKind::kCannotCreate, std::string(what) + " " + path.string() +
                                                  " exists; choose a new name (verhaal never "
                                                  "overwrites it)");
      }
    }
  }
  // Everything the run reads is read and checked before anything is written.
  const PrivacyPolicy policy =
      options.Has("policy") ? LoadPolicy(options.Get<std::string>("policy")) : DefaultPolicy();
  // The workbench's Privacy view keeps its review beside the project; it
  // counts unless --decisions names another file.
  std::filesystem::path decisions_file;
  if (options.Has("decisions")) {
    decisions_file = options.Get<std::string>("decisions");
  } else if (const auto beside = DefaultDecisionsFile(options.ProjectPath());
             std::filesystem::exists(beside)) {
    decisions_file = beside;
    context.err << "verhaal: applying the review in " << beside.string()
                << " (the workbench's Privacy view); --decisions FILE uses another\n";
  }
  const Decisions decisions = decisions_file.empty() ? Decisions{} : LoadDecisions(decisions_file);
  Detector detector(policy, DutchWords::Load(policy.word_list));
  if (options.Has("names")) {
    for (const auto& [name, category] : ReadNamesFile(options.Get<std::string>("names"))) {
      detector.AddKnownName(name, {category, "list:--names", false});
    }
  }
  if (options.Has("keep")) {
    for (const std::string& word : ReadKeepFile(options.Get<std::string>("keep"))) {
      detector.AddKeepWord(word);
    }
  }
  Project project = options.OpenProject();
  ScanOptions scan_options;
  scan_options.threads = options.Get<int>("threads");
  ProjectScan scan(project, detector, decisions, scan_options);
  if (dry_run && options.Has("count")) {
    Table table{{"category", "detections"}, {}, {false, true}};
    for (const auto& [category, n] : scan.entities().counts()) {
      table.AddRow({std::string(CategoryName(category)), std::to_string(n)});
    }
    WriteTable(context.out, table, format);
    context.err << scan.entities().total() << " detections in " << scan.texts()
                << " texts; nothing written (--dry-run)\n";
    const ScanTimes& times = scan.times();
    const double mb = times.bytes / 1e6;
    char line[256];
    std::snprintf(line, sizeof line,
                  "detection: %.1f MB of text in %.2f s CPU (%.1f MB/s per core), %.2f s wall; "
                  "consistency pass %.2f s CPU; scan %.2f s wall\n",
                  mb, times.detect_cpu, times.detect_cpu > 0 ? mb / times.detect_cpu : 0.0,
                  times.detect_wall, times.consistency_cpu, times.total_wall);
    context.err << line;
    return 0;
  }
  if (dry_run) {
    const Pseudonyms pseudonyms(scan.entities(), style);
    Table table{{"story", "field", "start", "end", "category", "text", "replacement", "reason"},
                {},
                {false, false, true, true, false, false, false, false}};
    // JSON is written as it comes (a list of millions of findings at 1M
    // stories); the other formats align or count over every row.
    bool first = true;
    if (format == TableFormat::kJson) context.out << "[";
    scan.ForEachBatch([&](std::vector<Field>& batch) {
      for (const Finding& f : Findings(batch)) {
        const std::string text =
            f.field->text.substr(f.detection->begin, f.detection->end - f.detection->begin);
        if (format != TableFormat::kJson) {
          table.AddRow({f.field->story, FieldLabel(*f.field), std::to_string(f.start),
                        std::to_string(f.end), std::string(CategoryName(f.detection->category)),
                        text, pseudonyms.Of(f.detection->category, text), f.detection->rule});
          continue;
        }
        const nlohmann::json finding = {
            {"story", f.field->story},
            {"field", FieldLabel(*f.field)},
            {"start", f.start},
            {"end", f.end},
            {"category", std::string(CategoryName(f.detection->category))},
            {"text", text},
            {"replacement", pseudonyms.Of(f.detection->category, text)},
            {"reason", f.detection->rule}};
        // As nlohmann's dump(2) of the whole list: each item indented by two.
        std::string item = finding.dump(2);
        std::string indented = "  ";
        for (const char c : item) {
          indented += c;
          if (c == '\n') indented += "  ";
        }
        context.out << (first ? "\n" : ",\n") << indented;
        first = false;
      }
    });
    if (format == TableFormat::kJson) {
      context.out << (first ? "]" : "\n]") << "\n";
    } else {
      WriteTable(context.out, table, format);
    }
    context.err << scan.entities().total() << " detections in " << scan.texts()
                << " texts; nothing written (--dry-run)\n";
    return 0;
  }
  copy.style = style;
  copy.created = NowUtc();
  copy.passphrase = ReadPassphrase(true);
  const CleanCopyReport report = WriteCleanCopy(project, scan, copy);
  int64_t total = 0;
  std::string counts;
  for (const auto& [category, n] : report.counts) {
    total += n;
    counts += (counts.empty() ? "" : ", ") + std::string(CategoryName(category)) + " " +
              std::to_string(n);
  }
  context.out << "wrote " << copy.out.string() << ": " << total << " replacements"
              << (counts.empty() ? "" : " (" + counts + ")") << ", " << report.codings
              << " codings kept\n"
              << "wrote " << copy.key.string() << ": " << report.entities
              << " pseudonyms, encrypted, mode 0600; keep it apart from the copy\n";
  return 0;
}

}  // namespace verhaal
