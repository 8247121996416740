#include "exporters/zip_writer.h"

#include <sys/stat.h>
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

// The bytes of an AddLazy entry are read at its first STAT (libzip needs
// the size before the data, or it writes a Zip64 header and the bytes
// change) and dropped at CLOSE; the size is kept for the STATs after it.
struct ZipWriter::LazyEntry {
  std::function<std::string()> read;
  std::exception_ptr* failure = nullptr;
  std::string bytes;
  bool held = false;
  int64_t size = -1;
  size_t offset = 0;
  zip_error_t error;

  bool Load() {
    if (held) return true;
    try {
      bytes = read();
    } catch (...) {
      if (!*failure) *failure = std::current_exception();
      zip_error_set(&error, ZIP_ER_READ, 0);
      return false;
    }
    if (size >= 0 && static_cast<int64_t>(bytes.size()) != size) {
      zip_error_set(&error, ZIP_ER_INCONS, 0);
      return false;
    }
    size = static_cast<int64_t>(bytes.size());
    held = true;
    return true;
  }
};

namespace {

zip_int64_t LazyCallback(void* state, void* data, zip_uint64_t length, zip_source_cmd_t command) {
  auto& entry = *static_cast<ZipWriter::LazyEntry*>(state);
  switch (command) {
    case ZIP_SOURCE_SUPPORTS:
      return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                            ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    case ZIP_SOURCE_STAT: {
      if (length < sizeof(zip_stat_t)) {
        zip_error_set(&entry.error, ZIP_ER_INVAL, 0);
        return -1;
      }
      if (entry.size < 0 && !entry.Load()) return -1;
      auto* stat = static_cast<zip_stat_t*>(data);
      zip_stat_init(stat);
      stat->size = static_cast<zip_uint64_t>(entry.size);
      stat->comp_size = stat->size;
      stat->comp_method = ZIP_CM_STORE;
      stat->encryption_method = ZIP_EM_NONE;
      stat->valid |=
          ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_ENCRYPTION_METHOD;
      return sizeof(zip_stat_t);
    }
    case ZIP_SOURCE_OPEN:
      if (!entry.Load()) return -1;
      entry.offset = 0;
      return 0;
    case ZIP_SOURCE_READ: {
      const size_t n = std::min<size_t>(length, entry.bytes.size() - entry.offset);
      std::copy_n(entry.bytes.data() + entry.offset, n, static_cast<char*>(data));
      entry.offset += n;
      return static_cast<zip_int64_t>(n);
    }
    case ZIP_SOURCE_CLOSE:
      std::string().swap(entry.bytes);
      entry.held = false;
      return 0;
    case ZIP_SOURCE_ERROR:
      return zip_error_to_data(&entry.error, data, length);
    case ZIP_SOURCE_FREE:
      return 0;  // the writer owns the state
    default:
      zip_error_set(&entry.error, ZIP_ER_OPNOTSUPP, 0);
      return -1;
  }
}

}  // namespace

ZipWriter::ZipWriter(const std::filesystem::path& file, int64_t entry_time) : file_(file) {
  const DosTime dos = ToDosTime(entry_time);
  dos_time_ = dos.time;
  dos_date_ = dos.date;
  CheckOutputFile(file);
  int code = 0;
  archive_ = zip_open(file.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
  if (archive_ == nullptr) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    const std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw Error(ErrorKind::kCannotCreate, "cannot create " + file.string() + ": " + why +
                                              "; check that the folder exists and is writable");
  }
}

ZipWriter::~ZipWriter() {
  if (archive_ != nullptr) zip_discard(archive_);
  for (auto& entry : lazy_) zip_error_fini(&entry->error);
}

uint64_t ZipWriter::Add(const std::string& name, void* opaque) {
  auto* source = static_cast<zip_source_t*>(opaque);
  zip_int64_t index = -1;
  if (source == nullptr ||
      (index = zip_file_add(archive_, name.c_str(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE)) <
          0 ||
      zip_file_set_dostime(archive_, static_cast<zip_uint64_t>(index), dos_time_, dos_date_, 0) <
          0) {
    const std::string why = zip_strerror(archive_);
    if (source != nullptr && index < 0) zip_source_free(source);
    throw Error(ErrorKind::kIo, "cannot add " + name + " to " + file_.string() + ": " + why);
  }
  return static_cast<uint64_t>(index);
}

void ZipWriter::AddBytes(const std::string& name, std::string_view bytes) {
  Add(name, zip_source_buffer(archive_, bytes.data(), bytes.size(), 0));
}

void ZipWriter::AddFile(const std::string& name, std::FILE* file, int level) {
  // The length given, not -1: libzip 1.7 then takes the size as 0. The
  // entry gets the file's mode: rw-rw-rw-, as an entry from memory has, so
  // that the bytes do not depend on where the entry came from.
  off_t length = -1;
  if (std::fflush(file) != 0 || fchmod(fileno(file), 0666) != 0 || fseeko(file, 0, SEEK_END) != 0 ||
      (length = ftello(file)) < 0 || fseeko(file, 0, SEEK_SET) != 0) {
    std::fclose(file);
    throw Error(ErrorKind::kIo, "cannot read back the file for " + name + " of " + file_.string());
  }
  zip_source_t* source = zip_source_filep(archive_, file, 0, static_cast<zip_int64_t>(length));
  if (source == nullptr) std::fclose(file);
  const uint64_t index = Add(name, source);
  if (level != 0 && zip_set_file_compression(archive_, index, ZIP_CM_DEFLATE,
                                             static_cast<zip_uint32_t>(level)) != 0) {
    throw Error(ErrorKind::kIo,
                "cannot set the compression of " + name + ": " + zip_strerror(archive_));
  }
}

void ZipWriter::AddLazy(const std::string& name, std::function<std::string()> read) {
  auto entry = std::make_unique<LazyEntry>();
  entry->read = std::move(read);
  entry->failure = &failure_;
  zip_error_init(&entry->error);
  LazyEntry* state = entry.get();
  lazy_.push_back(std::move(entry));
  Add(name, zip_source_function(archive_, LazyCallback, state));
}

void ZipWriter::Close() {
  if (zip_close(archive_) != 0) {
    if (failure_) std::rethrow_exception(failure_);  // the destructor discards the archive
    throw Error(ErrorKind::kIo, "cannot write " + file_.string() + ": " + zip_strerror(archive_) +
                                    "; the disk may be full");
  }
  archive_ = nullptr;
}

void WriteZip(const std::filesystem::path& file, const std::vector<ZipEntry>& entries,
              int64_t entry_time) {
  ZipWriter writer(file, entry_time);
  for (const ZipEntry& entry : entries) writer.AddBytes(entry.name, entry.bytes);
  writer.Close();
}

}  // namespace verhaal
