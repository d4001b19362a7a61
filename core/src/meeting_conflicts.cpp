// The rule of rapport/meeting_conflicts.hpp.
#include "rapport/meeting_conflicts.hpp"

namespace rapport {

bool within_working_hours(const Boundary& b, const LocalDateTime& start, const LocalDateTime& end) {
  bool same_day_end = end.date == start.date && end.time <= b.day_end;
  bool midnight_end =
      end.date == start.date.plus_days(1) && end.time.minutes == 0 && b.day_end.minutes >= 1439;
  return ((b.working_days >> start.date.weekday()) & 1u) && start.time >= b.day_start &&
         (same_day_end || midnight_end);
}

std::string first_client_zone(const Engagement& e) {
  for (const auto& [id, p] : e.stakeholders)
    if (p.side == Side::Client && !p.time_zone.empty()) return p.time_zone;
  return {};
}

std::string client_zone(const Engagement& e, const MeetingSeries& s,
                        const std::string& fallback_client_zone) {
  for (Id a : s.attendees)
    if (const Stakeholder* p = e.stakeholders.find(a);
        p && p->side == Side::Client && !p->time_zone.empty())
      return p->time_zone;
  return fallback_client_zone.empty() ? e.info.time_zone : fallback_client_zone;
}

}  // namespace rapport
