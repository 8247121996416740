#include "exporters/codings_shape.h"

#include <algorithm>
#include <vector>

#include "base/error.h"
#include "corpus/coding_listing.h"
#include "corpus/codings.h"
#include "corpus/speaker_turns.h"

namespace verhaal {
namespace {

ExportColumn Text(std::string name, std::string label) {
  return {std::move(name), std::move(label), ColumnKind::kText, Measure::kNominal, {}};
}

ExportColumn Number(std::string name, std::string label) {
  return {std::move(name), std::move(label), ColumnKind::kNumber, Measure::kScale, {}};
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

  std::optional<int64_t> RowsUpTo(int64_t limit) override {
    return CountListedCodings(project_, coder_, limit);
  }

  // One row object for every coding: its cells' strings keep their
  // capacity, so a million rows allocate almost nothing.
  void ForEachRow(const std::function<void(const ExportRow&)>& visit) override {
    ExportRow row(columns_.size());
    auto text = [&](size_t column, std::string_view value) {
      Cell& cell = row[column];
      cell.state = value.empty() ? Cell::State::kMissing : Cell::State::kValue;
      cell.text.assign(value);
    };
    auto number = [&](size_t column, int64_t value) {
      row[column].state = Cell::State::kValue;
      row[column].number = static_cast<double>(value);
    };
    ForEachListedCoding(project_, coder_, [&](const ListedCoding& coding) {
      text(0, coding.story_key);
      row[0].state = Cell::State::kValue;
      text(1, coding.respondent_key);
      text(2, coding.role);
      text(3, coding.code_path);
      row[3].state = Cell::State::kValue;
      text(4, coding.coder);
      row[4].state = Cell::State::kValue;
      number(5, coding.start);
      number(6, coding.end);
      if (coding.turns->empty()) {
        text(7, {});
      } else {
        text(7, SpeakersOf(*coding.turns, coding.start, coding.end));
      }
      text(8, coding.quote);
      text(9, coding.memo);
      text(10, coding.origin);
      row[10].state = Cell::State::kValue;
      text(11, coding.created);
      visit(row);
    });
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
