// The import mapping (YAML, docs/import-mapping.md): which CSV column holds
// the story key, respondent, role, kind, wave, date, language, title and text,
// which columns become typed variables of the respondent or the story (with
// value labels), which are self-signification answers (dyads, triads, lists),
// and which are ignored. Any field may be a constant instead of a column.
#ifndef VERHAAL_IMPORTERS_MAPPING_H_
#define VERHAAL_IMPORTERS_MAPPING_H_

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "corpus/signifiers.h"
#include "corpus/variables.h"
#include "importers/csv_reader.h"

namespace verhaal {

// A story field taken from a column, or a constant for every story.
struct MappedField {
  std::string column;    // the input column; empty when not mapped or constant
  std::string constant;  // the value for every story when column is empty
  Location where;        // in the mapping file, for errors

  bool mapped() const { return !column.empty() || !constant.empty(); }
};

// A column kept as a typed variable of the respondent or the story.
struct MappedVariable {
  std::string column;  // the input column
  Variable variable;   // name (may differ from the column), type, label, value labels
  Location where;
};

// A self-signification question answered in one column (dyad: a number in
// [0, 1]; list: item keys or labels, several separated by `separator`) or in
// three (triad: proportions of top, left, right).
struct MappedSignifier {
  Signifier signifier;               // key = the mapping's name for it
  std::vector<std::string> columns;  // 1, or 3 for a triad
  std::string separator = "|";       // between the items of a multiple-choice list
  Location where;
};

// What happens to columns the mapping does not mention.
enum class OtherColumns { kStoryVariables, kRespondentVariables, kIgnore };

struct ImportMapping {
  char delimiter = 0;    // 0: detect
  std::string encoding;  // empty: not named; guessed from the file (importers/encoding.h)
  MappedField story;     // the story key; default: FILE-STEM-LINE
  MappedField respondent;
  MappedField role;
  MappedField kind;  // default "experience"
  MappedField wave;
  MappedField date;
  MappedField language;
  MappedField title;
  MappedField text;  // required
  std::vector<MappedVariable> variables;
  std::vector<MappedSignifier> signifiers;
  std::vector<std::string> ignore;  // columns left out on purpose
  OtherColumns other_columns = OtherColumns::kStoryVariables;
  std::string not_applicable = "NA";  // a signifier cell meaning "not applicable"
  std::string file;                   // where the mapping came from, for messages
};

// Parses a mapping. Throws kData Errors located in `file_name` (line and
// column from the YAML): malformed YAML, an unknown key (with the closest
// valid one), a bad type, a triad without three columns, no text column.
ImportMapping ParseMapping(std::string_view yaml, const std::string& file_name);

// Reads and parses `file` (kMissing when absent).
ImportMapping LoadMapping(const std::filesystem::path& file);

// The index of the header column called `name`: the column spelled exactly
// so, else the one column whose name differs only in ASCII case ("ID" for
// "id", "Respondent" for "respondent"). Nullopt when there is none; a kData
// error naming both when two columns differ from `name` only in case.
std::optional<size_t> FindHeaderColumn(const std::vector<std::string>& header,
                                       std::string_view name);

// The mapping used without --mapping: `text_column` is the text; columns
// named like the story fields (story/key/id, respondent, role/rol, kind, wave,
// date, language, title/titel) map to them, whatever their case;
// every other column becomes a text story variable. kUsage when `text_column` is not in `header`
// (with the closest column).
ImportMapping DefaultMapping(const std::vector<std::string>& header, std::string_view text_column);

// Gives each text variable of `mapping` the type all its values in the rest
// of `reader` (after the header line `header`) have: integer, float (a
// decimal comma is fine), date (YYYY-MM-DD) or boolean (ja/nee, true/false);
// text when the values are mixed or the column is empty. For the mapping
// used without --mapping: the whole input is read, so the guess holds for
// every row. Errors of the reader (malformed CSV) come through.
void GuessVariableTypes(ImportMapping& mapping, CsvReader& reader,
                        const std::vector<std::string>& header);

// The mapping as YAML that ParseMapping reads back, for the researcher to
// save and edit.
std::string MappingToYaml(const ImportMapping& mapping);

}  // namespace verhaal

#endif  // VERHAAL_IMPORTERS_MAPPING_H_
