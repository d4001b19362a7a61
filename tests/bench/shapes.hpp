// The worst shapes of input for the checks and imports (issue 20), generated
// at any size. Shared by rapport-bench (time and peak memory per size) and
// the regression tests in tests/unit/test_bounds.cpp (what comes out), so the
// inputs are never committed as large files. All dates are fixed.
#pragma once

#include <fmt/format.h>

#include <string>

#include "rapport/model.hpp"

namespace rapport::shapes {

inline Date day(int y, unsigned m, unsigned d) { return Date::from_ymd(y, m, d); }

// The date the health shapes are checked as of.
inline Date as_of() { return day(2026, 3, 15); }

inline Engagement frame() {
  Engagement e;
  e.info.name = "Bounds";
  e.info.time_zone = "UTC";
  e.info.start = day(2026, 1, 1);
  e.info.end = day(2026, 12, 31);
  return e;
}

inline MeetingSeries daily(Id id, Date first, int32_t count = 0) {
  MeetingSeries s;
  s.id = id;
  s.title = fmt::format("Daily {}", id);
  s.first_date = first;
  s.start = LocalTime{10 * 60};
  s.duration_minutes = 30;
  s.recurrence.frequency = Frequency::Daily;
  s.recurrence.count = count;
  return s;
}

// A daily meeting and n blackouts that all overlap: blackout i runs from
// 2026-03-01 minus (i mod 40) days to 2026-03-20 plus (i mod 40) days.
inline Engagement overlapping_blackouts(size_t n) {
  Engagement e = frame();
  e.meetings.items.emplace(1, daily(1, day(2026, 1, 1)));
  for (size_t i = 0; i < n; ++i) {
    Boundary b;
    b.id = Id(2 + i);
    b.kind = BoundaryKind::Blackout;
    b.title = fmt::format("Freeze {}", i);
    int32_t spread = int32_t(i % 40);
    b.from = day(2026, 3, 1).plus_days(-spread);
    b.to = day(2026, 3, 20).plus_days(spread);
    e.boundaries.items.emplace_hint(e.boundaries.items.end(), b.id, b);
  }
  e.next_id = Id(2 + n);
  return e;
}

// Two counted daily series of n/2 occurrences each, every one held without a
// recap, ending before as_of().
inline Engagement held_without_recap(size_t n) {
  Engagement e = frame();
  int32_t count = int32_t(n / 2);
  Date first = as_of().plus_days(-count - 10);
  e.info.start = first;
  for (Id id : {Id(1), Id(2)}) {
    MeetingSeries s = daily(id, first, count);
    for (int32_t k = 0; k < count; ++k)
      s.overrides[first.plus_days(k)].state = OccurrenceState::Held;
    e.meetings.items.emplace(id, std::move(s));
  }
  e.next_id = 3;
  return e;
}

// n daily series from 1900 to 2399 (the "centuries" engagement).
inline Engagement centuries_of_series(size_t n) {
  Engagement e = frame();
  e.info.start = day(1900, 1, 1);
  e.info.end = day(2399, 12, 31);
  for (size_t i = 0; i < n; ++i) {
    MeetingSeries s = daily(Id(1 + i), e.info.start);
    s.recurrence.until = e.info.end;
    e.meetings.items.emplace_hint(e.meetings.items.end(), s.id, s);
  }
  e.next_id = Id(1 + n);
  return e;
}

inline std::string ics_head() {
  return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Rapport//bounds//EN\r\n";
}

// One daily series (COUNT = n + 10) with n EXDATEs.
inline std::string ics_exdates(size_t n) {
  std::string s = ics_head();
  s += fmt::format(
      "BEGIN:VEVENT\r\nUID:exdates@bounds\r\nSUMMARY:Stand-up\r\nDTSTART:20260101T090000Z\r\n"
      "DTEND:20260101T091500Z\r\nRRULE:FREQ=DAILY;COUNT={}\r\n",
      n + 10);
  Date first = day(2026, 1, 1);
  for (size_t i = 0; i < n; ++i) {
    Date d = first.plus_days(int32_t(i + 5));
    s += fmt::format("EXDATE:{:04d}{:02d}{:02d}T090000Z\r\n", d.year(), d.month(), d.day());
  }
  s += "END:VEVENT\r\nEND:VCALENDAR\r\n";
  return s;
}

// One daily series (COUNT = n) with n RECURRENCE-ID events, each moving an
// occurrence an hour later.
inline std::string ics_overrides(size_t n) {
  std::string s = ics_head();
  s += fmt::format(
      "BEGIN:VEVENT\r\nUID:moved@bounds\r\nSUMMARY:Stand-up\r\nDTSTART:20260101T090000Z\r\n"
      "DTEND:20260101T091500Z\r\nRRULE:FREQ=DAILY;COUNT={}\r\nEND:VEVENT\r\n",
      n);
  Date first = day(2026, 1, 1);
  for (size_t i = 0; i < n; ++i) {
    Date d = first.plus_days(int32_t(i));
    std::string ymd = fmt::format("{:04d}{:02d}{:02d}", d.year(), d.month(), d.day());
    s += fmt::format(
        "BEGIN:VEVENT\r\nUID:moved@bounds\r\nSUMMARY:Stand-up\r\nRECURRENCE-ID:{0}T090000Z\r\n"
        "DTSTART:{0}T100000Z\r\nDTEND:{0}T101500Z\r\nEND:VEVENT\r\n",
        ymd);
  }
  s += "END:VCALENDAR\r\n";
  return s;
}

// One event whose X- property is a single line of `bytes` characters.
inline std::string ics_long_line(size_t bytes) {
  std::string s = ics_head();
  s += "BEGIN:VEVENT\r\nUID:long@bounds\r\nSUMMARY:Kick-off\r\nDTSTART:20260105T090000Z\r\n"
       "DTEND:20260105T100000Z\r\nX-BOUNDS-NOTE:";
  s.append(bytes, 'a');
  s += "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  return s;
}

// A Planner project with n/2 milestones and n/2 tasks, each task preceding a
// milestone; with `clients`, every task is allocated to one of 50 client
// resources (so each becomes a client task waiting on its milestone).
inline std::string planner_plan(size_t n, bool clients) {
  size_t half = n / 2;
  std::string s = "<?xml version=\"1.0\"?>\n<project name=\"Bounds\" mrproject-version=\"2\">\n";
  s += "  <resource-groups>\n    <group id=\"1\" name=\"Client team\"/>\n  </resource-groups>\n";
  s += "  <tasks>\n";
  auto ymd = [](Date d) {
    return fmt::format("{:04d}{:02d}{:02d}T000000Z", d.year(), d.month(), d.day());
  };
  Date first = day(2026, 1, 5);
  for (size_t i = 0; i < half; ++i) {
    Date start = first.plus_days(int32_t(i % 300));
    s += fmt::format(
        "    <task id=\"t{0}\" name=\"Task {0}\" start=\"{1}\" end=\"{2}\" "
        "percent-complete=\"0\"/>\n",
        i, ymd(start), ymd(start.plus_days(3)));
    s += fmt::format(
        "    <task id=\"m{0}\" name=\"Milestone {0}\" type=\"milestone\" start=\"{1}\" "
        "end=\"{1}\">\n"
        "      <predecessors><predecessor id=\"p{0}\" predecessor-id=\"t{0}\" "
        "type=\"FS\"/></predecessors>\n"
        "    </task>\n",
        i, ymd(start.plus_days(5)));
  }
  s += "  </tasks>\n";
  if (clients) {
    s += "  <resources>\n";
    for (int r = 0; r < 50; ++r)
      s += fmt::format(
          "    <resource id=\"r{0}\" name=\"Client {0}\" group=\"1\" "
          "email=\"c{0}@example.org\"/>\n",
          r);
    s += "  </resources>\n  <allocations>\n";
    for (size_t i = 0; i < half; ++i)
      s += fmt::format("    <allocation task-id=\"t{}\" resource-id=\"r{}\" units=\"100\"/>\n", i,
                       i % 50);
    s += "  </allocations>\n";
  }
  s += "</project>\n";
  return s;
}

}  // namespace rapport::shapes
