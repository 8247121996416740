// One read transaction for a command that reads the project with many
// statements (an export): every statement sees the same state of the
// project, and SQLite takes its shared lock once instead of once per
// statement (a lock and a stat call per story otherwise). Readers made
// meanwhile (ReadConnection) use the project's own connection, so they see
// the same snapshot.
#ifndef VERHAAL_CORPUS_READ_SNAPSHOT_H_
#define VERHAAL_CORPUS_READ_SNAPSHOT_H_

#include "corpus/project.h"

namespace verhaal {

// BEGIN (deferred) when made, COMMIT when it goes; nothing when a
// transaction is open already. Not copyable: it is tied to one scope.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(Project& project);
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;
  ~ReadSnapshot();

 private:
  Project& project_;
  bool began_ = false;
};

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_READ_SNAPSHOT_H_
