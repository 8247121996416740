#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <ostream>

#include "base/error.h"
#include "base/text.h"
#include "cli/command.h"
#include "cli/handlers.h"
#include "coding/manual_coding.h"
#include "corpus/codings.h"
#include "corpus/memos.h"
#include "corpus/signifiers.h"
#include "corpus/speaker_turns.h"
#include "corpus/variables.h"

namespace verhaal {
namespace {

namespace po = boost::program_options;

std::string Number(double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", x);
  return buffer;
}

std::string Describe(const Signifier& s, const SignifierValue& v) {
  if (v.not_applicable) return "n/a";
  switch (s.type) {
    case SignifierType::kDyad:
      return Number(v.x) + " (0 = " + s.x_low + ", 1 = " + s.x_high + ")";
    case SignifierType::kTriad: {
      std::string out;
      const double parts[3] = {v.triad.top, v.triad.left, v.triad.right};
      for (size_t i = 0; i < 3; ++i) {
        const std::string label = i < s.options.size() ? s.options[i].label : "?";
        out += (i ? ", " : "") + label + " " + Number(parts[i]);
      }
      return out;
    }
    case SignifierType::kStones: {
      std::string out;
      for (size_t i = 0; i < v.stones.size(); ++i) {
        if (!v.stones[i]) continue;
        const std::string label = i < s.options.size() ? s.options[i].label : "?";
        out += (out.empty() ? "" : "; ") + label + " (" + Number(v.stones[i]->x) + ", " +
               Number(v.stones[i]->y) + ")";
      }
      return out;
    }
    case SignifierType::kList: {
      std::string out;
      for (int item : v.items) {
        const std::string label =
            item >= 0 && item < static_cast<int>(s.options.size()) ? s.options[item].label : "?";
        out += (out.empty() ? "" : ", ") + label;
      }
      return out;
    }
    case SignifierType::kFreetext:
      return v.text;
  }
  return "";
}

// The story text with "[n>" before and "<n]" after coding n's segment
// (coloured on a terminal).
std::string Marked(const std::string& text, const std::vector<Coding>& codings,
                   const std::vector<size_t>& numbers, bool colour) {
  std::map<int64_t, std::string> opens;
  std::map<int64_t, std::string> closes;
  static const char* kColours[] = {"31", "32", "33", "34", "35", "36"};
  for (size_t i = 0; i < codings.size(); ++i) {
    const std::string n = std::to_string(numbers[i]);
    const std::string on = colour ? std::string("\033[1;") + kColours[numbers[i] % 6] + "m" : "";
    const std::string off = colour ? "\033[0m" : "";
    opens[codings[i].start] += on + "[" + n + ">" + off;
    closes[codings[i].end] = on + "<" + n + "]" + off + closes[codings[i].end];
  }
  const std::u32string points = DecodeUtf8Lenient(text);
  std::string out;
  for (size_t i = 0; i <= points.size(); ++i) {
    const int64_t at = static_cast<int64_t>(i);
    if (auto c = closes.find(at); c != closes.end()) out += c->second;
    if (auto o = opens.find(at); o != opens.end()) out += o->second;
    if (i < points.size()) AppendUtf8(out, points[i]);
  }
  return out;
}

}  // namespace

int RunShow(CommandContext& context) {
  CommandOptions options(
      context, "verhaal show STORY [--coder NAME] [--color auto|always|never]",
      "Prints a story: its respondent, kind, wave and date, its attributes and\n"
      "signifier values, and its text with the codings marked: coding n runs from\n"
      "[n> to <n] (in colour on a terminal), listed below with code, coder,\n"
      "segment (code points) and memo, numbered among all the story's codings\n"
      "(`verhaal uncode STORY --number N` removes one); an interview's speaker\n"
      "turns (speaker, interviewer or respondent, span, time); then the story's memos.",
      "  verhaal show SH-01-E\n  verhaal show SH-01-E --coder anna --color never");
  options.add()("coder", po::value<std::string>(), "only this coder's codings")(
      "color", po::value<std::string>()->default_value("auto"), "auto, always or never");
  options.Positional("story");
  if (!options.Parse()) return 0;
  if (!options.Has("story")) throw UsageError("show needs a STORY; e.g. `verhaal show SH-01-E`");
  const std::string color = options.Get<std::string>("color");
  if (color != "auto" && color != "always" && color != "never") {
    throw UsageError("--color takes auto, always or never, not '" + color + "'");
  }
  // auto: colour on a terminal, unless NO_COLOR is set (no-color.org).
  const char* no_color = std::getenv("NO_COLOR");
  const bool colour = color == "always" ||
                      (color == "auto" && isatty(STDOUT_FILENO) && &context.out == &std::cout &&
                       (no_color == nullptr || *no_color == '\0'));
  Project project = options.OpenProject();
  const Story story = RequireStory(project, options.Get<std::vector<std::string>>("story").front());
  std::ostream& out = context.out;
  out << story.key;
  if (!story.title.empty()) out << ": " << story.title;
  out << "\n";
  out << "respondent: " << (story.respondent_key.empty() ? "-" : story.respondent_key);
  if (!story.role.empty()) out << " (" << story.role << ")";
  out << "\nkind: " << story.kind;
  if (story.wave) out << ", wave " << *story.wave;
  if (!story.date.empty()) out << ", " << story.date;
  if (!story.language.empty()) out << ", language " << story.language;
  out << "\n";
  std::map<std::string, std::string> attributes;
  if (story.respondent_id) attributes = RespondentValues(project, *story.respondent_id);
  for (const auto& [name, value] : StoryValues(project, story.id)) attributes[name] = value;
  if (!attributes.empty()) {
    out << "\nattributes:\n";
    for (const auto& [name, value] : attributes) out << "  " << name << ": " << value << "\n";
  }
  bool heading = false;
  for (const Signifier& s : ListSignifiers(project)) {
    auto value = GetSignifierValue(project, s, story.id);
    if (!value) continue;
    if (!heading) out << "\nsignifiers:\n";
    heading = true;
    out << "  " << (s.title.empty() ? s.key : s.title) << ": " << Describe(s, *value) << "\n";
  }
  // Codings are numbered among all of the story's, so that a number means
  // the same coding with or without --coder (`verhaal uncode --number N`).
  CodingFilter filter;
  filter.story_id = story.id;
  const std::optional<std::string> coder = options.Optional<std::string>("coder");
  std::vector<Coding> codings;
  std::vector<size_t> numbers;
  const std::vector<Coding> all = ListCodings(project, filter);
  for (size_t i = 0; i < all.size(); ++i) {
    if (coder && all[i].coder != *coder) continue;
    codings.push_back(all[i]);
    numbers.push_back(i + 1);
  }
  out << "\n" << Marked(story.text, codings, numbers, colour) << "\n";
  // An interview's turns: who speaks where, so offsets and --speaker read
  // the same as here.
  const std::vector<SpeakerTurn> turns = ListSpeakerTurns(project, story.id);
  if (!turns.empty()) out << "\nturns:\n";
  for (const SpeakerTurn& t : turns) {
    out << "  " << (t.position + 1) << "  " << t.speaker << "  "
        << (t.interviewer ? "interviewer" : "respondent") << "  " << t.start << ":" << t.end;
    if (!t.timestamp.empty()) out << "  " << t.timestamp;
    out << "\n";
  }
  if (!codings.empty()) out << "\ncodings:\n";
  for (size_t i = 0; i < codings.size(); ++i) {
    const Coding& c = codings[i];
    out << "  " << numbers[i] << "  " << c.code_path << "  " << c.coder << "  " << c.start << ":"
        << c.end;
    if (c.origin != "manual") out << "  " << c.origin;
    if (!c.memo.empty()) out << "  memo: " << c.memo;
    out << "\n";
  }
  MemoFilter memo_filter;
  memo_filter.story_id = story.id;
  const std::vector<Memo> memos = ListMemos(project, memo_filter);
  if (!memos.empty()) out << "\nmemos:\n";
  for (const Memo& m : memos) {
    out << "  " << m.created.substr(0, 10) << "  " << (m.author.empty() ? "-" : m.author);
    if (m.start && m.end) out << "  " << *m.start << ":" << *m.end;
    if (!m.code_path.empty()) out << "  " << m.code_path;
    out << "\n    ";
    if (!m.title.empty()) out << m.title << ": ";
    std::string text = m.text;
    for (size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 5)) {
      text.replace(at, 1, "\n    ");
    }
    out << text << "\n";
  }
  return 0;
}

}  // namespace verhaal
