// Seeded random commands for property tests: every kind of command, with
// values that are mostly ordinary and now and then extreme (far dates, long or
// odd texts, ids at the limit, missing items), so both accepted and refused
// commands come often. Shared by the rules and the timeline index properties.
//
// [SECTION] index
//   Random values  - texts, dates, ids and numbers, extremes included
//   Random items   - one maker per kind (all 15), the engagement info, overrides
#pragma once

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "rapport/commands.hpp"
#include "rapport/recurrence.hpp"
#include "rapport/seeded_random.hpp"
#include "rapport/validate.hpp"

namespace rapport::test {

// [SECTION] Random values ---------------------------------------------------------

// Makes random commands for the engagement it looks at. `extreme` records
// whether the last command used a value at or past a limit.
struct RandomCommands {
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
        return Date::from_ymd(0, 1, 1);
      case 5:
        extreme = true;
        return Date{kMaxDateDays - int32_t(r.range(0, 30))};
      default:
        return Date::from_ymd(2026, 1, 1).plus_days(int32_t(r.range(-400, 800)));
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

}  // namespace rapport::test
