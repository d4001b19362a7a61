// Dates, times and time-zone conversion.
#include <catch2/catch.hpp>
#include <cstdlib>

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

TEST_CASE("a skipped local time moves forward and an ambiguous one takes the earlier instant",
          "[time]") {
  // 2026-03-29 02:30 does not exist in Amsterdam (clocks jump 02:00 -> 03:00).
  Instant skipped =
      to_instant({Date::from_ymd(2026, 3, 29), LocalTime{2 * 60 + 30}}, "Europe/Amsterdam");
  CHECK(to_local(skipped, "Europe/Amsterdam").time.hhmm() == "03:30");
  // 2026-10-25 02:30 happens twice; the first is at +02:00.
  Instant twice =
      to_instant({Date::from_ymd(2026, 10, 25), LocalTime{2 * 60 + 30}}, "Europe/Amsterdam");
  CHECK(twice.iso_utc() == "2026-10-25T00:30Z");
}

TEST_CASE("unknown zones are reported", "[time]") {
  CHECK(is_known_time_zone("Europe/Helsinki"));
  CHECK_FALSE(is_known_time_zone("Mars/Olympus_Mons"));
}

TEST_CASE("a pinned today is today in every zone and can be taken back", "[time][today]") {
  const Date pin = Date::from_ymd(2027, 6, 15);
  pin_today(pin);
  CHECK(pinned_today() == pin);
  CHECK(today_in("Europe/Amsterdam") == pin);
  CHECK(today_in("Pacific/Kiritimati") == pin);  // UTC+14: a day ahead of most of the world
  CHECK(today_in("Pacific/Pago_Pago") == pin);   // UTC-11
  pin_today(std::nullopt);
  CHECK(pinned_today() != pin);  // back to RAPPORT_TODAY (or the clock without it)
}

TEST_CASE("CTest runs every test with RAPPORT_TODAY set and today_in honours it", "[time][today]") {
  const char* env = std::getenv("RAPPORT_TODAY");
  INFO(
      "tests/CMakeLists.txt sets RAPPORT_TODAY=2026-11-24 on every test; set it when running by "
      "hand");
  REQUIRE(env != nullptr);
  auto expected = parse_today_pin(env);
  REQUIRE(expected);
  CHECK(today_environment_error().empty());
  CHECK(pinned_today() == expected);
  CHECK(today_in("UTC") == *expected);
  CHECK(today_in("America/Los_Angeles") == *expected);
}

TEST_CASE("a today pin must be exactly a real YYYY-MM-DD date", "[time][today]") {
  CHECK(parse_today_pin("2026-11-24") == Date::from_ymd(2026, 11, 24));
  CHECK(parse_today_pin("2028-02-29") == Date::from_ymd(2028, 2, 29));
  CHECK_FALSE(parse_today_pin(""));
  CHECK_FALSE(parse_today_pin("today"));
  CHECK_FALSE(parse_today_pin("2026-13-01"));
  CHECK_FALSE(parse_today_pin("2027-02-29"));
  CHECK_FALSE(parse_today_pin("2026-11-24 "));  // parse_date forgives blanks, a pin does not
  CHECK_FALSE(parse_today_pin(" 2026-11-24"));
  CHECK_FALSE(parse_today_pin("2026-11-24T09:00"));
  CHECK_FALSE(parse_today_pin("2026/11/24"));
  CHECK_FALSE(parse_today_pin("24-11-2026"));
  CHECK_FALSE(parse_today_pin("+026-11-24"));
}
