#include "workbench/readers.h"

#include <utility>

namespace verhaal {

ProjectReaders::ProjectReaders(std::filesystem::path file, size_t most)
    : file_(std::move(file)), most_(most) {}

ProjectReaders::Lease::~Lease() {
  if (project_) pool_->Return(std::move(project_));
}

ProjectReaders::Lease ProjectReaders::Borrow() {
  {
    std::unique_lock lock(mutex_);
    returned_.wait(lock, [&] { return !idle_.empty() || open_ < most_; });
    if (!idle_.empty()) {
      std::unique_ptr<Project> project = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(project));
    }
    ++open_;
  }
  // Opening reads the file: outside the lock, so other borrowers go on.
  try {
    return Lease(*this, std::make_unique<Project>(OpenProjectForReading(file_)));
  } catch (...) {
    std::lock_guard lock(mutex_);
    --open_;
    returned_.notify_one();
    throw;
  }
}

void ProjectReaders::Return(std::unique_ptr<Project> project) {
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(project));
  returned_.notify_one();
}

}  // namespace verhaal
