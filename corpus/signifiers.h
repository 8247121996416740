// Signifiers: self-signification questions a storyteller answers about their
// own story (SenseMaker, Spryng.io), and their per-story values. See
// docs/signifiers.md.
//
// Types and what a value holds:
//   dyad      a slider between two poles: x in [0, 1] (0 = x_low, 1 = x_high)
//   triad     three proportions (top, left, right) in [0, 1] summing to 1
//   stones    a 2-D canvas: per stone an optional (x, y) in [0, 1]
//   list      single or multiple choice: the chosen item positions
//   freetext  a text answer
// Each value may be *not applicable* (the storyteller ticked N/A), which is
// distinct from *skipped* (no value at all).
#ifndef VERHAAL_CORPUS_SIGNIFIERS_H_
#define VERHAAL_CORPUS_SIGNIFIERS_H_

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/project.h"

namespace SQLite {
class Statement;
}  // namespace SQLite

namespace verhaal {

enum class SignifierType { kDyad, kTriad, kStones, kList, kFreetext };

// "dyad", "triad", "stones", "list", "freetext".
std::string_view SignifierTypeName(SignifierType type);
// Parses a type name; kData Error naming the valid ones otherwise.
SignifierType ParseSignifierType(std::string_view name);

// An anchor of a triad (position 0 = top, 1 = left, 2 = right), a stone of a
// stones canvas, or an item of a list. `key` is the source's id (a GUID in
// SenseMaker), `label` the words shown to the storyteller.
struct SignifierOption {
  std::string key;
  std::string label;
};

struct Signifier {
  int64_t id = 0;
  std::string key;  // the source's id, unique in the project
  SignifierType type = SignifierType::kDyad;
  std::string title;
  bool multiple = false;  // list: more than one item may be chosen
  // Dyad poles (x_low = left at 0, x_high = right at 1); stones axes.
  std::string x_low;
  std::string x_high;
  std::string y_low;
  std::string y_high;
  std::string source;  // where the definition came from: "sensemaker", "spryng", ...
  std::vector<SignifierOption> options;  // triad anchors, stones, list items
};

// Finds the signifier with `signifier.key`, or adds it with its options.
// An existing one keeps its title and labels; options it lacks are added at
// their positions. kData when it exists with another type, or an existing
// option position holds another key; when a triad does not have exactly
// three anchors; or when the key is empty. Returns the id.
int64_t EnsureSignifier(Project& project, const Signifier& signifier);

std::optional<Signifier> FindSignifier(Project& project, std::string_view key);

// All signifiers with their options, ordered by id (definition order).
std::vector<Signifier> ListSignifiers(Project& project);

// The position of the option with `key`, or nothing.
std::optional<int> FindSignifierOption(const Signifier& signifier, std::string_view key);

// Three proportions of a triad, in anchor order (top, left, right).
struct Triad {
  double top = 0;
  double left = 0;
  double right = 0;

  bool operator==(const Triad&) const = default;
};

// Where one stone lies on the canvas; x and y in [0, 1] (y = 1 is the top).
struct StonePlacement {
  double x = 0;
  double y = 0;

  bool operator==(const StonePlacement&) const = default;
};

// One story's answer to one signifier. Only the member of the signifier's
// type is used; with not_applicable set, none is.
struct SignifierValue {
  bool not_applicable = false;
  double x = 0;                                       // dyad
  Triad triad;                                        // triad
  std::vector<std::optional<StonePlacement>> stones;  // stones: by position; nullopt = not placed
  std::vector<int> items;                             // list: chosen item positions, ascending
  std::string text;                                   // freetext

  bool operator==(const SignifierValue&) const = default;
};

// Largest difference from 1 accepted for the sum of a triad's proportions,
// and how far a position or proportion may lie outside [0, 1] (rounding in
// the exporting tool; such values are stored as exported).
inline constexpr double kTriadSumTolerance = 0.01;

// Checks `value` against `signifier`: ranges ([0, 1] for dyads, proportions
// and stone coordinates), a triad summing to 1 within kTriadSumTolerance,
// known stones and items, at most one item for a single-choice list, and at
// least something answered. Throws a kData Error that says what is wrong and
// what to do; the caller adds the location of the cell.
void CheckSignifierValue(const Signifier& signifier, const SignifierValue& value);

// `value` in its stored form: stones padded to the option count, list items
// sorted without duplicates, unused members cleared. Does not check it.
SignifierValue CanonicalSignifierValue(const Signifier& signifier, SignifierValue value);

// The statement InsertSignifierRows runs, for callers that prepare it once.
extern const char* const kInsertSignifierValueSql;

// Writes the rows that store `value` (checked and canonical) as the answer of
// story `story_id`, which has none yet, with `insert` (prepared from
// kInsertSignifierValueSql): one row for a dyad, triad, free text or N/A, one
// per placed stone or chosen item. SQLite errors come through as
// SQLite::Exception with the statement reset.
void InsertSignifierRows(SQLite::Statement& insert, int64_t story_id, const Signifier& signifier,
                         const SignifierValue& value);

// Stores `value` as the story's answer to `signifier` (after
// CheckSignifierValue), replacing any earlier answer. Returns whether the
// stored answer changed (false when it was already exactly this).
bool SetSignifierValue(Project& project, const Signifier& signifier, int64_t story_id,
                       SignifierValue value);

// Removes the story's answer (it becomes skipped). Returns whether one existed.
bool ClearSignifierValue(Project& project, const Signifier& signifier, int64_t story_id);

// The story's answer, or nothing when it skipped the question.
std::optional<SignifierValue> GetSignifierValue(Project& project, const Signifier& signifier,
                                                int64_t story_id);

// Calls `visit` with each story that has an answer (or N/A) to `signifier`,
// ordered by story id, reading row by row (constant memory).
void ForEachSignifierValue(
    Project& project, const Signifier& signifier,
    const std::function<void(int64_t story_id, const SignifierValue& value)>& visit);

// The values of several signifiers, story by story in ascending id order,
// from one query over all of them: for exports that walk every story
// (GetSignifierValue per story and signifier costs a query each). Not
// copyable: it owns an open statement.
class SignifierValueCursor {
 public:
  SignifierValueCursor(Project& project, const std::vector<Signifier>& signifiers);
  SignifierValueCursor(const SignifierValueCursor&) = delete;
  SignifierValueCursor& operator=(const SignifierValueCursor&) = delete;
  ~SignifierValueCursor();

  // Story `story_id`'s value of each signifier, by position in
  // `signifiers`, nullopt where there is none (as GetSignifierValue gives).
  // Ids must not go down from one call to the next.
  std::vector<std::optional<SignifierValue>> ValuesOf(int64_t story_id);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// How the project's stories answered one signifier. skipped counts the
// stories with no value at all, so answered + not_applicable + skipped is the
// number of stories in the project.
struct SignifierCounts {
  int64_t answered = 0;
  int64_t not_applicable = 0;
  int64_t skipped = 0;
};

SignifierCounts CountSignifierValues(Project& project, const Signifier& signifier);

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_SIGNIFIERS_H_
