#include "exporters/codings_shape.h"

#include <algorithm>
#include <vector>

#include "base/error.h"
#include "base/text.h"
#include "corpus/codings.h"
#include "corpus/speaker_turns.h"
#include "corpus/stories.h"

namespace verhaal {
namespace {

ExportColumn Text(std::string name, std::string label) {
  return {std::move(name), std::move(label), ColumnKind::kText, Measure::kNominal, {}};
}

ExportColumn Number(std::string name, std::string label) {
  return {std::move(name), std::move(label), ColumnKind::kNumber, Measure::kScale, {}};
}

Cell TextOrMissing(const std::string& text) {
  return text.empty() ? Cell::Missing() : Cell::Text(text);
}

// The speakers of the turns [start, end) overlaps, in order, each once:
// "Amina", or "Interviewer + Amina" for a segment across turns; empty
// outside turns.
std::string SpeakersOf(const std::vector<SpeakerTurn>& turns, int64_t start, int64_t end) {
  std::string out;
  std::vector<std::string> seen;
  for (const SpeakerTurn& t : turns) {
    const bool meets = start < t.end && t.start < std::max(end, start + 1);
    if (!meets || std::find(seen.begin(), seen.end(), t.speaker) != seen.end()) continue;
    seen.push_back(t.speaker);
    out += (out.empty() ? "" : " + ") + t.speaker;
  }
  return out;
}

class CodingsShape : public ExportSource {
 public:
  CodingsShape(Project& project, std::optional<std::string> coder)
      : project_(project), coder_(std::move(coder)) {
    if (coder_ && !FindCoder(project_, *coder_)) {
      throw MissingError("no coder '" + *coder_ +
                         "' in the project; `verhaal info` lists the coders");
    }
    columns_ = {Text("story", "story key"),
                Text("respondent", "respondent key"),
                Text("role", "respondent role"),
                Text("code", "code path"),
                Text("coder", "coder"),
                Number("start", "segment start (code points, from 0)"),
                Number("end", "segment end (code points, exclusive)"),
                Text("speaker", "speaker of the turns the segment lies in (interviews)"),
                Text("quote", "the coded text"),
                Text("memo", "memo"),
                Text("origin", "manual, rule:NAME or import:TOOL"),
                Text("created", "when the coding was made (UTC)")};
  }

  std::string name() const override { return "codings"; }
  const std::vector<ExportColumn>& columns() const override { return columns_; }

  void ForEachRow(const std::function<void(const ExportRow&)>& visit) override {
    CodingFilter filter;
    filter.coder = coder_;
    std::optional<Story> story;
    std::vector<SpeakerTurn> turns;
    for (const auto& coding : ListCodings(project_, filter)) {
      if (!story || story->id != coding.story_id) {
        story = FindStoryById(project_, coding.story_id);
        turns = ListSpeakerTurns(project_, coding.story_id);
      }
      std::string quote;
      if (story) {
        const size_t size = CodePointCount(story->text);
        const auto start = static_cast<size_t>(coding.start);
        const auto end = static_cast<size_t>(coding.end);
        if (start <= end && end <= size)
          quote = std::string(SliceCodePoints(story->text, start, end));
      }
      visit({Cell::Text(coding.story_key), TextOrMissing(story ? story->respondent_key : ""),
             TextOrMissing(story ? story->role : ""), Cell::Text(coding.code_path),
             Cell::Text(coding.coder), Cell::Number(static_cast<double>(coding.start)),
             Cell::Number(static_cast<double>(coding.end)),
             TextOrMissing(SpeakersOf(turns, coding.start, coding.end)), TextOrMissing(quote),
             TextOrMissing(coding.memo), Cell::Text(coding.origin), TextOrMissing(coding.created)});
    }
  }

 private:
  Project& project_;
  std::optional<std::string> coder_;
  std::vector<ExportColumn> columns_;
};

}  // namespace

std::unique_ptr<ExportSource> MakeCodingsShape(Project& project, std::optional<std::string> coder) {
  return std::make_unique<CodingsShape>(project, std::move(coder));
}

}  // namespace verhaal
