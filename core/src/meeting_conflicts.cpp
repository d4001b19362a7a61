// The rule of rapport/meeting_conflicts.hpp.
#include "rapport/meeting_conflicts.hpp"

#include <date/tz.h>

#include <chrono>
#include <exception>
#include <limits>

namespace rapport {

bool within_working_hours(const Boundary& b, const LocalDateTime& start, const LocalDateTime& end) {
  bool same_day_end = end.date == start.date && end.time <= b.day_end;
  bool midnight_end =
      end.date == start.date.plus_days(1) && end.time.minutes == 0 && b.day_end.minutes >= 1439;
  return ((b.working_days >> start.date.weekday()) & 1u) && start.time >= b.day_start &&
         (same_day_end || midnight_end);
}

std::string client_zone(const Engagement& e, const MeetingSeries& s) {
  for (Id a : s.attendees)
    if (const Stakeholder* p = e.stakeholders.find(a);
        p && p->side == Side::Client && !p->time_zone.empty())
      return p->time_zone;
  return client_zone_of(e.info);
}

LocalClock::LocalClock(const std::string& zone) {
  try {
    zone_ = date::locate_zone(zone);
  } catch (const std::exception&) {
    zone_ = nullptr;  // unknown: UTC, as to_local() does
  }
  if (!zone_) {
    begin_ = std::numeric_limits<int64_t>::min();
    end_ = std::numeric_limits<int64_t>::max();
  }
}

LocalDateTime LocalClock::operator()(Instant t) {
  using namespace std::chrono;
  if (t.minutes < begin_ || t.minutes >= end_) {
    auto info =
        static_cast<const date::time_zone*>(zone_)->get_info(sys_time<minutes>{minutes{t.minutes}});
    offset_ = duration_cast<minutes>(info.offset).count();
    begin_ = duration_cast<minutes>(info.begin.time_since_epoch()).count();
    end_ = duration_cast<minutes>(info.end.time_since_epoch()).count();
    if (end_ <= t.minutes) end_ = t.minutes + 1;  // never ask again for the same minute
  }
  int64_t local = t.minutes + offset_;
  Date d = utc_date_of(Instant{local});
  return LocalDateTime{d, LocalTime{int32_t(local - int64_t(d.days) * 1440)}};
}

}  // namespace rapport
