// Expanding meeting series. A recurrence is a sequence of periods (a day, a
// week or a month, every `interval`), each yielding a few local dates. Without
// a count we can jump straight to the period of interest, so a query about next
// week costs the same for a series that started years ago.
#include "rapport/recurrence.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <tuple>

namespace rapport {
namespace {

constexpr int32_t kMonday = 1;

// Monday of the week that holds d (ISO weeks, as RFC 5545's default WKST=MO).
Date week_start(Date d) { return d.plus_days(-int32_t((d.weekday() + 6) % 7)); }

int days_in_month(int y, unsigned m) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : days[m - 1];
}

// The month `k` periods after the first date's month, as (year, month).
void month_of_period(const MeetingSeries& s, int64_t k, int& y, unsigned& m) {
  int64_t index =
      int64_t(s.first_date.year()) * 12 + (s.first_date.month() - 1) + k * s.recurrence.interval;
  y = int(index / 12);
  m = unsigned(index % 12) + 1;
}

// Dates of period k, ascending; may include dates before first_date (filtered
// by the caller).
void period_dates(const MeetingSeries& s, int64_t k, std::vector<Date>& out) {
  out.clear();
  const Recurrence& r = s.recurrence;
  switch (r.frequency) {
    case Frequency::Once:
      if (k == 0) out.push_back(s.first_date);
      break;
    case Frequency::Daily:
      out.push_back(s.first_date.plus_days(int32_t(k * r.interval)));
      break;
    case Frequency::Weekly: {
      Date monday = week_start(s.first_date).plus_days(int32_t(k * 7 * r.interval));
      for (int offset = 0; offset < 7; ++offset) {
        unsigned weekday = unsigned(kMonday + offset) % 7;
        if (r.weekdays & (1u << weekday)) out.push_back(monday.plus_days(offset));
      }
      break;
    }
    case Frequency::MonthlyOnDay: {
      int y;
      unsigned m;
      month_of_period(s, k, y, m);
      int day = std::min(r.month_day, days_in_month(y, m));
      out.push_back(Date::from_ymd(y, m, unsigned(day)));
      break;
    }
    case Frequency::MonthlyOnWeekday: {
      int y;
      unsigned m;
      month_of_period(s, k, y, m);
      Date first = Date::from_ymd(y, m, 1);
      int n = days_in_month(y, m);
      if (r.week_of_month == -1) {
        Date last = Date::from_ymd(y, m, unsigned(n));
        int back = int((last.weekday() + 7 - r.weekday) % 7);
        out.push_back(last.plus_days(-back));
      } else {
        int forward = int((r.weekday + 7 - first.weekday()) % 7);
        int day = 1 + forward + 7 * (r.week_of_month - 1);
        if (day <= n) out.push_back(first.plus_days(day - 1));  // a 5th weekday may not exist
      }
      break;
    }
  }
}

// The period that may hold date d (lower bound; never past it).
int64_t period_at_or_before(const MeetingSeries& s, Date d) {
  const Recurrence& r = s.recurrence;
  int64_t k = 0;
  switch (r.frequency) {
    case Frequency::Once:
      return 0;
    case Frequency::Daily:
      k = (int64_t(d.days) - s.first_date.days) / r.interval;
      break;
    case Frequency::Weekly:
      k = (int64_t(week_start(d).days) - week_start(s.first_date).days) / (7 * r.interval);
      break;
    case Frequency::MonthlyOnDay:
    case Frequency::MonthlyOnWeekday: {
      int64_t months = (int64_t(d.year()) * 12 + d.month()) -
                       (int64_t(s.first_date.year()) * 12 + s.first_date.month());
      k = months / r.interval;
      break;
    }
  }
  return std::max<int64_t>(0, k - 1);
}

// Dates in one period after the first (periods 1, 2, ... all lie after the
// first date), or 0 when it varies (a 5th weekday exists in some months only).
int64_t dates_per_later_period(const Recurrence& r) {
  switch (r.frequency) {
    case Frequency::Once:
      return 0;
    case Frequency::Daily:
      return 1;
    case Frequency::Weekly:
      return std::popcount(unsigned(r.weekdays & 0x7F));
    case Frequency::MonthlyOnDay:
      return 1;
    case Frequency::MonthlyOnWeekday:
      return r.week_of_month == 5 ? 0 : 1;
  }
  return 0;
}

// For a counted series: the period to start at for dates from `from` on, and
// how many occurrences come before it, so that asking about one date of a
// long counted series costs O(1) instead of a walk from its start. {0, 0}
// (walk from the start) when the number per period varies.
std::pair<int64_t, int64_t> counted_start(const MeetingSeries& s, Date from) {
  int64_t per = dates_per_later_period(s.recurrence);
  int64_t k = period_at_or_before(s, from);
  if (per == 0 || k == 0) return {0, 0};
  std::vector<Date> first;
  period_dates(s, 0, first);
  int64_t seen =
      std::count_if(first.begin(), first.end(), [&](Date d) { return d >= s.first_date; });
  return {k, seen + (k - 1) * per};
}

// Calls f(date) for each original date in [lo, hi], ascending, honouring until
// and count; stops after `limit` dates or when f returns false.
template <class F>
void for_each_date(const MeetingSeries& s, Date lo, Date hi, size_t limit, F&& f) {
  const Recurrence& r = s.recurrence;
  if (r.interval < 1) return;
  if (r.frequency == Frequency::Weekly && (r.weekdays & 0x7F) == 0) return;
  if (r.until && *r.until < hi) hi = *r.until;
  if (hi < s.first_date || hi < lo) return;
  bool counted = r.count > 0;
  int64_t k = 0;
  int64_t seen = 0;  // occurrences from the series' start (only tracked when counted)
  if (counted)
    std::tie(k, seen) = counted_start(s, std::max(lo, s.first_date));
  else
    k = period_at_or_before(s, std::max(lo, s.first_date));
  if (counted && seen >= r.count) return;
  size_t emitted = 0;
  std::vector<Date> dates;
  // A month without a 5th weekday yields nothing; 12 empty periods in a row
  // cannot happen for a valid rule, so this bound only stops a broken one.
  int empty_run = 0;
  for (;; ++k) {
    period_dates(s, k, dates);
    if (dates.empty()) {
      if (r.frequency == Frequency::Once || ++empty_run > 24) return;
      continue;
    }
    empty_run = 0;
    for (Date d : dates) {
      if (d < s.first_date) continue;
      if (d > hi) return;
      if (counted && ++seen > r.count) return;
      if (d >= lo) {
        if (emitted++ >= limit || !f(d)) return;
      }
    }
    if (r.frequency == Frequency::Once) return;
  }
}

Occurrence make(const MeetingSeries& s, const std::string& zone, Date original) {
  Occurrence o;
  o.series = s.id;
  o.original = original;
  o.original_start = to_instant(LocalDateTime{original, s.start}, zone);
  o.start = o.original_start;
  if (auto it = s.overrides.find(original); it != s.overrides.end()) {
    const OccurrenceOverride& v = it->second;
    o.state = v.state;
    if (v.moved_to) {
      o.moved = true;
      o.start = to_instant(*v.moved_to, zone);
    }
    o.has_recap = v.state == OccurrenceState::Held &&
                  v.recap_summary.find_first_not_of(" \t\r\n") != std::string::npos;
  }
  o.end = o.start.plus_minutes(s.duration_minutes);
  return o;
}

bool is_original(const MeetingSeries& s, Date original) {
  bool found = false;
  for_each_date(s, original, original, 1, [&](Date d) {
    found = d == original;
    return false;
  });
  return found;
}

}  // namespace

std::vector<Date> occurrence_dates(const MeetingSeries& s, Date last, size_t limit) {
  std::vector<Date> out;
  for_each_date(s, s.first_date, last, limit, [&](Date d) {
    out.push_back(d);
    return true;
  });
  return out;
}

int period_days(const MeetingSeries& s) {
  const Recurrence& r = s.recurrence;
  int interval = std::max(1, r.interval);
  switch (r.frequency) {
    case Frequency::Once:
      return 0;
    case Frequency::Daily:
      return interval;
    case Frequency::Weekly: {
      int per_week = std::max(1, std::popcount(unsigned(r.weekdays & 0x7F)));
      return (7 * interval + per_week - 1) / per_week;
    }
    case Frequency::MonthlyOnDay:
    case Frequency::MonthlyOnWeekday:
      return 31 * interval;
  }
  return 0;
}

const std::string& series_zone(const MeetingSeries& s, const EngagementInfo& info) {
  return s.time_zone.empty() ? info.time_zone : s.time_zone;
}

std::vector<Occurrence> occurrences(const MeetingSeries& s, const EngagementInfo& info,
                                    Instant from, Instant to) {
  std::vector<Occurrence> out;
  const std::string& zone = series_zone(s, info);
  // Local dates can differ from UTC dates by up to 14 hours, and a meeting can
  // last up to a day: widen the date window by two days on each side.
  Date lo = utc_date_of(from).plus_days(-2);
  Date hi = utc_date_of(to).plus_days(2);
  for_each_date(s, lo, hi, 1000000, [&](Date d) {
    auto it = s.overrides.find(d);
    if (it != s.overrides.end() && it->second.moved_to) return true;  // handled below
    Occurrence o = make(s, zone, d);
    if (o.end > from && o.start < to) out.push_back(o);
    return true;
  });
  // Moved occurrences can land far from their original date; whether each is
  // still an occurrence of the series is asked once for all of them.
  std::vector<Occurrence> moved;
  std::vector<Date> originals;
  for (const auto& [original, v] : s.overrides) {
    if (!v.moved_to) continue;
    Occurrence o = make(s, zone, original);
    if (!(o.end > from && o.start < to)) continue;
    moved.push_back(o);
    originals.push_back(original);  // ascending: overrides are ordered by date
  }
  std::vector<bool> real = has_occurrences(s, originals);
  for (size_t i = 0; i < moved.size(); ++i)
    if (real[i]) out.push_back(moved[i]);
  std::sort(out.begin(), out.end(), [](const Occurrence& a, const Occurrence& b) {
    return a.start != b.start ? a.start < b.start : a.original < b.original;
  });
  return out;
}

std::vector<Occurrence> occurrences(const Engagement& e, Instant from, Instant to) {
  std::vector<Occurrence> out;
  for (const auto& [id, s] : e.meetings) {
    auto some = occurrences(s, e.info, from, to);
    out.insert(out.end(), some.begin(), some.end());
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Occurrence& a, const Occurrence& b) { return a.start < b.start; });
  return out;
}

std::optional<Occurrence> find_occurrence(const MeetingSeries& s, const EngagementInfo& info,
                                          Date original) {
  if (!is_original(s, original)) return std::nullopt;
  return make(s, series_zone(s, info), original);
}

std::vector<bool> has_occurrences(const MeetingSeries& s, std::span<const Date> originals) {
  std::vector<bool> out(originals.size(), false);
  if (originals.empty()) return out;
  bool walks = s.recurrence.count > 0 && dates_per_later_period(s.recurrence) == 0 &&
               s.recurrence.frequency != Frequency::Once;
  if (!walks) {
    for (size_t i = 0; i < originals.size(); ++i) out[i] = is_original(s, originals[i]);
    return out;
  }
  // A counted series whose periods vary: one walk over all of them, merged
  // with the (ascending) dates asked about.
  size_t i = 0;
  for_each_date(s, originals.front(), originals.back(), SIZE_MAX, [&](Date d) {
    while (i < originals.size() && originals[i] < d) ++i;
    for (size_t j = i; j < originals.size() && originals[j] == d; ++j) out[j] = true;
    return i < originals.size();
  });
  return out;
}

}  // namespace rapport
