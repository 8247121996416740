// `verhaal import transcript FILE`.
#include "base/error.h"
#include "cli/command.h"
#include "cli/import_formats.h"
#include "importers/transcript.h"

namespace po = boost::program_options;

namespace verhaal {

int ImportTranscriptCommand(CommandContext& context) {
  CommandOptions options(
      context, "verhaal import transcript FILE [--respondent KEY] [options]",
      "Imports a plain-text interview as one story of kind interview, recording\n"
      "each speaker turn (\"Interviewer: ...\", \"R: ...\", \"[00:12:03] Amina: ...\";\n"
      "lines without a label continue the turn) so coding and exports can tell the\n"
      "interviewer from the respondent. See docs/transcripts.md.",
      "  verhaal import transcript interview-sh07.txt --respondent SH-07 --role statushouder\n"
      "  verhaal import transcript gesprek.txt --interviewer Onderzoeker --interviewer Ik");
  options.add()("key", po::value<std::string>()->value_name("KEY"),
                "the story key (default: the file name without extension)")(
      "respondent", po::value<std::string>()->value_name("KEY"), "the interviewee")(
      "role", po::value<std::string>()->value_name("ROLE"), "the interviewee's role")(
      "title", po::value<std::string>(), "the story title")(
      "date", po::value<std::string>()->value_name("YYYY-MM-DD"), "the interview date")(
      "language", po::value<std::string>()->value_name("CODE"), "e.g. nl")(
      "interviewer", po::value<std::vector<std::string>>()->value_name("LABEL"),
      "a speaker label of the interviewer (repeatable; default: Interviewer, "
      "Interviewster, Onderzoeker, I, Int, Q, Vraag)")(
      "encoding", po::value<std::string>()->value_name("NAME"),
      "the file's encoding: utf-8, utf-16, windows-1252, latin-1, ... (default: guessed;\n"
      "UTF-8 when valid, else Windows-1252 with a warning)");
  AddImportOptions(options);
  options.Positional("file");
  if (!options.Parse()) return 0;
  if (!options.Has("file")) {
    throw UsageError("import transcript needs a FILE; see `verhaal import transcript --help`");
  }
  const std::string file = options.Get<std::vector<std::string>>("file").front();
  TranscriptOptions transcript;
  transcript.key = options.Optional<std::string>("key").value_or("");
  transcript.respondent = options.Optional<std::string>("respondent").value_or("");
  transcript.role = options.Optional<std::string>("role").value_or("");
  transcript.title = options.Optional<std::string>("title").value_or("");
  transcript.date = options.Optional<std::string>("date").value_or("");
  transcript.language = options.Optional<std::string>("language").value_or("");
  transcript.encoding = options.Optional<std::string>("encoding").value_or("");
  if (options.Has("interviewer")) {
    transcript.interviewers = options.Get<std::vector<std::string>>("interviewer");
  }
  const bool dry_run = options.Has("dry-run");
  Project project = options.OpenProject();
  Transaction transaction(project);
  const ImportReport report =
      ImportTranscript(project, file, transcript, ImportOptionsFrom(options, context));
  if (!dry_run) transaction.Commit();
  PrintImportReport(context, report, file, dry_run);
  return 0;
}

}  // namespace verhaal
