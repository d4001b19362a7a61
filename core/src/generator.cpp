// Synthetic engagements of any size for tests and benchmarks; SeededRandom
// keeps the output identical on every platform.
#include <algorithm>
#include <string>

#include "rapport/demo.hpp"
#include "rapport/seeded_random.hpp"

namespace rapport {
namespace {

const char* kWords[] = {"booking", "menu",    "brand",   "launch", "copy",   "photo",
                        "review",  "payment", "widget",  "search", "design", "access",
                        "report",  "event",   "loyalty", "banner"};

std::string phrase(SeededRandom& r, const char* prefix) {
  std::string s = prefix;
  for (int i = 0; i < 3; ++i) {
    s += ' ';
    s += kWords[r.range(0, 15)];
  }
  return s;
}

template <class T>
Id put(Engagement& e, T item) {
  return insert_item(e, std::move(item));
}

}  // namespace

Engagement generate_engagement(size_t items, uint32_t seed) {
  SeededRandom r{seed * 0x2545F4914F6CDD1Dull + 1};
  Engagement e;
  e.info.name = "Synthetic engagement " + std::to_string(items);
  e.info.client_org = "Client Oy";
  e.info.provider_org = "Provider BV";
  e.info.time_zone = "Europe/Amsterdam";
  e.info.start = Date::from_ymd(2024, 1, 1);
  int32_t span = int32_t(std::clamp<size_t>(items / 20, 180, 3650));
  e.info.end = e.info.start.plus_days(span);
  e.info.internal_notes = "Synthetic internal note";

  auto share = [&](int per_mille, size_t minimum) {
    return std::max(minimum, items * size_t(per_mille) / 1000);
  };
  size_t n_people = share(20, 4);
  std::vector<Id> clients, providers;
  for (size_t i = 0; i < n_people; ++i) {
    Stakeholder s;
    s.side = i % 2 == 0 ? Side::Client : Side::Provider;
    s.name = "Person " + std::to_string(i + 1);
    s.role = i % 2 == 0 ? "Client role" : "Provider role";
    s.influence = Level(r.range(0, 2));
    s.interest = Level(r.range(0, 2));
    s.internal_notes = "Private note " + std::to_string(i + 1);
    Id id = put(e, s);
    (s.side == Side::Client ? clients : providers).push_back(id);
  }
  auto pick = [&](const std::vector<Id>& from) {
    return from[size_t(r.range(0, int64_t(from.size()) - 1))];
  };
  auto any_day = [&] { return e.info.start.plus_days(int32_t(r.range(0, span))); };

  std::vector<Id> objectives;
  for (size_t i = 0, n = share(10, 1); i < n; ++i)
    objectives.push_back(put(e, Objective{0,
                                          phrase(r, "Objective"),
                                          ObjectiveHorizon(r.range(0, 1)),
                                          "Measured",
                                          {pick(clients)}}));
  for (size_t i = 0, n = share(10, 1); i < n; ++i)
    put(e, Constraint{0, ConstraintKind(r.range(0, 5)), phrase(r, "Constraint")});
  for (size_t i = 0, n = share(50, 1); i < n; ++i) {
    Date asked = any_day();
    bool answered = r.percent(60);
    put(e, Question{0, phrase(r, "Question"), pick(clients), asked, answered ? "Answered" : "",
                    answered ? std::optional<Date>(asked.plus_days(3)) : std::nullopt});
  }
  for (size_t i = 0, n = share(50, 1); i < n; ++i)
    put(e, Expectation{0, phrase(r, "Expectation"), pick(clients), r.percent(70),
                       ExpectationStatus(r.range(0, 3)), any_day(), "Explained"});
  for (size_t i = 0, n = share(20, 1); i < n; ++i) {
    bool client = r.percent(50);
    put(e, Responsibility{0, phrase(r, "Responsibility"), client ? Side::Client : Side::Provider,
                          pick(client ? clients : providers)});
  }
  for (size_t i = 0, n = share(5, 1); i < n; ++i)
    put(e, CommunicationChannel{0, ChannelKind(r.range(0, 5)), phrase(r, "Channel"), "weekly",
                                int32_t(r.range(0, 48)), pick(clients), kNoId, pick(providers),
                                kNoId});

  std::vector<Id> milestones;
  for (size_t i = 0, n = share(100, 3); i < n; ++i) {
    Date base = any_day();
    milestones.push_back(
        put(e, Milestone{0, phrase(r, "Milestone"), base, base.plus_days(int32_t(r.range(-3, 10))),
                         MilestoneStatus(r.range(0, 3)), true, ""}));
  }
  for (size_t i = 0, n = share(30, 1); i < n; ++i)
    put(e, Deliverable{0, phrase(r, "Deliverable"), pick(milestones), "Accepted in writing"});

  // Meeting series are few but long: weekly check-ins across the whole span.
  for (size_t i = 0, n = std::min<size_t>(share(10, 1), 200); i < n; ++i) {
    MeetingSeries s;
    s.title = phrase(r, "Meeting");
    s.attendees = {pick(clients), pick(providers)};
    s.first_date = e.info.start.plus_days(int32_t(r.range(0, 30)));
    s.start = LocalTime{int32_t(r.range(8, 16)) * 60};
    s.duration_minutes = 30 + 15 * int32_t(r.range(0, 4));
    s.recurrence.frequency = Frequency::Weekly;
    s.recurrence.weekdays = uint8_t(1u << r.range(1, 5));
    s.recurrence.until = e.info.end;
    for (int k = 0; k < 8; ++k) {
      Date day = s.first_date.plus_days(int32_t(7 * r.range(0, span / 7 - 5)));
      OccurrenceOverride o;
      o.state = r.percent(80) ? OccurrenceState::Held : OccurrenceState::Cancelled;
      if (o.state == OccurrenceState::Held)
        o.recap_summary = r.percent(80) ? "Recap" : "";
      else
        o.cancel_reason = "Conflict";
      // Only days that are occurrences can carry an override.
      unsigned weekday = day.weekday();
      for (int step = 0; step < 7 && !(s.recurrence.weekdays & (1u << weekday)); ++step) {
        day = day.plus_days(1);
        weekday = day.weekday();
      }
      if (day >= s.first_date && day <= e.info.end) s.overrides[day] = o;
    }
    put(e, s);
  }

  for (size_t i = 0, n = share(20, 1); i < n; ++i) {
    Boundary b;
    b.kind = i % 4 == 0 ? BoundaryKind::WorkingHours : BoundaryKind::Blackout;
    b.title = phrase(r, "Boundary");
    b.from = any_day();
    b.to = b.from.plus_days(int32_t(r.range(1, 14)));
    put(e, b);
  }

  for (size_t i = 0, n = share(100, 1); i < n; ++i) {
    ChangeRequest c;
    c.title = phrase(r, "Change");
    c.requested_by = pick(clients);
    c.requested_on = any_day();
    c.objective = pick(objectives);
    c.impacts = {{pick(milestones), int32_t(r.range(1, 10))}};
    c.cost_minor = r.range(0, 500000);
    c.effort_hours = int32_t(r.range(0, 80));
    c.status = ChangeStatus(r.range(0, 3));
    if (c.status != ChangeStatus::Proposed)
      c.decided_on = c.requested_on.plus_days(int32_t(r.range(1, 10)));
    if (c.status == ChangeStatus::Rejected) {
      c.rationale = "Off goal";
      c.alternative = "Phase 2";
    }
    c.internal_notes = "Margin note";
    put(e, c);
  }

  for (size_t i = 0, n = share(300, 1); i < n; ++i) {
    Date created = any_day();
    ClientTask t{0,
                 phrase(r, "Task"),
                 pick(clients),
                 created,
                 created.plus_days(int32_t(r.range(1, 30))),
                 TaskStatus(r.range(0, 2)),
                 std::nullopt,
                 r.percent(30) ? pick(milestones) : kNoId};
    if (t.status == TaskStatus::Done) t.done_on = t.due;
    put(e, t);
  }
  for (size_t i = 0, n = share(100, 1); i < n; ++i)
    put(e, Decision{0,
                    any_day(),
                    phrase(r, "Decision"),
                    pick(clients),
                    {pick(providers)},
                    {pick(clients)},
                    "Because"});
  for (size_t i = 0, n = share(150, 1); i < n; ++i)
    put(e,
        Feedback{0, any_day(), pick(clients), int32_t(r.range(-2, 2)), phrase(r, "Feedback"), ""});
  return e;
}

}  // namespace rapport
