#include "timeline/local_days.hpp"

#include <cmath>

namespace rapport::app {

void LocalDays::set_zone(const std::string& zone) {
  const std::string& z = zone.empty() ? std::string("UTC") : zone;
  if (z == zone_) return;
  zone_ = z;
  starts_.clear();
}

Instant LocalDays::start(Date d) {
  if (starts_.size() > 200000) starts_.clear();  // bounded: a long session of panning
  auto [it, inserted] = starts_.try_emplace(d.days);
  if (inserted) it->second = to_instant(LocalDateTime{d, LocalTime{0}}, zone_);
  return it->second;
}

Instant LocalDays::at(Date d, int32_t minutes) {
  // Wall-clock minutes within a day: exact except on a DST switch day, where the
  // hours after the switch shift by the gap (fine for ticks and shading).
  Instant s = start(d);
  Instant next = start(d.plus_days(1));
  int64_t day_len = next.minutes - s.minutes;
  if (day_len == 1440) return s.plus_minutes(minutes);
  return to_instant(LocalDateTime{d, LocalTime{minutes}}, zone_);
}

Date LocalDays::date_of(double minute) {
  Instant t{int64_t(std::floor(minute))};
  Date guess = utc_date_of(t);
  // The local date is within a day of the UTC date; pick the day whose span holds t.
  for (int k = -1; k <= 1; ++k) {
    Date d = guess.plus_days(k);
    if (start(d) <= t && t < start(d.plus_days(1))) return d;
  }
  return guess;
}

}  // namespace rapport::app
