// The timeline index, rebuilt only when the engagement's revision (History::revision())
// or today's date changes. Call invalidate() after replacing the engagement (opening a
// file), since a fresh History may count revisions from the same number again.
#pragma once

#include <cstdint>

#include "rapport/timeline_index.hpp"

namespace rapport::app {

class TimelineIndexCache {
 public:
  const TimelineIndex& get(const Engagement& e, uint64_t revision, Date today) {
    if (!built_ || revision != revision_ || today != today_) {
      index_ = TimelineIndex::build(e, today);
      built_ = true;
      revision_ = revision;
      today_ = today;
    }
    return index_;
  }
  void invalidate() { built_ = false; }

 private:
  TimelineIndex index_;
  bool built_ = false;
  uint64_t revision_ = 0;
  Date today_;
};

}  // namespace rapport::app
