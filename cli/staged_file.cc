#include "cli/staged_file.h"

#include <system_error>

#include "base/error.h"
#include "corpus/output_guard.h"

namespace verhaal {

StagedFile::StagedFile(std::filesystem::path final_path) : final_(std::move(final_path)) {
  CheckOutputFile(final_);
  std::error_code ec;
  if (std::filesystem::exists(final_, ec)) {
    throw Error(ErrorKind::kCannotCreate,
                final_.string() + " already exists; choose another name or remove it first");
  }
  const auto folder = final_.has_parent_path() ? final_.parent_path() : ".";
  if (!std::filesystem::is_directory(folder, ec)) {
    throw Error(ErrorKind::kCannotCreate, "cannot create " + final_.string() + ": the folder " +
                                              folder.string() + " does not exist");
  }
  temporary_ = final_;
  temporary_ += ".partial";
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::filesystem::remove(temporary_.string() + suffix, ec);
  }
}

StagedFile::~StagedFile() {
  if (published_) return;
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::filesystem::remove(temporary_.string() + suffix, ec);
  }
}

void StagedFile::Publish() {
  std::error_code ec;
  std::filesystem::rename(temporary_, final_, ec);
  if (ec) {
    throw Error(ErrorKind::kCannotCreate, "cannot rename " + temporary_.string() + " to " +
                                              final_.string() + ": " + ec.message());
  }
  published_ = true;
}

}  // namespace verhaal
