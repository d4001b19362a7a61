// iCalendar export: parsed back with libical (a real, independent parser) and
// every expanded occurrence compared with core's own expansion, in UTC.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "rapport/demo.hpp"
#include "rapport/export.hpp"
#include "rapport/recurrence.hpp"

#ifdef RAPPORT_HAVE_LIBICAL
#include <libical/ical.h>
#endif

using namespace rapport;

namespace {
Date d(int y, unsigned m, unsigned day) { return Date::from_ymd(y, m, day); }

ExportOptions fixed_stamp() {
  ExportOptions o;
  o.now = to_instant(LocalDateTime{d(2026, 11, 20), LocalTime{12 * 60}}, "UTC");
  return o;
}

// Unfolds content lines (RFC 5545 3.1): CRLF followed by one space or tab.
std::vector<std::string> unfold(const std::string& text) {
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find("\r\n", pos);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(pos, end - pos);
    if (!lines.empty() && !line.empty() && (line[0] == ' ' || line[0] == '\t'))
      lines.back() += line.substr(1);
    else
      lines.push_back(line);
    pos = end + 2;
  }
  return lines;
}

// Every meeting start core expects in [from, to): cancelled ones are not in a calendar.
std::multiset<int64_t> core_starts(const Engagement& e, Instant from, Instant to) {
  std::multiset<int64_t> out;
  for (const Occurrence& o : occurrences(e, from, to))
    if (o.state != OccurrenceState::Cancelled && o.start >= from) out.insert(o.start.minutes);
  return out;
}

#ifdef RAPPORT_HAVE_LIBICAL
struct LocalKey {
  int y, mo, d, h, mi;
  auto operator<=>(const LocalKey&) const = default;
};
LocalKey key(icaltimetype t) { return {t.year, t.month, t.day, t.hour, t.minute}; }

// The zone of a DATE-TIME property, from the calendar's own VTIMEZONE (so the
// test exercises ours, not libical's built-in copy of the tz database).
icaltimezone* zone_of(icalcomponent* cal, icalproperty* p) {
  icalparameter* tzid = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
  REQUIRE(tzid != nullptr);
  icaltimezone* z = icalcomponent_get_timezone(cal, icalparameter_get_tzid(tzid));
  REQUIRE(z != nullptr);
  return z;
}

int64_t utc_minutes(icaltimetype local, icaltimezone* z) {
  local.zone = nullptr;
  return int64_t(icaltime_as_timet_with_zone(local, z)) / 60;
}

// Expands the calendar the way a calendar application would: RRULE from
// DTSTART, minus EXDATEs, RECURRENCE-ID instances replaced by their override.
std::multiset<int64_t> libical_starts(const std::string& ics, Instant from, Instant to) {
  icalcomponent* cal = icalparser_parse_string(ics.c_str());
  REQUIRE(cal != nullptr);
  CHECK(icalcomponent_count_errors(cal) == 0);
  struct Master {
    icalcomponent* event;
  };
  std::map<std::string, icalcomponent*> masters;
  std::map<std::string, std::map<LocalKey, int64_t>> moved;  // uid -> original local -> new start
  for (icalcomponent* ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
       ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
    std::string uid = icalcomponent_get_uid(ev);
    icalproperty* start = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
    REQUIRE(start != nullptr);
    if (icalproperty_get_dtstart(start).is_date) continue;  // milestones, blackouts
    if (icalproperty* rid = icalcomponent_get_first_property(ev, ICAL_RECURRENCEID_PROPERTY)) {
      moved[uid][key(icalproperty_get_recurrenceid(rid))] =
          utc_minutes(icalproperty_get_dtstart(start), zone_of(cal, start));
    } else {
      CHECK(masters.emplace(uid, ev).second);
    }
  }
  std::multiset<int64_t> out;
  auto keep = [&](int64_t m) {
    if (m >= from.minutes && m < to.minutes) out.insert(m);
  };
  for (auto& [uid, ev] : masters) {
    if (icalcomponent_get_status(ev) == ICAL_STATUS_CANCELLED) continue;
    icalproperty* start = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
    icaltimezone* z = zone_of(cal, start);
    icaltimetype dtstart = icalproperty_get_dtstart(start);
    dtstart.zone = nullptr;
    icalproperty* rrule = icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY);
    if (!rrule) {
      keep(utc_minutes(dtstart, z));
      continue;
    }
    std::set<LocalKey> excluded;
    for (icalproperty* p = icalcomponent_get_first_property(ev, ICAL_EXDATE_PROPERTY); p;
         p = icalcomponent_get_next_property(ev, ICAL_EXDATE_PROPERTY))
      excluded.insert(key(icalproperty_get_exdate(p)));
    icalrecur_iterator* it = icalrecur_iterator_new(icalproperty_get_rrule(rrule), dtstart);
    REQUIRE(it != nullptr);
    for (int n = 0; n < 20000; ++n) {
      icaltimetype t = icalrecur_iterator_next(it);
      if (icaltime_is_null_time(t)) break;
      int64_t m = utc_minutes(t, z);
      if (m >= to.minutes + 3 * 1440) break;
      if (excluded.count(key(t))) continue;
      auto mv = moved[uid].find(key(t));
      keep(mv != moved[uid].end() ? mv->second : m);
    }
    icalrecur_iterator_free(it);
  }
  icalcomponent_free(cal);
  return out;
}

void check_same_occurrences(const Engagement& e, Instant from, Instant to) {
  std::string ics = export_ics(e, fixed_stamp());
  auto expected = core_starts(e, from, to);
  auto actual = libical_starts(ics, from, to);
  INFO(ics.substr(0, 4000));
  CHECK(actual.size() == expected.size());
  std::vector<std::string> missing, extra;
  for (int64_t m : expected)
    if (!actual.count(m)) missing.push_back(Instant{m}.iso_utc());
  for (int64_t m : actual)
    if (!expected.count(m)) extra.push_back(Instant{m}.iso_utc());
  CHECK(missing == std::vector<std::string>{});
  CHECK(extra == std::vector<std::string>{});
}
#endif

// A series for the tricky-rules engagement.
MeetingSeries series(Id id, const char* title, Frequency f, Date first, int hhmm,
                     const char* zone) {
  MeetingSeries s;
  s.id = id;
  s.title = title;
  s.first_date = first;
  s.start = LocalTime{hhmm / 100 * 60 + hhmm % 100};
  s.duration_minutes = 45;
  s.time_zone = zone;
  s.recurrence.frequency = f;
  return s;
}

Engagement tricky() {
  Engagement e;
  e.info.name = "Tricky rules";
  e.info.time_zone = "Europe/Helsinki";
  e.info.start = d(2026, 1, 1);
  e.info.end = d(2027, 12, 31);
  auto add = [&](MeetingSeries s) { e.meetings.items.emplace(s.id, s); };

  MeetingSeries m31 =
      series(1, "Month end", Frequency::MonthlyOnDay, d(2026, 1, 10), 1000, "Europe/Amsterdam");
  m31.recurrence.month_day = 31;  // Jan 31, Feb 28, Mar 31, Apr 30, ...
  add(m31);
  MeetingSeries m30 = series(2, "Every other month on the 30th", Frequency::MonthlyOnDay,
                             d(2026, 1, 30), 900, "America/New_York");
  m30.recurrence.month_day = 30;
  m30.recurrence.interval = 2;
  add(m30);
  MeetingSeries fifth = series(3, "Fifth Friday", Frequency::MonthlyOnWeekday, d(2026, 1, 1), 1500,
                               "Australia/Sydney");
  fifth.recurrence.week_of_month = 5;
  fifth.recurrence.weekday = 5;
  add(fifth);
  MeetingSeries last =
      series(4, "Last Monday", Frequency::MonthlyOnWeekday, d(2026, 2, 1), 830, "Asia/Kolkata");
  last.recurrence.week_of_month = -1;
  last.recurrence.weekday = 1;
  last.recurrence.until = d(2027, 6, 30);
  add(last);
  MeetingSeries biweekly =
      series(5, "Mon+Thu every 2 weeks", Frequency::Weekly, d(2026, 3, 4), 1730, "Europe/London");
  biweekly.recurrence.weekdays =
      kMonday | kThursday;  // first_date is a Wednesday: Thursday comes first
  biweekly.recurrence.interval = 2;
  biweekly.recurrence.count = 40;
  biweekly.overrides[d(2026, 3, 5)].state = OccurrenceState::Cancelled;  // the very first one
  biweekly.overrides[d(2026, 3, 16)].moved_to = LocalDateTime{d(2026, 3, 18), LocalTime{8 * 60}};
  add(biweekly);
  MeetingSeries daily =
      series(6, "Every third day", Frequency::Daily, d(2026, 3, 20), 2330, "America/Los_Angeles");
  daily.recurrence.interval = 3;
  daily.recurrence.count = 30;
  daily.recurrence.until = d(2026, 4, 30);  // ends before the 30th occurrence
  add(daily);
  MeetingSeries weekend = series(7, "Sat and Sun", Frequency::Weekly, d(2026, 10, 20), 1000, "");
  weekend.recurrence.weekdays = kSaturday | kSunday;
  weekend.recurrence.until = d(2026, 11, 30);
  weekend.overrides[d(2026, 10, 25)].moved_to =
      LocalDateTime{d(2026, 12, 24), LocalTime{0}};  // far away, DST day
  add(weekend);
  MeetingSeries once =
      series(8, "One-off, moved", Frequency::Once, d(2026, 6, 1), 1200, "Europe/Helsinki");
  once.overrides[d(2026, 6, 1)].moved_to = LocalDateTime{d(2026, 6, 3), LocalTime{13 * 60}};
  add(once);
  MeetingSeries gone =
      series(9, "One-off, cancelled", Frequency::Once, d(2026, 6, 2), 1200, "Europe/Helsinki");
  gone.overrides[d(2026, 6, 2)].state = OccurrenceState::Cancelled;
  add(gone);
  MeetingSeries open =
      series(10, "Open-ended weekly", Frequency::Weekly, d(2026, 1, 5), 900, "America/New_York");
  open.recurrence.weekdays = kMonday;
  add(open);
  e.next_id = 11;
  return e;
}

}  // namespace

TEST_CASE("ICS text escaping and folding at 75 octets without splitting UTF-8", "[export]") {
  CHECK(ics_escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne");
  CHECK(ics_escape_text("x\r\ny\x01") == "x\\ny");
  std::string line = "SUMMARY:" + std::string(60, 'a');
  for (int i = 0; i < 50; ++i) line += "ä€";  // 2- and 3-byte sequences
  std::string folded = ics_fold(line);
  REQUIRE(folded.size() > 75);
  size_t pos = 0;
  std::string joined;
  bool first = true;
  while (pos < folded.size()) {
    size_t end = folded.find("\r\n", pos);
    REQUIRE(end != std::string::npos);
    std::string physical = folded.substr(pos, end - pos);
    CHECK(physical.size() <= 75);
    if (!first) {
      REQUIRE(physical[0] == ' ');
      physical.erase(0, 1);
      // never starts inside a UTF-8 sequence
      CHECK((static_cast<unsigned char>(physical[0]) & 0xC0) != 0x80);
    }
    joined += physical;
    first = false;
    pos = end + 2;
  }
  CHECK(joined == line);
  CHECK(ics_fold("SHORT:x") == "SHORT:x\r\n");
}

TEST_CASE("ICS of the demo: CRLF, stable UIDs, a VTIMEZONE per zone, RRULE mapping", "[export]") {
  Engagement e = make_demo();
  std::string a = export_ics(e, fixed_stamp());
  CHECK(a == export_ics(e, fixed_stamp()));
  CHECK(a.rfind("BEGIN:VCALENDAR\r\n", 0) == 0);
  CHECK(a.size() >= 15);
  CHECK(a.substr(a.size() - 15) == "END:VCALENDAR\r\n");
  for (size_t i = a.find('\n'); i != std::string::npos; i = a.find('\n', i + 1))
    REQUIRE(a[i - 1] == '\r');
  auto lines = unfold(a);
  auto has = [&](const std::string& l) {
    return std::find(lines.begin(), lines.end(), l) != lines.end();
  };
  CHECK(has("TZID:Europe/Amsterdam"));
  CHECK(has("TZID:Europe/Helsinki"));
  CHECK(has("RRULE:FREQ=WEEKLY;BYDAY=FR;WKST=MO;UNTIL=20270326T225959Z"));
  CHECK(has("RRULE:FREQ=MONTHLY;BYDAY=1TU;COUNT=5"));
  CHECK(has("EXDATE;TZID=Europe/Amsterdam:20261030T160000"));
  CHECK(has("RECURRENCE-ID;TZID=Europe/Amsterdam:20261113T160000"));
  CHECK(has("DTSTART;TZID=Europe/Amsterdam:20261112T150000"));
  CHECK(has("DTSTART;VALUE=DATE:20270122"));  // Beta, current date
  // The tz rule is carried on, so an open-ended series is right after our span.
  CHECK(has("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"));
  CHECK(has("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"));
  Id weekly = 0;
  for (const auto& [id, s] : e.meetings)
    if (s.title == "Weekly check-in") weekly = id;
  std::string uid = ics_uid(e, Kind::Meeting, weekly);
  CHECK(uid == fmt::format("rapport-meeting-{}-{}@rapport.local", weekly, ics_engagement_tag(e)));
  CHECK(has("UID:" + uid));
  // Editing an item keeps its UID: a re-import updates instead of duplicating.
  e.meetings.find(weekly)->title = "Friday check-in";
  CHECK(ics_uid(e, Kind::Meeting, weekly) == uid);
}

TEST_CASE("ICS monthly rules map our clamp and skip semantics", "[export]") {
  Engagement e = tricky();
  auto lines = unfold(export_ics(e, fixed_stamp()));
  auto has = [&](const std::string& l) {
    return std::find(lines.begin(), lines.end(), l) != lines.end();
  };
  CHECK(has("RRULE:FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1"));
  CHECK(has("RRULE:FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1;INTERVAL=2"));
  CHECK(has("RRULE:FREQ=MONTHLY;BYDAY=5FR"));
  CHECK(has("RRULE:FREQ=MONTHLY;BYDAY=-1MO;UNTIL=20270630T182959Z"));
  CHECK(has("RRULE:FREQ=WEEKLY;BYDAY=MO,TH;WKST=MO;INTERVAL=2;COUNT=40"));
  CHECK(has("STATUS:CANCELLED"));
  // DTSTART is the first real occurrence: month end from 10 Jan is 31 Jan.
  CHECK(has("DTSTART;TZID=Europe/Amsterdam:20260131T100000"));
  CHECK(has("DTSTART;TZID=Europe/London:20260305T173000"));
}

TEST_CASE("ICS escapes what users typed", "[export]") {
  Engagement e = make_demo();
  Id any = e.meetings.begin()->first;
  e.meetings.find(any)->title = "Plan, review; decide\\now\nnext line";
  std::string ics = export_ics(e, fixed_stamp());
  auto lines = unfold(ics);
  CHECK(std::find(lines.begin(), lines.end(),
                  "SUMMARY:Plan\\, review\\; decide\\\\now\\nnext line") != lines.end());
#ifdef RAPPORT_HAVE_LIBICAL
  icalcomponent* cal = icalparser_parse_string(ics.c_str());
  REQUIRE(cal);
  bool found = false;
  for (icalcomponent* ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
       ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))
    if (std::string(icalcomponent_get_summary(ev)) == "Plan, review; decide\\now\nnext line")
      found = true;
  CHECK(found);
  icalcomponent_free(cal);
#endif
}

#ifdef RAPPORT_HAVE_LIBICAL
TEST_CASE("ICS of the demo, expanded by libical, gives core's occurrences", "[export][libical]") {
  Engagement e = make_demo();
  check_same_occurrences(e, start_of(d(2026, 9, 1)), start_of(d(2027, 6, 1)));
}

TEST_CASE("ICS of tricky rules and zones, expanded by libical, gives core's occurrences",
          "[export][libical]") {
  Engagement e = tricky();
  check_same_occurrences(e, start_of(d(2025, 12, 1)), start_of(d(2028, 6, 1)));
}

TEST_CASE("ICS of generated engagements, expanded by libical, gives core's occurrences",
          "[export][libical]") {
  for (uint32_t seed : {1u, 2u, 3u}) {
    Engagement e = generate_engagement(3000, seed);
    INFO("seed " << seed);
    check_same_occurrences(e, start_of(e.info.start.plus_days(-10)),
                           start_of(e.info.end.plus_days(10)));
  }
}

TEST_CASE("ICS passes libical's RFC 5545 restriction check", "[export][libical]") {
  for (const Engagement& e : {make_demo(), tricky()}) {
    icalcomponent* cal = icalparser_parse_string(export_ics(e, fixed_stamp()).c_str());
    REQUIRE(cal);
    CHECK(icalrestriction_check(cal) == 1);
    CHECK(icalcomponent_count_errors(cal) == 0);
    icalcomponent_free(cal);
  }
}
#endif
