#include "exporters/row_spill.h"

#include <cerrno>
#include <cmath>
#include <cstring>

#include "base/error.h"

namespace verhaal {
namespace {

// A cell's first byte: the kinds below, or kSmall + n for the whole number
// n (0 <= n < 256 - kSmall).
enum Tag : unsigned char {
  kMissing = 0,
  kNotApplicable = 1,
  kNumber = 2,    // 8 bytes of a double
  kText = 3,      // a length, then the bytes
  kCategory = 4,  // 8 bytes of a double, a length, the bytes
  kZeros = 5,     // a length: that many cells of the number 0
  kSmall = 16,
};

void PutLength(std::string& out, uint64_t value) {
  while (value >= 0x80) {
    out.push_back(static_cast<char>((value & 0x7f) | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<char>(value));
}

uint64_t GetLength(const char*& in) {
  uint64_t value = 0;
  for (int shift = 0;; shift += 7) {
    const auto byte = static_cast<unsigned char>(*in++);
    value |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) return value;
  }
}

void PutDouble(std::string& out, double value) {
  char bytes[sizeof value];
  std::memcpy(bytes, &value, sizeof value);
  out.append(bytes, sizeof value);
}

double GetDouble(const char*& in) {
  double value;
  std::memcpy(&value, in, sizeof value);
  in += sizeof value;
  return value;
}

bool IsZero(const Cell& cell) {
  return cell.state == Cell::State::kValue && cell.text.empty() && cell.number == 0 &&
         !std::signbit(cell.number);
}

Error SpillError(const char* what) {
  return IoError(std::string("cannot ") + what + " the export's temporary rows: " +
                 std::strerror(errno) + "; check the free space of the temporary folder (TMPDIR)");
}

}  // namespace

RowSpill::RowSpill() : file_(std::tmpfile()) {
  if (file_ == nullptr) throw SpillError("create");
}

RowSpill::~RowSpill() { std::fclose(file_); }

void RowSpill::Append(const ExportRow& row) {
  buffer_.assign(4, '\0');  // the row's length, filled in below
  for (size_t c = 0; c < row.size(); ++c) {
    const Cell& cell = row[c];
    if (IsZero(cell)) {
      size_t run = 1;
      while (c + run < row.size() && IsZero(row[c + run])) ++run;
      if (run > 1) {
        buffer_.push_back(static_cast<char>(kZeros));
        PutLength(buffer_, run);
        c += run - 1;
        continue;
      }
    }
    if (cell.state == Cell::State::kMissing) {
      buffer_.push_back(static_cast<char>(kMissing));
    } else if (cell.state == Cell::State::kNotApplicable) {
      buffer_.push_back(static_cast<char>(kNotApplicable));
    } else if (cell.text.empty() && cell.number >= 0 && cell.number < 256 - kSmall &&
               std::trunc(cell.number) == cell.number && !std::signbit(cell.number)) {
      buffer_.push_back(static_cast<char>(kSmall + static_cast<int>(cell.number)));
    } else if (cell.text.empty()) {
      buffer_.push_back(static_cast<char>(kNumber));
      PutDouble(buffer_, cell.number);
    } else if (cell.number == 0 && !std::signbit(cell.number)) {
      buffer_.push_back(static_cast<char>(kText));
      PutLength(buffer_, cell.text.size());
      buffer_.append(cell.text);
    } else {
      buffer_.push_back(static_cast<char>(kCategory));
      PutDouble(buffer_, cell.number);
      PutLength(buffer_, cell.text.size());
      buffer_.append(cell.text);
    }
  }
  const auto length = static_cast<uint32_t>(buffer_.size() - 4);
  std::memcpy(buffer_.data(), &length, 4);
  if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
    throw SpillError("write");
  }
  ++rows_;
}

void RowSpill::ForEachRow(size_t columns, const std::function<void(const ExportRow&)>& visit) {
  if (std::fflush(file_) != 0 || std::fseek(file_, 0, SEEK_SET) != 0) throw SpillError("read");
  ExportRow row(columns);
  for (int64_t r = 0; r < rows_; ++r) {
    uint32_t length = 0;
    if (std::fread(&length, 4, 1, file_) != 1) throw SpillError("read");
    buffer_.resize(length);
    if (length > 0 && std::fread(buffer_.data(), 1, length, file_) != length) {
      throw SpillError("read");
    }
    const char* in = buffer_.data();
    const char* end = in + length;
    size_t c = 0;
    while (in < end && c < columns) {
      const auto tag = static_cast<unsigned char>(*in++);
      if (tag == kZeros) {
        const uint64_t run = GetLength(in);
        for (uint64_t i = 0; i < run && c < columns; ++i) row[c++] = Cell::Number(0);
        continue;
      }
      Cell& cell = row[c++];
      cell.text.clear();
      cell.number = 0;
      if (tag == kMissing) {
        cell.state = Cell::State::kMissing;
      } else if (tag == kNotApplicable) {
        cell.state = Cell::State::kNotApplicable;
      } else {
        cell.state = Cell::State::kValue;
        if (tag >= kSmall) {
          cell.number = tag - kSmall;
        } else if (tag == kNumber || tag == kCategory) {
          cell.number = GetDouble(in);
        }
        if (tag == kText || tag == kCategory) {
          const uint64_t size = GetLength(in);
          cell.text.assign(in, size);
          in += size;
        }
      }
    }
    visit(row);
  }
  if (std::fseek(file_, 0, SEEK_END) != 0) throw SpillError("read");
}

}  // namespace verhaal
