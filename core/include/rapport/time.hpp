// Calendar values used throughout the model: civil dates, wall-clock times,
// UTC instants, weekdays. Plain integers inside, so they are cheap to copy,
// compare and save; time-zone arithmetic lives in time.cpp (date/tz).
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rapport {

// A civil date: days since 1970-01-01 (proleptic Gregorian).
struct Date {
  int32_t days = 0;
  auto operator<=>(const Date&) const = default;

  static Date from_ymd(int year, unsigned month, unsigned day);
  int year() const;
  unsigned month() const;  // 1..12
  unsigned day() const;    // 1..31
  // 0 = Sunday .. 6 = Saturday (as date::weekday::c_encoding()).
  unsigned weekday() const;
  Date plus_days(int32_t n) const { return Date{days + n}; }
  std::string iso() const;  // 2026-12-15
};

// Parses YYYY-MM-DD; rejects impossible dates such as 2026-02-30.
std::optional<Date> parse_date(std::string_view text);

// Minutes after local midnight, 0..1439.
struct LocalTime {
  int32_t minutes = 0;
  auto operator<=>(const LocalTime&) const = default;
  std::string hhmm() const;  // 09:05
};
std::optional<LocalTime> parse_time(std::string_view text);  // "9:05", "16:00"

// A wall-clock moment in some time zone, before resolution to UTC.
struct LocalDateTime {
  Date date;
  LocalTime time;
  auto operator<=>(const LocalDateTime&) const = default;
};

// A moment in UTC: minutes since 1970-01-01T00:00Z.
struct Instant {
  int64_t minutes = 0;
  auto operator<=>(const Instant&) const = default;
  Instant plus_minutes(int64_t n) const { return Instant{minutes + n}; }
  std::string iso_utc() const;  // 2026-12-15T08:00Z
};

// Midnight UTC at the start of a date; handy for all-day items on the axis.
inline Instant start_of(Date d) { return Instant{int64_t(d.days) * 1440}; }
inline Date utc_date_of(Instant t) {
  int64_t d = t.minutes >= 0 ? t.minutes / 1440 : -((-t.minutes + 1439) / 1440);
  return Date{int32_t(d)};
}

// Weekday bit masks: bit (1 << weekday()) with Sunday = bit 0.
enum WeekdayBits : uint8_t {
  kSunday = 1 << 0,
  kMonday = 1 << 1,
  kTuesday = 1 << 2,
  kWednesday = 1 << 3,
  kThursday = 1 << 4,
  kFriday = 1 << 5,
  kSaturday = 1 << 6,
  kWorkweek = kMonday | kTuesday | kWednesday | kThursday | kFriday,
};
const char* weekday_name(unsigned weekday);   // "Monday"
const char* weekday_short(unsigned weekday);  // "Mon"
const char* month_name(unsigned month);       // "January"

// Time zones (IANA names, resolved with the system's tz database).
bool is_known_time_zone(std::string_view iana_name);
// Local wall time -> UTC. A time skipped by a DST jump moves forward by the gap;
// an ambiguous time takes the earlier instant. Unknown zones are treated as UTC.
Instant to_instant(const LocalDateTime& local, std::string_view iana_name);
// UTC -> local wall time in the zone.
LocalDateTime to_local(Instant t, std::string_view iana_name);
// The system's idea of now, and today's date in a zone. today_in() returns the
// pinned date instead when there is one (see pinned_today()).
Instant now_utc();
Date today_in(std::string_view iana_name);

// A date as people read it in tooltips, menus and reports: "Tue 1 Dec 2026".
// The one date text; ISO (Date::iso) is for fields and files.
std::string date_text(Date d);
// The same date without weekday and year, where the year goes without saying
// (a report's "agreed 22 Nov", a client open point's "due 20 Nov"): "1 Dec".
std::string day_month(Date d);

// A fixed "today", so that tests, journeys and scripted runs give the same result on
// any day. Two ways in, one pin: `rapport --today YYYY-MM-DD` calls pin_today(); the
// environment variable RAPPORT_TODAY=YYYY-MM-DD is read once, at the first call. A
// date given to pin_today() wins over the environment; nullopt takes it back.
void pin_today(std::optional<Date> day);
std::optional<Date> pinned_today();
// Strict: exactly YYYY-MM-DD, a real date, no blanks.
std::optional<Date> parse_today_pin(std::string_view text);
// Empty when RAPPORT_TODAY is unset or valid; otherwise one line for the user, e.g.
// "RAPPORT_TODAY='2026-13-01' is not a date (expected YYYY-MM-DD, ...)". An invalid
// value pins nothing; the entry points refuse to run with it (exit code 2).
std::string today_environment_error();

}  // namespace rapport
