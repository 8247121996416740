#include "exporters/spss_stata.h"

#include <readstat.h>

#include <algorithm>
#include <exception>
#include <memory>
#include <string>
#include <vector>

#include "corpus/error.h"
#include "corpus/files.h"

namespace verhaal {
namespace {

// Longest variable label SPSS keeps, longest value label; in bytes.
constexpr size_t kMaxLabel = 255;
constexpr size_t kMaxValueLabel = 120;
constexpr size_t kSpssMaxString = 32767;

// `text` cut to at most `bytes` bytes without splitting a UTF-8 character.
std::string CutUtf8(std::string_view text, size_t bytes) {
  if (text.size() <= bytes) return std::string(text);
  size_t end = bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return std::string(text.substr(0, end));
}

// Where ReadStat's bytes go. Exceptions must not cross ReadStat's C code:
// a failed write is kept here and rethrown once ReadStat has returned.
struct Sink {
  AtomicFileWriter& file;
  std::exception_ptr error;
};

ssize_t WriteBytes(const void* data, size_t length, void* context) {
  auto* sink = static_cast<Sink*>(context);
  try {
    sink->file.Write(std::string_view(static_cast<const char*>(data), length));
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

}  // namespace

int64_t WriteStatFile(ExportSource& source, StatFormat format, const std::filesystem::path& file,
                      std::ostream& warnings, int64_t file_time) {
  const auto& columns = source.columns();
  const size_t max_string = format == StatFormat::kDta ? kStataMaxString : kSpssMaxString;

  // Pass 1: rows and the widest text of each column.
  long rows = 0;
  std::vector<size_t> widths(columns.size(), 1);
  source.ForEachRow([&](const ExportRow& row) {
    ++rows;
    for (size_t c = 0; c < columns.size(); ++c) {
      if (columns[c].kind == ColumnKind::kText) widths[c] = std::max(widths[c], row[c].text.size());
    }
  });
  std::vector<bool> cut(columns.size(), false);
  for (size_t c = 0; c < columns.size(); ++c) {
    if (widths[c] > max_string) {
      cut[c] = true;
      warnings << "verhaal: warning: " << file.string() << ": text in variable " << columns[c].name
               << " is longer than " << max_string << " bytes and was cut; export --format csv "
               << "for the full text\n";
      widths[c] = max_string;
    }
  }

  AtomicFileWriter out(file);
  Sink sink{out, nullptr};
  std::unique_ptr<readstat_writer_t, WriterDeleter> writer(readstat_writer_init());
  readstat_set_data_writer(writer.get(), WriteBytes);
  Check(readstat_writer_set_file_timestamp(writer.get(), static_cast<time_t>(file_time)), file,
        "time stamp");
  Check(readstat_writer_set_file_label(writer.get(), ("verhaal export: " + source.name()).c_str()),
        file, "file label");

  std::vector<readstat_variable_t*> variables;
  for (size_t c = 0; c < columns.size(); ++c) {
    const ExportColumn& column = columns[c];
    const bool text = column.kind == ColumnKind::kText;
    readstat_variable_t* variable = readstat_add_variable(
        writer.get(), column.name.c_str(), text ? READSTAT_TYPE_STRING : READSTAT_TYPE_DOUBLE,
        text ? widths[c] : 0);
    readstat_variable_set_label(variable, CutUtf8(column.label, kMaxLabel).c_str());
    readstat_variable_set_measure(variable, MeasureOf(column.measure));
    if (!text) {
      const bool labelled = !column.value_labels.empty() || column.may_be_not_applicable;
      if (column.may_be_not_applicable && format == StatFormat::kSav) {
        Check(readstat_variable_add_missing_double_value(variable, kSpssNotApplicable), file,
              "missing value of " + column.name);
      }
      if (labelled) {
        readstat_label_set_t* labels = readstat_add_label_set(
            writer.get(), format == StatFormat::kSav ? READSTAT_TYPE_DOUBLE : READSTAT_TYPE_INT32,
            column.name.c_str());
        for (const auto& [code, label] : column.value_labels) {
          const std::string cut_label = CutUtf8(label, kMaxValueLabel);
          if (format == StatFormat::kSav) {
            readstat_label_double_value(labels, code, cut_label.c_str());
          } else {
            readstat_label_int32_value(labels, static_cast<int32_t>(code), cut_label.c_str());
          }
        }
        if (column.may_be_not_applicable) {
          if (format == StatFormat::kSav) {
            readstat_label_double_value(labels, kSpssNotApplicable, "not applicable");
          } else {
            readstat_label_tagged_value(labels, 'a', "not applicable");
          }
        }
        readstat_variable_set_label_set(variable, labels);
      }
    }
    variables.push_back(variable);
  }

  if (format == StatFormat::kSav) {
    Check(readstat_begin_writing_sav(writer.get(), &sink, rows), file, "header", &sink);
  } else {
    Check(readstat_writer_set_file_format_version(writer.get(), 118), file, "version");
    Check(readstat_begin_writing_dta(writer.get(), &sink, rows), file, "header", &sink);
  }
  Check(readstat_validate_metadata(writer.get()), file, "metadata");
  for (size_t c = 0; c < columns.size(); ++c) {
    Check(readstat_validate_variable(writer.get(), variables[c]), file,
          "variable " + columns[c].name);
  }

  // Pass 2: the rows. A source that changed in between is cut or padded by
  // ReadStat's row count check, which we turn into an error.
  long written = 0;
  source.ForEachRow([&](const ExportRow& row) {
    if (written >= rows) throw IoError("the project changed while exporting; export again");
    Check(readstat_begin_row(writer.get()), file, "row");
    for (size_t c = 0; c < columns.size(); ++c) {
      const Cell& cell = row[c];
      readstat_variable_t* variable = variables[c];
      readstat_error_t error = READSTAT_OK;
      if (columns[c].kind == ColumnKind::kText) {
        const std::string text = cell.state == Cell::State::kValue
                                     ? (cut[c] ? CutUtf8(cell.text, widths[c]) : cell.text)
                                     : std::string();
        error = text.empty() ? readstat_insert_missing_value(writer.get(), variable)
                             : readstat_insert_string_value(writer.get(), variable, text.c_str());
      } else if (cell.state == Cell::State::kValue) {
        error = readstat_insert_double_value(writer.get(), variable, cell.number);
      } else if (cell.state == Cell::State::kNotApplicable && format == StatFormat::kSav) {
        error = readstat_insert_double_value(writer.get(), variable, kSpssNotApplicable);
      } else if (cell.state == Cell::State::kNotApplicable) {
        error = readstat_insert_tagged_missing_value(writer.get(), variable, 'a');
      } else {
        error = readstat_insert_missing_value(writer.get(), variable);
      }
      Check(error, file, "value of " + columns[c].name, &sink);
    }
    Check(readstat_end_row(writer.get()), file, "row", &sink);
    ++written;
  });
  if (written != rows) throw IoError("the project changed while exporting; export again");
  Check(readstat_end_writing(writer.get()), file, "end", &sink);
  out.Commit();
  return written;
}

}  // namespace verhaal
