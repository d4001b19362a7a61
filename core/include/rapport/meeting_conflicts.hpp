// When a meeting conflicts with what was agreed: outside a working-hours
// boundary's days and hours. One rule, read by the health check (a finding per
// series) and by the timeline index (a conflict outline per occurrence), so the
// two never disagree.
#pragma once

#include <cstdint>
#include <string>

#include "rapport/model.hpp"
#include "rapport/time.hpp"

namespace rapport {

// Whether a meeting from `start` to `end`, both local to the zone of the
// boundary's side, lies inside its working days and hours. A meeting ending at
// midnight counts as inside when the day ends at 23:59 or later.
bool within_working_hours(const Boundary& hours, const LocalDateTime& start,
                          const LocalDateTime& end);

// The time zone of the client side of a series: its first client attendee's
// zone, else the engagement's client time zone (client_zone_of).
std::string client_zone(const Engagement& e, const MeetingSeries& s);

// Local times in one zone for many instants in a row (a series' occurrences): the
// zone is looked up once and its offset reused while it holds, between two
// changes of the clocks, so each conversion is a comparison, not a lookup. The
// same result as to_local().
class LocalClock {
 public:
  explicit LocalClock(const std::string& zone);
  LocalDateTime operator()(Instant t);

 private:
  const void* zone_ = nullptr;                // date::time_zone, or null: UTC
  int64_t begin_ = 0, end_ = 0, offset_ = 0;  // the offset holds in [begin_, end_) minutes
};

}  // namespace rapport
