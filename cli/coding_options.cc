#include "cli/coding_options.h"

#include <vector>

#include "base/error.h"
#include "base/text.h"
#include "coding/coder_name.h"

namespace verhaal {

namespace po = boost::program_options;

void AddCodingOptions(CommandOptions& options) {
  options.add()("quote", po::value<std::string>(), "the exact text to code (must occur once)")(
      "occurrence", po::value<int>(), "which occurrence of --quote (1 = the first)")(
      "span", po::value<std::string>(), "START:END in characters (code points) of the story")(
      "whole", "the whole story")("coder", po::value<std::string>(),
                                  "who codes (default: $VERHAAL_CODER, then the login name)");
  options.Positional("story_and_code", 2);
}

CodingRequest CodingRequestFromOptions(const CommandOptions& options, const std::string& verb) {
  std::vector<std::string> words;
  if (options.Has("story_and_code")) {
    words = options.Get<std::vector<std::string>>("story_and_code");
  }
  if (words.size() != 2) {
    throw UsageError(verb + " needs a STORY and a CODE, e.g. `verhaal " + verb +
                     " SH-01-E motivatie/willen --quote \"...\"`");
  }
  CodingRequest request;
  request.story_key = words[0];
  request.code_path = words[1];
  request.coder = ResolveCoderName(options.Optional<std::string>("coder"));
  request.segment.quote = options.Optional<std::string>("quote");
  if (auto occurrence = options.Optional<int>("occurrence")) {
    if (!request.segment.quote) throw UsageError("--occurrence goes with --quote");
    if (*occurrence < 1) throw UsageError("--occurrence counts from 1");
    request.segment.occurrence = *occurrence;
  }
  if (auto span = options.Optional<std::string>("span")) ParseSpan(*span, request.segment);
  request.segment.whole = options.Has("whole");
  const int given = (request.segment.quote ? 1 : 0) + (request.segment.start ? 1 : 0) +
                    (request.segment.whole ? 1 : 0);
  if (given != 1) {
    throw UsageError(verb + " needs exactly one of --quote TEXT, --span START:END or --whole");
  }
  return request;
}

std::string DescribeCoding(const Coding& coding, const std::string& quote) {
  std::string shown = quote;
  for (char& c : shown) {
    if (c == '\n') c = ' ';
  }
  if (CodePointCount(shown) > 70) shown = std::string(SliceCodePoints(shown, 0, 67)) + "...";
  return coding.story_key + " " + std::to_string(coding.start) + ":" + std::to_string(coding.end) +
         " " + coding.code_path + " (" + coding.coder + "): \"" + shown + "\"";
}

}  // namespace verhaal
