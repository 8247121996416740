// The changes the workbench tells open pages about (GET /api/events):
// codings and codebook edits made through the server, and changes another
// program made to the project file. A bounded log that subscribers read
// from a position; thread-safe.
#ifndef VERHAAL_WORKBENCH_EVENTS_H_
#define VERHAAL_WORKBENCH_EVENTS_H_

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

namespace verhaal {

struct WorkbenchEvent {
  int64_t sequence = 0;
  std::string name;   // "coding", "codebook", "external"
  std::string data;   // JSON text
  std::string actor;  // the coder who made it; empty for another program
};

class EventLog {
 public:
  // Adds an event and wakes the waiting subscribers.
  void Publish(std::string name, std::string data, std::string actor);

  // The sequence number the next event will get.
  int64_t Next() const;

  // The events from `from` on, waiting up to `timeout` for one when there
  // are none yet (or until Close). Events too old to be kept are skipped.
  std::vector<WorkbenchEvent> WaitFrom(int64_t from, std::chrono::milliseconds timeout);

  // Wakes every subscriber for good (server shutdown).
  void Close();
  bool closed() const;

 private:
  static constexpr size_t kKept = 1000;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<WorkbenchEvent> events_;
  int64_t next_ = 0;
  bool closed_ = false;
};

}  // namespace verhaal

#endif  // VERHAAL_WORKBENCH_EVENTS_H_
