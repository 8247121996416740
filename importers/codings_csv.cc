#include "importers/codings_csv.h"

#include <charconv>
#include <map>
#include <optional>
#include <vector>

#include "base/error.h"
#include "coding/manual_coding.h"
#include "corpus/codings.h"
#include "importers/csv_reader.h"

namespace verhaal {
namespace {

// Runs `step`; a verhaal::Error it throws is re-thrown at `where`.
template <typename Step>
auto At(const Location& where, Step step) {
  try {
    return step();
  } catch (const Error& error) {
    throw Error(error.kind() == ErrorKind::kUsage ? ErrorKind::kData : error.kind(),
                error.message(), where);
  }
}

}  // namespace

CodingsCsvResult ImportCodingsCsv(Project& project, std::unique_ptr<ByteSource> source,
                                  const std::string& file_name, const CodingsCsvOptions& options) {
  CsvReader reader(std::move(source), file_name);
  const CsvRecord* header = reader.Next();
  if (!header) {
    throw DataError(
        "the codings file is empty; it needs a header line with story, code and "
        "quote or start,end",
        Location{file_name, 1, 0, ""});
  }
  std::map<std::string, size_t> columns;
  for (size_t i = 0; i < header->size(); ++i) columns[(*header)[i]] = i;
  auto column = [&](const std::string& name) -> std::optional<size_t> {
    auto it = columns.find(name);
    if (it == columns.end()) return std::nullopt;
    return it->second;
  };
  const auto story_column = column("story");
  const auto code_column = column("code");
  const auto coder_column = column("coder");
  const auto quote_column = column("quote");
  const auto occurrence_column = column("occurrence");
  const auto start_column = column("start");
  const auto end_column = column("end");
  const auto memo_column = column("memo");
  const Location header_at = reader.LocationOfRecord();
  if (!story_column || !code_column) {
    throw DataError(std::string("the codings file has no '") + (story_column ? "code" : "story") +
                        "' column; the header needs story, code and quote or start,end",
                    header_at);
  }
  if (!quote_column && !(start_column && end_column)) {
    throw DataError(
        "the codings file has neither a 'quote' column nor 'start' and 'end' "
        "columns; add one of them to the header",
        header_at);
  }
  CodingsCsvResult result;
  while (const CsvRecord* record = reader.Next()) {
    ++result.rows;
    const CsvRecord& row = *record;
    auto cell = [&](std::optional<size_t> c) -> std::string {
      return c && *c < row.size() ? row[*c] : std::string();
    };
    auto where = [&](std::optional<size_t> c) {
      return c && *c < row.size() ? reader.LocationOf(row.fields[*c]) : reader.LocationOfRecord();
    };
    const Story story =
        At(where(story_column), [&] { return RequireStory(project, cell(story_column)); });
    const Code code =
        At(where(code_column), [&] { return RequireCodableCode(project, cell(code_column)); });
    SegmentSpec spec;
    std::optional<size_t> segment_column;
    if (quote_column && !cell(quote_column).empty()) {
      spec.quote = cell(quote_column);
      segment_column = quote_column;
      const std::string occurrence = cell(occurrence_column);
      if (!occurrence.empty()) {
        int n = 0;
        const auto [end, ec] =
            std::from_chars(occurrence.data(), occurrence.data() + occurrence.size(), n);
        if (ec != std::errc() || end != occurrence.data() + occurrence.size() || n < 1) {
          throw DataError("occurrence '" + occurrence +
                              "' is not a number from 1; it says which occurrence of the quote "
                              "to code",
                          where(occurrence_column));
        }
        spec.occurrence = n;
      }
    } else if (start_column && end_column && !cell(start_column).empty()) {
      segment_column = start_column;
      At(where(start_column),
         [&] { ParseSpan(cell(start_column) + ":" + cell(end_column), spec); });
    } else {
      throw DataError("this row names no segment; fill in the quote, or start and end",
                      reader.LocationOfRecord());
    }
    const Segment segment = At(where(segment_column), [&] { return ResolveSegment(story, spec); });
    const std::string coder_name =
        cell(coder_column).empty() ? options.default_coder : cell(coder_column);
    Coding coding;
    coding.story_id = story.id;
    coding.code_id = code.id;
    coding.coder_id = At(where(coder_column), [&] { return EnsureCoder(project, coder_name); });
    coding.start = segment.start;
    coding.end = segment.end;
    coding.origin = options.origin;
    coding.memo = cell(memo_column);
    if (AddCoding(project, coding)) {
      ++result.added;
    } else {
      ++result.duplicates;
    }
  }
  return result;
}

}  // namespace verhaal
