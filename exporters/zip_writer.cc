#include "exporters/zip_writer.h"

#include <isa-l/crc.h>
#include <isa-l/igzip_lib.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "base/error.h"
#include "corpus/files.h"
#include "corpus/output_guard.h"

namespace verhaal {
namespace {

constexpr uint32_t kLocalSignature = 0x04034b50;
constexpr uint32_t kCentralSignature = 0x02014b50;
constexpr uint32_t kEndSignature = 0x06054b50;
constexpr uint32_t kZip64EndSignature = 0x06064b50;
constexpr uint32_t kZip64LocatorSignature = 0x07064b50;
constexpr uint16_t kZip64ExtraId = 0x0001;
constexpr uint64_t kMax32 = 0xffffffffu;
constexpr uint64_t kMax16 = 0xffffu;
constexpr uint16_t kVersion = 20;       // deflate
constexpr uint16_t kVersionZip64 = 45;  // Zip64 records
constexpr uint16_t kMadeByUnix = 3 << 8;
constexpr uint32_t kFileMode = 0100666;  // a regular file, rw-rw-rw-
constexpr uint16_t kUtf8Flag = 1 << 11;
constexpr uint16_t kStored = 0;
constexpr uint16_t kDeflated = 8;
constexpr size_t kBufferSize = 1 << 18;
// A streamed entry's bytes go to the compressing thread in pieces of this
// size; the main thread waits while more than kMaxQueued bytes are queued.
constexpr size_t kPieceSize = 1 << 20;
constexpr size_t kMaxQueued = 16 << 20;

struct DosTime {
  uint16_t time = 0;
  uint16_t date = 0;
};

// `seconds` since 1970 as MS-DOS date and time fields, from the UTC calendar.
DosTime ToDosTime(int64_t seconds) {
  using namespace std::chrono;
  const sys_seconds time{std::chrono::seconds(std::max(seconds, kEarliestExportTime))};
  const sys_days days = floor<std::chrono::days>(time);
  const year_month_day date(days);
  const hh_mm_ss clock(time - days);
  const int year = std::min(static_cast<int>(date.year()), 2107);
  DosTime dos;
  dos.date =
      static_cast<uint16_t>(((year - 1980) << 9) | (static_cast<unsigned>(date.month()) << 5) |
                            static_cast<unsigned>(date.day()));
  dos.time = static_cast<uint16_t>((clock.hours().count() << 11) | (clock.minutes().count() << 5) |
                                   (clock.seconds().count() / 2));
  return dos;
}

void Put16(std::string& out, uint64_t value) {
  out.push_back(static_cast<char>(value & 0xff));
  out.push_back(static_cast<char>((value >> 8) & 0xff));
}
void Put32(std::string& out, uint64_t value) {
  Put16(out, value & 0xffff);
  Put16(out, (value >> 16) & 0xffff);
}
void Put64(std::string& out, uint64_t value) {
  Put32(out, value & kMax32);
  Put32(out, value >> 32);
}

// The CRC-32 of zip (zlib's crc32), continued from `crc`: ISA-L's, several
// times faster than zlib's.
uint32_t Crc32(uint32_t crc, std::string_view bytes) {
  return crc32_gzip_refl(crc, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

bool IsAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// What the central directory needs of an entry.
struct EntryRecord {
  std::string name;
  uint16_t version = kVersion;
  uint16_t method = kDeflated;
  uint32_t crc = 0;
  uint64_t compressed = 0;
  uint64_t size = 0;
  uint64_t offset = 0;
};

// What the compressing thread is asked to do, in order.
struct Job {
  enum class Kind { kBytes, kBegin, kPiece, kEnd };
  Kind kind = Kind::kBytes;
  std::string name;
  std::string bytes;
  int level = kZipDefaultLevel;
};

}  // namespace

struct ZipWriter::State {
  std::filesystem::path file;
  std::filesystem::path temporary;
  std::FILE* out = nullptr;
  std::FILE* directory = nullptr;  // the central directory, spooled
  uint64_t offset = 0;             // bytes written to `out`
  uint64_t entries = 0;
  uint64_t directory_size = 0;
  DosTime dos;
  std::map<int, z_stream> streams;  // one per zlib level, reset for each entry
  // kZipFast: ISA-L's stream and the buffer its level 1 works in, started
  // anew for each entry.
  isal_zstream fast;
  std::vector<uint8_t> fast_buffer;
  bool fast_level = false;  // the entry being written in pieces is kZipFast
  // The piece deflated last, kept until the next one is deflated (a
  // precaution: igzip's matches may reach back 32 KB into it).
  std::string last_piece;
  std::string buffer;  // compressed bytes on their way out
  std::string header;
  // The entry being written in pieces (by the compressing thread).
  EntryRecord current;
  z_stream* stream = nullptr;

  // The main thread's side: whether an entry is open, and the bytes of it
  // not yet handed over.
  bool open = false;
  std::string open_name;
  std::string piece;

  // Deflating, CRCs and writing happen on `worker`, so that they overlap
  // with the reading and formatting on the main thread. Jobs are done in
  // the order given, so the bytes do not depend on the timing.
  // Jobs go over in batches (the sources, under a KB each, would otherwise
  // cost a wake-up each).
  std::mutex mutex;
  std::condition_variable work;  // the compressing thread waits for jobs
  std::condition_variable room;  // the main thread waits for room
  std::deque<std::vector<Job>> jobs;
  size_t queued = 0;       // bytes in `jobs`
  std::vector<Job> batch;  // on the main thread, not yet given
  size_t batch_bytes = 0;
  bool done = false;   // no more jobs will come
  bool abort = false;  // stop without doing the rest
  std::exception_ptr failure;
  std::thread worker;

  ~State() {
    if (worker.joinable()) {
      {
        std::lock_guard lock(mutex);
        abort = true;
        done = true;
      }
      work.notify_all();
      worker.join();
    }
    for (auto& [level, stream] : streams) deflateEnd(&stream);  // ISA-L's needs no end
    if (directory != nullptr) std::fclose(directory);
    if (out != nullptr) {
      std::fclose(out);
      std::error_code ec;
      std::filesystem::remove(temporary, ec);
    }
  }

  [[noreturn]] void WriteFailed() const {
    throw Error(ErrorKind::kIo, "cannot write " + file.string() + ": " + std::strerror(errno) +
                                    "; the disk may be full");
  }

  void Write(std::string_view bytes) {
    if (bytes.empty()) return;
    if (std::fwrite(bytes.data(), 1, bytes.size(), out) != bytes.size()) WriteFailed();
    offset += bytes.size();
  }

  z_stream& Stream(int level) {
    level = level == kZipRunsOnly ? kZipRunsOnly : std::clamp(level, 1, 9);
    auto found = streams.find(level);
    if (found != streams.end()) {
      deflateReset(&found->second);
      return found->second;
    }
    z_stream& stream = streams[level];
    std::memset(&stream, 0, sizeof stream);
    // Raw deflate (no zlib header), as zip wants.
    const bool runs = level == kZipRunsOnly;
    if (deflateInit2(&stream, runs ? 1 : level, Z_DEFLATED, -MAX_WBITS, 8,
                     runs ? Z_RLE : Z_DEFAULT_STRATEGY) != Z_OK) {
      streams.erase(level);
      throw Error(ErrorKind::kIo, "cannot start deflate for " + file.string());
    }
    return stream;
  }

  // ISA-L's stream, ready for a new entry: raw deflate at igzip's level 1.
  isal_zstream& FastStream() {
    // A whole new stream for each entry (isal_deflate_init, not _reset), so
    // that nothing of the entry before can change its bytes.
    if (fast_buffer.empty()) fast_buffer.resize(ISAL_DEF_LVL1_DEFAULT);
    isal_deflate_init(&fast);
    fast.level = 1;
    fast.level_buf = fast_buffer.data();
    fast.level_buf_size = static_cast<uint32_t>(fast_buffer.size());
    fast.gzip_flag = IGZIP_DEFLATE;
    fast.flush = NO_FLUSH;
    fast.end_of_stream = 0;
    return fast;
  }

  // Deflates `bytes` with ISA-L (all of the entry's when `finish`), handing
  // each part of the output to `emit`; returns the compressed bytes.
  template <typename Emit>
  uint64_t DeflateFast(std::string_view bytes, bool finish, Emit emit) {
    uint64_t written = 0;
    size_t left = bytes.size();
    const auto* next = reinterpret_cast<const uint8_t*>(bytes.data());
    buffer.resize(kBufferSize);
    while (true) {
      if (fast.avail_in == 0) {
        const size_t piece = std::min<size_t>(left, 1u << 30);
        fast.next_in = const_cast<uint8_t*>(next);
        fast.avail_in = static_cast<uint32_t>(piece);
        next += piece;
        left -= piece;
      }
      fast.end_of_stream = finish && left == 0 ? 1 : 0;
      fast.next_out = reinterpret_cast<uint8_t*>(buffer.data());
      fast.avail_out = static_cast<uint32_t>(buffer.size());
      if (isal_deflate(&fast) != COMP_OK) {
        throw Error(ErrorKind::kIo, "cannot deflate an entry of " + file.string());
      }
      const size_t produced = buffer.size() - fast.avail_out;
      emit(std::string_view(buffer.data(), produced));
      written += produced;
      if (fast.end_of_stream) {
        if (fast.internal_state.state == ZSTATE_END) break;
      } else if (fast.avail_in == 0 && left == 0 && fast.avail_out != 0) {
        break;
      }
    }
    return written;
  }

  // Deflates `bytes` (all of the entry's when `finish`) into the archive;
  // returns the compressed bytes written.
  uint64_t Deflate(z_stream& stream, std::string_view bytes, bool finish) {
    uint64_t written = 0;
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    stream.avail_in = 0;
    size_t left = bytes.size();
    buffer.resize(kBufferSize);
    while (true) {
      if (stream.avail_in == 0 && left > 0) {
        const size_t piece = std::min<size_t>(left, 1u << 30);
        stream.avail_in = static_cast<uInt>(piece);
        left -= piece;
      }
      stream.next_out = reinterpret_cast<Bytef*>(buffer.data());
      stream.avail_out = static_cast<uInt>(buffer.size());
      const int flush = finish && left == 0 ? Z_FINISH : Z_NO_FLUSH;
      const int result = deflate(&stream, flush);
      if (result == Z_STREAM_ERROR) {
        throw Error(ErrorKind::kIo, "cannot deflate an entry of " + file.string());
      }
      const size_t produced = buffer.size() - stream.avail_out;
      Write(std::string_view(buffer.data(), produced));
      written += produced;
      if (flush == Z_FINISH) {
        if (result == Z_STREAM_END) break;
      } else if (stream.avail_in == 0 && left == 0 && stream.avail_out != 0) {
        break;
      }
    }
    return written;
  }

  // The entry being written in pieces: `bytes` deflated into the archive by
  // its engine.
  uint64_t DeflateStream(std::string_view bytes, bool finish) {
    if (!fast_level) return Deflate(*stream, bytes, finish);
    return DeflateFast(bytes, finish, [&](std::string_view part) { Write(part); });
  }

  // The local header of `entry`; with `zip64`, the sizes are in a Zip64
  // field (0 until PatchLocal fills them in).
  std::string LocalHeader(const EntryRecord& entry, bool zip64) {
    std::string h;
    Put32(h, kLocalSignature);
    Put16(h, entry.version);
    Put16(h, IsAscii(entry.name) ? 0 : kUtf8Flag);
    Put16(h, entry.method);
    Put16(h, dos.time);
    Put16(h, dos.date);
    Put32(h, entry.crc);
    Put32(h, zip64 ? kMax32 : entry.compressed);
    Put32(h, zip64 ? kMax32 : entry.size);
    Put16(h, entry.name.size());
    Put16(h, zip64 ? 20 : 0);
    h += entry.name;
    if (zip64) {
      Put16(h, kZip64ExtraId);
      Put16(h, 16);
      Put64(h, entry.size);
      Put64(h, entry.compressed);
    }
    return h;
  }

  void AddToDirectory(const EntryRecord& entry) {
    std::string extra;
    const bool big_size = entry.size >= kMax32;
    const bool big_compressed = entry.compressed >= kMax32;
    const bool big_offset = entry.offset >= kMax32;
    if (big_size) Put64(extra, entry.size);
    if (big_compressed) Put64(extra, entry.compressed);
    if (big_offset) Put64(extra, entry.offset);
    const uint16_t version = extra.empty() ? entry.version : kVersionZip64;
    std::string h;
    Put32(h, kCentralSignature);
    Put16(h, kMadeByUnix | version);
    Put16(h, version);
    Put16(h, IsAscii(entry.name) ? 0 : kUtf8Flag);
    Put16(h, entry.method);
    Put16(h, dos.time);
    Put16(h, dos.date);
    Put32(h, entry.crc);
    Put32(h, big_compressed ? kMax32 : entry.compressed);
    Put32(h, big_size ? kMax32 : entry.size);
    Put16(h, entry.name.size());
    Put16(h, extra.empty() ? 0 : extra.size() + 4);
    Put16(h, 0);  // comment
    Put16(h, 0);  // disk
    Put16(h, 0);  // internal attributes
    Put32(h, static_cast<uint64_t>(kFileMode) << 16);
    Put32(h, big_offset ? kMax32 : entry.offset);
    h += entry.name;
    if (!extra.empty()) {
      Put16(h, kZip64ExtraId);
      Put16(h, extra.size());
      h += extra;
    }
    if (std::fwrite(h.data(), 1, h.size(), directory) != h.size()) WriteFailed();
    directory_size += h.size();
    ++entries;
  }

  // The jobs, on the compressing thread.
  void DoBytes(const std::string& name, std::string_view bytes, int level);
  void DoBegin(const std::string& name, int level);
  void DoPiece(std::string_view bytes);
  void DoEnd();
  void Work();
  // On the main thread: adds `job` to the batch, given to the compressing
  // thread when it is large enough or `now`.
  void Give(Job job, bool now);
  // Queues the batch (waiting while too much is queued); rethrows what the
  // compressing thread threw.
  void GiveBatch();
  // Waits for the compressing thread to finish every job.
  void Finish();

  void CheckName(const std::string& name) const {
    if (open) throw Error(ErrorKind::kInternal, "zip entry " + name + " added inside another");
    if (name.size() > kMax16) {
      throw Error(ErrorKind::kIo, "cannot add " + name + " to " + file.string() +
                                      ": the name is longer than a zip allows");
    }
  }
};

void ZipWriter::State::DoBytes(const std::string& name, std::string_view bytes, int level) {
  State& s = *this;
  EntryRecord entry;
  entry.name = name;
  entry.offset = s.offset;
  entry.size = bytes.size();
  entry.crc = Crc32(0, bytes);
  if (bytes.empty()) {
    entry.method = kStored;
    s.Write(s.LocalHeader(entry, false));
  } else if (level == kZipFast) {
    // Deflated into memory first, so the header before it has the sizes.
    std::string compressed;
    s.FastStream();
    entry.compressed =
        s.DeflateFast(bytes, true, [&](std::string_view part) { compressed.append(part); });
    const bool zip64 = entry.compressed >= kMax32 || entry.size >= kMax32;
    if (zip64) entry.version = kVersionZip64;
    s.Write(s.LocalHeader(entry, zip64));
    s.Write(compressed);
  } else {
    // Deflated into memory first, so the header before it has the sizes.
    z_stream& stream = s.Stream(level);
    const uint64_t bound = deflateBound(&stream, bytes.size());
    const bool zip64 = bound >= kMax32 || entry.size >= kMax32;
    if (zip64) entry.version = kVersionZip64;
    std::string compressed;
    compressed.resize(bound);
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    stream.next_out = reinterpret_cast<Bytef*>(compressed.data());
    size_t in_left = bytes.size();
    size_t out_left = compressed.size();
    int result = Z_OK;
    while (result != Z_STREAM_END) {
      const size_t in_piece = std::min<size_t>(in_left, 1u << 30);
      const size_t out_piece = std::min<size_t>(out_left, 1u << 30);
      stream.avail_in = static_cast<uInt>(in_piece);
      stream.avail_out = static_cast<uInt>(out_piece);
      result = deflate(&stream, in_left == in_piece ? Z_FINISH : Z_NO_FLUSH);
      if (result == Z_STREAM_ERROR || (result == Z_BUF_ERROR && out_piece == 0)) {
        throw Error(ErrorKind::kIo, "cannot deflate " + name + " for " + s.file.string());
      }
      in_left -= in_piece - stream.avail_in;
      out_left -= out_piece - stream.avail_out;
    }
    compressed.resize(compressed.size() - out_left);
    entry.compressed = compressed.size();
    s.Write(s.LocalHeader(entry, zip64));
    s.Write(compressed);
  }
  s.AddToDirectory(entry);
}

void ZipWriter::State::DoBegin(const std::string& name, int level) {
  State& s = *this;
  s.current = EntryRecord();
  s.current.name = name;
  s.current.offset = s.offset;
  s.current.version = kVersionZip64;
  s.fast_level = level == kZipFast;
  if (s.fast_level) {
    s.FastStream();
  } else {
    s.stream = &s.Stream(level);
  }
  s.Write(s.LocalHeader(s.current, true));
}

void ZipWriter::State::DoPiece(std::string_view bytes) {
  State& s = *this;
  if (bytes.empty()) return;
  s.current.crc = Crc32(s.current.crc, bytes);
  s.current.size += bytes.size();
  s.current.compressed += s.DeflateStream(bytes, false);
}

void ZipWriter::State::DoEnd() {
  State& s = *this;
  s.current.compressed += s.DeflateStream({}, true);
  // The sizes and the CRC into the local header, written before them.
  const std::string header = s.LocalHeader(s.current, true);
  if (std::fflush(s.out) != 0 || fseeko(s.out, static_cast<off_t>(s.current.offset), SEEK_SET) ||
      std::fwrite(header.data(), 1, header.size(), s.out) != header.size() ||
      std::fflush(s.out) != 0 || fseeko(s.out, 0, SEEK_END) != 0) {
    s.WriteFailed();
  }
  s.AddToDirectory(s.current);
}

void ZipWriter::State::Work() {
  while (true) {
    std::vector<Job> jobs_now;
    {
      std::unique_lock lock(mutex);
      work.wait(lock, [&] { return abort || done || !jobs.empty(); });
      if (abort || jobs.empty()) return;
      jobs_now = std::move(jobs.front());
      jobs.pop_front();
    }
    size_t bytes = 0;
    try {
      for (Job& job : jobs_now) {
        bytes += job.bytes.size();
        switch (job.kind) {
          case Job::Kind::kBytes:
            DoBytes(job.name, job.bytes, job.level);
            break;
          case Job::Kind::kBegin:
            DoBegin(job.name, job.level);
            break;
          case Job::Kind::kPiece:
            DoPiece(job.bytes);
            last_piece = std::move(job.bytes);  // the same bytes where they were
            break;
          case Job::Kind::kEnd:
            DoEnd();
            break;
        }
      }
    } catch (...) {
      std::lock_guard lock(mutex);
      failure = std::current_exception();
      abort = true;
    }
    {
      std::lock_guard lock(mutex);
      queued -= std::min(queued, bytes);
    }
    room.notify_all();
  }
}

void ZipWriter::State::Give(Job job, bool now) {
  batch_bytes += job.bytes.size();
  batch.push_back(std::move(job));
  if (now || batch_bytes >= kPieceSize || batch.size() >= 1024) GiveBatch();
}

void ZipWriter::State::GiveBatch() {
  if (batch.empty()) return;
  std::unique_lock lock(mutex);
  room.wait(lock, [&] { return abort || queued <= kMaxQueued; });
  if (failure) std::rethrow_exception(failure);
  queued += batch_bytes;
  jobs.push_back(std::move(batch));
  lock.unlock();
  work.notify_all();
  batch.clear();
  batch_bytes = 0;
}

void ZipWriter::State::Finish() {
  GiveBatch();
  {
    std::lock_guard lock(mutex);
    done = true;
  }
  work.notify_all();
  if (worker.joinable()) worker.join();
  if (failure) std::rethrow_exception(failure);
}

ZipWriter::ZipWriter(const std::filesystem::path& file, int64_t entry_time)
    : state_(std::make_unique<State>()) {
  State& s = *state_;
  s.file = file;
  s.dos = ToDosTime(entry_time);
  CheckOutputFile(file);
  RemoveStaleTemporaries(file);
  s.temporary = TemporaryBeside(file);
  s.out = std::fopen(s.temporary.c_str(), "w+b");
  if (s.out == nullptr) {
    throw Error(ErrorKind::kCannotCreate, "cannot create " + file.string() + ": " +
                                              std::strerror(errno) +
                                              "; check that the folder exists and is writable");
  }
  s.directory = std::tmpfile();
  if (s.directory == nullptr) {
    throw Error(ErrorKind::kCannotCreate, "cannot create a temporary file for " + file.string() +
                                              ": " + std::strerror(errno) +
                                              "; check that TMPDIR exists and is writable");
  }
  s.worker = std::thread([&s] { s.Work(); });
}

ZipWriter::~ZipWriter() = default;

void ZipWriter::AddBytes(const std::string& name, std::string_view bytes, int level) {
  state_->CheckName(name);
  state_->Give({Job::Kind::kBytes, name, std::string(bytes), level}, false);
}

void ZipWriter::BeginEntry(const std::string& name, int level) {
  state_->CheckName(name);
  state_->open = true;
  state_->open_name = name;
  state_->Give({Job::Kind::kBegin, name, {}, level}, false);
}

void ZipWriter::WriteEntry(std::string_view bytes) {
  State& s = *state_;
  s.piece.append(bytes);
  if (s.piece.size() >= kPieceSize) {
    s.Give({Job::Kind::kPiece, {}, std::move(s.piece), 0}, true);
    s.piece.clear();
    s.piece.reserve(kPieceSize + (1 << 16));
  }
}

void ZipWriter::EndEntry() {
  State& s = *state_;
  if (!s.piece.empty()) s.Give({Job::Kind::kPiece, {}, std::move(s.piece), 0}, false);
  s.piece.clear();
  s.Give({Job::Kind::kEnd, {}, {}, 0}, true);
  s.open = false;
}

void ZipWriter::Close() {
  State& s = *state_;
  if (s.open) throw Error(ErrorKind::kInternal, "zip entry " + s.open_name + " not ended");
  s.Finish();
  const uint64_t directory_offset = s.offset;
  // The spooled central directory, copied after the entries.
  if (std::fflush(s.directory) != 0 || std::fseek(s.directory, 0, SEEK_SET) != 0) s.WriteFailed();
  s.buffer.resize(kBufferSize);
  size_t n = 0;
  while ((n = std::fread(s.buffer.data(), 1, s.buffer.size(), s.directory)) > 0) {
    s.Write(std::string_view(s.buffer.data(), n));
  }
  if (std::ferror(s.directory)) s.WriteFailed();
  std::string end;
  const bool zip64 =
      s.entries >= kMax16 || s.directory_size >= kMax32 || directory_offset >= kMax32;
  if (zip64) {
    const uint64_t zip64_end = s.offset;
    Put32(end, kZip64EndSignature);
    Put64(end, 44);  // the record's size after this field
    Put16(end, kMadeByUnix | kVersionZip64);
    Put16(end, kVersionZip64);
    Put32(end, 0);  // this disk
    Put32(end, 0);  // the directory's disk
    Put64(end, s.entries);
    Put64(end, s.entries);
    Put64(end, s.directory_size);
    Put64(end, directory_offset);
    Put32(end, kZip64LocatorSignature);
    Put32(end, 0);
    Put64(end, zip64_end);
    Put32(end, 1);  // disks
  }
  Put32(end, kEndSignature);
  Put16(end, 0);
  Put16(end, 0);
  Put16(end, std::min(s.entries, kMax16));
  Put16(end, std::min(s.entries, kMax16));
  Put32(end, std::min(s.directory_size, kMax32));
  Put32(end, std::min(directory_offset, kMax32));
  Put16(end, 0);  // comment
  s.Write(end);
  std::fclose(s.directory);
  s.directory = nullptr;
  const bool flushed = std::fflush(s.out) == 0 && ::fsync(::fileno(s.out)) == 0;
  const int saved = errno;
  const bool closed = std::fclose(s.out) == 0;
  s.out = nullptr;
  std::error_code ec;
  if (!flushed || !closed) {
    std::filesystem::remove(s.temporary, ec);
    errno = saved;
    s.WriteFailed();
  }
  std::filesystem::rename(s.temporary, s.file, ec);
  if (ec) {
    std::filesystem::remove(s.temporary, ec);
    throw Error(ErrorKind::kCannotCreate, "cannot create " + s.file.string() + ": " + ec.message());
  }
}

void WriteZip(const std::filesystem::path& file, const std::vector<ZipEntry>& entries,
              int64_t entry_time) {
  ZipWriter writer(file, entry_time);
  for (const ZipEntry& entry : entries) writer.AddBytes(entry.name, entry.bytes);
  writer.Close();
}

}  // namespace verhaal
