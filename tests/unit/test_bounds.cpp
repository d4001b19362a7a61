// Bounded in time and memory (issue 20): the worst shapes of input for the
// health checks, the imports and the timeline index, generated here at sizes
// that took seconds to minutes before (tests/bench/shapes.hpp). These tests
// check what comes out, never how long it takes: rapport-bench measures that.
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <string>
#include <variant>

#include "../bench/shapes.hpp"
#include "rapport/health.hpp"
#include "rapport/history.hpp"
#include "rapport/import.hpp"
#include "rapport/io.hpp"
#include "rapport/recurrence.hpp"
#include "rapport/timeline_index.hpp"

using namespace rapport;
using shapes::day;

namespace {

std::vector<Finding> of(const std::vector<Finding>& all, std::string_view check) {
  std::vector<Finding> out;
  for (const Finding& f : all)
    if (f.check == check) out.push_back(f);
  return out;
}

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

std::vector<Command> commands_of(const ImportResult& r) {
  if (auto* err = std::get_if<ImportError>(&r)) FAIL("import failed: " << err->message);
  return std::get<std::vector<Command>>(r);
}

ImportError error_of(const ImportResult& r) {
  REQUIRE(std::holds_alternative<ImportError>(r));
  return std::get<ImportError>(r);
}

// Applies an import and checks that the result saves and reopens unchanged.
Engagement applied_and_reloaded(Engagement e, const std::vector<Command>& commands) {
  History h;
  auto refused = h.apply_group(e, "Import", commands);
  if (refused) FAIL("the import was refused: " << refused->message);
  for (FileFormat f : {FileFormat::Binary, FileFormat::Json}) {
    LoadResult again = load_bytes(to_bytes(e, f), "import");
    if (!again) FAIL("the imported engagement does not reopen: " << again.error.message);
    CHECK(again.engagement->info == e.info);
    CHECK(again.engagement->next_id == e.next_id);
    CHECK(again.engagement->uid == e.uid);
    CHECK(again.engagement->meetings == e.meetings);
    CHECK(*again.engagement == e);
  }
  return e;
}

// A calendar imported into the bench's frame, applied, saved and reopened.
Engagement ics_imported_and_reloaded(const std::string& ics,
                                     std::vector<std::string>* warnings = nullptr) {
  return applied_and_reloaded(shapes::frame(),
                              commands_of(import_ics(shapes::frame(), ics, warnings)));
}

const MeetingSeries& only_series(const Engagement& e) {
  REQUIRE(e.meetings.size() == 1);
  return e.meetings.begin()->second;
}

}  // namespace

// [SECTION] Health --------------------------------------------------------------

TEST_CASE("bounds: 20000 overlapping blackouts give one finding that names every blackout",
          "[bounds]") {
  const size_t n = 20000;
  Engagement e = shapes::overlapping_blackouts(n);
  auto f = of(check_health(e, shapes::as_of()), kCheckInBlackout);
  REQUIRE(f.size() == 1);
  CHECK(f[0].item == 1);
  REQUIRE(f[0].related.size() == n);
  CHECK(std::is_sorted(f[0].related.begin(), f[0].related.end()));
  CHECK(f[0].related.front() == 2);
  CHECK(f[0].related.back() == Id(n + 1));
  // The union of the blackouts is 21 Jan to 28 Apr; the look-back starts on 15 Feb.
  CHECK(f[0].date == day(2026, 2, 15));
  CHECK(f[0].occurrence == day(2026, 2, 15));
  CHECK(contains(
      f[0].message,
      "falls inside 20000 blackouts (Freeze 0, Freeze 1, Freeze 2 and 19997 more) on 73 dates: "
      "2026-02-15, 2026-02-16, 2026-02-17 and 70 more"));
}

TEST_CASE("bounds: a blackout that holds no meeting is not named among the ones that do",
          "[bounds]") {
  Engagement e = shapes::overlapping_blackouts(3);
  Boundary quiet;
  quiet.id = 10;
  quiet.kind = BoundaryKind::Blackout;
  quiet.title = "Quiet";
  quiet.from = day(2026, 3, 10);
  quiet.to = day(2026, 3, 10);
  e.boundaries.items.emplace(quiet.id, quiet);
  e.meetings.items[1].overrides[day(2026, 3, 10)].state = OccurrenceState::Cancelled;
  e.next_id = 11;
  auto f = of(check_health(e, shapes::as_of()), kCheckInBlackout);
  REQUIRE(f.size() == 1);
  CHECK(f[0].related == std::vector<Id>{2, 3, 4});
}

TEST_CASE("bounds: two counted daily series held without recaps give one finding per occurrence",
          "[bounds]") {
  const size_t n = 40000;
  Engagement e = shapes::held_without_recap(n);
  auto all = check_health(e, shapes::as_of());
  auto recaps = of(all, kCheckRecapMissing);
  REQUIRE(recaps.size() == n);
  size_t first_series = size_t(
      std::count_if(recaps.begin(), recaps.end(), [](const Finding& f) { return f.item == 1; }));
  CHECK(first_series == n / 2);
  Date first = e.meetings.find(1)->first_date;
  CHECK(std::any_of(recaps.begin(), recaps.end(),
                    [&](const Finding& f) { return f.occurrence == first; }));
  CHECK(of(all, kCheckConsistency).empty());  // all held
}

TEST_CASE("bounds: overrides beyond a counted series' end are not findings", "[bounds]") {
  Engagement e = shapes::held_without_recap(20);
  MeetingSeries& s = e.meetings.items[1];
  Date beyond = s.first_date.plus_days(s.recurrence.count);  // the day after the last one
  s.overrides[beyond].state = OccurrenceState::Held;
  auto recaps = of(check_health(e, shapes::as_of()), kCheckRecapMissing);
  CHECK(recaps.size() == 20);
  CHECK(std::none_of(recaps.begin(), recaps.end(),
                     [&](const Finding& f) { return f.occurrence == beyond; }));
}

// [SECTION] Recurrence ------------------------------------------------------------

TEST_CASE("bounds: a counted series answers about any date as a walk from its start does",
          "[bounds]") {
  auto series = [](Frequency f, int interval, int count) {
    MeetingSeries s = shapes::daily(1, day(2026, 1, 14), count);  // a Wednesday
    s.recurrence.frequency = f;
    s.recurrence.interval = interval;
    s.recurrence.weekdays = kMonday | kWednesday | kFriday;
    s.recurrence.month_day = 31;
    s.recurrence.weekday = 1;
    return s;
  };
  std::vector<MeetingSeries> all = {
      series(Frequency::Daily, 3, 500), series(Frequency::Weekly, 2, 301),
      series(Frequency::MonthlyOnDay, 1, 40), series(Frequency::MonthlyOnDay, 5, 17)};
  for (int week : {1, 2, 4, 5, -1}) {
    MeetingSeries s = series(Frequency::MonthlyOnWeekday, 1, 45);
    s.recurrence.week_of_month = week;
    all.push_back(s);
  }
  EngagementInfo info;
  for (const MeetingSeries& s : all) {
    std::vector<Date> walked = occurrence_dates(s, day(2040, 1, 1));
    CHECK(walked.size() == size_t(s.recurrence.count));
    std::vector<Date> asked;
    for (Date d = s.first_date.plus_days(-10); d <= walked.back().plus_days(40); d = d.plus_days(1))
      asked.push_back(d);
    std::vector<bool> batch = has_occurrences(s, asked);
    for (size_t i = 0; i < asked.size(); ++i) {
      bool expected = std::binary_search(walked.begin(), walked.end(), asked[i]);
      CHECK(find_occurrence(s, info, asked[i]).has_value() == expected);
      CHECK(batch[i] == expected);
    }
  }
}

// [SECTION] Timeline index ----------------------------------------------------------

TEST_CASE("bounds: 1000 daily series over five centuries stay within the index's budget",
          "[bounds]") {
  Engagement e = shapes::centuries_of_series(1000);
  TimelineIndex ix = TimelineIndex::build(e, shapes::as_of());
  TimelineIndexLimits limits;
  CHECK(ix.item_count() <= limits.max_occurrences_total + 1000 * 4);
  CHECK(ix.truncated_lanes() == 1000);
  int lane = ix.lane_of(LaneKind::Meeting, 500);
  REQUIRE(lane >= 0);
  const TimelineLane& l = ix.lanes()[size_t(lane)];
  CHECK(l.truncated);
  REQUIRE(l.items.size() >= 300);
  // Centred on the build date.
  Instant today = day_start(shapes::as_of(), "UTC");
  CHECK(l.items.front().start < today);
  CHECK(l.items.back().start > today);
}

TEST_CASE("bounds: a short series far from today keeps all its occurrences", "[bounds]") {
  Engagement e = shapes::centuries_of_series(1000);
  MeetingSeries& s = e.meetings.items[7];
  s.first_date = day(2020, 1, 1);
  s.recurrence.until = day(2020, 3, 30);
  TimelineIndex ix = TimelineIndex::build(e, shapes::as_of());
  const TimelineLane& l = ix.lanes()[size_t(ix.lane_of(LaneKind::Meeting, 7))];
  CHECK(l.items.size() == 90);
  CHECK_FALSE(l.truncated);
}

// [SECTION] iCalendar -----------------------------------------------------------------

TEST_CASE("bounds: an ICS series with 20000 EXDATEs imports them all as cancellations",
          "[bounds]") {
  const size_t n = 20000;
  Engagement e = applied_and_reloaded(
      shapes::frame(), commands_of(import_ics(shapes::frame(), shapes::ics_exdates(n))));
  const MeetingSeries& s = only_series(e);
  CHECK(s.recurrence.count == int32_t(n + 10));
  REQUIRE(s.overrides.size() == n);
  CHECK(std::all_of(s.overrides.begin(), s.overrides.end(),
                    [](const auto& kv) { return kv.second.state == OccurrenceState::Cancelled; }));
}

TEST_CASE("bounds: an ICS series with 20000 moved occurrences imports every move", "[bounds]") {
  const size_t n = 20000;
  Engagement e = applied_and_reloaded(
      shapes::frame(), commands_of(import_ics(shapes::frame(), shapes::ics_overrides(n))));
  const MeetingSeries& s = only_series(e);
  REQUIRE(s.overrides.size() == n);
  const auto& last = *s.overrides.rbegin();
  REQUIRE(last.second.moved_to);
  CHECK(last.second.moved_to->time == LocalTime{10 * 60});
}

TEST_CASE("bounds: a 2 MB ICS line imports and a 5 MB one is refused with its line", "[bounds]") {
  auto ok = commands_of(import_ics(shapes::frame(), shapes::ics_long_line(2 << 20)));
  CHECK(ok.size() == 1);
  ImportError long_line = error_of(import_ics(shapes::frame(), shapes::ics_long_line(5 << 20)));
  CHECK(long_line.line == 9);
  CHECK(long_line.message ==
        "line 9: this line is 5.0 MB long; lines over 4.0 MB are not imported");
}

TEST_CASE("bounds: ICS events in year 0 are skipped with a warning and the rest imports",
          "[bounds]") {
  std::string ics =
      shapes::ics_head() +
      "BEGIN:VEVENT\r\nUID:zero@bounds\r\nSUMMARY:Year "
      "zero\r\nDTSTART;VALUE=DATE:00000101\r\nEND:VEVENT\r\n"
      "BEGIN:VEVENT\r\nUID:fine@bounds\r\nSUMMARY:Kick-off\r\nDTSTART;VALUE=DATE:20260105\r\nEND:"
      "VEVENT\r\n"
      "BEGIN:VEVENT\r\nUID:far@bounds\r\nSUMMARY:Weekly\r\nDTSTART:20260105T090000Z\r\n"
      "RRULE:FREQ=WEEKLY;UNTIL=00010101T000000Z\r\nEND:VEVENT\r\n"
      "END:VCALENDAR\r\n";
  std::vector<std::string> warnings;
  Engagement e = ics_imported_and_reloaded(ics, &warnings);
  CHECK(e.milestones.size() == 1);
  CHECK(e.meetings.size() == 1);
  REQUIRE(warnings.size() == 1);
  CHECK(
      warnings[0] ==
      "line 4: “Year zero” was not imported: its start 0000-01-01 is outside the years 1 to 9999.");
}

TEST_CASE("bounds: an ICS rule repeating 200000 times keeps the first 100000 with a warning",
          "[bounds]") {
  std::string ics =
      shapes::ics_head() +
      "BEGIN:VEVENT\r\nUID:many@bounds\r\nSUMMARY:Stand-up\r\nDTSTART:20260105T090000Z\r\n"
      "RRULE:FREQ=DAILY;COUNT=200000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  std::vector<std::string> warnings;
  Engagement e = ics_imported_and_reloaded(ics, &warnings);
  CHECK(only_series(e).recurrence.count == 100000);
  REQUIRE(warnings.size() == 1);
  CHECK(contains(warnings[0], "repeats 200000 times; Rapport keeps the first 100000"));
}

TEST_CASE("bounds: a counted ICS series on 5th Fridays cancels exactly the EXDATEs it has",
          "[bounds]") {
  // Every Friday for 800 years is an EXDATE; only the 3000 fifth Fridays of
  // the series are its meetings (months without one have none).
  std::string ics = shapes::ics_head() +
                    "BEGIN:VEVENT\r\nUID:fifth@bounds\r\nSUMMARY:Retro\r\n"
                    "DTSTART:20260130T090000Z\r\nDTEND:20260130T100000Z\r\n"
                    "RRULE:FREQ=MONTHLY;BYDAY=5FR;COUNT=3000\r\n";
  size_t fridays = 0;
  for (Date d = day(2026, 1, 30); d < day(2826, 1, 1); d = d.plus_days(7), ++fridays)
    ics += fmt::format("EXDATE:{:04d}{:02d}{:02d}T090000Z\r\n", d.year(), d.month(), d.day());
  ics += "END:VEVENT\r\nEND:VCALENDAR\r\n";
  Engagement e = ics_imported_and_reloaded(ics);
  const MeetingSeries& s = only_series(e);
  REQUIRE(s.recurrence.frequency == Frequency::MonthlyOnWeekday);
  CHECK(s.recurrence.count == 3000);
  CHECK(fridays > 41000);
  std::vector<Date> meetings = occurrence_dates(s, day(9999, 12, 31));
  REQUIRE(meetings.size() == 3000);
  REQUIRE(s.overrides.size() == 3000);
  size_t i = 0;
  for (const auto& [date, o] : s.overrides) {
    CHECK(date == meetings[i++]);
    CHECK(date.day() > 28);
    CHECK(o.state == OccurrenceState::Cancelled);
  }
}

TEST_CASE("bounds: warnings about moved ICS occurrences come in the order of the file",
          "[bounds]") {
  // A zone the file does not define (read as the engagement's), a change of a
  // meeting the series does not have, and the unknown zone again.
  std::string ics =
      shapes::ics_head() +
      "BEGIN:VEVENT\r\nUID:moved@bounds\r\nSUMMARY:Stand-up\r\nDTSTART:20260105T090000Z\r\n"
      "DTEND:20260105T091500Z\r\nRRULE:FREQ=DAILY;COUNT=10\r\nEND:VEVENT\r\n"
      "BEGIN:VEVENT\r\nUID:moved@bounds\r\nSUMMARY:Stand-up\r\n"
      "RECURRENCE-ID;TZID=Base/Mars:20260106T090000\r\n"
      "DTSTART;TZID=Base/Mars:20260106T100000\r\nDTEND:20260106T101500Z\r\nEND:VEVENT\r\n"
      "BEGIN:VEVENT\r\nUID:moved@bounds\r\nSUMMARY:Stand-up\r\n"
      "RECURRENCE-ID:20270106T090000Z\r\n"
      "DTSTART:20270106T100000Z\r\nDTEND:20270106T101500Z\r\nEND:VEVENT\r\n"
      "BEGIN:VEVENT\r\nUID:moved@bounds\r\nSUMMARY:Stand-up\r\n"
      "RECURRENCE-ID;TZID=Base/Mars:20260108T090000\r\n"
      "DTSTART:20260108T110000Z\r\nDTEND:20260108T111500Z\r\nEND:VEVENT\r\n"
      "END:VCALENDAR\r\n";
  std::vector<std::string> warnings;
  Engagement e = ics_imported_and_reloaded(ics, &warnings);
  const std::string unknown =
      "The time zone “Base/Mars” is unknown; its times were read as UTC times.";
  CHECK(warnings == std::vector<std::string>{
                        unknown, unknown,
                        "line 18: “Stand-up” changes a meeting on 2027-01-06 that the series "
                        "does not have; skipped.",
                        unknown});
  const MeetingSeries& s = only_series(e);
  REQUIRE(s.overrides.size() == 2);
  CHECK(s.overrides.at(day(2026, 1, 6)).moved_to == LocalDateTime{day(2026, 1, 6), LocalTime{600}});
  CHECK(s.overrides.at(day(2026, 1, 8)).moved_to == LocalDateTime{day(2026, 1, 8), LocalTime{660}});
}

TEST_CASE("bounds: an ICS calendar of 100000 moved occurrences is refused naming the line limit",
          "[bounds]") {
  ImportError refused = error_of(import_ics(shapes::frame(), shapes::ics_overrides(100000)));
  CHECK(refused.line == 500001);
  CHECK(refused.message == "line 500001: the calendar has more than 500000 lines; not imported");
}

// [SECTION] GNOME Planner -------------------------------------------------------------

TEST_CASE("bounds: a Planner plan of 20000 client tasks waits on the right milestones",
          "[bounds]") {
  const size_t n = 40000;
  Engagement e = applied_and_reloaded(
      shapes::frame(), commands_of(import_planner(shapes::frame(), shapes::planner_plan(n, true))));
  CHECK(e.milestones.size() == n / 2);
  CHECK(e.client_tasks.size() == n / 2);
  CHECK(e.stakeholders.size() == 50);
  std::map<std::string, Id> milestone;
  for (const auto& [id, m] : e.milestones) milestone[m.title] = id;
  for (const auto& [id, t] : e.client_tasks) {
    std::string number = t.title.substr(5);  // "Task 17"
    REQUIRE(t.milestone == milestone["Milestone " + number]);
  }
}

TEST_CASE("bounds: a Planner plan of 20000 milestones and tasks without allocations", "[bounds]") {
  std::vector<std::string> warnings;
  Engagement e = applied_and_reloaded(
      shapes::frame(),
      commands_of(import_planner(shapes::frame(), shapes::planner_plan(40000, false), &warnings)));
  CHECK(e.milestones.size() == 20000);
  CHECK(e.client_tasks.empty());
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].rfind("20000 tasks", 0) == 0);
}

TEST_CASE("bounds: Planner files that declare entities are refused before parsing", "[bounds]") {
  // The classic expansion bomb: ten levels of ten references.
  std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE project [\n<!ENTITY a0 \"ha\">\n";
  for (int i = 1; i < 10; ++i)
    bomb += fmt::format("<!ENTITY a{} \"&a{};&a{};&a{};&a{};&a{};&a{};&a{};&a{};&a{};&a{};\">\n", i,
                        i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
  bomb +=
      "]>\n<project><tasks><task id=\"1\" name=\"&a9;\" start=\"20260105T000000Z\" "
      "end=\"20260105T000000Z\" "
      "type=\"milestone\"/></tasks></project>\n";
  ImportError err = error_of(import_planner(shapes::frame(), bomb));
  CHECK(err.line == 2);
  CHECK(contains(err.message, "declares entities"));
  // An external DTD without an internal subset is neither fetched nor read.
  std::string external =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE project SYSTEM \"http://example.org/p.dtd\">\n"
      "<project><tasks><task id=\"1\" name=\"Beta\" start=\"20260105T000000Z\" "
      "end=\"20260105T000000Z\" type=\"milestone\"/></tasks></project>\n";
  CHECK(commands_of(import_planner(shapes::frame(), external)).size() == 1);
  // UTF-16 is refused (the entity check reads UTF-8).
  CHECK(
      contains(error_of(import_planner(shapes::frame(), std::string("\xFF\xFE<\0?\0", 6))).message,
               "UTF-8"));
}

TEST_CASE("bounds: Planner tasks in year 0 are skipped with a warning and duplicate ids refused",
          "[bounds]") {
  std::string xml =
      "<?xml version=\"1.0\"?>\n<project>\n<tasks>\n"
      "<task id=\"1\" name=\"Zero\" start=\"00000101T000000Z\" end=\"00000101T000000Z\" "
      "type=\"milestone\"/>\n"
      "<task id=\"2\" name=\"Beta\" start=\"20260105T000000Z\" end=\"20260105T000000Z\" "
      "type=\"milestone\"/>\n"
      "</tasks>\n</project>\n";
  std::vector<std::string> warnings;
  Engagement e = applied_and_reloaded(shapes::frame(),
                                      commands_of(import_planner(shapes::frame(), xml, &warnings)));
  CHECK(e.milestones.size() == 1);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].rfind("line 4: <task id=\"1\" name=\"Zero\"> was not imported", 0) == 0);

  std::string twice =
      "<?xml version=\"1.0\"?>\n<project>\n<tasks>\n"
      "<task id=\"1\" name=\"A\" start=\"20260105T000000Z\" end=\"20260105T000000Z\" "
      "type=\"milestone\"/>\n"
      "<task id=\"1\" name=\"B\" start=\"20260105T000000Z\" end=\"20260105T000000Z\" "
      "type=\"milestone\"/>\n"
      "</tasks>\n</project>\n";
  ImportError dup = error_of(import_planner(shapes::frame(), twice));
  CHECK(dup.line == 5);
  CHECK(contains(dup.message, "has the id of the task on line 4"));
}

TEST_CASE("bounds: a file to import over the limit is refused by its size, before it is read",
          "[bounds]") {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("rapport-import-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::filesystem::path huge = dir / "huge.ics", small = dir / "small.csv";
  {
    std::FILE* f = std::fopen(huge.c_str(), "wb");
    REQUIRE(f);
    std::fclose(f);
  }
  // Sparse: its size says 33 MB without the disk or the memory holding it.
  std::filesystem::resize_file(huge, kMaxImportBytes + (1u << 20));
  auto read = read_import_file(huge.string(), "huge.ics", "iCalendar files");
  REQUIRE(std::holds_alternative<ImportError>(read));
  CHECK(std::get<ImportError>(read).message ==
        "huge.ics is 33 MB; iCalendar files over 32 MB are not imported");
  {
    std::FILE* f = std::fopen(small.c_str(), "wb");
    REQUIRE(f);
    std::fputs("Milestone,Agreed\nBeta,2027-01-15\n", f);
    std::fclose(f);
  }
  auto ok = read_import_file(small.string(), "small.csv");
  REQUIRE(std::holds_alternative<std::string>(ok));
  CHECK(std::get<std::string>(ok) == "Milestone,Agreed\nBeta,2027-01-15\n");
  auto missing = read_import_file((dir / "gone.ics").string(), "gone.ics");
  REQUIRE(std::holds_alternative<ImportError>(missing));
  CHECK(std::get<ImportError>(missing).message.rfind("could not read gone.ics", 0) == 0);
  std::filesystem::remove_all(dir);
}
