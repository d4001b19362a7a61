// Client-safe open points next to the health findings: which findings have
// one, that they name their item without advice or internal text, their
// wording, and client_open_points()' choice and order. The demo and a small
// engagement that triggers every check, both as of 2026-11-24 (a Tuesday).
#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "rapport/demo.hpp"
#include "rapport/fields.hpp"
#include "rapport/health.hpp"

using namespace rapport;

namespace {

Date d(int y, unsigned m, unsigned day) { return Date::from_ymd(y, m, day); }

const Date kAsOf = d(2026, 11, 24);

template <class T>
Id add(Engagement& e, T item) {
  return insert_item(e, std::move(item));
}

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

std::vector<Finding> of(const std::vector<Finding>& all, std::string_view check) {
  std::vector<Finding> out;
  for (const Finding& f : all)
    if (f.check == check) out.push_back(f);
  return out;
}

// The checks whose client-facing findings say something to the client. The
// others are internal or the provider's housekeeping; milestone drift has one
// only when the move is not covered by an approved change request (a warning).
const std::set<std::string_view> kWithOpenPoint = {
    kCheckTaskOverdue,  kCheckDecisionWaiting, kCheckMilestoneWaits,         kCheckInBlackout,
    kCheckOutsideHours, kCheckQuotaUsedUp,     kCheckExpectationUnconfirmed, kCheckQuotaRunningOut,
};
const std::set<std::string_view> kHousekeeping = {
    kCheckTaskNoOwner, kCheckNoPrimary, kCheckNoBackup, kCheckNoResponseTime, kCheckScopeCreep,
};

bool should_have_open_point(const Finding& f) {
  if (f.internal) return false;
  if (f.check == kCheckMilestoneDrift) return f.severity == Severity::Warning;
  return kWithOpenPoint.count(f.check) > 0;
}

// The title of the item a finding is about, as the client knows it.
std::string title_of(const Engagement& e, Id id) {
  if (const ClientTask* t = e.client_tasks.find(id)) return name_of(*t);
  if (const ChangeRequest* c = e.change_requests.find(id)) return name_of(*c);
  if (const Milestone* m = e.milestones.find(id)) return name_of(*m);
  if (const MeetingSeries* s = e.meetings.find(id)) return name_of(*s);
  if (const Boundary* b = e.boundaries.find(id)) return name_of(*b);
  if (const Expectation* x = e.expectations.find(id)) return name_of(*x);
  return "";
}

// Every check triggered, each with a client-facing and (where the check has
// one) an internal finding, and a secret in every internal field that could
// reach a finding's text.
struct Everything {
  Engagement e;
  HealthSettings settings;
  Id sanna = kNoId, jukka = kNoId, eva = kNoId;
  Id copy = kNoId, photos = kNoId, keys = kNoId, landing = kNoId, beta = kNoId, hidden = kNoId;
  Id weekly = kNoId, quota = kNoId, easter = kNoId;

  Everything() {
    e.info.name = "Spring campaign";
    e.info.time_zone = "UTC";
    e.info.start = d(2026, 9, 1);
    e.info.end = d(2027, 6, 30);
    e.info.internal_notes = "SECRET-engagement-note";
    settings.cadence_days = 2;  // the last touchpoint (20 Nov) is 4 days back: a silence

    Stakeholder s;
    s.side = Side::Client;
    s.name = "Sanna";
    s.influence = Level::High;  // on no channel: an internal finding
    s.internal_notes = "SECRET-stakeholder-note";
    sanna = add(e, s);
    s.name = "Jukka";
    s.influence = Level::Medium;
    jukka = add(e, s);
    Stakeholder p;
    p.side = Side::Provider;
    p.name = "Eva";
    eva = add(e, p);

    // Overdue client tasks: two of Sanna's, one of Jukka's; one without owner.
    copy = add(e, ClientTask{0, "Final Finnish copy", sanna, d(2026, 10, 1), d(2026, 11, 20)});
    photos = add(e, ClientTask{0, "Menu photos", sanna, d(2026, 10, 1), d(2026, 11, 23)});
    keys = add(e, ClientTask{0, "POS API keys", jukka, d(2026, 10, 1), d(2026, 11, 19)});
    add(e, ClientTask{0, "Nobody's task", kNoId, d(2026, 10, 1), d(2026, 11, 2)});

    // Milestones within two weeks waiting on open tasks; both drifted without
    // an approved change request. The hidden one's title is internal.
    beta = add(e, Milestone{0, "Beta", d(2026, 11, 27), d(2026, 12, 1)});
    Milestone secret{0, "SECRET-hidden-milestone", d(2026, 11, 26), d(2026, 12, 3)};
    secret.client_visible = false;
    hidden = add(e, secret);
    add(e, ClientTask{0, "Test bookings", jukka, d(2026, 11, 1), d(2026, 11, 30), TaskStatus::Open,
                      std::nullopt, beta});
    add(e, ClientTask{0, "Test payments", jukka, d(2026, 11, 1), d(2026, 11, 30), TaskStatus::Open,
                      std::nullopt, beta});
    add(e, ClientTask{0, "Staff training", jukka, d(2026, 11, 1), d(2026, 12, 2), TaskStatus::Open,
                      std::nullopt, hidden});

    // Change requests: one waiting, one rejected without a reason, one approved.
    ChangeRequest cr;
    cr.title = "Extra landing page for the spring menu";
    cr.requested_by = sanna;
    cr.requested_on = d(2026, 11, 12);  // 8 working days before 24 Nov
    cr.internal_notes = "SECRET-change-request-note";
    landing = add(e, cr);
    ChangeRequest rejected;
    rejected.title = "Loyalty app";
    rejected.requested_by = sanna;
    rejected.requested_on = d(2026, 10, 1);
    rejected.status = ChangeStatus::Rejected;
    rejected.decided_on = d(2026, 10, 8);
    rejected.internal_notes = "SECRET-rejection-note";
    add(e, rejected);
    ChangeRequest approved;
    approved.title = "Swedish booking widget";
    approved.requested_by = sanna;
    approved.requested_on = d(2026, 10, 1);
    approved.status = ChangeStatus::Approved;
    approved.decided_on = d(2026, 10, 6);
    approved.cost_minor = 100000;
    approved.internal_notes = "SECRET-approved-note";
    add(e, approved);

    // A weekly check-in on Fridays, 16:30-17:30: outside the provider's hours
    // (client-facing) and the client's (internal), with a held meeting
    // without a recap on 20 Nov, and Christmas inside a blackout.
    MeetingSeries m;
    m.title = "Weekly check-in";
    m.first_date = d(2026, 11, 6);
    m.start = LocalTime{16 * 60 + 30};
    m.duration_minutes = 60;
    m.recurrence.frequency = Frequency::Weekly;
    m.recurrence.weekdays = kFriday;
    m.attendees = {sanna, eva};
    OccurrenceOverride held;
    held.state = OccurrenceState::Held;
    m.overrides[d(2026, 11, 20)] = held;
    weekly = add(e, m);
    Boundary hours;
    hours.kind = BoundaryKind::WorkingHours;
    hours.title = "Studio hours";
    hours.hours_side = Side::Provider;
    add(e, hours);
    Boundary client_hours = hours;
    client_hours.title = "Office hours";
    client_hours.hours_side = Side::Client;
    client_hours.day_end = LocalTime{16 * 60};
    add(e, client_hours);
    Boundary xmas;
    xmas.kind = BoundaryKind::Blackout;
    xmas.title = "Christmas break";
    xmas.from = d(2026, 12, 21);
    xmas.to = d(2026, 12, 27);
    add(e, xmas);
    Boundary rounds;
    rounds.kind = BoundaryKind::Quota;
    rounds.title = "Revision rounds";
    rounds.included = 2;
    rounds.used = 2;
    rounds.unit = "revision round";
    rounds.extra_rate_minor = 60000;
    quota = add(e, rounds);

    // Channels: one without primary contacts, one without backups; neither
    // promises a response time.
    CommunicationChannel chat;
    chat.kind = ChannelKind::Chat;
    chat.purpose = "Quick questions";
    add(e, chat);
    CommunicationChannel email;
    email.purpose = "Approvals";
    email.client_primary = jukka;
    email.provider_primary = eva;
    add(e, email);

    // Expectations: stated and unconfirmed, inferred and unconfirmed, unmet.
    easter = add(e, Expectation{0, "Launch before Easter", sanna, true,
                                ExpectationStatus::Unconfirmed, d(2026, 10, 1), ""});
    add(e, Expectation{0, "Bookings from Instagram", sanna, false, ExpectationStatus::Unconfirmed,
                       d(2026, 10, 1), ""});
    add(e, Expectation{0, "Top search ranking", sanna, true, ExpectationStatus::WillNotBeMet,
                       d(2026, 10, 1), ""});
  }
};

// The advice and judgement a client must never read in an open point.
const std::vector<std::string_view> kAdvice = {
    "before they notice", "Tell the client", "Ask", "Next:", "Remind", "invoice", "billable",
};

}  // namespace

TEST_CASE("open points: the small engagement triggers every check, client-facing and internal",
          "[health][open-points]") {
  // The other tests rely on this: each check has findings to judge.
  Everything x;
  auto all = check_health(x.e, kAsOf, x.settings);
  for (std::string_view check :
       {kCheckConsistency, kCheckRecapMissing, kCheckTaskOverdue, kCheckTaskNoOwner,
        kCheckDecisionWaiting, kCheckRejectionUnexplained, kCheckScopeCreep, kCheckMilestoneDrift,
        kCheckOutsideHours, kCheckInBlackout, kCheckQuotaUsedUp, kCheckNoPrimary, kCheckNoBackup,
        kCheckNoResponseTime, kCheckStakeholderNoChannel, kCheckExpectationUnconfirmed,
        kCheckExpectationUnexplained, kCheckCadence, kCheckMilestoneWaits}) {
    INFO(check);
    CHECK_FALSE(of(all, check).empty());
  }
  for (std::string_view check : {kCheckMilestoneDrift, kCheckMilestoneWaits, kCheckOutsideHours,
                                 kCheckExpectationUnconfirmed}) {
    INFO(check);
    auto found = of(all, check);
    CHECK(std::count_if(found.begin(), found.end(), [](const Finding& f) { return f.internal; }) ==
          1);
    CHECK(std::count_if(found.begin(), found.end(), [](const Finding& f) { return !f.internal; }) ==
          1);
  }
}

TEST_CASE("open points: each client-facing finding of a check with one names its item",
          "[health][open-points]") {
  Everything x;
  Engagement demo = make_demo();
  for (const auto& [e, settings] :
       {std::pair{&x.e, x.settings}, std::pair{&demo, HealthSettings{}}}) {
    size_t named = 0;
    for (const Finding& f : check_health(*e, kAsOf, settings)) {
      INFO(f.check << ": " << f.message);
      if (should_have_open_point(f)) {
        std::string title = title_of(*e, f.item);
        REQUIRE_FALSE(title.empty());
        CHECK(contains(f.open_point, title));
        ++named;
      } else {
        // Internal, housekeeping, or a drift agreed through change requests.
        CHECK(f.open_point.empty());
      }
    }
    CHECK(named >= 4);
  }
}

TEST_CASE("open points: internal findings have none and housekeeping has none",
          "[health][open-points]") {
  Everything x;
  auto all = check_health(x.e, kAsOf, x.settings);
  size_t internal = 0, housekeeping = 0;
  for (const Finding& f : all) {
    INFO(f.check << ": " << f.message);
    if (f.internal) {
      ++internal;
      CHECK(f.open_point.empty());
    }
    if (kHousekeeping.count(f.check)) {
      ++housekeeping;
      CHECK(f.open_point.empty());
    }
  }
  CHECK(internal >= 10);
  CHECK(housekeeping >= 5);
}

TEST_CASE("open points: no open point carries advice or its finding's next step",
          "[health][open-points]") {
  Everything x;
  Engagement demo = make_demo();
  for (const auto& [e, settings] :
       {std::pair{&x.e, x.settings}, std::pair{&demo, HealthSettings{}}}) {
    size_t checked = 0;
    for (const Finding& f : check_health(*e, kAsOf, settings)) {
      if (f.open_point.empty()) continue;
      INFO(f.check << ": " << f.open_point);
      ++checked;
      CHECK_FALSE(f.next_step.empty());
      CHECK_FALSE(contains(f.open_point, f.next_step));
      CHECK(f.open_point != f.message);
      for (std::string_view advice : kAdvice) CHECK_FALSE(contains(f.open_point, advice));
    }
    CHECK(checked >= 4);
  }
}

TEST_CASE("open points: no open point shows an internal text", "[health][open-points]") {
  Everything x;
  Engagement demo = make_demo();
  for (const auto& [e, settings] :
       {std::pair{&x.e, x.settings}, std::pair{&demo, HealthSettings{}}}) {
    std::vector<std::string> secrets = internal_texts(*e);
    REQUIRE(secrets.size() >= 3);
    auto all = check_health(*e, kAsOf, settings);
    // The secrets do reach the provider's messages: the test is not vacuous.
    if (e == &x.e) {
      bool in_messages = std::any_of(all.begin(), all.end(), [](const Finding& f) {
        return contains(f.message, "SECRET-hidden-milestone");
      });
      CHECK(in_messages);
    }
    for (const Finding& f : all)
      for (const std::string& secret : secrets) {
        INFO(f.check << ": " << f.open_point);
        CHECK_FALSE(contains(f.open_point, secret));
      }
  }
}

TEST_CASE("open points: an overdue client task reads as its due date, open",
          "[health][open-points]") {
  Everything x;
  auto overdue = of(check_health(x.e, kAsOf, x.settings), kCheckTaskOverdue);
  REQUIRE(overdue.size() == 2);  // one per owner, the oldest first
  CHECK(overdue[0].item == x.keys);
  CHECK(overdue[0].open_point == "POS API keys: due 19 Nov, open");
  CHECK(overdue[1].item == x.copy);
  CHECK(overdue[1].open_point == "Final Finnish copy and 1 more task: due from 20 Nov, open");
  // No owner named, no days counted: the message says that for the provider.
  CHECK_FALSE(contains(overdue[1].open_point, "Sanna"));
  CHECK(contains(overdue[1].message, "Sanna"));

  Engagement demo = make_demo();
  auto in_demo = of(check_health(demo, kAsOf), kCheckTaskOverdue);
  REQUIRE(in_demo.size() == 1);
  CHECK(in_demo[0].open_point == "Final Finnish copy for the menu pages: due 20 Nov, open");
}

TEST_CASE("open points: a change request waiting for a decision reads as since when",
          "[health][open-points]") {
  Everything x;
  auto waiting = of(check_health(x.e, kAsOf, x.settings), kCheckDecisionWaiting);
  REQUIRE(waiting.size() == 1);
  CHECK(waiting[0].item == x.landing);
  CHECK(waiting[0].open_point ==
        "Extra landing page for the spring menu: waiting for a decision since 12 Nov");
}

TEST_CASE("open points: a missing recap stays internal and gives the client no open point",
          "[health][open-points]") {
  // A recap the provider owes is about the provider's own conduct: the
  // finding is internal (presentation mode hides it), so the client view
  // lists nothing for it, not even "recap to follow".
  Everything x;
  auto all = check_health(x.e, kAsOf, x.settings);
  auto recap = of(all, kCheckRecapMissing);
  REQUIRE(recap.size() == 1);
  CHECK(recap[0].item == x.weekly);
  CHECK(recap[0].occurrence == d(2026, 11, 20));
  CHECK(recap[0].internal);
  CHECK(recap[0].open_point.empty());
  for (const Finding* f : client_open_points(all)) CHECK(f->check != kCheckRecapMissing);
}

TEST_CASE("open points: the other checks' wordings are facts with dates like 20 Nov",
          "[health][open-points]") {
  Everything x;
  auto all = check_health(x.e, kAsOf, x.settings);
  auto client_side = [&](std::string_view check) {
    for (const Finding& f : of(all, check))
      if (!f.internal) return f.open_point;
    return std::string("(none)");
  };
  CHECK(client_side(kCheckMilestoneWaits) == "Beta (1 Dec): waits on 2 open tasks");
  CHECK(client_side(kCheckMilestoneDrift) ==
        "Beta: moved from 27 Nov to 1 Dec, new date to confirm together");
  CHECK(client_side(kCheckQuotaUsedUp) == "Revision rounds: 2 of 2 used");
  CHECK(client_side(kCheckExpectationUnconfirmed) == "“Launch before Easter”: to confirm together");
  CHECK(client_side(kCheckInBlackout) == "Weekly check-in on 25 Dec falls in Christmas break");
  // Fridays 6 Nov to 19 Mar, the look-ahead's end: 20 occurrences end at 17:30.
  CHECK(client_side(kCheckOutsideHours) ==
        "Weekly check-in: 20 dates from 6 Nov fall outside the agreed working hours");

  Engagement demo = make_demo();
  auto blackout = of(check_health(demo, kAsOf), kCheckInBlackout);
  REQUIRE_FALSE(blackout.empty());
  CHECK(contains(blackout[0].open_point, "Weekly check-in on 25 Dec, 1 Jan"));
  CHECK(contains(blackout[0].open_point, "in Christmas break"));
}

TEST_CASE("open points: the client view's list keeps client-facing open points, problems first",
          "[health][open-points]") {
  auto made = [](Severity s, int day, std::string open_point, bool internal = false) {
    Finding f;
    f.severity = s;
    f.check = std::string(kCheckTaskOverdue);
    f.date = d(2026, 11, day);
    f.open_point = std::move(open_point);
    f.internal = internal;
    return f;
  };
  std::vector<Finding> findings = {
      made(Severity::Info, 1, "info early"),        made(Severity::Warning, 20, "warning late"),
      made(Severity::Problem, 2, "", false),       // nothing for the client
      made(Severity::Problem, 3, "hidden", true),  // internal
      made(Severity::Warning, 10, "warning early"), made(Severity::Problem, 25, "problem"),
  };
  std::vector<std::string> listed;
  for (const Finding* f : client_open_points(findings)) listed.push_back(f->open_point);
  CHECK(listed ==
        std::vector<std::string>{"problem", "warning early", "warning late", "info early"});
  CHECK(client_open_points({}).empty());

  // On real findings: every listed one is client-facing and the list misses none.
  Everything x;
  auto all = check_health(x.e, kAsOf, x.settings);
  auto points = client_open_points(all);
  size_t expected = std::count_if(all.begin(), all.end(), [](const Finding& f) {
    return !f.internal && !f.open_point.empty();
  });
  CHECK(points.size() == expected);
  CHECK(points.size() >= 8);
  for (size_t i = 0; i < points.size(); ++i) {
    CHECK_FALSE(points[i]->internal);
    CHECK_FALSE(points[i]->open_point.empty());
    if (i > 0) {
      CHECK(points[i - 1]->severity >= points[i]->severity);
      if (points[i - 1]->severity == points[i]->severity)
        CHECK(points[i - 1]->date <= points[i]->date);
    }
  }
}
