// Calendar arithmetic on top of Howard Hinnant's date and tz libraries. The
// tz database is the system's (/usr/share/zoneinfo), so it works offline.
#include "rapport/time.hpp"

#include <date/date.h>
#include <date/tz.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <mutex>
#include <string>
#include <unordered_map>

namespace rapport {
namespace {

date::year_month_day ymd_of(Date d) {
  return date::year_month_day{date::sys_days{date::days{d.days}}};
}

// Zone lookups are cached: locate_zone searches a sorted list on every call.
const date::time_zone* find_zone(std::string_view name) {
  static std::mutex mutex;
  static std::unordered_map<std::string, const date::time_zone*> cache;
  std::lock_guard lock(mutex);
  std::string key(name);
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  const date::time_zone* zone = nullptr;
  try {
    zone = date::locate_zone(key);
  } catch (const std::exception&) {
    zone = nullptr;
  }
  cache.emplace(std::move(key), zone);
  return zone;
}

bool parse_int(std::string_view s, int& out) {
  if (s.empty() || s.size() > 9) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  out = v;
  return true;
}

}  // namespace

Date Date::from_ymd(int year, unsigned month, unsigned day) {
  auto ymd = date::year{year} / date::month{month} / date::day{day};
  return Date{int32_t(date::sys_days{ymd}.time_since_epoch().count())};
}
int Date::year() const { return int(ymd_of(*this).year()); }
unsigned Date::month() const { return unsigned(ymd_of(*this).month()); }
unsigned Date::day() const { return unsigned(ymd_of(*this).day()); }
unsigned Date::weekday() const {
  return date::weekday{date::sys_days{date::days{days}}}.c_encoding();
}
std::string Date::iso() const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year(), month(), day());
  return buf;
}

std::optional<Date> parse_date(std::string_view text) {
  // YYYY-MM-DD, with optional surrounding blanks.
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0, m = 0, d = 0;
  if (!parse_int(text.substr(0, 4), y) || !parse_int(text.substr(5, 2), m) ||
      !parse_int(text.substr(8, 2), d))
    return std::nullopt;
  auto ymd = date::year{y} / date::month{unsigned(m)} / date::day{unsigned(d)};
  if (!ymd.ok()) return std::nullopt;
  return Date::from_ymd(y, unsigned(m), unsigned(d));
}

std::string LocalTime::hhmm() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
  return buf;
}

std::optional<LocalTime> parse_time(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  auto colon = text.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  int h = 0, m = 0;
  if (!parse_int(text.substr(0, colon), h) || text.size() - colon - 1 != 2 ||
      !parse_int(text.substr(colon + 1), m))
    return std::nullopt;
  if (h > 23 || m > 59) return std::nullopt;
  return LocalTime{h * 60 + m};
}

std::string Instant::iso_utc() const {
  Date d = utc_date_of(*this);
  int64_t in_day = minutes - int64_t(d.days) * 1440;
  return d.iso() + "T" + LocalTime{int32_t(in_day)}.hhmm() + "Z";
}

const char* weekday_name(unsigned w) {
  static const char* names[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                "Thursday", "Friday", "Saturday"};
  return names[w % 7];
}
const char* weekday_short(unsigned w) {
  static const char* names[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  return names[w % 7];
}
const char* month_name(unsigned m) {
  static const char* names[] = {"January",   "February", "March",    "April",
                                "May",       "June",     "July",     "August",
                                "September", "October",  "November", "December"};
  return names[(m + 11) % 12];
}

bool is_known_time_zone(std::string_view name) { return find_zone(name) != nullptr; }

Instant to_instant(const LocalDateTime& local, std::string_view zone_name) {
  using namespace std::chrono;
  auto local_minutes = date::local_days{date::days{local.date.days}} + minutes{local.time.minutes};
  const date::time_zone* zone = find_zone(zone_name);
  if (!zone) return Instant{local_minutes.time_since_epoch().count()};
  auto info = zone->get_info(local_minutes);
  sys_time<minutes> utc;
  switch (info.result) {
    case date::local_info::unique:
      utc = sys_time<minutes>{local_minutes.time_since_epoch()} -
            duration_cast<minutes>(info.first.offset);
      break;
    case date::local_info::ambiguous:  // the earlier instant
      utc = sys_time<minutes>{local_minutes.time_since_epoch()} -
            duration_cast<minutes>(info.first.offset);
      break;
    case date::local_info::nonexistent:  // skipped by a jump: move forward by the gap
      utc = sys_time<minutes>{local_minutes.time_since_epoch()} -
            duration_cast<minutes>(info.first.offset);
      break;
  }
  return Instant{utc.time_since_epoch().count()};
}

LocalDateTime to_local(Instant t, std::string_view zone_name) {
  using namespace std::chrono;
  sys_time<minutes> utc{minutes{t.minutes}};
  int64_t local_minutes = t.minutes;
  if (const date::time_zone* zone = find_zone(zone_name)) {
    auto info = zone->get_info(utc);
    local_minutes += duration_cast<minutes>(info.offset).count();
  }
  Date d = utc_date_of(Instant{local_minutes});
  return LocalDateTime{d, LocalTime{int32_t(local_minutes - int64_t(d.days) * 1440)}};
}

Instant now_utc() {
  using namespace std::chrono;
  return Instant{duration_cast<minutes>(system_clock::now().time_since_epoch()).count()};
}

namespace {

// RAPPORT_TODAY as found in the environment, read and parsed once.
struct TodayEnvironment {
  std::optional<std::string> raw;  // nullopt = unset
  std::optional<Date> date;        // nullopt = unset or invalid
};

const TodayEnvironment& today_environment() {
  static const TodayEnvironment env = [] {
    TodayEnvironment e;
    if (const char* value = std::getenv("RAPPORT_TODAY")) {
      e.raw = value;
      e.date = parse_today_pin(value);
    }
    return e;
  }();
  return env;
}

// Set once at start-up by the command line and read by any thread: an atomic day
// count, with kNoPin standing for "not pinned".
constexpr int64_t kNoPin = std::numeric_limits<int64_t>::min();
std::atomic<int64_t> pinned_day{kNoPin};

}  // namespace

void pin_today(std::optional<Date> day) { pinned_day.store(day ? int64_t(day->days) : kNoPin); }

std::optional<Date> pinned_today() {
  int64_t day = pinned_day.load();
  if (day != kNoPin) return Date{int32_t(day)};
  return today_environment().date;
}

std::optional<Date> parse_today_pin(std::string_view text) {
  // parse_date() forgives surrounding blanks; a pin must be exactly the date.
  if (text.size() != 10) return std::nullopt;
  return parse_date(text);
}

std::string today_environment_error() {
  const TodayEnvironment& env = today_environment();
  if (!env.raw || env.date) return {};
  return "RAPPORT_TODAY='" + *env.raw + "' is not a date (expected YYYY-MM-DD, e.g. 2026-11-24)";
}

Date today_in(std::string_view zone_name) {
  if (auto day = pinned_today()) return *day;
  return to_local(now_utc(), zone_name).date;
}

std::string day_month(Date d) {
  return std::to_string(d.day()) + " " + std::string(month_name(d.month())).substr(0, 3);
}

std::string date_text(Date d) {
  return std::string(weekday_short(d.weekday())) + " " + day_month(d) + " " +
         std::to_string(d.year());
}

}  // namespace rapport
