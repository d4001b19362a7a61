// Imports: iCalendar (round trips through our export, a calendar written by
// another application, broken files) and GNOME Planner projects.
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "../common/engagements.hpp"
#include "../common/files.hpp"
#include "rapport/demo.hpp"
#include "rapport/export.hpp"
#include "rapport/history.hpp"
#include "rapport/import.hpp"
#include "rapport/recurrence.hpp"

using namespace rapport;

namespace {
Date d(int y, unsigned m, unsigned day) { return Date::from_ymd(y, m, day); }

using rapport::test::blank_like_demo;

std::vector<Command> commands_of(const ImportResult& r) {
  if (auto* err = std::get_if<ImportError>(&r)) FAIL("import failed: " << err->message);
  return std::get<std::vector<Command>>(r);
}

ImportError error_of(const ImportResult& r) {
  REQUIRE(std::holds_alternative<ImportError>(r));
  return std::get<ImportError>(r);
}

// The lines that say when and what an event is, without UIDs and stamps.
std::multiset<std::string> event_lines(const std::string& ics) {
  std::multiset<std::string> out;
  std::string unfolded;
  for (size_t pos = 0; pos < ics.size();) {
    size_t end = ics.find("\r\n", pos);
    std::string line = ics.substr(pos, end - pos);
    pos = end + 2;
    if (!line.empty() && line[0] == ' ') {
      unfolded += line.substr(1);
      continue;
    }
    for (const char* key :
         {"SUMMARY", "DTSTART", "DTEND", "RRULE:", "EXDATE", "RECURRENCE-ID", "STATUS"})
      if (unfolded.rfind(key, 0) == 0) out.insert(unfolded);
    unfolded = line;
  }
  return out;
}

std::multiset<int64_t> starts(const Engagement& e, OccurrenceState state) {
  std::multiset<int64_t> out;
  for (const Occurrence& o : occurrences(e, start_of(d(2026, 1, 1)), start_of(d(2028, 1, 1))))
    if ((o.state == OccurrenceState::Cancelled) == (state == OccurrenceState::Cancelled))
      out.insert(o.start.minutes);
  return out;
}

using rapport::test::read_file;

const char* kForeign =
    "BEGIN:VCALENDAR\r\n"
    "PRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n"
    "VERSION:2.0\r\n"
    "BEGIN:VTIMEZONE\r\n"
    "TZID:America/New_York\r\n"
    "BEGIN:DAYLIGHT\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nTZNAME:EDT\r\nDTSTART:"
    "19700308T020000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\nEND:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nTZNAME:EST\r\nDTSTART:"
    "19701101T020000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\nEND:STANDARD\r\n"
    "END:VTIMEZONE\r\n"
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Custom Standard Time\r\n"
    "BEGIN:STANDARD\r\nTZOFFSETFROM:+0300\r\nTZOFFSETTO:+0300\r\nTZNAME:X\r\nDTSTART:"
    "19700101T000000\r\nEND:STANDARD\r\n"
    "END:VTIMEZONE\r\n"
    "BEGIN:VEVENT\r\n"
    "DTSTART;TZID=America/New_York:20261103T093000\r\n"
    "DTEND;TZID=America/New_York:20261103T101500\r\n"
    "RRULE:FREQ=WEEKLY;WKST=SU;UNTIL=20261222T143000Z;BYDAY=TU,TH\r\n"
    "EXDATE;TZID=America/New_York:20261126T093000\r\n"
    "UID:abc123@google.com\r\n"
    "SUMMARY:Design review\\, round 2\r\n"
    "DESCRIPTION:Bring the mock-ups\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "DTSTART;TZID=America/New_York:20261111T110000\r\n"
    "DTEND;TZID=America/New_York:20261111T114500\r\n"
    "RECURRENCE-ID;TZID=America/New_York:20261110T093000\r\n"
    "UID:abc123@google.com\r\n"
    "SUMMARY:Design review\\, round 2\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "DTSTART:20261201T150000Z\r\n"
    "DURATION:PT45M\r\n"
    "UID:one-off@example.com\r\n"
    "SUMMARY:Budget call\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "DTSTART;TZID=Custom Standard Time:20261202T100000\r\n"
    "DTEND;TZID=Custom Standard Time:20261202T110000\r\n"
    "UID:custom@example.com\r\n"
    "SUMMARY:Call from Moscow\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "DTSTART;VALUE=DATE:20261218\r\n"
    "DTEND;VALUE=DATE:20261219\r\n"
    "UID:allday@example.com\r\n"
    "SUMMARY:Go/no-go\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n";

const MeetingSeries* series_named(const Engagement& e, const std::string& title) {
  for (const auto& [id, s] : e.meetings)
    if (s.title == title) return &s;
  return nullptr;
}
}  // namespace

TEST_CASE("ICS import of our own export gives the same events", "[import]") {
  Engagement demo = make_demo();
  std::string ics = export_ics(demo);
  Engagement e = blank_like_demo();
  History h;
  std::vector<std::string> warnings;
  auto commands = commands_of(import_ics(e, ics, &warnings));
  CHECK(warnings.empty());
  REQUIRE_FALSE(h.apply_group(e, "Import calendar", commands));
  CHECK(h.undo_depth() == 1);
  CHECK(e.meetings.size() == demo.meetings.size());
  CHECK(starts(e, OccurrenceState::Planned) == starts(demo, OccurrenceState::Planned));
  CHECK(starts(e, OccurrenceState::Cancelled) == starts(demo, OccurrenceState::Cancelled));
  // Export again: every line that says when and what is the same.
  CHECK(event_lines(export_ics(e)) == event_lines(ics));
  // Milestones and blackouts came back as such.
  CHECK(e.milestones.size() == demo.milestones.size());
  size_t blackouts = 0;
  for (const auto& [id, b] : e.boundaries) blackouts += b.kind == BoundaryKind::Blackout;
  CHECK(blackouts == 2);
  // One undo step removes it all.
  REQUIRE(h.undo(e));
  CHECK(e == blank_like_demo());
}

TEST_CASE("ICS re-import into the engagement it came from changes nothing", "[import]") {
  Engagement demo = make_demo();
  auto commands = commands_of(import_ics(demo, export_ics(demo)));
  CHECK(commands.empty());

  // A calendar user moved the launch and cancelled a check-in: updates, not copies.
  Engagement other = demo;
  for (auto& [id, m] : other.milestones.items)
    if (m.title == "Launch") m.current = d(2027, 3, 12);
  for (auto& [id, s] : other.meetings.items)
    if (s.title == "Weekly check-in")
      s.overrides[d(2026, 12, 4)].state = OccurrenceState::Cancelled;
  commands = commands_of(import_ics(demo, export_ics(other)));
  CHECK(commands.size() == 2);
  Engagement e = demo;
  History h;
  REQUIRE_FALSE(h.apply_group(e, "Import calendar", commands));
  CHECK(e.meetings.size() == demo.meetings.size());
  CHECK(e.milestones.size() == demo.milestones.size());
  for (const auto& [id, m] : e.milestones)
    if (m.title == "Launch") {
      CHECK(m.current == d(2027, 3, 12));
      CHECK(m.baseline == d(2027, 3, 1));
    }
  const MeetingSeries* weekly = series_named(e, "Weekly check-in");
  REQUIRE(weekly);
  CHECK(weekly->overrides.at(d(2026, 12, 4)).state == OccurrenceState::Cancelled);
  // Recaps recorded before stay.
  CHECK(weekly->overrides.at(d(2026, 10, 9)).recap_summary == "Sitemap agreed.");
}

TEST_CASE("ICS import of another calendar's file", "[import]") {
  Engagement e = blank_like_demo();
  std::vector<std::string> warnings;
  auto commands = commands_of(import_ics(e, kForeign, &warnings));
  History h;
  REQUIRE_FALSE(h.apply_group(e, "Import calendar", commands));

  const MeetingSeries* review = series_named(e, "Design review, round 2");
  REQUIRE(review);
  CHECK(review->time_zone == "America/New_York");
  CHECK(review->first_date == d(2026, 11, 3));
  CHECK(review->start.hhmm() == "09:30");
  CHECK(review->duration_minutes == 45);
  CHECK(review->purpose == "Bring the mock-ups");
  CHECK(review->recurrence.frequency == Frequency::Weekly);
  CHECK(review->recurrence.weekdays == (kTuesday | kThursday));
  CHECK(review->recurrence.until == d(2026, 12, 22));
  CHECK(review->overrides.at(d(2026, 11, 26)).state == OccurrenceState::Cancelled);
  REQUIRE(review->overrides.at(d(2026, 11, 10)).moved_to);
  CHECK(*review->overrides.at(d(2026, 11, 10)).moved_to ==
        LocalDateTime{d(2026, 11, 11), LocalTime{11 * 60}});
  CHECK(occurrence_dates(*review, d(2027, 1, 1)).size() == 15);  // 3 Nov .. 22 Dec, Tue and Thu

  // A UTC time lands in the engagement's zone: 15:00Z is 16:00 in Amsterdam.
  const MeetingSeries* budget = series_named(e, "Budget call");
  REQUIRE(budget);
  CHECK(budget->time_zone.empty());
  CHECK(budget->start.hhmm() == "16:00");
  CHECK(budget->duration_minutes == 45);
  // A zone known only by its VTIMEZONE: converted (10:00 +03:00 is 08:00 in Amsterdam).
  const MeetingSeries* custom = series_named(e, "Call from Moscow");
  REQUIRE(custom);
  CHECK(custom->start.hhmm() == "08:00");
  // An all-day event is a milestone.
  REQUIRE(e.milestones.size() == 1);
  CHECK(e.milestones.begin()->second.title == "Go/no-go");
  CHECK(e.milestones.begin()->second.current == d(2026, 12, 18));
}

TEST_CASE("ICS rules we can and cannot map", "[import]") {
  Engagement e = blank_like_demo();
  auto one = [&](const std::string& rule, std::vector<std::string>* warnings = nullptr) {
    std::string ics =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:r@x\r\nDTSTAMP:"
        "20260101T000000Z\r\n"
        "SUMMARY:R\r\nDTSTART:20260130T090000\r\nDURATION:PT1H\r\nRRULE:" +
        rule + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    auto commands = commands_of(import_ics(e, ics, warnings));
    REQUIRE(commands.size() == 1);
    return std::get<Add<MeetingSeries>>(commands[0]).item.recurrence;
  };
  CHECK(one("FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1").month_day == 31);
  CHECK(one("FREQ=MONTHLY;BYMONTHDAY=-1").month_day == 31);
  Recurrence fifth = one("FREQ=MONTHLY;BYDAY=5FR");
  CHECK((fifth.frequency == Frequency::MonthlyOnWeekday && fifth.week_of_month == 5 &&
         fifth.weekday == 5));
  Recurrence last = one("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=-1;INTERVAL=3");
  CHECK((last.week_of_month == -1 && last.weekday == 1 && last.interval == 3));
  Recurrence workdays = one("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR");
  CHECK((workdays.frequency == Frequency::Weekly && workdays.weekdays == kWorkweek));
  Recurrence yearly = one("FREQ=YEARLY;COUNT=3");
  CHECK((yearly.frequency == Frequency::MonthlyOnDay && yearly.interval == 12 &&
         yearly.month_day == 30 && yearly.count == 3));
  std::vector<std::string> warnings;
  CHECK(one("FREQ=HOURLY;INTERVAL=2", &warnings).frequency == Frequency::Once);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("line 4") != std::string::npos);
}

TEST_CASE("broken ICS files are refused with the line, and nothing changes", "[import]") {
  Engagement e = make_demo();
  const std::string head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n";
  auto line_of = [&](const std::string& text) { return error_of(import_ics(e, text)).line; };
  CHECK(line_of("hello world") == 1);
  CHECK(line_of("") == 0);
  CHECK(line_of(head + "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20260101T090000\r\nEND:VCALENDAR\r\n") ==
        7);
  CHECK(line_of(head +
                "BEGIN:VEVENT\r\nUID:a\r\nthis is not a line\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n") ==
        6);
  CHECK(line_of(head + "BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n") ==
        4);
  CHECK(
      line_of(head +
              "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:2026xx01T09\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n") ==
      4);
  CHECK(line_of(head + "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20260101T090000\r\nEND:VEVENT\r\n") == 1);
  ImportError err = error_of(import_ics(
      e, head + "BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"));
  CHECK(err.message == "line 4: the event “x” has no DTSTART (or it is not a date)");
  CHECK(e == make_demo());
}

TEST_CASE("GNOME Planner: milestones, phases and client tasks with the right dates", "[import]") {
  std::string xml = read_file(RAPPORT_TEST_DATA "/website-relaunch.planner");
  REQUIRE(!xml.empty());
  Engagement e = blank_like_demo();
  std::vector<std::string> warnings;
  auto commands = commands_of(import_planner(e, xml, &warnings));
  History h;
  REQUIRE_FALSE(h.apply_group(e, "Import GNOME Planner project", commands));
  CHECK(h.undo_depth() == 1);

  std::map<std::string, Date> milestones;
  std::map<std::string, Id> milestone_ids;
  for (const auto& [id, m] : e.milestones) {
    milestones[m.title] = m.current;
    milestone_ids[m.title] = id;
    CHECK(m.baseline == m.current);
  }
  CHECK(milestones == std::map<std::string, Date>{{"Design", d(2026, 11, 13)},
                                                  {"Design sign-off", d(2026, 11, 24)},
                                                  {"Build", d(2027, 1, 15)},
                                                  {"Launch", d(2027, 3, 1)}});
  // Client resources became client-side stakeholders; our own team did not.
  std::set<std::string> people;
  for (const auto& [id, s] : e.stakeholders) {
    people.insert(s.name);
    CHECK(s.side == Side::Client);
  }
  CHECK(people == std::set<std::string>{"Sanna Järvinen", "Aino Mäkelä", "Jukka Heikkinen"});
  REQUIRE(e.client_tasks.size() == 3);
  for (const auto& [id, t] : e.client_tasks) {
    std::string owner = e.stakeholders.find(t.owner)->name;
    if (t.title == "Send brand assets and fonts") {
      CHECK(owner == "Sanna Järvinen");
      CHECK(t.created_on == d(2026, 10, 12));
      CHECK(t.due == d(2026, 10, 16));  // ends at midnight: the day before
      CHECK(t.status == TaskStatus::Done);
      CHECK(t.milestone == milestone_ids["Design"]);  // its phase
    } else if (t.title == "Approve the homepage design") {
      CHECK(owner == "Aino Mäkelä");
      CHECK(t.due == d(2026, 11, 20));
      CHECK(t.status == TaskStatus::Open);
      CHECK(t.milestone == milestone_ids["Design sign-off"]);  // the milestone it precedes
    } else {
      CHECK(t.title == "POS API test credentials");
      CHECK(owner == "Jukka Heikkinen");
      CHECK(t.due == d(2026, 12, 4));
      CHECK(t.milestone == milestone_ids["Build"]);
    }
  }
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].rfind("3 tasks", 0) == 0);
}

TEST_CASE("GNOME Planner into the demo updates what exists", "[import]") {
  Engagement e = make_demo();
  size_t people = e.stakeholders.size();
  auto commands =
      commands_of(import_planner(e, read_file(RAPPORT_TEST_DATA "/website-relaunch.planner")));
  History h;
  REQUIRE_FALSE(h.apply_group(e, "Import", commands));
  CHECK(e.stakeholders.size() == people);  // Sanna, Aino and Jukka are known by name
  int launches = 0;
  for (const auto& [id, m] : e.milestones)
    if (m.title == "Launch") {
      ++launches;
      CHECK(m.current == d(2027, 3, 1));
      CHECK(m.baseline == d(2027, 3, 1));
    } else if (m.title == "Design sign-off") {
      CHECK(m.current == d(2026, 11, 24));
      CHECK(m.baseline == d(2026, 11, 13));  // the agreed date stays
    }
  CHECK(launches == 1);
  CHECK(e.client_tasks.size() == make_demo().client_tasks.size());
}

TEST_CASE("broken GNOME Planner files are refused with the line", "[import]") {
  Engagement e = make_demo();
  ImportError bad_xml = error_of(
      import_planner(e, "<?xml version=\"1.0\"?>\n<project>\n  <tasks>\n    <task id=\"1\"\n"));
  CHECK(bad_xml.line >= 4);
  CHECK(bad_xml.message.rfind("line ", 0) == 0);
  ImportError root = error_of(import_planner(e, "<?xml version=\"1.0\"?>\n<gantt/>\n"));
  CHECK(root.line == 2);
  CHECK(root.message.find("<gantt>") != std::string::npos);
  ImportError date = error_of(
      import_planner(e,
                     "<?xml version=\"1.0\"?>\n<project>\n<tasks>\n<task id=\"1\" name=\"Beta\" "
                     "start=\"2026-11-24\" "
                     "end=\"20261124T000000Z\" type=\"milestone\"/>\n</tasks>\n</project>\n"));
  CHECK(date.line == 4);
  CHECK(date.message ==
        "line 4: <task id=\"1\" name=\"Beta\"> has start=\"2026-11-24\", which is not a Planner "
        "date such as "
        "20261124T000000Z");
  // Entities are not expanded and nothing is fetched.
  ImportError entity =
      error_of(import_planner(e,
                              "<?xml version=\"1.0\"?>\n<!DOCTYPE p [<!ENTITY x SYSTEM "
                              "\"file:///etc/passwd\">]>\n<project>&x;</project>\n"
                              "<extra/>\n"));
  CHECK(entity.line > 0);
  CHECK(e == make_demo());
}
