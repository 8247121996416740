#include "exporters/spss_stata.h"

#include <readstat.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/error.h"
#include "corpus/files.h"
#include "exporters/row_spill.h"
#include "exporters/sav_segment_names.h"

namespace verhaal {
namespace {

constexpr size_t kSpssMaxString = 32767;

// How long labels may be. SPSS counts bytes (255 for a variable label, 120
// for a value label); Stata 14+ counts characters (80 for a variable label,
// 32,000 for a value label) in UTF-8 of at most four bytes each.
struct LabelLimits {
  size_t variable_bytes;
  size_t variable_chars;
  size_t value_bytes;
};
constexpr LabelLimits kSavLabels = {255, 255, 120};
constexpr LabelLimits kDtaLabels = {320, 80, 32000};

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// `text` cut to at most `bytes` bytes and `chars` characters without
// splitting a UTF-8 character.
std::string CutUtf8(std::string_view text, size_t bytes, size_t chars = SIZE_MAX) {
  size_t end = 0;
  size_t count = 0;
  while (end < text.size() && count < chars) {
    size_t next = end + 1;
    while (next < text.size() && IsContinuationByte(text[next])) ++next;
    if (next > bytes) break;
    end = next;
    ++count;
  }
  return std::string(text.substr(0, end));
}

// Where ReadStat's bytes go. Exceptions must not cross ReadStat's C code:
// a failed write is kept here and rethrown once ReadStat has returned.
// While `holding`, bytes are kept in `held` (the .sav dictionary, whose
// segment names are fixed before it reaches the file).
struct Sink {
  AtomicFileWriter& file;
  std::exception_ptr error;
  bool holding = false;
  std::string held;
};

ssize_t WriteBytes(const void* data, size_t length, void* context) {
  auto* sink = static_cast<Sink*>(context);
  try {
    const std::string_view bytes(static_cast<const char*>(data), length);
    if (sink->holding) {
      sink->held.append(bytes);
    } else {
      sink->file.Write(bytes);
    }
  } catch (...) {
    sink->error = std::current_exception();
    return -1;
  }
  return static_cast<ssize_t>(length);
}

struct WriterDeleter {
  void operator()(readstat_writer_t* writer) const { readstat_writer_free(writer); }
};

void Check(readstat_error_t error, const std::filesystem::path& file, const std::string& what,
           const Sink* sink = nullptr) {
  if (error == READSTAT_OK) return;
  if (sink != nullptr && sink->error) std::rethrow_exception(sink->error);
  throw DataError("cannot write " + file.string() + ": " + what + ": " +
                  readstat_error_message(error) +
                  "; shorten the names or labels involved, or export --format csv");
}

readstat_measure_t MeasureOf(Measure measure) {
  switch (measure) {
    case Measure::kNominal:
      return READSTAT_MEASURE_NOMINAL;
    case Measure::kOrdinal:
      return READSTAT_MEASURE_ORDINAL;
    case Measure::kScale:
      return READSTAT_MEASURE_SCALE;
  }
  return READSTAT_MEASURE_UNKNOWN;
}

// A text column written as text; a date column is written as a number.
bool IsString(const ExportColumn& column) {
  return column.kind == ColumnKind::kText && !column.date;
}
bool IsDate(const ExportColumn& column) { return column.kind == ColumnKind::kText && column.date; }

// Days from 1970-01-01 to the proleptic Gregorian date (Howard Hinnant's
// days_from_civil).
int64_t DaysFromCivil(int64_t year, int64_t month, int64_t day) {
  year -= month <= 2 ? 1 : 0;
  const int64_t era = (year >= 0 ? year : year - 399) / 400;
  const int64_t year_of_era = year - era * 400;
  const int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

// `text` (YYYY-MM-DD, a real day) as days since 1970-01-01; nullopt otherwise.
std::optional<int64_t> ParseDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto number = [&](size_t from, size_t length) -> int64_t {
    int64_t value = 0;
    for (size_t i = from; i < from + length; ++i) {
      if (text[i] < '0' || text[i] > '9') return -1;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  const int64_t year = number(0, 4);
  const int64_t month = number(5, 2);
  const int64_t day = number(8, 2);
  if (year < 1583 || month < 1 || month > 12 || day < 1) return std::nullopt;
  const int64_t days = DaysFromCivil(year, month, day);
  // A day past the month's end would land in the next month.
  if (DaysFromCivil(year, month, 1) + day - 1 != days ||
      (month == 12 ? DaysFromCivil(year + 1, 1, 1) : DaysFromCivil(year, month + 1, 1)) <= days) {
    return std::nullopt;
  }
  return days;
}

// A date as the format counts it: SPSS in seconds since 1582-10-14, Stata
// in days since 1960-01-01.
double DateValue(int64_t days_since_1970, StatFormat format) {
  if (format == StatFormat::kSav) {
    return static_cast<double>(days_since_1970 - DaysFromCivil(1582, 10, 14)) * 86400.0;
  }
  return static_cast<double>(days_since_1970 - DaysFromCivil(1960, 1, 1));
}

// What pass 1 learns about a number column.
struct NumberRange {
  bool whole = true;   // every value a whole number
  double largest = 0;  // the largest magnitude
};

// The display format: dates as dates; whole numbers (counts, 0/1, codes)
// without decimals; other numbers (slider positions) with two in SPSS and
// as many as they need in Stata.
std::string DisplayFormat(const ExportColumn& column, StatFormat format, const NumberRange& range) {
  const bool sav = format == StatFormat::kSav;
  if (IsDate(column)) return sav ? "SDATE10" : "%tdCCYY-NN-DD";
  if (column.kind == ColumnKind::kText) return "";
  if (column.kind == ColumnKind::kCategory || range.whole) {
    size_t digits = 1;
    for (double limit = 10; range.largest >= limit && digits < 16; limit *= 10) ++digits;
    const size_t width = std::max<size_t>(8, digits + 1);
    return sav ? "F" + std::to_string(width) + ".0" : "%" + std::to_string(width) + ".0g";
  }
  return sav ? "F8.2" : "%9.0g";
}

// Stata's storage type of a number column: as Stata's own `compress`
// chooses, the smallest integer type that holds every value and value label
// code (byte, int, long: their ranges leave room for Stata's missing values
// .a to .z), else double. So a 0/1 code column takes one byte a story, not
// eight.
readstat_type_t StataNumberType(const ExportColumn& column, const NumberRange& range) {
  if (IsDate(column) || !range.whole) return READSTAT_TYPE_DOUBLE;
  double largest = range.largest;
  for (const auto& [code, label] : column.value_labels) {
    if (std::trunc(code) != code) return READSTAT_TYPE_DOUBLE;
    largest = std::max(largest, std::fabs(code));
  }
  if (largest <= 100) return READSTAT_TYPE_INT8;
  if (largest <= 32740) return READSTAT_TYPE_INT16;
  if (largest <= 2147483620.0) return READSTAT_TYPE_INT32;
  return READSTAT_TYPE_DOUBLE;
}

// Writes a number `value` into `variable`, in the variable's type (double,
// or the integer type StataNumberType gave).
readstat_error_t InsertNumber(readstat_writer_t* writer, const readstat_variable_t* variable,
                              double value) {
  switch (readstat_variable_get_type(variable)) {
    case READSTAT_TYPE_INT8:
      return readstat_insert_int8_value(writer, variable, static_cast<int8_t>(value));
    case READSTAT_TYPE_INT16:
      return readstat_insert_int16_value(writer, variable, static_cast<int16_t>(value));
    case READSTAT_TYPE_INT32:
      return readstat_insert_int32_value(writer, variable, static_cast<int32_t>(value));
    default:
      return readstat_insert_double_value(writer, variable, value);
  }
}

// The text of a text cell; empty when missing.
std::string TextOf(const Cell& cell) {
  return cell.state == Cell::State::kValue ? cell.text : std::string();
}

// The variables whose labels did not fit, for one warning per kind.
struct CutLabels {
  std::vector<std::string> variable_labels;
  std::vector<std::string> value_labels;
};

// `label` cut to the format's limit; records `name` in `cut_names` and,
// for Stata, keeps the full text as a note ("NAME: label") of the file.
std::string FitLabel(readstat_writer_t* writer, const std::string& label, size_t bytes,
                     size_t chars, StatFormat format, const std::string& note,
                     const std::string& name, std::vector<std::string>& cut_names) {
  std::string fitted = CutUtf8(label, bytes, chars);
  if (fitted.size() == label.size()) return fitted;
  if (cut_names.empty() || cut_names.back() != name) cut_names.push_back(name);
  if (format == StatFormat::kDta) readstat_add_note(writer, (note + ": " + label).c_str());
  return fitted;
}

void AddValueLabels(readstat_writer_t* writer, readstat_variable_t* variable,
                    const ExportColumn& column, StatFormat format, CutLabels& cut_labels) {
  const bool sav = format == StatFormat::kSav;
  const LabelLimits& limits = sav ? kSavLabels : kDtaLabels;
  readstat_label_set_t* labels = readstat_add_label_set(
      writer, sav ? READSTAT_TYPE_DOUBLE : READSTAT_TYPE_INT32, column.name.c_str());
  for (const auto& [code, label] : column.value_labels) {
    const std::string fitted =
        FitLabel(writer, label, limits.value_bytes, SIZE_MAX, format,
                 column.name + " = " + FormatNumber(code), column.name, cut_labels.value_labels);
    if (sav) {
      readstat_label_double_value(labels, code, fitted.c_str());
    } else {
      readstat_label_int32_value(labels, static_cast<int32_t>(code), fitted.c_str());
    }
  }
  if (column.may_be_not_applicable) {
    if (sav) {
      readstat_label_double_value(labels, kSpssNotApplicable, "not applicable");
    } else {
      readstat_label_tagged_value(labels, 'a', "not applicable");
    }
  }
  readstat_variable_set_label_set(variable, labels);
}

// Declares `column` to ReadStat: a string `width` bytes wide (a strL when
// `strl`), or a number (or date) with its display format, value labels and
// missing values.
readstat_variable_t* AddVariable(readstat_writer_t* writer, const ExportColumn& column,
                                 StatFormat format, size_t width, bool strl,
                                 const NumberRange& range, const std::filesystem::path& file,
                                 CutLabels& cut_labels) {
  const bool text = IsString(column);
  const bool sav = format == StatFormat::kSav;
  const LabelLimits& limits = sav ? kSavLabels : kDtaLabels;
  const readstat_type_t type = text  ? (strl ? READSTAT_TYPE_STRING_REF : READSTAT_TYPE_STRING)
                               : sav ? READSTAT_TYPE_DOUBLE
                                     : StataNumberType(column, range);
  readstat_variable_t* variable =
      readstat_add_variable(writer, column.name.c_str(), type, strl ? 0 : width);
  readstat_variable_set_label(
      variable, FitLabel(writer, column.label, limits.variable_bytes, limits.variable_chars, format,
                         column.name, column.name, cut_labels.variable_labels)
                    .c_str());
  readstat_variable_set_measure(variable, MeasureOf(column.measure));
  if (text) return variable;
  readstat_variable_set_format(variable, DisplayFormat(column, format, range).c_str());
  if (column.may_be_not_applicable && sav) {
    Check(readstat_variable_add_missing_double_value(variable, kSpssNotApplicable), file,
          "missing value of " + column.name);
  }
  if (!column.value_labels.empty() || column.may_be_not_applicable) {
    AddValueLabels(writer, variable, column, format, cut_labels);
  }
  return variable;
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string joined;
  for (const auto& name : names) joined += (joined.empty() ? "" : ", ") + name;
  return joined;
}

// One warning per kind of label, naming the variables and where the full
// text is.
void WarnAboutCutLabels(const CutLabels& cut_labels, StatFormat format,
                        const std::filesystem::path& file, std::ostream& warnings) {
  const bool sav = format == StatFormat::kSav;
  const std::string where =
      sav ? "; the full labels are on the variables sheet of --format xlsx\n"
          : "; the full labels are in the file's notes (Stata: notes) and on the variables sheet "
            "of --format xlsx\n";
  if (!cut_labels.variable_labels.empty()) {
    warnings << "verhaal: warning: " << file.string() << ": variable labels longer than "
             << (sav ? "SPSS's 255 bytes" : "Stata's 80 characters")
             << " were cut at a character boundary: " << JoinNames(cut_labels.variable_labels)
             << where;
  }
  if (!cut_labels.value_labels.empty()) {
    warnings << "verhaal: warning: " << file.string() << ": value labels longer than "
             << (sav ? "SPSS's 120 bytes" : "Stata's 32,000 bytes")
             << " were cut at a character boundary, in " << JoinNames(cut_labels.value_labels)
             << where;
  }
}

// --- The syntax companion (.sps / .do) -----------------------------------

// A category cell as the CSV export writes its label: with a leading '
// when a spreadsheet would take it for a formula (csv_export.cc).
std::string CsvCategoryText(const std::string& label) {
  if (label.empty()) return label;
  const char first = label.front();
  const bool risky = first == '=' || first == '+' || first == '-' || first == '@' ||
                     first == '\t' || first == '\r';
  return risky ? "'" + label : label;
}

// `text` as an SPSS string: in double quotes, a " doubled; a line break
// as the hexadecimal string X'0A' joined with +.
std::string SpssString(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') {
      out += "\"\"";
    } else if (c == '\n' || c == '\r') {
      out += c == '\n' ? "\" + X'0A' + \"" : "\" + X'0D' + \"";
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// `text` as a Stata string in compound quotes, ` and $ escaped so that no
// macro is expanded. A text with a line break is built in the local
// verhaal_text first (`setup` gets that line) and referred to.
std::string StataString(std::string_view text, std::string& setup) {
  std::string plain;
  std::string expression;
  bool broken = false;
  auto flush = [&] {
    if (!expression.empty()) expression += " + ";
    expression += "`\"" + plain + "\"'";
    plain.clear();
  };
  for (char c : text) {
    if (c == '`' || c == '$') {
      plain += '\\';
      plain += c;
    } else if (c == '\n' || c == '\r') {
      broken = true;
      flush();
      expression += c == '\n' ? " + char(10)" : " + char(13)";
    } else {
      plain += c;
    }
  }
  if (!broken) return "`\"" + plain + "\"'";
  flush();
  setup += "local verhaal_text = " + expression + "\n";
  return "`\"`verhaal_text'\"'";
}

// What the syntax needs of one column, taken from what WriteStatFile
// gives ReadStat.
struct SyntaxColumn {
  const ExportColumn* column;
  size_t width;        // string width in bytes (text); the longest label (category)
  std::string format;  // display format; empty for text
};

std::string FittedVariableLabel(const ExportColumn& column, StatFormat format) {
  const LabelLimits& limits = format == StatFormat::kSav ? kSavLabels : kDtaLabels;
  return CutUtf8(column.label, limits.variable_bytes, limits.variable_chars);
}

std::string FittedValueLabel(const std::string& label, StatFormat format) {
  const LabelLimits& limits = format == StatFormat::kSav ? kSavLabels : kDtaLabels;
  return CutUtf8(label, limits.value_bytes);
}

std::string SpssSyntax(const std::vector<SyntaxColumn>& columns, const std::string& data_name,
                       const std::string& csv_name) {
  std::string out;
  out += "* SPSS syntax written by verhaal beside " + data_name + ": reads " + csv_name +
         "\n* (the CSV export of the same data, with --not-applicable -9) and labels it as " +
         data_name +
         " is labelled.\n* Run it from the folder of the CSV, or give FILE its full path.\n";
  out += "GET DATA /TYPE=TXT /FILE=" + SpssString(csv_name) +
         " /ENCODING='UTF8'\n  /ARRANGEMENT=DELIMITED /DELCASE=LINE /FIRSTCASE=2\n"
         "  /DELIMITERS=\",\" /QUALIFIER='\"'\n  /VARIABLES=\n";
  for (const auto& c : columns) {
    const ExportColumn& column = *c.column;
    if (IsDate(column)) {
      out += "    " + column.name + " SDATE10\n";
    } else if (column.kind == ColumnKind::kText) {
      // One byte more: room for the ' the CSV puts before a formula.
      out += "    verhaal_" + column.name + " A" +
             std::to_string(std::min(c.width + 1, kSpssMaxString)) + "\n";
    } else if (column.kind == ColumnKind::kCategory) {
      out += "    verhaal_" + column.name + " A" + std::to_string(c.width) + "\n";
    } else {
      out += "    " + column.name + " F40.0\n";
    }
  }
  out += "  .\n";
  // Text as the data file has it: without the ' the CSV puts before text
  // a spreadsheet would take for a formula (=, +, -, @).
  for (const auto& c : columns) {
    const ExportColumn& column = *c.column;
    if (!IsString(column)) continue;
    const std::string read = "verhaal_" + column.name;
    out += "STRING " + column.name + " (A" + std::to_string(c.width) + ").\nCOMPUTE " +
           column.name + " = " + read + ".\nIF (SUBSTR(" + read +
           ", 1, 1) = \"'\" AND INDEX(\"=+-@\", SUBSTR(" + read + ", 2, 1)) > 0) " + column.name +
           " = SUBSTR(" + read + ", 2).\n";
  }
  // Category columns hold labels in the CSV: recoded into their codes.
  for (const auto& c : columns) {
    const ExportColumn& column = *c.column;
    if (column.kind != ColumnKind::kCategory) continue;
    out += "RECODE verhaal_" + column.name;
    for (const auto& [code, label] : column.value_labels) {
      out += "\n  (" + SpssString(CsvCategoryText(label)) + "=" + FormatNumber(code) + ")";
    }
    if (column.may_be_not_applicable) {
      const std::string na = FormatNumber(kSpssNotApplicable);
      out += "\n  (\"" + na + "\"=" + na + ")";
    }
    out += "\n  INTO " + column.name + ".\n";
  }
  out += "MATCH FILES /FILE=* /KEEP=";
  for (const auto& c : columns) out += "\n  " + c.column->name;
  out += ".\n";
  out += "VARIABLE LABELS";
  for (size_t i = 0; i < columns.size(); ++i) {
    const ExportColumn& column = *columns[i].column;
    out += (i == 0 ? "\n  " : "\n  /") + column.name + " " +
           SpssString(FittedVariableLabel(column, StatFormat::kSav));
  }
  out += ".\n";
  std::string value_labels;
  std::string missing;
  std::string formats;
  std::string levels[3];
  for (const auto& c : columns) {
    const ExportColumn& column = *c.column;
    levels[static_cast<int>(column.measure)] += " " + column.name;
    if (IsString(column)) continue;
    formats += "\n  " + column.name + " (" + c.format + ")";
    if (column.may_be_not_applicable) {
      missing += "\n  " + column.name + " (" + FormatNumber(kSpssNotApplicable) + ")";
    }
    if (column.value_labels.empty() && !column.may_be_not_applicable) continue;
    value_labels += (value_labels.empty() ? "\n  " : "\n  /") + column.name;
    for (const auto& [code, label] : column.value_labels) {
      value_labels += "\n    " + FormatNumber(code) + " " +
                      SpssString(FittedValueLabel(label, StatFormat::kSav));
    }
    if (column.may_be_not_applicable) {
      value_labels += "\n    " + FormatNumber(kSpssNotApplicable) + " \"not applicable\"";
    }
  }
  if (!value_labels.empty()) out += "VALUE LABELS" + value_labels + ".\n";
  if (!missing.empty()) out += "MISSING VALUES" + missing + ".\n";
  if (!formats.empty()) out += "FORMATS" + formats + ".\n";
  const char* level_names[3] = {"NOMINAL", "ORDINAL", "SCALE"};
  std::string level_lines;
  for (int i = 0; i < 3; ++i) {
    if (levels[i].empty()) continue;
    level_lines += (level_lines.empty() ? "\n  " : "\n  /") + levels[i].substr(1) + " (" +
                   level_names[i] + ")";
  }
  if (!level_lines.empty()) out += "VARIABLE LEVEL" + level_lines + ".\n";
  out += "EXECUTE.\n";
  return out;
}

std::string StataSyntax(const std::vector<SyntaxColumn>& columns, const std::string& data_name,
                        const std::string& csv_name) {
  std::string out;
  out += "* Stata do-file written by verhaal beside " + data_name + ": reads " + csv_name +
         "\n* (the CSV export of the same data, with --not-applicable -9) and labels it as " +
         data_name +
         " is labelled.\n* Run it from the folder of the CSV (cd), or give the full path.\n";
  std::string strings;
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].column->kind != ColumnKind::kNumber) strings += " " + std::to_string(i + 1);
  }
  std::string ignored;
  out += "import delimited using " + StataString(csv_name, ignored) +
         ", varnames(1) case(preserve) encoding(\"utf-8\") bindquote(strict) asdouble" +
         (strings.empty() ? "" : " stringcols(" + strings.substr(1) + ")") + " clear\n";
  out += "tempvar verhaal_value\n";
  for (const auto& c : columns) {
    const ExportColumn& column = *c.column;
    const std::string& name = column.name;
    if (IsDate(column)) {
      out += "generate double `verhaal_value' = date(" + name + ", \"YMD\")\n";
    } else if (column.kind == ColumnKind::kCategory) {
      out += "generate double `verhaal_value' = .\n";
      for (const auto& [code, label] : column.value_labels) {
        std::string setup;
        const std::string literal = StataString(CsvCategoryText(label), setup);
        out += setup + "replace `verhaal_value' = " + FormatNumber(code) + " if " + name +
               " == " + literal + "\n";
      }
      if (column.may_be_not_applicable) {
        out += "replace `verhaal_value' = .a if " + name + " == \"" +
               FormatNumber(kSpssNotApplicable) + "\"\n";
      }
    }
    if (IsDate(column) || column.kind == ColumnKind::kCategory) {
      out += "drop " + name + "\nrename `verhaal_value' " + name + "\n";
    } else if (column.kind == ColumnKind::kNumber && column.may_be_not_applicable) {
      out +=
          "replace " + name + " = .a if " + name + " == " + FormatNumber(kSpssNotApplicable) + "\n";
    }
    if (IsString(column)) {
      // Without the ' the CSV puts before text a spreadsheet would take for
      // a formula (=, +, -, @).
      out += "replace " + name + " = substr(" + name + ", 2, .) if inlist(substr(" + name +
             ", 1, 2), \"'=\", \"'+\", \"'-\", \"'@\")\n";
    }
    std::string setup;
    const std::string label = StataString(FittedVariableLabel(column, StatFormat::kDta), setup);
    out += setup + "label variable " + name + " " + label + "\n";
    if (IsString(column)) continue;
    out += "format " + name + " " + c.format + "\n";
    if (column.value_labels.empty() && !column.may_be_not_applicable) continue;
    const std::string define_start = "label define " + name;
    std::string define = define_start;
    for (const auto& [code, text] : column.value_labels) {
      std::string line_setup;
      const std::string literal = StataString(FittedValueLabel(text, StatFormat::kDta), line_setup);
      if (!line_setup.empty()) {
        // One local at a time: this label gets a line of its own.
        out += line_setup + "label define " + name + " " + FormatNumber(code) + " " + literal +
               ", modify\n";
        continue;
      }
      define += " " + FormatNumber(code) + " " + literal;
    }
    if (column.may_be_not_applicable) define += " .a `\"not applicable\"'";
    if (define != define_start) out += define + ", modify\n";
    out += "label values " + name + " " + name + "\n";
  }
  out += "order";
  for (const auto& c : columns) out += " " + c.column->name;
  out += "\n";
  return out;
}

void WriteSyntax(const std::vector<ExportColumn>& columns, const std::vector<size_t>& widths,
                 const std::vector<NumberRange>& ranges, StatFormat format,
                 const std::filesystem::path& data_file, const std::filesystem::path& syntax,
                 const std::string& csv_name) {
  std::vector<SyntaxColumn> syntax_columns;
  for (size_t c = 0; c < columns.size(); ++c) {
    size_t width = widths[c];
    if (columns[c].kind == ColumnKind::kCategory) {
      width = 1;
      for (const auto& [code, label] : columns[c].value_labels) {
        width = std::max(width, CsvCategoryText(label).size());
      }
    }
    syntax_columns.push_back({&columns[c], width, DisplayFormat(columns[c], format, ranges[c])});
  }
  const std::string data_name = data_file.filename().string();
  const std::string csv =
      csv_name.empty() ? data_file.filename().replace_extension(".csv").string() : csv_name;
  AtomicFileWriter out(syntax);
  out.Write(format == StatFormat::kSav ? SpssSyntax(syntax_columns, data_name, csv)
                                       : StataSyntax(syntax_columns, data_name, csv));
  out.Commit();
}

}  // namespace

std::filesystem::path StatSyntaxPath(const std::filesystem::path& file, StatFormat format) {
  std::filesystem::path path = file;
  return path.replace_extension(format == StatFormat::kSav ? ".sps" : ".do");
}

int64_t WriteStatFile(ExportSource& source, StatFormat format, const std::filesystem::path& file,
                      std::ostream& warnings, int64_t file_time,
                      const std::vector<std::string>& notes, const std::filesystem::path& syntax,
                      const std::string& csv_name, std::vector<std::string>* formats,
                      const std::filesystem::path& shown_as) {
  const auto& columns = source.columns();
  // The data file as messages name it; `file` is where the bytes go.
  const std::filesystem::path& named = shown_as.empty() ? file : shown_as;
  const bool sav = format == StatFormat::kSav;

  // The one pass over the source: rows and the widest text of each column,
  // each row spilled to a temporary file that the writing passes read (the
  // header needs the count and widths before the first row).
  long rows = 0;
  std::vector<size_t> widths(columns.size(), 1);
  std::vector<NumberRange> ranges(columns.size());
  RowSpill spill;
  source.ForEachRow([&](const ExportRow& row) {
    ++rows;
    spill.Append(row);
    for (size_t c = 0; c < columns.size(); ++c) {
      if (IsString(columns[c])) {
        widths[c] = std::max(widths[c], row[c].text.size());
      } else if (!IsDate(columns[c]) && row[c].state == Cell::State::kValue) {
        const double value = row[c].number;
        ranges[c].whole = ranges[c].whole && std::isfinite(value) && std::trunc(value) == value;
        ranges[c].largest = std::max(ranges[c].largest, std::fabs(value));
      }
    }
  });
  // SPSS strings hold at most 32,767 bytes; Stata's longer text goes into
  // strL variables, which have no limit that matters here.
  std::vector<bool> cut(columns.size(), false);
  std::vector<bool> strl(columns.size(), false);
  for (size_t c = 0; c < columns.size(); ++c) {
    if (!sav && widths[c] > kStataMaxString) {
      strl[c] = true;
    } else if (sav && widths[c] > kSpssMaxString) {
      cut[c] = true;
      warnings << "verhaal: warning: " << named.string() << ": text in variable " << columns[c].name
               << " is longer than SPSS's " << kSpssMaxString
               << " bytes and was cut; export --format csv or dta for the full text\n";
      widths[c] = kSpssMaxString;
    }
  }

  AtomicFileWriter out(file);
  Sink sink{out, nullptr};
  std::unique_ptr<readstat_writer_t, WriterDeleter> writer(readstat_writer_init());
  readstat_set_data_writer(writer.get(), WriteBytes);
  Check(readstat_writer_set_file_timestamp(writer.get(), static_cast<time_t>(file_time)), named,
        "time stamp");
  Check(readstat_writer_set_file_label(writer.get(), ("verhaal export: " + source.name()).c_str()),
        named, "file label");

  for (const std::string& note : notes) readstat_add_note(writer.get(), note.c_str());

  CutLabels cut_labels;
  std::vector<readstat_variable_t*> variables;
  for (size_t c = 0; c < columns.size(); ++c) {
    variables.push_back(AddVariable(writer.get(), columns[c], format,
                                    IsString(columns[c]) ? widths[c] : 0, strl[c], ranges[c], named,
                                    cut_labels));
  }
  WarnAboutCutLabels(cut_labels, format, named, warnings);

  // The .sav dictionary is held back until ReadStat has written all of it
  // (at the first row), so the names of string segments can be fixed.
  std::vector<size_t> sav_widths;
  for (size_t c = 0; c < columns.size(); ++c) {
    sav_widths.push_back(IsString(columns[c]) ? widths[c] : 0);
  }
  auto release = [&] {
    if (!sink.holding) return;
    RenameSavSegments(sink.held, sav_widths);
    sink.holding = false;
    out.Write(sink.held);
    sink.held.clear();
  };
  if (sav) {
    sink.holding = true;
    // Bytecode-compressed rows, as SPSS writes by default: a 0/1 or small
    // whole number takes a byte instead of eight (the bench projects' .sav,
    // mostly 0/1 code columns, a sixth the size).
    Check(readstat_writer_set_compression(writer.get(), READSTAT_COMPRESS_ROWS), named,
          "compression");
    Check(readstat_begin_writing_sav(writer.get(), &sink, rows), named, "header", &sink);
  } else {
    Check(readstat_writer_set_file_format_version(writer.get(), 118), named, "version");
    Check(readstat_begin_writing_dta(writer.get(), &sink, rows), named, "header", &sink);
  }
  // ReadStat measures the strL section when it writes the header, at the
  // first row, so every strL is handed over before (one more pass).
  if (std::find(strl.begin(), strl.end(), true) != strl.end()) {
    spill.ForEachRow(columns.size(), [&](const ExportRow& row) {
      for (size_t c = 0; c < columns.size(); ++c) {
        if (strl[c]) readstat_add_string_ref(writer.get(), TextOf(row[c]).c_str());
      }
    });
  }
  Check(readstat_validate_metadata(writer.get()), named, "metadata");
  for (size_t c = 0; c < columns.size(); ++c) {
    Check(readstat_validate_variable(writer.get(), variables[c]), named,
          "variable " + columns[c].name);
  }

  // The rows, from the spill.
  long written = 0;
  int next_ref = 0;
  std::vector<size_t> not_dates(columns.size(), 0);
  spill.ForEachRow(columns.size(), [&](const ExportRow& row) {
    Check(readstat_begin_row(writer.get()), named, "row", &sink);
    release();
    for (size_t c = 0; c < columns.size(); ++c) {
      const Cell& cell = row[c];
      readstat_variable_t* variable = variables[c];
      readstat_error_t error = READSTAT_OK;
      if (IsDate(columns[c])) {
        const std::optional<int64_t> days =
            cell.state == Cell::State::kValue ? ParseDate(cell.text) : std::nullopt;
        if (!days && cell.state == Cell::State::kValue) ++not_dates[c];
        error = days
                    ? readstat_insert_double_value(writer.get(), variable, DateValue(*days, format))
                    : readstat_insert_missing_value(writer.get(), variable);
      } else if (IsString(columns[c])) {
        const std::string text = cut[c] ? CutUtf8(TextOf(cell), widths[c]) : TextOf(cell);
        if (strl[c]) {
          readstat_string_ref_t* ref = readstat_get_string_ref(writer.get(), next_ref++);
          if (ref == nullptr) throw IoError("a Stata strL went missing while exporting");
          error = readstat_insert_string_ref(writer.get(), variable, ref);
        } else {
          error = text.empty() ? readstat_insert_missing_value(writer.get(), variable)
                               : readstat_insert_string_value(writer.get(), variable, text.c_str());
        }
      } else if (cell.state == Cell::State::kValue) {
        error = InsertNumber(writer.get(), variable, cell.number);
      } else if (cell.state == Cell::State::kNotApplicable && sav) {
        error = readstat_insert_double_value(writer.get(), variable, kSpssNotApplicable);
      } else if (cell.state == Cell::State::kNotApplicable) {
        error = readstat_insert_tagged_missing_value(writer.get(), variable, 'a');
      } else {
        error = readstat_insert_missing_value(writer.get(), variable);
      }
      if (error != READSTAT_OK) Check(error, named, "value of " + columns[c].name, &sink);
    }
    Check(readstat_end_row(writer.get()), named, "row", &sink);
    ++written;
  });
  for (size_t c = 0; c < columns.size(); ++c) {
    if (not_dates[c] == 0) continue;
    const bool one = not_dates[c] == 1;
    warnings << "verhaal: warning: " << named.string() << ": " << not_dates[c]
             << (one ? " value" : " values") << " of date variable " << columns[c].name
             << (one ? " is not a date" : " are not dates")
             << " (YYYY-MM-DD) and left missing; export --format csv for the text\n";
  }
  Check(readstat_end_writing(writer.get()), named, "end", &sink);
  release();
  out.Commit();
  if (!syntax.empty()) WriteSyntax(columns, widths, ranges, format, named, syntax, csv_name);
  if (formats != nullptr) {
    formats->clear();
    for (size_t c = 0; c < columns.size(); ++c) {
      if (!IsString(columns[c])) {
        formats->push_back(DisplayFormat(columns[c], format, ranges[c]));
      } else if (sav) {
        formats->push_back("A" + std::to_string(widths[c]));
      } else {
        formats->push_back(strl[c] ? "strL" : "str" + std::to_string(widths[c]));
      }
    }
  }
  return written;
}

}  // namespace verhaal
