#include "workbench/events.h"

#include <utility>

namespace verhaal {

void EventLog::Publish(std::string name, std::string data, std::string actor) {
  {
    std::lock_guard lock(mutex_);
    events_.push_back({next_++, std::move(name), std::move(data), std::move(actor)});
    if (events_.size() > kKept) events_.pop_front();
  }
  changed_.notify_all();
}

int64_t EventLog::Next() const {
  std::lock_guard lock(mutex_);
  return next_;
}

std::vector<WorkbenchEvent> EventLog::WaitFrom(int64_t from, std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, timeout, [&] { return closed_ || next_ > from; });
  std::vector<WorkbenchEvent> out;
  for (const WorkbenchEvent& e : events_) {
    if (e.sequence >= from) out.push_back(e);
  }
  return out;
}

void EventLog::Close() {
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
  }
  changed_.notify_all();
}

bool EventLog::closed() const {
  std::lock_guard lock(mutex_);
  return closed_;
}

}  // namespace verhaal
