// Private to workbench/: the connections the workbench reads through. Every
// change goes through the Workbench's one Project (under its mutex), but a
// read that takes long (a matrix over 100,000 stories) would hold that
// mutex and make every coder's coding wait behind it. The routes that only
// read borrow a connection of their own here instead, opened with
// OpenProjectForReading, so reads run beside the writes and beside each
// other; each read sees every change committed before it began.
#ifndef VERHAAL_WORKBENCH_READERS_H_
#define VERHAAL_WORKBENCH_READERS_H_

#include <condition_variable>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "corpus/read_only_project.h"

namespace verhaal {

class ProjectReaders {
 public:
  // Opens connections to `file` when they are needed, at most `most`;
  // a borrower waits while all are lent.
  ProjectReaders(std::filesystem::path file, size_t most);

  // One connection, for one request on one thread; back to the pool when
  // the lease ends. Moving is allowed (a lease is returned once).
  class Lease {
   public:
    Lease(ProjectReaders& pool, std::unique_ptr<Project> project)
        : pool_(&pool), project_(std::move(project)) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease();
    Project& operator*() const { return *project_; }

   private:
    ProjectReaders* pool_;
    std::unique_ptr<Project> project_;
  };

  // A free connection, opened now when none is idle and fewer than `most`
  // are open. kMissing/kData/kIo as Project::Open when opening fails.
  Lease Borrow();

 private:
  void Return(std::unique_ptr<Project> project);

  const std::filesystem::path file_;
  const size_t most_;
  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<Project>> idle_;
  size_t open_ = 0;
};

}  // namespace verhaal

#endif  // VERHAAL_WORKBENCH_READERS_H_
