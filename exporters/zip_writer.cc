#include "exporters/zip_writer.h"

#include <zip.h>

#include <algorithm>
#include <chrono>

#include "base/error.h"
#include "corpus/output_guard.h"

namespace verhaal {
namespace {

struct DosTime {
  zip_uint16_t time = 0;
  zip_uint16_t date = 0;
};

// `seconds` since 1970 as MS-DOS date and time fields, from the UTC
// calendar (libzip's zip_file_set_mtime would use the local time zone).
DosTime ToDosTime(int64_t seconds) {
  using namespace std::chrono;
  const sys_seconds time{std::chrono::seconds(std::max(seconds, kEarliestExportTime))};
  const sys_days days = floor<std::chrono::days>(time);
  const year_month_day date(days);
  const hh_mm_ss clock(time - days);
  const int year = std::min(static_cast<int>(date.year()), 2107);
  DosTime dos;
  dos.date =
      static_cast<zip_uint16_t>(((year - 1980) << 9) | (static_cast<unsigned>(date.month()) << 5) |
                                static_cast<unsigned>(date.day()));
  dos.time =
      static_cast<zip_uint16_t>((clock.hours().count() << 11) | (clock.minutes().count() << 5) |
                                (clock.seconds().count() / 2));
  return dos;
}

}  // namespace

void WriteZip(const std::filesystem::path& file, const std::vector<ZipEntry>& entries,
              int64_t entry_time) {
  const DosTime dos = ToDosTime(entry_time);
  CheckOutputFile(file);
  int code = 0;
  zip_t* archive = zip_open(file.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
  if (archive == nullptr) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    const std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw Error(ErrorKind::kCannotCreate, "cannot create " + file.string() + ": " + why +
                                              "; check that the folder exists and is writable");
  }
  for (const ZipEntry& entry : entries) {
    zip_source_t* source = zip_source_buffer(archive, entry.bytes.data(), entry.bytes.size(), 0);
    zip_int64_t index = -1;
    if (source == nullptr ||
        (index = zip_file_add(archive, entry.name.c_str(), source,
                              ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE)) < 0 ||
        zip_file_set_dostime(archive, static_cast<zip_uint64_t>(index), dos.time, dos.date, 0) <
            0) {
      const std::string why = zip_strerror(archive);
      if (source != nullptr && index < 0) zip_source_free(source);
      zip_discard(archive);
      throw Error(ErrorKind::kIo, "cannot add " + entry.name + " to " + file.string() + ": " + why);
    }
  }
  if (zip_close(archive) != 0) {
    const std::string why = zip_strerror(archive);
    zip_discard(archive);
    throw Error(ErrorKind::kIo,
                "cannot write " + file.string() + ": " + why + "; the disk may be full");
  }
}

}  // namespace verhaal
