// Meeting occurrences: a series' recurrence expanded into concrete meetings,
// computed in the series' time zone (a weekly 09:00 Europe/Amsterdam check-in
// stays at 09:00 local across DST switches), with each occurrence's override
// (held, cancelled, moved) applied.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "rapport/model.hpp"

namespace rapport {

struct Occurrence {
  Id series = kNoId;
  Date original;           // original local date: the key of its override
  Instant start;           // actual start (after a move), UTC
  Instant end;             // start + duration
  Instant original_start;  // where it was planned, UTC
  OccurrenceState state = OccurrenceState::Planned;
  bool moved = false;
  bool has_recap = false;  // held with a recap summary
};

// The original local dates of a series, in order, from its first date while
// <= `last` (inclusive), honouring interval, until and count. At most
// `limit` dates. MonthlyOnDay 31 falls on the month's last day in shorter
// months; MonthlyOnWeekday week 5 skips months without a fifth such weekday.
std::vector<Date> occurrence_dates(const MeetingSeries& s, Date last, size_t limit = 100000);

// Rough days between two occurrences of a recurring series (0 for a one-off):
// the interval for daily, a week over its weekdays, 31 days a month.
int period_days(const MeetingSeries& s);

// The zone a series runs in: its own, else the engagement's.
const std::string& series_zone(const MeetingSeries& s, const EngagementInfo& info);

// Occurrences of one series whose [start, end) intersects [from, to), sorted
// by actual start. Moved occurrences appear at their new time.
std::vector<Occurrence> occurrences(const MeetingSeries& s, const EngagementInfo& info,
                                    Instant from, Instant to);

// All series, merged and sorted by start.
std::vector<Occurrence> occurrences(const Engagement& e, Instant from, Instant to);

// Which of `originals` (ascending) are original dates of the series. Costs
// O(originals) for every rule but a counted 5th-weekday one, which is walked
// once for all of them (asking date by date would walk it again each time).
std::vector<bool> has_occurrences(const MeetingSeries& s, std::span<const Date> originals);

// One occurrence by its original date, if the series has one on that date.
std::optional<Occurrence> find_occurrence(const MeetingSeries& s, const EngagementInfo& info,
                                          Date original);

}  // namespace rapport
