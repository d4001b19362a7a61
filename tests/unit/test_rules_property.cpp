// One set of rules: whatever a command is allowed to do saves and reopens.
//
// [SECTION] index
//   Random values  - texts, dates, ids and numbers, extremes included
//   Random items   - one maker per kind (all 15), the engagement info, overrides
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
#include <vector>

#include "rapport/demo.hpp"
#include "rapport/history.hpp"
#include "rapport/import.hpp"
#include "rapport/io.hpp"
#include "rapport/recurrence.hpp"
#include "rapport/seeded_random.hpp"
#include "rapport/validate.hpp"

using namespace rapport;

namespace {

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

// [SECTION] Random values ---------------------------------------------------------

// Makes random commands for the engagement it looks at. `extreme` records
// whether the last command used a value at or past a limit.
struct Maker {
  SeededRandom r;
  const Engagement* e = nullptr;
  bool extreme = false;

  std::string text() {
    static const char* const kInvalid[] = {
        "\xC3\x28",          // a lead byte without its continuation
        "\xC0\x80",          // an overlong NUL
        "\xE0\x80\xAF",      // an overlong '/'
        "\xED\xA0\x80",      // a surrogate
        "\xF4\x90\x80\x80",  // past U+10FFFF
        "\xE2\x82",          // cut short
        "\xFF",
    };
    const int k = int(r.range(0, 99));
    if (k >= 14) {
      static const char* const kWords[] = {"brief", "launch", "menu", "review", "copy", "sign-off"};
      return std::string(kWords[r.range(0, 5)]) + " " + std::to_string(r.range(1, 99));
    }
    extreme = true;
    switch (k) {
      case 0:
        return "";
      case 1:
        return " \t\n";
      case 2:
        return "Caf\xC3\xA9 \xE2\x80\x93 \xE6\x9D\xB1\xE4\xBA\xAC \xF0\x9F\x8E\x89 "
               "\xF4\x8F\xBF\xBF";
      case 3:
        return std::string("ok ") + kInvalid[r.range(0, 6)];
      case 4:
        return std::string("before\0after", 12);
      case 5:
        return "\x01\x1b[2J \"quoted\" \\ / \b\f\n\r\t \xE2\x80\xA8";
      case 6:
        return std::string(kMaxNameBytes, 'n');
      case 7:
        return std::string(kMaxNameBytes + 1, 'n');
      case 8: {
        std::string s;
        for (size_t i = 0; i < kMaxNameBytes / 2; ++i) s += "\xC3\xA9";  // 1000 bytes of é
        return s;
      }
      case 9:
        return std::string(size_t(r.range(2000, 20000)), 'x');
      case 10:
        // The 1 MiB limit itself: rare, because every later save carries it.
        if (r.per_mille(30)) return std::string(kMaxTextBytes + size_t(r.range(0, 1)), 't');
        return "plain";
      default:
        return "{\"json\": [1, 2]} <xml/> & %s %n";
    }
  }
  std::string name() {
    return r.per_mille(800) ? "Item " + std::to_string(r.range(1, 9999)) : text();
  }

  Date date() {
    switch (r.range(0, 59)) {
      case 0:
        extreme = true;
        return Date{kMinDateDays};  // 0001-01-01
      case 1:
        extreme = true;
        return Date{kMaxDateDays};  // 9999-12-31
      case 2:
        extreme = true;
        return Date{kMinDateDays - int32_t(r.range(1, 400))};  // year 0
      case 3:
        extreme = true;
        return Date{kMaxDateDays + int32_t(r.range(1, 10))};  // year 10000
      case 4:
        extreme = true;
        return d(0, 1, 1);
      case 5:
        extreme = true;
        return Date{kMaxDateDays - int32_t(r.range(0, 30))};
      default:
        return d(2026, 1, 1).plus_days(int32_t(r.range(-400, 800)));
    }
  }
  std::optional<Date> maybe_date() {
    if (r.per_mille(500)) return std::nullopt;
    return date();
  }
  LocalTime time() {
    if (r.per_mille(20)) {
      extreme = true;
      return LocalTime{r.per_mille(500) ? -1 : int32_t(r.range(1440, 1500))};
    }
    return LocalTime{int32_t(r.range(0, 1439))};
  }
  int32_t number(int32_t lo, int32_t hi) {
    if (r.per_mille(30)) {
      extreme = true;
      static const int32_t kEdges[] = {INT32_MIN, -1, 0, 1, INT32_MAX};
      return kEdges[r.range(0, 4)];
    }
    return int32_t(r.range(lo, hi));
  }
  int64_t money() {
    if (r.per_mille(30)) {
      extreme = true;
      return r.per_mille(500) ? INT64_MAX : -1;
    }
    return r.range(0, 10'000'000);
  }
  template <class E>
  E enumeration(int last) {
    if (r.per_mille(20)) {
      extreme = true;
      return static_cast<E>(r.per_mille(500) ? last + 1 : 255);
    }
    return static_cast<E>(r.range(0, last));
  }
  uint8_t byte(unsigned max) {
    if (r.per_mille(20)) {
      extreme = true;
      return uint8_t(r.range(max + 1, 255));
    }
    return uint8_t(r.range(0, max));
  }
  std::string zone() {
    static const char* const kZones[] = {"", "UTC", "Europe/Amsterdam", "America/New_York",
                                         "Asia/Tokyo"};
    if (r.per_mille(20)) {
      extreme = true;
      return r.per_mille(500) ? "Mars/Olympus_Mons" : std::string("Europe/\0Paris", 13);
    }
    return kZones[r.range(0, 4)];
  }

  // An id of an existing item of kind T, or sometimes one that is not.
  template <class T>
  Id id_of() {
    const auto& table = KindOf<T>::table(*e);
    switch (r.range(0, 29)) {
      case 0:
        return kNoId;
      case 1:
        extreme = true;
        return kMaxItemId;
      case 2:
        extreme = true;
        return Id(-1);
      case 3:
        return e->next_id;
      case 4:
        return Id(r.range(1, e->next_id));  // any kind
      default:
        break;
    }
    if (table.empty()) return kNoId;
    auto it = table.begin();
    std::advance(it, r.range(0, int64_t(table.size()) - 1));
    return it->first;
  }
  // Mostly someone on `side` (or nobody), so rules about sides pass often
  // enough for the items to be accepted, and fail now and then.
  Id person_on(Side side) {
    if (r.per_mille(150)) return id_of<Stakeholder>();
    std::vector<Id> ids{kNoId};
    for (const auto& [id, s] : e->stakeholders)
      if (s.side == side) ids.push_back(id);
    return ids[size_t(r.range(0, int64_t(ids.size()) - 1))];
  }
  template <class T>
  std::vector<Id> ids_of() {
    std::vector<Id> ids;
    for (int64_t i = 0, n = r.range(0, 3); i < n; ++i) ids.push_back(id_of<T>());
    return ids;
  }

  // [SECTION] Random items --------------------------------------------------------

  EngagementInfo info() {
    EngagementInfo x = e->info;
    switch (r.range(0, 7)) {
      case 0:
        x.name = name();
        break;
      case 1:
        x.start = date();
        break;
      case 2:
        x.end = date();
        break;
      case 3:
        x.time_zone = zone();
        break;
      case 4:
        x.currency = r.per_mille(900) ? "USD" : text();
        break;
      case 5:
        x.vision = text();
        break;
      case 6:
        x.internal_day_rate_minor = money();
        break;
      default:
        x.internal_margin_percent = number(-100, 1000);
        break;
    }
    return x;
  }

  void make(Stakeholder& x) {
    x.side = enumeration<Side>(1);
    x.name = name();
    x.role = text();
    x.contact = text();
    x.preferred_channel = enumeration<ChannelKind>(5);
    x.influence = enumeration<Level>(2);
    x.interest = enumeration<Level>(2);
    x.time_zone = zone();
    x.internal_notes = text();
  }
  void make(Objective& x) {
    x.title = name();
    x.horizon = enumeration<ObjectiveHorizon>(1);
    x.success_measure = text();
    x.stakeholders = ids_of<Stakeholder>();
  }
  void make(Constraint& x) {
    x.kind = enumeration<ConstraintKind>(5);
    x.description = name();
  }
  void make(Question& x) {
    x.text = name();
    x.asked_of = id_of<Stakeholder>();
    x.asked_on = date();
    x.answer = text();
    x.answered_on = maybe_date();
  }
  void make(Expectation& x) {
    x.what = name();
    x.source = id_of<Stakeholder>();
    x.stated = r.per_mille(500);
    x.status = enumeration<ExpectationStatus>(3);
    x.raised_on = date();
    x.explanation = text();
  }
  void make(Responsibility& x) {
    x.what = name();
    x.side = enumeration<Side>(1);
    x.owner = person_on(x.side);
  }
  void make(Deliverable& x) {
    x.title = name();
    x.milestone = id_of<Milestone>();
    x.acceptance_criteria = text();
  }
  void make(CommunicationChannel& x) {
    x.kind = enumeration<ChannelKind>(5);
    x.purpose = text();
    x.frequency = text();
    x.response_time_hours = number(0, 72);
    x.client_primary = person_on(Side::Client);
    x.client_backup = person_on(Side::Client);
    x.provider_primary = person_on(Side::Provider);
    x.provider_backup = person_on(Side::Provider);
  }
  OccurrenceOverride occurrence() {
    OccurrenceOverride o;
    o.state = enumeration<OccurrenceState>(2);
    if (r.per_mille(300)) o.moved_to = LocalDateTime{date(), time()};
    o.present = ids_of<Stakeholder>();
    o.recap_summary = text();
    o.agreed_actions = r.per_mille(500) ? "" : text();
    o.cancelled_by = enumeration<Side>(1);
    o.cancel_reason = r.per_mille(300) ? "" : text();
    return o;
  }
  void make(MeetingSeries& x) {
    x.title = name();
    x.purpose = text();
    x.attendees = ids_of<Stakeholder>();
    x.channel = id_of<CommunicationChannel>();
    x.first_date = date();
    x.start = time();
    x.duration_minutes = r.per_mille(950) ? int32_t(r.range(5, 240)) : number(5, 1440);
    x.time_zone = zone();
    Recurrence& rec = x.recurrence;
    rec.frequency = enumeration<Frequency>(4);
    rec.interval = r.per_mille(950) ? int32_t(r.range(1, 4)) : number(1, 1000);
    rec.weekdays = r.per_mille(950) ? uint8_t(r.range(1, 0x7f)) : byte(0x7f);
    rec.month_day = number(1, 31);
    rec.week_of_month = r.per_mille(900) ? int32_t(r.range(1, 5)) : number(-1, 5);
    rec.weekday = byte(6);
    if (r.per_mille(400)) rec.until = date();
    rec.count = r.per_mille(700) ? 0 : number(1, 200);
    if (r.per_mille(300)) x.overrides[date()] = occurrence();
  }
  void make(Milestone& x) {
    x.title = name();
    x.baseline = date();
    x.current = r.per_mille(500) ? x.baseline : date();
    x.status = enumeration<MilestoneStatus>(3);
    x.client_visible = r.per_mille(500);
    x.description = text();
  }
  void make(Boundary& x) {
    x.kind = enumeration<BoundaryKind>(5);
    x.title = name();
    x.description = text();
    x.working_days = r.per_mille(950) ? uint8_t(r.range(1, 0x7f)) : byte(0x7f);
    x.day_start = time();
    x.day_end = r.per_mille(900) ? LocalTime{std::min(1439, x.day_start.minutes + 60)} : time();
    x.hours_side = enumeration<Side>(1);
    x.from = date();
    x.to = r.per_mille(900) ? x.from.plus_days(int32_t(r.range(0, 20))) : date();
    x.included = number(0, 10);
    x.used = number(0, 10);
    x.unit = text();
    x.period = enumeration<QuotaPeriod>(2);
    x.extra_rate_minor = money();
  }
  void make(ChangeRequest& x) {
    x.title = name();
    x.description = text();
    x.requested_by = id_of<Stakeholder>();
    x.requested_on = date();
    x.objective = id_of<Objective>();
    for (int64_t i = 0, n = r.range(0, 2); i < n; ++i)
      x.impacts.push_back(
          {id_of<Milestone>(), r.per_mille(950) ? int32_t(r.range(-30, 30)) : number(-3650, 3650)});
    x.cost_minor = money();
    x.effort_hours = number(0, 200);
    x.status = enumeration<ChangeStatus>(3);
    if (x.status != ChangeStatus::Proposed) x.decided_on = maybe_date();
    x.decided_by = id_of<Stakeholder>();
    x.rationale = text();
    x.alternative = text();
    x.internal_notes = text();
  }
  void make(ClientTask& x) {
    x.title = name();
    x.owner = person_on(Side::Client);
    x.created_on = date();
    x.due = r.per_mille(900) ? x.created_on.plus_days(int32_t(r.range(0, 30))) : date();
    x.status = enumeration<TaskStatus>(2);
    if (r.per_mille(300)) x.done_on = r.per_mille(900) ? x.due : date();
    x.milestone = id_of<Milestone>();
  }
  void make(Decision& x) {
    x.date = date();
    x.what = name();
    x.decided_by = id_of<Stakeholder>();
    x.consulted = ids_of<Stakeholder>();
    x.informed = ids_of<Stakeholder>();
    x.rationale = text();
  }
  void make(Feedback& x) {
    x.date = date();
    x.stakeholder = id_of<Stakeholder>();
    x.sentiment = r.per_mille(950) ? int32_t(r.range(-2, 2)) : number(-2, 2);
    x.note = text();
    x.follow_up = text();
  }

  template <class T>
  Command item_command() {
    const int op = int(r.range(0, 9));
    if (op < 5) {
      T item{};
      make(item);
      return Add<T>{std::move(item)};
    }
    if (op < 8) {
      T item{};
      const Id id = id_of<T>();
      if (const T* existing = KindOf<T>::table(*e).find(id); existing && r.per_mille(500))
        item = *existing;
      make(item);
      item.id = id;
      return Update<T>{std::move(item)};
    }
    return Delete<T>{id_of<T>()};
  }

  Command command() {
    extreme = false;
    const int k = int(r.range(0, 99));
    if (k < 3) return SetInfo{info()};
    if (k < 9) return MoveMilestone{id_of<Milestone>(), date()};
    if (k < 14) {
      DecideChangeRequest c;
      c.id = id_of<ChangeRequest>();
      c.decision = enumeration<ChangeStatus>(3);
      c.on = date();
      c.by = id_of<Stakeholder>();
      c.rationale = text();
      c.alternative = text();
      return c;
    }
    if (k < 20) {
      SetOccurrence c;
      c.series = id_of<MeetingSeries>();
      c.original = date();
      if (const MeetingSeries* s = e->meetings.find(c.series); s && r.per_mille(800)) {
        const auto dates = occurrence_dates(*s, s->first_date.plus_days(400), 30);
        if (!dates.empty()) c.original = dates[size_t(r.range(0, int64_t(dates.size()) - 1))];
      }
      c.value = r.per_mille(100) ? OccurrenceOverride{} : occurrence();
      return c;
    }
    switch (r.range(0, kKindCount - 1)) {
      case 0:
        return item_command<Stakeholder>();
      case 1:
        return item_command<Objective>();
      case 2:
        return item_command<Constraint>();
      case 3:
        return item_command<Question>();
      case 4:
        return item_command<Expectation>();
      case 5:
        return item_command<Responsibility>();
      case 6:
        return item_command<Deliverable>();
      case 7:
        return item_command<CommunicationChannel>();
      case 8:
        return item_command<MeetingSeries>();
      case 9:
        return item_command<Milestone>();
      case 10:
        return item_command<Boundary>();
      case 11:
        return item_command<ChangeRequest>();
      case 12:
        return item_command<ClientTask>();
      case 13:
        return item_command<Decision>();
      default:
        return item_command<Feedback>();
    }
  }
};

// Which of the 15 kinds a command adds, updates or deletes (-1 for the others).
int kind_index(const Command& c) {
  int kinds_before = 4;  // SetInfo, MoveMilestone, DecideChangeRequest, SetOccurrence
  const int i = int(c.index());
  return i < kinds_before ? -1 : (i - kinds_before) / 3;
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

TEST_CASE("an add when the id counter is full is refused and the file still saves and reopens",
          "[rules]") {
  Engagement e = make_demo();
  e.next_id = Id(-1);  // 4294967295: passes the loader, as `rapport check` said
  reopens_equal(e, "a full id counter");
  History h;
  Constraint c;
  c.description = "One too many";
  auto error = h.apply(e, Add<Constraint>{c});
  REQUIRE(error);
  CHECK(error->message.find("id") != std::string::npos);
  CHECK(e.next_id == Id(-1));
  reopens_equal(e, "after the refused add");

  e.next_id = kMaxItemId;  // one id left
  REQUIRE_FALSE(h.apply(e, Add<Constraint>{c}));
  CHECK(h.last_added() == kMaxItemId);
  CHECK(e.next_id == Id(-1));
  reopens_equal(e, "the last id used");
  CHECK(h.apply(e, Add<Constraint>{c}));
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
  std::ifstream in(RAPPORT_TEST_DATA "/website-relaunch.planner");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  std::string xml = buffer.str();
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
