// iCalendar export (RFC 5545). Meeting series keep their wall-clock time in
// their own zone: DTSTART;TZID=Europe/Amsterdam with a VTIMEZONE built from
// the tz database, so a weekly 16:00 stays at 16:00 across DST in every
// calendar. Our recurrence semantics map onto RRULE as follows:
//   Daily/Weekly      FREQ=DAILY / FREQ=WEEKLY;BYDAY=..;WKST=MO (weeks start Monday)
//   MonthlyOnDay d    BYMONTHDAY=d, or for d > 28 BYMONTHDAY=28,..,d;BYSETPOS=-1
//                     (our "clamp to the month's end")
//   MonthlyOnWeekday  BYDAY=2TU, 5FR (months without a 5th are skipped, as RFC
//                     5545 does too) or -1FR for the last
//   until             UNTIL = the end of the local date, in UTC (inclusive)
//   count             COUNT; with both, whichever ends first
// DTSTART is the first real occurrence (RFC 5545 counts DTSTART as one).
//
// [SECTION] index
//   Values     - dates and times as iCalendar text, UIDs
//   VTIMEZONE  - observances from the tz database, with a yearly rule at the end
//   Events     - meeting series, overrides, milestones, blackouts
//   Calendar   - export_ics
#include <date/date.h>
#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <set>

#include "rapport/export.hpp"
#include "rapport/fields.hpp"
#include "rapport/ids.hpp"
#include "rapport/recurrence.hpp"

namespace rapport {
namespace {

// Appends `item` to a list in text, with `separator` when it is not the first.
// (Also dodges g++ 12's false -Wrestrict on "literal" + std::string at -O3.)
void join(std::string& list, std::string_view separator, std::string_view item) {
  if (!list.empty()) list += separator;
  list += item;
}

using namespace std::chrono_literals;

// [SECTION] Values ------------------------------------------------------------

std::string ics_date(Date d) {
  return fmt::format("{:04d}{:02d}{:02d}", d.year(), d.month(), d.day());
}

std::string ics_local(const LocalDateTime& t) {
  return fmt::format("{}T{:02d}{:02d}00", ics_date(t.date), t.time.minutes / 60,
                     t.time.minutes % 60);
}

// Seconds since the epoch, UTC, as 20261120T150000Z.
std::string ics_utc_seconds(int64_t seconds) {
  int64_t days = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
  int64_t rest = seconds - days * 86400;
  return fmt::format("{}T{:02d}{:02d}{:02d}Z", ics_date(Date{int32_t(days)}), rest / 3600,
                     rest / 60 % 60, rest % 60);
}

const char* ics_weekday(unsigned w) {
  static const char* names[] = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};
  return names[w % 7];
}

// The zone a series is written in: unknown names fall back to UTC, exactly as
// to_instant() treats them, so the calendar agrees with the app.
std::string export_zone(const MeetingSeries& s, const EngagementInfo& info) {
  const std::string& z = series_zone(s, info);
  return is_known_time_zone(z) ? z : std::string("UTC");
}

// [SECTION] VTIMEZONE ---------------------------------------------------------

struct Observance {
  bool daylight = false;
  date::local_seconds onset;  // local time in the offset before the change
  std::chrono::seconds from{0}, to{0};
  std::string abbrev;
  std::string rrule;
};

int days_in_month(int y, unsigned m) {
  return int(unsigned((date::year{y} / date::month{m} / date::last).day()));
}

// "Last Sunday of March" style rule for a local onset date: (month, BYDAY).
std::string yearly_byday(date::local_days day) {
  date::year_month_day ymd{day};
  date::weekday wd{day};
  int d = int(unsigned(ymd.day()));
  int n = d > days_in_month(int(ymd.year()), unsigned(ymd.month())) - 7 ? -1 : (d - 1) / 7 + 1;
  return fmt::format("{}{}", n, ics_weekday(wd.c_encoding()));
}

date::local_days rule_day(int year, unsigned month, const std::string& byday) {
  int n = std::stoi(byday);
  std::string_view wd_name = std::string_view(byday).substr(byday.size() - 2);
  unsigned wd = 0;
  while (wd < 7 && wd_name != ics_weekday(wd)) ++wd;
  date::weekday w{wd};
  if (n == -1)
    return date::local_days{date::year{year} / date::month{month} / date::weekday_last{w}};
  return date::local_days{date::year{year} / date::month{month} /
                          date::weekday_indexed{w, unsigned(n)}};
}

std::vector<Observance> observances(const date::time_zone* z, date::sys_seconds lo,
                                    date::sys_seconds hi) {
  std::vector<Observance> out;
  const date::sys_seconds epoch = date::sys_days{date::year{1970} / 1 / 1};
  date::sys_info info = z->get_info(lo);
  date::sys_seconds begin = std::max(info.begin, epoch);
  std::chrono::seconds before = info.offset;
  if (info.begin > epoch) before = z->get_info(info.begin - 1s).offset;
  auto add = [&](const date::sys_info& i, date::sys_seconds at, std::chrono::seconds from) {
    out.push_back(Observance{i.save != 0min, date::local_seconds{(at + from).time_since_epoch()},
                             from, i.offset, i.abbrev, ""});
  };
  add(info, begin, before);
  date::sys_seconds t = info.end;
  std::chrono::seconds last = info.offset;
  while (t < hi && out.size() < 2000) {
    date::sys_info next = z->get_info(t);
    add(next, t, last);
    last = next.offset;
    t = next.end;
  }
  // Calendars may expand a series past our span (an open-ended weekly
  // meeting): when the zone's last two changes follow a yearly rule that
  // still holds for the next years, say so with an RRULE.
  if (out.size() >= 3 && t < hi + date::days{366 * 30}) {
    std::vector<Observance> later;
    for (int k = 0; k < 6 && t < date::sys_seconds::max() - date::days{1}; ++k) {
      date::sys_info next = z->get_info(t);
      later.push_back(Observance{next.save != 0min,
                                 date::local_seconds{(t + last).time_since_epoch()}, last,
                                 next.offset, next.abbrev, ""});
      last = next.offset;
      t = next.end;
    }
    for (size_t idx : {out.size() - 2, out.size() - 1}) {
      Observance& o = out[idx];
      date::local_days day = date::floor<date::days>(o.onset);
      auto time_of_day = o.onset - day;
      unsigned month = unsigned(date::year_month_day{day}.month());
      std::string byday = yearly_byday(day);
      int same = 0;
      bool holds = true;
      for (const Observance& l : later) {
        if (l.daylight != o.daylight) continue;
        date::local_days lday = date::floor<date::days>(l.onset);
        int year = int(date::year_month_day{lday}.year());
        if (l.onset != rule_day(year, month, byday) + time_of_day || l.from != o.from ||
            l.to != o.to || l.abbrev != o.abbrev) {
          holds = false;
          break;
        }
        ++same;
      }
      if (holds && same >= 2)
        o.rrule = fmt::format("FREQ=YEARLY;BYMONTH={};BYDAY={}", month, byday);
    }
  }
  return out;
}

std::string offset_text(std::chrono::seconds s) {
  int64_t v = s.count();
  char sign = v < 0 ? '-' : '+';
  v = v < 0 ? -v : v;
  if (v % 60) return fmt::format("{}{:02d}{:02d}{:02d}", sign, v / 3600, v / 60 % 60, v % 60);
  return fmt::format("{}{:02d}{:02d}", sign, v / 3600, v / 60 % 60);
}

void write_vtimezone(std::string& out, const std::string& tzid, Date first, Date last) {
  const date::time_zone* z = date::locate_zone(tzid);
  date::sys_seconds lo = date::sys_days{date::year{first.year()} / 1 / 1};
  date::sys_seconds hi = date::sys_days{date::year{last.year() + 1} / 12 / 31};
  out += ics_fold("BEGIN:VTIMEZONE");
  out += ics_fold("TZID:" + tzid);
  out += ics_fold("X-LIC-LOCATION:" + tzid);
  for (const Observance& o : observances(z, lo, hi)) {
    const char* kind = o.daylight ? "DAYLIGHT" : "STANDARD";
    out += ics_fold(fmt::format("BEGIN:{}", kind));
    date::local_days day = date::floor<date::days>(o.onset);
    auto secs = std::chrono::duration_cast<std::chrono::seconds>(o.onset - day).count();
    out += ics_fold(fmt::format("DTSTART:{}T{:02d}{:02d}{:02d}",
                                ics_date(Date{int32_t(day.time_since_epoch().count())}),
                                secs / 3600, secs / 60 % 60, secs % 60));
    if (!o.rrule.empty()) out += ics_fold("RRULE:" + o.rrule);
    out += ics_fold("TZOFFSETFROM:" + offset_text(o.from));
    out += ics_fold("TZOFFSETTO:" + offset_text(o.to));
    if (!o.abbrev.empty()) out += ics_fold("TZNAME:" + ics_escape_text(o.abbrev));
    out += ics_fold(fmt::format("END:{}", kind));
  }
  out += ics_fold("END:VTIMEZONE");
}

// [SECTION] Events ------------------------------------------------------------

struct Writer {
  const Engagement& e;
  const ExportOptions& options;
  std::string stamp;
  std::string out;

  void line(std::string_view text) { out += ics_fold(text); }
  void text(std::string_view name, std::string_view value) {
    if (!value.empty()) line(fmt::format("{}:{}", name, ics_escape_text(value)));
  }

  std::string description(const MeetingSeries& s) {
    std::string d = s.purpose;
    std::string people;
    for (Id id : s.attendees)
      if (const Stakeholder* p = e.stakeholders.find(id)) join(people, ", ", p->name);
    if (!people.empty()) join(d, "\n", fmt::format("With: {}", people));
    return d;
  }

  std::string rrule(const MeetingSeries& s, const std::string& zone) {
    const Recurrence& r = s.recurrence;
    std::string rule;
    switch (r.frequency) {
      case Frequency::Once:
        return "";
      case Frequency::Daily:
        rule = "FREQ=DAILY";
        break;
      case Frequency::Weekly: {
        rule = "FREQ=WEEKLY";
        std::string days;
        for (unsigned i = 1; i <= 7; ++i)
          if (r.weekdays & (1u << (i % 7))) join(days, ",", std::string(ics_weekday(i % 7)));
        rule += ";BYDAY=" + days + ";WKST=MO";
        break;
      }
      case Frequency::MonthlyOnDay:
        if (r.month_day <= 28) {
          rule = fmt::format("FREQ=MONTHLY;BYMONTHDAY={}", r.month_day);
        } else {
          std::string days;
          for (int d = 28; d <= r.month_day; ++d)
            days += fmt::format("{}{}", days.empty() ? "" : ",", d);
          rule = fmt::format("FREQ=MONTHLY;BYMONTHDAY={};BYSETPOS=-1", days);
        }
        break;
      case Frequency::MonthlyOnWeekday:
        rule = fmt::format("FREQ=MONTHLY;BYDAY={}{}", r.week_of_month, ics_weekday(r.weekday));
        break;
    }
    if (r.interval > 1) rule += fmt::format(";INTERVAL={}", r.interval);
    bool use_count = r.count > 0;
    if (r.count > 0 && r.until)
      use_count = occurrence_dates(s, *r.until, size_t(r.count)).size() == size_t(r.count);
    if (use_count) {
      rule += fmt::format(";COUNT={}", r.count);
    } else if (r.until) {
      // Inclusive local date -> the last second of that day, in UTC (RFC 5545
      // wants UTC when DTSTART has a TZID).
      Instant next_midnight = to_instant(LocalDateTime{r.until->plus_days(1), LocalTime{0}}, zone);
      rule += ";UNTIL=" + ics_utc_seconds(next_midnight.minutes * 60 - 1);
    }
    return rule;
  }

  void times(const std::string& zone, const LocalDateTime& start, int32_t minutes) {
    line(fmt::format("DTSTART;TZID={}:{}", zone, ics_local(start)));
    // The exact duration, as core computes the end (start + minutes in UTC).
    LocalDateTime end = to_local(to_instant(start, zone).plus_minutes(minutes), zone);
    line(fmt::format("DTEND;TZID={}:{}", zone, ics_local(end)));
  }

  void series(const MeetingSeries& s) {
    const std::string zone = export_zone(s, e.info);
    std::vector<Date> first = occurrence_dates(s, Date{INT32_MAX / 2}, 1);
    if (first.empty()) return;  // a rule that never happens
    const std::string uid = ics_uid(e, Kind::Meeting, s.id);
    const std::string desc = description(s);
    const bool once = s.recurrence.frequency == Frequency::Once;

    line("BEGIN:VEVENT");
    line("UID:" + uid);
    line("DTSTAMP:" + stamp);
    text("SUMMARY", s.title);
    text("DESCRIPTION", desc);
    LocalDateTime start{first[0], s.start};
    auto own = s.overrides.find(first[0]);
    if (once && own != s.overrides.end() && own->second.moved_to) start = *own->second.moved_to;
    times(zone, start, s.duration_minutes);
    if (once) {
      if (own != s.overrides.end() && own->second.state == OccurrenceState::Cancelled)
        line("STATUS:CANCELLED");
    } else {
      line("RRULE:" + rrule(s, zone));
      std::string exdates;
      for (const auto& [date, o] : s.overrides)
        if (o.state == OccurrenceState::Cancelled && find_occurrence(s, e.info, date))
          join(exdates, ",", ics_local(LocalDateTime{date, s.start}));
      if (!exdates.empty()) line(fmt::format("EXDATE;TZID={}:{}", zone, exdates));
    }
    line("END:VEVENT");

    if (once) return;
    for (const auto& [date, o] : s.overrides) {
      if (!o.moved_to || o.state == OccurrenceState::Cancelled || !find_occurrence(s, e.info, date))
        continue;
      line("BEGIN:VEVENT");
      line("UID:" + uid);
      line("DTSTAMP:" + stamp);
      line(fmt::format("RECURRENCE-ID;TZID={}:{}", zone, ics_local(LocalDateTime{date, s.start})));
      text("SUMMARY", s.title);
      text("DESCRIPTION", desc);
      times(zone, *o.moved_to, s.duration_minutes);
      line("END:VEVENT");
    }
  }

  void all_day(const std::string& uid, const std::string& summary, const std::string& desc,
               Date from, Date to) {
    line("BEGIN:VEVENT");
    line("UID:" + uid);
    line("DTSTAMP:" + stamp);
    text("SUMMARY", summary);
    text("DESCRIPTION", desc);
    line("DTSTART;VALUE=DATE:" + ics_date(from));
    line("DTEND;VALUE=DATE:" + ics_date(to.plus_days(1)));  // DTEND of a date is exclusive
    line("TRANSP:TRANSPARENT");
    line("END:VEVENT");
  }

  void milestone(const Milestone& m) {
    std::string desc = m.description;
    if (m.baseline != m.current) join(desc, "\n", fmt::format("Agreed: {}", m.baseline.iso()));
    all_day(ics_uid(e, Kind::Milestone, m.id), "Milestone: " + m.title, desc, m.current, m.current);
  }
};

}  // namespace

// The engagement's stable id (ids.hpp), not its name: renaming an engagement
// keeps every calendar event. v1 files migrate to the tag v1 derived.
std::string ics_engagement_tag(const Engagement& e) { return uid_text(engagement_uid(e)); }

std::string ics_uid(const Engagement& e, Kind kind, Id id) {
  return fmt::format("rapport-{}-{}-{}@rapport.local", to_string(kind), id, ics_engagement_tag(e));
}

// [SECTION] Calendar ----------------------------------------------------------

std::string export_ics(const Engagement& e, const ExportOptions& options) {
  Writer w{e, options, "", ""};
  Instant now = options.now ? *options.now : now_utc();
  w.stamp = ics_utc_seconds(now.minutes * 60);

  w.line("BEGIN:VCALENDAR");
  w.line("VERSION:2.0");
  w.line(fmt::format("PRODID:-//Rapport//Rapport {}//EN", RAPPORT_VERSION));
  w.line("CALSCALE:GREGORIAN");
  // No METHOD: that is iTIP (RFC 5546), whose PUBLISH demands an ORGANIZER;
  // a plain file to import or subscribe to needs none.
  std::string name =
      e.info.client_org.empty() ? e.info.name : e.info.name + " – " + e.info.client_org;
  w.text("NAME", name);
  w.text("X-WR-CALNAME", name);
  if (is_known_time_zone(e.info.time_zone)) w.line("X-WR-TIMEZONE:" + e.info.time_zone);

  // One VTIMEZONE per zone in use, covering every date a series can touch.
  std::map<std::string, std::pair<Date, Date>> zones;
  for (const auto& [id, s] : e.meetings) {
    Date lo = std::min(s.first_date, e.info.start);
    Date hi = std::max({s.first_date, e.info.end, s.recurrence.until.value_or(e.info.end)});
    for (const auto& [date, o] : s.overrides)
      if (o.moved_to) {
        lo = std::min(lo, o.moved_to->date);
        hi = std::max(hi, o.moved_to->date);
      }
    auto [it, fresh] = zones.emplace(export_zone(s, e.info), std::pair{lo, hi});
    if (!fresh) it->second = {std::min(it->second.first, lo), std::max(it->second.second, hi)};
  }
  for (const auto& [zone, span] : zones) {
    // At most a century, whatever the file says.
    Date hi = std::min(span.second, span.first.plus_days(36500));
    write_vtimezone(w.out, zone, span.first, hi);
  }

  for (const auto& [id, s] : e.meetings) w.series(s);
  if (options.include_milestones)
    for (const auto& [id, m] : e.milestones)
      if (m.client_visible || options.include_internal) w.milestone(m);
  if (options.include_blackouts)
    for (const auto& [id, b] : e.boundaries)
      if (b.kind == BoundaryKind::Blackout)
        w.all_day(ics_uid(e, Kind::Boundary, id), b.title, b.description, b.from, b.to);
  w.line("END:VCALENDAR");
  return std::move(w.out);
}

}  // namespace rapport
