// A queue between one producer thread and one consumer thread, holding at
// most `capacity` items, so that a fast producer waits instead of filling
// memory. Either side can end it: the producer Close()s when it has no more
// items; anyone Cancel()s when the work stops early (an error), after which
// Push returns false (the producer should return) and Pop returns nothing.
// Private to importers/.
#ifndef VERHAAL_IMPORTERS_BOUNDED_QUEUE_H_
#define VERHAAL_IMPORTERS_BOUNDED_QUEUE_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <utility>

namespace verhaal {

template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(size_t capacity) : capacity_(capacity) {}

  // Waits for room; false when the consumer cancelled (the item is dropped).
  bool Push(T item) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return cancelled_ || items_.size() < capacity_; });
    if (cancelled_) return false;
    items_.push_back(std::move(item));
    ready_.notify_one();
    return true;
  }

  // No more items will come.
  void Close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    ready_.notify_one();
  }

  // The next item; nothing once the queue is closed and empty, or cancelled.
  std::optional<T> Pop() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return cancelled_ || closed_ || !items_.empty(); });
    if (cancelled_ || items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    room_.notify_one();
    return item;
  }

  // The work stops: drops what is queued and releases a waiting producer
  // and consumer. Any thread may call it.
  void Cancel() {
    std::lock_guard lock(mutex_);
    cancelled_ = true;
    items_.clear();
    room_.notify_all();
    ready_.notify_all();
  }

 private:
  const size_t capacity_;
  std::mutex mutex_;
  std::condition_variable room_;
  std::condition_variable ready_;
  std::deque<T> items_;
  bool closed_ = false;
  bool cancelled_ = false;
};

}  // namespace verhaal

#endif  // VERHAAL_IMPORTERS_BOUNDED_QUEUE_H_
