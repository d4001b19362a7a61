// One set of rules: whatever a command is allowed to do saves and reopens.
//
// [SECTION] index
//   (Random values and items: random_commands.hpp, shared with other properties)
//   Property       - 10,000+ seeded commands: accepted saves in both formats and
//                    reopens equal (undo and redo too); refused changes nothing
//   Regressions    - the far milestone, the full id counter, year 0 from imports
//
// Checking every engagement through both file formats would take minutes under
// the sanitizers, so the property test reopens every 8th accepted command and
// every accepted one that used an extreme value (a far date, a long or odd
// text, an id at the limit); after every accepted command it runs the very
// checks the loader runs (validate_engagement), which is cheap.
#include <catch2/catch.hpp>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "../common/files.hpp"
#include "random_commands.hpp"
#include "rapport/demo.hpp"
#include "rapport/history.hpp"
#include "rapport/import.hpp"
#include "rapport/io.hpp"
#include "rapport/recurrence.hpp"
#include "rapport/seeded_random.hpp"
#include "rapport/validate.hpp"

using namespace rapport;

namespace {

using Maker = test::RandomCommands;

Date d(int y, unsigned m, unsigned day) { return Date::from_ymd(y, m, day); }

// Saves `e` in one format and opens the bytes again; the result must be `e`.
void reopens_equal(const Engagement& e, FileFormat format, const std::string& what) {
  const std::string bytes = to_bytes(e, format);
  LoadResult loaded =
      load_bytes(bytes, format == FileFormat::Json ? "p.rapport.json" : "p.rapport");
  INFO(what << " (" << to_string(format) << "): " << loaded.error.message);
  REQUIRE(loaded);
  REQUIRE(*loaded.engagement == e);
}
void reopens_equal(const Engagement& e, const std::string& what) {
  reopens_equal(e, FileFormat::Binary, what);
  reopens_equal(e, FileFormat::Json, what);
}

// Which of the 15 kinds a command adds, updates or deletes (-1 for the others),
// from the command's type, so a new command cannot shift the count.
template <class C>
struct ItemKindOf {
  static constexpr int value = -1;
};
template <template <class> class Op, class T>
requires(std::is_same_v<Op<T>, Add<T>> || std::is_same_v<Op<T>, Update<T>> ||
         std::is_same_v<Op<T>, Delete<T>>) struct ItemKindOf<Op<T>> {
  static constexpr int value = int(KindOf<T>::kind);
};
static_assert(ItemKindOf<Add<Stakeholder>>::value == 0);
static_assert(ItemKindOf<Delete<Feedback>>::value == kKindCount - 1);
static_assert(ItemKindOf<ConvertAgreedAction>::value == -1);
int kind_index(const Command& c) {
  return std::visit([](const auto& x) { return ItemKindOf<std::decay_t<decltype(x)>>::value; }, c);
}

}  // namespace

// [SECTION] Property ------------------------------------------------------------------

TEST_CASE(
    "every command accepted saves in both formats and reopens equal, and every refused one changes "
    "nothing",
    "[rules][property]") {
  constexpr int kEpisodes = 20;
  constexpr int kCommandsPerEpisode = 600;
  int tried = 0, accepted = 0, refused = 0, reopened = 0;
  int accepted_by_kind[kKindCount] = {};
  int refused_by_kind[kKindCount] = {};

  for (int episode = 0; episode < kEpisodes; ++episode) {
    Engagement e = generate_engagement(40, uint32_t(episode + 1));
    // Some episodes start with the id counter two steps from its limit.
    if (episode % 5 == 4) e.next_id = kMaxItemId - 1;
    REQUIRE(validate_engagement(e).empty());
    History h;
    Maker maker{SeededRandom{0x5EEDull * 1000 + uint64_t(episode)}, &e};
    for (int i = 0; i < kCommandsPerEpisode; ++i) {
      const Command c = maker.command();
      ++tried;
      const Engagement before = e;
      const size_t depth = h.undo_depth();
      const std::string what = "episode " + std::to_string(episode) + ", command " +
                               std::to_string(i) + ": " + describe(before, c);
      auto error = h.apply(e, c);
      if (error) {
        ++refused;
        if (kind_index(c) >= 0) ++refused_by_kind[kind_index(c)];
        INFO(what << " was refused: " << error->message);
        REQUIRE_FALSE(error->message.empty());
        REQUIRE(e == before);
        REQUIRE(h.undo_depth() == depth);
        continue;
      }
      ++accepted;
      if (kind_index(c) >= 0) ++accepted_by_kind[kind_index(c)];
      {
        const auto problems = validate_engagement(e);
        INFO(what << " was accepted, but the loader would say: "
                  << (problems.empty() ? "" : problems.front()));
        REQUIRE(problems.empty());
      }
      if (maker.extreme || accepted % 8 == 0) {
        reopens_equal(e, what);
        ++reopened;
      }
      if (h.undo_depth() == depth) continue;  // nothing changed
      const Engagement after = e;
      REQUIRE(h.undo(e));
      {
        INFO(what << ": undo");
        REQUIRE(e == before);
      }
      REQUIRE(h.redo(e));
      {
        INFO(what << ": redo");
        REQUIRE(e == after);
      }
    }
    reopens_equal(e, "the end of episode " + std::to_string(episode));
    // Undo all the way back: each state on the way is one that was accepted.
    while (h.undo(e)) {
    }
    reopens_equal(e, "episode " + std::to_string(episode) + " undone to its start");
  }
  INFO("tried " << tried << ", accepted " << accepted << ", refused " << refused << ", reopened "
                << reopened);
  CHECK(tried >= 10000);
  CHECK(accepted >= tried / 4);
  CHECK(refused >= tried / 10);
  for (int k = 0; k < kKindCount; ++k) {
    INFO(plural_title(Kind(k)));
    CHECK(accepted_by_kind[k] > 0);
    CHECK(refused_by_kind[k] > 0);
  }
}

// [SECTION] Regressions ---------------------------------------------------------------

TEST_CASE(
    "a milestone moved past 9999-12-31 is refused with the field named, never saved unopenable",
    "[rules]") {
  Engagement e = make_demo();
  History h;
  Milestone m;
  m.title = "Far future";
  m.baseline = m.current = d(9999, 12, 30);
  REQUIRE_FALSE(h.apply(e, Add<Milestone>{m}));
  const Id id = h.last_added();
  const Engagement before = e;
  auto error = h.apply(e, MoveMilestone{id, d(9999, 12, 30).plus_days(5)});
  REQUIRE(error);
  CHECK(error->field == "current");
  CHECK(error->message.find("Far future") != std::string::npos);
  CHECK(error->message.find("9999") != std::string::npos);
  CHECK(e == before);
  reopens_equal(e, "after the refused move");
  // The last day itself is fine.
  REQUIRE_FALSE(h.apply(e, MoveMilestone{id, d(9999, 12, 31)}));
  reopens_equal(e, "at 9999-12-31");
}

TEST_CASE("approving a change request that would push a milestone past the last date is refused",
          "[rules]") {
  Engagement e = make_demo();
  History h;
  Milestone m;
  m.title = "Edge";
  m.baseline = m.current = d(9999, 12, 20);
  REQUIRE_FALSE(h.apply(e, Add<Milestone>{m}));
  const Id milestone = h.last_added();
  ChangeRequest cr;
  cr.title = "Push it out";
  cr.requested_on = d(2026, 11, 1);
  cr.impacts = {{milestone, 30}};
  REQUIRE_FALSE(h.apply(e, Add<ChangeRequest>{cr}));
  const Id id = h.last_added();
  const Engagement before = e;
  auto error =
      h.apply(e, DecideChangeRequest{id, ChangeStatus::Approved, d(2026, 11, 2), kNoId, "ok", ""});
  REQUIRE(error);
  CHECK(error->field == "current");
  CHECK(e == before);
}

TEST_CASE("dates in year 0 and year 10000 are refused by every command that sets a date",
          "[rules]") {
  Engagement e = make_demo();
  History h;
  for (Date bad : {d(0, 1, 1), Date{kMinDateDays - 1}, Date{kMaxDateDays + 1}}) {
    Milestone m;
    m.title = "Out of range";
    m.baseline = m.current = bad;
    auto error = h.apply(e, Add<Milestone>{m});
    REQUIRE(error);
    CHECK(error->field == "baseline");
    ClientTask t;
    t.title = "Out of range";
    t.created_on = d(2026, 1, 1);
    t.due = d(2026, 1, 2);
    t.done_on = bad;
    error = h.apply(e, Add<ClientTask>{t});
    REQUIRE(error);
    CHECK(error->field == "done_on");
    EngagementInfo info = e.info;
    info.start = bad;
    error = h.apply(e, SetInfo{info});
    REQUIRE(error);
    CHECK(error->field == "start");
  }
  const Id series = e.meetings.begin()->first;
  auto error = h.apply(e, SetOccurrence{series, Date{kMaxDateDays + 1000}, OccurrenceOverride{}});
  REQUIRE(error);
  CHECK(error->field == "original");
  for (Date good : {Date{kMinDateDays}, Date{kMaxDateDays}}) {
    Decision x;
    x.what = "At the edge of time";
    x.date = good;
    REQUIRE_FALSE(h.apply(e, Add<Decision>{x}));
  }
  reopens_equal(e, "decisions on the first and last dates");
}

TEST_CASE("an id counter at its end saves, reopens and the next add takes a free block",
          "[rules]") {
  Engagement e = make_demo();
  e.next_id = kMaxItemId + 1;  // the largest counter a file may hold (ids.hpp)
  reopens_equal(e, "a full id counter");
  History h;
  Constraint c;
  c.description = "One more";
  REQUIRE_FALSE(h.apply(e, Add<Constraint>{c}));
  CHECK(h.last_added() <= kMaxItemId);
  CHECK(e.constraints.contains(h.last_added()));
  reopens_equal(e, "after the add");
  e.next_id = kMaxItemId + 2;  // beyond: a file holding it is refused
  LoadResult r = load_bytes(to_bytes(e, FileFormat::Binary), "beyond.rapport");
  CHECK_FALSE(r);
}

TEST_CASE("a file whose id counter is 0 is refused", "[rules]") {
  Engagement e;
  e.info = make_demo().info;
  e.next_id = 0;
  LoadResult r = load_bytes(to_bytes(e, FileFormat::Json), "zero.rapport.json");
  REQUIRE_FALSE(r);
  CHECK(r.error.problem == FileProblem::Invalid);
  CHECK(r.error.message.find("next_id") != std::string::npos);
}

TEST_CASE("fields the loader range-checks are range-checked by commands whatever the kind",
          "[rules]") {
  Engagement e = make_demo();
  History h;
  MeetingSeries s;
  s.title = "Weekly";
  s.first_date = d(2026, 10, 6);
  s.recurrence.frequency = Frequency::Weekly;
  s.recurrence.weekdays = kTuesday;
  s.recurrence.weekday = 7;  // only read by monthly rules, but saved by all
  auto error = h.apply(e, Add<MeetingSeries>{s});
  REQUIRE(error);
  CHECK(error->field == "weekday");

  Boundary b;
  b.kind = BoundaryKind::InScope;
  b.title = "Scope";
  b.working_days = 0xFF;
  error = h.apply(e, Add<Boundary>{b});
  REQUIRE(error);
  CHECK(error->field == "working_days");
  b.working_days = kWorkweek;
  b.day_end = LocalTime{1440};
  error = h.apply(e, Add<Boundary>{b});
  REQUIRE(error);
  CHECK(error->field == "day_end");
}

TEST_CASE("a stakeholder cannot change side while an item needs them on the other side",
          "[rules]") {
  Engagement e = make_demo();
  History h;
  const ClientTask* task = nullptr;
  for (const auto& [id, t] : e.client_tasks)
    if (t.owner != kNoId) task = &t;
  REQUIRE(task);
  Stakeholder owner = *e.stakeholders.find(task->owner);
  REQUIRE(owner.side == Side::Client);
  owner.side = Side::Provider;
  const Engagement before = e;
  auto error = h.apply(e, Update<Stakeholder>{owner});
  REQUIRE(error);
  CHECK(error->field == "side");
  CHECK(e == before);
}

TEST_CASE("a year-0 date in an iCalendar import is refused or skipped, never saved unopenable",
          "[rules][import]") {
  Engagement e = make_demo();
  const std::string ics =
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Rapport tests//EN\r\n"
      "BEGIN:VEVENT\r\nUID:year-zero@rapport.test\r\nDTSTAMP:20260101T000000Z\r\n"
      "DTSTART;VALUE=DATE:00000101\r\nDTEND;VALUE=DATE:00000102\r\nSUMMARY:Year zero\r\n"
      "END:VEVENT\r\nEND:VCALENDAR\r\n";
  const ImportResult result = import_ics(e, ics);
  if (const auto* commands = std::get_if<std::vector<Command>>(&result)) {
    History h;
    REQUIRE_FALSE(h.apply_group(e, "Import calendar", *commands));
    CHECK(validate_engagement(e).empty());
    reopens_equal(e, "after the import");
  } else {
    CHECK_FALSE(std::get<ImportError>(result).message.empty());
  }
}

TEST_CASE("a year-0 date in a GNOME Planner import is refused or skipped, never saved unopenable",
          "[rules][import]") {
  Engagement e = make_demo();
  std::string xml = rapport::test::read_file(RAPPORT_TEST_DATA "/website-relaunch.planner");
  const std::string launch = "start=\"20270301T000000Z\" end=\"20270301T000000Z\"";
  const auto at = xml.find(launch);
  REQUIRE(at != std::string::npos);
  xml.replace(at, launch.size(), "start=\"00000301T000000Z\" end=\"00000301T000000Z\"");
  const ImportResult result = import_planner(e, xml);
  if (const auto* commands = std::get_if<std::vector<Command>>(&result)) {
    History h;
    REQUIRE_FALSE(h.apply_group(e, "Import GNOME Planner project", *commands));
    CHECK(validate_engagement(e).empty());
    reopens_equal(e, "after the import");
  } else {
    const std::string& message = std::get<ImportError>(result).message;
    INFO(message);
    CHECK_FALSE(message.empty());
  }
}
