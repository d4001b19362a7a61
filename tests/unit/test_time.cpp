// Dates, times and time-zone conversion.
#include <catch2/catch.hpp>

#include "rapport/time.hpp"

using namespace rapport;

TEST_CASE("dates parse, print and know their weekday", "[time]") {
  auto d = parse_date("2026-12-15");
  REQUIRE(d);
  CHECK(d->iso() == "2026-12-15");
  CHECK(d->year() == 2026);
  CHECK(d->month() == 12u);
  CHECK(d->day() == 15u);
  CHECK(d->weekday() == 2u);  // a Tuesday
  CHECK(Date::from_ymd(1970, 1, 1).days == 0);
  CHECK(Date::from_ymd(1969, 12, 31).days == -1);
}

TEST_CASE("impossible or malformed dates are refused", "[time]") {
  CHECK_FALSE(parse_date("2026-02-30"));
  CHECK_FALSE(parse_date("2026-13-01"));
  CHECK_FALSE(parse_date("26-1-1"));
  CHECK_FALSE(parse_date(""));
  CHECK_FALSE(parse_date("2026-1x-01"));
  CHECK(parse_date("2028-02-29"));
  CHECK_FALSE(parse_date("2027-02-29"));
}

TEST_CASE("times parse within a day", "[time]") {
  CHECK(parse_time("9:05")->minutes == 9 * 60 + 5);
  CHECK(parse_time("16:00")->hhmm() == "16:00");
  CHECK_FALSE(parse_time("24:00"));
  CHECK_FALSE(parse_time("12:60"));
  CHECK_FALSE(parse_time("1200"));
}

TEST_CASE("local time converts through the zone's DST rules", "[time]") {
  // 09:00 in Amsterdam is 08:00Z in winter and 07:00Z in summer.
  Instant winter = to_instant({Date::from_ymd(2026, 12, 4), LocalTime{9 * 60}}, "Europe/Amsterdam");
  Instant summer = to_instant({Date::from_ymd(2026, 7, 3), LocalTime{9 * 60}}, "Europe/Amsterdam");
  CHECK(winter.iso_utc() == "2026-12-04T08:00Z");
  CHECK(summer.iso_utc() == "2026-07-03T07:00Z");
  // The same instant seen from New York.
  LocalDateTime ny = to_local(winter, "America/New_York");
  CHECK(ny.date == Date::from_ymd(2026, 12, 4));
  CHECK(ny.time.hhmm() == "03:00");
}

TEST_CASE("a skipped local time moves forward; an ambiguous one takes the earlier instant", "[time]") {
  // 2026-03-29 02:30 does not exist in Amsterdam (clocks jump 02:00 -> 03:00).
  Instant skipped = to_instant({Date::from_ymd(2026, 3, 29), LocalTime{2 * 60 + 30}}, "Europe/Amsterdam");
  CHECK(to_local(skipped, "Europe/Amsterdam").time.hhmm() == "03:30");
  // 2026-10-25 02:30 happens twice; the first is at +02:00.
  Instant twice = to_instant({Date::from_ymd(2026, 10, 25), LocalTime{2 * 60 + 30}}, "Europe/Amsterdam");
  CHECK(twice.iso_utc() == "2026-10-25T00:30Z");
}

TEST_CASE("unknown zones are reported", "[time]") {
  CHECK(is_known_time_zone("Europe/Helsinki"));
  CHECK_FALSE(is_known_time_zone("Mars/Olympus_Mons"));
}
