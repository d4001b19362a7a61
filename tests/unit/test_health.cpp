// Expectation health: each check with a small engagement that triggers it,
// one that does not, and the edge exactly at the threshold; the demo as of
// 2026-11-24; the summary, report, series helpers and working-day arithmetic.
#include <algorithm>
#include <catch2/catch.hpp>

#include "rapport/demo.hpp"
#include "rapport/fields.hpp"
#include "rapport/health.hpp"

using namespace rapport;

namespace {

Date d(int y, unsigned m, unsigned day) { return Date::from_ymd(y, m, day); }

template <class T>
Id add(Engagement& e, T item) {
  return insert_item(e, std::move(item));
}

// 2026-01-05 is a Monday. A client and a provider person, nothing else.
struct Base {
  Engagement e;
  Id client = kNoId, provider = kNoId;
  Base() {
    e.info.name = "Test";
    e.info.time_zone = "UTC";
    e.info.start = d(2026, 1, 5);
    e.info.end = d(2026, 12, 31);
    Stakeholder c;
    c.side = Side::Client;
    c.name = "Aino";
    client = add(e, c);
    Stakeholder p;
    p.side = Side::Provider;
    p.name = "Joost";
    provider = add(e, p);
  }
};

std::vector<Finding> of(const std::vector<Finding>& all, std::string_view check) {
  std::vector<Finding> out;
  for (const Finding& f : all)
    if (f.check == check) out.push_back(f);
  return out;
}

std::vector<Finding> run(const Engagement& e, Date as_of, std::string_view check,
                         const HealthSettings& s = {}) {
  return of(check_health(e, as_of, s), check);
}

OccurrenceOverride held(std::string recap = "Recap") {
  OccurrenceOverride o;
  o.state = OccurrenceState::Held;
  o.recap_summary = std::move(recap);
  return o;
}

OccurrenceOverride cancelled() {
  OccurrenceOverride o;
  o.state = OccurrenceState::Cancelled;
  return o;
}

MeetingSeries weekly_monday(Date first = d(2026, 1, 5)) {
  MeetingSeries s;
  s.title = "Weekly check-in";
  s.first_date = first;
  s.start = LocalTime{10 * 60};
  s.duration_minutes = 30;
  s.recurrence.frequency = Frequency::Weekly;
  s.recurrence.weekdays = kMonday;
  return s;
}

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("health: working days and money", "[health]") {
  // Friday + 1 working day = Monday; Monday + 5 = next Monday.
  CHECK(add_working_days(d(2026, 1, 9), 1, kWorkweek) == d(2026, 1, 12));
  CHECK(add_working_days(d(2026, 1, 5), 5, kWorkweek) == d(2026, 1, 12));
  CHECK(add_working_days(d(2026, 1, 5), 0, kWorkweek) == d(2026, 1, 5));
  CHECK(add_working_days(d(2026, 1, 9), 1, uint8_t(kWorkweek | kSaturday)) == d(2026, 1, 10));
  CHECK(add_working_days(d(2026, 1, 5), 23, kWorkweek) == d(2026, 2, 5));
  CHECK(working_days_between(d(2026, 1, 5), d(2026, 1, 12), kWorkweek) == 5);
  CHECK(working_days_between(d(2026, 1, 9), d(2026, 1, 11), kWorkweek) == 0);
  CHECK(working_days_between(d(2026, 1, 12), d(2026, 1, 5), kWorkweek) == 0);
  CHECK(working_days_between(d(2026, 1, 5), d(2026, 3, 2), kWorkweek) == 40);
  CHECK(working_days_between(d(2026, 1, 5), d(2026, 1, 12), 0) == 5);  // no days: Monday to Friday

  // One money format everywhere (the status report's).
  CHECK(money_text(60000, "EUR") == "€600.00");
  CHECK(money_text(1450000, "EUR") == "€14,500.00");
  CHECK(money_text(123456789, "USD") == "$1,234,567.89");
  CHECK(money_text(-5, "SEK") == "-0.05 SEK");
  CHECK(money_text(0, "") == "0.00");

  Base b;
  CHECK(working_days_of(b.e) == kWorkweek);
  Boundary hours;
  hours.kind = BoundaryKind::WorkingHours;
  hours.working_days = uint8_t(kMonday | kTuesday | kWednesday | kThursday);
  add(b.e, hours);
  CHECK(working_days_of(b.e) == uint8_t(kMonday | kTuesday | kWednesday | kThursday));
}

TEST_CASE("health: an empty engagement has no findings", "[health]") {
  Engagement e;
  e.info.start = d(2026, 1, 5);
  e.info.end = d(2026, 1, 4);  // no span: the cadence check has nothing to measure against
  auto all = check_health(e, d(2026, 1, 5));
  CHECK(all.empty());
  CHECK(health_summary(all) == "No findings");
}

TEST_CASE("health: meeting consistency per series", "[health]") {
  Base b;
  HealthSettings s;
  s.consistency_window = 10;
  Date as_of = d(2026, 3, 16);  // 10 past Mondays: Jan 5 .. Mar 9
  MeetingSeries m = weekly_monday();
  for (int i = 0; i < 10; ++i) m.overrides[d(2026, 1, 5).plus_days(7 * i)] = held();

  SECTION("all held: fine") {
    add(b.e, m);
    CHECK(run(b.e, as_of, kCheckConsistency, s).empty());
  }
  SECTION("exactly 80% held, cancellations apart: fine") {
    m.overrides[d(2026, 1, 12)] = cancelled();
    m.overrides[d(2026, 2, 9)] = cancelled();
    add(b.e, m);
    CHECK(run(b.e, as_of, kCheckConsistency, s).empty());
  }
  SECTION("under 80% held: a warning") {
    m.overrides[d(2026, 1, 12)] = cancelled();
    m.overrides[d(2026, 2, 9)] = cancelled();
    m.overrides.erase(d(2026, 3, 2));  // past and never marked: not held
    Id id = add(b.e, m);
    auto f = run(b.e, as_of, kCheckConsistency, s);
    REQUIRE(f.size() == 1);
    CHECK(f[0].item == id);
    CHECK(f[0].severity == Severity::Warning);
    CHECK(f[0].internal);
    CHECK(f[0].occurrence == d(2026, 3, 2));
    CHECK(contains(f[0].message, "7 of the last 10 held (1 not marked held or cancelled)"));
    CHECK(contains(f[0].next_step, "Mark what happened"));
  }
  SECTION("two cancelled in a row: a warning even at 80%") {
    m.overrides[d(2026, 2, 2)] = cancelled();
    m.overrides[d(2026, 2, 9)] = cancelled();
    add(b.e, m);
    auto f = run(b.e, as_of, kCheckConsistency, s);
    REQUIRE(f.size() == 1);
    CHECK(contains(f[0].message, "2 cancelled in a row"));
    CHECK(f[0].occurrence == d(2026, 2, 9));
  }
  SECTION("only the last N count") {
    m.overrides[d(2026, 1, 5)] = cancelled();
    m.overrides[d(2026, 1, 12)] = cancelled();
    add(b.e, m);
    s.consistency_window = 8;  // Jan 19 .. Mar 9: all held
    CHECK(run(b.e, as_of, kCheckConsistency, s).empty());
  }
  SECTION("today's occurrence is not judged yet") {
    m.overrides[d(2026, 3, 9)] = cancelled();
    add(b.e, m);
    CHECK(run(b.e, d(2026, 3, 9), kCheckConsistency, s).empty());
    CHECK(run(b.e, d(2026, 3, 10), kCheckConsistency, s).empty());  // 9 of 10 held, one cancelled
  }
}

TEST_CASE("health: a held meeting needs a recap one working day later", "[health]") {
  Base b;
  MeetingSeries m = weekly_monday(d(2026, 1, 9));
  m.recurrence.weekdays = kFriday;
  m.recurrence.until = d(2026, 1, 9);
  m.overrides[d(2026, 1, 9)] = held("");
  Id id = add(b.e, m);

  CHECK(run(b.e, d(2026, 1, 12), kCheckRecapMissing).empty());  // Monday: still in time
  auto f = run(b.e, d(2026, 1, 13), kCheckRecapMissing);
  REQUIRE(f.size() == 1);
  CHECK(f[0].item == id);
  CHECK(f[0].occurrence == d(2026, 1, 9));
  CHECK(f[0].date == d(2026, 1, 9));
  CHECK(f[0].internal);
  CHECK(contains(f[0].message, "Weekly check-in on 2026-01-09"));

  SECTION("a blank recap is no recap but a written one is") {
    b.e.meetings.find(id)->overrides[d(2026, 1, 9)].recap_summary = "  \n";
    CHECK(run(b.e, d(2026, 1, 13), kCheckRecapMissing).size() == 1);
    b.e.meetings.find(id)->overrides[d(2026, 1, 9)].recap_summary = "Agreed the sitemap.";
    CHECK(run(b.e, d(2026, 1, 13), kCheckRecapMissing).empty());
  }
  SECTION("working days follow the working-hours boundary") {
    Boundary hours;
    hours.kind = BoundaryKind::WorkingHours;
    hours.working_days = uint8_t(kWorkweek | kSaturday);
    hours.day_start = LocalTime{0};
    hours.day_end = LocalTime{1439};
    add(b.e, hours);
    CHECK(run(b.e, d(2026, 1, 10), kCheckRecapMissing).empty());
    CHECK(run(b.e, d(2026, 1, 11), kCheckRecapMissing).size() == 1);
  }
  SECTION("a moved meeting counts from the day it was held") {
    b.e.meetings.find(id)->overrides[d(2026, 1, 9)].moved_to =
        LocalDateTime{d(2026, 1, 12), LocalTime{600}};
    CHECK(run(b.e, d(2026, 1, 13), kCheckRecapMissing).empty());
    auto g = run(b.e, d(2026, 1, 14), kCheckRecapMissing);
    REQUIRE(g.size() == 1);
    CHECK(g[0].date == d(2026, 1, 12));
    CHECK(g[0].occurrence == d(2026, 1, 9));
  }
  SECTION("an override on a day without an occurrence is ignored") {
    b.e.meetings.find(id)->overrides[d(2026, 1, 7)] = held("");
    CHECK(run(b.e, d(2026, 1, 20), kCheckRecapMissing).size() == 1);
  }
}

TEST_CASE("health: overdue client tasks, grouped by owner", "[health]") {
  Base b;
  Stakeholder other;
  other.side = Side::Client;
  other.name = "Jukka";
  Id jukka = add(b.e, other);
  Id t1 = add(b.e, ClientTask{0, "Send copy", b.client, d(2026, 1, 1), d(2026, 1, 10)});
  Id t2 = add(b.e, ClientTask{0, "Send photos", b.client, d(2026, 1, 1), d(2026, 1, 12)});
  add(b.e, ClientTask{0, "API keys", jukka, d(2026, 1, 1), d(2026, 1, 12)});
  add(b.e, ClientTask{0, "Done already", b.client, d(2026, 1, 1), d(2026, 1, 2), TaskStatus::Done,
                      d(2026, 1, 2)});
  add(b.e, ClientTask{0, "Dropped", b.client, d(2026, 1, 1), d(2026, 1, 2), TaskStatus::Dropped});

  CHECK(run(b.e, d(2026, 1, 10), kCheckTaskOverdue).empty());  // due today is not overdue
  auto f = run(b.e, d(2026, 1, 12), kCheckTaskOverdue);
  REQUIRE(f.size() == 1);
  CHECK(f[0].item == t1);
  CHECK(f[0].related == std::vector<Id>{t1});
  CHECK(contains(f[0].message, "Aino has 1 overdue task"));
  CHECK_FALSE(f[0].internal);

  auto g = run(b.e, d(2026, 1, 13), kCheckTaskOverdue);
  REQUIRE(g.size() == 2);  // one per owner
  CHECK(g[0].item == t1);  // sorted by date: the oldest due first
  CHECK(g[0].related == std::vector<Id>{t1, t2});
  CHECK(contains(g[0].message, "2 overdue tasks"));
  CHECK(contains(g[0].message, "“Send copy” (due 2026-01-10) and “Send photos”"));
  CHECK(contains(g[1].message, "Jukka"));
  CHECK(health_summary(check_health(b.e, d(2026, 1, 13))).find("3 overdue client tasks") !=
        std::string::npos);
}

TEST_CASE("health: client tasks without an owner", "[health]") {
  Base b;
  add(b.e, ClientTask{0, "Owned", b.client, d(2026, 1, 1), d(2026, 2, 1)});
  CHECK(run(b.e, d(2026, 1, 12), kCheckTaskNoOwner).empty());
  Id none = add(b.e, ClientTask{0, "Nobody's", kNoId, d(2026, 1, 1), d(2026, 2, 1)});
  Id dangling =
      add(b.e, ClientTask{0, "Ghost's", 999, d(2026, 1, 1), d(2026, 1, 2)});  // a broken file
  auto f = run(b.e, d(2026, 1, 12), kCheckTaskNoOwner);
  REQUIRE(f.size() == 2);
  CHECK(f[0].item == dangling);  // overdue: a warning, sorted first
  CHECK(f[0].severity == Severity::Warning);
  CHECK(f[1].item == none);
  CHECK(f[1].severity == Severity::Info);
  CHECK(run(b.e, d(2026, 1, 12), kCheckTaskOverdue).empty());  // not also counted as overdue
}

TEST_CASE("health: change requests waiting for a decision", "[health]") {
  Base b;
  ChangeRequest cr;
  cr.title = "Extra landing page";
  cr.requested_by = b.client;
  cr.requested_on = d(2026, 1, 5);  // Monday
  Id id = add(b.e, cr);
  CHECK(run(b.e, d(2026, 1, 12), kCheckDecisionWaiting).empty());  // exactly 5 working days
  auto f = run(b.e, d(2026, 1, 13), kCheckDecisionWaiting);
  REQUIRE(f.size() == 1);
  CHECK(f[0].item == id);
  CHECK(f[0].date == d(2026, 1, 5));
  CHECK(contains(f[0].message, "6 working days"));

  b.e.change_requests.find(id)->status = ChangeStatus::Deferred;
  CHECK(run(b.e, d(2026, 1, 13), kCheckDecisionWaiting).empty());

  HealthSettings s;
  s.decision_wait_working_days = 6;
  b.e.change_requests.find(id)->status = ChangeStatus::Proposed;
  CHECK(run(b.e, d(2026, 1, 13), kCheckDecisionWaiting, s).empty());
}

TEST_CASE("health: a rejected change request needs a reason and an alternative", "[health]") {
  Base b;
  ChangeRequest cr;
  cr.title = "Loyalty app";
  cr.requested_on = d(2026, 1, 5);
  cr.status = ChangeStatus::Rejected;
  cr.decided_on = d(2026, 1, 7);
  cr.rationale = "Pushes the launch past the goal.";
  cr.alternative = "Phase 2.";
  Id id = add(b.e, cr);
  CHECK(run(b.e, d(2026, 1, 12), kCheckRejectionUnexplained).empty());

  b.e.change_requests.find(id)->alternative = "";
  auto f = run(b.e, d(2026, 1, 12), kCheckRejectionUnexplained);
  REQUIRE(f.size() == 1);
  CHECK(f[0].date == d(2026, 1, 7));
  CHECK(f[0].internal);
  CHECK(contains(f[0].message, "without an alternative"));

  b.e.change_requests.find(id)->alternative = "Phase 2.";
  b.e.change_requests.find(id)->rationale = " ";
  f = run(b.e, d(2026, 1, 12), kCheckRejectionUnexplained);
  REQUIRE(f.size() == 1);
  CHECK(contains(f[0].message, "without a reason"));
}

TEST_CASE("health: scope creep from approved change requests", "[health]") {
  Base b;  // plan: 2026-01-05 .. 2026-12-31 = 360 days; 10% = 36 days
  ChangeRequest cr;
  cr.title = "Swedish widget";
  cr.requested_on = d(2026, 1, 5);
  cr.impacts = {{kNoId, 20}, {kNoId, 36}};
  cr.cost_minor = 320000;
  cr.status = ChangeStatus::Proposed;
  Id id = add(b.e, cr);
  CHECK(run(b.e, d(2026, 2, 1), kCheckScopeCreep).empty());  // nothing approved yet

  b.e.change_requests.find(id)->status = ChangeStatus::Approved;
  b.e.change_requests.find(id)->decided_on = d(2026, 1, 9);
  auto f = run(b.e, d(2026, 2, 1), kCheckScopeCreep);
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::Info);  // exactly 10%
  CHECK(f[0].date == d(2026, 1, 9));
  CHECK(contains(f[0].message, "36 days (10% of the 360-day plan) and €3,200.00"));

  b.e.change_requests.find(id)->impacts[1].days = 37;
  f = run(b.e, d(2026, 2, 1), kCheckScopeCreep);
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::Warning);

  SECTION("against a budget") {
    b.e.change_requests.find(id)->impacts = {{kNoId, 1}};
    HealthSettings s;
    s.budget_minor = 3200000;  // €32,000: 10% = €3,200 exactly
    CHECK(run(b.e, d(2026, 2, 1), kCheckScopeCreep, s)[0].severity == Severity::Info);
    s.budget_minor = 3199999;
    CHECK(run(b.e, d(2026, 2, 1), kCheckScopeCreep, s)[0].severity == Severity::Warning);
  }
}

TEST_CASE("health: milestones drifted from the baseline", "[health]") {
  Base b;
  Id on_time = add(b.e, Milestone{0, "Kickoff", d(2026, 2, 1), d(2026, 2, 1)});
  Id late = add(b.e, Milestone{0, "Design", d(2026, 3, 1), d(2026, 3, 2)});
  Id agreed = add(b.e, Milestone{0, "Beta", d(2026, 4, 1), d(2026, 4, 8)});
  add(b.e, Milestone{0, "Done late", d(2026, 1, 10), d(2026, 1, 20), MilestoneStatus::Done});
  ChangeRequest cr;
  cr.title = "Approved";
  cr.status = ChangeStatus::Approved;
  cr.impacts = {{agreed, 7}};
  add(b.e, cr);
  (void)on_time;

  auto f = run(b.e, d(2026, 1, 12), kCheckMilestoneDrift);
  REQUIRE(f.size() == 2);
  CHECK(f[0].item == late);
  CHECK(f[0].severity == Severity::Warning);
  CHECK(f[0].date == d(2026, 3, 2));
  CHECK(contains(f[0].message, "Design has drifted 1 day later"));
  CHECK(f[1].item == agreed);
  CHECK(f[1].severity == Severity::Info);

  HealthSettings s;
  s.milestone_drift_days = 1;  // a day is within tolerance
  auto g = run(b.e, d(2026, 1, 12), kCheckMilestoneDrift, s);
  REQUIRE(g.size() == 1);
  CHECK(g[0].item == agreed);

  b.e.milestones.find(late)->client_visible = false;
  CHECK(run(b.e, d(2026, 1, 12), kCheckMilestoneDrift)[0].internal);
}

TEST_CASE("health: meetings outside the agreed working hours", "[health]") {
  Base b;
  b.e.info.time_zone = "Europe/Amsterdam";
  b.e.stakeholders.find(b.client)->time_zone = "Europe/Helsinki";  // one hour ahead
  MeetingSeries m = weekly_monday();
  m.start = LocalTime{16 * 60 + 30};  // 16:30-17:00 Amsterdam = 17:30-18:00 Helsinki
  m.attendees = {b.client, b.provider};
  Id series = add(b.e, m);
  Boundary hours;
  hours.kind = BoundaryKind::WorkingHours;
  hours.title = "Working hours";
  hours.day_start = LocalTime{9 * 60};
  hours.day_end = LocalTime{17 * 60};
  hours.hours_side = Side::Provider;
  Id provider_hours = add(b.e, hours);
  Date as_of = d(2026, 3, 2);

  CHECK(run(b.e, as_of, kCheckOutsideHours).empty());  // ends exactly at 17:00 provider time

  SECTION("in the client's time zone it is after hours") {
    b.e.boundaries.find(provider_hours)->hours_side = Side::Client;
    auto f = run(b.e, as_of, kCheckOutsideHours);
    REQUIRE(f.size() == 1);
    CHECK(f[0].item == series);
    CHECK(f[0].related == std::vector<Id>{provider_hours});
    CHECK(f[0].internal);
    CHECK(contains(f[0].message, "the client's time"));
    CHECK(contains(f[0].message, "at 17:30"));
    CHECK(f[0].occurrence == d(2026, 2, 2));  // 28 days back is the window's start
  }
  SECTION("a minute later is outside") {
    b.e.meetings.find(series)->start = LocalTime{16 * 60 + 31};
    auto f = run(b.e, as_of, kCheckOutsideHours);
    REQUIRE(f.size() == 1);
    CHECK_FALSE(f[0].internal);
  }
  SECTION("a weekend day is outside") {
    b.e.meetings.find(series)->recurrence.weekdays = kSaturday;
    b.e.meetings.find(series)->first_date = d(2026, 1, 10);
    CHECK(run(b.e, as_of, kCheckOutsideHours).size() == 1);
  }
  SECTION("cancelled occurrences do not count") {
    MeetingSeries& s = *b.e.meetings.find(series);
    s.start = LocalTime{18 * 60};
    s.recurrence.until = d(2026, 3, 9);
    s.overrides[d(2026, 3, 2)] = cancelled();
    s.overrides[d(2026, 3, 9)] = cancelled();
    s.first_date = d(2026, 3, 2);
    CHECK(run(b.e, as_of, kCheckOutsideHours).empty());
  }
}

TEST_CASE("health: meetings inside a blackout", "[health]") {
  Base b;
  MeetingSeries m = weekly_monday();
  Id series = add(b.e, m);
  Boundary off;
  off.kind = BoundaryKind::Blackout;
  off.title = "Holiday";
  off.from = d(2026, 3, 10);  // Tuesday after a Monday meeting
  off.to = d(2026, 3, 15);    // Sunday before the next
  Id holiday = add(b.e, off);
  Date as_of = d(2026, 3, 2);
  CHECK(run(b.e, as_of, kCheckInBlackout).empty());

  b.e.boundaries.find(holiday)->to = d(2026, 3, 16);  // now covers Monday 16 March
  auto f = run(b.e, as_of, kCheckInBlackout);
  REQUIRE(f.size() == 1);
  CHECK(f[0].item == series);
  CHECK(f[0].date == d(2026, 3, 16));
  CHECK(f[0].occurrence == d(2026, 3, 16));
  CHECK(f[0].related == std::vector<Id>{holiday});
  CHECK(contains(f[0].message, "inside Holiday (2026-03-10 to 2026-03-16) on 1 date: 2026-03-16"));

  b.e.meetings.find(series)->overrides[d(2026, 3, 16)] = cancelled();
  CHECK(run(b.e, as_of, kCheckInBlackout).empty());

  SECTION("beyond the look-ahead it is not checked yet") {
    b.e.meetings.find(series)->overrides.clear();
    HealthSettings s;
    s.boundary_days_ahead = 13;
    CHECK(run(b.e, as_of, kCheckInBlackout, s).empty());
    s.boundary_days_ahead = 14;
    CHECK(run(b.e, as_of, kCheckInBlackout, s).size() == 1);
  }
}

TEST_CASE("health: an included quota used up", "[health]") {
  Base b;
  Boundary q;
  q.kind = BoundaryKind::Quota;
  q.title = "Revision rounds";
  q.included = 2;
  q.used = 1;
  q.unit = "revision round";
  q.extra_rate_minor = 60000;
  Id id = add(b.e, q);
  CHECK(run(b.e, d(2026, 2, 1), kCheckQuotaUsedUp).empty());

  b.e.boundaries.find(id)->used = 2;
  auto f = run(b.e, d(2026, 2, 1), kCheckQuotaUsedUp);
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::Info);
  CHECK(contains(f[0].message, "billed at €600.00 each"));

  b.e.boundaries.find(id)->used = 4;
  f = run(b.e, d(2026, 2, 1), kCheckQuotaUsedUp);
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::Warning);
  CHECK(contains(f[0].message, "2 extra revision rounds billable: €1,200.00 at €600.00 each"));
  CHECK_FALSE(f[0].internal);
}

TEST_CASE("health: communication plan gaps", "[health]") {
  Base b;
  Stakeholder backup;
  backup.name = "Sanna";
  Id sanna = add(b.e, backup);
  Stakeholder eva;
  eva.side = Side::Provider;
  eva.name = "Eva";
  Id eva_id = add(b.e, eva);
  CommunicationChannel ch;
  ch.kind = ChannelKind::VideoCall;
  ch.purpose = "Weekly check-in";
  ch.response_time_hours = 24;
  ch.client_primary = b.client;
  ch.client_backup = sanna;
  ch.provider_primary = b.provider;
  ch.provider_backup = eva_id;
  Id id = add(b.e, ch);
  auto all = check_health(b.e, d(2026, 2, 1));
  CHECK(of(all, kCheckNoPrimary).empty());
  CHECK(of(all, kCheckNoBackup).empty());
  CHECK(of(all, kCheckNoResponseTime).empty());
  CHECK(of(all, kCheckStakeholderNoChannel).empty());

  CommunicationChannel& c = *b.e.channels.find(id);
  c.client_backup = kNoId;
  c.provider_primary = 999;  // dangling: treated as missing
  c.response_time_hours = 0;
  all = check_health(b.e, d(2026, 2, 1));
  auto backup_gap = of(all, kCheckNoBackup);
  REQUIRE(backup_gap.size() == 1);
  CHECK(contains(backup_gap[0].message, "client side (primary: Aino)"));
  CHECK_FALSE(backup_gap[0].internal);
  auto primary_gap = of(all, kCheckNoPrimary);
  REQUIRE(primary_gap.size() == 1);
  CHECK(contains(primary_gap[0].message, "provider side"));
  CHECK(primary_gap[0].internal);
  CHECK(of(all, kCheckNoResponseTime).size() == 1);
  CHECK(of(all, kCheckNoResponseTime)[0].item == id);

  SECTION("a high-influence stakeholder with no channel") {
    Stakeholder boss;
    boss.name = "CEO";
    boss.influence = Level::High;
    Id ceo = add(b.e, boss);
    auto f = run(b.e, d(2026, 2, 1), kCheckStakeholderNoChannel);
    REQUIRE(f.size() == 1);
    CHECK(f[0].item == ceo);
    b.e.channels.find(id)->client_backup = ceo;  // a backup is enough
    CHECK(run(b.e, d(2026, 2, 1), kCheckStakeholderNoChannel).empty());
  }
}

TEST_CASE("health: expectations unconfirmed or unmet without explanation", "[health]") {
  Base b;
  Id x = add(b.e, Expectation{0, "Bookings from Instagram", b.client, false,
                              ExpectationStatus::Unconfirmed, d(2026, 1, 5), ""});
  CHECK(run(b.e, d(2026, 1, 19), kCheckExpectationUnconfirmed).empty());  // exactly 14 days
  auto f = run(b.e, d(2026, 1, 20), kCheckExpectationUnconfirmed);
  REQUIRE(f.size() == 1);
  CHECK(f[0].item == x);
  CHECK(f[0].internal);  // inferred by the provider
  CHECK(contains(f[0].message, "15 days"));
  b.e.expectations.find(x)->stated = true;
  CHECK_FALSE(run(b.e, d(2026, 1, 20), kCheckExpectationUnconfirmed)[0].internal);
  b.e.expectations.find(x)->status = ExpectationStatus::Confirmed;
  CHECK(run(b.e, d(2026, 1, 20), kCheckExpectationUnconfirmed).empty());

  Id y =
      add(b.e, Expectation{0, "Top search ranking", b.client, true, ExpectationStatus::WillNotBeMet,
                           d(2026, 1, 5), "Rankings cannot be guaranteed."});
  CHECK(run(b.e, d(2026, 1, 20), kCheckExpectationUnexplained).empty());
  b.e.expectations.find(y)->explanation = "";
  auto g = run(b.e, d(2026, 1, 20), kCheckExpectationUnexplained);
  REQUIRE(g.size() == 1);
  CHECK(g[0].severity == Severity::Problem);
  CHECK(g[0].item == y);
}

TEST_CASE("health: cadence of contact with the client", "[health]") {
  Base b;
  add(b.e, Feedback{0, d(2026, 1, 5), b.client, 1, "Good start", ""});

  SECTION("a fixed cadence") {
    HealthSettings s;
    s.cadence_days = 14;
    CHECK(run(b.e, d(2026, 1, 19), kCheckCadence, s).empty());
    auto f = run(b.e, d(2026, 1, 20), kCheckCadence, s);
    REQUIRE(f.size() == 1);
    CHECK(f[0].severity == Severity::Warning);
    CHECK(f[0].date == d(2026, 1, 5));
    CHECK(f[0].item == kNoId);
    CHECK(run(b.e, d(2026, 2, 3), kCheckCadence, s)[0].severity ==
          Severity::Problem);  // 29 days > 2 x 14
  }
  SECTION("without series the fallback is 14 days") {
    CHECK(run(b.e, d(2026, 1, 19), kCheckCadence).empty());
    CHECK(run(b.e, d(2026, 1, 20), kCheckCadence).size() == 1);
  }
  SECTION("the plan's weekly meeting sets a 7-day cadence and a held one is a touchpoint") {
    MeetingSeries m = weekly_monday();
    m.overrides[d(2026, 1, 12)] = held();
    add(b.e, m);
    CHECK(run(b.e, d(2026, 1, 19), kCheckCadence).empty());
    auto f = run(b.e, d(2026, 1, 20), kCheckCadence);
    REQUIRE(f.size() == 1);
    CHECK(f[0].date == d(2026, 1, 12));
    CHECK(contains(f[0].message, "8 days"));
  }
  SECTION("not checked outside the engagement") {
    CHECK(run(b.e, d(2027, 6, 1), kCheckCadence).empty());
  }
}

TEST_CASE("health: a milestone within two weeks waiting on open client tasks", "[health]") {
  Base b;
  Date as_of = d(2026, 3, 2);
  Id m = add(b.e, Milestone{0, "Beta", d(2026, 3, 16), d(2026, 3, 16)});  // as_of + 14
  Id t = add(b.e, ClientTask{0, "POS credentials", b.client, d(2026, 2, 1), d(2026, 3, 9),
                             TaskStatus::Open, std::nullopt, m});
  auto f = run(b.e, as_of, kCheckMilestoneWaits);
  REQUIRE(f.size() == 1);
  CHECK(f[0].item == m);
  CHECK(f[0].related == std::vector<Id>{t});
  CHECK(f[0].severity == Severity::Warning);
  CHECK(contains(f[0].message, "Beta is due in 14 days"));
  CHECK(contains(f[0].message, "“POS credentials” (Aino)"));

  CHECK(run(b.e, d(2026, 3, 1), kCheckMilestoneWaits).empty());  // 15 days away
  CHECK(run(b.e, d(2026, 3, 10), kCheckMilestoneWaits)[0].severity ==
        Severity::Problem);  // task overdue
  b.e.client_tasks.find(t)->status = TaskStatus::Done;
  CHECK(run(b.e, as_of, kCheckMilestoneWaits).empty());
}

TEST_CASE("health: the demo as of 2026-11-24", "[health]") {
  Engagement e = make_demo();
  Date as_of = d(2026, 11, 24);
  auto all = check_health(e, as_of);
  auto has = [&](std::string_view check) { return !of(all, check).empty(); };
  CHECK(has(kCheckRecapMissing));
  CHECK(has(kCheckTaskOverdue));
  CHECK(has(kCheckMilestoneDrift));
  CHECK(has(kCheckNoBackup));
  CHECK(has(kCheckQuotaUsedUp));
  CHECK(has(kCheckInBlackout));  // the weekly check-in runs through the Christmas break
  CHECK(has(kCheckScopeCreep));
  CHECK(has(kCheckExpectationUnconfirmed));
  CHECK_FALSE(has(kCheckDecisionWaiting));  // the landing page: 4 working days
  CHECK_FALSE(has(kCheckConsistency));      // 6 of 7 held
  CHECK_FALSE(has(kCheckCadence));
  CHECK_FALSE(has(kCheckRejectionUnexplained));
  CHECK_FALSE(has(kCheckOutsideHours));

  auto recap = of(all, kCheckRecapMissing);
  REQUIRE(recap.size() == 1);
  CHECK(recap[0].occurrence == d(2026, 11, 20));
  auto overdue = of(all, kCheckTaskOverdue);
  REQUIRE(overdue.size() == 1);
  CHECK(contains(overdue[0].message, "Sanna Järvinen"));
  auto drift = of(all, kCheckMilestoneDrift);
  REQUIRE(drift.size() == 3);  // design unexplained; beta and launch agreed
  CHECK(std::count_if(drift.begin(), drift.end(),
                      [](const Finding& f) { return f.severity == Severity::Warning; }) == 1);

  // Sorted by severity, then date.
  for (size_t i = 1; i < all.size(); ++i) {
    CHECK(all[i - 1].severity >= all[i].severity);
    if (all[i - 1].severity == all[i].severity) CHECK(all[i - 1].date <= all[i].date);
  }
  // Every finding names something and says what to do.
  for (const Finding& f : all) {
    CHECK_FALSE(f.message.empty());
    CHECK_FALSE(f.next_step.empty());
  }

  std::string summary = health_summary(all);
  CHECK(summary.rfind("6 warnings: ", 0) == 0);
  std::string report = health_report(e, as_of, all);
  CHECK(contains(report, "Health of \"Website relaunch\" as of 2026-11-24"));
  CHECK(contains(report, "recap-missing"));
  std::string shared = health_report(e, as_of, all, false);  // presentation mode
  CHECK_FALSE(contains(shared, "recap-missing"));
  CHECK(contains(shared, "client-task-overdue"));
}

TEST_CASE("health: the status-bar summary", "[health]") {
  auto finding = [](Severity s, std::string_view check, size_t related = 0) {
    Finding f;
    f.severity = s;
    f.check = std::string(check);
    f.related.resize(related);
    return f;
  };
  std::vector<Finding> all{finding(Severity::Warning, kCheckRecapMissing),
                           finding(Severity::Warning, kCheckRecapMissing),
                           finding(Severity::Warning, kCheckTaskOverdue, 1),
                           finding(Severity::Info, kCheckNoBackup)};
  CHECK(health_summary(all) == "3 warnings: 2 recaps missing, 1 overdue client task");
  all.push_back(finding(Severity::Problem, kCheckExpectationUnexplained));
  CHECK(health_summary(all) ==
        "1 problem, 3 warnings: 1 expectation unmet without explanation, 2 recaps missing, 1 "
        "overdue client task");
  CHECK(health_summary({finding(Severity::Info, kCheckNoBackup)}) ==
        "1 note: 1 channel without backup");
}

TEST_CASE("health: chart series", "[health]") {
  Engagement e = make_demo();
  auto sentiment = sentiment_over_time(e, d(2026, 11, 24));
  REQUIRE(sentiment.size() == 4);
  CHECK(sentiment.front().date == d(2026, 10, 9));
  CHECK(sentiment.front().value == 2.0);
  CHECK(sentiment.back().value == 1.0);
  CHECK(sentiment_over_time(e, d(2026, 10, 22)).size() == 1);

  auto months = consistency_by_month(e, d(2026, 11, 24));
  REQUIRE(months.size() == 2);
  CHECK(months[0].date == d(2026, 10, 1));
  CHECK(months[0].value == Approx(4.0 / 5.0));  // kickoff + 3 held of 4 weekly (one cancelled)
  CHECK(months[1].date == d(2026, 11, 1));
  CHECK(months[1].value == Approx(1.0));  // steering + 3 weekly, all held
}

TEST_CASE("health: broken files do not break the checks", "[health]") {
  Base b;
  MeetingSeries m = weekly_monday();
  m.recurrence.interval = 0;  // invalid: no occurrences
  m.overrides[d(2026, 1, 5)] = held("");
  add(b.e, m);
  ChangeRequest cr;
  cr.status = ChangeStatus::Approved;
  cr.impacts = {{12345, 3}};
  add(b.e, cr);
  add(b.e, Milestone{0, "M", d(2026, 1, 1), d(2026, 1, 1)});
  add(b.e,
      ClientTask{0, "T", 777, d(2026, 1, 1), d(2026, 1, 2), TaskStatus::Open, std::nullopt, 4242});
  Boundary bad;
  bad.kind = BoundaryKind::Blackout;
  bad.from = d(2026, 2, 1);
  bad.to = d(2026, 1, 1);  // reversed
  add(b.e, bad);
  Boundary hours;
  hours.kind = BoundaryKind::WorkingHours;
  hours.working_days = 0;
  add(b.e, hours);
  auto all = check_health(b.e, d(2026, 2, 1));
  CHECK(of(all, kCheckRecapMissing).empty());
  CHECK_FALSE(health_report(b.e, d(2026, 2, 1), all).empty());
}

TEST_CASE("health: a generated engagement is checked quickly and deterministically", "[health]") {
  Engagement e = generate_engagement(10000, 3);
  Date mid = e.info.start.plus_days((e.info.end.days - e.info.start.days) / 2);
  auto a = check_health(e, mid);
  auto b = check_health(e, mid);
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].check == b[i].check);
    CHECK(a[i].item == b[i].item);
  }
  CHECK_FALSE(a.empty());
}

// `rapport check` without --all: findings summarised per check.

namespace {

Finding made(Severity s, std::string_view check, std::string message, bool internal = false) {
  Finding f;
  f.severity = s;
  f.check = std::string(check);
  f.message = std::move(message);
  f.next_step = "Do something";
  f.date = d(2026, 11, 20);
  f.internal = internal;
  return f;
}

size_t lines_in(const std::string& s) { return size_t(std::count(s.begin(), s.end(), '\n')); }

}  // namespace

TEST_CASE("health: the report by check shows each check's count and its first findings",
          "[health]") {
  Base b;
  std::vector<Finding> all;
  all.push_back(made(Severity::Problem, kCheckExpectationUnexplained, "Expectation A"));
  for (int i = 0; i < 5; ++i)
    all.push_back(made(Severity::Warning, kCheckRecapMissing, "Recap " + std::to_string(i)));
  for (int i = 0; i < 2; ++i)
    all.push_back(made(Severity::Warning, kCheckTaskOverdue, "Task " + std::to_string(i)));
  all.push_back(made(Severity::Info, kCheckNoBackup, "Channel X"));
  const Date as_of = d(2026, 11, 24);
  const std::string text = health_report_by_check(b.e, as_of, all);
  INFO(text);
  // The same header line as the full report.
  CHECK(text.rfind("Health of \"Test\" as of 2026-11-24: 1 problem, 7 warnings: ", 0) == 0);
  // Worst severity first, then the most findings.
  const size_t problem = text.find("\nexpectation-unexplained: 1 problem\n");
  const size_t recaps = text.find("\nrecap-missing: 5 warnings\n");
  const size_t tasks = text.find("\nclient-task-overdue: 2 warnings\n");
  const size_t notes = text.find("\nchannel-no-backup: 1 note\n");
  REQUIRE(problem != std::string::npos);
  REQUIRE(recaps != std::string::npos);
  REQUIRE(tasks != std::string::npos);
  REQUIRE(notes != std::string::npos);
  CHECK(problem < recaps);
  CHECK(recaps < tasks);
  CHECK(tasks < notes);
  // The first three recaps, then how many more.
  CHECK(contains(text,
                 "  [warning] 2026-11-20  recap-missing  Recap 2\n      next: Do something\n  … "
                 "and 2 more\n"));
  CHECK_FALSE(contains(text, "Recap 3"));
  CHECK(contains(text, "Task 1"));
  CHECK(contains(text, "\n2 findings not shown: rapport check --all lists every finding.\n"));
  // One example each: the full count stays in the heading.
  const std::string one = health_report_by_check(b.e, as_of, all, 1);
  CHECK(contains(one, "  … and 4 more\n"));
  CHECK(contains(one, "\n5 findings not shown"));
}

TEST_CASE("health: the report by check names nothing left out when every finding is shown",
          "[health]") {
  Base b;
  std::vector<Finding> all{made(Severity::Warning, kCheckRecapMissing, "Recap"),
                           made(Severity::Warning, kCheckRecapMissing, "Internal recap", true)};
  const std::string text = health_report_by_check(b.e, d(2026, 11, 24), all);
  CHECK(contains(text, "\nrecap-missing: 2 warnings\n"));
  CHECK_FALSE(contains(text, "more"));
  CHECK_FALSE(contains(text, "not shown"));
  // Presentation mode drops internal findings from the counts as well.
  const std::string shared = health_report_by_check(b.e, d(2026, 11, 24), all, 3, false);
  CHECK(contains(shared, "\nrecap-missing: 1 warning\n"));
  CHECK_FALSE(contains(shared, "Internal recap"));
  CHECK(health_report_by_check(b.e, d(2026, 11, 24), {}) ==
        "Health of \"Test\" as of 2026-11-24: No findings\n");
}

TEST_CASE(
    "health: the report by check of a large engagement stays short while the full report lists "
    "every finding",
    "[health]") {
  Engagement e = generate_engagement(20000, 3);
  Date mid = e.info.start.plus_days((e.info.end.days - e.info.start.days) / 2);
  auto all = check_health(e, mid);
  const std::string full = health_report(e, mid, all);
  const std::string short_text = health_report_by_check(e, mid, all);
  REQUIRE(all.size() > 200);
  CHECK(lines_in(full) > all.size());
  // A heading, three findings of two lines and one "more" line per check id,
  // the header and the closing line: bounded by the 19 check ids.
  CHECK(lines_in(short_text) <= 3 + 19 * (2 + 3 * 2 + 1));
  CHECK(short_text.substr(0, short_text.find('\n')) == full.substr(0, full.find('\n')));
}

TEST_CASE("health: the reports show control characters from the file as escapes", "[health]") {
  Base b;
  b.e.info.name = "Relaunch\x1b]0;pwned\x07\x1b[2J";
  std::vector<Finding> all{
      made(Severity::Warning, kCheckRecapMissing, "Weekly\x1b[31m check-in\r\nforged line"),
      made(Severity::Warning, kCheckRecapMissing,
           "Fine \xC2\x9B"
           "2J – “ä”")};
  all[1].next_step = "Call\x07 them";
  for (const std::string& text : {health_report(b.e, d(2026, 11, 24), all),
                                  health_report_by_check(b.e, d(2026, 11, 24), all)}) {
    INFO(text);
    CHECK(text.find('\x1b') == std::string::npos);
    CHECK(text.find('\x07') == std::string::npos);
    CHECK(text.find('\r') == std::string::npos);
    CHECK(text.find("\xC2\x9B") == std::string::npos);
    CHECK(contains(text, "Health of \"Relaunch\\x1b]0;pwned\\x07\\x1b[2J\" as of 2026-11-24"));
    CHECK(contains(text, "Weekly\\x1b[31m check-in\\r\\nforged line\n"));
    CHECK(contains(text, "Fine \\u009b2J – “ä”\n"));
    CHECK(contains(text, "next: Call\\x07 them\n"));
  }
}
