#include "corpus/clock.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <charconv>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <string_view>

#include "corpus/error.h"
#include "corpus/sqlite_errors.h"

namespace verhaal {
namespace {

constexpr int64_t kLatest = 253402300799;  // 9999-12-31T23:59:59Z

// "YYYY-MM-DDTHH:MM:SSZ" as seconds since 1970; nullopt when malformed.
std::optional<int64_t> ParseUtcStamp(std::string_view stamp) {
  if (stamp.size() != 20 || stamp[4] != '-' || stamp[7] != '-' || stamp[10] != 'T' ||
      stamp[13] != ':' || stamp[16] != ':' || stamp[19] != 'Z') {
    return std::nullopt;
  }
  auto number = [&](size_t at, size_t length) {
    int value = -1;
    const char* begin = stamp.data() + at;
    const auto [end, error] = std::from_chars(begin, begin + length, value);
    return error == std::errc() && end == begin + length ? value : -1;
  };
  const int year = number(0, 4), month = number(5, 2), day = number(8, 2);
  const int hour = number(11, 2), minute = number(14, 2), second = number(17, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 ||
      minute < 0 || minute > 59 || second < 0 || second > 60) {
    return std::nullopt;
  }
  using namespace std::chrono;
  const year_month_day date{std::chrono::year(year),
                            std::chrono::month(static_cast<unsigned>(month)),
                            std::chrono::day(static_cast<unsigned>(day))};
  if (!date.ok()) return std::nullopt;
  return static_cast<int64_t>(sys_days(date).time_since_epoch().count()) * 86400 + hour * 3600 +
         minute * 60 + second;
}

}  // namespace

std::optional<int64_t> SourceDateEpoch() {
  const char* value = std::getenv("SOURCE_DATE_EPOCH");
  if (value == nullptr || *value == '\0') return std::nullopt;
  const std::string_view text(value);
  int64_t seconds = -1;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (error != std::errc() || end != text.data() + text.size() || seconds < 0 ||
      seconds > kLatest) {
    throw UsageError("SOURCE_DATE_EPOCH is '" + std::string(text) +
                     "'; it must be a whole number of seconds since 1970-01-01 UTC, e.g. "
                     "1735689600, or unset");
  }
  return seconds;
}

int64_t NowSeconds() {
  if (const auto epoch = SourceDateEpoch()) return *epoch;
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string UtcStamp(int64_t seconds) {
  using namespace std::chrono;
  const sys_seconds time{std::chrono::seconds(seconds)};
  const sys_days days = floor<std::chrono::days>(time);
  const year_month_day date(days);
  const hh_mm_ss clock(time - days);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02dZ",
                static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()), static_cast<int>(clock.hours().count()),
                static_cast<int>(clock.minutes().count()),
                static_cast<int>(clock.seconds().count()));
  return buffer;
}

std::string UtcStampNow() { return UtcStamp(NowSeconds()); }

int64_t ExportTime(Project& project) try {
  if (const auto epoch = SourceDateEpoch()) return *epoch;
  int64_t newest = kEarliestExportTime;
  try {
    // ISO 8601 stamps sort as text; their date and time to the second count
    // (imported stamps may carry fractions or an offset), others are skipped.
    constexpr const char* kStamp =
        "substr(created, 1, 19) GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:"
        "[0-9][0-9]:[0-9][0-9]'";
    SQLite::Statement stamps(
        project.db(),
        std::string("SELECT max(substr(created, 1, 19)) FROM coding_origin "
                    "WHERE ") +
            kStamp + " UNION ALL SELECT max(substr(created, 1, 19)) FROM memo WHERE " + kStamp);
    while (stamps.executeStep()) {
      if (stamps.getColumn(0).isNull()) continue;
      const auto seconds = ParseUtcStamp(stamps.getColumn(0).getString() + "Z");
      if (seconds && *seconds > newest && *seconds <= kLatest) newest = *seconds;
    }
  } catch (const SQLite::Exception& e) {
    throw IoError(std::string("cannot read the project's time stamps: ") + e.what());
  }
  return newest;
} catch (...) {
  RethrowSqlite(project);
}

}  // namespace verhaal
