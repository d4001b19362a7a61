// Local midnights of the engagement's time zone, memoised across frames: the axis,
// the weekend shading and the snapping ask for the same days every frame, and a
// time-zone conversion costs far more than a lookup.
#pragma once

#include <string>
#include <unordered_map>

#include "rapport/time.hpp"

namespace rapport::app {

class LocalDays {
 public:
  // Switches zone (clears the memo when it changes).
  void set_zone(const std::string& zone);
  const std::string& zone() const { return zone_; }
  // UTC instant of 00:00 local on `d`.
  Instant start(Date d);
  // UTC instant of `minutes` after local midnight on `d` (wall clock).
  Instant at(Date d, int32_t minutes);
  // The local date a UTC minute falls on.
  Date date_of(double minute);

 private:
  std::string zone_ = "UTC";
  std::unordered_map<int32_t, Instant> starts_;
};

}  // namespace rapport::app
