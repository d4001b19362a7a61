// Meeting series expanded into occurrences.
#include <catch2/catch.hpp>

#include "rapport/recurrence.hpp"

using namespace rapport;

namespace {
Date d(int y, unsigned m, unsigned day) { return Date::from_ymd(y, m, day); }

MeetingSeries series(Frequency f) {
  MeetingSeries s;
  s.id = 7;
  s.title = "Check-in";
  s.first_date = d(2026, 1, 1);
  s.start = LocalTime{9 * 60};
  s.duration_minutes = 30;
  s.time_zone = "Europe/Amsterdam";
  s.recurrence.frequency = f;
  return s;
}

std::vector<std::string> isos(const std::vector<Date>& dates) {
  std::vector<std::string> out;
  for (Date x : dates) out.push_back(x.iso());
  return out;
}
}  // namespace

TEST_CASE("weekly on Fridays stays at 09:00 local across both DST switches", "[recurrence]") {
  MeetingSeries s = series(Frequency::Weekly);
  s.recurrence.weekdays = kFriday;
  s.first_date = d(2026, 3, 20);
  EngagementInfo info;
  auto occ = occurrences(s, info, start_of(d(2026, 3, 1)), start_of(d(2026, 11, 7)));
  REQUIRE(occ.size() == 34);
  for (const auto& o : occ) {
    CHECK(to_local(o.start, "Europe/Amsterdam").time.hhmm() == "09:00");
    CHECK(o.end.minutes - o.start.minutes == 30);
  }
  // Before 29 March it is 08:00Z, after it 07:00Z; after 25 October 08:00Z again.
  CHECK(occ[0].start.iso_utc() == "2026-03-20T08:00Z");
  CHECK(occ[2].start.iso_utc() == "2026-04-03T07:00Z");
  CHECK(occ.back().start.iso_utc() == "2026-11-06T08:00Z");
  // Seen from New York, whose DST switches on other dates, the hour changes.
  CHECK(to_local(occ[0].start, "America/New_York").time.hhmm() == "04:00");
  CHECK(to_local(occ[2].start, "America/New_York").time.hhmm() == "03:00");
}

TEST_CASE("every other week on two weekdays, with a count", "[recurrence]") {
  MeetingSeries s = series(Frequency::Weekly);
  s.first_date = d(2026, 1, 6);  // a Tuesday
  s.recurrence.interval = 2;
  s.recurrence.weekdays = kTuesday | kThursday;
  s.recurrence.count = 5;
  CHECK(isos(occurrence_dates(s, d(2027, 1, 1))) ==
        std::vector<std::string>{"2026-01-06", "2026-01-08", "2026-01-20", "2026-01-22",
                                 "2026-02-03"});
}

TEST_CASE("daily until a date is inclusive", "[recurrence]") {
  MeetingSeries s = series(Frequency::Daily);
  s.recurrence.until = d(2026, 1, 4);
  CHECK(isos(occurrence_dates(s, d(2027, 1, 1))) ==
        std::vector<std::string>{"2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04"});
}

TEST_CASE("monthly on the 31st falls on the last day of shorter months", "[recurrence]") {
  MeetingSeries s = series(Frequency::MonthlyOnDay);
  s.recurrence.month_day = 31;
  s.first_date = d(2026, 1, 31);
  s.recurrence.count = 4;
  CHECK(isos(occurrence_dates(s, d(2027, 1, 1))) ==
        std::vector<std::string>{"2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30"});
}

TEST_CASE("monthly on the 5th Friday skips months without one", "[recurrence]") {
  MeetingSeries s = series(Frequency::MonthlyOnWeekday);
  s.recurrence.week_of_month = 5;
  s.recurrence.weekday = 5;  // Friday
  s.first_date = d(2026, 1, 1);
  // 2026: January has five Fridays (30th), May (29th), July (31st), October (30th).
  CHECK(isos(occurrence_dates(s, d(2026, 12, 31))) ==
        std::vector<std::string>{"2026-01-30", "2026-05-29", "2026-07-31", "2026-10-30"});
}

TEST_CASE("monthly on the last Tuesday, and the first Tuesday", "[recurrence]") {
  MeetingSeries s = series(Frequency::MonthlyOnWeekday);
  s.recurrence.week_of_month = -1;
  s.recurrence.weekday = 2;
  s.recurrence.count = 3;
  CHECK(isos(occurrence_dates(s, d(2027, 1, 1))) ==
        std::vector<std::string>{"2026-01-27", "2026-02-24", "2026-03-31"});
  s.recurrence.week_of_month = 1;
  CHECK(isos(occurrence_dates(s, d(2027, 1, 1))) ==
        std::vector<std::string>{"2026-01-06", "2026-02-03", "2026-03-03"});
}

TEST_CASE("a one-off meeting happens once", "[recurrence]") {
  MeetingSeries s = series(Frequency::Once);
  CHECK(isos(occurrence_dates(s, d(2030, 1, 1))) == std::vector<std::string>{"2026-01-01"});
  CHECK(find_occurrence(s, {}, d(2026, 1, 1)));
  CHECK_FALSE(find_occurrence(s, {}, d(2026, 1, 2)));
}

TEST_CASE("a range query far from the start finds the same occurrences as a full expansion",
          "[recurrence]") {
  MeetingSeries s = series(Frequency::Weekly);
  s.recurrence.weekdays = kMonday | kWednesday;
  s.first_date = d(2020, 1, 1);
  auto all = occurrence_dates(s, d(2030, 1, 1));
  auto part = occurrences(s, {}, start_of(d(2028, 6, 1)), start_of(d(2028, 7, 1)));
  std::vector<Date> expected;
  for (Date x : all)
    if (x >= d(2028, 6, 1) && x < d(2028, 7, 1)) expected.push_back(x);
  std::vector<Date> got;
  for (const auto& o : part) got.push_back(o.original);
  CHECK(got == expected);
}

TEST_CASE("overrides: held with recap, cancelled, and moved to another time", "[recurrence]") {
  MeetingSeries s = series(Frequency::Weekly);
  s.recurrence.weekdays = kFriday;
  s.first_date = d(2026, 1, 2);
  s.overrides[d(2026, 1, 2)].state = OccurrenceState::Held;
  s.overrides[d(2026, 1, 2)].recap_summary = "Agreed scope";
  s.overrides[d(2026, 1, 9)].state = OccurrenceState::Cancelled;
  s.overrides[d(2026, 1, 16)].moved_to = LocalDateTime{d(2026, 1, 20), LocalTime{14 * 60}};
  auto occ = occurrences(s, {}, start_of(d(2026, 1, 1)), start_of(d(2026, 1, 24)));
  REQUIRE(occ.size() == 4);
  CHECK(occ[0].state == OccurrenceState::Held);
  CHECK(occ[0].has_recap);
  CHECK(occ[1].state == OccurrenceState::Cancelled);
  CHECK(occ[2].original == d(2026, 1, 16));
  CHECK(occ[2].moved);
  CHECK(to_local(occ[2].start, "Europe/Amsterdam").date == d(2026, 1, 20));
  CHECK(occ[3].original == d(2026, 1, 23));
  // The moved meeting shows where it went, not where it was planned.
  auto week3 = occurrences(s, {}, start_of(d(2026, 1, 16)), start_of(d(2026, 1, 17)));
  CHECK(week3.empty());
}
